"""Full-text search: words found, snippets highlighted, meetings attached, any text is safe."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.queries import QueryError, search
from readouts.store.queries.search import split_marks
from readouts.store.queries.snippets import make_snippet, query_pattern


def test_finds_documents_with_every_word_and_highlights_them(corpus_store: Store) -> None:
    results = search(corpus_store, "reservoirs Hunan")
    titles = {hit.title for hit in results.hits}
    assert results.total == len(results.hits) == 2
    assert titles == {
        "Standing Committee of the Provincial Party Committee holds meeting on flood preparedness",
        "Hunan studies flood preparedness",
    }
    for hit in results.hits:
        marked = {hit.snippet[s:e].lower() for s, e in hit.highlights}
        assert marked and marked <= {"reservoirs", "hunan"}


def test_stemming_finds_other_forms(corpus_store: Store) -> None:
    assert search(corpus_store, "reservoir").total == 2


def test_hits_carry_their_meetings_and_the_people_named(corpus_store: Store) -> None:
    results = search(corpus_store, "Qiao Mingyuan")
    assert results.total == 2
    events = {m.event_id for hit in results.hits for m in hit.meetings}
    assert len(events) == 1  # two reports of one meeting
    for hit in results.hits:
        (meeting,) = hit.meetings
        assert meeting.date == "2023-03-14"
        assert meeting.jurisdiction == "Hunan"
        assert [p.name for p in meeting.matched_people] == ["Qiao Mingyuan"]


def test_the_syndicated_copy_is_a_source_not_another_hit(corpus_store: Store) -> None:
    results = search(corpus_store, "spring sowing")
    assert results.total == 1
    assert results.hits[0].n_sources == 2


def test_pages(corpus_store: Store) -> None:
    everything = search(corpus_store, "meeting", limit=50)
    assert everything.total == len(everything.hits) >= 4
    pages = [search(corpus_store, "meeting", limit=2, offset=o).hits for o in range(0, 6, 2)]
    flat = [hit.doc_id for page in pages for hit in page]
    assert flat == [hit.doc_id for hit in everything.hits][: len(flat)]
    assert len(set(flat)) == len(flat)


@pytest.mark.parametrize(
    "query",
    [
        '"foo OR bar*',
        "'; DROP TABLE documents; --",
        "Qiao OR Pei",
        "Qiao AND NOT Pei",
        "NEAR(Qiao Pei)",
        "title:Hunan",
        "^Hunan",
        '""""',
        "(((",
        "*",
        "Robert'); DELETE FROM people; --",
        "%_\\",
        "\x00",
        "Qiao\x00Mingyuan",
        "",
        "   ",
    ],
)
def test_any_query_is_plain_text(corpus_store: Store, query: str) -> None:
    before = _counts(corpus_store)
    results = search(corpus_store, query)
    assert results.total == len(results.hits)
    assert _counts(corpus_store) == before


def test_operators_are_words_not_syntax(corpus_store: Store) -> None:
    # As FTS syntax "Mingyuan OR Zhongling" would match three documents; as words, none
    # has all three.
    assert search(corpus_store, "Mingyuan").total == 2
    assert search(corpus_store, "Mingyuan OR Zhongling").total == 0
    assert search(corpus_store, "Mingyuan*").total == 2


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_arbitrary_text_never_fails(corpus_store: Store, query: str) -> None:
    results = search(corpus_store, query, limit=3)
    assert len(results.hits) <= 3


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (1001, 0), (10, -1)])
def test_bad_pages_are_refused(corpus_store: Store, limit: int, offset: int) -> None:
    with pytest.raises(QueryError):
        search(corpus_store, "Hunan", limit=limit, offset=offset)


@pytest.mark.parametrize(
    ("marked", "plain", "spans"),
    [
        ("no marks", "no marks", []),
        ("a \x02b\x03 c", "a b c", [(2, 3)]),
        ("\x02x\x03\x02y\x03", "xy", [(0, 1), (1, 2)]),
        ("…the \x02flood\x03 \x02control\x03…", "…the flood control…", [(5, 10), (11, 18)]),
        ("\x02\x03empty", "empty", []),
    ],
)
def test_split_marks(marked: str, plain: str, spans: list[tuple[int, int]]) -> None:
    assert split_marks(marked) == (plain, spans)


def _counts(store: Store) -> tuple[int, int]:
    with store.connect() as conn:
        documents = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
        people = conn.execute(select(func.count()).select_from(t.people)).scalar_one()
    return documents, people


@pytest.mark.parametrize(
    ("text", "query", "marked"),
    [
        (
            "The meeting heard reports on reservoirs.",
            "meeting reservoir",
            ["meeting", "reservoirs"],
        ),
        ("Meetings were held; a meeting stressed it.", "MEETING", ["Meetings", "meeting"]),
        ("Nothing here matches.", "reservoir", []),
        ("", "reservoir", []),
        (
            "Standing Committee of the Provincial Party Committee",
            "committee",
            ["Committee", "Committee"],
        ),
    ],
)
def test_snippets_mark_the_query_words(text: str, query: str, marked: list[str]) -> None:
    snippet, spans = make_snippet(text, query_pattern(query))
    assert [snippet[s:e] for s, e in spans] == marked
    assert "\n" not in snippet


def test_long_texts_get_a_window_around_the_words() -> None:
    text = "filler words here. " * 200 + "The reservoirs were inspected. " + "more text. " * 200
    snippet, spans = make_snippet(text, query_pattern("reservoir"))
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < 260
    assert [snippet[s:e] for s, e in spans] == ["reservoirs"]


@given(text=st.text(max_size=300), query=st.text(max_size=20))
def test_snippet_spans_always_point_at_matches(text: str, query: str) -> None:
    snippet, spans = make_snippet(text, query_pattern(query))
    for start, end in spans:
        assert 0 <= start < end <= len(snippet)
        assert snippet[start:end].strip() == snippet[start:end]
