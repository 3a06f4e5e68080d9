"""The typed results of scoring: raw counts that add up across documents, and the metrics.

Counts, not ratios, are what documents contribute, so that a directory's score, a combined
score over several directories and a single document's score are all computed the same way
(micro averages), and so that a metric with nothing to measure can say so (``None``) instead
of pretending to be 0 or 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "METRICS",
    "RATIOS",
    "TALLIES",
    "Counts",
    "DocResult",
    "FieldMiss",
    "Ratio",
    "Score",
    "SpanMiss",
    "Tally",
]

#: Ratio counters and the metric each one reports.
RATIOS: dict[str, str] = {
    "is_readout": "is_readout_acc",
    "meeting_count": "meeting_count_acc",
    "date": "date_acc",
    "time_of_day": "time_of_day_acc",
    "meeting_type": "meeting_type_acc",
    "jurisdiction": "jurisdiction_acc",
    "body_name": "body_name_acc",
    "session": "session_acc",
    "location": "location_acc",
    "mention_integrity": "mention_integrity",
    "title_span_integrity": "title_span_integrity",
}

#: Precision/recall counters (names, presider, role, title pairs).
TALLIES: tuple[str, ...] = ("names", "presider", "role", "title")

#: Every metric ``readouts eval`` reports, in display order; floors are keyed by these names.
METRICS: tuple[str, ...] = (
    "is_readout_acc",
    "meeting_count_acc",
    "date_acc",
    "time_of_day_acc",
    "meeting_type_acc",
    "jurisdiction_acc",
    "body_name_acc",
    "session_acc",
    "location_acc",
    "names_p",
    "names_r",
    "names_f1",
    "presider_f1",
    "role_f1",
    "title_f1",
    "mention_integrity",
    "title_span_integrity",
)


@dataclass(frozen=True)
class Ratio:
    """Hits over trials; ``value`` is None when there was nothing to judge."""

    hit: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hit + other.hit, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass(frozen=True)
class Tally:
    """True/false positives and false negatives of one kind of item.

    When there is nothing to find and nothing was found, precision and recall are 1: an
    extractor that correctly reports no presider must not score worse than one that guesses.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        predicted = self.tp + self.fp
        if predicted:
            return self.tp / predicted
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        expected = self.tp + self.fn
        if expected:
            return self.tp / expected
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _ratios() -> dict[str, Ratio]:
    return {name: Ratio() for name in RATIOS}


def _tallies() -> dict[str, Tally]:
    return {name: Tally() for name in TALLIES}


@dataclass(frozen=True)
class Counts:
    """Everything a set of documents contributes to the score; adds up across documents."""

    ratios: dict[str, Ratio] = field(default_factory=_ratios)
    tallies: dict[str, Tally] = field(default_factory=_tallies)
    documents: int = 0
    gold_meetings: int = 0
    predicted_meetings: int = 0
    aligned_meetings: int = 0
    errors: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            ratios={k: self.ratios[k] + other.ratios[k] for k in RATIOS},
            tallies={k: self.tallies[k] + other.tallies[k] for k in TALLIES},
            documents=self.documents + other.documents,
            gold_meetings=self.gold_meetings + other.gold_meetings,
            predicted_meetings=self.predicted_meetings + other.predicted_meetings,
            aligned_meetings=self.aligned_meetings + other.aligned_meetings,
            errors=self.errors + other.errors,
        )

    def metrics(self) -> dict[str, float | None]:
        """The named metrics, in :data:`METRICS` order."""
        values: dict[str, float | None] = {
            metric: self.ratios[key].value for key, metric in RATIOS.items()
        }
        names = self.tallies["names"]
        values["names_p"] = names.precision
        values["names_r"] = names.recall
        values["names_f1"] = names.f1
        for key in ("presider", "role", "title"):
            values[f"{key}_f1"] = self.tallies[key].f1
        return {metric: values[metric] for metric in METRICS}

    def as_dict(self) -> dict[str, Any]:
        """Raw counts for JSON output, so a reader can recompute or combine the metrics."""
        return {
            "documents": self.documents,
            "gold_meetings": self.gold_meetings,
            "predicted_meetings": self.predicted_meetings,
            "aligned_meetings": self.aligned_meetings,
            "errors": self.errors,
            **{k: {"hit": r.hit, "total": r.total} for k, r in self.ratios.items()},
            **{k: {"tp": t.tp, "fp": t.fp, "fn": t.fn} for k, t in self.tallies.items()},
        }


@dataclass(frozen=True)
class FieldMiss:
    """A meeting field the prediction got wrong (``meeting`` is the gold meeting's index)."""

    meeting: int
    field: str
    gold: Any
    predicted: Any


@dataclass(frozen=True)
class SpanMiss:
    """A span whose text is not the value it claims to be evidence for."""

    value: str
    span: tuple[int, int]
    found: str
    person: str | None = None


@dataclass(frozen=True)
class DocResult:
    """One document's counts plus what went wrong, for debugging the extractor."""

    doc: str
    counts: Counts
    gold_is_readout: bool
    predicted_is_readout: bool
    alignment: list[tuple[int | None, int | None]] = field(default_factory=list)
    field_misses: list[FieldMiss] = field(default_factory=list)
    false_positives: dict[str, list[str]] = field(default_factory=dict)
    false_negatives: dict[str, list[str]] = field(default_factory=dict)
    bad_mentions: list[SpanMiss] = field(default_factory=list)
    bad_title_spans: list[SpanMiss] = field(default_factory=list)
    error: str | None = None

    @property
    def clean(self) -> bool:
        """True when there is nothing to show for this document in a details listing."""
        return (
            self.error is None
            and self.gold_is_readout == self.predicted_is_readout
            and all(None not in pair for pair in self.alignment)
            and not self.field_misses
            and not any(self.false_positives.values())
            and not any(self.false_negatives.values())
            and not self.bad_mentions
            and not self.bad_title_spans
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "error": self.error,
            "is_readout": {"gold": self.gold_is_readout, "predicted": self.predicted_is_readout},
            "alignment": [{"predicted": p, "gold": g} for p, g in self.alignment],
            "field_misses": [vars(m) for m in self.field_misses],
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "bad_mentions": [vars(m) for m in self.bad_mentions],
            "bad_title_spans": [vars(m) for m in self.bad_title_spans],
        }


@dataclass(frozen=True)
class Score:
    """The score of a set of documents: summed counts and each document's result."""

    counts: Counts
    docs: list[DocResult]

    @classmethod
    def of(cls, docs: Iterable[DocResult]) -> Score:
        listed = list(docs)
        total = Counts()
        for doc in listed:
            total = total + doc.counts
        return cls(total, listed)

    def __add__(self, other: Score) -> Score:
        return Score(self.counts + other.counts, self.docs + other.docs)

    def metrics(self) -> dict[str, float | None]:
        return self.counts.metrics()
