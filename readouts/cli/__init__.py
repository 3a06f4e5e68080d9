"""The command line: a thin layer over the library API, one module per group of commands.

Each command module registers its commands on :data:`app`; a command is a few lines over a
library call, so the CLI and the Python API never disagree.
"""

from __future__ import annotations

from readouts.cli import eval_cmd, extract_cmd, serve_cmd  # noqa: F401  (registers commands)
from readouts.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
