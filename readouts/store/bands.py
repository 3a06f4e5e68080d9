"""Writing and reading the near-duplicate index in two tables, a small one and a big one.

Each new document adds sixteen band entries at random places of the index.  Inserted
straight into the big table, a batch of 500 documents dirtied most of its pages: on the
100,000-document bench store the bands were a third of every page a commit wrote.  A batch
writes them to ``minhash_bands_recent`` instead, a table of at most :data:`RECENT_ROWS`
entries whose pages stay few and hot; when it is full, the same transaction moves its entries
into ``minhash_bands`` in key order (about ten entries a page instead of one) and empties it.
Both steps are ordinary statements of the batch's transaction, so a crash loses nothing and a
concurrent reader sees every committed band in one table or the other.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, func, insert, select

from readouts.store import schema as t
from readouts.store.sql import bulk_insert, is_in

#: Entries the small table holds before it is merged (about 4,000 documents' bands).
RECENT_ROWS = 64_000


def add_bands(conn: Connection, rows: Sequence[dict[str, int]]) -> None:
    """Store band rows (``bucket``, ``document_id``), merging the small table when full."""
    if not rows:
        return
    recent = t.minhash_bands_recent
    bulk_insert(conn, recent, sorted(rows, key=lambda row: (row["bucket"], row["document_id"])))
    held = conn.execute(select(func.count()).select_from(recent)).scalar_one()
    if held >= RECENT_ROWS:
        merge_recent(conn)


def merge_recent(conn: Connection) -> None:
    """Move every entry of the small table into the big one, in key order."""
    recent = t.minhash_bands_recent
    ordered = select(recent.c.bucket, recent.c.document_id).order_by(
        recent.c.bucket, recent.c.document_id
    )
    conn.execute(insert(t.minhash_bands).from_select(["bucket", "document_id"], ordered))
    conn.execute(delete(recent))


def documents_in_buckets(conn: Connection, buckets: Sequence[int]) -> list[tuple[int, int]]:
    """(bucket, document id) for every stored band in one of ``buckets``, from both tables."""
    dialect = conn.dialect.name
    found: list[tuple[int, int]] = []
    for table in (t.minhash_bands, t.minhash_bands_recent):
        query = select(table.c.bucket, table.c.document_id).where(
            is_in(dialect, table.c.bucket, buckets)
        )
        found += [(bucket, document) for bucket, document in conn.execute(query)]
    return found
