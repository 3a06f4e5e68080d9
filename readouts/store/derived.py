"""Rebuilding the resolved tables (people, aliases, occupancies, body counts) from the rows.

These tables are summaries of ``participations`` and ``meetings``; rather than patching
counts as rows arrive, the ingest rebuilds the summary of every person and body a batch
touched, in the same transaction.  A judgement (merge, split) does the same for the people
it moves, so counts can never drift from the evidence.  Meetings are counted as distinct
events, so two reports of one meeting count once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from readouts.store import schema as t
from readouts.store.sql import bulk_insert, chunks, is_in

#: People per rebuild statement (bounds the memory of one aggregation).
CHUNK = 5000


def rebuild_people(conn: Connection, person_ids: Iterable[str]) -> None:
    """Recompute ``people``, ``person_aliases`` and ``occupancies`` for these people."""
    dialect = conn.dialect.name
    for batch in chunks(sorted(set(person_ids)), CHUNK):
        for table in (t.people, t.person_aliases, t.occupancies):
            conn.execute(delete(table).where(is_in(dialect, table.c.person_id, batch)))
        people, aliases = _people_rows(conn, batch)
        bulk_insert(conn, t.people, people)
        bulk_insert(conn, t.person_aliases, aliases)
        conn.execute(
            insert(t.occupancies).from_select(_OCCUPANCY_COLUMNS, _occupancies(dialect, batch))
        )


def _people_rows(
    conn: Connection, batch: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    p = t.participations
    spellings = select(
        p.c.person_id, p.c.name, p.c.name_key, p.c.jurisdiction, p.c.country, func.count()
    ).where(is_in(conn.dialect.name, p.c.person_id, batch)).group_by(
        p.c.person_id, p.c.name, p.c.name_key, p.c.jurisdiction, p.c.country
    )  # fmt: skip
    names: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    places: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for person_id, name, key, jurisdiction, country, n in conn.execute(spellings):
        names[person_id][(name, key)] += n
        places[person_id][(jurisdiction or "", country or "")] += n
    stats = select(
        p.c.person_id,
        func.count(p.c.event_id.distinct()),
        func.count(p.c.doc_id.distinct()),
        func.min(p.c.date),
        func.max(p.c.date),
    ).where(is_in(conn.dialect.name, p.c.person_id, batch)).group_by(p.c.person_id)  # fmt: skip
    people, aliases = [], []
    for person_id, n_meetings, n_documents, first, last in conn.execute(stats):
        (name, key), _ = _most_common(names[person_id])
        (jurisdiction, country), _ = _most_common(places[person_id])
        people.append(
            {
                "person_id": person_id,
                "name": name,
                "name_key": key,
                "jurisdiction": jurisdiction or None,
                "country": country or None,
                "n_meetings": n_meetings,
                "n_documents": n_documents,
                "first_seen": first,
                "last_seen": last,
            }
        )
        written: Counter[str] = Counter()
        for (alias, _key), n in names[person_id].items():
            written[alias] += n
        aliases += [
            {"person_id": person_id, "alias": a, "n_mentions": n} for a, n in written.items()
        ]
    return people, aliases


def _most_common(counts: Counter[tuple[str, str]]) -> tuple[tuple[str, str], int]:
    """The most frequent value; ties go to the first in sorted order (deterministic)."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))


_OCCUPANCY_COLUMNS = [
    "person_id",
    "post_id",
    "first_seen",
    "last_seen",
    "n_meetings",
    "n_documents",
]


def _occupancies(dialect: str, batch: list[str]) -> Any:
    p, pt = t.participations, t.participation_titles
    return (
        select(
            p.c.person_id,
            pt.c.post_id,
            func.min(p.c.date),
            func.max(p.c.date),
            func.count(p.c.event_id.distinct()),
            func.count(p.c.doc_id.distinct()),
        )
        .select_from(pt.join(p, p.c.id == pt.c.participation_id))
        .where(is_in(dialect, p.c.person_id, batch))
        .group_by(p.c.person_id, pt.c.post_id)
    )


def rebuild_bodies(conn: Connection, body_ids: Iterable[str]) -> None:
    """Recompute each body's meeting count (distinct events)."""
    m, b = t.meetings, t.bodies
    count = (
        select(func.count(m.c.event_id.distinct()))
        .where(m.c.body_id == b.c.body_id)
        .scalar_subquery()
    )
    for batch in chunks(sorted(set(body_ids)), CHUNK):
        where = is_in(conn.dialect.name, b.c.body_id, batch)
        conn.execute(update(b).where(where).values(n_meetings=count))
