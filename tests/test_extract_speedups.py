"""Speed-ups that must not change what is found: each fast form against the plain one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readouts.extract.en import dates
from readouts.extract.en.caseless import CaselessPattern

_DATE_WORDS = (
    "on the morning of the 19th , 7 January 2024 Feb. 6 2023-01-19 21/03/2025 Viet Nam21/03/2025 "
    "September 29 to October 1 Friday yesterday today the day before yesterday 26 to 29 of "
    "June July Sept. 3rd 1st 22nd evening afternoon in at"
).split()


@given(st.lists(st.sampled_from(_DATE_WORDS + [" ", ",", ".", "\n", "x"]), max_size=30))
def test_date_guard_finds_what_the_full_pattern_finds(words: list[str]) -> None:
    text = " ".join(words)
    plain = CaselessPattern(dates._DATE_SOURCE)
    for start in (0, len(text) // 3):
        guarded = [m.span() for m in dates._DATE.finditer(text, start)]
        assert guarded == [m.span() for m in plain.finditer(text, start)]
