"""Loading HTML pages and JSONL corpora for the ingest; bad input is one error, not a stop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from texts import standing_meeting

from readouts.load import Document, LoadError
from readouts.load.html import html_document
from readouts.load.inputs import iter_ingest_documents
from readouts.load.jsonl import jsonl_document

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Provincial leaders meet on flood control - Test Daily</title>
<meta property="og:title" content="Provincial leaders meet on flood control">
<meta property="article:published_time" content="2023-05-10T08:00:00+08:00">
<link rel="canonical" href="https://daily.example/2023/05/10/flood.html">
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Provincial leaders meet on flood control</h1>
<p>On the morning of May 10, 2023, Xia Peiran, Secretary of the Provincial Party Committee,
presided over a meeting of the Standing Committee of the Hunan Provincial Party Committee.</p>
<p>Wu Jinglan, Governor, reported on the preparations for the rainy season in the river
counties, the dikes and the pumping stations.</p></article>
<footer>Copyright Test Daily. All rights reserved.</footer></body></html>"""


def test_html_gives_article_text_and_metadata() -> None:
    document = html_document(PAGE.encode("utf-8"), "page.html")
    assert isinstance(document, Document)
    assert "Xia Peiran" in document.text and "Copyright" not in document.text
    assert "Home" not in document.text
    assert document.title == "Provincial leaders meet on flood control"
    assert document.published == "2023-05-10"
    assert document.url == "https://daily.example/2023/05/10/flood.html"
    assert document.format == "html"


def test_html_in_a_legacy_encoding_is_read() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="gbk"').replace("Test Daily", "测试日报")
    document = html_document(page.encode("gbk"), "page.html")
    assert isinstance(document, Document) and "Xia Peiran" in document.text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"   \n", "empty file"),
        (b"\x00\x01<html>" * 50, "binary file"),
        (b"<html></html>", "no article text"),
        (b"<<<>>>", "no article text"),
        (b"<html><body><script>var x = 1;</script></body></html>", "no article text"),
    ],
)
def test_bad_html_is_one_sentence(data: bytes, problem: str) -> None:
    result = html_document(data, "bad.html")
    assert isinstance(result, LoadError) and problem in result.problem


def test_broken_html_is_read_leniently() -> None:
    result = html_document(b"<html><body><div><p>Unclosed <b>tags <i>everywhere", "b.html")
    assert isinstance(result, Document) and result.text == "Unclosed tags everywhere"


def _line(**fields: object) -> bytes:
    return json.dumps(fields).encode("utf-8") + b"\n"


def test_jsonl_lines_are_documents_with_metadata() -> None:
    document = jsonl_document(
        _line(text="Some text.", url="https://x.example/1", title="T", published="2023-05-10"),
        "c.jsonl:1",
    )
    assert document == Document(
        source="https://x.example/1",
        text="Some text.",
        url="https://x.example/1",
        title="T",
        published="2023-05-10",
        format="jsonl",
    )
    bare = jsonl_document(_line(text="Other text."), "c.jsonl:2")
    assert isinstance(bare, Document) and bare.source == "c.jsonl:2"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (b"{not json}\n", "malformed JSON"),
        (b"[1, 2]\n", "expected a JSON object"),
        (_line(url="u"), 'no "text" field'),
        (_line(text=5), '"text" must be a string'),
        (_line(text="  "), 'empty "text"'),
        (_line(text="t", title=3), '"title" must be a string'),
        (_line(text="t", published="last May"), '"published" is not a date'),
        (b'{"text": "\xff"}\n', "not valid UTF-8"),
        (b'{"text": "a\\u0000b"}\n', '"text" contains a NUL character'),
        (b'{"text": "ok", "title": "\\ud800"}\n', '"title" contains an unpaired surrogate'),
    ],
)
def test_bad_jsonl_lines_say_why(line: bytes, problem: str) -> None:
    result = jsonl_document(line, "c.jsonl:7")
    assert isinstance(result, LoadError)
    assert result.source == "c.jsonl:7" and problem in result.problem


@given(
    st.binary(max_size=300)
    | st.builds(lambda text: json.dumps({"text": text}).encode("utf-8"), st.text(max_size=80))
)
def test_any_line_is_a_storable_document_or_an_error(line: bytes) -> None:
    result = jsonl_document(line, "c.jsonl:1")
    assert isinstance(result, Document | LoadError)
    if isinstance(result, Document):
        assert "\x00" not in result.text and result.text.encode("utf-8")


def test_a_bad_line_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(
        _line(text=standing_meeting(day=10)) + b"{oops\n\n" + _line(text=standing_meeting(day=11))
    )
    results = list(iter_ingest_documents([path], max_bytes=100_000))
    assert [type(r).__name__ for r in results] == ["Document", "LoadError", "Document"]
    assert results[1].source == f"{path}:2"


def test_an_oversized_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(_line(text="x" * 5000) + _line(text="small enough"))
    results = list(iter_ingest_documents([path], max_bytes=1000))
    assert isinstance(results[0], LoadError) and "line too large" in results[0].problem
    assert isinstance(results[1], Document) and results[1].text == "small enough"


def test_a_jsonl_of_something_else_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    path.write_bytes(_line(stem="a", kind="readout") * 50)
    results = list(iter_ingest_documents([path], max_bytes=100_000))
    assert len(results) == 1 and isinstance(results[0], LoadError)
    assert results[0].source == str(path)


def test_directories_yield_every_known_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(standing_meeting())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(PAGE)
    (tmp_path / "sub" / "c.jsonl").write_bytes(_line(text="one") + _line(text="two"))
    (tmp_path / "notes.md").write_text("not an input")
    found = list(iter_ingest_documents([tmp_path], max_bytes=100_000))
    formats = [d.format if isinstance(d, Document) else d for d in found]
    assert formats == ["txt", "html", "jsonl", "jsonl"]
