"""People (finding, timeline, co-attendees), corpus stats and formulation counts."""

from __future__ import annotations

import pytest

from readouts.store import Store
from readouts.store.queries import (
    QueryError,
    corpus_stats,
    find_people,
    formulation_counts,
    person_timeline,
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Fang Lixin", ["Fang Lixin"]),
        ("fang lixin", ["Fang Lixin"]),
        ("Lixin", ["Fang Lixin"]),
        ("Luu Thi Hong Yen", ["Lưu Thị Hồng Yến"]),
        ("Nobody Atall", []),
        ("", []),
        ("%", []),
    ],
)
def test_find_people(corpus_store: Store, text: str, names: list[str]) -> None:
    assert [p.name for p in find_people(corpus_store, text)] == names


def test_find_by_id(corpus_store: Store) -> None:
    (person,) = find_people(corpus_store, "Dou Hanqing")
    assert [p.person_id for p in find_people(corpus_store, person.person_id)] == [person.person_id]


def test_timeline_shows_offices_changing_and_meetings_in_order(corpus_store: Store) -> None:
    (fang,) = find_people(corpus_store, "Fang Lixin")
    timeline = person_timeline(corpus_store, fang.person_id)
    assert timeline is not None
    assert timeline.person.n_meetings == 3  # the meeting reported twice counts once
    assert (timeline.person.first_seen, timeline.person.last_seen) == ("2023-03-14", "2024-01-10")
    offices = {o.title: (o.first_seen, o.last_seen) for o in timeline.offices}
    assert offices["Governor"] == ("2023-03-14", "2023-06-08")
    assert offices["Secretary of the Provincial Party Committee"] == ("2024-01-10", "2024-01-10")
    assert [m.date for m in timeline.meetings] == ["2023-03-14", "2023-06-08", "2024-01-10"]
    assert [m.roles for m in timeline.meetings] == [["reported"], ["presided"], ["presided"]]
    assert len(timeline.meetings[0].doc_ids) == 2


def test_most_frequent_co_attendees_first(corpus_store: Store) -> None:
    (fang,) = find_people(corpus_store, "Fang Lixin")
    timeline = person_timeline(corpus_store, fang.person_id, co_attendees=2)
    assert timeline is not None
    assert [(c.name, c.n_shared) for c in timeline.co_attendees] == [
        ("Dou Hanqing", 3),
        ("Qiao Mingyuan", 1),
    ]
    limited = person_timeline(corpus_store, fang.person_id, limit=1, co_attendees=0)
    assert limited is not None
    assert limited.n_meetings_shown == 1 and limited.co_attendees == []


def test_unknown_person_and_bad_limits(corpus_store: Store) -> None:
    assert person_timeline(corpus_store, "per_missing") is None
    with pytest.raises(QueryError):
        person_timeline(corpus_store, "per_missing", limit=0)
    with pytest.raises(QueryError):
        find_people(corpus_store, "Fang", limit=5000)


def test_stats_count_merged_meetings(corpus_store: Store) -> None:
    stats = corpus_stats(corpus_store)
    assert (stats.documents, stats.sources, stats.readouts) == (6, 7, 5)
    assert (stats.reports, stats.meetings) == (5, 4)
    assert stats.people == 7
    assert {c.key: c.n for c in stats.by_year} == {"2023": 3, "2024": 1}
    assert {c.key: c.n for c in stats.by_jurisdiction} == {"Hunan": 3, "Quang Ninh": 1}
    assert {c.key: c.n for c in stats.by_type} == {
        "standing_committee_meeting": 2,
        "executive_meeting": 2,
    }
    assert {c.key: c.n for c in stats.top_formulations} == {
        "two establishments": 2,
        "high-quality development": 1,
    }


def test_formulations_by_month_and_jurisdiction(corpus_store: Store) -> None:
    rows = formulation_counts(corpus_store, by="month", by_jurisdiction=True)
    assert [(r.formulation, r.period, r.jurisdiction, r.n_meetings) for r in rows] == [
        ("high-quality development", "2023-06", "Hunan", 1),
        ("two establishments", "2023-03", "Hunan", 1),
        ("two establishments", "2024-01", "Hunan", 1),
    ]
    yearly = formulation_counts(corpus_store, formulation="Two Establishments", by="year")
    assert [(r.period, r.n_meetings) for r in yearly] == [("2023", 1), ("2024", 1)]
    assert formulation_counts(corpus_store, jurisdiction="Quang Ninh") == []
    assert len(formulation_counts(corpus_store, date_from="2024")) == 1
    with pytest.raises(QueryError):
        formulation_counts(corpus_store, date_to="soon")
