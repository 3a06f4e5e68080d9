"""Stacked bar charts as geometry for an inline SVG drawn on the server.

The formulations and body pages chart counts over months.  Drawing on the server keeps the
pages free of chart libraries and of any network fetch, works with scripts disabled, and lets
the template escape every label like any other text.  This module only computes numbers
(rectangles, ticks, series); ``_chart.html`` writes them out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
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
            top_y = base - plot_h * count / top
            y = round(top_y, 2)  # rounded edges, so stacked bars meet exactly
            label = f"{period} · {names[colour]}: {count}"
            bars.append(
                Bar(round(x, 2), y, round(bar_w, 2), round(round(base, 2) - y, 2), colour, label)
            )
            base = top_y
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


@dataclass(frozen=True)
class Lane:
    """One office on a person's timeline: a bar from first to last seen."""

    label: str
    href: str
    y: float
    x: float
    width: float
    text: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    lanes: list[Lane]
    ticks: list[Tick]
    dots: list[Tick]  # meetings: position on the axis, label
    axis_y: float


_LANE_H, _LABEL_W = 22, 330


def day_number(date: str | None) -> int | None:
    """Days since year 0 for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (partial dates at the
    middle of their period); None for no date."""
    if not date:
        return None
    if len(date) == 7 and date[4] == "-" and date[:4].isdecimal() and date[5:].isdecimal():
        # ``YYYY-MM``, a person page's hundred month dots: the general case below, unrolled.
        return int(date[:4]) * 372 + (int(date[5:]) - 1) * 31 + 14
    parts = [int(part) for part in date.split("-")]
    year, month, day = (
        parts[0],
        parts[1] if len(parts) > 1 else 7,
        parts[2] if len(parts) > 2 else 15,
    )
    return year * 372 + (month - 1) * 31 + day - 1


def office_timeline(
    offices: Sequence[tuple[str, str, str | None, str | None]],
    meetings: Sequence[tuple[str | None, str]],
) -> Timeline | None:
    """Lanes for ``(label, href, first_seen, last_seen)`` offices over a shared date axis, and
    a dot per ``(date, label)`` meeting; None when nothing is dated."""
    days = [(day, label) for date, label in meetings if (day := day_number(date)) is not None]
    dates = [day_number(d) for _, _, first, last in offices for d in (first, last)]
    known = [d for d in dates if d is not None] + [day for day, _ in days]
    if not known:
        return None
    low, high = min(known), max(known)
    low, high = (low - 186, high + 186) if high - low < 372 else (low, high)
    plot_left, plot_right = _LABEL_W, WIDTH - RIGHT
    scale = (plot_right - plot_left) / (high - low)

    def x_of(day: int) -> float:
        return round(plot_left + (day - low) * scale, 2)

    lanes = []
    for number, (label, href, first, last) in enumerate(offices):
        start, end = day_number(first), day_number(last)
        if start is None or end is None:
            continue
        y = TOP + number * _LANE_H
        width = max(4.0, x_of(end) - x_of(start))
        lanes.append(Lane(label, href, y, x_of(start), round(width, 2), f"{first} – {last}"))
    axis_y = TOP + max(len(lanes), 1) * _LANE_H + 14
    first_year, last_year = low // 372 + 1, high // 372
    step = max(1, (last_year - first_year + 1) // 10)
    ticks = [Tick(x_of(year * 372), str(year)) for year in range(first_year, last_year + 1, step)]
    dots = [Tick(x_of(day), label) for day, label in days]
    return Timeline(WIDTH, int(axis_y + 24), lanes, ticks, dots, axis_y)
