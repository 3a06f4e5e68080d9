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


#: Characters ``\s`` matches in Unicode mode only.  In a text with none of them and nothing
#: beyond ASCII, a pattern compiled with ``re.ASCII`` finds exactly what the Unicode one finds
#: (``\w``, ``\b``, ``\d`` and ``\s`` agree on every ASCII character but these), and the
#: engine tests word characters by a table instead of asking the Unicode database.
_UNICODE_SPACES = re.compile("[\x1c-\x1f]")

#: The last text, its lower-case copy and whether the ASCII patterns may read it, as one tuple
#: so that a thread reads a matching triple.
_LAST: tuple[str, str, bool] = ("", "", False)


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lower-cased and every other character unchanged.  A short ASCII
    text (the words before a name) is lower-cased at once: it is not kept (``_lowered``)."""
    if len(text) < _CACHED_FROM and text.isascii():
        return text.lower()
    return _lowered(text)[0]


def _lowered(text: str) -> tuple[str, bool]:
    """``ascii_lower(text)``, and whether the ASCII-mode patterns may run over it.  The
    patterns of one text ask for its copy again and again: the last text is recognised by
    identity first, which is cheaper than the cache's lookup.  A short text (a phrase) runs
    the Unicode patterns: it is not worth the test."""
    global _LAST
    last = _LAST
    if text is last[0]:
        return last[1], last[2]
    if len(text) < _CACHED_FROM:
        return _lower(text), False
    lowered, plain = _ascii_lower_cached(text)
    _LAST = (text, lowered, plain)
    return lowered, plain


@lru_cache(maxsize=4)
def _ascii_lower_cached(text: str) -> tuple[str, bool]:
    lowered = _lower(text)
    return lowered, lowered.isascii() and _UNICODE_SPACES.search(lowered) is None


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

    __slots__ = ("_ascii", "_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled = re.compile(lower_source(source))
        self._ascii: re.Pattern[str] | None = None  # compiled when first needed

    def _for(self, text: str) -> tuple[re.Pattern[str], str]:
        """The compiled pattern to run over ``text``'s lower-case copy, and the copy."""
        lowered, plain = _lowered(text)
        if not plain:
            return self._compiled, lowered
        if self._ascii is None:
            self._ascii = re.compile(self._compiled.pattern, re.ASCII)
        return self._ascii, lowered

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, lowered = self._for(text)
        return pattern.search(lowered, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, lowered = self._for(text)
        return pattern.match(lowered, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, lowered = self._for(text)
        return pattern.fullmatch(lowered, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        pattern, lowered = self._for(text)
        return pattern.finditer(lowered, pos, endpos)
