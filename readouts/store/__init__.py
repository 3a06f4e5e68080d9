"""The corpus store: extracted records as tables that analysts can query.

SQLite (a single file, the default) or PostgreSQL, one schema (:mod:`.schema`), one
migration history (:mod:`.migrations`).  Open one with :func:`open_store`; fill it with
:func:`readouts.store.ingest.ingest_paths`.  See ``readouts/store/README.md``.
"""

from readouts.store.errors import StoreError
from readouts.store.store import Store, open_store

__all__ = ["Store", "StoreError", "open_store"]
