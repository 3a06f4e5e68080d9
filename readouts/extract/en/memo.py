"""Keeping the answers of pure functions of short phrases.

Readouts repeat themselves: the same runs of capitalised words ("Li Qiang", "Provincial Party
Committee") and the same offices recur in sentence after sentence and text after text, and
what the lexicon says of them does not change.  Only short phrases are kept, so that an
adversarial text (a megabyte without a full stop) cannot fill memory with long keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, Generic, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])
V = TypeVar("V")

LONGEST = 200  # characters: longer phrases are worked out each time
_CACHES: list[Any] = []  # every cache made here, for ``forget``


def forget() -> None:
    """Empty every cache made here: a benchmark that runs the same texts again starts each
    pass as cold as a first reading, so that it does not time answers kept from the last."""
    for cache in _CACHES:
        cache.cache_clear()


def word_cache(maxsize: int = 65536) -> Callable[[F], F]:
    """``lru_cache(maxsize)`` for functions of one word: a bounded memory of the vocabulary,
    emptied by ``forget``."""

    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cast(F, cached)

    return wrap


def phrase_cache(function: F) -> F:
    """``function(phrase, *rest)`` with its answers kept for phrases up to ``LONGEST``
    characters; ``rest`` must be hashable (the lexicon is, by identity)."""
    cached = lru_cache(maxsize=8192)(function)
    _CACHES.append(cached)

    @wraps(function)
    def call(phrase: str, *rest: Any) -> Any:
        if len(phrase) <= LONGEST:
            return cached(phrase, *rest)
        return function(phrase, *rest)

    return cast(F, call)


class PhraseTable(Generic[V]):
    """Answers for short phrases in plain dicts, one per owner (the lexicon), emptied by
    ``forget``.  A hot loop that looks up every run of a text gets each answer by one
    ``dict.get``, cheaper than a call through a wrapper and ``lru_cache``; it works out and
    ``keep``s what is missing.  A table that reaches ``maxsize`` starts again empty."""

    def __init__(self, maxsize: int = 8192) -> None:
        self.maxsize = maxsize
        self._tables: dict[object, dict[str, V]] = {}
        _CACHES.append(self)

    def table(self, owner: object) -> dict[str, V]:
        """The answers kept for ``owner``: read them with ``get``, add with ``keep``."""
        table = self._tables.get(owner)
        if table is None:
            table = self._tables[owner] = {}
        return table

    def keep(self, table: dict[str, V], phrase: str, answer: V) -> None:
        """Keep ``answer`` for ``phrase`` if the phrase is short."""
        if len(phrase) <= LONGEST:
            if len(table) >= self.maxsize:
                table.clear()
            table[phrase] = answer

    def cache_clear(self) -> None:
        """Forget every answer (``forget`` calls this as it does ``lru_cache``'s)."""
        for table in self._tables.values():
            table.clear()
        self._tables.clear()
