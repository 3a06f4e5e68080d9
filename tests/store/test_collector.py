"""Garbage collection between ingest batches: automatic collection comes back as it was."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from helpers import write
from texts import standing_meeting

from readouts.store import Store
from readouts.store.collector import collect_between_batches
from readouts.store.ingest import ingest_paths


def test_an_ingest_leaves_automatic_collection_on(store: Store, tmp_path: Path) -> None:
    assert gc.isenabled()
    ingest_paths(store, [write(tmp_path, "a.txt", standing_meeting())], batch_size=1)
    assert gc.isenabled()


def test_collection_comes_back_after_an_error() -> None:
    with pytest.raises(RuntimeError), collect_between_batches():
        assert not gc.isenabled()
        raise RuntimeError("a batch failed")
    assert gc.isenabled()


def test_collection_a_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with collect_between_batches() as collector:
            collector.after_batch()
        assert not gc.isenabled()
    finally:
        gc.enable()
