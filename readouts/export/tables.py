"""The flat tables analysts load into pandas, polars, DuckDB or a spreadsheet.

Five tables, one row per thing an analyst counts: ``meetings`` (merged meetings),
``participations`` (a person at a merged meeting, roles and offices over every report),
``people``, ``posts`` and ``occupancies`` (person in post, first and last seen).  Each is a
column list with kinds plus a row generator, so the CSV and Parquet writers share one
definition; list-valued columns are lists in Parquet and ``"; "``-joined text in CSV.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select

from readouts.export.merged import iter_event_batches, participants_of
from readouts.store import Store
from readouts.store import schema as t
from readouts.store.queries.meetings import ROLES, summarize

Kind = Literal["str", "int", "bool", "list"]
Row = dict[str, Any]


@dataclass(frozen=True)
class FlatTable:
    name: str
    columns: tuple[tuple[str, Kind], ...]
    rows: Callable[[Store], Iterator[Row]]

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


def meetings_with_participations(store: Store) -> Iterator[tuple[Row, list[Row]]]:
    """Each merged meeting's row with the rows of its participations, in one pass."""
    for conn, rows in iter_event_batches(store):
        summaries = summarize(conn, rows)
        people = participants_of(conn, [row["event_id"] for row in rows])
        for summary in summaries:
            doc_ids = [report.doc_id for report in summary.reports]
            meeting = {
                "event_id": summary.event_id,
                "date": summary.date,
                "meeting_type": summary.meeting_type,
                "body_id": summary.body_id,
                "body": summary.body,
                "jurisdiction": summary.jurisdiction,
                "country": summary.country,
                "session_number": summary.session_number,
                "session_term": summary.session_term,
                "presiders": [p.name for p in summary.presiders],
                "n_participants": summary.n_participants,
                "n_reports": summary.n_reports,
                "n_sources": sum(len(report.sources) for report in summary.reports),
                "doc_ids": doc_ids,
            }
            participations = [
                {
                    "event_id": summary.event_id,
                    "person_id": person["person_id"],
                    "name": person["name"],
                    "date": summary.date,
                    "meeting_type": summary.meeting_type,
                    "body_id": summary.body_id,
                    "jurisdiction": summary.jurisdiction,
                    **{role: role in person["roles"] for role in ROLES},
                    "titles": person["titles"],
                    "doc_ids": person["doc_ids"],
                }
                for person in people.get(summary.event_id, [])
            ]
            yield meeting, participations


def meeting_rows(store: Store) -> Iterator[Row]:
    for meeting, _ in meetings_with_participations(store):
        yield meeting


def participation_rows(store: Store) -> Iterator[Row]:
    for _, participations in meetings_with_participations(store):
        yield from participations


def people_rows(store: Store) -> Iterator[Row]:
    pe, pa = t.people.c, t.person_aliases.c
    with store.connect() as conn:
        aliases: dict[str, list[str]] = defaultdict(list)
        for person_id, alias in conn.execute(
            select(pa.person_id, pa.alias).order_by(pa.person_id, pa.n_mentions.desc(), pa.alias)
        ):
            aliases[person_id].append(alias)
        for row in conn.execute(select(t.people).order_by(pe.person_id)).mappings():
            yield {
                **{name: row[name] for name, _ in PEOPLE.columns if name != "aliases"},
                "aliases": aliases.get(row["person_id"], []),
            }


def post_rows(store: Store) -> Iterator[Row]:
    po, oc = t.posts.c, t.occupancies.c
    holders = select(oc.post_id, func.count().label("n_holders")).group_by(oc.post_id).subquery()
    with store.connect() as conn:
        for row in conn.execute(
            select(
                po.post_id,
                po.title,
                po.label,
                po.office_key,
                po.jurisdiction,
                po.country,
                func.coalesce(holders.c.n_holders, 0).label("n_holders"),
            )
            .select_from(t.posts.outerjoin(holders, holders.c.post_id == po.post_id))
            .order_by(po.post_id)
        ).mappings():
            yield dict(row)


def occupancy_rows(store: Store) -> Iterator[Row]:
    oc, pe, po = t.occupancies.c, t.people.c, t.posts.c
    with store.connect() as conn:
        for row in conn.execute(
            select(
                oc.person_id,
                pe.name,
                oc.post_id,
                po.title,
                po.label,
                po.jurisdiction,
                oc.first_seen,
                oc.last_seen,
                oc.n_meetings,
                oc.n_documents,
            )
            .join(t.people, pe.person_id == oc.person_id)
            .join(t.posts, po.post_id == oc.post_id)
            .order_by(oc.person_id, oc.first_seen, oc.post_id)
        ).mappings():
            yield dict(row)


MEETINGS = FlatTable(
    "meetings",
    (
        ("event_id", "str"),
        ("date", "str"),
        ("meeting_type", "str"),
        ("body_id", "str"),
        ("body", "str"),
        ("jurisdiction", "str"),
        ("country", "str"),
        ("session_number", "int"),
        ("session_term", "int"),
        ("presiders", "list"),
        ("n_participants", "int"),
        ("n_reports", "int"),
        ("n_sources", "int"),
        ("doc_ids", "list"),
    ),
    meeting_rows,
)
PARTICIPATIONS = FlatTable(
    "participations",
    (
        ("event_id", "str"),
        ("person_id", "str"),
        ("name", "str"),
        ("date", "str"),
        ("meeting_type", "str"),
        ("body_id", "str"),
        ("jurisdiction", "str"),
        ("presided", "bool"),
        ("spoke", "bool"),
        ("reported", "bool"),
        ("attended", "bool"),
        ("titles", "list"),
        ("doc_ids", "list"),
    ),
    participation_rows,
)
PEOPLE = FlatTable(
    "people",
    (
        ("person_id", "str"),
        ("name", "str"),
        ("aliases", "list"),
        ("jurisdiction", "str"),
        ("country", "str"),
        ("n_meetings", "int"),
        ("n_documents", "int"),
        ("first_seen", "str"),
        ("last_seen", "str"),
    ),
    people_rows,
)
POSTS = FlatTable(
    "posts",
    (
        ("post_id", "str"),
        ("title", "str"),
        ("label", "str"),
        ("office_key", "str"),
        ("jurisdiction", "str"),
        ("country", "str"),
        ("n_holders", "int"),
    ),
    post_rows,
)
OCCUPANCIES = FlatTable(
    "occupancies",
    (
        ("person_id", "str"),
        ("name", "str"),
        ("post_id", "str"),
        ("title", "str"),
        ("label", "str"),
        ("jurisdiction", "str"),
        ("first_seen", "str"),
        ("last_seen", "str"),
        ("n_meetings", "int"),
        ("n_documents", "int"),
    ),
    occupancy_rows,
)

TABLES: tuple[FlatTable, ...] = (MEETINGS, PARTICIPATIONS, PEOPLE, POSTS, OCCUPANCIES)
