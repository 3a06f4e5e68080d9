"""``readouts extract`` and ``readouts schema`` through the real entry point (``python -m``)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import readouts
from readouts.cli import extract_cmd
from readouts.cli.render import JsonLinesWriter, TableWriter
from readouts.load import LoadError
from readouts.model import Record

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def corpus(tmp_path: Path, readout_text: str) -> Path:
    """A directory with two good documents, one bad one and one file that is not .txt."""
    (tmp_path / "a_readout.txt").write_text(readout_text, encoding="utf-8")
    (tmp_path / "b_bad.txt").write_bytes(b"Governor caf\xe9")
    (tmp_path / "c_other.txt").write_text("Rain is expected on Friday.\n", encoding="utf-8")
    (tmp_path / "d_notes.md").write_text("not read", encoding="utf-8")
    return tmp_path


def test_jsonl_records_validate(run_cli: RunCli, tmp_path: Path, readout_text: str) -> None:
    path = tmp_path / "one.txt"
    path.write_text(readout_text, encoding="utf-8")
    result = run_cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = Record.model_validate_json(lines[0])
    assert record.source == str(path)
    assert record.lang == "en"


def test_examples_all_extract(run_cli: RunCli, examples_dir: Path) -> None:
    result = run_cli("extract", str(examples_dir))
    assert result.returncode == 0, result.stderr
    records = [Record.model_validate_json(line) for line in result.stdout.splitlines()]
    assert len(records) == 12
    assert [Path(r.source).name for r in records] == sorted(
        p.name for p in examples_dir.glob("*.txt")
    )
    weather = next(r for r in records if "not_a_readout" in r.source)
    assert weather.is_readout is False
    assert weather.meetings == []


def test_good_and_bad_files(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli("extract", str(corpus))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"readouts: error: {corpus / 'b_bad.txt'}: not valid UTF-8 at byte 12"
    ]
    sources = [Record.model_validate_json(line).source for line in result.stdout.splitlines()]
    assert sources == [str(corpus / "a_readout.txt"), str(corpus / "c_other.txt")]


def test_missing_path_and_exit_status(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli("extract", str(corpus / "a_readout.txt"), str(corpus / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"readouts: error: {corpus / 'nope.txt'}: no such file or directory"
    )
    assert len(result.stdout.splitlines()) == 1


def test_max_bytes(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli("extract", "--max-bytes", "50", str(corpus / "a_readout.txt"))
    assert result.returncode == 1
    assert "file too large" in result.stderr
    assert result.stdout == ""


def test_json_single_file_is_one_object(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli("extract", "--format", "json", str(corpus / "a_readout.txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("{\n  ")  # indented
    Record.model_validate(json.loads(result.stdout))


def test_json_directory_is_an_array_even_with_failures(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli("extract", "-f", "json", str(corpus))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    assert len(data) == 2
    for item in data:
        Record.model_validate(item)


def test_json_directory_with_no_good_file_is_an_empty_array(
    run_cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    result = run_cli("extract", "-f", "json", str(tmp_path))
    assert result.returncode == 1
    assert json.loads(result.stdout) == []


def test_table(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli("extract", "--format", "table", str(corpus / "a_readout.txt"))
    assert result.returncode == 0, result.stderr
    assert "a_readout.txt" in result.stdout
    for field in ("title", "published", "meetings"):
        assert field in result.stdout


def test_stdin(run_cli: RunCli, readout_text: str) -> None:
    result = run_cli("extract", "-", stdin=readout_text)
    assert result.returncode == 0, result.stderr
    assert Record.model_validate_json(result.stdout).source == "<stdin>"


def test_bad_option_is_a_usage_error(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli("extract", "--format", "xml", str(corpus))
    assert result.returncode == 2
    assert result.stdout == ""


def test_unexpected_extractor_error_names_file_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    real = readouts.extract

    def flaky(text: str, source: str = "<string>", lang: str | None = None) -> Record:
        if source.endswith("a_readout.txt"):
            raise RuntimeError("boom\nsecond line")
        return real(text, source=source, lang=lang)

    monkeypatch.setattr(extract_cmd, "extract_record", flaky)
    failures = extract_cmd.run_extract([str(corpus)], JsonLinesWriter(), None, 10_000)
    out, err = capsys.readouterr()
    assert failures == 2
    assert err.splitlines() == [
        f"readouts: error: {corpus / 'a_readout.txt'}: unexpected RuntimeError: boom second line",
        f"readouts: error: {corpus / 'b_bad.txt'}: not valid UTF-8 at byte 12",
    ]
    assert len(out.splitlines()) == 1


def test_readouts_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    extract_cmd.report_error(LoadError("x.txt", "no extractor for 'zh' [E-LANG]"))
    assert capsys.readouterr().err == "readouts: error: x.txt: no extractor for 'zh' [E-LANG]\n"


def test_table_shows_meeting_participants_by_role(capsys: pytest.CaptureFixture[str]) -> None:
    record = Record.model_validate(
        {
            "doc_id": "doc_test",
            "source": "t.txt",
            "lang": "en",
            "title": "A [bold] title",
            "published": "2023-05-10",
            "is_readout": True,
            "extractor": "test",
            "meetings": [
                {
                    "date": "2023-05-10",
                    "time_of_day": "morning",
                    "body": {
                        "name": "Provincial Government",
                        "jurisdiction": "Hunan",
                        "country": "CN",
                        "span": [0, 5],
                    },
                    "meeting_type": "executive_meeting",
                    "session": {"number": 12, "term": None},
                    "span": [0, 10],
                    "participants": [
                        {"name": "Xia Peiran", "roles": ["presided"], "mentions": [[1, 2]]},
                        {"name": "Wu Jinglan", "roles": ["reported", "attended"]},
                    ],
                    "directives": [{"text": "must", "span": [3, 7]}],
                }
            ],
        }
    )
    TableWriter().write(record)
    out = capsys.readouterr().out
    for expected in (
        "A [bold] title",
        "2023-05-10",
        "morning",
        "Provincial Government (Hunan)",
        "executive_meeting",
        "no. 12",
        "Xia Peiran",
        "Wu Jinglan",
    ):
        assert expected in out
    directives = next(line for line in out.splitlines() if "directives" in line)
    assert "1" in directives
    presided = next(line for line in out.splitlines() if "presided" in line)
    assert "Xia Peiran" in presided and "Wu Jinglan" not in presided


def test_schema_is_valid_json_schema(run_cli: RunCli) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    record = Record(doc_id="doc_x", source="s", lang="en", is_readout=False, extractor="t")
    jsonschema.validate(json.loads(record.model_dump_json()), schema)
