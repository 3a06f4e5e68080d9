"""The near-duplicate index in two tables: batches write to the small one, which is merged
into the big one when full, and copies are found in either."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from texts import standing_meeting, syndicated_copy

from readouts.store import Store, bands
from readouts.store import schema as t
from readouts.store.ingest import ingest_paths
from readouts.store.minhash import BANDS


def _rows(store: Store) -> tuple[int, int]:
    with store.begin() as conn:
        big, recent = (
            conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (t.minhash_bands, t.minhash_bands_recent)
        )
    return big, recent


def _meetings(count: int) -> list[str]:
    return [
        standing_meeting(day=day, topic=f"the {day}th harvest plan") for day in range(1, count + 1)
    ]


DEFAULT_RECENT_ROWS = bands.RECENT_ROWS


@pytest.mark.parametrize("recent_rows", [DEFAULT_RECENT_ROWS, 3 * BANDS])
def test_copies_are_found_in_either_table(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recent_rows: int
) -> None:
    """Five documents, then a copy of each: with the default limit every band is still in
    the small table; with room for three documents' bands the first three were merged."""
    monkeypatch.setattr(bands, "RECENT_ROWS", recent_rows)
    texts = _meetings(5)
    for number, text in enumerate(texts):
        (tmp_path / f"doc{number}.txt").write_text(text)
    ingest_paths(store, [tmp_path / f"doc{n}.txt" for n in range(5)], batch_size=1)
    big, recent = _rows(store)
    assert big + recent == 5 * BANDS
    assert big == (0 if recent_rows == DEFAULT_RECENT_ROWS else 3 * BANDS)
    for number, text in enumerate(texts):
        (tmp_path / f"copy{number}.txt").write_text(syndicated_copy(text))
    summary = ingest_paths(store, [tmp_path / f"copy{n}.txt" for n in range(5)])
    assert summary.near_duplicates == 5
    assert sum(_rows(store)) == 5 * BANDS


def test_merging_moves_every_entry_once(store: Store, tmp_path: Path) -> None:
    for number, text in enumerate(_meetings(3)):
        (tmp_path / f"doc{number}.txt").write_text(text)
    ingest_paths(store, [tmp_path])
    with store.begin() as conn:
        before = sorted(conn.execute(select(t.minhash_bands_recent)).all())
        bands.merge_recent(conn)
        after = sorted(conn.execute(select(t.minhash_bands)).all())
    assert after == before and len(after) == 3 * BANDS
    assert _rows(store) == (3 * BANDS, 0)
