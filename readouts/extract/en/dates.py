"""Dates as readouts write them, resolved against a reference date.

"On the afternoon of the 19th", "on July 10", "Feb. 6", "7 January", "on Friday", "yesterday":
the year, and for a bare day the month, come from the reference (publication date or
dateline); a date is never given a year the text does not support.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import regex

from readouts.extract.en.caseless import CaselessPattern

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_TOD = r"(?P<tod>morning|afternoon|evening|night|followingnoon|forenoon)"
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "26 to 29", "September 29 to October 1": a meeting over several days is dated by its first.
_RANGE_END = rf"(?:\s*(?:-|–|to|and)\s*(?:{_MONTH_WORD}\s+)?[0-3]?\d{_ORD}\b)?"
_YEAR = r"(?:19|20)\d\d"
_DATE_SOURCE = (
    # Day/month/year may be glued to a word before it ("Viet Nam21/03/2025" on some pages).
    rf"(?<![\d/])(?P<sl>(?P<sa>[0-3]?\d)/(?P<sb>[0-3]?\d)/(?P<sy>{_YEAR}))\b"
    r"|\b(?:"
    rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d))\b"
    rf"|{_MONTH.format(g='m1')}\s+(?P<d1>[0-3]?\d){_ORD}\b{_RANGE_END}"
    rf"(?:,?\s+(?P<y1>{_YEAR})\b)?"
    rf"|(?P<d2>[0-3]?\d){_ORD}{_RANGE_END}\s+(?:of\s+)?{_MONTH.format(g='m2')}\b"
    rf"(?:,?\s+(?P<y2>{_YEAR})\b)?"
    rf"|(?:on\s+)?the\s+(?:{_TOD}\s+of\s+(?:the\s+)?)?(?P<d3>[0-3]?\d)(?:st|nd|rd|th)\b"
    rf"(?!\s+of\s+{_MONTH_WORD})(?=\s*(?:[,.;)]|$)|\s+(?:of|in|at|and|to|from|the|this|last|that|morning|afternoon|evening)\b)"
    rf"|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    rf"|(?P<rel>yesterday|today|the day before yesterday)\b"
    r")"
)
# Every alternative above starts with a digit or, at a word start, with one of these: the
# guard lets the engine reject the other positions at once (the full alternation costs several
# times more per position).  A new alternative must add its first letters here.  The class
# of first characters goes before the word-start test: it is the cheaper of the two.
_DATE_WORDS = (
    "jan feb mar apr may jun jul aug sep oct nov dec on\\s the\\s mon tue wed thu fri sat sun "
    "yes tod"
).split()
_DATE_START = (
    rf"(?=[\d{''.join(sorted({w[0] for w in _DATE_WORDS}))}])"
    rf"(?=\d|\b(?:{'|'.join(_DATE_WORDS)}))"
)
# Run as a lower-case pattern over a lower-cased copy of the text (see ``caseless``).
_DATE = CaselessPattern(_DATE_START + "(?:" + _DATE_SOURCE + ")")
# A year the text speaks of ("work in 2023", "the first quarter of 2021"), not a birth year,
# a range's start ("2021-2025") or a target ("by 2030").
# Each word comes first and its checks after it (it starts a word, "born " is not before it),
# so that the engine skips to the words' first letters instead of trying every position: the
# same matches as "(?<!born )\b(?:in|of|during)".
_YEAR_MENTION = CaselessPattern(
    r"(?:" + "|".join(rf"{w}(?<!\w{w})(?<!born {w})" for w in ("in", "of", "during")) + ")"
    rf"\s+(?:the\s+year\s+)?(?P<y>{_YEAR})\b(?!\s*[-–/])"
)
# A congress named with the term it opens: "the 1st Provincial Party Congress, term 2025 - 2030",
# "the 18th Hanoi Party Congress ... for the 2025-2030 term" (not one being prepared for).
# The words come first as above: "\b(?:congress|(?:re-?)?appointed|(?:re-?)?elected)".
_TERM_WORDS = ("congress", *(p + w for w in ("appointed", "elected") for p in ("re", "re-", "")))
_CONGRESS_TERM = CaselessPattern(
    "(?:" + "|".join(rf"{w}(?<!\w{w})" for w in _TERM_WORDS) + ")"
    rf"\b(?:(?!organi[sz]|prepar)[^.;]){{0,80}}?\b(?:"
    rf"(?:term|period|tenure)[\s,:]+(?:[ivx]+,\s*)?(?P<a>{_YEAR})\s*[-–]\s*{_YEAR}\b"
    rf"|(?P<b>{_YEAR})\s*[-–]\s*{_YEAR}\s+(?:term|period|tenure)\b)"
)
TOD_RE = regex.compile(
    r"\b(?:(?:on|in|during)\s+the\s+|this\s+|that\s+)?(morning|afternoon|evening|night|"
    r"followingnoon|forenoon)\b(?:\s+of\b)?",
    regex.I,
)
_TOD_MAP = {
    "morning": "morning",
    "forenoon": "morning",
    "afternoon": "afternoon",
    "followingnoon": "afternoon",
    "evening": "evening",
    "night": "evening",
}


@dataclass
class DateHit:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    relative: int | None = None  # days before the reference ("yesterday" = 1)

    @property
    def explicit(self) -> bool:
        return self.year is not None and self.month is not None


def time_of_day(word: str) -> str | None:
    return _TOD_MAP.get(word.lower())


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateHit]:
    """Every date expression between ``start`` and ``end``."""
    hits = []
    for m in _DATE.finditer(text, start, len(text) if end is None else end):
        hit = _hit(m)
        if hit:
            hits.append(hit)
    return hits


def _month(word: str | None) -> int | None:
    return _MONTHS.get(word[:3].lower()) if word else None


def _hit(m: re.Match[str]) -> DateHit | None:
    g = m.groupdict()
    start, end = m.span()
    if g["iso"]:
        return DateHit(start, end, int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["sl"]:
        # Vietnamese and European pages write day/month/year; a first number over 12 can
        # only be a day and a second one over 12 only a day in the American order.
        a, b = int(g["sa"]), int(g["sb"])
        day, month = (b, a) if b > 12 else (a, b)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return DateHit(start, end, int(g["sy"]), month, day)
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if g[d]:
            day = int(g[d])
            if not 1 <= day <= 31:
                return None
            return DateHit(start, end, int(g[y]) if g[y] else None, _month(g[mo]), day)
    if g["d3"]:
        day = int(g["d3"])
        return DateHit(start, end, None, None, day) if 1 <= day <= 31 else None
    if g["wd"]:
        return DateHit(start, end, None, None, None, _WEEKDAYS.index(g["wd"].lower()))
    rel = g["rel"].lower()
    back = {"yesterday": 1, "today": 0, "the day before yesterday": 2}[rel]
    return DateHit(start, end, None, None, None, relative=back)


_PREPARING = CaselessPattern(r"organi[sz]|prepar|plan")


def spoken_years(text: str) -> tuple[int, ...]:
    """The distinct years the text speaks of ("work in 2023"), in order."""
    return tuple(sorted({int(m.group("y")) for m in _YEAR_MENTION.finditer(text)}))


def congress_term_year(text: str) -> int | None:
    """The start of the latest term a congress in the text opens (held as its term begins)."""
    starts = [
        int(m.group("a") or m.group("b"))
        for m in _CONGRESS_TERM.finditer(text)
        if not _PREPARING.search(text, max(0, m.start() - 80), m.start())
    ]
    return max(starts) if starts else None


def seasonal_year(month: int | None, years: tuple[int, ...]) -> int | None:
    """The year of a meeting in ``month`` from the years its text speaks of.

    Year-end meetings review this year and plan the next ("results in 2024, tasks for 2025" in
    December is 2024); a meeting early in the year that speaks of one year only reviews it
    ("the work in 2023" in February is 2024).  Otherwise the latest year is the meeting's.
    """
    if not years:
        return None
    latest = years[-1]
    if month is not None and month >= 10 and latest - 1 in years:
        return latest - 1
    if month is not None and month <= 2 and len(years) == 1:
        return latest + 1
    return latest


def resolve(hit: DateHit, reference: dt.date | None, year_hint: int | None) -> str | None:
    """The ISO date of ``hit``; ``None`` when the year cannot be known from the text."""
    if hit.year and hit.month and hit.day:
        return _iso(hit.year, hit.month, hit.day)
    if hit.month and hit.day:
        if reference:
            year = reference.year
            if (hit.month, hit.day) > (
                reference.month,
                reference.day,
            ) and hit.month - reference.month > 6:
                year -= 1
            return _iso(year, hit.month, hit.day)
        return _iso(year_hint, hit.month, hit.day) if year_hint else None
    if reference is None:
        return None
    if hit.day:
        year, month = reference.year, reference.month
        if hit.day > reference.day + 1:
            month -= 1
            if month == 0:
                year, month = year - 1, 12
        return _iso(year, month, hit.day)
    if hit.weekday is not None:
        back = (reference.weekday() - hit.weekday) % 7
        return (reference - dt.timedelta(days=back)).isoformat()
    if hit.relative is not None:
        return (reference - dt.timedelta(days=hit.relative)).isoformat()
    return None


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def to_date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None
