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

import regex

from readouts import lexicon as lx
from readouts.extract.en.lexicon import english


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    name: str  # Latin script without diacritics: "Hunan", "Military Region 4", "China"
    country: str | None  # ISO 3166 alpha-2


@cache
def _national() -> tuple[tuple[regex.Pattern[str], Jurisdiction], ...]:
    rows = lx.toml("en", "meetings.toml")["national"]["bodies"]
    return tuple((regex.compile(p), Jurisdiction(j, c)) for p, j, c in rows)


def named_jurisdiction(text: str) -> Jurisdiction | None:
    """The place an office or body names (a province, city or military region first, then a
    national body or a country), or None when it names none."""
    lex = english()
    country_level: Jurisdiction | None = None
    for match in lex.place_re.finditer(text):
        place = lex.places[match.group()]
        if place.level != "country":
            return Jurisdiction(place.jurisdiction, place.country or None)
        country_level = country_level or Jurisdiction(place.jurisdiction, place.country or None)
    for pattern, jurisdiction in _national():
        if pattern.search(text):
            return jurisdiction
    return country_level


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
