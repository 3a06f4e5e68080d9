"""``readouts ingest`` and ``readouts people`` through the real entry point, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import RunCli, write
from texts import executive_meeting, standing_meeting

from readouts.store import open_store
from readouts.store.ingest import ingest_paths
from readouts.store.people import list_people, person_detail


def test_ingest_reports_a_summary_and_is_idempotent(
    run_cli: RunCli, store_target: str, tmp_path: Path
) -> None:
    write(tmp_path, "in/a.txt", standing_meeting())
    write(tmp_path, "in/b.txt", executive_meeting("Sichuan", "Wang Yu", "Governor", 2, "Deng Ke"))
    first = run_cli("ingest", str(tmp_path / "in"), "--db", store_target)
    assert first.returncode == 0, first.stderr
    assert "2 documents from 2 files" in first.stdout and "2 new" in first.stdout
    again = run_cli("ingest", str(tmp_path / "in"), "--db", store_target)
    assert again.returncode == 0 and "0 new, 2 already stored" in again.stdout


def test_bad_files_get_one_line_each_and_exit_1(
    run_cli: RunCli, sqlite_target: str, tmp_path: Path
) -> None:
    write(tmp_path, "in/a.txt", standing_meeting())
    (tmp_path / "in" / "latin1.txt").write_bytes("Caf\xe9 meeting".encode("latin-1"))
    write(tmp_path, "in/c.jsonl", '{"text": "fine text here"}\n{broken\n')
    result = run_cli("ingest", str(tmp_path / "in"), "--db", sqlite_target)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("readouts: error: ") and "c.jsonl:2: malformed JSON" in lines[0]
    assert "latin1.txt: not valid UTF-8 at byte 3" in lines[1]
    assert "2 new" in result.stdout and "2 failed" in result.stdout


def test_ingest_reads_stdin(run_cli: RunCli, sqlite_target: str) -> None:
    result = run_cli("ingest", "-", "--db", sqlite_target, stdin=standing_meeting())
    assert result.returncode == 0 and "1 new" in result.stdout


def test_store_comes_from_the_environment(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "env.db"
    monkeypatch.setenv("READOUTS_DB", str(target))
    result = run_cli("ingest", "-", stdin=standing_meeting())
    assert result.returncode == 0 and str(target) in result.stdout
    assert target.is_file()


@pytest.mark.parametrize("target", ["mysql://u@h/db", "/no/such/dir/r.db"])
def test_an_unusable_store_is_exit_2_with_one_line(run_cli: RunCli, target: str) -> None:
    result = run_cli("ingest", "-", "--db", target, stdin="text")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and target in result.stderr


def _two_wang_yu(target: str, folder: Path) -> list[str]:
    """Store the two Wang Yu documents (in-process: CLI runs are kept for the commands under
    test) and return their person ids, Hunan's first."""
    write(folder, "sc.txt", executive_meeting("Sichuan", "Wang Yu", "Governor", 2, "Deng Ke"))
    write(folder, "hn.txt", executive_meeting("Hunan", "Wang Yu", "Vice Governor", 5, "Qin Shuyi"))
    with open_store(target) as store:
        ingest_paths(store, [folder])
        with store.begin() as conn:
            people = list_people(conn, "Wang Yu")
    return [p["person_id"] for p in sorted(people, key=lambda p: p["jurisdiction"])]


def test_people_merge_and_split_from_the_command_line(
    run_cli: RunCli, store_target: str, tmp_path: Path
) -> None:
    hunan, sichuan = _two_wang_yu(store_target, tmp_path)
    merged = run_cli("people", "merge", hunan, sichuan, "--db", store_target)
    assert merged.returncode == 0 and f"merged into {hunan}: 1 mentions moved" in merged.stdout
    with open_store(store_target) as store, store.begin() as conn:
        [person] = list_people(conn, "Wang Yu")
        doc = person_detail(conn, hunan)["documents"][0]["doc_id"]  # type: ignore[index]
    assert person["n_documents"] == 2
    split = run_cli("people", "split", hunan, "--doc", doc, "--db", store_target)
    assert split.returncode == 0 and "1 mentions moved" in split.stdout
    with open_store(store_target) as store, store.begin() as conn:
        assert len(list_people(conn, "Wang Yu")) == 2


def test_people_list_show_and_ambiguous_names(
    run_cli: RunCli, sqlite_target: str, tmp_path: Path
) -> None:
    hunan, _ = _two_wang_yu(sqlite_target, tmp_path)
    listed = run_cli("people", "list", "wang", "--json", "--db", sqlite_target)
    people = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(p["jurisdiction"] for p in people) == ["Hunan", "Sichuan"]
    shown = json.loads(run_cli("people", "show", hunan, "--json", "--db", sqlite_target).stdout)
    assert [o["label"] for o in shown["offices"]] == ["Hunan / Vice Governor of Hunan Province"]
    ambiguous = run_cli("people", "merge", "Wang Yu", "Wang Yu", "--db", sqlite_target)
    assert ambiguous.returncode == 1 and "ambiguous, give an id" in ambiguous.stderr


def test_commands_document_the_db_option(run_cli: RunCli) -> None:
    for command in (["ingest"], ["people", "split"]):
        result = run_cli(*command, "--help")
        assert result.returncode == 0 and "--db" in result.stdout
