"""Case-insensitive patterns that run as case-sensitive ones over a lower-cased copy of the text.

A case-insensitive search makes the engine try both cases at every position; the same pattern
in lower case over an ASCII-lower-cased copy is several times faster.  The copy has exactly the
offsets of the original (one character for one), so spans stay true, and it is made once per
text: the last few copies are kept.  The lexicon's cue words are ASCII, which is what makes
ASCII folding enough.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
# An escape (kept as written: "\S" is not "\s") or a group name (kept: "(?P<" is syntax).
_KEEP = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


_CACHED_FROM = 512  # shorter texts (phrases, chunks) are cheaper to copy than to look up


#: The last text lower-cased and its copy, as one tuple so that a thread reads a matching pair.
_LAST: tuple[str, str] = ("", "")


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lower-cased and every other character unchanged.  The patterns of
    one text ask for its copy again and again: the last text is recognised by identity first,
    which is cheaper than the cache's lookup."""
    global _LAST
    last = _LAST
    if text is last[0]:
        return last[1]
    if len(text) < _CACHED_FROM:
        return _lower(text)
    lowered = _ascii_lower_cached(text)
    _LAST = (text, lowered)
    return lowered


@lru_cache(maxsize=4)
def _ascii_lower_cached(text: str) -> str:
    return _lower(text)


def _lower(text: str) -> str:
    """ASCII lower-casing at C speed: ``str.translate`` looks every character up in a dict
    once the text is not pure ASCII, while ``bytes.lower`` touches only A-Z, and UTF-8 keeps
    every non-ASCII character in bytes that A-Z never occur in."""
    if text.isascii():
        return text.lower()
    try:
        return text.encode("utf-8").lower().decode("utf-8")
    except UnicodeError:  # a lone surrogate cannot be encoded
        return text.translate(_ASCII_LOWER)


def lower_source(source: str) -> str:
    """A pattern's source with its literal letters lower-cased and its syntax untouched."""
    out: list[str] = []
    at = 0
    for m in _KEEP.finditer(source):
        out.append(source[at : m.start()].lower())
        out.append(m.group())
        at = m.end()
    out.append(source[at:].lower())
    return "".join(out)


class CaselessPattern:
    """The subset of a compiled pattern's interface the extractor uses, ignoring ASCII case."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled = re.compile(lower_source(source))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled.search(ascii_lower(text), pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled.match(ascii_lower(text), pos, endpos)

    def fullmatch(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self._compiled.fullmatch(ascii_lower(text), pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self._compiled.finditer(ascii_lower(text), pos, endpos)
