"""What ``readouts ingest`` reads: text, HTML and JSONL files, directories, standard input.

Listing the inputs (:func:`iter_input_files`) is separate from reading them
(:func:`read_input`) so that the ingest can count files for its progress bar before it
starts, and so that one file (a JSONL crawl) may hold many documents.
:func:`iter_ingest_documents` chains the two for callers that only want documents.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from readouts.load.document import Document, LoadError
from readouts.load.html import HTML_SUFFIXES, read_html
from readouts.load.jsonl import JSONL_SUFFIX, read_jsonl
from readouts.load.read import read_path, read_stream
from readouts.load.walk import TEXT_SUFFIX, walk_text_files

INGEST_SUFFIXES = (TEXT_SUFFIX, *HTML_SUFFIXES, JSONL_SUFFIX)
STDIN = "-"
STDIN_SOURCE = "<stdin>"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input to read: a path (``found`` when met walking a directory) or stdin."""

    source: str
    path: Path | None  # None: standard input
    found: bool = False


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[InputFile | LoadError]:
    """Every input named on the command line, directories walked for the known suffixes."""
    for raw in paths:
        if str(raw) == STDIN:
            yield InputFile(STDIN_SOURCE, None)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in walk_text_files(path, INGEST_SUFFIXES):
                if isinstance(found, LoadError):
                    yield found
                else:
                    yield InputFile(str(found), found, found=True)
        else:
            yield InputFile(str(raw), path)


def read_input(
    item: InputFile, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[Document | LoadError]:
    """The documents in one input, chosen by suffix (plain text when it is not known)."""
    if item.path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        result = read_stream(stream, item.source, max_bytes)
        yield _as_stdin(result)
        return
    suffix = item.path.suffix.lower()
    if suffix == JSONL_SUFFIX:
        yield from read_jsonl(item.path, item.source, max_bytes)
    elif suffix in HTML_SUFFIXES:
        yield read_html(item.path, item.source, max_bytes, regular_only=item.found)
    else:
        yield read_path(item.path, item.source, max_bytes, regular_only=item.found)


def iter_ingest_documents(
    paths: Iterable[str | Path], max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[Document | LoadError]:
    """Every document in the inputs, in command-line then sorted order."""
    for item in iter_input_files(paths):
        if isinstance(item, LoadError):
            yield item
        else:
            yield from read_input(item, max_bytes, stdin)


def _as_stdin(result: Document | LoadError) -> Document | LoadError:
    if isinstance(result, LoadError):
        return result
    return Document(source=result.source, text=result.text, format="stdin")
