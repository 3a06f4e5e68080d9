"""What the meeting did (agenda items), what it said must be done (directives), and the
formulations it invoked.

Agenda items come from the sentence that establishes the meeting and from sentences whose
subject is the meeting ("The meeting conveyed ...", "The meeting heard ..."); each runs from its
verb to the end of its clause.  Directives are sentences with a cue of obligation.  Formulations
are matched from a list, plus numbered slogans in quotation marks ("two establishments").
"""

from __future__ import annotations

import regex

from readouts.extract.en.lexicon import EnglishLexicon
from readouts.model import AgendaItem, Evidence

_MEETING_SUBJECT = regex.compile(
    r"\s*(?:The|the|At the|During the)\s+(?:meeting|conference|session|plenum|symposium|"
    r"forum|participants|delegates|Standing Committee)\b",
)
_CLAUSE_END = regex.compile(
    r"[;.]|,\s+(?:and\s+)?(?=(?:then\s+)?\p{Ll}+ed\b)|\s+and\s+(?=\p{Ll}+ed\b)"
)
_NUMBERED = regex.compile(
    r"\"((?:two|three|four|five|six|seven|eight|nine|ten|double|dual|first|1|2|3|4|5|6|8)"
    r"(?:[\s-][\w']+){1,8})\"",
    regex.I,
)
_MAX_ITEMS = 12


def agenda_items(
    text: str,
    sentences: list[tuple[int, int]],
    anchor: tuple[int, int],
    lex: EnglishLexicon,
    norm: str | None = None,
) -> list[AgendaItem]:
    """``norm``: ``text`` normalized, whose cue index the search may use (see ``cues``)."""
    items: list[AgendaItem] = []
    for s, e in sentences:
        if (s, e) != anchor and not _MEETING_SUBJECT.match(text, s, e):
            continue
        for cue in lex.agenda_re.finditer(text, s, e, norm):
            end = _CLAUSE_END.search(text, cue.end(), e)
            stop = end.start() if end else e
            if stop - cue.start() < 8:
                continue
            if items and items[-1].span[1] > cue.start():
                continue
            items.append(
                AgendaItem(
                    kind=cue.lastgroup or "other",
                    text=text[cue.start() : stop],
                    span=(cue.start(), stop),
                )
            )
            if len(items) >= _MAX_ITEMS:
                return items
    return items


def directives(
    text: str, sentences: list[tuple[int, int]], lex: EnglishLexicon, norm: str | None = None
) -> list[Evidence]:
    """``norm``: ``text`` normalized, whose cue index the search may use (see ``cues``)."""
    out = []
    for s, e in sentences:
        if lex.directive_re.search(text, s, e, norm):
            out.append(Evidence(text=text[s:e], span=(s, e)))
    return out


def formulations(text: str, norm: str, start: int, end: int, lex: EnglishLexicon) -> list[Evidence]:
    """Formulations in ``[start, end)``, first occurrence of each, in order of appearance."""
    found: dict[str, tuple[int, int]] = {}
    lower = norm[start:end].lower()
    for last, phrase in lex.formulations.iter_long(lower):
        s = start + last - len(phrase) + 1
        e = start + last + 1
        if _word_bounded(norm, s, e):
            found.setdefault(phrase.lower(), (s, e))
    for m in _NUMBERED.finditer(norm, start, end):
        found.setdefault(m.group(1).lower(), m.span(1))
    spans = sorted(found.values())
    return [Evidence(text=text[s:e], span=(s, e)) for s, e in spans]


def _word_bounded(text: str, s: int, e: int) -> bool:
    return (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())
