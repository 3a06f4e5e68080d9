"""Where an office or a body belongs, read from its own words.

"Secretary of the Quang Binh Provincial Party Committee" belongs to Quang Binh whatever
meeting it was written at; "Member of the Politburo of the CPC Central Committee" is a
national office.  The place lexicon and the national-body patterns are the extractor's
(``readouts/lexicon/en/places.tsv``, ``meetings.toml``), so a province added there is known
here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import regex

from readouts import lexicon as lx

if TYPE_CHECKING:
    from readouts.extract.en.lexicon import EnglishLexicon


def english() -> EnglishLexicon:
    """The extractor's English lexicon, imported on first use (it compiles every pattern)."""
    from readouts.extract.en.lexicon import english as compiled

    return compiled()


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    name: str  # Latin script without diacritics: "Hunan", "Military Region 4", "China"
    country: str | None  # ISO 3166 alpha-2


@dataclass(frozen=True, slots=True)
class OfficePlace:
    """Where an office belongs: ``jurisdiction`` None when its words do not say; ``national``
    when it is an office of a country's centre (a Politburo member, a minister)."""

    jurisdiction: Jurisdiction | None
    national: bool


@dataclass(frozen=True, slots=True)
class _OfficeRules:
    national_bodies: tuple[tuple[regex.Pattern[str], Jurisdiction], ...]
    local: regex.Pattern[str]
    central: regex.Pattern[str]
    countries: dict[str, Jurisdiction]  # ISO code -> the country as a jurisdiction


@cache
def _rules() -> _OfficeRules:
    bodies = lx.toml("en", "meetings.toml")["national"]["bodies"]
    offices = lx.toml("en", "resolve.toml")["offices"]
    local = "|".join(regex.escape(w) for w in offices["local_words"])
    countries: dict[str, Jurisdiction] = {}
    for place in english().places.values():
        if place.level == "country" and place.country:
            countries.setdefault(place.country, Jurisdiction(place.jurisdiction, place.country))
    return _OfficeRules(
        national_bodies=tuple((regex.compile(p), Jurisdiction(j, c)) for p, j, c in bodies),
        local=regex.compile(rf"\b(?:{local})\b", regex.I),
        central=regex.compile("|".join(offices["central_patterns"])),
        countries=countries,
    )


@lru_cache(maxsize=16384)
def office_place(text: str, country: str | None = None) -> OfficePlace:
    """Where an office (or a body) belongs, from its own words.

    A named province, city or military region first; then, unless a word makes it local
    ("Provincial ..."), a national body or a central office (of ``country``, the meeting's,
    when the words do not name the country); else unknown.
    """
    lex, rules = english(), _rules()
    country_level: Jurisdiction | None = None
    for match in lex.place_re.finditer(text):
        place = lex.places[match.group()]
        found = Jurisdiction(place.jurisdiction, place.country or None)
        if place.level != "country":
            return OfficePlace(found, national=False)
        country_level = country_level or found
    if rules.local.search(text):
        return OfficePlace(None, national=False)
    for pattern, jurisdiction in rules.national_bodies:
        if pattern.search(text):
            return OfficePlace(jurisdiction, national=True)
    if country_level is not None:
        return OfficePlace(country_level, national=True)
    if rules.central.search(text):
        return OfficePlace(rules.countries.get(country or ""), national=True)
    return OfficePlace(None, national=False)


def named_jurisdiction(text: str, country: str | None = None) -> Jurisdiction | None:
    """The place an office or body names or implies, or None when it does not say."""
    return office_place(text, country).jurisdiction


def strip_places(text: str) -> str:
    """The text with every place name taken out (the rest is the office or body)."""
    return english().place_re.sub(" ", text)


_NOUN_AFTER_PLACE = regex.compile(r"\s+(?:Province|City|Municipality|province|city)\b")
_WORD_AFTER = regex.compile(r"\s+\p{Lu}")


@lru_cache(maxsize=16384)
def strip_adjectival_places(text: str) -> str:
    """The text without place names used as adjectives, for labels that show the place
    apart: "Standing Committee of the Hunan Provincial Party Committee" -> "Standing
    Committee of the Provincial Party Committee".  A place that is the noun ("of Military
    Region 4", "of Nghe An province") stays, or the label would not read."""

    def replace(match: regex.Match[str]) -> str:
        after = text[match.end() :]
        if _WORD_AFTER.match(after) and not _NOUN_AFTER_PLACE.match(after):
            return ""
        return match.group()

    stripped = english().place_re.sub(replace, text)
    return " ".join(stripped.split()) or " ".join(text.split())
