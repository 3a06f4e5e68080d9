"""Normalization replaces look-alikes one for one, whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readouts.read.normalize import _ONE_FOR_ONE, normalize

_TABLE = {ord(a): b for a, b in _ONE_FOR_ONE.items()}
_LOOK_ALIKES = list(_ONE_FOR_ONE) + list("aZ '\"-.,é")


@given(st.text(alphabet=st.sampled_from(_LOOK_ALIKES)) | st.text())
def test_same_as_one_translation_table(text: str) -> None:
    assert normalize(text) == text.translate(_TABLE)
    assert len(normalize(text)) == len(text)
