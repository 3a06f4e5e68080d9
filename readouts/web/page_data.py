"""What the meeting page reads, in a handful of prepared statements.

The meeting and person pages are the ones analysts open most, and the ones with a latency
target under load (``bench/serve_load.py``).  The general queries in
:mod:`readouts.store.queries` answer the same questions for the API and the CLI, but in a
dozen statements built per call; here each page reads what it shows with a few statements
compiled once at import and run on the driver's cursor (:mod:`readouts.web.reads`), and
returns the fields of the API's result models (``MeetingSummary``, ``Report``, ...), so the
templates and the API speak one vocabulary, as named tuples: built from the store's own rows,
they need no validation, and pydantic's was a few percent of the page.  The person page's
reads are in :mod:`readouts.web.person_data`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import bindparam, select

from readouts.model import Record
from readouts.store import schema as t
from readouts.store.queries.meetings import ROLES
from readouts.web.reads import PageReads, prepare

_e, _m, _d, _p = t.events.c, t.meetings.c, t.documents.c, t.participations.c
_pt, _b, _s = t.participation_titles.c, t.bodies.c, t.sources.c

_EVENT = prepare(
    select(_e.event_id, _e.date, _e.meeting_type, _e.body_id, _b.label, _e.jurisdiction)
    .add_columns(_e.country, _e.n_reports)
    .select_from(t.events.outerjoin(t.bodies, _b.body_id == _e.body_id))
    .where(_e.event_id == bindparam("event_id"))
)
#: The meeting's reports with their documents and, in the same statement, each document's
#: sources (one row per source; ``source_row`` None: the document has none).
_REPORTS = prepare(
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
#: Every participation in the meeting, one row per title (title None: none given).
_PARTICIPANTS = prepare(
    select(_p.meeting_id, _p.position, _p.person_id, t.people.c.name, *(_p[r] for r in ROLES))
    .add_columns(_pt.title)
    .join(t.people, t.people.c.person_id == _p.person_id)
    .outerjoin(t.participation_titles, _pt.participation_id == _p.id)
    .where(_p.event_id == bindparam("event_id"))
    .order_by(_p.meeting_id, _p.position, _pt.position)
)
_DOCUMENT = prepare(select(_d.text, _d.record_json).where(_d.doc_id == bindparam("doc_id")))


class SourceRef(NamedTuple):
    """Where a report was seen (the API's ``SourceRef``)."""

    source: str
    relation: str
    url: str | None
    outlet: str | None
    published: str | None
    similarity: float | None


class Report(NamedTuple):
    """One report of the meeting (the API's ``Report``)."""

    meeting_id: str
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    body_name: str | None
    sources: list[SourceRef]


class PersonRef(NamedTuple):
    person_id: str
    name: str


class MeetingParticipant(NamedTuple):
    """A person at the meeting over every report (the API's ``MeetingParticipant``)."""

    person_id: str
    name: str
    roles: list[str]
    titles: list[str]


class MeetingSummary(NamedTuple):
    """The merged meeting (the API's ``MeetingSummary``)."""

    event_id: str
    date: str | None
    meeting_type: str
    body_id: str | None
    body: str | None
    jurisdiction: str | None
    country: str | None
    session_number: int | None
    session_term: int | None
    presiders: list[PersonRef]
    n_participants: int
    n_reports: int
    reports: list[Report]


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


def meeting_view(reads: PageReads, event_id: str, wanted_report: str | None) -> MeetingView | None:
    """The merged meeting ``event_id``, showing ``wanted_report`` (else its first report)."""
    event = reads.first(_EVENT, event_id=event_id)
    if event is None:
        return None
    found_id, date, meeting_type, body_id, body, jurisdiction, country, n_reports = event
    reports, session = _reports(reads, event_id)
    report = next((r for r in reports if r.meeting_id == wanted_report), None)
    report = report or (reports[0] if reports else None)
    parts = reads.all(_PARTICIPANTS, event_id=event_id)
    participants, presiders = _merged(parts)
    summary = MeetingSummary(
        event_id=found_id,
        date=date,
        meeting_type=meeting_type,
        body_id=body_id,
        body=body,
        jurisdiction=jurisdiction,
        country=country,
        session_number=session[0],
        session_term=session[1],
        presiders=presiders,
        n_participants=len(participants),
        n_reports=n_reports,
        reports=reports,
    )
    view = MeetingView(summary, participants, report)
    if report is not None:
        _attach_text(reads, view, report, parts)
    return view


def _reports(reads: PageReads, event_id: str) -> tuple[list[Report], tuple[Any, Any]]:
    """The meeting's reports (in page order) with their sources, and the first report's
    session number and term."""
    order: list[Sequence[Any]] = []
    sources: dict[str, list[SourceRef]] = {}
    for row in reads.all(_REPORTS, event_id=event_id):
        meeting_id = row[0]
        if meeting_id not in sources:
            order.append(row)
            sources[meeting_id] = []
        if row[8] is not None:  # source_row
            source, relation, url, outlet, similarity, published = row[9:15]
            sources[meeting_id].append(
                SourceRef(source, relation, url, outlet, published, similarity)
            )
    reports = [
        Report(meeting_id, doc_id, title, outlet, published, body_name, sources[meeting_id])
        for meeting_id, doc_id, body_name, _, _, title, outlet, published, *_ in order
    ]
    session = (order[0][3], order[0][4]) if order else (None, None)
    return reports, session


def _merged(parts: Sequence[Sequence[Any]]) -> tuple[list[MeetingParticipant], list[PersonRef]]:
    """One entry per person over every report: roles and offices united, first mention order."""
    people: dict[str, tuple[str, set[str], list[str]]] = {}
    for _, _, person_id, name, *flags, title in parts:
        person = people.get(person_id)
        if person is None:
            person = people[person_id] = (name, set(), [])
        person[1].update(role for role, flag in zip(ROLES, flags, strict=True) if flag)
        if title and title not in person[2]:
            person[2].append(title)
    merged = [
        MeetingParticipant(person_id, name, [r for r in ROLES if r in roles], titles)
        for person_id, (name, roles, titles) in people.items()
    ]
    presiders = [PersonRef(p.person_id, p.name) for p in merged if "presided" in p.roles]
    return merged, presiders


def _attach_text(
    reads: PageReads, view: MeetingView, report: Report, parts: Sequence[Sequence[Any]]
) -> None:
    """The shown report's record and text, and which person each of its participants is."""
    document = reads.first(_DOCUMENT, doc_id=report.doc_id)
    if document is None:
        return
    text, record_json = document
    view.record = Record.model_validate_json(record_json)
    view.text = view.record.text or text
    view.position = int(report.meeting_id.rpartition("-")[2] or 0)
    view.people = {
        position: person_id
        for meeting_id, position, person_id, *_ in parts
        if meeting_id == report.meeting_id
    }
