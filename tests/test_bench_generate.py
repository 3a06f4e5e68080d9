"""The benchmark corpus generator: deterministic, streaming, and read well by the extractor.

The store benchmark and the web load test trust that ``bench/generate.py`` gives the same
corpus on every machine and that its documents are readouts the extractor understands (a
benchmark over documents that extract to nothing would measure nothing).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import func, select

import readouts
from readouts.load import Document
from readouts.store import Store
from readouts.store import schema as t
from readouts.store.ingest import ingest_documents

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def gen() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        import generate

        yield generate
    finally:
        sys.path.remove(str(BENCH))


def test_same_seed_same_corpus_and_prefixes_agree(gen: ModuleType) -> None:
    first = list(gen.generate(40, seed=5))
    assert first == list(gen.generate(40, seed=5))
    assert first[:15] == list(gen.generate(15, seed=5))
    assert first != list(gen.generate(40, seed=6))


def test_corpus_has_copies_second_reports_and_non_readouts(gen: ModuleType) -> None:
    kinds = Counter(gen.kind_of(0, index) for index in range(2000))
    assert set(kinds) == {"original", "copy", "second", "double", "other"}
    assert kinds["original"] > 1700


def test_a_syndicated_copy_repeats_its_original(gen: ModuleType) -> None:
    world = gen.world_for(0)
    index = next(i for i in range(50, 2000) if gen.kind_of(0, i) == "copy")
    copy = gen.document(world, 0, index)
    originals = {gen.original(world, 0, i).replace("\n\n", "\n") for i in range(index)}
    body = copy.split("\n[Reprinted")[0].replace("\n\n", "\n")
    assert body in originals


@pytest.mark.parametrize("index", range(0, 60, 3))
def test_originals_extract_with_their_people(gen: ModuleType, index: int) -> None:
    world = gen.world_for(0)
    plan = gen.plan_for(world, 0, index)
    record = readouts.extract(gen.original(world, 0, index), source=f"gen-{index}")
    assert record.is_readout and len(record.meetings) == 1
    meeting = record.meetings[0]
    assert meeting.date == plan.day.isoformat()
    names = {p.name for p in meeting.participants}
    assert plan.presider.name in names
    assert {s.name for s in plan.reporters} <= names


def test_cli_writes_text_files_and_json_lines(tmp_path: Path) -> None:
    script = str(BENCH / "generate.py")
    subprocess.run([sys.executable, script, "12", str(tmp_path / "dir")], check=True)
    subprocess.run([sys.executable, script, "12", str(tmp_path / "c.jsonl")], check=True)
    files = sorted((tmp_path / "dir").glob("*.txt"))
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert [f.name for f in files] == [row["source"] for row in rows]
    assert [f.read_text(encoding="utf-8") for f in files] == [row["text"] for row in rows]


def test_ingest_benchmark_smoke_run_prints_every_target() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "ingest_speed.py"), "--n", "40"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    verdicts = [
        line.split()[0] for line in result.stdout.splitlines() if line.startswith(("PASS", "FAIL"))
    ]
    assert len(verdicts) == 3
    for expected in ("docs/s", "VmRSS", "p95"):
        assert expected in result.stdout


def test_ingested_copies_are_sources_and_second_reports_merge(
    gen: ModuleType, sqlite_store: Store
) -> None:
    """What the generator promises, seen through the real ingest: its syndicated copies are
    stored as near-duplicate sources, and its second reports join the first as one meeting."""
    n = 300
    documents = [
        Document(source=gen.source_name(i), text=text)
        for i, text in enumerate(gen.generate(n, seed=0))
    ]
    ingest_documents(sqlite_store, documents)
    kinds = {gen.source_name(i): gen.kind_of(0, i) for i in range(n)}
    with sqlite_store.connect() as conn:
        near = [
            row[0]
            for row in conn.execute(
                select(t.sources.c.source).where(t.sources.c.relation == "near_duplicate")
            )
        ]
        merged = conn.execute(
            select(func.count()).select_from(t.events).where(t.events.c.n_reports > 1)
        ).scalar_one()
    assert near and {kinds[source] for source in near} <= {"copy", "other"}
    seconds = sum(1 for kind in kinds.values() if kind == "second")
    assert seconds > 0 and merged >= seconds // 2
