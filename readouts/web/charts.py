"""Stacked bar charts as geometry for an inline SVG drawn on the server.

The formulations and body pages chart counts over months.  Drawing on the server keeps the
pages free of chart libraries and of any network fetch, works with scripts disabled, and lets
the template escape every label like any other text.  This module only computes numbers
(rectangles, ticks, series); ``_chart.html`` writes them out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

#: Series drawn in their own colour; the rest are summed into one grey "other" series.
MAX_SERIES = 7
OTHER = "other"

WIDTH, HEIGHT = 900, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 12, 36


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int
    label: str


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    series: list[tuple[int, str]]
    periods: list[str]
    total: int

    @property
    def baseline(self) -> float:
        return float(self.height - BOTTOM)


def months_between(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last`` inclusive, so quiet months show as gaps."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def stacked_bars(counts: Iterable[tuple[str, str, int]], monthly: bool = True) -> Chart:
    """A chart of ``(period, series, count)`` rows: one bar per period, stacked by series.

    Periods are ``YYYY-MM`` (``monthly``, gaps filled) or any sortable label (years).
    """
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals: dict[str, int] = defaultdict(int)
    for period, name, count in counts:
        table[period][name or "unknown"] += count
        totals[name or "unknown"] += count
    if not table:
        return Chart(WIDTH, HEIGHT, [], [], [], [], [], 0)
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    kept = ranked[:MAX_SERIES]
    index = {name: number for number, name in enumerate(kept)}
    series = [(number, name) for name, number in index.items()]
    if len(ranked) > len(kept):
        series.append((MAX_SERIES, OTHER))
    known = sorted(table)
    periods = months_between(known[0], known[-1]) if monthly else known
    return _layout(periods, table, index, series, sum(totals.values()))


def _layout(
    periods: list[str],
    table: dict[str, dict[str, int]],
    index: dict[str, int],
    series: list[tuple[int, str]],
    total: int,
) -> Chart:
    stacks = [_stack(table.get(period, {}), index) for period in periods]
    peak = max((sum(stack.values()) for stack in stacks), default=0) or 1
    top = _nice_ceiling(peak)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(periods)
    bar_w = max(1.0, slot * 0.8)
    names = dict(series)
    bars = []
    for number, (period, stack) in enumerate(zip(periods, stacks, strict=True)):
        x, base = LEFT + number * slot + (slot - bar_w) / 2, float(TOP + plot_h)
        for colour, count in sorted(stack.items()):
            height = plot_h * count / top
            base -= height
            label = f"{period} · {names[colour]}: {count}"
            geometry = (round(x, 2), round(base, 2), round(bar_w, 2), round(height, 2))
            bars.append(Bar(*geometry, colour, label))
    x_ticks = [
        Tick(round(LEFT + number * slot + slot / 2, 2), period)
        for number, period in enumerate(periods)
        if _labelled(number, period, len(periods))
    ]
    y_ticks = [
        Tick(round(TOP + plot_h - plot_h * value / top, 2), str(value))
        for value in (0, top // 2, top)
    ]
    return Chart(WIDTH, HEIGHT, bars, x_ticks, y_ticks, series, periods, total)


def _stack(row: dict[str, int], index: dict[str, int]) -> dict[int, int]:
    """Counts by series colour, with series beyond :data:`MAX_SERIES` summed as "other"."""
    stack: dict[int, int] = defaultdict(int)
    for name, count in row.items():
        stack[index.get(name, MAX_SERIES)] += count
    return dict(stack)


def _labelled(number: int, period: str, count: int) -> bool:
    """Label every bar when there are few, else only each January (or every nth year)."""
    if count <= 16:
        return True
    if len(period) == 7:
        return period.endswith("-01") or number == 0
    return number % max(1, count // 12) == 0


def _nice_ceiling(value: int) -> int:
    """The smallest of 2, 4, 6, 8, 10 x 10^k that is at least ``value``: round, and even so
    that the middle tick is a whole number."""
    magnitude = 1
    while True:
        for step in (2, 4, 6, 8, 10):
            if step * magnitude >= value:
                return step * magnitude
        magnitude *= 10
