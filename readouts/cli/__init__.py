"""The command line: a thin layer over the library API, one module per group of commands.

Each command module registers its commands on :data:`app`; a command is a few lines over a
library call, so the CLI and the Python API never disagree.
"""

from __future__ import annotations

from readouts.cli import (  # noqa: F401  (each module registers its commands)
    eval_cmd,
    export_cmd,
    extract_cmd,
    ingest_cmd,
    people_cmd,
    query_cmd,
    serve_cmd,
)
from readouts.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
