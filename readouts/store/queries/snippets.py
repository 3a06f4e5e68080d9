"""Search snippets made in Python: an excerpt around the matched words, with their offsets.

The databases can make snippets themselves (FTS5 ``snippet()``, PostgreSQL ``ts_headline``),
but both re-tokenize the whole document for every hit and cost about a millisecond per
document, which a page of twenty hits cannot afford within the search latency target.  Here
each hit's text is scanned once with one compiled pattern of the query's words: a word
counts as matched when it is a query word's light stem (plural, "-ing", "-ed" and "-ion"
endings removed) with any of those endings, which is close to what the databases' English
stemmers match, and the same on both backends.  The excerpt is the stretch of about
``SNIPPET_CHARS`` characters that shows the most distinct query words, cut at spaces.
"""

from __future__ import annotations

import bisect

import regex

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_SPACE = regex.compile(r"\s")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "es", "ed", "s")
#: Characters shown in a snippet (then widened to whole words).
SNIPPET_CHARS = 180
#: Characters shown before the first matched word of the excerpt.
LEAD_CHARS = 40
#: Only this much of a (possibly huge) document is scanned for a snippet.
SCAN_CHARS = 200_000
#: Matches tried as the place the excerpt starts from.
MAX_CANDIDATES = 64
#: How far an excerpt's ends move to reach a space.
_ALIGN = 30
ELLIPSIS = "…"


def light_stem(word: str) -> str:
    """Lower-case ``word`` without one common English ending (the stem keeps 3+ letters)."""
    lowered = word.casefold()
    for suffix in _SUFFIXES:
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 3:
            return lowered[: -len(suffix)]
    return lowered


def query_pattern(query: str) -> regex.Pattern[str] | None:
    """A pattern for the words of ``query`` with any of the endings ``light_stem`` removes
    (one pass over a text instead of stemming each of its words); ``None``: no words."""
    stems = {light_stem(word) for word in _WORD.findall(query)}
    if not stems:
        return None
    words = "|".join(regex.escape(s) for s in sorted(stems, key=len, reverse=True))
    endings = "|".join(_SUFFIXES)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:{words})(?:{endings})?(?![\p{{L}}\p{{N}}])",
        regex.IGNORECASE,
    )


def make_snippet(
    text: str, pattern: regex.Pattern[str] | None, *, width: int = SNIPPET_CHARS
) -> tuple[str, list[tuple[int, int]]]:
    """The excerpt of ``text`` showing the most distinct query words (ties: the first), on
    one line, with ``…`` where it is cut, and the ``[start, end)`` offsets of the matched
    words in it."""
    end = min(len(text), SCAN_CHARS)
    hits = list(pattern.finditer(text, 0, end)) if pattern else []
    start = _align_start(text, _best_start(hits, width))
    stop = _align_end(text, min(len(text), start + width))
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if text[stop:].strip() else ""
    shift = len(prefix) - start
    spans = [
        (h.start() + shift, h.end() + shift) for h in hits if start <= h.start() and h.end() <= stop
    ]
    excerpt = _SPACE.sub(" ", text[start:stop])  # one for one: offsets stay valid
    return f"{prefix}{excerpt}{suffix}", spans


def _best_start(hits: list[regex.Match[str]], width: int) -> int:
    """A little before the match from which ``width`` characters show the most distinct
    words (only the first matches are tried, so a long text full of a common word stays
    cheap)."""
    if not hits:
        return 0
    starts = [hit.start() for hit in hits]
    words = [light_stem(hit.group()) for hit in hits]
    best, best_count = 0, -1
    for n, hit_start in enumerate(starts[:MAX_CANDIDATES]):
        start = max(0, hit_start - LEAD_CHARS)
        last = bisect.bisect_left(starts, start + width, lo=n)
        count = len(set(words[n:last]))
        if count > best_count:
            best, best_count = start, count
    return best


def _align_start(text: str, position: int) -> int:
    """Move back to the start of the word ``position`` falls in."""
    if position <= 0:
        return 0
    before = text[max(0, position - _ALIGN) : position]
    space = max(before.rfind(" "), before.rfind("\n"))
    return position - len(before) + space + 1 if space >= 0 else position


def _align_end(text: str, position: int) -> int:
    """Move on to the end of the word ``position`` falls in."""
    after = text[position : position + _ALIGN]
    spaces = [i for i in (after.find(" "), after.find("\n")) if i >= 0]
    return position + min(spaces) if spaces else position
