"""Merged meetings with filters and pages; one meeting in full; bodies over time."""

from __future__ import annotations

import pytest

from readouts.store import Store
from readouts.store.queries import (
    MeetingFilter,
    QueryError,
    body_activity,
    find_bodies,
    get_meeting,
    list_meetings,
)
from readouts.store.queries.filters import date_upper_bound


def _dates(store: Store, **where: str) -> list[str | None]:
    page = list_meetings(store, MeetingFilter(**where))
    assert page.total == len(page.meetings)
    return [m.date for m in page.meetings]


def test_a_meeting_reported_twice_is_one_meeting_with_every_source(corpus_store: Store) -> None:
    page = list_meetings(corpus_store)
    assert page.total == 4
    assert [m.date for m in page.meetings] == [
        "2024-01-10",
        "2023-11-02",
        "2023-06-08",
        "2023-03-14",
    ]
    merged = page.meetings[-1]
    assert merged.n_reports == len(merged.reports) == 2
    assert {r.outlet for r in merged.reports} == {"Hunan Daily", "Xinhua"}
    sources = {s.source: s.relation for r in merged.reports for s in r.sources}
    assert sources == {
        "hunan-daily-0314.txt": "original",
        "xinhua-0314.txt": "original",
        "reprint-0314.txt": "near_duplicate",
    }
    assert [p.name for p in merged.presiders] == ["Qiao Mingyuan"]
    assert merged.n_participants == 3
    assert merged.body == "Hunan / Standing Committee of the Provincial Party Committee"


@pytest.mark.parametrize(
    ("where", "dates"),
    [
        ({"person": "Qiao Mingyuan"}, ["2023-03-14"]),
        ({"person": "qiao  MINGYUAN"}, ["2023-03-14"]),
        ({"person": "Fang Lixin"}, ["2024-01-10", "2023-06-08", "2023-03-14"]),
        ({"person": "Luu Thi Hong Yen"}, ["2023-11-02"]),
        ({"person": "Lưu Thị Hồng Yến"}, ["2023-11-02"]),
        ({"person": "Nobody"}, []),
        ({"jurisdiction": "hunan"}, ["2024-01-10", "2023-06-08", "2023-03-14"]),
        ({"jurisdiction": "Quang Ninh"}, ["2023-11-02"]),
        ({"meeting_type": "executive_meeting"}, ["2023-11-02", "2023-06-08"]),
        ({"body": "hunan standing committee"}, ["2024-01-10", "2023-03-14"]),
        ({"body": "People's Committee"}, ["2023-11-02"]),
        ({"date_from": "2023-06", "date_to": "2023"}, ["2023-11-02", "2023-06-08"]),
        ({"date_from": "2023-06-08", "date_to": "2023-06-08"}, ["2023-06-08"]),
        ({"date_to": "2023-03"}, ["2023-03-14"]),
        ({"date_from": "2024"}, ["2024-01-10"]),
        (
            {
                "person": "Dou Hanqing",
                "meeting_type": "standing_committee_meeting",
                "date_from": "2024",
            },
            ["2024-01-10"],
        ),
    ],
)
def test_filters(corpus_store: Store, where: dict[str, str], dates: list[str]) -> None:
    assert _dates(corpus_store, **where) == dates


@pytest.mark.parametrize(
    "value", ["'; DROP TABLE events; --", "%", "_", "\\", '" OR 1=1 --', "\x00"]
)
@pytest.mark.parametrize("field", ["person", "body", "jurisdiction"])
def test_filter_text_is_data(corpus_store: Store, field: str, value: str) -> None:
    assert _dates(corpus_store, **{field: value}) == []
    assert list_meetings(corpus_store).total == 4


@pytest.mark.parametrize(
    "where",
    [
        {"meeting_type": "standing committee"},
        {"date_from": "2023-13"},
        {"date_to": "March 2023"},
        {"date_from": "2023-02-30"},
        {"date_to": "23"},
    ],
)
def test_bad_filters_are_refused_with_a_sentence(
    corpus_store: Store, where: dict[str, str]
) -> None:
    with pytest.raises(QueryError) as caught:
        list_meetings(corpus_store, MeetingFilter(**where))
    assert "\n" not in str(caught.value)


def test_pages_have_a_total(corpus_store: Store) -> None:
    first = list_meetings(corpus_store, limit=3)
    second = list_meetings(corpus_store, limit=3, offset=3)
    assert (first.total, second.total) == (4, 4)
    assert len(first.meetings) == 3 and len(second.meetings) == 1
    assert second.meetings[0].event_id not in {m.event_id for m in first.meetings}


def test_one_meeting_in_full_merges_its_reports(corpus_store: Store) -> None:
    merged = list_meetings(corpus_store, MeetingFilter(date_to="2023-03")).meetings[0]
    detail = get_meeting(corpus_store, merged.event_id)
    assert detail is not None
    people = {p.name: p for p in detail.participants}
    assert set(people) == {"Qiao Mingyuan", "Fang Lixin", "Dou Hanqing"}
    assert people["Qiao Mingyuan"].roles == ["presided"]
    assert people["Fang Lixin"].roles == ["reported"]
    assert "Governor" in people["Fang Lixin"].titles
    formulations = {i.text for i in detail.items if i.kind == "formulation"}
    assert formulations == {"two establishments"}
    assert get_meeting(corpus_store, "evt_missing") is None


def test_bodies_and_their_meetings_over_time(corpus_store: Store) -> None:
    (body,) = find_bodies(corpus_store, "Hunan Standing")
    assert body.n_meetings == 2
    activity = body_activity(corpus_store, body.body_id)
    assert activity is not None
    assert [(p.period, p.n_meetings) for p in activity.periods] == [("2023", 1), ("2024", 1)]
    monthly = body_activity(corpus_store, body.body_id, by="month")
    assert monthly is not None
    assert [p.period for p in monthly.periods] == ["2023-03", "2024-01"]
    assert body_activity(corpus_store, "body_missing") is None
    assert find_bodies(corpus_store, "Politburo") == []


@pytest.mark.parametrize(
    ("prefix", "bound"),
    [
        ("2023", "2024"),
        ("2023-05", "2023-06"),
        ("2023-12", "2024-01"),
        ("2023-05-31", "2023-06-01"),
        ("2024-02-28", "2024-02-29"),
        ("2023-12-31", "2024-01-01"),
    ],
)
def test_date_upper_bound(prefix: str, bound: str) -> None:
    assert date_upper_bound(prefix) == bound
