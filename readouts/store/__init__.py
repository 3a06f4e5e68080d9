"""The corpus store: extracted records as tables that analysts can query.

SQLite (a single file, the default) or PostgreSQL, one schema (:mod:`.schema`), one
migration history (:mod:`.migrations`).  Open one with :func:`open_store`; fill it with
:func:`readouts.store.ingest.ingest_paths`.  See ``readouts/store/README.md``.

The names below are imported on first use, so that ``import readouts.store.defaults`` (the
CLI's option help) does not load SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readouts.store.errors import StoreError
    from readouts.store.store import Store, open_store

__all__ = ["Store", "StoreError", "open_store"]


def __getattr__(name: str) -> Any:
    if name == "StoreError":
        from readouts.store.errors import StoreError

        return StoreError
    if name in ("Store", "open_store"):
        from readouts.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'readouts.store' has no attribute {name!r}")
