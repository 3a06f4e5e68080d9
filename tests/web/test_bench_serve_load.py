"""``bench/serve_load.py`` end to end on a tiny corpus, so the load test cannot rot unnoticed.

It checks what the benchmark reports (requests, no errors, a p95 per page), not how fast the
machine is: speed is the benchmark's to print, never a test's to assert.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_serve_load_runs_and_reports_each_page(tmp_path: Path) -> None:
    store = tmp_path / "load.db"
    command = [sys.executable, "bench/serve_load.py", "--n", "40", "--clients", "3"]
    command += ["--seconds", "2", "--warmup", "0", "--store", str(store)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr
    summary = re.search(r"3 clients, 2\.0 s, .*: (\d+) requests .*, (\d+) errors", result.stdout)
    assert summary, result.stdout
    assert int(summary.group(1)) > 0 and summary.group(2) == "0"
    for page in ("meeting", "person"):
        assert re.search(rf"{page} +n= +\d+ +p50 +[\d.]+ ms +p95 +[\d.]+ ms", result.stdout)
