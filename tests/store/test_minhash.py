"""MinHash signatures: fixed across runs and machines, close for copies, far for others."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from texts import executive_meeting, standing_meeting, syndicated_copy

from readouts.store.minhash import (
    BANDS,
    NEAR_DUPLICATE_THRESHOLD,
    band_buckets,
    from_bytes,
    signature,
    similarity,
    to_bytes,
)

TEXT = standing_meeting()


def test_a_copy_is_above_the_threshold_and_another_text_far_below() -> None:
    sig = signature(TEXT)
    copy = signature(syndicated_copy(TEXT))
    other = signature(executive_meeting("Sichuan", "Wang Yu", "Governor", 2, "Deng Ke"))
    assert sig is not None and copy is not None and other is not None
    assert similarity(sig, copy) >= NEAR_DUPLICATE_THRESHOLD
    assert similarity(sig, other) < 0.2


def test_signatures_are_the_same_in_another_process() -> None:
    """The hash family is seeded: a store filled today must match copies ingested later."""
    code = (
        "import sys; from readouts.store.minhash import signature, band_buckets; "
        "print(band_buckets(signature(sys.stdin.read())))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=TEXT, capture_output=True, text=True, check=True
    ).stdout
    sig = signature(TEXT)
    assert sig is not None and out.strip() == str(band_buckets(sig))


def test_too_short_texts_have_no_signature() -> None:
    assert signature("Wang Yu attended.") is None


@settings(max_examples=50)
@given(st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=6), min_size=20, max_size=200))
def test_signature_round_trips_and_equals_itself(words: list[str]) -> None:
    sig = signature(" ".join(words))
    if sig is None:  # fewer than the minimum distinct shingles
        return
    assert similarity(sig, from_bytes(to_bytes(sig))) == 1.0
    assert len(band_buckets(sig)) == BANDS
