"""Running the extractor over a gold directory and scoring what it returns.

The runner is the only part of the evaluation that touches files or calls the extractor; the
scoring itself stays pure (:mod:`readouts.eval.score`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readouts.errors import ReadoutsError
from readouts.eval.results import DocResult, Score
from readouts.eval.score import score_document
from readouts.model import Record

__all__ = ["DirReport", "EvalError", "Extractor", "evaluate_dir", "gold_files"]

#: ``extract(text, source=..., lang=...)``, the signature of :func:`readouts.extract`.
Extractor = Callable[..., Record]


class EvalError(ReadoutsError):
    """A gold directory or file that cannot be evaluated at all (not an extraction failure)."""

    code = "E-EVAL"


@dataclass(frozen=True)
class DirReport:
    """The score of one gold directory."""

    path: Path
    score: Score

    @property
    def errors(self) -> list[tuple[str, str]]:
        """``(doc, message)`` for each document whose extraction raised."""
        return [(d.doc, d.error) for d in self.score.docs if d.error is not None]


def gold_files(gold_dir: Path) -> list[tuple[Path, Path]]:
    """``(X.txt, X.gold.json)`` pairs of a directory; a text without gold is not evaluated."""
    if not gold_dir.is_dir():
        raise EvalError(f"{gold_dir}: not a directory")
    pairs = [
        (text, text.with_name(text.stem + ".gold.json"))
        for text in sorted(gold_dir.glob("*.txt"))
        if text.with_name(text.stem + ".gold.json").is_file()
    ]
    if not pairs:
        raise EvalError(f"{gold_dir}: no X.txt with a sibling X.gold.json")
    return pairs


def _load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: cannot read gold file ({exc})") from exc
    if not isinstance(gold, dict) or "is_readout" not in gold:
        raise EvalError(f"{path}: not a gold record (no 'is_readout')")
    return gold


def _evaluate_document(text_path: Path, gold_path: Path, extractor: Extractor) -> DocResult:
    """Extract and score one document; an extractor failure becomes an empty prediction.

    The text is decoded from bytes so that no newline translation shifts the offsets.
    """
    gold = _load_gold(gold_path)
    try:
        text = text_path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{text_path}: cannot read as UTF-8 ({exc})") from exc
    doc = text_path.stem
    try:
        record = extractor(text, source=str(text_path), lang=gold.get("lang"))
    except Exception as exc:  # any extractor failure must still yield numbers
        return score_document(gold, None, text, doc=doc, error=f"{type(exc).__name__}: {exc}")
    return score_document(gold, record, text, doc=doc)


def evaluate_dir(gold_dir: Path | str, extractor: Extractor | None = None) -> DirReport:
    """Run ``extractor`` (default :func:`readouts.extract`) over a gold directory and score it."""
    if extractor is None:
        from readouts import extract

        extractor = extract
    path = Path(gold_dir)
    run: Extractor = extractor
    docs = [_evaluate_document(t, g, run) for t, g in gold_files(path)]
    return DirReport(path=path, score=Score.of(docs))
