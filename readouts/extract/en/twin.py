"""A ``regex`` pattern with a stdlib ``re`` twin for ASCII texts.

Most readouts are pure ASCII, and over an ASCII text a pattern without ``regex``-only syntax
finds the same matches under ``re.ASCII``: ``\\w``, ``\\d``, ``\\s`` and ``\\b`` agree on every
ASCII character (``regex``'s Unicode ``\\s`` leaves out the separators U+001C..U+001F, as
ASCII ``re`` does), and ASCII letters fold the same way.  ``re`` sets up a search for much
less than ``regex`` does, and some patterns (the header's, tried at each line start) run
several times faster; others run as fast or slower, and then the twin's call costs more
than it saves: a twin is kept only where counting instructions showed it pays.  A text that
is not ASCII keeps the ``regex`` pattern; ``str.isascii`` costs nothing (a string knows).
"""

from __future__ import annotations

import re
import sys

import regex

#: The ``regex`` flags a twin carries over (Unicode and version 0 are its defaults).
_FLAGS = {regex.IGNORECASE: re.IGNORECASE, regex.MULTILINE: re.MULTILINE}
_DEFAULTS = regex.UNICODE | regex.VERSION0

#: A match by either engine.
Match = regex.Match[str] | re.Match[str]


class AsciiTwin:
    """The subset of a compiled pattern's interface the extractor uses, run by ``re`` over an
    ASCII text and by ``regex`` over any other."""

    __slots__ = ("ascii", "pattern", "unicode")

    def __init__(self, unicode: regex.Pattern[str]) -> None:
        self.unicode = unicode
        self.pattern = unicode.pattern
        flags = re.ASCII
        rest = unicode.flags & ~_DEFAULTS
        for theirs, ours in _FLAGS.items():
            if rest & theirs:
                flags |= ours
                rest &= ~theirs
        folds = flags & re.IGNORECASE and not unicode.pattern.isascii()  # "ſ" folds to "s"
        if rest or folds or "\\p" in unicode.pattern:
            raise ValueError(f"no ASCII twin for {unicode.pattern[:60]!r}")
        self.ascii = re.compile(unicode.pattern, flags)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Match | None:
        if text.isascii():
            return self.ascii.search(text, pos, endpos)
        return self.unicode.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Match | None:
        if text.isascii():
            return self.ascii.match(text, pos, endpos)
        return self.unicode.match(text, pos, endpos)


def twin(source: str, flags: int = 0) -> AsciiTwin:
    """``regex.compile(source, flags)`` with its ASCII twin."""
    return AsciiTwin(regex.compile(source, flags))
