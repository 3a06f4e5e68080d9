"""``readouts eval`` through its real entry point (``python -m readouts``).

The extractor is written separately and improves over time, so these tests check that numbers
are computed, printed and gated, never what the extractor scores on the tiny fixtures, except
where a floor is out of any extractor's reach (above 1) or no score can lower it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from readouts.eval import METRICS

ROOT = Path(__file__).resolve().parents[1]

NEGATIVE_TEXT = "Harbour weather, 2 May 2024: light rain in the morning, clearing by noon.\n"
READOUT_TEXT = (
    "Lakeside, 4 May 2024. On the afternoon of 4 May 2024, the Standing Committee of the "
    "Lakeside County Party Committee held a meeting. Wu Lan, Secretary of the County Party "
    "Committee, presided and spoke. Hoang Minh Tuan attended.\n"
)
READOUT_GOLD: dict[str, Any] = {
    "doc": "b_readout",
    "lang": "en",
    "is_readout": True,
    "meetings": [
        {
            "date": "2024-05-04",
            "time_of_day": "afternoon",
            "body": {
                "name": "Standing Committee of the Lakeside County Party Committee",
                "jurisdiction": "Lakeside",
                "country": "CN",
            },
            "meeting_type": "standing_committee_meeting",
            "session": None,
            "location": None,
            "participants": [
                {
                    "name": "Wu Lan",
                    "roles": ["presided", "spoke"],
                    "titles": ["Secretary of the County Party Committee"],
                },
                {"name": "Hoang Minh Tuan", "roles": ["attended"], "titles": []},
            ],
        }
    ],
    "notes": "fictional",
}
NEGATIVE_GOLD = {
    "doc": "a_negative",
    "lang": "en",
    "is_readout": False,
    "meetings": [],
    "notes": "",
}


def _write(folder: Path, stem: str, text: str, gold: dict[str, Any]) -> None:
    (folder / f"{stem}.txt").write_bytes(text.encode("utf-8"))
    (folder / f"{stem}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "tiny"
    folder.mkdir(parents=True)
    _write(folder, "a_negative", NEGATIVE_TEXT, NEGATIVE_GOLD)
    _write(folder, "b_readout", READOUT_TEXT, READOUT_GOLD)
    return folder


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readouts", "eval", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_table_is_printed(gold_dir: Path) -> None:
    result = run(gold_dir)
    assert result.returncode == 0, result.stderr
    for metric in METRICS:
        assert metric in result.stdout
    assert "tiny" in result.stdout
    assert "documents" in result.stdout


def test_json_has_every_metric_and_counts(gold_dir: Path) -> None:
    result = run(gold_dir, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    (entry,) = report["directories"]
    assert entry["key"] == "tiny"
    assert list(entry["metrics"]) == list(METRICS)
    assert entry["counts"]["documents"] == 2
    assert entry["counts"]["gold_meetings"] == 1
    assert 0.0 <= entry["metrics"]["is_readout_acc"] <= 1.0
    assert "combined" not in report


def test_several_directories_are_combined(gold_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    _write(other, "n", NEGATIVE_TEXT, NEGATIVE_GOLD)
    result = run(gold_dir, other, "--json", "--details")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [d["key"] for d in report["directories"]] == ["tiny", "other"]
    assert report["combined"]["counts"]["documents"] == 3
    docs = report["directories"][0]["docs"]
    assert [d["doc"] for d in docs] == ["a_negative", "b_readout"]
    assert {"false_positives", "false_negatives", "field_misses"} <= set(docs[1])
    table = run(gold_dir, other)
    assert "combined" in table.stdout


def test_details_run(gold_dir: Path) -> None:
    result = run(gold_dir, "--details")
    assert result.returncode == 0, result.stderr
    assert "names_f1" in result.stdout


def test_extraction_failures_still_give_numbers(gold_dir: Path) -> None:
    _write(gold_dir, "c_unknown", "Unknown language.", {**NEGATIVE_GOLD, "lang": "xx"})
    result = run(gold_dir, "--json")
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)["directories"]
    assert entry["counts"]["documents"] == 3
    assert isinstance(entry["errors"], list)


@pytest.mark.parametrize("kind", ["missing", "empty", "no gold"])
def test_unusable_directory_exits_2(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "gold"
    if kind != "missing":
        target.mkdir()
    if kind == "no gold":
        (target / "x.txt").write_text("text without gold", encoding="utf-8")
    result = run(target)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def _floors(tmp_path: Path, floors: dict[str, dict[str, float]]) -> Path:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(floors), encoding="utf-8")
    return path


def test_gate_passes_at_zero_floors(gold_dir: Path, tmp_path: Path) -> None:
    floors = _floors(tmp_path, {"tiny": dict.fromkeys(METRICS, 0.0)})
    result = run(gold_dir, "--gate", "--floors", floors)
    assert result.returncode == 0, result.stderr


def test_gate_breach_exits_1_with_one_line_per_metric(gold_dir: Path, tmp_path: Path) -> None:
    floors = _floors(tmp_path, {"tiny": {"is_readout_acc": 1.01, "names_f1": 1.01}})
    result = run(gold_dir, "--gate", "--floors", floors)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("tiny: is_readout_acc")
    assert lines[1].startswith("tiny: names_f1")


def test_gate_uses_key_option(gold_dir: Path, tmp_path: Path) -> None:
    floors = _floors(tmp_path, {"custom": {"is_readout_acc": 1.01}})
    assert run(gold_dir, "--gate", "--floors", floors).returncode == 2  # no floors for "tiny"
    result = run(gold_dir, "--gate", "--floors", floors, "--key", "custom")
    assert result.returncode == 1
    assert result.stderr.startswith("custom: is_readout_acc")


def test_key_count_must_match_directories(gold_dir: Path) -> None:
    result = run(gold_dir, "--key", "a", "--key", "b")
    assert result.returncode == 2


def test_update_floors_never_lowers_without_allow_lower(gold_dir: Path, tmp_path: Path) -> None:
    floors = _floors(tmp_path, {"tiny": {"is_readout_acc": 0.995}, "kept": {"names_f1": 0.3}})
    result = run(gold_dir, "--update-floors", "--floors", floors)
    assert result.returncode == 0, result.stderr
    written = json.loads(floors.read_text(encoding="utf-8"))
    assert written["kept"] == {"names_f1": 0.3}
    assert written["tiny"]["is_readout_acc"] == 0.995  # any score gives at most 0.99
    assert set(written["tiny"]) >= {"is_readout_acc", "meeting_count_acc", "names_f1"}
    assert all(0.0 <= v <= 0.995 for v in written["tiny"].values())

    result = run(gold_dir, "--update-floors", "--allow-lower", "--floors", floors)
    assert result.returncode == 0, result.stderr
    written = json.loads(floors.read_text(encoding="utf-8"))
    assert written["tiny"]["is_readout_acc"] <= 0.99
    assert run(gold_dir, "--gate", "--floors", floors).returncode == 0
