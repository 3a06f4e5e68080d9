"""What the meeting and person pages read, in a handful of prepared statements each.

These two pages are the ones analysts open most, and the ones with a latency target under
load (``bench/serve_load.py``).  The general queries in :mod:`readouts.store.queries` answer
the same questions for the API and the CLI, but in a dozen statements built per call; here
each page reads what it shows with a few statements built once at import (bound parameters,
expanding ``IN`` lists), and returns the same result models, so the templates and the API
speak one vocabulary.  A person page shows one page of meetings, newest first, instead of the
whole career; the rest of it is kept per person and store generation (:class:`Career`), so a
request reads only the generation, the page's events and the person's part in them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, select

from readouts.model import Record
from readouts.store import schema as t
from readouts.store.queries.meetings import ROLES
from readouts.store.queries.people import timeline_meetings
from readouts.store.queries.results import (
    CoAttendee,
    MeetingParticipant,
    MeetingSummary,
    Office,
    PersonRef,
    PersonSummary,
    Report,
    SourceRef,
    TimelineMeeting,
)
from readouts.web.cache import LruCache, generation

_e, _m, _d, _p = t.events.c, t.meetings.c, t.documents.c, t.participations.c
_pt, _b, _s = t.participation_titles.c, t.bodies.c, t.sources.c

_EVENT = (
    select(_e.event_id, _e.date, _e.meeting_type, _e.body_id, _b.label, _e.jurisdiction)
    .add_columns(_e.country, _e.n_reports)
    .select_from(t.events.outerjoin(t.bodies, _b.body_id == _e.body_id))
    .where(_e.event_id == bindparam("event_id"))
)
#: The meeting's reports with their documents and, in the same statement, each document's
#: sources (one row per source; ``source_row`` None: the document has none).
_REPORTS = (
    select(_m.meeting_id, _m.doc_id, _m.body_name, _m.session_number, _m.session_term)
    .add_columns(_d.title, _d.outlet, _d.published, _s.id.label("source_row"), _s.source)
    .add_columns(_s.relation, _s.url, _s.outlet.label("source_outlet"), _s.similarity)
    .add_columns(_s.published.label("source_published"))
    .select_from(
        t.meetings.join(t.documents, _d.doc_id == _m.doc_id).outerjoin(
            t.sources, _s.doc_id == _m.doc_id
        )
    )
    .where(_m.event_id == bindparam("event_id"))
    .order_by(_d.published.nulls_last(), _m.meeting_id, _s.id)
)
_PARTICIPANTS = (
    select(
        _p.id, _p.meeting_id, _p.position, _p.person_id, t.people.c.name, *(_p[r] for r in ROLES)
    )
    .add_columns(_pt.title)
    .join(t.people, t.people.c.person_id == _p.person_id)
    .outerjoin(t.participation_titles, _pt.participation_id == _p.id)
    .where(_p.event_id == bindparam("event_id"))
    .order_by(_p.meeting_id, _p.position, _pt.position)
)
_DOCUMENT = select(_d.text, _d.record_json).where(_d.doc_id == bindparam("doc_id"))


@dataclass
class MeetingView:
    """A merged meeting as its page shows it, with one report's text and evidence."""

    summary: MeetingSummary
    participants: list[MeetingParticipant]
    report: Report | None
    record: Record | None = None
    text: str = ""
    position: int = 0
    #: participant position in the shown report -> person_id
    people: dict[int, str] = field(default_factory=dict)


def meeting_view(conn: Connection, event_id: str, wanted_report: str | None) -> MeetingView | None:
    """The merged meeting ``event_id``, showing ``wanted_report`` (else its first report)."""
    event = conn.execute(_EVENT, {"event_id": event_id}).mappings().first()
    if event is None:
        return None
    rows, sources = _report_rows(conn, event_id)
    reports = [_report(row, sources[row["meeting_id"]]) for row in rows]
    report = next((r for r in reports if r.meeting_id == wanted_report), None)
    report = report or (reports[0] if reports else None)
    parts = conn.execute(_PARTICIPANTS, {"event_id": event_id}).mappings().all()
    participants, presiders = _merged(parts)
    first = rows[0] if rows else {}
    summary = MeetingSummary(
        event_id=event["event_id"],
        date=event["date"],
        meeting_type=event["meeting_type"],
        body_id=event["body_id"],
        body=event["label"],
        jurisdiction=event["jurisdiction"],
        country=event["country"],
        session_number=first.get("session_number"),
        session_term=first.get("session_term"),
        presiders=presiders,
        n_participants=len(participants),
        n_reports=event["n_reports"],
        reports=reports,
    )
    view = MeetingView(summary, participants, report)
    if report is not None:
        _attach_text(conn, view, report, parts)
    return view


def _report_rows(conn: Connection, event_id: str) -> tuple[list[Any], dict[str, list[SourceRef]]]:
    """The meeting's report rows (one each, in page order) and each report's sources."""
    rows: list[Any] = []
    sources: dict[str, list[SourceRef]] = {}
    for row in conn.execute(_REPORTS, {"event_id": event_id}).mappings().all():
        if row["meeting_id"] not in sources:
            rows.append(row)
            sources[row["meeting_id"]] = []
        if row["source_row"] is not None:
            sources[row["meeting_id"]].append(
                SourceRef(
                    source=row["source"],
                    relation=row["relation"],
                    url=row["url"],
                    outlet=row["source_outlet"],
                    published=row["source_published"],
                    similarity=row["similarity"],
                )
            )
    return rows, sources


def _report(row: Any, sources: list[SourceRef]) -> Report:
    return Report(
        meeting_id=row["meeting_id"],
        doc_id=row["doc_id"],
        title=row["title"],
        outlet=row["outlet"],
        published=row["published"],
        body_name=row["body_name"],
        sources=sources,
    )


def _merged(parts: Sequence[Any]) -> tuple[list[MeetingParticipant], list[PersonRef]]:
    """One entry per person over every report: roles and offices united, first mention order."""
    people: dict[str, dict[str, Any]] = {}
    for row in parts:
        person = people.setdefault(
            row["person_id"], {"name": row["name"], "roles": set(), "titles": []}
        )
        person["roles"].update(role for role in ROLES if row[role])
        if row["title"] and row["title"] not in person["titles"]:
            person["titles"].append(row["title"])
    merged = [
        MeetingParticipant(
            person_id=person_id,
            name=p["name"],
            roles=[r for r in ROLES if r in p["roles"]],
            titles=p["titles"],
        )
        for person_id, p in people.items()
    ]
    presiders = [
        PersonRef(person_id=p.person_id, name=p.name) for p in merged if "presided" in p.roles
    ]
    return merged, presiders


def _attach_text(conn: Connection, view: MeetingView, report: Report, parts: Sequence[Any]) -> None:
    """The shown report's record and text, and which person each of its participants is."""
    document = conn.execute(_DOCUMENT, {"doc_id": report.doc_id}).first()
    if document is None:
        return
    view.record = Record.model_validate_json(document.record_json)
    view.text = view.record.text or document.text
    view.position = int(report.meeting_id.rpartition("-")[2] or 0)
    view.people = {
        row["position"]: row["person_id"] for row in parts if row["meeting_id"] == report.meeting_id
    }


_PERSON = select(t.people).where(t.people.c.person_id == bindparam("person_id"))
_ALIASES = (
    select(t.person_aliases.c.alias)
    .where(t.person_aliases.c.person_id == bindparam("person_id"))
    .order_by(t.person_aliases.c.n_mentions.desc(), t.person_aliases.c.alias)
    .limit(20)
)
_OFFICES = (
    select(t.occupancies.c.post_id, t.posts.c.title, t.posts.c.label, t.posts.c.jurisdiction)
    .add_columns(
        t.occupancies.c.first_seen,
        t.occupancies.c.last_seen,
        t.occupancies.c.n_meetings,
        t.occupancies.c.n_documents,
    )
    .join(t.posts, t.posts.c.post_id == t.occupancies.c.post_id)
    .where(t.occupancies.c.person_id == bindparam("person_id"))
    .order_by(t.occupancies.c.first_seen.nulls_last(), t.occupancies.c.last_seen, t.posts.c.label)
)
#: Every merged meeting of a person with its date: one pass over their participations.
_CAREER = (
    select(_p.event_id, func.max(_p.date))
    .where(_p.person_id == bindparam("person_id"))
    .group_by(_p.event_id)
)
_MY_PARTS = and_(_p.event_id == _e.event_id, _p.person_id == bindparam("person_id"))
#: The page's meetings (by primary key, with their body) and the person's participations
#: and titles in each, in one statement: one seek per meeting in the (event_id, person_id)
#: index, so neither their whole career nor everyone else at those meetings is read.  A
#: meeting comes back once per title of each participation (``doc_id`` None: none at all).
_PAGE = (
    select(_e.event_id, _e.date, _e.meeting_type, _e.body_id, _b.label, _e.jurisdiction)
    .add_columns(_p.doc_id, *(_p[r] for r in ROLES), _pt.title)
    .select_from(
        t.events.outerjoin(t.bodies, _b.body_id == _e.body_id)
        .outerjoin(t.participations, _MY_PARTS)
        .outerjoin(t.participation_titles, _pt.participation_id == _p.id)
    )
    .where(_e.event_id.in_(bindparam("event_ids", expanding=True)))
    .order_by(_e.event_id, _p.doc_id, _pt.position)
)
_MINE, _THEIRS = t.participations.alias("mine"), t.participations.alias("theirs")
_SHARED = func.count(func.distinct(_THEIRS.c.event_id)).label("n_shared")
#: The people who shared the most merged meetings with a person (as the store's
#: ``top_co_attendees``, prepared once instead of aliasing the table on every call) ...
_TOP = (
    select(_THEIRS.c.person_id, _SHARED)
    .select_from(_MINE.join(_THEIRS, _MINE.c.event_id == _THEIRS.c.event_id))
    .where(_MINE.c.person_id == bindparam("person_id"))
    .where(_THEIRS.c.person_id != bindparam("person_id"))
    .group_by(_THEIRS.c.person_id)
    .order_by(_SHARED.desc(), _THEIRS.c.person_id)
    .limit(bindparam("limit"))
    .subquery("co")
)
#: ... with their names, joined to the few that are kept rather than read in a second
#: statement (a person missing from ``people`` keeps their id for a name).
_CO_ATTENDEES = (
    select(_TOP.c.person_id, _TOP.c.n_shared, t.people.c.name, t.people.c.jurisdiction)
    .select_from(_TOP.outerjoin(t.people, t.people.c.person_id == _TOP.c.person_id))
    .order_by(_TOP.c.n_shared.desc(), _TOP.c.person_id)
)


@dataclass(frozen=True)
class Career:
    """Everything on a person's page but the page of meetings, computed once per person and
    store generation: who they are, their offices, their meetings newest first, the months
    they met in, and their co-attendees."""

    person: PersonSummary
    offices: list[Office]
    meetings: list[str]  # event ids, newest first (undated last)
    months: list[tuple[str, int]]  # ("2023-05", meetings that month), oldest first
    co_attendees: list[CoAttendee]


@dataclass
class PersonView:
    person: PersonSummary
    offices: list[Office]
    meetings: list[TimelineMeeting] = field(default_factory=list)  # one page, newest first
    months: list[tuple[str, int]] = field(default_factory=list)
    co_attendees: list[CoAttendee] = field(default_factory=list)


def person_view(
    conn: Connection,
    person_id: str,
    *,
    limit: int,
    offset: int,
    co_attendees: int,
    cache: LruCache[Career | None] | None = None,
) -> PersonView | None:
    """A person, their offices, one page of their meetings (newest first), the months they met
    in (for the timeline) and their most frequent co-attendees."""
    if cache is None:
        career = _career(conn, person_id, co_attendees)
    else:  # kept per person and generation: it costs a pass over the whole career
        key = (person_id, co_attendees, generation(conn))
        career = cache.get(key, lambda: _career(conn, person_id, co_attendees))
    if career is None:
        return None
    return PersonView(
        person=career.person,
        offices=career.offices,
        meetings=_timeline(conn, person_id, career.meetings[offset : offset + limit]),
        months=career.months,
        co_attendees=career.co_attendees,
    )


def _career(conn: Connection, person_id: str, co_attendees: int) -> Career | None:
    found = conn.execute(_PERSON, {"person_id": person_id}).mappings().first()
    if found is None:
        return None
    aliases = list(conn.execute(_ALIASES, {"person_id": person_id}).scalars())
    fields = {name: found[name] for name in PersonSummary.model_fields if name != "aliases"}
    held = conn.execute(_OFFICES, {"person_id": person_id}).mappings()
    offices = [Office(**dict(office)) for office in held]
    dated = [(row[0], row[1]) for row in conn.execute(_CAREER, {"person_id": person_id}).all()]
    dated.sort(key=lambda row: row[0])
    dated.sort(key=lambda row: row[1] or "", reverse=True)
    months = Counter(date[:7] for _, date in dated if date)
    return Career(
        person=PersonSummary(aliases=aliases, **fields),
        offices=offices,
        meetings=[event_id for event_id, _ in dated],
        months=sorted(months.items()),
        co_attendees=_co_attendees(conn, person_id, co_attendees),
    )


def _co_attendees(conn: Connection, person_id: str, limit: int) -> list[CoAttendee]:
    shared = conn.execute(_CO_ATTENDEES, {"person_id": person_id, "limit": limit}).all()
    return [
        CoAttendee(
            person_id=other,
            name=other if name is None else name,
            jurisdiction=jurisdiction,
            n_shared=n,
        )
        for other, n, name, jurisdiction in shared
    ]


def _timeline(conn: Connection, person_id: str, ids: list[str]) -> list[TimelineMeeting]:
    """The meetings ``ids`` (in that order; unknown ids left out) with the person's part."""
    rows = conn.execute(_PAGE, {"person_id": person_id, "event_ids": ids}).mappings().all()
    events: dict[str, Any] = {}
    for row in rows:
        events.setdefault(row["event_id"], row)
    parts = [row for row in rows if row["doc_id"] is not None]
    return timeline_meetings([events[i] for i in ids if i in events], parts)
