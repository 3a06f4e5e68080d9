"""Sentences a cue pattern cannot match in, told by one Aho-Corasick pass over the text.

The role, meeting, meeting-type and agenda cues are run sentence by sentence (or over parts
of one), and most sentences hold none of a family's cues: the engine still tries every
position of each.  Every match of a cue starts with one of the cue's literal prefixes (see
``prefilter``), so where no prefix of a family starts between ``pos`` and ``endpos`` its
pattern finds nothing there, and is not run.  One automaton holds the prefixes of every
family; its hits for a text are kept for the last few texts.  Short texts (phrases) are
searched directly.  Where prefixes do start, the pattern is tried at those places only: the
engine does not try every position between them (a position before the one tried is still
seen by ``\b`` and look-behinds, so the matches are the same).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from readouts.extract.en.caseless import CaselessPattern, ascii_lower
from readouts.extract.en.prefilter import literal_prefixes
from readouts.read.normalize import normalize

_INDEXED_FROM = 512  # characters: a shorter text is searched directly
_START = itemgetter(0)  # of a hit: its start, then its families


class CueIndex:
    """Where the cues of each family may start in a text."""

    def __init__(self, families: dict[str, list[str]]) -> None:
        prefixes = {kind: literal_prefixes(cues) for kind, cues in families.items()}
        #: The families every cue of which has a literal prefix: only these can be skipped.
        self.kinds: frozenset[str] = frozenset(k for k, p in prefixes.items() if p is not None)
        table: dict[str, set[str]] = {}
        for kind in self.kinds:
            for prefix in prefixes[kind] or ():
                table.setdefault(prefix, set()).add(kind)
        self._automaton = ahocorasick.Automaton()
        for prefix, kinds in _shortest_only(table).items():
            self._automaton.add_word(prefix, (len(prefix) - 1, tuple(sorted(kinds))))
        self._automaton.make_automaton()
        #: Whether normalizing leaves every prefix as it is (what ``like`` relies on).
        self._normal = all(normalize(prefix) == prefix for prefix in table)
        self.starts = lru_cache(maxsize=4)(self._starts)
        #: The last text asked about and its starts, as one tuple (a thread reads a matching
        #: pair): the patterns of one sentence ask about the same text again and again.
        self._last: tuple[str, dict[str, list[int]]] = ("", {})

    def _starts(self, text: str) -> dict[str, list[int]]:
        """Each family's starts, in order and each once: a prefix stands for a family only
        where no shorter prefix of it does (see ``_shortest_only``), so a start is found
        once per family, and sorting the hits by start orders every family's list."""
        out: dict[str, list[int]] = {kind: [] for kind in self.kinds}
        if len(self._automaton):
            hits = [
                (end - back, kinds)
                for end, (back, kinds) in self._automaton.iter(ascii_lower(text))
            ]
            hits.sort(key=_START)
            for start, kinds in hits:
                for kind in kinds:
                    out[kind].append(start)
        return out

    def starts_in(
        self, text: str, kind: str, pos: int, endpos: int, like: str | None = None
    ) -> list[int] | None:
        """Where a cue of ``kind`` may start in ``[pos, endpos)`` of ``text``, in order, or
        ``None`` when the text is not indexed (every position may hold one).

        ``like`` is ``text`` normalized (``read.normalize``), whose index is likely at hand:
        no prefix holds a character normalizing changes, so a prefix in ``text`` stands at
        the same place in ``like``, and the starts in ``like`` include those in ``text``."""
        if len(text) < _INDEXED_FROM or kind not in self.kinds:
            return None
        if like is not None and len(like) == len(text) and self._normal:
            text = like
        last = self._last
        if last[0] is not text:
            last = self._last = (text, self.starts(text))
        starts = last[1][kind]
        return starts[bisect_left(starts, pos) : bisect_left(starts, endpos)]


def _shortest_only(table: dict[str, set[str]]) -> dict[str, set[str]]:
    """``table`` with each prefix left only the families none of its own prefixes in the
    table has (and dropped with none left): where a prefix matches, each shorter one that
    is a prefix of it matches at the same place, so the shortest of a family's prefixes
    that match at a place is the one that tells it."""
    out: dict[str, set[str]] = {}
    for prefix, kinds in table.items():
        shorter = (table.get(prefix[:n], set()) for n in range(1, len(prefix)))
        left = kinds.difference(*shorter)
        if left:
            out[prefix] = left
    return out


class CuePattern(CaselessPattern):
    """A family's cue pattern tried only where one of its cues may start: every match starts
    at one of those places, so trying them in order finds the matches a search finds."""

    __slots__ = ("_index", "_kind")

    def __init__(self, source: str, index: CueIndex, kind: str) -> None:
        super().__init__(source)
        self._index = index
        self._kind = kind

    def search(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, like: str | None = None
    ) -> re.Match[str] | None:
        """``like``: ``text`` normalized, if at hand (see ``CueIndex.starts_in``)."""
        starts = self._index.starts_in(text, self._kind, pos, endpos, like)
        if starts is None:
            return super().search(text, pos, endpos)
        if not starts:  # most spans of most families: nothing to try, nor to look up
            return None
        pattern, lowered = self._for(text)
        for at in starts:
            m = pattern.match(lowered, at, endpos)
            if m is not None:
                return m
        return None

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, like: str | None = None
    ) -> Iterator[re.Match[str]]:
        starts = self._index.starts_in(text, self._kind, pos, endpos, like)
        if starts is None:
            return super().finditer(text, pos, endpos)
        if not starts:
            return iter(())  # cheaper than a generator that finds nothing
        return self._matches_at(text, starts, endpos)

    def _matches_at(self, text: str, starts: list[int], endpos: int) -> Iterator[re.Match[str]]:
        """The matches ``finditer`` finds, each tried at the places a cue may start, the
        next one no earlier than the end of the last."""
        pattern, lowered = self._for(text)
        after = 0
        for at in starts:
            if at < after:
                continue
            m = pattern.match(lowered, at, endpos)
            if m is not None:
                yield m
                after = m.end()
