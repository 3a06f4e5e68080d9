"""Shared test helpers: running the real CLI entry point, and the repository's paths.

Tests use only text written for them (here or in ``examples/``), never the evaluation corpus,
which is third-party text kept outside the project.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: the first example of a property builds the lexicon's patterns, and
# CI shares two cores with PostgreSQL and Chromium, so a time limit would only make tests flaky
# (this project keeps wall-clock limits out of tests).
settings.register_profile("readouts", deadline=None)
settings.load_profile("readouts")

#: Store fixtures (``store``, ``store_target``, ...) for every test directory.
pytest_plugins = ["store_fixtures"]

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

#: A short readout written for the tests (fictional people).
READOUT_TEXT = (
    " date 2023-05-10 Provincial government holds executive meeting\n\n"
    "Test Daily, May 10th (reporter Lin Qiao) On the morning of the 10th, Governor Xia Peiran "
    "presided over the 12th executive meeting of the provincial government. Vice Governor "
    "Wu Jinglan reported on flood control. Qin Shuyi attended the meeting.\n"
)

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def readout_text() -> str:
    return READOUT_TEXT


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def run_cli() -> RunCli:
    """Run ``python -m readouts ARGS`` as a user would, capturing text output."""

    def run(
        *args: str, stdin: str | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "readouts", *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            cwd=REPO,
        )

    return run
