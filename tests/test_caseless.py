"""The lower-cased pattern must find exactly what the case-insensitive one finds, at the same
offsets, whatever the text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.extract.en.caseless import CaselessPattern, ascii_lower, lower_source

SOURCES = [
    r"\b(?:presided over|chaired|attended)\b",
    r"\b(?P<spoke>delivered an? (?:\w+ )?speech|said)\b",
    r"(?:\b(?:Reporter|Photo)[:\s]*|/\s*)$",
    r"\bState Council\b\S*",
]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\S+\W\B\D(?P<Name>X)", r"\S+\W\B\D(?P<Name>x)"),
        (r"Held|CONVENED", r"held|convened"),
        (r"\bState\b", r"\bstate\b"),
    ],
)
def test_lower_source_keeps_syntax(source: str, expected: str) -> None:
    assert lower_source(source) == expected


@pytest.mark.parametrize("length", [10, 600, 5000])
def test_ascii_lower_keeps_offsets(length: int) -> None:
    text = ("Trần Đại Quang PRESIDED Ä " * length)[:length]
    lowered = ascii_lower(text)
    assert len(lowered) == len(text)
    assert "Đ" in lowered or "Đ" not in text


@given(
    st.text(
        alphabet=st.sampled_from(list("presidedoverchairSAIDattendedStateCouncil /:\nÉé-")),
        max_size=80,
    ),
    st.sampled_from(SOURCES),
)
def test_same_matches_as_case_insensitive(text: str, source: str) -> None:
    ours = [(m.span(), m.lastgroup) for m in CaselessPattern(source).finditer(text)]
    reference = [(m.span(), m.lastgroup) for m in re.compile(source, re.I).finditer(text)]
    assert ours == reference


@given(st.text())
def test_ascii_lower_is_the_a_to_z_table(text: str) -> None:
    """The fast paths (ASCII, UTF-8 bytes) agree with the plain table on any text, surrogates
    and all."""
    table = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
    assert ascii_lower(text) == text.translate(table)
    assert ascii_lower(text * 40) == (text * 40).translate(table)
