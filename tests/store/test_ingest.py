"""Ingest on both backends: rows per record, idempotence, copies, second reports, search."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import counts, person_ids, write
from sqlalchemy import select
from texts import executive_meeting, not_a_readout, second_report, standing_meeting, syndicated_copy

from readouts.load import Document, LoadError
from readouts.model import Record
from readouts.store import Store
from readouts.store import schema as t
from readouts.store.fts import fts5_phrases
from readouts.store.ingest import ingest_documents, ingest_paths


def test_a_readout_becomes_rows_with_evidence(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", standing_meeting())
    summary = ingest_paths(store, [path])
    assert (summary.new, summary.failed, summary.meetings) == (1, 0, 1)
    with store.begin() as conn:
        doc = conn.execute(select(t.documents)).mappings().one()
        record = Record.model_validate_json(doc["record_json"])
        meeting = conn.execute(select(t.meetings)).mappings().one()
        names = conn.execute(
            select(t.participations.c.name, t.participations.c.presided).order_by(
                t.participations.c.position
            )
        ).all()
        source = conn.execute(select(t.sources)).mappings().one()
    assert record.doc_id == doc["doc_id"] and record.text is None
    start, end = record.meetings[0].participants[0].mentions[0]
    assert doc["text"][start:end] == "Xia Peiran"
    assert (meeting["date"], meeting["meeting_type"], meeting["jurisdiction"]) == (
        "2023-05-10",
        "standing_committee_meeting",
        "Hunan",
    )
    assert names == [("Xia Peiran", True), ("Wu Jinglan", False)]
    assert (source["relation"], source["source"], source["format"]) == (
        "original",
        str(path),
        "txt",
    )


def test_ingesting_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", standing_meeting())
    write(tmp_path, "b.txt", executive_meeting("Sichuan", "Wang Yu", "Governor", 2, "Deng Ke"))
    write(tmp_path, "c.txt", not_a_readout())
    first = ingest_paths(store, [tmp_path])
    before = counts(store)
    again = ingest_paths(store, [tmp_path])
    assert (first.new, again.new, again.unchanged) == (3, 0, 3)
    assert counts(store) == before


def test_the_same_text_elsewhere_is_another_source(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", standing_meeting())
    write(tmp_path, "mirror/a.txt", standing_meeting())
    summary = ingest_paths(store, [tmp_path])
    assert (summary.new, summary.exact_copies) == (1, 1)
    assert counts(store)["documents"] == 1 and counts(store)["sources"] == 2


def test_a_syndicated_copy_is_a_source_and_adds_no_meeting(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "1.txt", standing_meeting())
    ingest_paths(store, [tmp_path / "1.txt"])
    write(tmp_path, "2.txt", syndicated_copy(standing_meeting()))
    summary = ingest_paths(store, [tmp_path / "2.txt"])
    assert (summary.new, summary.near_duplicates) == (0, 1)
    with store.begin() as conn:
        copy = (
            conn.execute(select(t.sources).where(t.sources.c.relation == "near_duplicate"))
            .mappings()
            .one()
        )
        people = conn.execute(select(t.people.c.name, t.people.c.n_meetings)).all()
    assert copy["doc_id"] != copy["content_id"] and copy["similarity"] >= 0.8
    assert counts(store)["meetings"] == 1
    assert sorted(people) == [("Wu Jinglan", 1), ("Xia Peiran", 1)]


def test_copies_within_one_batch_are_caught(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "1.txt", standing_meeting())
    write(tmp_path, "2.txt", syndicated_copy(standing_meeting()))
    summary = ingest_paths(store, [tmp_path])
    assert (summary.new, summary.near_duplicates) == (1, 1)


def test_similar_texts_of_different_meetings_are_not_copies(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "10.txt", standing_meeting(day=10))
    write(tmp_path, "11.txt", standing_meeting(day=11))
    summary = ingest_paths(store, [tmp_path])
    assert (summary.new, summary.near_duplicates) == (2, 0)
    with store.begin() as conn:
        assert (
            conn.execute(
                select(t.people.c.n_meetings).where(t.people.c.name == "Xia Peiran")
            ).scalar()
            == 2
        )


def test_a_second_report_joins_the_meeting(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", standing_meeting())
    write(tmp_path, "b.txt", second_report())
    summary = ingest_paths(store, [tmp_path])
    assert (summary.new, summary.meetings, summary.linked) == (2, 2, 1)
    with store.begin() as conn:
        events = conn.execute(select(t.events.c.n_reports)).scalars().all()
        xia = conn.execute(select(t.people).where(t.people.c.name == "Xia Peiran")).mappings().one()
    assert events == [2]
    assert (xia["n_meetings"], xia["n_documents"]) == (1, 2)


def test_a_later_meeting_is_another_event(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, [write(tmp_path, "a.txt", standing_meeting(day=10))])
    ingest_paths(store, [write(tmp_path, "b.txt", second_report(day=20))])
    assert counts(store)["events"] == 2


def test_offices_and_occupancies_across_documents(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", standing_meeting(day=10))
    write(
        tmp_path,
        "b.txt",
        standing_meeting(day=24, topic="the schools and clinics of the hill counties"),
    )
    ingest_paths(store, [tmp_path])
    with store.begin() as conn:
        rows = conn.execute(
            select(
                t.posts.c.label,
                t.occupancies.c.first_seen,
                t.occupancies.c.last_seen,
                t.occupancies.c.n_meetings,
            )
            .select_from(t.occupancies.join(t.posts, t.posts.c.post_id == t.occupancies.c.post_id))
            .join(t.people, t.people.c.person_id == t.occupancies.c.person_id)
            .where(t.people.c.name == "Wu Jinglan")
            .order_by(t.posts.c.label)
        ).all()
    assert rows == [
        (
            "Hunan / Deputy Secretary of the Provincial Party Committee",
            "2023-05-10",
            "2023-05-24",
            2,
        ),
        ("Hunan / Governor", "2023-05-10", "2023-05-24", 2),
    ]


def test_same_name_in_different_provinces_stays_apart(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "sc.txt", executive_meeting("Sichuan", "Wang Yu", "Governor", 2, "Deng Ke"))
    write(
        tmp_path, "hn.txt", executive_meeting("Hunan", "Wang Yu", "Vice Governor", 5, "Qin Shuyi")
    )
    ingest_paths(store, [tmp_path])
    assert len(person_ids(store, "Wang Yu")) == 2


def test_bodies_are_one_per_jurisdiction_and_canonical_name(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", standing_meeting(day=10))
    write(tmp_path, "b.txt", second_report(day=20))  # "Standing Committee of the Hunan ..."
    ingest_paths(store, [tmp_path])
    with store.begin() as conn:
        bodies = conn.execute(select(t.bodies.c.label, t.bodies.c.n_meetings)).all()
    assert bodies == [("Hunan / Standing Committee of the Provincial Party Committee", 2)]


def test_bad_inputs_are_reported_and_the_rest_stored(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", standing_meeting())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    errors: list[LoadError] = []
    summary = ingest_paths(store, [tmp_path], on_error=errors.append)
    assert (summary.new, summary.failed) == (1, 2)
    assert sorted(Path(e.source).name for e in errors) == ["binary.txt", "empty.txt"]


def _search(store: Store, words: str) -> list[str]:
    with store.begin() as conn:
        if store.dialect == "sqlite":
            sql = (
                "SELECT d.title FROM documents_fts JOIN documents d "
                "ON d.id = documents_fts.rowid WHERE documents_fts MATCH ?"
            )
            return list(conn.exec_driver_sql(sql, (fts5_phrases(words),)).scalars())
        sql = "SELECT title FROM documents WHERE search @@ plainto_tsquery('english', %s)"
        return list(conn.exec_driver_sql(sql, (words,)).scalars())


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("granaries", 1),
        ("GRANARY villages", 1),  # stemmed, any case
        ("granaries azaleas", 0),  # all words must be there
        ('granaries" OR "azaleas', 0),  # FTS syntax is text
        ("granaries'; DROP TABLE documents; --", 0),  # and so is SQL
        ("NEAR(granaries village) *", 0),
    ],
)
def test_full_text_index_follows_documents(
    store: Store, tmp_path: Path, query: str, found: int
) -> None:
    write(tmp_path, "a.txt", standing_meeting())
    write(tmp_path, "b.txt", not_a_readout())
    ingest_paths(store, [tmp_path])
    assert len(_search(store, query)) == found
    assert counts(store)["documents"] == 2


def test_phrases_quote_every_word() -> None:
    assert fts5_phrases('a "b" c*') == '"a" "b" "c"'
    assert fts5_phrases("--; ()") is None


PARAGRAPH = (
    "On the morning of May 10, 2023, Xia Peiran, Secretary of the Provincial Party Committee, "
    "presided over a meeting of the Standing Committee of the Hunan Provincial Party Committee. "
    "Wu Jinglan attended the meeting."
)


def test_jsonl_metadata_fills_what_the_text_lacks(store: Store, tmp_path: Path) -> None:
    line = {
        "text": PARAGRAPH,
        "url": "https://x.example/1",
        "title": "Leaders meet",
        "published": "2023-05-11",
    }
    write(tmp_path, "c.jsonl", json.dumps(line) + "\n")
    assert ingest_paths(store, [tmp_path]).new == 1
    with store.begin() as conn:
        doc = conn.execute(select(t.documents)).mappings().one()
        source = conn.execute(select(t.sources)).mappings().one()
    record = Record.model_validate_json(doc["record_json"])
    assert (doc["title"], doc["published"], record.title) == (
        "Leaders meet",
        "2023-05-11",
        "Leaders meet",
    )
    assert (source["source"], source["url"], source["format"]) == ("https://x.example/1",) * 2 + (
        "jsonl",
    )


def test_a_line_no_database_can_store_fails_alone(store: Store, tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": standing_meeting(day=10)}),
        json.dumps({"text": "NUL \u0000 inside"}),
        json.dumps({"text": standing_meeting(day=11)}),
    ]
    write(tmp_path, "c.jsonl", "\n".join(lines) + "\n")
    errors: list[LoadError] = []
    summary = ingest_paths(store, [tmp_path], on_error=errors.append)
    assert (summary.new, summary.failed) == (2, 1)
    assert [e.source for e in errors] == [f"{tmp_path / 'c.jsonl'}:2"]


def test_html_spans_point_into_the_stored_article_text(store: Store, tmp_path: Path) -> None:
    page = (
        "<html><head><title>Leaders meet</title></head>"
        f"<body><article><p>{PARAGRAPH}</p></article></body></html>"
    )
    write(tmp_path, "p.html", page)
    assert ingest_paths(store, [tmp_path]).new == 1
    with store.begin() as conn:
        doc = conn.execute(select(t.documents)).mappings().one()
    record = Record.model_validate_json(doc["record_json"])
    assert doc["text"] == PARAGRAPH and doc["title"] == "Leaders meet"
    for person in record.meetings[0].participants:
        assert all(doc["text"][s:e] == person.name for s, e in person.mentions)


def test_a_file_name_that_is_not_utf8_is_stored_and_reingested(
    store: Store, tmp_path: Path
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 file name: not UTF-8
    (tmp_path / name).write_text(standing_meeting(), encoding="utf-8")
    assert ingest_paths(store, [tmp_path]).new == 1
    again = ingest_paths(store, [tmp_path])
    assert (again.new, again.unchanged, again.failed) == (0, 1, 0)
    with store.begin() as conn:
        assert conn.execute(select(t.sources.c.source)).scalar_one().endswith("caf\ufffd.txt")


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (Document("api:1", "text with \x00 inside"), "the text contains a NUL character"),
        (Document("api:2", standing_meeting(), title="\ud800"), "the title contains an unpaired"),
    ],
)
def test_documents_no_database_can_store_fail_alone(
    store: Store, document: Document, problem: str
) -> None:
    errors: list[LoadError] = []
    summary = ingest_documents(
        store, [document, Document("api:3", standing_meeting())], on_error=errors.append
    )
    assert (summary.new, summary.failed) == (1, 1)
    assert errors[0].source == document.source and problem in errors[0].problem
