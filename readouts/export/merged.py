"""Merged meetings read from the store in batches, for the exports that write every meeting.

An export may cover hundreds of thousands of meetings, so events are read in keyset pages
(``event_id > last``) and each page's reports, sources, participants and offices are fetched
with one query per kind: memory stays flat and the number of queries grows with pages, not
with meetings.  Each merged meeting comes out as a plain dict shaped like the JSON Lines
export, which the other exports also draw from.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.queries.meetings import ROLES, reports_of, summarize, summary_select

BATCH = 500

_e, _p = t.events.c, t.participations.c


def iter_event_batches(store: Store, batch: int = BATCH) -> Iterator[tuple[Connection, list[Any]]]:
    """Pages of ``events`` rows (with body label and session) in ``event_id`` order."""
    last = ""
    with store.connect() as conn:
        while True:
            rows = (
                conn.execute(
                    summary_select().where(_e.event_id > last).order_by(_e.event_id).limit(batch)
                )
                .mappings()
                .all()
            )
            if not rows:
                return
            yield conn, list(rows)
            last = rows[-1]["event_id"]


def iter_merged_meetings(store: Store, *, with_records: bool = True) -> Iterator[dict[str, Any]]:
    """Every merged meeting with its participants and every report and source.

    With ``with_records`` each report carries the extracted ``Meeting`` record from its
    document (the evidence spans point into that document's text).
    """
    for conn, rows in iter_event_batches(store):
        summaries = summarize(conn, rows)
        ids = [row["event_id"] for row in rows]
        people = participants_of(conn, ids)
        records = _meeting_records(conn, ids) if with_records else {}
        for summary in summaries:
            data = summary.model_dump(mode="json")
            data["participants"] = people.get(summary.event_id, [])
            for report in data["reports"]:
                report["meeting"] = records.get(report["meeting_id"])
            yield data


def participants_of(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Each event's people, in order of first mention, roles and offices over every report."""
    pt = t.participation_titles.c
    rows = (
        conn.execute(
            select(
                _p.id,
                _p.event_id,
                _p.person_id,
                _p.doc_id,
                t.people.c.name,
                *[_p[role] for role in ROLES],
            )
            .join(t.people, t.people.c.person_id == _p.person_id)
            .where(_p.event_id.in_(event_ids))
            .order_by(_p.event_id, _p.doc_id, _p.position)
        )
        .mappings()
        .all()
    )
    titles: dict[int, list[str]] = defaultdict(list)
    for participation_id, title in conn.execute(
        select(pt.participation_id, pt.title)
        .where(pt.participation_id.in_([row["id"] for row in rows]))
        .order_by(pt.participation_id, pt.position)
    ):
        titles[participation_id].append(title)
    merged: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        person = merged[row["event_id"]].setdefault(
            row["person_id"],
            {
                "person_id": row["person_id"],
                "name": row["name"],
                "roles": [],
                "titles": [],
                "doc_ids": [],
            },
        )
        _add(person["roles"], [r for r in ROLES if row[r]])
        _add(person["titles"], titles[row["id"]])
        _add(person["doc_ids"], [row["doc_id"]])
    for people in merged.values():
        for person in people.values():
            person["roles"].sort(key=ROLES.index)
    return {event_id: list(people.values()) for event_id, people in merged.items()}


def _add(values: list[str], new: Sequence[str]) -> None:
    values.extend(v for v in new if v not in values)


def _meeting_records(conn: Connection, event_ids: Sequence[str]) -> dict[str, Any]:
    """The extracted Meeting (from the record JSON) of every report of these events."""
    m, d = t.meetings.c, t.documents.c
    wanted: dict[str, dict[int, str]] = defaultdict(dict)
    for meeting_id, doc_id, position in conn.execute(
        select(m.meeting_id, m.doc_id, m.position).where(m.event_id.in_(event_ids))
    ):
        wanted[doc_id][position] = meeting_id
    found: dict[str, Any] = {}
    for doc_id, record_json in conn.execute(
        select(d.doc_id, d.record_json).where(d.doc_id.in_(list(wanted)))
    ):
        meetings = json.loads(record_json).get("meetings", [])
        for position, meeting_id in wanted[doc_id].items():
            if position < len(meetings):
                found[meeting_id] = meetings[position]
    return found


__all__ = ["iter_event_batches", "iter_merged_meetings", "participants_of", "reports_of"]
