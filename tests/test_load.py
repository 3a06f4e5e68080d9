"""The loader: every kind of bad input becomes one LoadError with a clear problem, never a raise."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from readouts.ids import doc_id
from readouts.load import Document, LoadError, iter_documents


def load_one(path: Path | str, **kwargs: object) -> Document | LoadError:
    items = list(iter_documents([path], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("content", "max_bytes", "problem"),
    [
        (b"", 10_000, "empty file"),
        (b"  \n\t\r\n", 10_000, "empty file"),
        (b"text\x00with a NUL", 10_000, "binary file, not text"),
        (bytes(range(1, 32)) * 20, 10_000, "binary file, not text"),
        ("Hội nghị".encode("latin-1", "replace") + b" caf\xe9", 10_000, "not valid UTF-8 at byte"),
        (b"abc caf\xe9 au lait", 10_000, "not valid UTF-8 at byte 7"),
        (b"x" * 2_000_000, 1_000_000, "file too large: 2.0 MB > 1.0 MB limit"),
        (b"x" * 300, 100, "file too large: 300 bytes > 100 bytes limit"),
    ],
    ids=[
        "empty",
        "whitespace",
        "nul",
        "controls",
        "latin1",
        "latin1-offset",
        "huge",
        "small-limit",
    ],
)
def test_bad_file_gives_one_error(
    tmp_path: Path, content: bytes, max_bytes: int, problem: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    item = load_one(path, max_bytes=max_bytes)
    assert isinstance(item, LoadError)
    assert item.source == str(path)
    assert item.problem.startswith(problem)
    assert "\n" not in str(item)


def test_default_limit_is_ten_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(20_000_000)  # sparse: no 20 MB written to disk
    item = load_one(path)
    assert isinstance(item, LoadError)
    assert item.problem == "file too large: 20.0 MB > 10.0 MB limit"


def test_text_is_kept_exactly_as_read(tmp_path: Path) -> None:
    raw = "\ufeffTitle\r\nLine two\rLine three — Hội nghị 会议\n".encode()
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    item = load_one(path)
    assert isinstance(item, Document)
    assert item.text == raw.decode("utf-8")  # BOM and CR/CRLF kept: offsets match the file
    assert item.text.startswith("\ufeff")
    assert item.doc_id == doc_id(item.text)


def test_missing_path(tmp_path: Path) -> None:
    item = load_one(tmp_path / "nowhere.txt")
    assert isinstance(item, LoadError)
    assert item.problem == "no such file or directory"


def test_dangling_symlink(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    items = list(iter_documents([tmp_path]))
    assert [type(i) for i in items] == [LoadError]
    assert isinstance(items[0], LoadError)
    assert items[0].problem.startswith("broken symbolic link")


def test_fifo_in_a_directory_is_reported_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "z.txt").write_text("after the pipe", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    assert isinstance(items[0], LoadError)
    assert items[0].problem == "not a regular file (a FIFO)"
    assert isinstance(items[1], Document)


def test_fifo_named_explicitly_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(b"from a pipe",))
    writer.start()
    item = load_one(fifo)
    writer.join(timeout=10)
    assert isinstance(item, Document)
    assert item.text == "from a pipe"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file with mode 000")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    path.chmod(0)
    item = load_one(path)
    assert isinstance(item, LoadError)
    assert item.problem == "cannot read: permission denied"


def test_directory_walk_is_sorted_recursive_txt_only(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.TXT", "notes.md", "x.gold.json"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel, encoding="utf-8")
    for rel in [".hidden.txt", ".git/e.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel, encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()  # a directory that looks like a text file: walked
    (tmp_path / "folder.txt" / "f.txt").write_text("f", encoding="utf-8")
    texts = [item.text for item in iter_documents([tmp_path]) if isinstance(item, Document)]
    assert texts == ["a.txt", "b.txt", "f", "sub/c.txt", "sub/deeper/d.TXT"]


def test_symlinked_directory_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)  # a cycle, were it followed
    texts = [item.text for item in iter_documents([tmp_path]) if isinstance(item, Document)]
    assert texts == ["a"]


def test_explicit_file_of_any_suffix_is_read(tmp_path: Path) -> None:
    path = tmp_path / "readout.md"
    path.write_text("named on purpose", encoding="utf-8")
    item = load_one(path)
    assert isinstance(item, Document)
    assert item.source == str(path)


def test_stdin() -> None:
    item = load_one("-", stdin=io.BytesIO("On the 6th, Hội nghị.\r\n".encode()))
    assert isinstance(item, Document)
    assert item.source == "<stdin>"
    assert item.text == "On the 6th, Hội nghị.\r\n"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"\xff\xfe", "not valid UTF-8 at byte 0"),
        (b"y" * 5000, "input too large: over the 1.0 kB limit"),
    ],
)
def test_bad_stdin(data: bytes, problem: str) -> None:
    item = load_one("-", stdin=io.BytesIO(data), max_bytes=1000)
    assert isinstance(item, LoadError)
    assert item.problem == problem


def test_streaming_reads_one_file_at_a_time(tmp_path: Path) -> None:
    """A file that vanishes after the walk but before it is read is reported, not fatal."""
    (tmp_path / "1.txt").write_text("one", encoding="utf-8")
    (tmp_path / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "3.txt").write_text("three", encoding="utf-8")
    items = iter_documents([tmp_path])
    first = next(items)
    assert isinstance(first, Document) and first.text == "one"
    (tmp_path / "2.txt").unlink()
    rest = list(items)
    assert isinstance(rest[0], LoadError) and rest[0].problem == "no such file or directory"
    assert isinstance(rest[1], Document) and rest[1].text == "three"


def test_bad_input_does_not_stop_the_run(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    items = list(iter_documents([tmp_path / "missing.txt", good, tmp_path / "also-missing"]))
    assert [type(i).__name__ for i in items] == ["LoadError", "Document", "LoadError"]
