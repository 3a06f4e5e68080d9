"""The flat tables as one CSV or one Parquet file each, in an output directory.

CSV is for spreadsheets and any tool at all: UTF-8, a header row, empty cells for nulls,
list columns joined with ``"; "``.  Parquet keeps types (integers, booleans, lists of
strings) for pandas, polars and DuckDB, and is written in row groups so that memory stays
flat over a large corpus.  Meetings and participations come from one pass over the merged
meetings (each written to its own file as it goes), the other tables from their own query;
all files are renamed into place together once every one is complete.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TextIO

from readouts.export.files import atomic_paths
from readouts.export.tables import (
    MEETINGS,
    PARTICIPATIONS,
    TABLES,
    FlatTable,
    Row,
    meetings_with_participations,
)
from readouts.store import Store

LIST_SEPARATOR = "; "
ROW_GROUP = 10_000


class Sink(Protocol):
    rows: int

    def add(self, row: Row) -> None: ...
    def close(self) -> None: ...


class CsvSink:
    def __init__(self, table: FlatTable, path: Path) -> None:
        self.table, self.rows = table, 0
        self._handle: TextIO = path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle)
        self._writer.writerow(table.column_names)

    def add(self, row: Row) -> None:
        self._writer.writerow([_csv_cell(row.get(c), kind) for c, kind in self.table.columns])
        self.rows += 1

    def close(self) -> None:
        self._handle.close()


def _csv_cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return LIST_SEPARATOR.join(str(v) for v in value)
    if kind == "bool":
        return "true" if value else "false"
    return value


class ParquetSink:
    def __init__(self, table: FlatTable, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self.table, self.rows = table, 0
        types = {
            "str": pa.string(),
            "int": pa.int64(),
            "bool": pa.bool_(),
            "list": pa.list_(pa.string()),
        }
        self._schema = pa.schema([(name, types[kind]) for name, kind in table.columns])
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._pending: list[Row] = []

    def add(self, row: Row) -> None:
        self._pending.append(row)
        self.rows += 1
        if len(self._pending) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        columns = {c: [row.get(c) for row in self._pending] for c in self.table.column_names}
        self._writer.write_table(self._pa.Table.from_pydict(columns, schema=self._schema))
        self._pending = []

    def close(self) -> None:
        if self._pending or self.rows == 0:
            self._flush()
        self._writer.close()


def write_csv_tables(store: Store, out: Path) -> dict[str, int]:
    """``out/<table>.csv`` for each table; returns the number of rows written per table."""
    return _write_tables(store, out, "csv", CsvSink)


def write_parquet_tables(store: Store, out: Path) -> dict[str, int]:
    """``out/<table>.parquet`` for each table; returns the number of rows per table."""
    return _write_tables(store, out, "parquet", ParquetSink)


def _write_tables(
    store: Store, out: Path, suffix: str, sink: Callable[[FlatTable, Path], Sink]
) -> dict[str, int]:
    paths = [out / f"{table.name}.{suffix}" for table in TABLES]
    with atomic_paths(paths) as temporaries:
        sinks: dict[str, Sink] = {}
        try:
            for table, temporary in zip(TABLES, temporaries, strict=True):
                sinks[table.name] = sink(table, temporary)
            for meeting, participations in meetings_with_participations(store):
                sinks[MEETINGS.name].add(meeting)
                for participation in participations:
                    sinks[PARTICIPATIONS.name].add(participation)
            for table in TABLES:
                if table not in (MEETINGS, PARTICIPATIONS):
                    for row in table.rows(store):
                        sinks[table.name].add(row)
        finally:
            for opened in sinks.values():
                opened.close()
    return {name: opened.rows for name, opened in sinks.items()}
