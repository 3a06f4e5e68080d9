"""The schema's history: numbered migrations, applied in order when a store is opened.

The ``schema_version`` table records each applied migration (number, name, time).  Opening a
store applies the pending ones in one transaction, under a lock (SQLite ``BEGIN IMMEDIATE``,
a PostgreSQL advisory lock), so two processes opening a new store at once cannot both
migrate it, and a crash mid-migration leaves the store as it was.

Rules for adding a migration: append a :class:`Migration` with the next number; never edit
one that has shipped.  Migration 1 creates the tables from :mod:`readouts.store.schema`
as they are *now*, so a later migration that adds a column to a ``Table`` must use
:func:`add_missing_columns` (a fresh store already has the column, an old one gets it).
A store whose version is newer than this code is refused rather than misread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.schema import CreateColumn

from readouts.store import schema
from readouts.store.errors import StoreError
from readouts.store.fts import create_fulltext_index

#: PostgreSQL advisory lock key taken while migrating (an arbitrary constant: "readouts").
_PG_MIGRATION_LOCK = 0x7265_6164_6F75_7473 & 0x7FFF_FFFF_FFFF_FFFF


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    """Every table, its indexes, and the full-text index."""
    schema.metadata.create_all(conn, checkfirst=True)
    create_fulltext_index(conn)


def _drop_unused_participation_indexes(conn: Connection) -> None:
    """Nothing looks participations up by name_key or person_key (people are found through
    ``people``), and every index costs each inserted participation a B-tree update."""
    for name in ("ix_participations_name_key", "ix_participations_person_key"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def _resign_documents(conn: Connection) -> None:
    """MinHash signatures of 128 hashes in bands of 8 (they were 64 in bands of 4, which let
    templated readouts collide): every stored text is signed again.  (This migration also
    wrote the new bands; migration 6 now rebuilds them, in the table's current layout, from
    the signatures written here.)"""
    from readouts.store.minhash import signature, to_bytes

    d = schema.documents
    conn.exec_driver_sql("DELETE FROM minhash_bands")
    resign = update(d).where(d.c.id == bindparam("row_id")).values(minhash=bindparam("sig"))
    for rows in _documents_by_id(conn, d.c.text):
        signed = [(row_id, signature(text)) for row_id, text in rows]
        conn.execute(
            resign,
            [{"row_id": i, "sig": to_bytes(sig) if sig is not None else None} for i, sig in signed],
        )


#: Documents a migration reads (and rewrites) at a time.
_DOCUMENTS_PER_CHUNK = 500


def _documents_by_id(
    conn: Connection, column: ColumnElement[Any], *conditions: ColumnElement[bool]
) -> Iterator[list[tuple[int, Any]]]:
    """(id, ``column``) of the documents meeting ``conditions``, in chunks by increasing id,
    each chunk read before it is handed out (the caller may update the rows it holds)."""
    d = schema.documents
    last = 0
    while True:
        query = select(d.c.id, column).where(d.c.id > last, *conditions)
        query = query.order_by(d.c.id).limit(_DOCUMENTS_PER_CHUNK)
        rows = [(row_id, value) for row_id, value in conn.execute(query)]
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _participation_career_indexes(conn: Connection) -> None:
    """Composite indexes for the person page: a career (events and dates by person) and its
    co-attendees (people by event) become index-only reads (25 ms -> 0.4 ms for the most
    active person of the 100,000-document bench store).  They replace the single-column
    indexes on ``person_id`` and ``event_id``, which they cover, so an ingested participation
    still updates as many B-trees as before."""
    for name in ("ix_participations_person_id", "ix_participations_event_id"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for index in schema.PARTICIPATION_INDEXES:
        index.create(conn, checkfirst=True)


def _drop_unread_indexes(conn: Connection) -> None:
    """Two indexes no query reads, each a B-tree every ingested document updated at random
    places (sixteen entries a document for the bands): bands are looked up by bucket, never
    by document, and sources by content through the unique (content_id, source) index, which
    content_id leads.  At 8,000 documents a batch's commit wrote a tenth fewer pages."""
    for name in ("ix_minhash_bands_doc", "ix_sources_content_id"):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def _compact_bands(conn: Connection) -> None:
    """The near-duplicate index keyed by (32-bit bucket, integer document id), without a rowid
    on SQLite, with a small table for the latest batches' bands (:mod:`.bands`): it was a
    rowid table keyed by (64-bit bucket, text doc_id) plus the index of that key, the largest
    structure an ingest updated at random places (140 MB of the 940 MB bench store of 100,000
    documents, 22 MB now).  Rebuilt from the stored signatures."""
    from readouts.store.minhash import band_buckets, from_bytes

    conn.exec_driver_sql("DROP TABLE IF EXISTS minhash_bands")
    schema.minhash_bands.create(conn)
    schema.minhash_bands_recent.create(conn, checkfirst=True)
    conn.execute(delete(schema.minhash_bands_recent))  # everything is rebuilt in the big one
    d = schema.documents
    for rows in _documents_by_id(conn, d.c.minhash, d.c.minhash.is_not(None)):
        bands = [
            {"bucket": bucket, "document_id": row_id}
            for row_id, data in rows
            for _, bucket in band_buckets(from_bytes(data))
        ]
        conn.execute(insert(schema.minhash_bands), bands)


def _ingest_link_indexes(conn: Connection) -> None:
    """No query reads participations by their report (``meeting_id``): the pages and the API
    read them by event, person or document.  The index was the fifth B-tree an ingested
    participation updated at a random place (a twentieth of the pages a batch writes).  And
    meetings are indexed by (date, body) instead of by date alone: linking a batch's reports
    read every meeting of the batch's days (9,000 rows a batch at 100,000 documents) to keep
    the few of the same body."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_participations_meeting_id")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_meetings_date")
    schema.MEETINGS_BY_DATE_AND_BODY.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tables, indexes and full-text index", _initial),
    Migration(2, "drop unused participation indexes", _drop_unused_participation_indexes),
    Migration(3, "MinHash signatures of 128 hashes in 16 bands", _resign_documents),
    Migration(
        4, "composite participation indexes by person and by event", _participation_career_indexes
    ),
    Migration(5, "drop the unread band and source indexes", _drop_unread_indexes),
    Migration(6, "near-duplicate bands keyed by integer document id", _compact_bands),
    Migration(
        7, "participations not indexed by report, meetings by date and body", _ingest_link_indexes
    ),
)
LATEST = MIGRATIONS[-1].version


def add_missing_columns(conn: Connection, table: Table) -> None:
    """Add to an existing table the columns its ``Table`` now has (for later migrations)."""
    present = {c["name"] for c in inspect(conn).get_columns(table.name)}
    for column in table.columns:
        if column.name not in present:
            ddl = CreateColumn(column).compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {ddl}")


def current_version(conn: Connection) -> int:
    """The highest migration applied (0 for an empty database)."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    found = conn.execute(select(func.max(schema.schema_version.c.version))).scalar()
    return int(found or 0)


def migrate(engine: Engine, display_url: str) -> int:
    """Bring the store to :data:`LATEST`; returns the version it was at before."""
    with engine.connect().execution_options(readouts_write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        before = current_version(conn)
        if before > LATEST:
            raise StoreError(
                f"{display_url}: store schema version {before} is newer than this readouts "
                f"understands ({LATEST}); upgrade readouts"
            )
        if before == 0:
            schema.schema_version.create(conn, checkfirst=True)
        for migration in MIGRATIONS:
            if migration.version > before:
                migration.apply(conn)
                conn.execute(
                    insert(schema.schema_version).values(
                        version=migration.version,
                        name=migration.name,
                        applied_at=utc_now(),
                    )
                )
    return before


def utc_now() -> str:
    """The current time as an ISO 8601 UTC timestamp (seconds), as the store records it."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
