"""``readouts search / meetings / person / stats`` through the real entry point."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

RunCli = Callable[..., subprocess.CompletedProcess[str]]
#: The commands are thin wrappers over the queries (tested on both backends in this
#: directory); through the entry point, SQLite is enough except for one PostgreSQL round trip.
sqlite_only = pytest.mark.parametrize("corpus_target", ["sqlite"], indirect=True)


@sqlite_only
def test_search_json_and_table(run_cli: RunCli, corpus_target: str) -> None:
    found = run_cli("search", "Qiao Mingyuan", "--json", "--db", corpus_target)
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["total"] == 2
    assert data["hits"][0]["meetings"][0]["matched_people"][0]["name"] == "Qiao Mingyuan"
    table = run_cli("search", "'; DROP TABLE documents; --", "--db", corpus_target)
    assert table.returncode == 0, table.stderr
    assert "no documents" in table.stdout


def test_meetings_filters_and_bad_values(run_cli: RunCli, corpus_target: str) -> None:
    listed = run_cli(
        "meetings", "--person", "fang lixin", "--from", "2023-06", "--json", "--db", corpus_target
    )
    assert listed.returncode == 0, listed.stderr
    page = json.loads(listed.stdout)
    assert page["total"] == 2
    assert [m["date"] for m in page["meetings"]] == ["2024-01-10", "2023-06-08"]
    bad = run_cli("meetings", "--type", "party meeting", "--db", corpus_target)
    assert bad.returncode == 2
    assert bad.stderr.startswith("readouts: error: unknown meeting type")
    assert len(bad.stderr.strip().splitlines()) == 1


@sqlite_only
def test_person_timeline_and_unknown_person(run_cli: RunCli, corpus_target: str) -> None:
    shown = run_cli("person", "Fang Lixin", "--db", corpus_target)
    assert shown.returncode == 0, shown.stderr
    for expected in ("Fang Lixin", "2023-03-14", "2024-01-10", "Dou Hanqing", "co-attendees"):
        assert expected in shown.stdout
    missing = run_cli("person", "Nobody Atall", "--db", corpus_target)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "readouts: error: no person matches 'Nobody Atall'"


@sqlite_only
def test_stats(run_cli: RunCli, corpus_target: str) -> None:
    shown = run_cli("stats", "--json", "--db", corpus_target)
    assert shown.returncode == 0, shown.stderr
    stats = json.loads(shown.stdout)
    assert (stats["meetings"], stats["reports"], stats["documents"]) == (4, 5, 6)
    table = run_cli("stats", "--db", corpus_target)
    assert "two establishments" in table.stdout and "Quang Ninh" in table.stdout


@pytest.mark.parametrize("command", [["search", "x"], ["person", "x"]])
def test_unopenable_store_is_one_line(run_cli: RunCli, tmp_path: Path, command: list[str]) -> None:
    not_a_db = tmp_path / "not-a-database.db"
    not_a_db.write_text("this is not SQLite\n" * 100, encoding="utf-8")
    result = run_cli(*command, "--db", str(not_a_db))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not-a-database.db" in result.stderr
