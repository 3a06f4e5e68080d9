"""Checking what a user typed into a filter, and turning it into SQL conditions.

Every value reaches the database as a bound parameter, never as SQL text, and LIKE patterns
have their wildcards escaped, so a filter such as ``'; DROP TABLE documents; --`` is looked
for as a name and simply matches nothing.  Bad values (an unknown meeting type, a date that
is not ISO) are refused with one clear sentence before any query runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex
from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from readouts.errors import ReadoutsError
from readouts.eval.fold import fold_name
from readouts.model import MeetingType
from readouts.store import schema as t

_ISO_PREFIX = regex.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
MEETING_TYPES = tuple(m.value for m in MeetingType)
#: Largest page a query returns, so that one request cannot ask for the whole corpus.
MAX_LIMIT = 1000


class QueryError(ReadoutsError):
    """A query parameter is not valid (unknown meeting type, malformed date, bad page)."""

    code = "E-QUERY"


@dataclass(frozen=True)
class MeetingFilter:
    """Which merged meetings to list; every field is optional and they combine with AND.

    ``person``: a person id or a name (any way it was written; diacritics and case do not
    matter).  ``body``: a body id or words of its label ("Hunan Standing Committee").
    ``jurisdiction``: exact, any case.  ``meeting_type``: a value of the record's enum.
    ``date_from`` / ``date_to``: ISO prefixes ("2023", "2023-05", "2023-05-10"), inclusive.
    """

    person: str | None = None
    body: str | None = None
    jurisdiction: str | None = None
    meeting_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def validate(self) -> MeetingFilter:
        """Check the values and return the filter with NUL characters taken out of text."""
        if self.meeting_type is not None and self.meeting_type not in MEETING_TYPES:
            raise QueryError(
                f"unknown meeting type {self.meeting_type!r}; one of: {', '.join(MEETING_TYPES)}"
            )
        for label, value in (("from", self.date_from), ("to", self.date_to)):
            if value is not None:
                check_date_prefix(value, label)
        return MeetingFilter(
            person=plain(self.person) if self.person else None,
            body=plain(self.body) if self.body else None,
            jurisdiction=plain(self.jurisdiction) if self.jurisdiction else None,
            meeting_type=self.meeting_type,
            date_from=self.date_from,
            date_to=self.date_to,
        )


def plain(text: str) -> str:
    """User text without NUL characters, which PostgreSQL refuses in any text parameter."""
    return text.replace("\x00", " ")


def check_date_prefix(value: str, label: str) -> None:
    if not _ISO_PREFIX.match(value) or not _valid_prefix(value):
        raise QueryError(f"date {label} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


def _valid_prefix(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    padded = parts + [1] * (3 - len(parts))
    try:
        dt.date(*padded)
    except ValueError:
        return False
    return True


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise QueryError(f"offset must not be negative, not {offset}")


def date_upper_bound(prefix: str) -> str:
    """The first ISO date string after every date that starts with ``prefix``.

    Dates are stored as text of fixed width, so ``date < bound`` is "on or before the end of
    that year, month or day" and holds for partial dates ("2023-05") too.
    """
    parts = [int(p) for p in prefix.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + 1:04d}"
    if len(parts) == 2:
        year, month = parts
        return f"{year + 1:04d}-01" if month == 12 else f"{year:04d}-{month + 1:02d}"
    day = dt.date(*parts) + dt.timedelta(days=1)
    return day.isoformat()


def date_conditions(
    column: ColumnElement[str | None], date_from: str | None, date_to: str | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if date_from:
        conditions.append(column >= date_from)
    if date_to:
        conditions.append(column < date_upper_bound(date_to))
    return conditions


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards escaped (use with ``escape="\\\\"``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def person_ids_matching(text: str) -> Select[tuple[str]]:
    """People whose id is ``text``, or whose name or an alias folds to the same key."""
    key = fold_name(text)
    by_alias = select(t.person_aliases.c.person_id).where(
        func.lower(t.person_aliases.c.alias) == text.strip().lower()
    )
    return select(t.people.c.person_id).where(
        or_(
            t.people.c.person_id == text,
            t.people.c.name_key == key,
            t.people.c.person_id.in_(by_alias),
        )
    )


def body_ids_matching(text: str) -> Select[tuple[str]]:
    """Bodies whose id is ``text``, or whose label contains every word of it (any case)."""
    words = [w for w in regex.split(r"[\s/]+", text.strip().lower()) if w]
    label = func.lower(t.bodies.c.label)
    conditions = [label.like(like_pattern(w), escape="\\") for w in words]
    query = select(t.bodies.c.body_id)
    if not conditions:
        return query.where(t.bodies.c.body_id == text)
    return query.where(or_(t.bodies.c.body_id == text, and_(*conditions)))
