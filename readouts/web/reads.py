"""The meeting and person pages' reads, run on the database driver's own cursor.

Those two pages make a handful of small indexed reads each, and through SQLAlchemy's
``Connection`` every one paid about 60 µs of Python (execution context, parameter
processing, result objects) on top of 10 to 40 µs in SQLite, and the connection another
100 µs to check out, ``BEGIN`` through an event hook, roll back and return: a fifth of a
meeting page's CPU.  Here each statement is still written once with SQLAlchemy Core, but
compiled for SQLite once at import, and run with the ``sqlite3`` connection's ``execute``:
rows come back as plain tuples.  The page's statements share one read transaction, as
before, so they see one state of the store even while an ingest writes to it.

PostgreSQL keeps SQLAlchemy's path (the same statements, rows as ``Row`` tuples): its
driver's parameter style differs, and no page latency target is set on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql import Select

from readouts.store import Store

#: Where SQLAlchemy leaves an expanding ``IN`` list to be rendered at execution.
_EXPANDING = "__[POSTCOMPILE_{}]"


@dataclass(frozen=True)
class Prepared:
    """A SELECT with its SQLite text, and where each ``?`` takes its value from."""

    statement: Select[Any]
    sql: str
    #: per ``?`` in order: the parameter's name, or the statement's own literal value
    slots: tuple[tuple[str | None, Any], ...]
    #: the one expanding parameter (a list spliced in as ``?, ?, ...``), if any
    expanding: str | None


def prepare(statement: Select[Any]) -> Prepared:
    """Compile ``statement`` for SQLite (qmark parameters) once."""
    compiled = statement.compile(dialect=sqlite.dialect())
    slots: list[tuple[str | None, Any]] = []
    expanding = None
    for name in compiled.positiontup or ():
        bind = compiled.binds[name]
        if bind.expanding:
            expanding = name
        slots.append((name, None) if bind.required or bind.expanding else (None, bind.value))
    return Prepared(statement, compiled.string, tuple(slots), expanding)


class PageReads:
    """One page's reads over one connection, in one read transaction."""

    def __init__(self, driver: Any = None, conn: Connection | None = None) -> None:
        self._driver = driver  # a sqlite3.Connection, or None for SQLAlchemy's path
        self._conn = conn

    def all(self, prepared: Prepared, **params: Any) -> Sequence[Sequence[Any]]:
        """Every row of ``prepared`` with ``params``, as tuples."""
        if self._driver is None:
            assert self._conn is not None
            return self._conn.execute(prepared.statement, params).all()
        sql, values = _bind(prepared, params)
        rows: list[tuple[Any, ...]] = self._driver.execute(sql, values).fetchall()
        return rows

    def first(self, prepared: Prepared, **params: Any) -> Sequence[Any] | None:
        """The first row, or None."""
        rows = self.all(prepared, **params)
        return rows[0] if rows else None


def _bind(prepared: Prepared, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
    values: list[Any] = []
    sql = prepared.sql
    for name, literal in prepared.slots:
        if name is None:
            values.append(literal)
        elif name == prepared.expanding:
            items = list(params[name])
            values.extend(items)
            sql = sql.replace(_EXPANDING.format(name), ", ".join("?" * len(items)))
        else:
            values.append(params[name])
    return sql, values


@contextmanager
def page_reads(store: Store) -> Iterator[PageReads]:
    """A connection from the store's pool for one page's reads; rolled back and returned."""
    if store.dialect != "sqlite":
        with store.connect() as conn:
            yield PageReads(conn=conn)
        return
    pooled = store.engine.raw_connection()
    try:
        driver: Any = pooled.driver_connection
        driver.execute("BEGIN")  # a read transaction: one snapshot for the whole page
        yield PageReads(driver=driver)
    finally:
        pooled.rollback()
        pooled.close()
