"""JSON Lines corpora: one document per line, ``{"text": ..., "url", "title", "published"}``.

A crawl is often delivered as one large JSONL file, so the file is streamed line by line and
the size limit applies to each line (each document), not to the file.  A malformed line is a
LoadError naming ``FILE:LINE`` and the next line is read: one bad record must not cost the
rest of the crawl.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import regex

from readouts.load.decode import human_size
from readouts.load.document import Document, LoadError
from readouts.load.read import os_problem

JSONL_SUFFIX = ".jsonl"
_OPTIONAL = ("url", "title", "published")
_ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")
_CHUNK = 1 << 16
_NO_TEXT = 'no "text" field'


def read_jsonl(path: Path, source: str, max_bytes: int) -> Iterator[Document | LoadError]:
    """One Document (or LoadError) per non-blank line of the file, in order."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield LoadError(source, os_problem(exc, path))
        return
    with handle:
        try:
            yield from _lines(handle, source, max_bytes)
        except OSError as exc:
            yield LoadError(source, os_problem(exc, path))


def _lines(handle: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | LoadError]:
    number = 0
    first = True
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        where = f"{source}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield LoadError(where, f"line too large: over the {human_size(max_bytes)} limit")
        elif line.strip():
            result = jsonl_document(line, where)
            if first and _other_records(result):
                yield LoadError(source, 'not a JSONL of documents (line 1 has no "text" field)')
                return
            first = False
            yield result


def _other_records(result: Document | LoadError) -> bool:
    """The first line is an object without "text": a JSONL of something else (a manifest),
    reported once for the file rather than once per line."""
    return isinstance(result, LoadError) and result.problem == _NO_TEXT


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while chunk := handle.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            return


def storage_problem(value: dict[str, object]) -> str | None:
    """Why a string field cannot be stored as text (databases refuse NUL characters and
    lone surrogates, which JSON escapes can produce), or None."""
    for key in ("text", *_OPTIONAL):
        field = value.get(key)
        if not isinstance(field, str):
            continue
        if "\x00" in field:
            return f'"{key}" contains a NUL character'
        try:
            field.encode("utf-8")
        except UnicodeEncodeError:
            return f'"{key}" contains an unpaired surrogate (invalid Unicode)'
    return None


def jsonl_document(line: bytes, where: str) -> Document | LoadError:
    """One line as a Document; ``where`` (``FILE:LINE``) names it in errors and as source."""
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return LoadError(where, f"not valid UTF-8 at byte {exc.start}")
    except json.JSONDecodeError as exc:
        return LoadError(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(value, dict):
        return LoadError(where, f"expected a JSON object, got {type(value).__name__}")
    text = value.get("text")
    if not isinstance(text, str):
        return LoadError(where, _NO_TEXT if text is None else '"text" must be a string')
    if not text.strip():
        return LoadError(where, 'empty "text"')
    unstorable = storage_problem(value)
    if unstorable:
        return LoadError(where, unstorable)
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL:
        field = value.get(key)
        if field is not None and not isinstance(field, str):
            return LoadError(where, f'"{key}" must be a string, got {type(field).__name__}')
        fields[key] = field.strip() or None if isinstance(field, str) else None
    published = fields["published"]
    if published is not None and not _ISO_DATE.match(published):
        return LoadError(where, f'"published" is not a date (YYYY-MM-DD): {published[:40]!r}')
    return Document(
        source=fields["url"] or where,
        text=text,
        url=fields["url"],
        title=fields["title"],
        published=published[:10] if published else None,
        format="jsonl",
    )
