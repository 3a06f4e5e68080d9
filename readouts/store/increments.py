"""Adding a batch to the people's summaries without re-reading their history.

Rebuilding a person's summary from all their participations (:mod:`.derived`) costs as much
as their history: a provincial secretary seen in 2,000 meetings would be re-read by every
batch that mentions them again, and the ingest would slow as the corpus grows.  Instead a
batch reads the summary rows of the people it touches (a few rows each), adds what the batch
saw and writes them back.  Meetings still count as distinct events: a report joined to a
meeting the person was already counted at (a second report) adds no meeting, so the sums
equal what a rebuild would count (the tests compare the two).

A person's jurisdiction is the most common at the last full rebuild (or the first batch
that saw them); a merge or split rebuilds the people it moves in full.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, bindparam, delete, select, update

from readouts.resolve.keys import name_key
from readouts.store import schema as t
from readouts.store.rows import ParticipationRows, Row
from readouts.store.sql import bulk_insert, is_in

Pair = tuple[str, str]


@dataclass
class _Seen:
    """What a batch saw of one person (or of one person in one post)."""

    docs: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.docs.add(row["doc_id"])
        self.events.add(row["event_id"])
        if row["date"]:
            self.dates.append(row["date"])


def add_batch_to_people(
    conn: Connection, participations: list[ParticipationRows], joined_events: Iterable[str]
) -> None:
    """Fold the batch's participations into ``people``, ``person_aliases``, ``occupancies``.

    Call it before the batch's participations are inserted: ``joined_events`` (events that
    existed before the batch and got another report) are read to know who was already
    counted there.
    """
    if not participations:
        return
    dialect = conn.dialect.name
    counted, counted_posts = _already_counted(conn, list(joined_events))
    people: dict[str, _Seen] = defaultdict(_Seen)
    posts: dict[Pair, _Seen] = defaultdict(_Seen)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    places: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for item in participations:
        row, person = item.row, item.row["person_id"]
        people[person].add(row)
        spellings[person][row["name"]] += 1
        places[person][(row["jurisdiction"] or "", row["country"] or "")] += 1
        for title in item.titles:
            posts[(person, title["post_id"])].add(row)
    touched = sorted(people)
    _update_people(conn, dialect, touched, people, spellings, places, counted)
    _update_occupancies(conn, dialect, touched, posts, counted_posts)


def _already_counted(
    conn: Connection, events: list[str]
) -> tuple[set[Pair], set[tuple[str, str, str]]]:
    """(event, person) and (event, person, post) already stored for these events."""
    if not events:
        return set(), set()
    p, pt = t.participations, t.participation_titles
    where = is_in(conn.dialect.name, p.c.event_id, events)
    pairs = {
        (e, person) for e, person in conn.execute(select(p.c.event_id, p.c.person_id).where(where))
    }
    query = select(p.c.event_id, p.c.person_id, pt.c.post_id).select_from(
        pt.join(p, p.c.id == pt.c.participation_id)
    )
    triples = {(e, person, post) for e, person, post in conn.execute(query.where(where))}
    return pairs, triples


def _update_people(
    conn: Connection,
    dialect: str,
    touched: list[str],
    seen: dict[str, _Seen],
    spellings: dict[str, Counter[str]],
    places: dict[str, Counter[tuple[str, str]]],
    counted: set[Pair],
) -> None:
    people, aliases = t.people, t.person_aliases
    old = _rows_by_key(conn, select(people).where(is_in(dialect, people.c.person_id, touched)), 1)
    for person, alias, n in conn.execute(
        select(aliases.c.person_id, aliases.c.alias, aliases.c.n_mentions).where(
            is_in(dialect, aliases.c.person_id, touched)
        )
    ):
        spellings[person][alias] += n
    rows = []
    for person in touched:
        batch, before = seen[person], old.get(person)
        new_events = {e for e in batch.events if (e, person) not in counted}
        name = min(spellings[person].items(), key=lambda item: (-item[1], item[0]))[0]
        if before is None:
            (jurisdiction, country) = min(places[person].items(), key=lambda i: (-i[1], i[0]))[0]
            before = {"jurisdiction": jurisdiction or None, "country": country or None}
        rows.append(
            {
                "person_id": person,
                "name": name,
                "name_key": name_key(name),
                "jurisdiction": before["jurisdiction"],
                "country": before["country"],
                "n_meetings": before.get("n_meetings", 0) + len(new_events),
                "n_documents": before.get("n_documents", 0) + len(batch.docs),
                "first_seen": _earliest(before.get("first_seen"), batch.dates),
                "last_seen": _latest(before.get("last_seen"), batch.dates),
            }
        )
    for table in (people, aliases):
        conn.execute(delete(table).where(is_in(dialect, table.c.person_id, touched)))
    bulk_insert(conn, people, rows)
    bulk_insert(
        conn,
        aliases,
        [
            {"person_id": p, "alias": a, "n_mentions": n}
            for p in touched
            for a, n in spellings[p].items()
        ],
    )


def _update_occupancies(
    conn: Connection,
    dialect: str,
    touched: list[str],
    seen: dict[Pair, _Seen],
    counted: set[tuple[str, str, str]],
) -> None:
    o = t.occupancies
    rows = _rows_by_key(conn, select(o).where(is_in(dialect, o.c.person_id, touched)), 2)
    for (person, post), batch in seen.items():
        before = rows.get((person, post), {})
        new_events = {e for e in batch.events if (e, person, post) not in counted}
        rows[(person, post)] = {
            "person_id": person,
            "post_id": post,
            "first_seen": _earliest(before.get("first_seen"), batch.dates),
            "last_seen": _latest(before.get("last_seen"), batch.dates),
            "n_meetings": before.get("n_meetings", 0) + len(new_events),
            "n_documents": before.get("n_documents", 0) + len(batch.docs),
        }
    conn.execute(delete(o).where(is_in(dialect, o.c.person_id, touched)))
    bulk_insert(conn, o, [rows[key] for key in sorted(rows)])


def _rows_by_key(conn: Connection, query: Select[Any], width: int) -> dict[Any, dict[str, Any]]:
    """The query's rows as dicts, by their first ``width`` columns (one column: the value).

    Plain tuples zipped with the column names: SQLAlchemy's row mappings cost several times
    more, and a batch reads the summaries of hundreds of people."""
    result = conn.execute(query)
    names = tuple(result.keys())
    rows = {}
    for values in result:
        row = dict(zip(names, values, strict=True))
        rows[values[0] if width == 1 else tuple(values[:width])] = row
    return rows


def _earliest(before: str | None, dates: list[str]) -> str | None:
    return min([d for d in (before, *dates) if d], default=None)


def _latest(before: str | None, dates: list[str]) -> str | None:
    return max([d for d in (before, *dates) if d], default=None)


def add_events_to_bodies(conn: Connection, new_events: list[Row]) -> None:
    """Count the batch's new events in their bodies (a joined report adds no meeting)."""
    b = t.bodies
    counts = Counter(event["body_id"] for event in new_events if event["body_id"])
    if counts:
        statement = (
            update(b)
            .where(b.c.body_id == bindparam("body"))
            .values(n_meetings=b.c.n_meetings + bindparam("added"))
        )
        conn.execute(statement, [{"body": k, "added": n} for k, n in sorted(counts.items())])
