"""Read one input (a file or a stream) into a Document, or say in one sentence why not.

One file is read at a time and never more than the size limit plus one byte, so memory stays
flat whatever the corpus size, and a 20 GB file named by mistake costs nothing.
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path
from typing import BinaryIO

from readouts.load.decode import NotText, decode_text, human_size
from readouts.load.document import Document, LoadError

_CHUNK = 1 << 20


def read_path(
    path: Path, source: str, max_bytes: int, *, regular_only: bool
) -> Document | LoadError:
    """Read the file at ``path``.

    ``regular_only`` is set for files found by walking a directory: a FIFO or device there is
    an accident and reading it could block forever.  A path the user names explicitly may be
    a pipe (``<(command)``) and is then read as a stream.
    """
    data = read_bytes(path, source, max_bytes, regular_only=regular_only)
    return data if isinstance(data, LoadError) else _decode(data, source)


def read_bytes(path: Path, source: str, max_bytes: int, *, regular_only: bool) -> bytes | LoadError:
    """The file's bytes, undecoded (for inputs such as HTML that carry their own encoding)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return LoadError(source, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            if regular_only:
                return LoadError(source, f"not a regular file ({_file_kind(info.st_mode)})")
            with path.open("rb") as stream:
                return read_stream_bytes(stream, source, max_bytes)
        if info.st_size > max_bytes:
            return LoadError(source, _too_large(info.st_size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return LoadError(source, os_problem(exc, path))
    if len(data) > max_bytes:  # the file grew after stat
        return LoadError(source, f"file too large: over the {human_size(max_bytes)} limit")
    return data


def read_stream(stream: BinaryIO, source: str, max_bytes: int) -> Document | LoadError:
    """Read a stream (stdin, a pipe) in chunks, stopping one byte past the limit."""
    data = read_stream_bytes(stream, source, max_bytes)
    return data if isinstance(data, LoadError) else _decode(data, source)


def read_stream_bytes(stream: BinaryIO, source: str, max_bytes: int) -> bytes | LoadError:
    """A stream's bytes, read in chunks, stopping one byte past the limit."""
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= max_bytes:
            chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        return LoadError(source, os_problem(exc, None))
    if total > max_bytes:
        return LoadError(source, f"input too large: over the {human_size(max_bytes)} limit")
    return b"".join(chunks)


def os_problem(exc: OSError, path: Path | None) -> str:
    """The OS error as a short lower-case phrase, telling a dangling symlink from a missing file."""
    if exc.errno == errno.ENOENT and path is not None and path.is_symlink():
        return "broken symbolic link (its target does not exist)"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    reason = (exc.strerror or type(exc).__name__).lower()
    return f"cannot read: {reason}"


def _decode(data: bytes, source: str) -> Document | LoadError:
    try:
        return Document(source=source, text=decode_text(data))
    except NotText as exc:
        return LoadError(source, str(exc))


def _too_large(size: int, max_bytes: int) -> str:
    return f"file too large: {human_size(size)} > {human_size(max_bytes)} limit"


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return f"mode {oct(stat.S_IFMT(mode))}"


__all__ = ["os_problem", "read_bytes", "read_path", "read_stream", "read_stream_bytes"]
