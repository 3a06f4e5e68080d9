"""What the person page reads, in a handful of prepared statements.

A person page shows one page of meetings, newest first, instead of the whole career; the rest
of it is kept per person and store generation (:class:`Career`), so a request reads only the
generation, the page's events and the person's part in them.  Statements are compiled once
and run on the driver's cursor (:mod:`readouts.web.reads`), as the meeting page's
(:mod:`readouts.web.page_data`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, func, select

from readouts.store import schema as t
from readouts.store.queries.meetings import ROLES
from readouts.store.queries.results import CoAttendee, Office, PersonSummary
from readouts.web.cache import GENERATION, LruCache
from readouts.web.reads import PageReads, prepare

_e, _p, _pt, _b = t.events.c, t.participations.c, t.participation_titles.c, t.bodies.c
_people, _occ, _posts = t.people.c, t.occupancies.c, t.posts.c

_GENERATION = prepare(GENERATION)
_PERSON = prepare(
    select(_people.person_id, _people.name, _people.jurisdiction, _people.country)
    .add_columns(_people.n_meetings, _people.n_documents, _people.first_seen)
    .add_columns(_people.last_seen)
    .where(_people.person_id == bindparam("person_id"))
)
_ALIASES = prepare(
    select(t.person_aliases.c.alias)
    .where(t.person_aliases.c.person_id == bindparam("person_id"))
    .order_by(t.person_aliases.c.n_mentions.desc(), t.person_aliases.c.alias)
    .limit(20)
)
_OFFICES = prepare(
    select(_occ.post_id, _posts.title, _posts.label, _posts.jurisdiction, _occ.first_seen)
    .add_columns(_occ.last_seen, _occ.n_meetings, _occ.n_documents)
    .join(t.posts, _posts.post_id == _occ.post_id)
    .where(_occ.person_id == bindparam("person_id"))
    .order_by(_occ.first_seen.nulls_last(), _occ.last_seen, _posts.label)
)
#: Every merged meeting of a person with its date: one pass over their participations.
_CAREER = prepare(
    select(_p.event_id, func.max(_p.date))
    .where(_p.person_id == bindparam("person_id"))
    .group_by(_p.event_id)
)
_MY_PARTS = and_(_p.event_id == _e.event_id, _p.person_id == bindparam("person_id"))
#: The page's meetings (by primary key, with their body) and the person's participations
#: and titles in each, in one statement: one seek per meeting in the (event_id, person_id)
#: index, so neither their whole career nor everyone else at those meetings is read.  A
#: meeting comes back once per title of each participation (``doc_id`` None: none at all).
#: Unordered: SQLite sorted these rows in a temporary B-tree, a sixth of the statement's
#: time, where :func:`_in_page_order` sorts the few rows in Python.
_PAGE = prepare(
    select(_e.event_id, _e.date, _e.meeting_type, _e.body_id, _b.label, _e.jurisdiction)
    .add_columns(_p.doc_id, _pt.title, _pt.position, *(_p[r] for r in ROLES))
    .select_from(
        t.events.outerjoin(t.bodies, _b.body_id == _e.body_id)
        .outerjoin(t.participations, _MY_PARTS)
        .outerjoin(t.participation_titles, _pt.participation_id == _p.id)
    )
    .where(_e.event_id.in_(bindparam("event_ids", expanding=True)))
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
_CO_ATTENDEES = prepare(
    select(_TOP.c.person_id, _TOP.c.n_shared, _people.name, _people.jurisdiction)
    .select_from(_TOP.outerjoin(t.people, _people.person_id == _TOP.c.person_id))
    .order_by(_TOP.c.n_shared.desc(), _TOP.c.person_id)
)


class PageMeeting(NamedTuple):
    """One meeting on a person's page: the fields of the API's ``TimelineMeeting``.

    A plain tuple rather than the pydantic model: a page builds fifty of them from the
    store's own rows, which need no validation, and validating them was a tenth of the
    page's CPU.
    """

    event_id: str
    date: str | None
    meeting_type: str
    body_id: str | None
    body: str | None
    jurisdiction: str | None
    roles: list[str]
    titles: list[str]
    doc_ids: list[str]


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
    meetings: list[PageMeeting] = field(default_factory=list)  # one page, newest first
    months: list[tuple[str, int]] = field(default_factory=list)
    co_attendees: list[CoAttendee] = field(default_factory=list)


def person_view(
    reads: PageReads,
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
        career = _career(reads, person_id, co_attendees)
    else:  # kept per person and generation: it costs a pass over the whole career
        key = (person_id, co_attendees, tuple(reads.first(_GENERATION) or ()))
        career = cache.get(key, lambda: _career(reads, person_id, co_attendees))
    if career is None:
        return None
    return PersonView(
        person=career.person,
        offices=career.offices,
        meetings=_timeline(reads, person_id, career.meetings[offset : offset + limit]),
        months=career.months,
        co_attendees=career.co_attendees,
    )


def _career(reads: PageReads, person_id: str, co_attendees: int) -> Career | None:
    found = reads.first(_PERSON, person_id=person_id)
    if found is None:
        return None
    aliases = [alias for (alias,) in reads.all(_ALIASES, person_id=person_id)]
    pid, name, jurisdiction, country, n_meetings, n_documents, first, last = found
    person = PersonSummary(
        person_id=pid,
        name=name,
        aliases=aliases,
        jurisdiction=jurisdiction,
        country=country,
        n_meetings=n_meetings,
        n_documents=n_documents,
        first_seen=first,
        last_seen=last,
    )
    offices = [_office(row) for row in reads.all(_OFFICES, person_id=person_id)]
    dated = [(event_id, date) for event_id, date in reads.all(_CAREER, person_id=person_id)]
    dated.sort(key=lambda row: row[0])
    dated.sort(key=lambda row: row[1] or "", reverse=True)
    months = Counter(date[:7] for _, date in dated if date)
    return Career(
        person=person,
        offices=offices,
        meetings=[event_id for event_id, _ in dated],
        months=sorted(months.items()),
        co_attendees=_co_attendees(reads, person_id, co_attendees),
    )


def _office(row: Sequence[Any]) -> Office:
    post_id, title, label, jurisdiction, first_seen, last_seen, n_meetings, n_documents = row
    return Office(
        post_id=post_id,
        title=title,
        label=label,
        jurisdiction=jurisdiction,
        first_seen=first_seen,
        last_seen=last_seen,
        n_meetings=n_meetings,
        n_documents=n_documents,
    )


def _co_attendees(reads: PageReads, person_id: str, limit: int) -> list[CoAttendee]:
    shared = reads.all(_CO_ATTENDEES, person_id=person_id, limit=limit)
    return [
        CoAttendee(
            person_id=other,
            name=other if name is None else name,
            jurisdiction=jurisdiction,
            n_shared=n,
        )
        for other, n, name, jurisdiction in shared
    ]


def _timeline(reads: PageReads, person_id: str, ids: list[str]) -> list[PageMeeting]:
    """The meetings ``ids`` (in that order; unknown ids left out) with the person's part:
    roles united, offices and documents in first-seen order (as
    :func:`readouts.store.queries.people.timeline_meetings`)."""
    rows = reads.all(_PAGE, person_id=person_id, event_ids=ids) if ids else []
    events: dict[str, tuple[Sequence[Any], set[str], list[str], list[str]]] = {}
    for row in sorted(rows, key=_in_page_order):
        found = events.get(row[0])
        if found is None:
            found = events[row[0]] = (row, set(), [], [])
        _, roles, titles, doc_ids = found
        doc_id, title = row[6], row[7]
        if doc_id is None:
            continue
        roles.update(role for role, flag in zip(ROLES, row[9:], strict=True) if flag)
        if doc_id not in doc_ids:
            doc_ids.append(doc_id)
        if title and title not in titles:
            titles.append(title)
    return [_meeting(*events[i]) for i in ids if i in events]


def _in_page_order(row: Sequence[Any]) -> tuple[str, str, int]:
    """``ORDER BY event_id, doc_id, title position`` as SQLite sorts them (NULL first)."""
    return row[0], row[6] or "", -1 if row[8] is None else row[8]


def _meeting(
    row: Sequence[Any], roles: set[str], titles: list[str], doc_ids: list[str]
) -> PageMeeting:
    event_id, date, meeting_type, body_id, body, jurisdiction = row[:6]
    ordered = [role for role in ROLES if role in roles]
    return PageMeeting(
        event_id, date, meeting_type, body_id, body, jurisdiction, ordered, titles, doc_ids
    )
