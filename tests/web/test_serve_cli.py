"""``readouts serve`` through the real entry point: it prints its URL, serves, and stops."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from web_corpus import EXECUTIVE

from readouts.cli.serve_workers import dealing

REPO = Path(__file__).resolve().parents[2]
RunCli = Callable[..., subprocess.CompletedProcess[str]]
URL_LINE = re.compile(r"^readouts: serving (.+) at (http://127\.0\.0\.1:\d+/) \((.+)\)$")


@contextmanager
def serving(*args: str) -> Iterator[tuple[str, str]]:
    """Run ``readouts serve ARGS --port 0``; yield (its announcement line, its URL)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "readouts", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        found = URL_LINE.match(line)
        err = process.stderr
        assert found, (line, err.read() if err is not None and process.poll() is not None else "")
        yield line, found.group(2)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _wait_ready(url: str) -> httpx.Response:
    """The first answer of a server whose workers may still be starting (bounded: 2 minutes)."""
    deadline = time.monotonic() + 120
    while True:
        try:
            return httpx.get(url + "api/stats", timeout=30)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_serve_prints_its_url_and_answers(tmp_path: Path, run_cli: RunCli) -> None:
    db = tmp_path / "served.db"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "executive.txt").write_text(EXECUTIVE, encoding="utf-8")
    ingested = run_cli("ingest", "--db", str(db), str(tmp_path / "in"))
    assert ingested.returncode == 0, ingested.stderr
    with serving("--db", str(db)) as (line, url):
        assert "read-only" in line
        assert _wait_ready(url).json()["documents"] == 1
        page = httpx.get(url, timeout=5)
        assert "1 meeting" in page.text
        refused = httpx.post(url + "api/documents", json={"documents": []}, timeout=5)
        assert refused.status_code == 405


def test_serve_with_a_token_accepts_writes(tmp_path: Path) -> None:
    token = "a-long-enough-token"
    with serving("--db", str(tmp_path / "w.db"), "--write-token", token) as (line, url):
        assert "writes need the token" in line
        _wait_ready(url)
        payload = {"documents": [{"source": "e.txt", "text": EXECUTIVE}]}
        denied = httpx.post(url + "api/documents", json=payload, timeout=30)
        assert denied.status_code == 401
        stored = httpx.post(
            url + "api/documents",
            json=payload,
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
        assert stored.json()["new"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--write-token", "short"], "the write token must be at least 8 characters long"),
        (["--db", "/nonexistent-dir/x.db"], "does not exist"),
    ],
)
def test_serve_refuses_bad_options_in_one_line(
    run_cli: RunCli, args: list[str], message: str
) -> None:
    result = run_cli("serve", "--port", "0", *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert lines[0].startswith("readouts: error: ")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_reports_a_busy_port(tmp_path: Path, run_cli: RunCli, workers: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli(
            "serve", "--db", str(tmp_path / "p.db"), "--port", str(port), "--workers", workers
        )
    assert result.returncode == 2
    assert f"readouts: error: cannot listen on 127.0.0.1:{port}:" in result.stderr
    assert "Traceback" not in result.stderr


def _store_of_one_readout(tmp_path: Path, run_cli: RunCli) -> Path:
    db = tmp_path / "workers.db"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "executive.txt").write_text(EXECUTIVE, encoding="utf-8")
    assert run_cli("ingest", "--db", str(db), str(tmp_path / "in")).returncode == 0
    return db


def test_serve_with_two_workers(tmp_path: Path, run_cli: RunCli) -> None:
    db = _store_of_one_readout(tmp_path, run_cli)
    with serving("--db", str(db), "--workers", "2") as (line, url):
        assert "2 workers" in line
        assert _wait_ready(url).json()["documents"] == 1
        assert "Wu Jinglan" in httpx.get(url + "?q=flood", timeout=30).text


@pytest.mark.skipif(not dealing(), reason="descriptors cannot be passed here")
def test_two_workers_get_the_same_number_of_clients(tmp_path: Path, run_cli: RunCli) -> None:
    """Keep-alive clients are dealt to the workers in turn: ten clients, five each."""
    db = _store_of_one_readout(tmp_path, run_cli)
    with serving("--db", str(db), "--workers", "2") as (_line, url):
        _wait_ready(url)
        clients = [httpx.Client(base_url=url, timeout=30) for _ in range(10)]
        try:
            for client in clients:
                assert client.get("/api/stats").status_code == 200
            port = int(url.rsplit(":", 1)[1].strip("/"))
            workers = _server_pids_of_clients(port, clients)
        finally:
            for client in clients:
                client.close()
    assert sorted(Counter(workers).values()) == [5, 5]


def _server_pids_of_clients(port: int, clients: list[httpx.Client]) -> list[int]:
    """The process serving each client's connection, from /proc (Linux only)."""
    inodes = _socket_inodes_serving(port)
    owners: dict[str, int] = {}
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        with contextlib.suppress(OSError):
            for fd in fd_dir.iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    owners[target[8:-1]] = int(fd_dir.parent.name)
    assert len(inodes) == len(clients), inodes
    return [owners[inode] for inode in inodes]


def _socket_inodes_serving(port: int) -> set[str]:
    """Inodes of the established server-side TCP sockets on ``port`` (from /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, state, inode = fields[1], fields[3], fields[9]
        if state == "01" and int(local.split(":")[1], 16) == port:
            found.add(inode)
    return found
