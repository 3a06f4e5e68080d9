"""Chart geometry: months filled in, bars stacked to scale, series beyond the palette grouped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.web.charts import MAX_SERIES, OTHER, day_number, months_between, stacked_bars


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2023-01", "2023-01", ["2023-01"]),
        ("2023-11", "2024-02", ["2023-11", "2023-12", "2024-01", "2024-02"]),
        ("2024-02", "2023-01", []),
    ],
)
def test_months_between(first: str, last: str, expected: list[str]) -> None:
    assert months_between(first, last) == expected


def test_quiet_months_are_gaps_not_missing() -> None:
    chart = stacked_bars([("2023-01", "Hunan", 2), ("2023-04", "Hunan", 1)])
    assert chart.periods == ["2023-01", "2023-02", "2023-03", "2023-04"]
    assert len(chart.bars) == 2
    assert chart.total == 3


def test_stacks_share_a_baseline_and_scale() -> None:
    chart = stacked_bars([("2023-01", "Hunan", 3), ("2023-01", "Hubei", 1)])
    low, high = sorted(chart.bars, key=lambda bar: -bar.y)
    assert low.y + low.height == pytest.approx(chart.baseline)
    assert high.y + high.height == pytest.approx(low.y)
    assert low.height == pytest.approx(3 * high.height)
    assert {name for _, name in chart.series} == {"Hunan", "Hubei"}


def test_series_beyond_the_palette_become_other() -> None:
    rows = [("2023-01", f"Place {n}", 10 - n) for n in range(MAX_SERIES + 3)]
    chart = stacked_bars(rows)
    names = [name for _, name in chart.series]
    assert names[-1] == OTHER
    assert len(names) == MAX_SERIES + 1
    assert "Place 0" in names and "Place 9" not in names


def test_labels_carry_period_series_and_count() -> None:
    chart = stacked_bars([("2023", "<b>x</b>", 4)], monthly=False)
    assert chart.bars[0].label == "2023 · <b>x</b>: 4"  # escaped by the template, not here


def test_empty_input_gives_an_empty_chart() -> None:
    assert stacked_bars([]).bars == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["2022-12", "2023-01", "2023-05"]),
            st.sampled_from(["A", "B", "C", ""]),
            st.integers(min_value=1, max_value=500),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_bars_stay_inside_the_plot(rows: list[tuple[str, str, int]]) -> None:
    chart = stacked_bars(rows)
    assert chart.total == sum(count for _, _, count in rows)
    for bar in chart.bars:
        assert bar.y >= 0 and bar.height > 0
        assert bar.y + bar.height <= chart.baseline + 0.01
        assert bar.x >= 0 and bar.x + bar.width <= chart.width


def _general_day_number(date: str) -> int:
    """``day_number`` without its ``YYYY-MM`` shortcut: the specification of both."""
    parts = [int(part) for part in date.split("-")]
    year, month, day = (parts + [7, 15][len(parts) - 1 :])[:3]
    return year * 372 + (month - 1) * 31 + day - 1


@given(
    st.from_regex(r"\A[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?\Z")
    | st.from_regex(r"\A[0-9٠-٩]{4}-[0-9٠-٩]{2}\Z")
)
def test_day_number_shortcut_agrees_with_the_general_case(date: str) -> None:
    assert day_number(date) == _general_day_number(date)
