"""The flat tables as one CSV or one Parquet file each, in an output directory.

CSV is for spreadsheets and any tool at all: UTF-8, a header row, empty cells for nulls,
list columns joined with ``"; "``.  Parquet keeps types (integers, booleans, lists of
strings) for pandas, polars and DuckDB, and is written in row groups so that memory stays
flat over a large corpus.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from readouts.export.files import atomic_paths
from readouts.export.tables import TABLES, FlatTable, Row
from readouts.store import Store

LIST_SEPARATOR = "; "
ROW_GROUP = 50_000


def write_csv_tables(store: Store, out: Path) -> dict[str, int]:
    """``out/<table>.csv`` for each table; returns the number of rows written per table."""
    counts = {}
    paths = [out / f"{table.name}.csv" for table in TABLES]
    with atomic_paths(paths) as temporaries:
        for table, temporary in zip(TABLES, temporaries, strict=True):
            with temporary.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(table.column_names)
                n = 0
                for row in table.rows(store):
                    writer.writerow([_csv_cell(row.get(c), kind) for c, kind in table.columns])
                    n += 1
            counts[table.name] = n
    return counts


def _csv_cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return LIST_SEPARATOR.join(str(v) for v in value)
    if kind == "bool":
        return "true" if value else "false"
    return value


def write_parquet_tables(store: Store, out: Path) -> dict[str, int]:
    """``out/<table>.parquet`` for each table; returns the number of rows per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    counts = {}
    paths = [out / f"{table.name}.parquet" for table in TABLES]
    with atomic_paths(paths) as temporaries:
        for table, temporary in zip(TABLES, temporaries, strict=True):
            schema = pa.schema([(name, _arrow_type(pa, kind)) for name, kind in table.columns])
            n = 0
            with pq.ParquetWriter(str(temporary), schema) as writer:
                for chunk in _chunks(table.rows(store), ROW_GROUP):
                    writer.write_table(_arrow_table(pa, schema, table, chunk))
                    n += len(chunk)
                if n == 0:
                    writer.write_table(schema.empty_table())
            counts[table.name] = n
    return counts


def _arrow_type(pa: Any, kind: str) -> Any:
    return {
        "str": pa.string(), "int": pa.int64(), "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }[kind]


def _arrow_table(pa: Any, schema: Any, table: FlatTable, rows: list[Row]) -> Any:
    columns = {name: [row.get(name) for row in rows] for name in table.column_names}
    return pa.Table.from_pydict(columns, schema=schema)


def _chunks(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    while chunk := list(islice(rows, size)):
        yield chunk
