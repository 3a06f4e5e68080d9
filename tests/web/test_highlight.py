"""The span highlighter: segments over the text, overlapping spans, and inert document text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import readouts
from readouts.web.highlight import FIELDS, Mark, highlight, record_marks, segments
from readouts.web.render import render_segments


def _mark(field: str, start: int, end: int, href: str | None = None) -> Mark:
    return Mark(field, field, start, end, href)


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("abcdef", [], [("abcdef", ())]),
        ("abcdef", [_mark("person", 0, 6)], [("abcdef", ("person",))]),
        (
            "abcdef",
            [_mark("person", 2, 4)],
            [("ab", ()), ("cd", ("person",)), ("ef", ())],
        ),
        (  # nested: a name inside the meeting sentence
            "abcdef",
            [_mark("meeting", 0, 6), _mark("person", 2, 4)],
            [("ab", ("meeting",)), ("cd", ("meeting", "person")), ("ef", ("meeting",))],
        ),
        (  # overlapping, neither inside the other
            "abcdef",
            [_mark("agenda", 0, 4), _mark("directive", 2, 6)],
            [("ab", ("agenda",)), ("cd", ("agenda", "directive")), ("ef", ("directive",))],
        ),
        (  # the same span twice: both fields, in field order
            "abcdef",
            [_mark("person", 1, 3), _mark("office", 1, 3)],
            [("a", ()), ("bc", ("office", "person")), ("def", ())],
        ),
        (  # adjacent spans do not merge
            "abcd",
            [_mark("office", 0, 2), _mark("person", 2, 4)],
            [("ab", ("office",)), ("cd", ("person",))],
        ),
        (  # astral characters count as one index, as in Python
            "\U0001f600名字x",
            [_mark("person", 1, 3)],
            [("\U0001f600", ()), ("名字", ("person",)), ("x", ())],
        ),
    ],
)
def test_segments_cut_at_every_boundary(
    text: str, marks: list[Mark], expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    got = [(s.text, tuple(m.field for m in s.marks)) for s in segments(text, marks)]
    assert got == expected


def test_innermost_field_and_link_win() -> None:
    marks = [_mark("meeting", 0, 10), _mark("person", 3, 6, "/people/p1")]
    middle = segments("0123456789", marks)[1]
    assert middle.field == "person"
    assert middle.href == "/people/p1"
    assert middle.classes == "hl-meeting hl-person"
    assert middle.label == "person · meeting"


@given(
    text=st.text(max_size=60),
    spans=st.lists(
        st.tuples(
            st.sampled_from(sorted(FIELDS)),
            st.integers(min_value=-5, max_value=70),
            st.integers(min_value=-5, max_value=70),
        ),
        max_size=12,
    ),
)
def test_segments_rebuild_the_text_and_cover_exactly(
    text: str, spans: list[tuple[str, int, int]]
) -> None:
    marks = [
        Mark(name, name, max(0, s), min(len(text), e), None)
        for name, s, e in spans
        if max(0, s) < min(len(text), e)
    ]
    pieces = segments(text, marks)
    assert "".join(p.text for p in pieces) == text
    assert all(p.text for p in pieces)
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        covering = {m for m in marks if m.start <= position and m.end >= end}
        assert set(piece.marks) == covering
        position = end


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "//evil.example/x", "https://evil.example/", "data:text/html,x"],
)
def test_only_site_relative_links_survive(href: str) -> None:
    record = readouts.extract(_READOUT, source="t.txt")
    marks = record_marks(record, len(_READOUT), lambda m, p, person: href)
    assert all(mark.href is None for mark in marks)


_READOUT = (
    " date 2023-05-10 County leaders meet\n\n"
    "Test Daily, May 10th On the morning of the 10th, Xia Peiran, Secretary of the County Party "
    "Committee, presided over a meeting of the Standing Committee of the County Party "
    "Committee. Wu Jinglan attended the meeting.\n"
)


def test_record_marks_cover_every_extracted_span() -> None:
    record = readouts.extract(_READOUT, source="t.txt")
    marks = record_marks(record, len(_READOUT))
    by_field = {(m.field, _READOUT[m.start : m.end]) for m in marks}
    assert ("person", "Xia Peiran") in by_field
    assert ("person", "Wu Jinglan") in by_field
    assert ("office", "Secretary of the County Party Committee") in by_field
    assert ("published", "2023-05-10") in {(f, t.strip()) for f, t in by_field}
    assert any(f == "meeting" for f, _ in by_field)
    assert any(f == "body" for f, _ in by_field)


def test_spans_beyond_the_text_are_clipped_not_fatal() -> None:
    record = readouts.extract(_READOUT, source="t.txt")
    short = _READOUT[:60]
    pieces = highlight(record, short)
    assert "".join(p.text for p in pieces) == short


_HOSTILE = [
    '<script>document.title="pwned"</script>',
    '<img src=x onerror="document.title=1">',
    '"><svg onload=alert(1)>',
    "&lt;already escaped&gt; & ampersand",
    "{{ 7*7 }} {% raw %}",
    "\u202e\u0000 control",
]


@pytest.mark.parametrize("payload", _HOSTILE)
def test_rendered_segments_are_inert(payload: str) -> None:
    text = f"Xia Peiran said {payload} and left."
    marks = [
        _mark("person", 0, 10, "/people/p1"),
        _mark("directive", 5, len(text) - 5),
        _mark("formulation", 16, 16 + len(payload)),
    ]
    html = render_segments(segments(text, marks))
    assert "<script" not in html
    assert "<img" not in html
    assert "<svg" not in html
    assert "onerror=" not in html.replace("onerror=&#34;", "")  # only as escaped text
    assert "49" not in html  # no template evaluation of the text
    assert 'href="/people/p1"' in html


def test_rendered_text_round_trips_through_unescape() -> None:
    import html as html_module
    import re

    text = "A <b>\"quoted\"</b> & 'single' name Xia Peiran"
    marks = [_mark("person", text.index("Xia"), len(text))]
    rendered = render_segments(segments(text, marks))
    visible = html_module.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert visible == text
