"""Caches never outlive the store generation they were computed in, and stay bounded."""

from __future__ import annotations

from functools import partial

from web_corpus import EXECUTIVE, STANDING_COMMITTEE

from readouts.load import Document
from readouts.store import Store
from readouts.store.ingest import ingest_documents
from readouts.store.judgements import merge_people
from readouts.web.cache import LruCache, generation


def test_lru_keeps_the_most_recent_and_respects_keep() -> None:
    calls: list[str] = []

    def compute(value: str) -> str:
        calls.append(value)
        return value

    cache = LruCache[str](2, keep=lambda value: value != "huge")
    for key in ("a", "b", "a", "c", "a", "b"):
        assert cache.get(key, partial(compute, key)) == key
    assert calls == ["a", "b", "c", "b"]  # "b" was evicted by "c", "a" stayed in use
    cache.get("huge", lambda: compute("huge"))
    cache.get("huge", lambda: compute("huge"))
    assert calls[-2:] == ["huge", "huge"] and len(cache) == 2


def test_generation_moves_with_every_write(sqlite_store: Store) -> None:
    def now() -> tuple[int | None, ...]:
        with sqlite_store.connect() as conn:
            return generation(conn)

    empty = now()
    ingest_documents(sqlite_store, [Document("a.txt", STANDING_COMMITTEE)])
    one = now()
    ingest_documents(sqlite_store, [Document("copy-of-a.txt", STANDING_COMMITTEE)])
    copied = now()
    ingest_documents(sqlite_store, [Document("b.txt", EXECUTIVE)])
    two = now()
    merge_people(sqlite_store, "Xia Peiran", "Qin Shuyi")
    judged = now()
    assert len({empty, one, copied, two, judged}) == 5
    assert now() == judged
