"""Keeping the answers of pure functions of short phrases.

Readouts repeat themselves: the same runs of capitalised words ("Li Qiang", "Provincial Party
Committee") and the same offices recur in sentence after sentence and text after text, and
what the lexicon says of them does not change.  Only short phrases are kept, so that an
adversarial text (a megabyte without a full stop) cannot fill memory with long keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])

LONGEST = 200  # characters: longer phrases are worked out each time


def phrase_cache(function: F) -> F:
    """``function(phrase, *rest)`` with its answers kept for phrases up to ``LONGEST``
    characters; ``rest`` must be hashable (the lexicon is, by identity)."""
    cached = lru_cache(maxsize=8192)(function)

    @wraps(function)
    def call(phrase: str, *rest: Any) -> Any:
        if len(phrase) <= LONGEST:
            return cached(phrase, *rest)
        return function(phrase, *rest)

    return cast(F, call)
