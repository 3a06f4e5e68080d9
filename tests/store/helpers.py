"""Helpers shared by the store tests: writing inputs, counting rows."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from readouts.store import Store
from readouts.store import schema as t

TABLES = (
    "documents",
    "sources",
    "minhash_bands",
    "minhash_bands_recent",
    "events",
    "meetings",
    "meeting_items",
    "participations",
    "participation_titles",
    "people",
    "person_aliases",
    "bodies",
    "posts",
    "occupancies",
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def counts(store: Store) -> dict[str, int]:
    """Rows per table (the whole store's state, coarsely)."""
    with store.begin() as conn:
        return {
            name: int(
                conn.execute(select(func.count()).select_from(t.metadata.tables[name])).scalar_one()
            )
            for name in TABLES
        }


def person_ids(store: Store, name: str) -> list[str]:
    with store.begin() as conn:
        query = (
            select(t.people.c.person_id)
            .where(t.people.c.name == name)
            .order_by(t.people.c.person_id)
        )
        return list(conn.execute(query).scalars())


#: The ``run_cli`` fixture of ``tests/conftest.py``: ``python -m readouts ARGS``.
RunCli = Callable[..., subprocess.CompletedProcess[str]]
