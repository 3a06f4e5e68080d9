"""``readouts people``: find people in the store and correct the resolver.

``list`` and ``show`` help find ids; ``merge`` and ``split`` record an analyst's judgement,
apply it at once and keep it for every later ingest (see :mod:`readouts.store.judgements`).
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from readouts.cli.app import app
from readouts.cli.options import DbOption, open_cli_store

people_app = typer.Typer(
    help="Find people in the store; merge or split them (kept as judgements).",
    no_args_is_help=True,
)
app.add_typer(people_app, name="people")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why (kept with the judgement).")]


def _fail(message: str, code: int = 1) -> typer.Exit:
    print(f"readouts: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def _cell(value: Any) -> Text:
    return Text("-" if value is None else str(value))


@people_app.command("list")
def list_command(
    name: Annotated[str | None, typer.Argument(help="Part of a name (any spelling seen).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    as_json: JsonFlag = False,
    db: DbOption = None,
) -> None:
    """List people, most often seen first."""
    from readouts.store.people import list_people

    with open_cli_store(db) as store, store.begin() as conn:
        rows = list_people(conn, name, limit)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table(
        Column("person_id", no_wrap=True),  # ids are copied from here: never cut them
        "name",
        "jurisdiction",
        Column("meetings", justify="right"),
        Column("first seen", no_wrap=True),
        Column("last seen", no_wrap=True),
    )
    for row in rows:
        table.add_row(
            *(
                _cell(row[k])
                for k in (
                    "person_id",
                    "name",
                    "jurisdiction",
                    "n_meetings",
                    "first_seen",
                    "last_seen",
                )
            )
        )
    Console(highlight=False).print(table)


@people_app.command("show")
def show_command(
    person: Annotated[str, typer.Argument(help="A person id, or a name seen only once.")],
    as_json: JsonFlag = False,
    db: DbOption = None,
) -> None:
    """A person's spellings, offices (first/last seen) and documents."""
    from readouts.store.judgements import JudgementError, find_person
    from readouts.store.people import person_detail

    with open_cli_store(db) as store, store.begin() as conn:
        try:
            detail = person_detail(conn, find_person(conn, person))
        except JudgementError as exc:
            raise _fail(str(exc)) from None
    assert detail is not None
    if as_json:
        print(json.dumps(detail, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    place = detail["jurisdiction"] or "no jurisdiction"
    heading = f"{detail['name']}  {detail['person_id']}  ({place})"
    console.print(Text(heading, style="bold"))
    console.print(Text("written as: " + ", ".join(a["alias"] for a in detail["aliases"])))
    offices = Table(
        "office",
        Column("first seen", no_wrap=True),
        Column("last seen", no_wrap=True),
        Column("meetings", justify="right"),
    )
    for row in detail["offices"]:
        offices.add_row(
            _cell(row["label"]),
            _cell(row["first_seen"]),
            _cell(row["last_seen"]),
            _cell(row["n_meetings"]),
        )
    console.print(offices)
    docs = Table(Column("doc_id", no_wrap=True), Column("date", no_wrap=True), "written")
    for row in detail["documents"]:
        docs.add_row(_cell(row["doc_id"]), _cell(row["date"]), _cell(row["name"]))
    console.print(docs)


@people_app.command("merge")
def merge_command(
    person: Annotated[str, typer.Argument(help="The person who stays (id or name).")],
    other: Annotated[str, typer.Argument(help="The same person under another id (merged in).")],
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Record that OTHER is the same person as PERSON; kept for every later ingest."""
    from readouts.store.judgements import JudgementError, merge_people

    with open_cli_store(db) as store:
        try:
            outcome = merge_people(store, person, other, note)
        except JudgementError as exc:
            raise _fail(str(exc)) from None
    print(f"merged into {outcome.person_id}: {outcome.moved} mentions moved")


@people_app.command("split")
def split_command(
    person: Annotated[str, typer.Argument(help="The person to split (id or name).")],
    docs: Annotated[
        list[str],
        typer.Option("--doc", help="A document whose mentions are someone else (repeat)."),
    ],
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Record that PERSON's mentions in the --doc documents are another person."""
    from readouts.store.judgements import JudgementError, split_person

    with open_cli_store(db) as store:
        try:
            outcome = split_person(store, person, docs, note)
        except JudgementError as exc:
            raise _fail(str(exc)) from None
    print(f"split off {outcome.person_id}: {outcome.moved} mentions moved")
