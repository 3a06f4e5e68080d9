"""Exports of the corpus store for the tools analysts already use.

``jsonl`` (merged meetings with every report and source, lossless), ``csv`` and ``parquet``
(flat tables: meetings, participations, people, posts, occupancies, one file each in a
directory), ``ftm`` (FollowTheMoney entities for Aleph and OpenSanctions tooling) and
``graphml`` (the co-attendance network).  Files are written under a temporary name and
renamed when complete, so an interrupted export never leaves a partial file behind.

The writers (SQLAlchemy, networkx, pyarrow) are imported when an export runs, so that the
CLI, which needs only :class:`ExportFormat` to declare its option, starts quickly.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from readouts.errors import ReadoutsError

if TYPE_CHECKING:
    from readouts.store import Store

STDOUT = "-"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    ftm = "ftm"
    graphml = "graphml"


#: Formats written into a directory (one file per table); the others write one file or stdout.
DIRECTORY_FORMATS = (ExportFormat.csv, ExportFormat.parquet)


class ExportError(ReadoutsError):
    """The export cannot be written where it was asked to go."""

    code = "E-EXPORT"


def export(store: Store, fmt: ExportFormat, out: str) -> dict[str, int]:
    """Write the export; returns counts of what was written (per table, or entities/lines).

    ``out`` is a directory for csv and parquet, else a file or ``-`` (standard output).
    """
    from readouts.export.files import open_text_output
    from readouts.export.flat import write_csv_tables, write_parquet_tables
    from readouts.export.ftm import write_ftm
    from readouts.export.graph import write_graphml
    from readouts.export.records import write_jsonl

    if fmt in DIRECTORY_FORMATS:
        if out == STDOUT:
            raise ExportError(f"{fmt} writes one file per table: give a directory with --out")
        directory = Path(out)
        if directory.exists() and not directory.is_dir():
            raise ExportError(f"{out}: not a directory ({fmt} writes one file per table)")
        writer = write_csv_tables if fmt == ExportFormat.csv else write_parquet_tables
        return writer(store, directory)
    if out != STDOUT and Path(out).is_dir():
        raise ExportError(f"{out}: is a directory; {fmt} writes one file")
    if fmt == ExportFormat.graphml:
        if out == STDOUT:
            raise ExportError("graphml is written to a file: give one with --out")
        nodes, edges = write_graphml(store, Path(out))
        return {"nodes": nodes, "edges": edges}
    with open_text_output(out) as handle:
        if fmt == ExportFormat.jsonl:
            return {"meetings": write_jsonl(store, handle)}
        return {"entities": write_ftm(store, handle)}


__all__ = ["DIRECTORY_FORMATS", "ExportError", "ExportFormat", "export"]
