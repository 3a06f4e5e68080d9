"""Merged meetings: filtered pages, one meeting in full, and a body's meetings over time.

A real meeting reported by three outlets is one ``events`` row with three ``meetings`` rows;
analysts count and list real meetings, so every function here works on events and attaches
the reports (and each report's sources, syndicated copies included) to them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, distinct, func, select

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.queries.filters import (
    MeetingFilter,
    body_ids_matching,
    check_page,
    date_conditions,
    person_ids_matching,
    plain,
)
from readouts.store.queries.results import (
    BodyActivity,
    BodySummary,
    MeetingDetail,
    MeetingItemText,
    MeetingPage,
    MeetingParticipant,
    MeetingSummary,
    PeriodCount,
    PersonRef,
    Report,
    SourceRef,
)

ROLES = ("presided", "spoke", "reported", "attended")
Granularity = Literal["year", "month"]
_PERIOD_LENGTH = {"year": 4, "month": 7}

_e, _m, _p = t.events.c, t.meetings.c, t.participations.c


def list_meetings(
    store: Store, where: MeetingFilter | None = None, *, limit: int = 50, offset: int = 0
) -> MeetingPage:
    """Merged meetings matching ``where``, newest first (undated last), one page of them."""
    where = (where or MeetingFilter()).validate()
    check_page(limit, offset)
    conditions = event_conditions(where)
    with store.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.events).where(*conditions))
        rows = (
            conn.execute(
                summary_select()
                .where(*conditions)
                .order_by(_e.date.desc().nulls_last(), _e.event_id)
                .limit(limit)
                .offset(offset)
            )
            .mappings()
            .all()
        )
        meetings = summarize(conn, rows)
    return MeetingPage(total=total.scalar_one(), limit=limit, offset=offset, meetings=meetings)


def get_meeting(store: Store, event_id: str) -> MeetingDetail | None:
    """One merged meeting with every participant (roles and offices over every report)."""
    event_id = plain(event_id)
    with store.connect() as conn:
        row = conn.execute(summary_select().where(_e.event_id == event_id)).mappings().first()
        if row is None:
            return None
        summary = summarize(conn, [row])[0]
        participants = _participants(conn, event_id)
        items = (
            conn.execute(
                select(
                    t.meeting_items.c.kind,
                    t.meeting_items.c.agenda_kind,
                    t.meeting_items.c.text,
                    _m.doc_id,
                )
                .join(t.meetings, _m.meeting_id == t.meeting_items.c.meeting_id)
                .where(_m.event_id == event_id)
                .order_by(_m.meeting_id, t.meeting_items.c.kind, t.meeting_items.c.position)
            )
            .mappings()
            .all()
        )
    return MeetingDetail(
        meeting=summary,
        participants=participants,
        items=[MeetingItemText(**dict(item)) for item in items],
    )


def event_conditions(where: MeetingFilter) -> list[ColumnElement[bool]]:
    """SQL conditions on ``events`` for a (validated) filter."""
    conditions: list[ColumnElement[bool]] = []
    if where.person:
        attended = select(_p.event_id).where(_p.person_id.in_(person_ids_matching(where.person)))
        conditions.append(_e.event_id.in_(attended))
    if where.body:
        conditions.append(_e.body_id.in_(body_ids_matching(where.body)))
    if where.jurisdiction:
        conditions.append(func.lower(_e.jurisdiction) == where.jurisdiction.strip().lower())
    if where.meeting_type:
        conditions.append(_e.meeting_type == where.meeting_type)
    conditions += date_conditions(_e.date, where.date_from, where.date_to)
    return conditions


def summary_select() -> Any:
    return select(
        _e.event_id,
        _e.date,
        _e.meeting_type,
        _e.body_id,
        t.bodies.c.label.label("body"),
        _e.jurisdiction,
        _e.country,
        _e.n_reports,
        _m.session_number,
        _m.session_term,
    ).select_from(
        t.events.outerjoin(t.bodies, t.bodies.c.body_id == _e.body_id).outerjoin(
            t.meetings, _m.meeting_id == _e.first_meeting_id
        )
    )


def summarize(conn: Connection, rows: Sequence[Any]) -> list[MeetingSummary]:
    """Attach presiders, participant counts and reports (with sources) to event rows."""
    ids = [row["event_id"] for row in rows]
    if not ids:
        return []
    presiders: dict[str, list[PersonRef]] = defaultdict(list)
    for event_id, person_id, name in conn.execute(
        select(_p.event_id, _p.person_id, func.min(t.people.c.name))
        .join(t.people, t.people.c.person_id == _p.person_id)
        .where(_p.event_id.in_(ids), _p.presided.is_(True))
        .group_by(_p.event_id, _p.person_id)
        .order_by(_p.event_id, func.min(_p.position))
    ):
        presiders[event_id].append(PersonRef(person_id=person_id, name=name))
    counts: dict[str, int] = {
        event_id: n
        for event_id, n in conn.execute(
            select(_p.event_id, func.count(distinct(_p.person_id)))
            .where(_p.event_id.in_(ids))
            .group_by(_p.event_id)
        )
    }
    reports = reports_of(conn, ids)
    return [
        MeetingSummary(
            event_id=row["event_id"],
            date=row["date"],
            meeting_type=row["meeting_type"],
            body_id=row["body_id"],
            body=row["body"],
            jurisdiction=row["jurisdiction"],
            country=row["country"],
            session_number=row["session_number"],
            session_term=row["session_term"],
            presiders=presiders[row["event_id"]],
            n_participants=counts.get(row["event_id"], 0),
            n_reports=row["n_reports"],
            reports=reports[row["event_id"]],
        )
        for row in rows
    ]


def reports_of(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[Report]]:
    """Every report of each event, oldest publication first, each with all its sources."""
    d = t.documents.c
    rows = (
        conn.execute(
            select(
                _m.event_id, _m.meeting_id, _m.doc_id, _m.body_name, d.title, d.outlet, d.published
            )
            .join(t.documents, d.doc_id == _m.doc_id)
            .where(_m.event_id.in_(event_ids))
            .order_by(_m.event_id, d.published.nulls_last(), _m.meeting_id)
        )
        .mappings()
        .all()
    )
    sources = sources_of(conn, sorted({row["doc_id"] for row in rows}))
    reports: dict[str, list[Report]] = defaultdict(list)
    for row in rows:
        reports[row["event_id"]].append(
            Report(
                meeting_id=row["meeting_id"],
                doc_id=row["doc_id"],
                title=row["title"],
                outlet=row["outlet"],
                published=row["published"],
                body_name=row["body_name"],
                sources=sources.get(row["doc_id"], []),
            )
        )
    return reports


def sources_of(conn: Connection, doc_ids: Sequence[str]) -> dict[str, list[SourceRef]]:
    s = t.sources.c
    found: dict[str, list[SourceRef]] = defaultdict(list)
    if not doc_ids:
        return found
    for row in conn.execute(
        select(s.doc_id, s.source, s.relation, s.url, s.outlet, s.published, s.similarity)
        .where(s.doc_id.in_(doc_ids))
        .order_by(s.doc_id, s.id)
    ).mappings():
        values = dict(row)
        found[values.pop("doc_id")].append(SourceRef(**values))
    return found


def _participants(conn: Connection, event_id: str) -> list[MeetingParticipant]:
    pt = t.participation_titles.c
    rows = (
        conn.execute(
            select(_p.id, _p.person_id, t.people.c.name, *[_p[role] for role in ROLES])
            .join(t.people, t.people.c.person_id == _p.person_id)
            .where(_p.event_id == event_id)
            .order_by(_p.position, _p.id)
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
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        person = merged.setdefault(
            row["person_id"], {"name": row["name"], "roles": set(), "titles": []}
        )
        person["roles"].update(role for role in ROLES if row[role])
        person["titles"] += [x for x in titles[row["id"]] if x not in person["titles"]]
    return [
        MeetingParticipant(
            person_id=person_id,
            name=p["name"],
            roles=[r for r in ROLES if r in p["roles"]],
            titles=p["titles"],
        )
        for person_id, p in merged.items()
    ]


def find_bodies(store: Store, text: str, *, limit: int = 20) -> list[BodySummary]:
    """Bodies whose id is ``text`` or whose label has all its words, most meetings first."""
    check_page(limit, 0)
    b = t.bodies.c
    with store.connect() as conn:
        rows = (
            conn.execute(
                select(b.body_id, b.name, b.label, b.jurisdiction, b.country, b.n_meetings)
                .where(b.body_id.in_(body_ids_matching(plain(text))))
                .order_by(b.n_meetings.desc(), b.label)
                .limit(limit)
            )
            .mappings()
            .all()
        )
    return [BodySummary(**dict(row)) for row in rows]


def body_activity(store: Store, body_id: str, *, by: Granularity = "year") -> BodyActivity | None:
    """How many merged meetings a body held per year or month (``None``: no such body)."""
    body_id = plain(body_id)
    b = t.bodies.c
    period = func.substr(_e.date, 1, _PERIOD_LENGTH[by])
    with store.connect() as conn:
        row = (
            conn.execute(
                select(b.body_id, b.name, b.label, b.jurisdiction, b.country, b.n_meetings).where(
                    b.body_id == body_id
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            return None
        counts = conn.execute(
            select(period, func.count())
            .where(_e.body_id == body_id)
            .group_by(period)
            .order_by(period.nulls_last())
        ).all()
    return BodyActivity(
        body=BodySummary(**dict(row)),
        periods=[PeriodCount(period=p, n_meetings=n) for p, n in counts],
    )
