"""Presenting evaluation results: a rich table, JSON, and per-document error listings.

Kept apart from the CLI command so that a notebook or a CI script can print the same table
from a :class:`~readouts.eval.runner.DirReport` without going through Typer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from readouts.eval.results import METRICS, DocResult, Score
from readouts.eval.runner import DirReport

__all__ = ["details_lines", "metrics_table", "report_json"]

_COUNT_ROWS = (
    ("documents", "documents"),
    ("gold meetings", "gold_meetings"),
    ("predicted meetings", "predicted_meetings"),
    ("aligned meetings", "aligned_meetings"),
    ("extract errors", "errors"),
)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _columns(reports: Sequence[tuple[str, DirReport]]) -> list[tuple[str, Score]]:
    columns = [(key, report.score) for key, report in reports]
    if len(reports) > 1:
        combined = reports[0][1].score
        for _, report in reports[1:]:
            combined = combined + report.score
        columns.append(("combined", combined))
    return columns


def metrics_table(reports: Sequence[tuple[str, DirReport]]) -> Table:
    """One row per metric, one column per directory (and a combined column if several)."""
    columns = _columns(reports)
    table = Table(title="readouts eval")
    table.add_column("metric")
    for key, _ in columns:
        table.add_column(key, justify="right")
    metrics = [score.metrics() for _, score in columns]
    for metric in METRICS:
        table.add_row(metric, *(_fmt(m[metric]) for m in metrics))
    table.add_section()
    for label, attr in _COUNT_ROWS:
        table.add_row(label, *(str(getattr(score.counts, attr)) for _, score in columns))
    return table


def error_summary(key: str, report: DirReport) -> str | None:
    """A one-line account of extraction failures, grouped by exception type."""
    errors = report.errors
    if not errors:
        return None
    kinds = Counter(message.split(":", 1)[0] for _, message in errors)
    listed = ", ".join(f"{kind} x{n}" for kind, n in kinds.most_common())
    return f"{key}: extraction failed on {len(errors)} document(s) ({listed})"


def _doc_lines(doc: DocResult) -> list[str]:
    lines = []
    if doc.error:
        lines.append(f"  error: {doc.error}")
    if doc.gold_is_readout != doc.predicted_is_readout:
        lines.append(
            f"  is_readout: gold {doc.gold_is_readout}, predicted {doc.predicted_is_readout}"
        )
    unmatched = [pair for pair in doc.alignment if None in pair]
    if unmatched:
        lines.append(
            f"  meetings: gold {doc.counts.gold_meetings}, predicted "
            f"{doc.counts.predicted_meetings}, unaligned {unmatched}"
        )
    for field_miss in doc.field_misses:
        lines.append(
            f"  [g{field_miss.meeting}] {field_miss.field}: "
            f"gold {field_miss.gold!r}, predicted {field_miss.predicted!r}"
        )
    for label, found in (("FN", doc.false_negatives), ("FP", doc.false_positives)):
        for kind, items in found.items():
            lines.append(f"  {kind} {label}: " + "; ".join(items))
    for label, spans in (("mention", doc.bad_mentions), ("title span", doc.bad_title_spans)):
        for miss in spans:
            owner = f" ({miss.person})" if miss.person else ""
            lines.append(
                f"  bad {label}{owner} {list(miss.span)}: {miss.found!r} for {miss.value!r}"
            )
    return lines


def details_lines(key: str, report: DirReport) -> list[str]:
    """What each document lost or invented, for the documents that are not perfect."""
    lines = []
    for doc in report.score.docs:
        if not doc.clean:
            lines.append(f"{key}/{doc.doc}")
            lines += _doc_lines(doc)
    return lines


def _score_json(score: Score) -> dict[str, Any]:
    return {"metrics": score.metrics(), "counts": score.counts.as_dict()}


def report_json(reports: Sequence[tuple[str, DirReport]], details: bool = False) -> dict[str, Any]:
    """The numbers (and with ``details`` every document's misses) as a JSON-ready dict."""
    out: dict[str, Any] = {"directories": []}
    for key, report in reports:
        entry = {"key": key, "path": str(report.path), **_score_json(report.score)}
        entry["errors"] = [{"doc": doc, "error": error} for doc, error in report.errors]
        if details:
            entry["docs"] = [doc.as_dict() for doc in report.score.docs]
        out["directories"].append(entry)
    if len(reports) > 1:
        out["combined"] = _score_json(_columns(reports)[-1][1])
    return out


def print_details(console: Console, reports: Sequence[tuple[str, DirReport]]) -> None:
    for key, report in reports:
        for line in details_lines(key, report):
            console.print(line, markup=False, highlight=False, soft_wrap=True)
