"""Meeting-level rules of the English extractor (is a meeting reported, its date, type, body,
jurisdiction): short fictional cases written for each rule."""

from __future__ import annotations

import pytest

from readouts import extract
from readouts.extract.en.dates import spoken_years


@pytest.mark.parametrize(
    "text",
    [
        "The Information Office held a press conference on Friday in Lamcheng on the economy of "
        "the province. Speakers: Gao Mingyuan, governor of the province.\n",
        "The provincial People's Committee has organised many investment promotion meetings "
        "abroad, said Chairman Dao Van Khiem in an interview.\n",
        "On May 4, Gao Mingyuan visited two cities. He stressed the need to carry out the plans "
        "of the work conference of the Provincial Party Committee.\n",
    ],
)
def test_not_a_readout(text: str) -> None:
    assert not extract(text).is_readout


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "On January 9, Gao Mingyuan, Secretary of the Provincial Party Committee, had a group "
            "talk with the new leadership of the Provincial People's Congress.\n",
            "working_session",
        ),
    ],
)
def test_meeting_found_and_typed(text: str, kind: str) -> None:
    record = extract(text)
    assert record.is_readout
    assert record.meetings[0].meeting_type == kind


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("In 2023, the province grew. Work in 2024 goes on.", (2023, 2024)),
        ("Born in 1961, he joined the Party.", ()),
    ],
)
def test_years_at_a_sentence_start(text: str, years: tuple[int, ...]) -> None:
    assert spoken_years(text) == years
