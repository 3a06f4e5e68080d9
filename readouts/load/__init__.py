"""Loading: turn paths (files, directories, ``-`` for stdin) into documents to extract from.

The loader streams: it reads one file at a time and yields either a :class:`Document` or a
:class:`LoadError`, never raising for bad input, so a run over a large corpus reports each bad
file on one line and goes on.  Text is decoded strictly as UTF-8 with nothing changed, because
every offset in a record is an index into exactly that text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from readouts.load.document import Document, LoadError
from readouts.load.read import read_path, read_stream
from readouts.load.walk import walk_text_files

#: Default size limit per input: far above any readout, low enough to catch a wrong file.
DEFAULT_MAX_BYTES = 10_000_000
STDIN = "-"
STDIN_SOURCE = "<stdin>"

__all__ = ["DEFAULT_MAX_BYTES", "Document", "LoadError", "iter_documents"]


def iter_documents(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | LoadError]:
    """Yield one Document or LoadError per input file, in command-line then sorted order.

    ``-`` reads standard input (``stdin`` overrides it, for tests and embedding); a directory
    yields its ``.txt`` files recursively; any other path is read as given, whatever its suffix.
    """
    for raw in paths:
        if str(raw) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield read_stream(stream, STDIN_SOURCE, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in walk_text_files(path):
                if isinstance(found, LoadError):
                    yield found
                else:
                    yield read_path(found, str(found), max_bytes, regular_only=True)
        else:
            yield read_path(path, str(raw), max_bytes, regular_only=False)
