"""Batches add to the people's and bodies' summaries exactly what a full rebuild would count."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import write
from sqlalchemy import select
from texts import executive_meeting, second_report, standing_meeting, syndicated_copy

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.derived import rebuild_bodies, rebuild_people
from readouts.store.ingest import ingest_paths


def _summaries(store: Store) -> dict[str, list[Any]]:
    with store.begin() as conn:
        return {
            table.name: sorted(tuple(row) for row in conn.execute(select(table)))
            for table in (t.people, t.person_aliases, t.occupancies, t.bodies)
        }


@pytest.mark.parametrize("batch_size", [1, 50])  # reports of a meeting in one batch or apart
def test_incremental_summaries_equal_a_rebuild(
    store: Store, tmp_path: Path, batch_size: int
) -> None:
    rounds = [
        {
            "a.txt": standing_meeting(day=10),
            "b.txt": executive_meeting("Hunan", "Wu Jinglan", "Governor", 2, "Qin Shuyi"),
        },
        {"c.txt": second_report(day=10), "d.txt": syndicated_copy(standing_meeting(day=10))},
        {
            "e.txt": standing_meeting(day=24, deputy="Wu Jinglan", topic="the schools"),
            "f.txt": second_report(day=24),
        },
        {
            "g.txt": standing_meeting(
                day=28, secretary="Xia Peiran", deputy="Qin Shuyi", topic="roads"
            )
        },
    ]
    for number, files in enumerate(rounds):
        for name, text in files.items():
            write(tmp_path / str(number), name, text)
        ingest_paths(store, [tmp_path / str(number)], batch_size=batch_size)
    incremental = _summaries(store)
    with store.begin() as conn:
        rebuild_people(conn, conn.execute(select(t.people.c.person_id)).scalars().all())
        rebuild_bodies(conn, conn.execute(select(t.bodies.c.body_id)).scalars().all())
    assert _summaries(store) == incremental
    with store.begin() as conn:
        xia = conn.execute(select(t.people).where(t.people.c.name == "Xia Peiran")).mappings().one()
    assert (xia["n_meetings"], xia["n_documents"]) == (3, 5)  # a second report is no meeting
