"""Does ``readouts serve`` answer 50 concurrent clients quickly on a corpus of 100,000 readouts?

Issue 4's target: 50 concurrent clients on loopback for 30 s, no error, p95 latency under
100 ms for the meeting and person pages, on 100,000 generated documents.

1. A store of ``--n`` documents from ``bench/generate.py`` is built once (kept at ``--store``,
   reused while it is complete: a ``.complete`` marker is written after the ingest).
2. ``readouts serve`` is started through the real entry point on a free loopback port.
3. ``--clients`` connections each run a bounded closed loop for ``--seconds`` (and at most
   ``--max-requests`` each): GET a meeting page or a person page, chosen at random from ids
   sampled from the store (people weighted by how often they attend, as analysts follow the
   prominent ones), then optionally wait ``--think`` ms (on average: uniform over twice that;
   with a pause, each client also starts after one, so that the clients' first requests do
   not arrive as one burst no group of users would produce).  Each request is timed from sending
   to the last byte of the body.  The client is a minimal HTTP/1.1 keep-alive client on
   asyncio streams so that it costs the shared CPU as little as possible.
4. It prints requests, errors, throughput and p50/p95/p99 per page, against the target.

    .venv/bin/python bench/serve_load.py [--n 100000] [--clients 50] [--seconds 30]
        [--think 0] [--workers N] [--store PATH] [--check]

The server runs one worker process per core this process may use (``--workers``), as
``readouts serve --workers`` is meant to be deployed; the load generator shares those cores
(it prints its own CPU use).

Only 127.0.0.1 is ever contacted.  Exit status is 0 unless ``--check`` is given and the
target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generate import write_corpus
from sqlalchemy import Connection, func, select
from sqlalchemy.sql import ColumnElement

from readouts.store import open_store
from readouts.store import schema as t
from readouts.store.ingest import ingest_paths

TARGET_P95_MS = 100.0
SAMPLE = 5000
URL_LINE = re.compile(r"http://127\.0\.0\.1:(\d+)/")


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"meeting": [], "person": []})
    errors: list[str] = field(default_factory=list)


def build_store(store_path: Path, n: int, seed: int) -> None:
    """Generate and ingest ``n`` documents once; reuse the store while its marker says done."""
    marker = store_path.with_name(store_path.name + f".complete-{n}-{seed}")
    if marker.exists() and store_path.exists():
        print(f"reusing {store_path} ({n} documents, seed {seed})", flush=True)
        return
    for old in store_path.parent.glob(store_path.name + "*"):
        old.unlink()
    corpus = store_path.with_suffix(".jsonl")
    started = time.perf_counter()
    write_corpus(n, corpus, seed)
    print(f"generated {n} documents in {time.perf_counter() - started:.0f} s", flush=True)
    store = open_store(str(store_path))
    try:
        summary = ingest_paths(store, [str(corpus)], on_error=lambda error: None)
    finally:
        store.close()
    corpus.unlink()
    print(f"ingested: {summary.line()}", flush=True)
    marker.touch()


def sample_paths(store_path: Path, seed: int) -> dict[str, list[str]]:
    """Meeting pages (events, uniformly) and person pages (weighted by attendance)."""
    rng = random.Random(seed)
    store = open_store(str(store_path))
    try:
        with store.connect() as conn:
            n_events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
            n_parts = conn.execute(select(func.count()).select_from(t.participations)).scalar_one()
            event_rows = rng.sample(range(n_events), min(SAMPLE, n_events))
            part_rows = rng.sample(range(n_parts), min(SAMPLE, n_parts))
            events = _nth(conn, t.events.c.event_id, event_rows)
            people = _nth(conn, t.participations.c.person_id, part_rows)
    finally:
        store.close()
    return {
        "meeting": [f"/meetings/{event_id}" for event_id in events],
        "person": [f"/people/{person_id}" for person_id in people],
    }


def _nth(conn: Connection, column: ColumnElement[str], positions: list[int]) -> list[str]:
    """The values at these row positions (ordered by the column), read in one pass."""
    wanted = set(positions)
    values = conn.execute(select(column).order_by(column))
    return [value for index, (value,) in enumerate(values) if index in wanted]


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One keep-alive GET; returns the status once the whole body has arrived."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
    if length is None:
        raise RuntimeError(f"{path}: no Content-Length in the answer")
    await reader.readexactly(int(length.group(1)))
    return status


async def client(
    port: int,
    paths: dict[str, list[str]],
    tally: Tally,
    deadline: float,
    args: argparse.Namespace,
    rng: random.Random,
) -> None:
    if args.think:
        # Users who pause between pages do not all click at the same instant: each client
        # starts after a pause of its own, or the first 50 requests would arrive as one burst.
        await asyncio.sleep(rng.uniform(0, 2 * args.think) / 1000)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for _ in range(args.max_requests):
            if time.perf_counter() >= deadline:
                break
            kind = rng.choice(("meeting", "person"))
            path = rng.choice(paths[kind])
            started = time.perf_counter()
            try:
                status = await fetch(reader, writer, path)
            except (OSError, asyncio.IncompleteReadError, RuntimeError) as exc:
                tally.errors.append(f"{path}: {type(exc).__name__}: {exc}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            tally.latencies[kind].append((time.perf_counter() - started) * 1000)
            if status != 200:
                tally.errors.append(f"{path}: HTTP {status}")
            if args.think:
                await asyncio.sleep(rng.uniform(0, 2 * args.think) / 1000)
    finally:
        writer.close()


async def run_clients(port: int, paths: dict[str, list[str]], args: argparse.Namespace) -> Tally:
    tally = Tally()
    warm = Tally()
    warm_until = time.perf_counter() + args.warmup  # imports, caches, connections: not counted
    await asyncio.gather(
        *(client(port, paths, warm, warm_until, args, random.Random(i)) for i in range(4))
    )
    deadline = time.perf_counter() + args.seconds
    await asyncio.gather(
        *(
            client(port, paths, tally, deadline, args, random.Random(f"{args.seed}/{number}"))
            for number in range(args.clients)
        )
    )
    return tally


def start_server(store_path: Path, workers: int) -> tuple[subprocess.Popen[str], int]:
    command = [sys.executable, "-m", "readouts", "serve", "--db", str(store_path), "--port", "0"]
    if workers > 1:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    found = URL_LINE.search(line)
    if not found:
        process.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    return process, int(found.group(1))


def wait_ready(port: int, process: subprocess.Popen[str]) -> None:
    """Until the server (every worker booting) answers its search page, for at most a minute."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
                conn.sendall(
                    b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                )
                if conn.recv(12).endswith(b"200"):
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not become ready")


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=1000, method="inclusive")[int(share * 1000) - 1]


def report(tally: Tally, args: argparse.Namespace) -> bool:
    total = sum(len(v) for v in tally.latencies.values())
    print(
        f"{args.clients} clients, {args.seconds} s, think {args.think} ms, "
        f"{args.workers} worker(s): {total} requests ({total / args.seconds:.0f}/s), "
        f"{len(tally.errors)} errors"
    )
    ok = not tally.errors and total > 0
    for kind, values in tally.latencies.items():
        p95 = percentile(values, 0.95)
        good = p95 < TARGET_P95_MS
        ok = ok and good
        print(
            f"  {kind:8} n={len(values):6}  p50 {percentile(values, 0.50):6.1f} ms  "
            f"p95 {p95:6.1f} ms  p99 {percentile(values, 0.99):6.1f} ms  "
            f"max {max(values, default=float('nan')):6.1f} ms  "
            f"target p95 < {TARGET_P95_MS:.0f} ms: {'met' if good else 'MISSED'}"
        )
    for error in tally.errors[:5]:
        print(f"  error: {error}")
    return ok


def usable_cores() -> int:
    """The cores this process may run on (its affinity), where the platform tells."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents in the corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause per client, ms")
    parser.add_argument("--max-requests", type=int, default=100_000, help="per client")
    parser.add_argument(
        "--workers", type=int, default=usable_cores(), help="server processes (default: per core)"
    )
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds not counted")
    parser.add_argument("--store", type=Path, help="where to keep the corpus store")
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args(argv)
    store_path = args.store or Path(f"/tmp/readouts-serve-load-{args.n}-{args.seed}.db")
    build_store(store_path, args.n, args.seed)
    paths = sample_paths(store_path, args.seed)
    process, port = start_server(store_path, args.workers)
    try:
        wait_ready(port, process)
        client_cpu = time.process_time()
        tally = _run_event_loop(run_clients(port, paths, args))
        client_cpu = time.process_time() - client_cpu
    finally:
        process.terminate()
        process.wait(timeout=30)
    ok = report(tally, args)
    seconds = args.seconds + args.warmup
    print(f"  load generator: {client_cpu:.1f} CPU seconds ({client_cpu / seconds:.0%} of a core)")
    return 0 if ok or not args.check else 1


def _run_event_loop(main: Coroutine[Any, Any, Tally]) -> Tally:
    """The clients' loop: uvloop where installed (the server's own loop; a third of the CPU
    of asyncio's for the same requests), so the load generator takes less of the machine it
    shares with the server it measures."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


if __name__ == "__main__":
    sys.exit(main())
