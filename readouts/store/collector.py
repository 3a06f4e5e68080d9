"""Python's cyclic garbage collector, run between ingest batches rather than during them.

A batch's documents, records and rows live while the batch is extracted and written, long
enough to survive the collector's young collections, so they reach its oldest generation and
Python soon runs a full collection; it did so every two or three batches.  A full collection
walks every long-lived object, the extractor's and resolver's word caches included (some
650,000 references): about 100 ms each, a tenth of an ingest's time.

During an ingest automatic collection is therefore off.  After each batch (when its objects
are gone) the young generations are collected, which is cheap, and every
:data:`FULL_COLLECTION_EVERY` batches all of them.  Reference counting frees most garbage at
once as before; garbage in reference cycles waits at most a batch, or
:data:`FULL_COLLECTION_EVERY` batches once it has reached the oldest generation.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Batches between full collections (5,000 documents at the default batch size).
FULL_COLLECTION_EVERY = 10


class BatchCollector:
    """Collects after each batch; does nothing when collection was off before the ingest."""

    def __init__(self, active: bool) -> None:
        self._active = active
        self._batches = 0

    def after_batch(self) -> None:
        if not self._active:
            return
        self._batches += 1
        gc.collect(2 if self._batches % FULL_COLLECTION_EVERY == 0 else 1)


@contextmanager
def collect_between_batches() -> Iterator[BatchCollector]:
    """Automatic collection off for the block (restored after, even on error); call
    ``after_batch()`` on what it yields at the end of each batch."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield BatchCollector(active=was_enabled)
    finally:
        if was_enabled:
            gc.enable()
