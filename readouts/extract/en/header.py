"""The document header: headline, publication date, outlet, and the dateline.

Collected readouts start in a few shapes: a " date 2023-01-19 Headline" line from the
collector, a headline line, a web page's breadcrumbs and timestamp, and a dateline
("Hunan Daily, January 6th (reporter ...)", "(Baonghean.vn) -", "BEIJING, Feb. 6 (Xinhua) --").
The dateline's date is the best reference for "the 19th" and "on Friday".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from readouts.extract.en.dates import (
    DateHit,
    congress_term_year,
    find_dates,
    resolve,
    seasonal_year,
    spoken_years,
    to_date,
)
from readouts.extract.en.lexicon import EnglishLexicon
from readouts.extract.en.twin import Match, twin

_DATE_LINE = twin(r"^\s*date\s+((?:19|20)\d\d-\d\d(-\d\d)?)\b[ ]*")
_STAMP = twin(
    r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:\s+\d\d:\d\d(?::\d\d)?)?|"
    r"\b\d\d:\d\d, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* \d{1,2}, (?:19|20)\d\d)"
)
_DATELINE = twin(
    r"(?:^|\n)[ ]*(?:\(?(?P<o1>[\w.' -]{2,40}?)\)?,\s+(?:[\w.' -]{2,30},\s+)?"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,\s+(?:19|20)\d\d)?\s*\("
    r"|\((?P<o2>[\w.' -]{2,30})\)\s*[-–]+)",
)
_XINHUA = twin(r"\((?P<o>[A-Z][\w ]{1,30})\)\s*--")
_TITLE_MAX = 250
_YEAR = twin(r"\b(?:19|20)\d\d\b")


@dataclass
class Header:
    title: tuple[int, int] | None = None
    published: str | None = None
    published_span: tuple[int, int] | None = None
    outlet: str | None = None
    outlet_span: tuple[int, int] | None = None
    outlet_jurisdiction: str | None = None
    outlet_country: str | None = None
    reference: dt.date | None = None  # the date the text is written from
    #: The month the text was written in (YYYY-MM) and where it is stated, for a meeting the
    #: text reports without a date of its own ("a few days ago", "the regular meeting").
    month: tuple[str, tuple[int, int]] | None = None
    text: str = field(default="", repr=False)  # the text the years below are read from

    @cached_property
    def year_hint(self) -> int | None:
        """The year of the latest full date or of the headline."""
        return _year_hint(self.text, self)

    @cached_property
    def spoken_years(self) -> tuple[int, ...]:
        """The years the text speaks of ("work in 2023")."""
        return spoken_years(self.text)

    @cached_property
    def term_year(self) -> int | None:
        """The first year of the term a congress opens."""
        return congress_term_year(self.text)

    def year_for(self, month: int | None) -> int | None:
        """The year of a date in ``month`` that the text gives without one (no reference).
        Each way of knowing it scans the whole text, so each is read only when the ones
        before it give nothing, and not at all for a text with a reference."""
        if self.reference is not None:
            return None
        return self.year_hint or seasonal_year(month, self.spoken_years) or self.term_year

    def year_to_resolve(self, hit: DateHit) -> int | None:
        """``year_for(hit.month)`` if ``resolve`` would use it for ``hit`` (a day and month
        with no year, and no reference), else ``None``."""
        if self.reference is not None or hit.year or not (hit.month and hit.day):
            return None
        return self.year_for(hit.month)


def read_header(text: str, lex: EnglishLexicon) -> Header:
    head = Header()
    first_end = text.find("\n")
    first_end = len(text) if first_end < 0 else first_end
    m = _DATE_LINE.match(text)
    start = 0
    if m and m.group(2):
        head.published, head.published_span = m.group(1), m.span(1)
    if m:
        head.month = (m.group(1)[:7], m.span(1))
        start = m.end()
    title = text[start:first_end].strip()
    if title and len(title) <= _TITLE_MAX and not title.endswith((".", ":")):
        s = text.index(title, start)
        head.title = (s, s + len(title))
    _stamp(text, head)
    _outlet(text, head, lex)
    head.reference = to_date(head.published)
    head.text = text
    _dateline_reference(text, head)
    return head


def _year_hint(text: str, head: Header) -> int | None:
    """The latest full date's year, or the headline's (with no dated header)."""
    years = [h.year for h in find_dates(text) if h.explicit and h.year]
    if years:
        return max(years)
    if head.title:
        found = _YEAR.search(text, *head.title)
        return int(found.group()) if found else None
    return None


def _stamp(text: str, head: Header) -> None:
    if head.published:
        return
    m = _STAMP.search(text, 0, 600)
    if not m:
        return
    iso: str | None
    if m.group(1):
        iso = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    else:
        hits = find_dates(text, m.start(4), m.end(4))
        iso = resolve(hits[0], None, None) if hits else None
    if iso and to_date(iso):
        head.published, head.published_span = iso, m.span()


def _outlet(text: str, head: Header, lex: EnglishLexicon) -> None:
    m = _outlet_named(text, lex)
    if m:
        name, jurisdiction, country = lex.outlets[m.group()]
        head.outlet, head.outlet_span = name, m.span()
        head.outlet_jurisdiction = jurisdiction or None
        head.outlet_country = country
        return
    d = _dateline(text)
    if d:
        group = "o1" if d.group("o1") else "o2"
        name = d.group(group).strip()
        if (name and not name.isupper()) or name in ("LSO",):
            head.outlet, head.outlet_span = name, d.span(group)


def _outlet_named(text: str, lex: EnglishLexicon) -> Match | None:
    """``lex.outlet_re.search(text, 0, 800)``.  In an ASCII text ``re`` finds the outlets
    without the word boundary before them, skipping to their first letters by its fast scan
    (a leading ``\\b`` or look-ahead hides those from it); a match with a word character
    before it fails the boundary, and the search goes on one character later."""
    scan = _outlet_scan(lex) if text.isascii() else None
    if scan is None:
        return lex.outlet_re.search(text, 0, 800)
    found = scan.search(text, 0, 800)
    while found and found.start() and _is_word(text[found.start() - 1]):
        found = scan.search(text, found.start() + 1, 800)
    return found


@cache
def _outlet_scan(lex: EnglishLexicon) -> re.Pattern[str] | None:
    """``lex.outlet_re`` without its boundary and guard, for ASCII texts; ``None`` if an
    outlet starts with other than a word character (where the boundary means another
    thing)."""
    if not all(_is_word(name[:1]) for name in lex.outlets):
        return None
    names = sorted(lex.outlets, key=len, reverse=True)  # in the order ``outlet_re`` tries them
    return re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?![\w])", re.ASCII)


def _is_word(char: str) -> bool:
    """Whether an ASCII character is a word character (``\\w``)."""
    return char.isascii() and (char.isalnum() or char == "_")


@lru_cache(maxsize=4)
def _dateline(text: str) -> Match | None:
    """``_DATELINE.search(text, 0, 800)``, tried only where a match can start (the text's
    start and its line breaks): the engine's own scan costs more than the matching.  Kept
    for the last few texts: the outlet and the reference date both read it."""
    at = 0
    while at >= 0:
        m = _DATELINE.match(text, at, 800)
        if m:
            return m
        at = text.find("\n", at + 1, 800)
    return None


def _dateline_reference(text: str, head: Header) -> None:
    """A dateline's month and day, with the year of the publication date, is the reference."""
    d = _dateline(text)
    if d is None:
        x = _XINHUA.search(text, 0, 800)
        if x is None:
            return
        hits = [h for h in find_dates(text, max(0, x.start() - 20), x.start()) if h.month]
    else:
        hits = [h for h in find_dates(text, d.start(), d.end()) if h.month]
    if not hits:
        return
    hit: DateHit = hits[-1]
    iso = resolve(hit, head.reference, head.year_to_resolve(hit))
    if iso:
        head.reference = to_date(iso)
