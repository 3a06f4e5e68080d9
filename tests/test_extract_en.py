"""Table tests for the English extractor, on short fictional sentences written for them."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import readouts
from readouts.extract.en.dates import find_dates, resolve
from readouts.extract.en.lexicon import english
from readouts.extract.en.names import find_names
from readouts.read.normalize import normalize
from readouts.read.sentences import split_sentences


def _people(text: str) -> dict[str, tuple[list[str], list[str]]]:
    record = readouts.extract(text)
    assert record.meetings, "no meeting found"
    return {
        p.name: (list(p.roles), [t.text for t in p.titles]) for p in record.meetings[0].participants
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Zhang Qingfeng attended.", ["Zhang Qingfeng"]),
        ("Zhang Qing-feng attended.", ["Zhang Qing-feng"]),
        ("Ouyang Mingde presided.", ["Ouyang Mingde"]),
        ("Tran Van Hoa and Trần Thị Lan attended.", ["Tran Van Hoa", "Trần Thị Lan"]),
        ("Pham Duc An and Lai The Binh attended.", ["Pham Duc An", "Lai The Binh"]),
        ("Kim Song Chol attended.", ["Kim Song Chol"]),
        ("The Provincial Party Committee met in Ha Tinh and Quang Ninh.", []),
        ("Zhang Provincial attended.", []),
        ("President Sommay Phanthavong chaired it.", ["Sommay Phanthavong"]),
    ],
)
def test_names(text: str, names: list[str]) -> None:
    assert [h.name for h in find_names(normalize(text), english())] == names


def test_reporters_are_marked() -> None:
    text = "Daily News, May 3rd (all-media reporter Liu Wenjing) On the 3rd, Gao Ming presided."
    hits = find_names(text, english())
    assert [(h.name, h.press) for h in hits] == [("Liu Wenjing", True), ("Gao Ming", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On the 3rd, Gao Mingyuan, Secretary of the Provincial Party Committee and Director "
            "of the Standing Committee of the Provincial People's Congress, presided over a "
            "meeting of the Standing Committee of the Provincial Party Committee.",
            {
                "Gao Mingyuan": (
                    ["presided"],
                    [
                        "Secretary of the Provincial Party Committee",
                        "Director of the Standing Committee of the Provincial People's Congress",
                    ],
                )
            },
        ),
        (
            "The Standing Committee held a meeting. Lu Fang, Deputy Secretary, Commander, and "
            "Sun Hai and Qiao Lin, members of the Standing Committee, attended the meeting.",
            {
                "Lu Fang": (["attended"], ["Deputy Secretary", "Commander"]),
                "Sun Hai": (["attended"], ["member of the Standing Committee"]),
                "Qiao Lin": (["attended"], ["member of the Standing Committee"]),
            },
        ),
        (
            "The conference was held. Attending and chairing the conference were Lieutenant "
            "General Dao Van Minh - Party Committee Secretary; Ngo Quang Tuan - Commander.",
            {
                "Dao Van Minh": (["presided", "attended"], ["Party Committee Secretary"]),
                "Ngo Quang Tuan": (["presided", "attended"], ["Commander"]),
            },
        ),
        (
            "Provincial Party Secretary Han Jiawei chaired the meeting and delivered a speech.",
            {"Han Jiawei": (["presided", "spoke"], ["Provincial Party Secretary"])},
        ),
        (
            "The meeting conveyed General Secretary Xi Jinping's important speech. Fu Ping "
            "presided over the meeting. He stressed that work must be done.",
            {"Fu Ping": (["presided", "spoke"], [])},
        ),
        (
            "The meeting was held on Friday, chaired by Mayor Deng Liwen. Deng Liwen said ...",
            {"Deng Liwen": (["presided", "spoke"], ["Mayor"])},
        ),
    ],
)
def test_roles_and_titles(text: str, expected: dict[str, tuple[list[str], list[str]]]) -> None:
    assert _people(text) == expected


def test_rank_is_kept_apart_from_name() -> None:
    record = readouts.extract(
        "The conference was held. Lieutenant General Vo Thanh Long attended the conference."
    )
    person = record.meetings[0].participants[0]
    assert (person.name, person.rank) == ("Vo Thanh Long", "Lieutenant General")
    assert person.rank_span is not None
    s, e = person.rank_span
    assert record.model_dump()["meetings"][0]["participants"][0]["rank"] == "Lieutenant General"
    assert e - s == len("Lieutenant General")


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("On the afternoon of the 19th, ", dt.date(2023, 1, 19), "2023-01-19"),
        ("on the 30th, ", dt.date(2023, 9, 2), "2023-08-30"),
        ("On July 10, ", dt.date(2023, 7, 12), "2023-07-10"),
        ("on December 30, ", dt.date(2024, 1, 2), "2023-12-30"),
        ("on October 4, 2019 ", None, "2019-10-04"),
        ("7 January ", dt.date(2021, 1, 9), "2021-01-07"),
        ("on Friday ", dt.date(2026, 2, 6), "2026-02-06"),
        ("on Wednesday ", dt.date(2025, 3, 13), "2025-03-12"),
        ("yesterday ", dt.date(2022, 5, 2), "2022-05-01"),
        ("On July 10, ", None, None),
        ("16/10/2025 ", None, "2025-10-16"),
        ("09/20/2024 ", None, "2024-09-20"),
    ],
)
def test_dates(phrase: str, reference: dt.date | None, expected: str | None) -> None:
    hits = find_dates(phrase)
    assert hits
    assert resolve(hits[0], reference, None) == expected


def test_ordinal_session_is_not_a_day() -> None:
    assert find_dates("the 15th Plenary Session of the 14th Committee") == []


def test_meeting_fields() -> None:
    text = (
        " date 2024-03-06 Provincial meeting\n\nHunan Daily, March 6th (reporter Mo Wen) On the "
        "morning of the 6th, Gao Mingyuan presided over the 7th Plenary Session of the 12th "
        "Hunan Provincial Party Committee. The meeting emphasized that it is necessary to "
        'uphold the "two establishments".'
    )
    record = readouts.extract(text)
    assert record.is_readout and record.published == "2024-03-06"
    m = record.meetings[0]
    assert (m.date, m.time_of_day, m.meeting_type) == ("2024-03-06", "morning", "plenary_session")
    assert m.session is not None and (m.session.number, m.session.term) == (7, 12)
    assert m.body is not None and m.body.jurisdiction == "Hunan" and m.body.country == "CN"
    assert [f.text for f in m.formulations] == ["two establishments"]
    assert m.directives


def test_not_a_readout() -> None:
    record = readouts.extract("Rain is expected across the province this weekend.")
    assert not record.is_readout and record.meetings == []


@given(st.text(max_size=300))
def test_normalize_keeps_offsets(text: str) -> None:
    assert len(normalize(text)) == len(text)


@given(st.text(alphabet=st.sampled_from("Ab. \n,?!\"'"), max_size=200))
def test_sentences_are_ordered_and_inside_text(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@given(st.text(max_size=400))
def test_spans_point_into_text(text: str) -> None:
    record = readouts.extract(text, lang="en")
    for m in record.meetings:
        assert 0 <= m.span[0] <= m.span[1] <= len(text)
        for p in m.participants:
            for s, e in p.mentions:
                assert text[s:e] == p.name
            for t in p.titles:
                assert 0 <= t.span[0] < t.span[1] <= len(text)


def test_two_meetings_in_one_document() -> None:
    text = (
        " date 2024-05-08 Two meetings\n\nOn the morning of the 7th, Bai Lianfeng presided over a "
        "meeting of the Standing Committee of the Municipal Party Committee. Ge Hong attended.\n"
        "On the afternoon of the same day, Ge Hong presided over the 12th executive meeting of "
        "the municipal government. The meeting was told again in the evening news."
    )
    meetings = readouts.extract(text).meetings
    assert [(m.date, m.time_of_day, m.meeting_type) for m in meetings] == [
        ("2024-05-07", "morning", "standing_committee_meeting"),
        ("2024-05-07", "afternoon", "executive_meeting"),
    ]
    assert [[(p.name, p.roles) for p in m.participants] for m in meetings] == [
        [("Bai Lianfeng", ["presided"]), ("Ge Hong", ["attended"])],
        [("Ge Hong", ["presided"])],
    ]


def test_directives_belong_to_their_meeting() -> None:
    text = (
        "On the morning of March 3, 2024, Bai Lianfeng presided over a meeting of the Standing "
        "Committee. The meeting stressed that we must protect farmland.\n"
        "On the afternoon of the same day, Ge Hong presided over the 12th executive meeting. "
        "The meeting emphasized that it is necessary to repair the dams."
    )
    meetings = readouts.extract(text).meetings
    assert [[d.text for d in m.directives] for m in meetings] == [
        ["The meeting stressed that we must protect farmland."],
        ["The meeting emphasized that it is necessary to repair the dams."],
    ]
