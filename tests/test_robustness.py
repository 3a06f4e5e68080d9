"""The extractor on hostile input: it must finish, and every span it emits must be in bounds.

The 1 MB inputs target the usual ways a regex-and-lexicon extractor goes quadratic or worse
(long lists, runs of capitalised words, repeated title heads, no sentence end).  They run in a
subprocess under a generous timeout: a hang detector, not a speed test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import readouts
from readouts.errors import ReadoutsError
from readouts.model import Record

MB = 1_000_000
HANG_TIMEOUT_SECONDS = 60

# Python expressions (evaluated in the child) for ~1 MB adversarial texts.
ADVERSARIAL = {
    "comma-list": '"A, " * (MB // 3)',
    "capitalised-run": '"Zhang Wang Li Chen Liu Yang Huang Zhao Wu Zhou Qiao Fang " * (MB // 60)',
    "title-recursion": '"Secretary of the " * (MB // 17) + "Provincial Party Committee"',
    "commas-only": '"," * MB',
    "no-period": (
        '("On the morning of the 6th Zhang Wei Secretary of the Provincial Party Committee '
        'presided over and attended and spoke at the meeting of the Standing Committee and " '
        "* (MB // 150))"
    ),
    "dash-lists": (
        '"Attending were comrades: " + "Nguyen Van An - Secretary, Deputy Head; " * (MB // 42)'
    ),
    "brackets-quotes": '"(\\u201c[\\"" * (MB // 4) + "Li Ming presided."',
    "newlines": '"\\n\\r\\n \\t" * (MB // 5) + "Governor Li Ming attended."',
}

CHILD = textwrap.dedent(
    """
    import json, sys
    import readouts
    MB = 1_000_000
    text = eval(sys.argv[1])
    record = readouts.extract(text, source="adversarial", lang="en")
    print(json.dumps({"chars": len(text), "meetings": len(record.meetings)}))
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("expression", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_megabyte_finishes(expression: str) -> None:
    try:
        result = subprocess.run(
            [sys.executable, "-c", CHILD, expression],
            capture_output=True,
            text=True,
            timeout=HANG_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"extract did not finish within {HANG_TIMEOUT_SECONDS} s (a hang?)")
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout)["chars"] >= MB * 0.9


def spans_in(data: Any, key: str = "") -> list[tuple[str, tuple[int, int]]]:
    """Every (kind, span) in a dumped record: ``span``/``rank_span``/``mentions``/``evidence``."""
    found: list[tuple[str, tuple[int, int]]] = []
    if isinstance(data, dict):
        for name, value in data.items():
            if value is None:
                continue
            if name in ("span", "rank_span"):
                found.append((name, (value[0], value[1])))
            elif name == "mentions":
                found.extend(("mention", (span[0], span[1])) for span in value)
            elif name == "evidence" and all(not isinstance(v, dict) for v in value.values()):
                found.extend(("evidence", (v[0], v[1])) for v in value.values() if v is not None)
            else:
                found.extend(spans_in(value, name))
    elif isinstance(data, list):
        for item in data:
            found.extend(spans_in(item, key))
    return found


def check_record(record: Record, text: str) -> None:
    assert isinstance(record, Record)
    Record.model_validate_json(record.model_dump_json())  # round-trips through JSON
    for kind, (start, end) in spans_in(record.model_dump()):
        assert 0 <= start <= end <= len(text), (kind, start, end, len(text))
        if kind == "mention":
            assert text[start:end].strip(), (start, end)
    for meeting in record.meetings:
        for participant in meeting.participants:
            assert participant.name.strip()


FRAGMENTS = [
    "On the morning of the 6th, ",
    "On July 10, 2023, ",
    " date 2023-01-19 ",
    "Hunan Daily, ",
    "January 6th (reporter Lin Qiao) ",
    "(Baonghean.vn) - ",
    "Zhang Wei",
    "Qiao Mingyuan",
    "Nguyễn Văn An",
    "Ta Quang Vinh",
    ", Secretary of the Provincial Party Committee, ",
    "presided over the meeting",
    " and ",
    " attended",
    "Attending were comrades: ",
    " - ",
    "; ",
    "Lieutenant General ",
    "the 7th Plenary Session of the 12th ",
    "the 31st executive ",
    "meeting",
    "It is necessary to ",
    '"two establishments"',
    "“",
    "”",
    ". ",
    "\n",
    "\r\n",
    "Comrade ",
    "Governor ",
    "Vice Governors A, B and C",
    "会议",
    "\u0301",
    "\ufeff",
    "",
]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, lang=st.sampled_from([None, "en"]))
def test_extract_never_raises_unexpectedly_and_spans_are_in_bounds(
    text: str, lang: str | None
) -> None:
    try:
        record = readouts.extract(text, source="hypothesis", lang=lang)
    except ReadoutsError:
        return  # a coded error (e.g. an unsupported language) is an expected outcome
    check_record(record, text)
