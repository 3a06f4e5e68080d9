"""The document header: headline, publication date, outlet, and the dateline.

Collected readouts start in a few shapes: a " date 2023-01-19 Headline" line from the
collector, a headline line, a web page's breadcrumbs and timestamp, and a dateline
("Hunan Daily, January 6th (reporter ...)", "(Baonghean.vn) -", "BEIJING, Feb. 6 (Xinhua) --").
The dateline's date is the best reference for "the 19th" and "on Friday".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from readouts.extract.en.dates import DateHit, find_dates, resolve, to_date
from readouts.extract.en.lexicon import EnglishLexicon

_DATE_LINE = regex.compile(r"^\s*date\s+((?:19|20)\d\d-\d\d-\d\d)\b[ ]*")
_STAMP = regex.compile(
    r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:\s+\d\d:\d\d(?::\d\d)?)?|"
    r"\b\d\d:\d\d, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* \d{1,2}, (?:19|20)\d\d)"
)
_DATELINE = regex.compile(
    r"(?:^|\n)[ ]*(?:\(?(?P<o1>[\w.' -]{2,40}?)\)?,\s+(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
    r"Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,\s+(?:19|20)\d\d)?\s*\("
    r"|\((?P<o2>[\w.' -]{2,30})\)\s*[-–]+)",
)
_XINHUA = regex.compile(r"\((?P<o>[A-Z][\w ]{1,30})\)\s*--")
_TITLE_MAX = 250
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


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
    year_hint: int | None = None  # the latest year the text states, when no reference


def read_header(text: str, lex: EnglishLexicon) -> Header:
    head = Header()
    first_end = text.find("\n")
    first_end = len(text) if first_end < 0 else first_end
    m = _DATE_LINE.match(text)
    start = 0
    if m:
        head.published, head.published_span = m.group(1), m.span(1)
        start = m.end()
    title = text[start:first_end].strip()
    if title and len(title) <= _TITLE_MAX and not title.endswith((".", ":")):
        s = text.index(title, start)
        head.title = (s, s + len(title))
    _stamp(text, head)
    _outlet(text, head, lex)
    head.reference = to_date(head.published)
    _dateline_reference(text, head)
    if head.reference is None:
        years = [h.year for h in find_dates(text) if h.explicit and h.year]
        head.year_hint = max(years) if years else None
        if head.year_hint is None and head.title:
            year = _YEAR.search(text, *head.title)
            head.year_hint = int(year.group()) if year else None
    return head


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
    m = lex.outlet_re.search(text, 0, 800)
    if m:
        name, jurisdiction, country = lex.outlets[m.group()]
        head.outlet, head.outlet_span = name, m.span()
        head.outlet_jurisdiction = jurisdiction or None
        head.outlet_country = country
        return
    d = _DATELINE.search(text, 0, 800)
    if d:
        group = "o1" if d.group("o1") else "o2"
        name = d.group(group).strip()
        if (name and not name.isupper()) or name in ("LSO",):
            head.outlet, head.outlet_span = name, d.span(group)


def _dateline_reference(text: str, head: Header) -> None:
    """A dateline's month and day, with the year of the publication date, is the reference."""
    d = _DATELINE.search(text, 0, 800)
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
    base = head.reference
    iso = resolve(hit, base, head.year_hint) if base else None
    if iso:
        head.reference = to_date(iso)
