"""The source text cut into segments, each carrying the extracted values whose evidence covers it.

Analysts trust a record only when they can see where each value came from, so the meeting and
"try it" pages show the text with every span highlighted.  Spans nest (a name inside a meeting
sentence inside a directive) and may overlap, so the text is cut at every span boundary and
each piece lists all the marks that cover it; the template then writes one element per piece.
No HTML is ever built here: segments hold plain text, and the template's autoescaping makes
every character of the document inert, whatever the document contains.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from readouts.model import Meeting, Participant, Record

#: Field names, outermost first: the order in which the stylesheet layers their colours, and
#: the order a segment lists its fields in.  Class names are taken only from this table.
FIELDS: dict[str, str] = {
    "meeting": "meeting sentence",
    "directive": "directive",
    "agenda": "agenda item",
    "formulation": "formulation",
    "headline": "headline",
    "published": "publication date",
    "outlet": "outlet",
    "date": "meeting date",
    "time_of_day": "time of day",
    "meeting_type": "meeting type",
    "body": "convening body",
    "session": "session",
    "location": "location",
    "office": "office",
    "rank": "rank",
    "person": "participant",
}
_ORDER = {name: index for index, name in enumerate(FIELDS)}

#: Gives the link of a participant's page, or None where there is none (the "try it" page).
PersonLink = Callable[[int, int, Participant], str | None]


@dataclass(frozen=True)
class Mark:
    """One extracted value's evidence: which field, a label to show, where, and a link."""

    field: str
    label: str
    start: int
    end: int
    href: str | None = None


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same marks (none for plain text), outermost mark first."""

    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def classes(self) -> str:
        """CSS classes, one per field present; names come from :data:`FIELDS` only."""
        names = dict.fromkeys(mark.field for mark in self.marks)
        return " ".join(f"hl-{name}" for name in names)

    @property
    def field(self) -> str:
        """The innermost field: the one whose colour shows and whose name a test can read."""
        return self.marks[-1].field if self.marks else ""

    @property
    def label(self) -> str:
        """Every field covering this text, innermost first, for the hover label."""
        return " · ".join(mark.label for mark in reversed(self.marks))

    @property
    def href(self) -> str | None:
        """The link of the innermost mark that has one (a participant's page)."""
        return next((mark.href for mark in reversed(self.marks) if mark.href), None)


@dataclass
class _Collector:
    """Gathers marks, dropping spans that are empty or fall outside the text."""

    length: int
    marks: list[Mark] = field(default_factory=list)

    def add(
        self, name: str, label: str, span: tuple[int, int] | None, href: str | None = None
    ) -> None:
        if span is None:
            return
        start, end = max(0, span[0]), min(self.length, span[1])
        if start < end:
            self.marks.append(Mark(name, label, start, end, _safe_href(href)))


def _safe_href(href: str | None) -> str | None:
    """Only site-relative links: a stored value can never become a ``javascript:`` URL."""
    if href and href.startswith("/") and not href.startswith("//"):
        return href
    return None


def record_marks(
    record: Record, text_length: int, person_link: PersonLink | None = None
) -> list[Mark]:
    """Every span the record carries, as marks over a text of ``text_length`` characters."""
    collector = _Collector(text_length)
    evidence = record.evidence
    collector.add("headline", f"headline: {record.title}", evidence.title)
    collector.add("published", f"published: {record.published}", evidence.published)
    collector.add("outlet", f"outlet: {record.outlet}", evidence.outlet)
    several = len(record.meetings) > 1
    for index, meeting in enumerate(record.meetings):
        prefix = f"meeting {index + 1}: " if several else ""
        _meeting_marks(collector, meeting, index, prefix, person_link)
    return collector.marks


def _meeting_marks(
    collector: _Collector,
    meeting: Meeting,
    index: int,
    prefix: str,
    person_link: PersonLink | None,
) -> None:
    add = collector.add
    add("meeting", f"{prefix}meeting sentence", meeting.span)
    add("date", f"{prefix}date: {meeting.date}", meeting.evidence.date)
    add("time_of_day", f"{prefix}time of day: {meeting.time_of_day}", meeting.evidence.time_of_day)
    add("meeting_type", f"{prefix}type: {meeting.meeting_type}", meeting.evidence.meeting_type)
    if meeting.body is not None:
        body = meeting.body
        where = f" ({body.jurisdiction})" if body.jurisdiction else ""
        add("body", f"{prefix}body: {body.name or 'unnamed'}{where}", body.span)
    if meeting.session is not None:
        session = meeting.session
        term = f", term {session.term}" if session.term is not None else ""
        add("session", f"{prefix}session {session.number}{term}", session.span)
    if meeting.location is not None:
        add("location", f"{prefix}location: {meeting.location.name}", meeting.location.span)
    for number, person in enumerate(meeting.participants):
        href = person_link(index, number, person) if person_link else None
        roles = f" ({', '.join(person.roles)})" if person.roles else ""
        for mention in person.mentions:
            add("person", f"{prefix}participant: {person.name}{roles}", mention, href)
        for title in person.titles:
            add("office", f"{prefix}office of {person.name}: {title.text}", title.span)
        add("rank", f"{prefix}rank of {person.name}: {person.rank}", person.rank_span)
    for item in meeting.agenda:
        add("agenda", f"{prefix}agenda ({item.kind})", item.span)
    for formulation in meeting.formulations:
        add("formulation", f"{prefix}formulation: {formulation.text}", formulation.span)
    for directive in meeting.directives:
        add("directive", f"{prefix}directive", directive.span)


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece lists the marks covering it.

    The pieces concatenate back to ``text`` exactly.  Marks are ordered outermost first (earlier
    start, then later end, then the field order), so nested highlights layer predictably.
    """
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, _ORDER.get(m.field, 0)))
    cuts = sorted({0, len(text)} | {m.start for m in ordered} | {m.end for m in ordered})
    return list(_pieces(text, ordered, cuts))


def _pieces(text: str, ordered: list[Mark], cuts: list[int]) -> Iterator[Segment]:
    """Sweep the cuts left to right, keeping the marks open at each piece.

    Every mark boundary is a cut, so a mark open at a piece's start covers the whole piece.
    """
    pending = iter(ordered)
    upcoming = next(pending, None)
    active: list[Mark] = []
    for start, end in pairwise(cuts):
        while upcoming is not None and upcoming.start <= start:
            active.append(upcoming)
            upcoming = next(pending, None)
        active = [mark for mark in active if mark.end > start]
        yield Segment(text[start:end], tuple(active))


def highlight(record: Record, text: str, person_link: PersonLink | None = None) -> list[Segment]:
    """The record's evidence over ``text`` (the stored text, or ``record.text`` for HTML)."""
    return segments(text, record_marks(record, len(text), person_link))
