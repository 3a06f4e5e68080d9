"""Opening a store: one object that every reader and writer of the corpus goes through.

:func:`open_store` takes what the user typed (``--db``), connects, sets SQLite up for a
corpus (WAL so readers never block the ingest, foreign keys on, a busy timeout so two
processes queue rather than fail) and applies pending migrations.  :class:`Store` hands out
connections and transactions; the tables are in :mod:`readouts.store.schema`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from readouts.store.errors import StoreError
from readouts.store.migrations import current_version, migrate
from readouts.store.url import MEMORY, database_url, display_url, resolve_target

Dialect = Literal["sqlite", "postgresql"]

#: Milliseconds a SQLite writer waits for another process's transaction before failing.
SQLITE_BUSY_TIMEOUT_MS = 60_000
SQLITE_CHECKPOINT_PAGES = 10_000
SQLITE_CACHE_KB = 65_536
#: Bytes of a SQLite store a serving process reads through a memory map (see ``map_reads``).
SQLITE_SERVE_MMAP_BYTES = 2**31
#: PostgreSQL advisory lock that serializes writers (ingest batches, judgements).
PG_WRITE_LOCK = 0x5245_4144_4F55_5453
_WRITE_OPTION = "readouts_write"


class Store:
    """An open corpus store.

    ``store.begin()`` is a read (or ordinary) transaction; ``store.begin_write()`` is the
    transaction writers use: it takes the write lock up front (SQLite ``BEGIN IMMEDIATE``,
    a PostgreSQL advisory lock), so a batch never fails half-way because another process
    wrote in between, and resolution sees a stable corpus.
    """

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @property
    def dialect(self) -> Dialect:
        return "sqlite" if self.engine.dialect.name == "sqlite" else "postgresql"

    def connect(self) -> Connection:
        return self.engine.connect()

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def begin_write(self) -> Iterator[Connection]:
        writer = self.engine.connect().execution_options(**{_WRITE_OPTION: True})
        with writer as conn, conn.begin():
            if self.dialect == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
            yield conn

    def map_reads(self) -> None:
        """Read a SQLite file through a memory map from now on (a server's reads).

        A page request makes hundreds of random B-tree visits; through the map each is a
        memory access instead of a ``pread`` into the connection's own page cache (meeting
        and person pages about 30 % cheaper on the 100,000-document bench store).  Mapped
        pages are the kernel's page cache, shared by every worker, but they count in a
        process's resident size as it touches them, which is why the ingest does not map.
        Pooled connections are closed so that every connection maps.  No-op for PostgreSQL
        and in-memory stores.
        """
        if self.dialect != "sqlite" or self.engine.url.database in (None, "", MEMORY):
            return
        event.listen(self.engine, "connect", _map_reads)
        self.engine.dispose()

    def schema_version(self) -> int:
        with self.connect() as conn:
            return current_version(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"


def open_store(url_or_path: str | None = None, *, migrate_schema: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at a path or URL.

    ``None`` means ``$READOUTS_DB``, else ``readouts.db`` in the current directory.
    Raises :class:`StoreError` with one sentence when it cannot be opened.
    """
    url = database_url(resolve_target(url_or_path))
    shown = display_url(url)
    engine = _sqlite_engine(url) if url.get_backend_name() == "sqlite" else _pg_engine(url)
    try:
        if migrate_schema:
            migrate(engine, shown)
        else:
            with engine.connect():
                pass
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"{shown}: cannot open store: {_first_line(exc.orig)}") from None
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, shown)


def _sqlite_engine(url: Any) -> Engine:
    memory = url.database == MEMORY
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False},
        poolclass=StaticPool if memory else None,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" hook below decides
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # Checkpoint every ~40 MB of WAL rather than 4 MB: an ingest rewrites the same index
        # pages batch after batch, and each checkpoint copies them into the database again.
        cursor.execute(f"PRAGMA wal_autocheckpoint = {SQLITE_CHECKPOINT_PAGES}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # A 64 MB page cache (the default is 2 MB): ingest and queries revisit the same
        # index pages constantly, and a corpus store soon outgrows the default.
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _map_reads(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute(f"PRAGMA mmap_size = {SQLITE_SERVE_MMAP_BYTES}")


def _pg_engine(url: Any) -> Engine:
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _first_line(error: BaseException | None) -> str:
    text = str(error) if error is not None else "unknown error"
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__
