"""Small SQL helpers that differ by database, so the rest of the store does not."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, String, Table, any_, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite

T = TypeVar("T")

#: Bound parameters per IN list: far below SQLite's and PostgreSQL's limits.
IN_CHUNK = 2000


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, silently keeping the existing row where the primary key is taken."""
    if not rows:
        return
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), list(rows))


def chunks(items: Iterable[T], size: int = IN_CHUNK) -> Iterator[list[T]]:
    """The items in lists of at most ``size`` (for IN lists and executemany)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows of the same keys through the driver's ``executemany`` directly.

    SQLAlchemy's executemany builds parameters row by row in Python, which costs more than
    SQLite's insert itself at ingest rates; the statement is compiled once per table and key
    set and the rows go to the driver as they are (values must be of the driver's types:
    str, int, float, bool, bytes, None).
    """
    if not rows:
        return
    keys = tuple(rows[0])
    sql, positional = _compiled_insert(conn.dialect.name, table, keys)
    if positional:
        pick = _values_of(keys)
        conn.exec_driver_sql(sql, [pick(row) for row in rows])
    else:
        conn.exec_driver_sql(sql, list(rows))


#: Bound variables per multi-row INSERT: the limit of SQLite builds before 3.32 (32,766 since).
MAX_VARIABLES = 999


def insert_in_few_statements(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]]
) -> None:
    """Insert rows with one multi-row ``INSERT ... VALUES (...), (...)`` per few dozen rows on
    SQLite; :func:`bulk_insert` elsewhere.

    For tables behind a full-text trigger (``documents``).  SQLite (3.40) has FTS5 write its
    pending terms to a new index segment at every statement savepoint, and ``executemany``
    runs one statement per row: each document became a segment of its own, merged again
    and again (half the cost of inserting a document).  One statement per chunk of rows keeps
    the chunk's terms in memory until it ends.  The rows, their ids and what a full-text
    query finds are the same.
    """
    if not rows or conn.dialect.name != "sqlite":
        bulk_insert(conn, table, rows)
        return
    keys = tuple(rows[0])
    sql, _ = _compiled_insert("sqlite", table, keys)
    head, values = sql.split(" VALUES ")
    pick = _values_of(keys)
    for chunk in chunks(rows, max(1, MAX_VARIABLES // len(keys))):
        parameters = [value for row in chunk for value in pick(row)]
        conn.exec_driver_sql(f"{head} VALUES {', '.join([values] * len(chunk))}", tuple(parameters))


def _values_of(keys: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A row's values for ``keys``, in order, always as a tuple (``itemgetter`` of one key
    returns the bare value)."""
    if len(keys) == 1:
        key = keys[0]
        return lambda row: (row[key],)
    return itemgetter(*keys)


_COMPILED: dict[tuple[str, str, tuple[str, ...]], tuple[str, bool]] = {}


def _compiled_insert(dialect: str, table: Table, keys: tuple[str, ...]) -> tuple[str, bool]:
    cache_key = (dialect, table.name, keys)
    if cache_key not in _COMPILED:
        unknown = set(keys) - set(table.c.keys())
        if unknown:
            raise ValueError(f"{table.name} has no column(s) {sorted(unknown)}")
        columns = ", ".join(keys)
        if dialect == "sqlite":
            values = ", ".join("?" for _ in keys)
        else:
            values = ", ".join(f"%({k})s" for k in keys)
        _COMPILED[cache_key] = (
            f"INSERT INTO {table.name} ({columns}) VALUES ({values})",
            dialect == "sqlite",
        )
    return _COMPILED[cache_key]


def take_ids(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Give the rows the next integer ids of ``table`` (max + 1, ...) before they are inserted,
    so rows of other tables can point at them without reading the ids back.

    Only under the store's write lock (two writers would take the same ids); on PostgreSQL
    the table's serial sequence is moved past the ids taken, for inserts that leave them out.
    """
    if not rows:
        return
    column = table.c.id
    last = int(conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one())
    for number, row in enumerate(rows, start=last + 1):
        row["id"] = number
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), %s)",
            (last + len(rows),),
        )


def is_in(dialect: str, column: ColumnElement[Any], values: Iterable[Any]) -> ColumnElement[bool]:
    """``column IN values`` with the values as ONE bound parameter (a JSON array on SQLite,
    an array on PostgreSQL): the statement's text is the same for any number of values, so it
    is compiled once, and no list is too long for the driver."""
    items = list(values)
    if dialect == "sqlite":
        table = func.json_each(bindparam(None, json.dumps(items), type_=String())).table_valued(
            "value"
        )
        return column.in_(select(table.c.value))
    return column == any_(bindparam(None, items, type_=postgresql.ARRAY(column.type)))
