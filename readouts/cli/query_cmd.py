"""``readouts search``, ``meetings``, ``person`` and ``stats``: the corpus queries.

Each command is a few lines over a function of :mod:`readouts.store.queries` (the same ones
the REST API calls), printed as rich tables for reading or, with ``--json``, as the query's
result model, so scripts get exactly what the API returns.  A bad filter value is one line
on stderr and exit status 2; "nothing found" is not an error for lists (exit 0) but is for
``person`` (exit 1), which has nothing to show.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from readouts.cli.app import app
from readouts.cli.options import DbOption, open_cli_store

if TYPE_CHECKING:
    from pydantic import BaseModel

    from readouts.store import Store
    from readouts.store.queries.results import PersonSummary, PersonTimeline

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, max=1000, help="Rows per page.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip.")]
Result = TypeVar("Result")


def _run(db: str | None, query: Callable[[Store], Result]) -> Result:
    """Open the store, run one query, close; a refused parameter exits 2 with one line.

    The query modules are imported here, not at the top, so that ``readouts --help`` and
    the other commands start without loading SQLAlchemy."""
    from readouts.store.queries import QueryError

    store = open_cli_store(db)
    try:
        return query(store)
    except QueryError as exc:
        print(f"readouts: error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    finally:
        store.close()


def _print_json(result: BaseModel) -> None:
    print(result.model_dump_json(indent=2))


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find (all of them); any text is safe.")],
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Full-text search over documents, with the meetings each one reports."""
    from readouts.cli.query_render import print_search
    from readouts.store.queries import search

    results = _run(db, lambda store: search(store, query, limit=limit, offset=offset))
    _print_json(results) if as_json else print_search(results)


@app.command("meetings")
def meetings_cmd(
    person: Annotated[str | None, typer.Option(help="A person's name or id.")] = None,
    body: Annotated[str | None, typer.Option(help="A body's id or words of its label.")] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="e.g. Hunan, Nghe An.")] = None,
    meeting_type: Annotated[
        str | None, typer.Option("--type", help="e.g. standing_committee_meeting.")
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")
    ] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Merged meetings (one per real meeting, every report counted once), newest first."""
    from readouts.cli.query_render import print_meetings
    from readouts.store.queries import MeetingFilter, list_meetings

    where = MeetingFilter(
        person=person,
        body=body,
        jurisdiction=jurisdiction,
        meeting_type=meeting_type,
        date_from=date_from,
        date_to=date_to,
    )
    page = _run(db, lambda store: list_meetings(store, where, limit=limit, offset=offset))
    _print_json(page) if as_json else print_meetings(page)


@app.command("person")
def person_cmd(
    name: Annotated[str, typer.Argument(help="A name (any spelling or alias) or a person id.")],
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=1000, help="Meetings to show, oldest first.")
    ] = 200,
    co_attendees: Annotated[
        int, typer.Option("--co-attendees", min=0, max=1000, help="How many to list.")
    ] = 10,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """A person's offices, meetings over time and most frequent co-attendees."""
    from readouts.cli.query_render import print_person
    from readouts.store.queries import find_people, person_timeline

    def query(store: Store) -> tuple[PersonTimeline | None, list[PersonSummary]]:
        found = find_people(store, name, limit=20)
        if not found:
            return None, []
        timeline = person_timeline(
            store, found[0].person_id, limit=limit, co_attendees=co_attendees
        )
        return timeline, found[1:]

    timeline, others = _run(db, query)
    if timeline is None:
        print(f"readouts: error: no person matches {name!r}", file=sys.stderr)
        raise typer.Exit(1)
    if others:
        listed = ", ".join(f"{p.name} ({p.jurisdiction or '?'}, {p.person_id})" for p in others)
        print(
            f"readouts: note: {len(others)} other people match: {listed}; pass an id to choose",
            file=sys.stderr,
        )
    _print_json(timeline) if as_json else print_person(timeline)


@app.command("stats")
def stats_cmd(
    top: Annotated[
        int, typer.Option("--top", min=1, max=1000, help="Jurisdictions and formulations.")
    ] = 20,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """What the store holds: counts, and meetings by year, jurisdiction and type."""
    from readouts.cli.query_render import print_stats
    from readouts.store.queries import corpus_stats

    stats = _run(db, lambda store: corpus_stats(store, top=top))
    _print_json(stats) if as_json else print_stats(stats)
