"""Where a meeting belongs and where it was held: the jurisdiction of its body (a province,
city, county, military region or country) and its location (a venue or a city).

The jurisdiction is read from the body's own name, a national body named in the meeting
phrase, the sentence that establishes the meeting, the headline, the outlet, and last the
place the text names most; places written with diacritics ("Quảng Ninh") are found through a
letter-for-letter unaccented copy of the text, so that spans stay true.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

import regex

from readouts import lexicon as lx
from readouts.extract.en.caseless import CaselessPattern
from readouts.extract.en.header import Header
from readouts.extract.en.lexicon import LANG, EnglishLexicon, Place
from readouts.extract.en.meeting import Anchor, BodyHit
from readouts.extract.en.names import is_romanized_place


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    table = lx.toml(LANG, "meetings.toml")
    venues = "|".join(table["venue_heads"])
    held_at = "|".join(table["held_at"])
    return {
        "location": regex.compile(
            rf"\b(?:{held_at})\b[^.;]{{0,60}}?\bin\s+(?:the\s+)?"
            r"(?:(?:[\p{Ll}-]+\s+){0,3}(?:province|city|county|district)\s+of\s+)?"
            r"(?P<place>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2})"
        ),
        "venue": regex.compile(
            rf"(?:\b(?:{held_at})\b[^.;]{{0,60}}?\b|(?:^|,|\)|\()\s*)[Aa]t\s+(?:the\s+)?"
            rf"(?P<place>(?:\p{{Lu}}[\p{{L}}'-]+\s+){{0,5}}(?:{venues})"
            r"(?:\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}'-]+\s+){0,5}\p{Lu}[\p{L}'-]+){0,2})\b"
        ),
    }


@cache
def _national() -> tuple[tuple[regex.Pattern[str], str, str], ...]:
    rows = lx.toml(LANG, "meetings.toml")["national"]["bodies"]
    return tuple((regex.compile(p), j, c) for p, j, c in rows)


@cache
def _any_national() -> regex.Pattern[str]:
    """The national bodies' patterns as one alternation: it matches at a place exactly
    where one of them does, so where it finds nothing, none of them does."""
    return regex.compile("|".join(f"(?:{p.pattern})" for p, _, _ in _national()))


@cache
def _shared_heads() -> tuple[regex.Pattern[str], ...]:
    return tuple(regex.compile(p) for p in lx.toml(LANG, "meetings.toml")["national"]["shared"])


#: Countries told by the names a text is full of.
_NAME_COUNTRY = {"cn": Place("China", "CN", "country"), "vn": Place("Vietnam", "VN", "country")}


def people_country(kinds: list[str]) -> Place | None:
    """The country whose names make up most of the people named (two thirds or more)."""
    counted = Counter(k for k in kinds if k in _NAME_COUNTRY)
    if not counted:
        return None
    kind, n = counted.most_common(1)[0]
    return _NAME_COUNTRY[kind] if n * 3 >= 2 * sum(counted.values()) else None


@cache
def _place_context() -> tuple[CaselessPattern, CaselessPattern]:
    table = lx.toml(LANG, "meetings.toml")
    visited = "|".join(table["place_visited_before"])
    own = "|".join(table["place_own_after"])
    return CaselessPattern(rf"\b(?:{visited})\s+(?:the\s+)?$"), CaselessPattern(rf"(?:{own})")


@lru_cache(maxsize=4)
def _venue_heads(text: str) -> list[int]:
    """Where a venue head could start in ``text``, in order: a venue lies in a sentence only
    if one of these does, so the venue pattern (which tries every position of a sentence) is
    run only over such sentences.  Each search starts one past the last start, so that no
    start is missed; the heads are plain words, which ``re`` finds by its fast first-letter
    scan."""
    head = _venue_head()
    starts = []
    found = head.search(text)
    while found:
        starts.append(found.start())
        found = head.search(text, found.start() + 1)
    return starts


@cache
def _venue_head() -> re.Pattern[str]:
    return re.compile("|".join(lx.toml(LANG, "meetings.toml")["venue_heads"]))


def location(
    text: str, anchor: Anchor, lex: EnglishLexicon, section: Sequence[tuple[int, int]] = ()
) -> tuple[str, tuple[int, int]] | None:
    """Where the meeting was held: a venue ("concluded at the Dalian International Conference
    Center", "held ... at the Headquarters of the Ministry") told in the sentence that
    establishes the meeting or in another of its sentences, else a city or province the
    establishing sentence holds it in."""
    text = unaccented(text)
    pats = _patterns()
    heads = _venue_heads(text)
    for s, e in (anchor.sentence, *(x for x in section if x != anchor.sentence)):
        at = bisect_left(heads, s)
        if at == len(heads) or heads[at] >= e:
            continue  # no venue head ("Hall", "Center") starts in the sentence
        venue = pats["venue"].search(text, s, e)
        if venue:
            return venue.group("place"), venue.span("place")
    m = pats["location"].search(text, *anchor.sentence)
    if not m:
        return None
    place = m.group("place")
    for candidate in (place, " ".join(place.split()[:2]), place.split()[0]):
        if candidate in lex.places and lex.places[candidate].level != "country":
            ps = m.start("place")
            return candidate, (ps, ps + len(candidate))
    return None


def jurisdiction(
    text: str,
    anchor: Anchor,
    body: BodyHit | None,
    head: Header,
    lex: EnglishLexicon,
    by_names: Place | None,
) -> tuple[Place | None, tuple[int, int] | None]:
    """Where the body belongs: named in the body, sentence, headline, outlet, or text.

    A provincial body meeting in a city ("held in Hangzhou") belongs to the city's province;
    a national body both countries have ("the Government", "the Central Military
    Commission") belongs to the country whose names the text is full of (``by_names``).
    """
    text = unaccented(text)
    if (
        body
        and by_names
        and any(p.search(body.name) for p in _shared_heads())
        and not lex.place_re.search(text, *body.span)
        and not _national_body(text, anchor, body)
    ):
        return by_names, body.span
    place, span = _named_place(text, anchor, body, head, lex)
    if place and body and place.level == "city" and "provincial" in body.name.lower():
        province = lex.city_province.get(place.jurisdiction)
        if province:
            return Place(province, place.country, "province"), span
    return place, span


def _named_place(
    text: str, anchor: Anchor, body: BodyHit | None, head: Header, lex: EnglishLexicon
) -> tuple[Place | None, tuple[int, int] | None]:
    national = _national_body(text, anchor, body)
    if national:
        return national, body.span if body else anchor.noun
    if body:
        m = lex.place_re.search(text, *body.span)
        if m:
            return lex.places[m.group()], m.span()
        local = _LOCAL_UNIT.search(body.name)
        if local and is_romanized_place(local.group(1), lex):
            country = _country(text, anchor, head, lex)[0]
            start = body.span[0] + local.start(1)
            return Place(local.group(1), country.country if country else "", "county"), (
                start,
                start + len(local.group(1)),
            )
    s, e = anchor.sentence
    for region in ((s, e), head.title or (0, 0)):
        m = lex.place_re.search(text, *region)
        if m and lex.places[m.group()].level != "country" and not _visited(text, m.start()):
            return lex.places[m.group()], m.span()
    if head.outlet_jurisdiction:
        return Place(
            head.outlet_jurisdiction, head.outlet_country or "", "outlet"
        ), head.outlet_span
    counted = _counted_place(text, lex)
    return counted if counted[0] else _country(text, anchor, head, lex)


def _visited(text: str, at: int) -> bool:
    return _place_context()[0].search(text, max(0, at - 40), at) is not None


def _counted_place(text: str, lex: EnglishLexicon) -> tuple[Place | None, tuple[int, int] | None]:
    """The place the text names most, not counting places visited ("during his inspection
    in Zhejiang"), and counting thrice a place whose work is spoken of ("on Jiangsu work")."""
    own = _place_context()[1]
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for m in lex.place_re.finditer(text):
        place = lex.places[m.group()]
        if place.level == "country" or _visited(text, m.start()):
            continue
        counts[place.jurisdiction] += 3 if own.match(text, m.end()) else 1
        first.setdefault(place.jurisdiction, m.span())
    if not counts:
        return None, None
    best = counts.most_common(1)[0][0]
    return lex.places[text[first[best][0] : first[best][1]]], first[best]


_FOLDS: dict[int, str] = {}


def _fold_table() -> dict[int, str]:
    """Each accented Latin letter mapped to its base letter ("ả" -> "a", "Đ" -> "D")."""
    if not _FOLDS:
        for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
            base = unicodedata.normalize("NFKD", chr(code))[:1]
            if base.isascii() and base.isalpha():
                _FOLDS[code] = base
        _FOLDS.update({ord("Đ"): "D", ord("đ"): "d"})
    return _FOLDS


@lru_cache(maxsize=4)
def unaccented(text: str) -> str:
    """``text`` with diacritics dropped letter for letter (offsets kept), so that places
    written "Quảng Ninh" are found as the table's "Quang Ninh".  An ASCII text is its own
    copy (the table maps no ASCII letter), and is not walked through."""
    return text if text.isascii() else text.translate(_fold_table())


#: A county, city or prefecture the places table does not list, named in the body itself:
#: "the 14th Gangu County CPC Committee".
_LOCAL_UNIT = regex.compile(
    r"\b(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)\s+(?:County|City|Prefecture|District|Banner)\b"
)


def _national_body(text: str, anchor: Anchor, body: BodyHit | None) -> Place | None:
    """A national body, named in full in the body or just after it ("the Central Committee
    of the Communist Party of China"), or in the meeting phrase when the body's name is cut
    short ("a meeting of the Workers' Party of Korea [WPK] Political Bureau", "of the ruling
    Workers' Party's central committee")."""
    noun_s, noun_e = anchor.noun
    if body:
        named = text[body.span[0] : min(len(text), body.span[1] + 60)]
        phrase = (min(noun_s, body.span[0]), body.span[1])
    else:
        named = ""
        phrase = (noun_s, min(anchor.sentence[1], noun_e + 60))
    anyone = _any_national()
    named_one = body is not None and (anyone.search(body.name) or anyone.match(named))
    if not named_one and not anyone.search(text, *phrase):
        return None  # no national body at all (most meetings): one search, not eight
    for pattern, juris, country in _national():
        own = body is not None and bool(pattern.search(body.name) or pattern.match(named))
        if own or pattern.search(text, *phrase):
            return Place(juris, country, "country")
    return None


def _country(
    text: str, anchor: Anchor, head: Header, lex: EnglishLexicon
) -> tuple[Place | None, tuple[int, int] | None]:
    """A national meeting: the country named in the sentence, the headline or the text."""
    for region in (anchor.sentence, head.title or (0, 0), (0, len(text))):
        for m in lex.place_re.finditer(text, *region):
            if lex.places[m.group()].level == "country":
                return lex.places[m.group()], m.span()
    return None, None
