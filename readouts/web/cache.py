"""Small caches of expensive answers, valid for one generation of the store.

A served store changes only when something is ingested or an analyst's judgement is
recorded; both add rows with higher ids.  The highest document, source and judgement ids
therefore name the store's current *generation*, read in one cheap statement per request.
Answers cached under an older generation are never served again, so nothing stale is shown
even when ``readouts ingest`` writes to the store while it is being served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlalchemy import Connection, func, select

from readouts.store import schema as t

V = TypeVar("V")

#: The statement :func:`generation` runs (also prepared for the person page's reads).
GENERATION = select(
    select(func.max(t.documents.c.id)).scalar_subquery(),
    select(func.max(t.sources.c.id)).scalar_subquery(),
    select(func.max(t.judgements.c.id)).scalar_subquery(),
)


def generation(conn: Connection) -> tuple[int | None, ...]:
    """The store's generation: changes whenever a document, source or judgement is added."""
    return tuple(conn.execute(GENERATION).one())


class LruCache(Generic[V]):
    """A bounded least-recently-used map, safe to share between request threads.

    ``keep`` decides whether a computed value is worth its memory (a huge match set is not).
    """

    def __init__(self, entries: int, keep: Callable[[V], bool] | None = None) -> None:
        self._entries = entries
        self._keep = keep
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()  # outside the lock: two threads may compute the same value once each
        if self._keep is None or self._keep(value):
            with self._lock:
                self._values[key] = value
                while len(self._values) > self._entries:
                    self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)
