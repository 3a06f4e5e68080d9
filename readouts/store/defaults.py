"""The store's defaults, importable without loading SQLAlchemy (the CLI's help stays fast)."""

from __future__ import annotations

#: The store used when neither ``--db`` nor ``$READOUTS_DB`` names one.
DEFAULT_STORE = "readouts.db"
#: The environment variable that names the default store.
ENV_VAR = "READOUTS_DB"
#: Documents per ingest transaction: large enough to amortize a commit and the per-batch reads
#: (near-duplicate candidates, the touched people), small enough that a crash loses little.
#: On the generated bench corpus 500 ingests about 15 % more documents per CPU second than 200
#: (1,000 a further 10 %, for twice the work lost to a crash and held under the write lock).
DEFAULT_BATCH_SIZE = 500
