"""Dates, the year a text is in, and meeting-type cues: small written cases for each rule."""

from __future__ import annotations

import pytest

from readouts import extract
from readouts.extract.en.dates import find_dates, seasonal_year, spoken_years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held from October 26 to 29, 2020 in the city", (2020, 10, 26)),
        ("a visit on 10-11 June 2021 to the county", (2021, 6, 10)),
        ("from September 29 to October 1, the congress", (None, 9, 29)),
        ("Viet Nam21/03/2025 On the afternoon", (2025, 3, 21)),
        ("On July 10, the committee", (None, 7, 10)),
        ("the 5th of May", (None, 5, 5)),
    ],
)
def test_date_expressions(text: str, expected: tuple[int | None, int, int]) -> None:
    hit = find_dates(text)[0]
    assert (hit.year, hit.month, hit.day) == expected


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("summarized the work in 2023 and tasks for 2024", (2023,)),
        ("Comrade Lu Anping was born in 1966 in the county", ()),
        ("the first quarter of 2021 and the 2021-2026 term", (2021,)),
        ("targets for 2025-2030 and the vision to 2045", ()),
    ],
)
def test_spoken_years(text: str, years: tuple[int, ...]) -> None:
    assert spoken_years(text) == years


@pytest.mark.parametrize(
    ("month", "years", "expected"),
    [
        (12, (2024, 2025), 2024),  # year-end: results this year, tasks next year
        (2, (2023,), 2024),  # new year: reviewing last year
        (2, (2023, 2024), 2024),
        (6, (2021,), 2021),
        (None, (2019, 2020), 2020),
        (5, (), None),
    ],
)
def test_seasonal_year(month: int | None, years: tuple[int, ...], expected: int | None) -> None:
    assert seasonal_year(month, years) == expected


CONGRESS = (
    "On the morning of October 15, the 9th Party Congress of Lam Son province, term "
    "2025-2030, opened. Secretary Dao Van Khiem presided over the congress.\n"
)
PREPARED = (
    "On the morning of August 8, the Standing Committee of the Provincial Party Committee "
    "held a meeting on preparations for the Farmers' Association Congress for the 2023-2028 "
    "term. Secretary Dao Van Khiem presided over the meeting.\n"
)
UNDATED = (
    " date 2024-03-18 Standing Committee studies the spirit of the conference\n\n"
    "A few days ago, the Standing Committee of the Municipal Party Committee held a meeting. "
    "Secretary Lin Qiaosheng presided over the meeting.\n"
)


@pytest.mark.parametrize(
    ("text", "date"),
    [(CONGRESS, "2025-10-15"), (PREPARED, None), (UNDATED, "2024-03")],
)
def test_meeting_year_from_the_text(text: str, date: str | None) -> None:
    meeting = extract(text).meetings[0]
    assert meeting.date == date
    if date:
        assert meeting.evidence.date is not None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "On the 21st, the party group of the Standing Committee of the Provincial People's "
            "Congress held its 12th meeting. Dong Weiping, secretary of the party group, presided.",
            "party_group_meeting",
        ),
        (
            "On May 3, Zhao Minqing, Head of the National Assembly Delegation of the province, "
            "attended the meeting and talked with members of the veterans' club.",
            "working_session",
        ),
        (
            "On May 3, the Standing Committee of the Municipal Party Committee held a meeting to "
            "convey the spirit of the 20th Party Congress. Secretary Hu Lanshan presided over it.",
            "standing_committee_meeting",
        ),
    ],
)
def test_meeting_type_cues(text: str, kind: str) -> None:
    assert extract(text).meetings[0].meeting_type == kind


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [
        (
            "From March 30th to 31st, the second meeting of the Standing Committee of the 14th "
            "Provincial People's Congress was held in Hangzhou. Director Qian Ruolan presided.",
            "Zhejiang",
        ),
        (
            "On October 24, Ma Wenkui presided over the 12th Standing Committee meeting of the "
            "14th Dongshan County CPC Committee. Zhao Lin and Sun Bo attended the meeting.",
            "Dongshan",
        ),
        (
            "On May 21, the Central Military Commission Standing Committee held a conference. "
            "General Tran Van Khoa presided; Nguyen Duc Lam and Le Quang Vinh attended.",
            "Vietnam",
        ),
    ],
)
def test_jurisdiction_rules(text: str, jurisdiction: str) -> None:
    body = extract(text).meetings[0].body
    assert body is not None
    assert body.jurisdiction == jurisdiction
