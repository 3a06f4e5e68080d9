"""How fast does the store ingest a large corpus, how fast is search, does memory stay flat?

Issue 3's targets, measured on a corpus of generated readouts (``bench/generate.py``: a
seeded world of fictional officials, with syndicated copies and second reports):

* at least 500 documents per second ingested into a fresh SQLite store on one core;
* search p95 latency under 50 ms over a set of realistic queries (names, topics,
  formulations, places, and hostile text), measured through ``readouts.store.queries.search``
  (ranking, snippets and meeting hits included), each query repeated;
* peak memory flat as the corpus grows: resident memory after 10,000 documents and at the
  end (100,000 by default) may differ by at most 25 %.

The corpus is written to one JSON Lines file first (outside the clock) and ingested with
``ingest_paths`` as ``readouts ingest corpus.jsonl`` would; the process is pinned to one CPU.

    .venv/bin/python bench/ingest_speed.py [--n 100000] [--seed 0] [--keep DIR] [--check]

``--n 2000`` is a quick smoke run.  Exit status is 0 unless ``--check`` is given and a target
fails.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gen_world import world_for
from generate import write_corpus

from readouts.store import Store, open_store
from readouts.store.ingest import IngestSummary, ingest_paths
from readouts.store.queries import search

TARGET_DOCS_PER_SECOND = 500.0
TARGET_P95_MS = 50.0
TARGET_RSS_GROWTH = 0.25
RSS_CHECKPOINT = 10_000
SEARCH_REPEATS = 5
FIXED_QUERIES = (
    "Standing Committee",
    "flood control",
    "executive meeting",
    "two establishments",
    "new quality productive forces",
    "Chinese modernization",
    "work safety teleconference",
    "Hunan",
    "Quang Ninh",
    "People's Committee regular meeting",
    "reservoirs dikes",
    "symposium private entrepreneurs",
    "democratic life meeting",
    "Xinhua",
    "'; DROP TABLE documents; --",
    '"foo OR bar*',
    "meeting",
    "the",
)


def pin_to_one_core() -> str:
    """Restrict this process to one CPU (the least busy one over half a second, so that on a
    shared machine two benchmarks do not pile onto the same core)."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    allowed = sorted(os.sched_getaffinity(0))
    before = _cpu_busy()
    time.sleep(0.5)
    after = _cpu_busy()
    cpu = min(allowed, key=lambda c: after.get(c, 0) - before.get(c, 0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def _cpu_busy() -> dict[int, int]:
    """Busy jiffies per CPU from /proc/stat (empty where there is no /proc)."""
    busy = {}
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                name, *values = line.split()
                if name.startswith("cpu") and name != "cpu":
                    numbers = [int(v) for v in values]
                    busy[int(name[3:])] = sum(numbers) - numbers[3] - numbers[4]
    except OSError:
        pass
    return busy


def memory_kb() -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of this process, in kB, from /proc/self/status."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
    return found


@dataclass
class Checkpoints:
    """Progress and memory, printed as the ingest passes every ``every`` documents."""

    every: int
    started: float = field(default_factory=time.perf_counter)
    cpu_started: float = field(default_factory=time.process_time)
    readings: list[tuple[int, dict[str, int]]] = field(default_factory=list)
    _next: int = 0

    def __post_init__(self) -> None:
        self._next = self.every

    def __call__(self, summary: IngestSummary) -> None:
        # Documents are read one by one but written a batch at a time: count written ones.
        written = (
            summary.new
            + summary.unchanged
            + summary.exact_copies
            + summary.near_duplicates
            + summary.failed
        )
        if written >= self._next:
            self.record(written)
            while self._next <= written:
                self._next += self.every

    def record(self, documents: int) -> None:
        memory = memory_kb()
        self.readings.append((documents, memory))
        wall = time.perf_counter() - self.started
        cpu = time.process_time() - self.cpu_started
        print(
            f"  {documents:>7} documents: {documents / wall:6.0f} docs/s "
            f"({documents / max(cpu, 1e-9):.0f} per CPU second), VmRSS "
            f"{memory['VmRSS'] / 1024:.0f} MB, VmHWM {memory['VmHWM'] / 1024:.0f} MB",
            flush=True,
        )


def person_queries(seed: int, count: int) -> list[str]:
    """Full names and surnames of officials of the generated world."""
    world = world_for(seed)
    rng = random.Random(f"{seed}/queries")
    names = sorted(
        {t.name for p in world.places for post in p.posts.values() for t in post.tenures}
    )
    picked = rng.sample(names, count)
    return picked + [name.split()[-1] for name in picked[: count // 2]]


def search_latencies(store: Store, queries: list[str]) -> list[float]:
    """Milliseconds per search, every query run SEARCH_REPEATS times (first run included)."""
    times = []
    for _ in range(SEARCH_REPEATS):
        for query in queries:
            start = time.perf_counter()
            search(store, query, limit=20)
            times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def run(n: int, seed: int, workdir: Path) -> bool:
    corpus = workdir / "corpus.jsonl"
    start = time.perf_counter()
    write_corpus(n, corpus, seed)
    print(
        f"generated {n} documents in {time.perf_counter() - start:.1f} s "
        f"({corpus.stat().st_size / 1e6:.0f} MB of JSON Lines)"
    )
    print(
        f"memory before ingest: VmRSS {memory_kb()['VmRSS'] / 1024:.0f} MB; ingesting "
        f"(progress every {min(RSS_CHECKPOINT, max(1, n // 10))} documents):",
        flush=True,
    )
    store = open_store(str(workdir / "bench.db"))
    checkpoints = Checkpoints(min(RSS_CHECKPOINT, max(1, n // 10)))
    cpu_start = time.process_time()
    summary = ingest_paths(store, [corpus], on_progress=checkpoints)
    cpu_rate = summary.documents / max(time.process_time() - cpu_start, 1e-9)
    if not checkpoints.readings or checkpoints.readings[-1][0] != summary.documents:
        checkpoints.record(summary.documents)
    print(summary.line())
    print(f"CPU time: {cpu_rate:.0f} documents per CPU second (what one free core would do)")
    rate = summary.rate
    first, last = checkpoints.readings[0][1]["VmRSS"], checkpoints.readings[-1][1]["VmRSS"]
    growth = last / first - 1
    queries = list(FIXED_QUERIES) + person_queries(seed, 30)
    latencies = search_latencies(store, queries)
    store.close()
    size = sum(p.stat().st_size for p in workdir.glob("bench.db*"))
    print(
        f"store: {size / 1e6:.0f} MB; {len(queries)} queries x {SEARCH_REPEATS}: "
        f"median {statistics.median(latencies):.1f} ms, p95 {p95(latencies):.1f} ms, "
        f"max {max(latencies):.1f} ms"
    )
    results = {
        f"ingest >= {TARGET_DOCS_PER_SECOND:.0f} docs/s": (
            rate >= TARGET_DOCS_PER_SECOND,
            f"{rate:.0f} docs/s",
        ),
        f"search p95 < {TARGET_P95_MS:.0f} ms": (
            p95(latencies) < TARGET_P95_MS,
            f"{p95(latencies):.1f} ms",
        ),
        f"RSS growth {checkpoints.every} -> {summary.documents} docs <= {TARGET_RSS_GROWTH:.0%}": (
            growth <= TARGET_RSS_GROWTH,
            f"{growth:+.0%}",
        ),
    }
    for target, (ok, value) in results.items():
        print(f"{verdict(ok)}  {target}: {value}")
    return all(ok for ok, _ in results.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to generate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target fails")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    print(
        f"readouts ingest benchmark: {args.n} generated documents, seed {args.seed}, "
        f"{pin_to_one_core()}"
    )
    with _workdir(args.keep) as workdir:
        ok = run(args.n, args.seed, workdir)
    return 1 if args.check and not ok else 0


@contextmanager
def _workdir(keep: Path | None) -> Iterator[Path]:
    """A fresh temporary directory, or ``--keep DIR`` (created; an old store is removed)."""
    if keep is None:
        with tempfile.TemporaryDirectory(prefix="readouts-bench-") as temporary:
            yield Path(temporary)
        return
    keep.mkdir(parents=True, exist_ok=True)
    for old in keep.glob("bench.db*"):
        old.unlink()
    yield keep


if __name__ == "__main__":
    sys.exit(main())
