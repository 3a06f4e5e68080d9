"""Sentence boundaries with offsets.

Readouts are long run-on sentences full of abbreviations ("Lt. Gen.", "No. 24-QD/TW",
"Feb. 6"), so a boundary is a line break or end punctuation followed by a space and a capital,
unless the word before the period is a known abbreviation or an initial.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

_BOUNDARY = regex.compile(r"\n+|(?<=[.!?][\"')\]]?)[ ]+(?=[\"'(\[]?[\p{Lu}\d])")
# _BOUNDARY in two steps: line breaks and the spaces after end punctuation (a pattern that
# starts with a literal space or line break, which the engine skips to at once), then the capital or
# digit that must follow the spaces.  The same boundaries, without trying every position.
_BREAK = re.compile(r"\n\n*| (?<=[.!?] )[ ]*| (?<=[.!?][\"')\]] )[ ]*")
# _BREAK written to start with the character before the spaces (the spaces are group 1): a
# pattern that starts with a class of rare characters lets the engine skip to them at once,
# where _BREAK stops at every space to look behind it.
_BREAK_AT_END = re.compile(r"[\n.!?](?:(?<=\n)\n*|(?<=[.!?])[\"')\]]?( [ ]*))")
_NEXT_STARTS = regex.compile(r"[\"'(\[]?[\p{Lu}\d]")
_ABBREV = frozenset(
    "mr mrs ms dr prof no nos lt gen sr jr col maj capt st mt jan feb mar apr jun jul aug sep "
    "sept oct nov dec vs etc fig art para vol co corp inc ltd dept govt u.s u.k e.g i.e p.m "
    "a.m adm cmdr sgt rev hon".split()
)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.[\"')\]]?$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text``, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for at, end, spaced in breaks(text):
        if spaced and (not _NEXT_STARTS.match(text, end) or _is_abbreviation(text, at)):
            continue
        _add(text, start, at, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def breaks(text: str) -> Iterator[tuple[int, int, bool]]:
    """The spans ``_BREAK.finditer(text)`` finds, each with whether it is spaces after end
    punctuation (not line breaks)."""
    for m in _BREAK_AT_END.finditer(text):
        if m.start(1) >= 0:
            yield m.start(1), m.end(1), True
        else:
            yield m.start(), m.end(), False


def _is_abbreviation(text: str, end: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, end - 12), end)
    if not m:
        return False
    word = m.group(1).lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
