"""``readouts export`` through the real entry point, and exports that fail half-way."""

from __future__ import annotations

import csv
import json
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from readouts.export import ExportFormat, export
from readouts.export import flat as flat_module
from readouts.export.tables import TABLES, Row
from readouts.store import Store

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.mark.parametrize("corpus_target", ["sqlite"], indirect=True)
def test_export_cli_writes_files_and_reports_on_stderr(
    run_cli: RunCli, corpus_target: str, tmp_path: Path
) -> None:
    result = run_cli(
        "export", "--format", "csv", "--out", str(tmp_path / "tables"), "--db", corpus_target
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "4 meetings" in result.stderr
    with (tmp_path / "tables" / "meetings.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 4
    streamed = run_cli("export", "-f", "jsonl", "--db", corpus_target)
    assert streamed.returncode == 0, streamed.stderr
    assert len([json.loads(line) for line in streamed.stdout.splitlines()]) == 4


def test_export_cli_errors_are_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    store = str(tmp_path / "empty.db")
    missing_out = run_cli("export", "--format", "parquet", "--db", store)
    assert missing_out.returncode == 2
    assert missing_out.stderr.strip() == ("readouts: error: --format parquet needs --out DIRECTORY")
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    not_dir = run_cli("export", "-f", "csv", "-o", str(tmp_path / "a-file"), "--db", store)
    assert not_dir.returncode == 1
    assert len(not_dir.stderr.strip().splitlines()) == 1
    assert "not a directory" in not_dir.stderr
    bad_format = run_cli("export", "-f", "xlsx", "-o", str(tmp_path / "x"), "--db", store)
    assert bad_format.returncode == 2


def test_an_empty_store_exports_empty_tables(sqlite_store: Store, tmp_path: Path) -> None:
    counts = export(sqlite_store, ExportFormat.parquet, str(tmp_path / "pq"))
    assert set(counts.values()) == {0}
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == sorted(
        f"{t.name}.parquet" for t in TABLES
    )


def test_a_failed_export_leaves_the_previous_one_whole(
    corpus_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "tables"
    export(corpus_store, ExportFormat.csv, str(out))
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(store: Store) -> Iterator[Row]:
        yield from TABLES[2].rows(store)
        raise OSError("disk full")

    tables = list(TABLES)
    tables[2] = replace(tables[2], rows=broken)
    monkeypatch.setattr(flat_module, "TABLES", tuple(tables))
    with pytest.raises(OSError, match="disk full"):
        export(corpus_store, ExportFormat.csv, str(out))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
