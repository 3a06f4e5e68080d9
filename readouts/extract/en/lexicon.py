"""The English lexicon compiled into patterns, once per process on first use."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick
import regex

from readouts import lexicon as lx
from readouts.extract.en.caseless import CaselessPattern
from readouts.extract.en.cues import CueIndex, CuePattern
from readouts.extract.en.memo import word_cache
from readouts.extract.en.prefilter import guard

LANG = "en"


@word_cache()
def fold(word: str) -> str:
    """Lower-case ASCII folding for lexicon look-ups ("Trần" -> "tran", "Đ" -> "d").  An
    ASCII word has nothing to decompose: lower-casing is all it needs."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


#: Every character ``str.isspace`` holds a space (more than either engine's ``\s``), and ":".
SPACES_AND_COLON = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + ":"


def _press_ends(cues: list[str]) -> tuple[str, ...]:
    """The press cues as the text before a name ends in them, stripped and lower-cased, and
    the slash of a photo credit ("Photo: X / Y")."""
    return (*(c.lower().rstrip(SPACES_AND_COLON) for c in cues), "/")


def _alternation(phrases: list[str]) -> str:
    return "|".join(sorted(phrases, key=len, reverse=True))


def _words(phrases: list[str]) -> str:
    return "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _guarded(alternation: str, fold: bool = True) -> str:
    """``alternation`` behind a look-ahead on its cues' first letters (see ``prefilter``)."""
    return guard([alternation], fold) + "(?:" + alternation + ")"


@dataclass(frozen=True)
class Place:
    jurisdiction: str
    country: str
    level: str


@dataclass(frozen=True, eq=False)
class EnglishLexicon:
    cn_surnames: frozenset[str]
    vn_surnames: frozenset[str]
    kr_surnames: frozenset[str]
    pinyin: frozenset[str]
    not_name: frozenset[str]
    title_heads: frozenset[str]
    title_head_re: CaselessPattern
    title_start_re: CaselessPattern
    plural_heads: dict[str, str]
    connectors: frozenset[str]
    rank_words: frozenset[str]
    group_words: frozenset[str]
    honorific_re: regex.Pattern[str]
    rank_re: regex.Pattern[str]
    #: The words of ``honorific_re`` and ``rank_re``, for ``str.endswith``: where the text
    #: before a name ends in none of them, those patterns cannot match it.
    honorifics: tuple[str, ...]
    ranks: tuple[str, ...]
    #: How the text before a name matched by ``press_re`` ends, once lower-cased and stripped
    #: of spaces and colons (see ``names._press_before``).
    press_ends: tuple[str, ...]
    press_re: CaselessPattern
    places: dict[str, Place]
    city_province: dict[str, str]
    place_re: regex.Pattern[str]
    outlets: dict[str, tuple[str, str, str]]
    outlet_re: regex.Pattern[str]
    subject_role_re: CaselessPattern
    subject_role_groups: tuple[str, ...]
    object_role_re: CaselessPattern
    object_role_groups: tuple[str, ...]
    object_extra: dict[str, list[str]]
    meeting_noun_re: CaselessPattern
    held_re: CaselessPattern
    types: tuple[tuple[str, CaselessPattern], ...]
    other_meeting_re: CaselessPattern
    ordinals: dict[str, int]
    body_heads: frozenset[str]
    agenda_re: CuePattern
    agenda_groups: tuple[str, ...]
    directive_re: CuePattern
    formulations: ahocorasick.Automaton
    cue_index: CueIndex  # for cue patterns built elsewhere from the families it holds


def _grouped(
    sections: dict[str, list[str]], index: CueIndex, kind: str
) -> tuple[CuePattern, tuple[str, ...]]:
    """One alternation with a named group per key, longest cue first within each key."""
    names = tuple(sections)
    parts = [f"(?P<{k}>{_alternation(v)})" for k, v in sections.items()]
    cues = guard([c for v in sections.values() for c in v])
    return CuePattern(r"\b" + cues + r"(?:" + "|".join(parts) + r")\b", index, kind), names


def _families(
    roles: dict[str, Any], meetings: dict[str, Any], agenda: dict[str, Any]
) -> dict[str, list[str]]:
    """The cue families run sentence by sentence, for their ``CueIndex``."""
    return {
        "subject": [c for v in roles["subject"].values() for c in v],
        "object": [c for v in roles["object"].values() for c in v],
        "held": list(meetings["held"]),
        "agenda": [c for k, v in agenda.items() if k != "directives" for c in v],
        "directive": list(agenda["directives"]),
        "noun": list(meetings["nouns"]),
        "other_meeting": list(meetings["other_meeting_before"]),
        "not_meeting_before": list(meetings["not_meeting_before"]),
        "own_meeting_before": list(meetings["own_meeting_before"]),
        **{f"type{i}": [p] for i, (_, p) in enumerate(meetings["types"])},
    }


@cache
def english() -> EnglishLexicon:
    """The English lexicon, compiled once per process."""
    return EnglishLexicon(**_people_fields(), **_meeting_fields())


def _people_fields() -> dict[str, Any]:
    """Names, offices, ranks, places and outlets: what finds and describes people."""
    titles = lx.toml(LANG, "titles.toml")
    people = lx.toml(LANG, "people.toml")
    places = {row[0]: Place(row[1], row[2], row[3]) for row in lx.table(LANG, "places.tsv")}
    outlets: dict[str, tuple[str, str, str]] = {
        k: (v[0], v[1], v[2]) for k, v in lx.toml(LANG, "outlets.toml")["outlets"].items()
    }
    heads = list(titles["heads"]) + list(titles["plural_heads"])
    return dict(
        cn_surnames=frozenset(fold(s) for s in lx.lines(LANG, "surnames_cn.txt")),
        vn_surnames=frozenset(fold(s) for s in lx.lines(LANG, "surnames_vn.txt")),
        kr_surnames=frozenset(fold(s) for s in lx.lines(LANG, "surnames_kr.txt")),
        pinyin=frozenset(lx.lines(LANG, "pinyin_syllables.txt")),
        not_name=frozenset(w.lower() for w in people["not_name_words"]),
        title_heads=frozenset(h.lower() for h in heads),
        title_head_re=CaselessPattern(r"\b(?:" + _guarded(_words(heads)) + r")\b"),
        title_start_re=CaselessPattern(
            r"(?:(?:" + _words(titles["modifiers"]) + r")\s+){0,4}(?:" + _words(heads) + r")\b"
        ),
        plural_heads={k.lower(): v for k, v in titles["plural_heads"].items()},
        connectors=frozenset(titles["connectors"]),
        rank_words=frozenset(titles["rank_words"]),
        group_words=frozenset(titles["group_words"]),
        honorific_re=regex.compile(r"(?<![\w-])(?:" + _words(people["honorifics"]) + r")\s+$"),
        rank_re=regex.compile(r"(?<![\w-])(?:" + _words(people["ranks"]) + r")\s+$"),
        honorifics=tuple(w.rstrip() for w in people["honorifics"]),
        ranks=tuple(w.rstrip() for w in people["ranks"]),
        press_ends=_press_ends(people["press_cues_before"]),
        press_re=CaselessPattern(
            r"(?:\b(?:" + _words(people["press_cues_before"]) + r")[:\s]*|/\s*)$"
        ),
        places=places,
        city_province=dict((row[0], row[1]) for row in lx.table(LANG, "city_provinces.tsv")),
        place_re=regex.compile(r"\b(?:" + _guarded(_words(list(places)), fold=False) + r")\b"),
        outlets=outlets,
        outlet_re=regex.compile(
            r"\b(?:" + _guarded(_words(list(outlets)), fold=False) + r")(?![\w])"
        ),
    )


def _meeting_fields() -> dict[str, Any]:
    """Role, meeting, agenda and directive cues (behind one cue index) and formulations."""
    roles = lx.toml(LANG, "roles.toml")
    meetings = lx.toml(LANG, "meetings.toml")
    agenda = lx.toml(LANG, "agenda.toml")
    index = CueIndex(_families(roles, meetings, agenda))
    subject_re, subject_groups = _grouped(roles["subject"], index, "subject")
    object_re, object_groups = _grouped(roles["object"], index, "object")
    agenda_sections = {k: v for k, v in agenda.items() if k != "directives"}
    agenda_re, agenda_groups = _grouped(agenda_sections, index, "agenda")
    automaton = ahocorasick.Automaton()
    for phrase in lx.lines(LANG, "formulations.txt"):
        automaton.add_word(phrase.lower(), phrase)
    automaton.make_automaton()
    return dict(
        subject_role_re=subject_re,
        subject_role_groups=subject_groups,
        object_role_re=object_re,
        object_role_groups=object_groups,
        object_extra=roles["object_extra"],
        meeting_noun_re=CuePattern(
            r"\b(?:" + _guarded(_alternation(meetings["nouns"])) + r")\b", index, "noun"
        ),
        held_re=CuePattern(
            r"\b(?:" + _guarded(_alternation(meetings["held"])) + r")\b", index, "held"
        ),
        types=tuple(
            (t, CuePattern(_guarded(p) if guard([p]) else p, index, f"type{i}"))
            for i, (t, p) in enumerate(meetings["types"])
        ),
        other_meeting_re=CuePattern(
            r"\b(?:" + _guarded(_alternation(meetings["other_meeting_before"])) + r")\s+"
            r"(?:the\s+)?(?:[\w'’-]+\s+){0,6}$",
            index,
            "other_meeting",
        ),
        ordinals=dict(meetings["ordinals"]),
        body_heads=frozenset(meetings["body_heads"]),
        agenda_re=agenda_re,
        agenda_groups=agenda_groups,
        directive_re=CuePattern(
            r"\b(?:" + _guarded(_alternation(agenda["directives"])) + r")\b", index, "directive"
        ),
        formulations=automaton,
        cue_index=index,
    )
