"""Linking different reports of the same meeting into one event.

Two outlets (or an outlet and a translation) report one meeting in their own words: the
texts are not near-duplicates, but the meeting is one.  A new meeting joins an existing
event when they agree on the day (a full date) and the body (or, when the body is unnamed,
the jurisdiction and meeting type), do not contradict each other on the session number or
the type, and share participants (at least one person, and at least half of the smaller
list).  Time of day is not compared: it is the value extractors misread most often.
Meetings without a full date or without named participants stay events of their own: a
wrong merge hides a meeting, a missed one only counts it twice, so the rule errs on the side
of keeping apart.  Meetings of one document are never merged with each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, bindparam, or_, select

from readouts.resolve.keys import new_id
from readouts.store import schema as t
from readouts.store.rows import MeetingRows, Row
from readouts.store.sql import chunks, is_in

LinkKey = tuple[str, str | None, str | None]
_FULL_DATE_LENGTH = 10


@dataclass
class _Event:
    event_id: str
    doc_ids: set[str] = field(default_factory=set)
    person_ids: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    sessions: set[int] = field(default_factory=set)

    def add(self, row: Row, person_ids: Iterable[str]) -> None:
        self.doc_ids.add(row["doc_id"])
        self.person_ids.update(person_ids)
        self.types.add(row["meeting_type"])
        if row["session_number"] is not None:
            self.sessions.add(row["session_number"])

    def shared(self, row: Row, person_ids: frozenset[str]) -> int:
        """How many participants the meeting shares with this event; 0 when it cannot join."""
        if row["doc_id"] in self.doc_ids:
            return 0
        kind = row["meeting_type"]
        if kind != "other" and "other" not in self.types and kind not in self.types:
            return 0
        session = row["session_number"]
        if session is not None and self.sessions and session not in self.sessions:
            return 0
        common = len(person_ids & self.person_ids)
        smaller = min(len(person_ids), len(self.person_ids))
        return common if common and 2 * common >= smaller else 0


def link_key(row: Row) -> LinkKey | None:
    """What two reports must share to be one meeting: the day and the body (or place+type)."""
    date = row["date"]
    if not date or len(date) != _FULL_DATE_LENGTH:
        return None
    if row["body_id"]:
        return (date, row["body_id"], None)
    if row["jurisdiction"]:
        return (date, row["jurisdiction"], row["meeting_type"])
    return None


@dataclass
class LinkResult:
    new_events: list[Row] = field(default_factory=list)
    reports_added: dict[str, int] = field(default_factory=dict)  # existing event -> +n
    linked: int = 0  # meetings joined to an event that already had a report


class EventLinker:
    """Events of the batch's days, loaded once, then extended meeting by meeting."""

    def __init__(self, conn: Connection, meetings: list[MeetingRows]) -> None:
        self._events: dict[LinkKey, list[_Event]] = defaultdict(list)
        self._new: dict[str, Row] = {}
        self.result = LinkResult()
        keys = {key for m in meetings if (key := link_key(m.row)) is not None}
        if keys:
            self._load(conn, keys)

    def _load(self, conn: Connection, keys: set[LinkKey]) -> None:
        """The stored events the batch's meetings could join: same day, and the same body
        or (unnamed body) the same jurisdiction; only the candidates' participants are read."""
        found: dict[str, tuple[LinkKey, list[Row]]] = {}
        for row in _candidates(conn, keys):
            key = link_key(row)
            if key in keys:
                found.setdefault(row["event_id"], (key, []))[1].append(row)
        people = _event_people(conn, list(found))
        for event_id, (key, rows) in found.items():
            event = _Event(event_id)
            for row in rows:
                event.add(row, ())
            event.person_ids = people.get(event_id, set())
            self._events[key].append(event)

    def link(self, meeting: MeetingRows) -> str:
        """Set the meeting's (and its participations') event id; returns it."""
        row, person_ids = meeting.row, meeting.person_ids
        key = link_key(row)
        best: _Event | None = None
        if key is not None and person_ids:
            scored = [(event.shared(row, person_ids), event) for event in self._events[key]]
            scored = [pair for pair in scored if pair[0] > 0]
            best = max(scored, key=lambda pair: pair[0])[1] if scored else None
        if best is None:
            best = _Event(new_id("evt", meeting.meeting_id))
            self._new[best.event_id] = _event_row(best.event_id, meeting)
            if key is not None:
                self._events[key].append(best)
        elif best.event_id in self._new:
            self._new[best.event_id]["n_reports"] += 1
            self.result.linked += 1
        else:
            added = self.result.reports_added
            added[best.event_id] = added.get(best.event_id, 0) + 1
            self.result.linked += 1
        best.add(row, person_ids)
        row["event_id"] = best.event_id
        for participation in meeting.participations:
            participation.row["event_id"] = best.event_id
        return best.event_id

    def finish(self) -> LinkResult:
        self.result.new_events = list(self._new.values())
        return self.result


_M = t.meetings.c
_COLUMNS = (
    _M.event_id, _M.doc_id, _M.date, _M.body_id, _M.jurisdiction, _M.meeting_type,
    _M.session_number,
)  # fmt: skip
_NAMES = [column.name for column in _COLUMNS]
#: Day-and-body pairs per statement.  The statement is an OR of exact (date, body_id) terms,
#: which both databases answer with one index probe each (a row-value ``IN`` list made
#: SQLite scan every meeting); its text is compiled once, a short chunk repeating a pair.
_PAIRS_PER_STATEMENT = 200
_BY_DAY_AND_BODY = select(*_COLUMNS).where(
    or_(
        *(
            and_(_M.date == bindparam(f"d{n}"), _M.body_id == bindparam(f"b{n}"))
            for n in range(_PAIRS_PER_STATEMENT)
        )
    )
)


def _candidates(conn: Connection, keys: set[LinkKey]) -> Iterator[Row]:
    """Stored meetings of the keys' days and bodies, through the (date, body_id) index; for
    keys of an unnamed body, the meetings of that day with no body (fewer still)."""
    dialect = conn.dialect.name
    pairs = sorted((date, place) for date, place, kind in keys if kind is None and place)
    for chunk in chunks(pairs, _PAIRS_PER_STATEMENT):
        chunk += [chunk[0]] * (_PAIRS_PER_STATEMENT - len(chunk))
        values = {f"d{n}": date for n, (date, _) in enumerate(chunk)}
        values.update({f"b{n}": body for n, (_, body) in enumerate(chunk)})
        for row in conn.execute(_BY_DAY_AND_BODY, values):
            yield dict(zip(_NAMES, row, strict=True))
    unnamed = sorted({date for date, _, kind in keys if kind is not None})
    places = sorted({place for _, place, kind in keys if kind is not None and place})
    for days in chunks(unnamed):
        query = select(*_COLUMNS).where(
            is_in(dialect, _M.date, days),
            _M.body_id.is_(None),  # a stored body id is never empty
            is_in(dialect, _M.jurisdiction, places),
        )
        for row in conn.execute(query):
            yield dict(zip(_NAMES, row, strict=True))


def _event_people(conn: Connection, event_ids: list[str]) -> dict[str, set[str]]:
    p = t.participations
    people: dict[str, set[str]] = defaultdict(set)
    for batch in chunks(event_ids):
        where = is_in(conn.dialect.name, p.c.event_id, batch)
        query = select(p.c.event_id, p.c.person_id).where(where)
        for event_id, person_id in conn.execute(query):
            people[event_id].add(person_id)
    return people


def _event_row(event_id: str, meeting: MeetingRows) -> dict[str, Any]:
    row = meeting.row
    return {
        "event_id": event_id,
        "date": row["date"],
        "body_id": row["body_id"],
        "jurisdiction": row["jurisdiction"],
        "country": row["country"],
        "meeting_type": row["meeting_type"],
        "first_meeting_id": row["meeting_id"],
        "n_reports": 1,
    }
