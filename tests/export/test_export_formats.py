"""Each export read back with the tool an analyst would use, and its content checked."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.parquet as pq
import pytest

from readouts.export import ExportError, ExportFormat, export
from readouts.export.tables import TABLES
from readouts.store import Store
from readouts.store.queries import find_people

FTM_SCHEMAS = {"Person", "Organization", "Position", "Occupancy", "Event"}


def _person_id(store: Store, name: str) -> str:
    (person,) = find_people(store, name)
    return person.person_id


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_is_merged_meetings_with_every_source(corpus_store: Store, tmp_path: Path) -> None:
    counts = export(corpus_store, ExportFormat.jsonl, str(tmp_path / "m.jsonl"))
    meetings = _jsonl(tmp_path / "m.jsonl")
    assert counts == {"meetings": 4} and len(meetings) == 4
    (merged,) = [m for m in meetings if m["date"] == "2023-03-14"]
    assert merged["n_reports"] == 2
    sources = sorted(s["source"] for r in merged["reports"] for s in r["sources"])
    assert sources == ["hunan-daily-0314.txt", "reprint-0314.txt", "xinhua-0314.txt"]
    for report in merged["reports"]:
        record = report["meeting"]
        assert record["meeting_type"] == "standing_committee_meeting"
        assert record["participants"][0]["mentions"]  # evidence spans travel with it
    people = {p["name"]: p for p in merged["participants"]}
    assert people["Fang Lixin"]["roles"] == ["reported"]
    assert len(people["Fang Lixin"]["doc_ids"]) == 2


def test_csv_tables(corpus_store: Store, tmp_path: Path) -> None:
    counts = export(corpus_store, ExportFormat.csv, str(tmp_path / "csv"))
    tables = {}
    for table in TABLES:
        with (tmp_path / "csv" / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames == table.column_names
            tables[table.name] = list(reader)
        assert counts[table.name] == len(tables[table.name])
    assert len(tables["meetings"]) == 4
    (merged,) = [m for m in tables["meetings"] if m["date"] == "2023-03-14"]
    assert (merged["n_reports"], merged["n_sources"], merged["presiders"]) == (
        "2",
        "3",
        "Qiao Mingyuan",
    )
    fang = [p for p in tables["participations"] if p["name"] == "Fang Lixin"]
    assert sorted(p["date"] for p in fang) == ["2023-03-14", "2023-06-08", "2024-01-10"]
    assert {p["presided"] for p in fang} == {"true", "false"}
    people = {p["name"]: p for p in tables["people"]}
    assert people["Fang Lixin"]["n_meetings"] == "3"
    assert people["Lưu Thị Hồng Yến"]["country"] == "VN"
    held = {(o["name"], o["title"]) for o in tables["occupancies"]}
    assert ("Fang Lixin", "Secretary of the Provincial Party Committee") in held
    assert any(p["title"] == "Governor" for p in tables["posts"])


def test_parquet_tables_keep_types(corpus_store: Store, tmp_path: Path) -> None:
    export(corpus_store, ExportFormat.parquet, str(tmp_path / "pq"))
    participations = pq.read_table(tmp_path / "pq" / "participations.parquet").to_pylist()
    meetings = pq.read_table(tmp_path / "pq" / "meetings.parquet")
    assert meetings.num_rows == 4
    assert str(meetings.schema.field("n_reports").type) == "int64"
    qiao = [p for p in participations if p["name"] == "Qiao Mingyuan"]
    assert [(p["presided"], p["attended"]) for p in qiao] == [(True, False)]
    assert "Secretary of the Provincial Party Committee" in qiao[0]["titles"]
    for table in TABLES:
        read = pq.read_table(tmp_path / "pq" / f"{table.name}.parquet")
        assert read.schema.names == table.column_names


def test_ftm_entities_reference_each_other(corpus_store: Store, tmp_path: Path) -> None:
    export(corpus_store, ExportFormat.ftm, str(tmp_path / "a.ftm.json"))
    entities = _jsonl(tmp_path / "a.ftm.json")
    assert {e["schema"] for e in entities} == FTM_SCHEMAS
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)
    for item in entities:
        assert set(item) == {"id", "schema", "properties"}
        assert all(isinstance(v, list) and v for v in item["properties"].values())
    fang = by_id[_person_id(corpus_store, "Fang Lixin")]
    assert fang["properties"]["name"] == ["Fang Lixin"]
    assert fang["properties"]["country"] == ["cn"]
    for occupancy in (e for e in entities if e["schema"] == "Occupancy"):
        (holder,) = occupancy["properties"]["holder"]
        (post,) = occupancy["properties"]["post"]
        assert by_id[holder]["schema"] == "Person" and by_id[post]["schema"] == "Position"
        assert occupancy["properties"]["startDate"][0] <= occupancy["properties"]["endDate"][0]
    events = [e for e in entities if e["schema"] == "Event"]
    assert len(events) == 4
    for event in events:
        assert all(by_id[i]["schema"] == "Person" for i in event["properties"]["involved"])
        for organizer in event["properties"].get("organizer", []):
            assert by_id[organizer]["schema"] == "Organization"
    export(corpus_store, ExportFormat.ftm, str(tmp_path / "b.ftm.json"))
    assert (tmp_path / "a.ftm.json").read_bytes() == (tmp_path / "b.ftm.json").read_bytes()


def test_graphml_weights_are_shared_merged_meetings(corpus_store: Store, tmp_path: Path) -> None:
    counts = export(corpus_store, ExportFormat.graphml, str(tmp_path / "g.graphml"))
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert counts == {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    fang, dou, qiao = (
        _person_id(corpus_store, n) for n in ("Fang Lixin", "Dou Hanqing", "Qiao Mingyuan")
    )
    assert graph.nodes[fang]["label"] == "Fang Lixin"
    assert graph.nodes[fang]["n_meetings"] == 3
    assert graph.edges[fang, dou]["weight"] == 3
    assert graph.edges[fang, qiao]["weight"] == 1  # one meeting, though reported twice
    ngo = _person_id(corpus_store, "Ngo Duc Tung")
    assert not graph.has_edge(fang, ngo)


def test_jsonl_to_a_stream(corpus_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.StringIO()
    monkeypatch.setattr("sys.stdout", buffer)
    export(corpus_store, ExportFormat.jsonl, "-")
    assert len(buffer.getvalue().splitlines()) == 4


@pytest.mark.parametrize(
    ("fmt", "target", "message"),
    [
        (ExportFormat.csv, "-", "give a directory"),
        (ExportFormat.parquet, "file.txt", "not a directory"),
        (ExportFormat.jsonl, "dir", "is a directory"),
        (ExportFormat.graphml, "-", "to a file"),
    ],
)
def test_impossible_targets_are_refused(
    corpus_store: Store, tmp_path: Path, fmt: ExportFormat, target: str, message: str
) -> None:
    (tmp_path / "file.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    where = target if target == "-" else str(tmp_path / target)
    with pytest.raises(ExportError, match=message):
        export(corpus_store, fmt, where)
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir", "file.txt"]
