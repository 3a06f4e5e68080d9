"""Evaluation: score extracted records against gold annotations (``spec/record.md``, Scoring).

``readouts eval`` is how the project is measured, so the scorer is a library, usable from tests
and notebooks on hand-made or saved records, and the CLI only runs it and prints.
"""

from __future__ import annotations

from readouts.eval.floors import breaches, default_key, load_floors, raise_floors, write_floors
from readouts.eval.fold import fold_name, fold_title
from readouts.eval.results import METRICS, Counts, DocResult, Ratio, Score, Tally
from readouts.eval.runner import DirReport, EvalError, evaluate_dir
from readouts.eval.score import align, score_document, score_documents

__all__ = [
    "METRICS",
    "Counts",
    "DirReport",
    "DocResult",
    "EvalError",
    "Ratio",
    "Score",
    "Tally",
    "align",
    "breaches",
    "default_key",
    "evaluate_dir",
    "fold_name",
    "fold_title",
    "load_floors",
    "raise_floors",
    "score_document",
    "score_documents",
    "write_floors",
]
