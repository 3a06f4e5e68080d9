"""The store's defaults, importable without loading SQLAlchemy (the CLI's help stays fast)."""

from __future__ import annotations

#: The store used when neither ``--db`` nor ``$READOUTS_DB`` names one.
DEFAULT_STORE = "readouts.db"
#: The environment variable that names the default store.
ENV_VAR = "READOUTS_DB"
#: Documents per ingest transaction: large enough to amortize a commit and the per-batch reads
#: (near-duplicate candidates, the touched people), small enough that a crash loses little.
#: A commit writes every page the batch touched, and most index pages of a large store are
#: touched by one or two of a batch's rows: ingesting 4,000 more documents into the
#: 100,000-document bench store wrote 23.9 pages per document with batches of 500, 18.2 with
#: 1,000 (8 % more documents per CPU second), 13.3 with 2,000 (2 % more again, for twice the
#: work lost to a crash and held under the write lock).
DEFAULT_BATCH_SIZE = 1000
