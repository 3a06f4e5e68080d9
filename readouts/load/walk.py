"""Turn the paths on a command line into the files to read, in a stable order.

Directories are walked recursively in sorted order so that two runs over the same tree emit
records in the same order.  Hidden files and folders (editor swap files, ``.git``) are skipped,
and symbolic links to directories are not followed, so a link cycle cannot loop forever.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from readouts.load.document import LoadError
from readouts.load.read import os_problem

TEXT_SUFFIX = ".txt"


def walk_text_files(
    root: Path, suffixes: tuple[str, ...] = (TEXT_SUFFIX,)
) -> Iterator[Path | LoadError]:
    """Every non-hidden file under ``root`` ending in one of ``suffixes`` (lower case; by
    default ``.txt``), depth first, sorted by name."""
    try:
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield LoadError(str(root), os_problem(exc, root))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = root / entry.name
        if _is_real_dir(entry):
            yield from walk_text_files(path, suffixes)
        elif entry.name.lower().endswith(suffixes):
            yield path


def _is_real_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:  # the entry vanished; reading it will report the problem
        return False
