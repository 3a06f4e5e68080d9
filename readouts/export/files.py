"""Writing export files so that a failed or interrupted export never leaves a partial file.

Each file is written under a temporary name next to its destination and renamed into place
only when complete (``os.replace`` is atomic on one filesystem): an analyst either has the
previous export or the new one, never half of one.  ``-`` writes to standard output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from readouts.export import STDOUT


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path to write to; renamed to ``path`` when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def atomic_paths(paths: list[Path]) -> Iterator[list[Path]]:
    """Temporary paths for several files, all renamed into place only if the block succeeds,
    so that a directory of tables is never a mix of a new export and an old one."""
    temporaries = []
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporaries.append(path.with_name(f".{path.name}.partial"))
    try:
        yield temporaries
        for temporary, path in zip(temporaries, paths, strict=True):
            os.replace(temporary, path)
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)


@contextmanager
def open_text_output(target: str) -> Iterator[TextIO]:
    """A text stream for ``target``: standard output for ``-``, else an atomic file."""
    if target == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    with (
        atomic_path(Path(target)) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as handle,
    ):
        yield handle
