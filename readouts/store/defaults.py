"""The store's defaults, importable without loading SQLAlchemy (the CLI's help stays fast)."""

from __future__ import annotations

#: The store used when neither ``--db`` nor ``$READOUTS_DB`` names one.
DEFAULT_STORE = "readouts.db"
#: The environment variable that names the default store.
ENV_VAR = "READOUTS_DB"
#: Documents per ingest transaction: large enough to amortize a commit, small enough that a
#: crash loses little and the progress bar moves.
DEFAULT_BATCH_SIZE = 200
