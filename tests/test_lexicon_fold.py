"""``lexicon.fold``: accents and case folded away for look-ups, ASCII words by a short cut."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.extract.en.lexicon import fold


def _general(word: str) -> str:
    """The fold every word once went through: decompose, drop the marks, lower-case."""
    decomposed = unicodedata.normalize("NFKD", word.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_short_cut_is_the_general_fold(word: str) -> None:
    assert fold(word) == _general(word)


@given(st.text())
def test_any_word_folds_as_before(word: str) -> None:
    assert fold(word) == _general(word)


@pytest.mark.parametrize(
    ("word", "folded"),
    [("Trần", "tran"), ("Đặng", "dang"), ("Zhang", "zhang"), ("Qing-wei", "qing-wei"), ("", "")],
)
def test_examples(word: str, folded: str) -> None:
    assert fold(word) == folded
