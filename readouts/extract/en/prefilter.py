"""A look-ahead guard for the lexicon's big alternations, built from the cues themselves.

``\\b(?:presided over|chaired|...)\\b`` makes the engine try every cue at every word boundary
of the text; most fail on their first letters.  A look-ahead over the cues' first letters,
written as a tree ("(?=c(?:h(?:a)|o(?:n))|p(?:r(?:e))...)"), rejects those positions after a
few comparisons.  Every cue starts with its literal prefix, so a position the guard rejects is
one no cue matches at: the pattern finds exactly what it found without the guard.  A cue
that starts with a group gives the group's alternatives' prefixes, and one that starts with an
optional group ("(?:also )?in attendance") those and the prefixes of what follows the group;
one that may start with anything ("\\w+ said", "(?:a|the)?\\w+") leaves the pattern unguarded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_META = frozenset("\\()[]{}?*+|.^$")
_QUANTIFIERS = frozenset("?*+{")
_DEPTH = 3  # letters per cue in the guard: enough to reject almost every position


def guard(cues: Iterable[str], fold: bool = True) -> str:
    """``(?=...)`` that every match of ``(?:cue|cue|...)`` passes, or ``""`` if none can be
    built.  ``cues`` are regular expressions; with ``fold`` the guard is for a pattern run
    over ASCII-lower-cased text (see ``caseless``)."""
    tree = prefix_tree(cues, fold)
    return "(?=" + tree + ")" if tree else ""


def prefix_tree(cues: Iterable[str], fold: bool = True) -> str:
    """The alternation of the cues' literal prefixes as a tree, or ``""`` if a cue has none;
    for a guard that also admits other starts ("(?=\\d|" + tree + ")")."""
    prefixes: set[str] = set()
    for cue in cues:
        found = _prefixes(cue, fold)
        if not found:
            return ""
        prefixes |= found
    return _tree(sorted(prefixes)) if prefixes else ""


def literal_prefixes(cues: Iterable[str], fold: bool = True) -> set[str] | None:
    """Every literal prefix of the cues in full (not cut to the guard's depth), or ``None`` if
    a cue has none: every match of a cue starts with one of them."""
    out: set[str] = set()
    for cue in cues:
        found = _prefixes(cue, fold, depth=None)
        if not found:
            return None
        out |= found
    return out


def _prefixes(cue: str, fold: bool, depth: int | None = _DEPTH) -> set[str]:
    """The literal prefixes of ``cue``'s alternatives, or an empty set if one has none.  A
    leading group ("(?:the meeting|it) is") gives its own alternatives' prefixes."""
    out: set[str] = set()
    for alternative in _alternatives(cue):
        group = _leading_group(alternative)
        if group is not None:
            inside, after = group
            inner = _prefixes(inside, fold, depth)
            if after is not None:  # an optional group: a match may start after it
                following = _prefixes(after, fold, depth) if after else set()
                inner = inner | following if inner and following else set()
            if not inner:
                return set()
            out |= inner
            continue
        prefix = _literal_prefix(alternative, fold, depth)
        if not prefix:
            return set()
        out.add(prefix)
    return out


def _leading_group(alternative: str) -> tuple[str, str | None] | None:
    """The inside of a plain, non-capturing or named group ``alternative`` starts with, and
    ``None`` if the group must match there, or what follows it if the group is optional
    ("?" or "*"; a lazy or possessive mark after it is skipped); ``None`` for a group with
    another quantifier."""
    if alternative.startswith("(?:"):
        start = 3
    elif alternative.startswith("(?P<"):
        start = alternative.find(">") + 1
    elif alternative.startswith("(") and not alternative.startswith("(?"):
        start = 1
    else:
        return None
    for i, _, depth in _syntax(alternative):
        if depth == 0:
            quantifier = alternative[i + 1 : i + 2]
            if quantifier in ("?", "*"):  # the group may match nothing
                rest = i + 3 if alternative[i + 2 : i + 3] in ("?", "+") else i + 2
                return alternative[start:i], alternative[rest:]
            if quantifier in _QUANTIFIERS:
                return None
            return alternative[start:i], None
    return None


def _alternatives(cue: str) -> list[str]:
    """``cue`` split at its top-level ``|`` (not inside a group or a class)."""
    parts: list[str] = []
    start = 0
    for i, c, depth in _syntax(cue):
        if c == "|" and depth == 0:
            parts.append(cue[start:i])
            start = i + 1
    parts.append(cue[start:])
    return parts


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character of ``pattern`` outside escapes and character classes, with its index
    and the depth of groups it leaves open (a ")" is at the depth after it)."""
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            continue
        depth += {"(": 1, ")": -1}.get(c, 0)
        yield i, c, depth
        i += 1


def _class_end(cue: str, i: int) -> int:
    """The index after the character class opening at ``cue[i]``."""
    j = i + 1
    if j < len(cue) and cue[j] == "^":
        j += 1
    if j < len(cue) and cue[j] == "]":
        j += 1
    while j < len(cue) and cue[j] != "]":
        j += 2 if cue[j] == "\\" else 1
    return j + 1


def _literal_prefix(alternative: str, fold: bool, depth: int | None = _DEPTH) -> str:
    """The letters every match of ``alternative`` starts with (up to ``depth``)."""
    out: list[str] = []
    for c in alternative:
        if c in _META:
            if c in _QUANTIFIERS and out:
                out.pop()  # "an?": the "n" may be absent
            break
        if fold and not c.isascii():
            break  # lower-casing beyond ASCII is not one character for one
        out.append(c)
    prefix = "".join(out[:depth])
    return prefix.lower() if fold else prefix


def _tree(prefixes: list[str]) -> str:
    """An alternation of ``prefixes`` factored by first letter, shortest prefix winning."""
    kept = [p for p in prefixes if not any(q != p and p.startswith(q) for q in prefixes)]
    groups: dict[str, list[str]] = {}
    for p in kept:
        groups.setdefault(p[0], []).append(p[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        rest = [r for r in rests if r]
        sub = f"(?:{_tree(rest)})" if rest and len(rest) == len(rests) else ""
        parts.append(re.escape(first) + sub)
    return "|".join(parts)
