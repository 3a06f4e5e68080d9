"""Quality floors: the score each gold directory must keep, so that a change cannot silently
make extraction worse.

Floors only ratchet up (``--update-floors`` never lowers one unless told to), in the manner of
trafilatura's evaluation gate: a regression has to be argued for, not just committed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path

from readouts.eval.results import METRICS
from readouts.eval.runner import EvalError

__all__ = [
    "MARGIN",
    "Floors",
    "breaches",
    "default_key",
    "floor_for",
    "load_floors",
    "raise_floors",
    "write_floors",
]

Floors = dict[str, dict[str, float]]

#: How far below the current score an updated floor sits, so run-to-run noise does not fail.
MARGIN = 0.01

#: Folder names that only say which language a directory holds; the key keeps its parent too.
_LANGUAGE_DIRS = {"en", "zh", "vi"}


def default_key(path: Path, known: Iterable[str] = ()) -> str:
    """The floors key of a directory: the longest tail of its path that is already a key,
    else its last component (with the parent when the last one is only a language code).
    """
    parts = path.resolve().parts
    known_keys = set(known)
    for size in (3, 2, 1):
        tail = "/".join(parts[-size:])
        if len(parts) >= size and tail in known_keys:
            return tail
    if parts and parts[-1] in _LANGUAGE_DIRS and len(parts) > 1:
        return "/".join(parts[-2:])
    return parts[-1] if parts else str(path)


def load_floors(path: Path, missing_ok: bool = False) -> Floors:
    """Read a floors file; an unknown metric name is an error, since a typo would gate nothing."""
    if not path.exists():
        if missing_ok:
            return {}
        raise EvalError(f"{path}: floors file not found")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: cannot read floors ({exc})") from exc
    if not isinstance(data, dict):
        raise EvalError(f"{path}: floors must be an object of objects")
    floors: Floors = {}
    for key, values in data.items():
        if not isinstance(values, dict):
            raise EvalError(f"{path}: floors for {key!r} must be an object")
        unknown = sorted(set(values) - set(METRICS))
        if unknown:
            raise EvalError(f"{path}: unknown metric(s) for {key!r}: {', '.join(unknown)}")
        if not all(isinstance(v, int | float) for v in values.values()):
            raise EvalError(f"{path}: floors for {key!r} must be numbers")
        floors[key] = {m: float(v) for m, v in values.items()}
    return floors


def breaches(
    key: str, metrics: Mapping[str, float | None], floors: Mapping[str, float]
) -> list[str]:
    """One line per metric below its floor; a metric with nothing to measure breaches any
    positive floor, since the floor was set when there was something."""
    lines = []
    for metric in METRICS:
        floor = floors.get(metric)
        if floor is None:
            continue
        value = metrics.get(metric)
        if value is None and floor > 0:
            lines.append(f"{key}: {metric} n/a (nothing to measure) below floor {floor:.2f}")
        elif value is not None and round(value, 9) < floor:
            lines.append(f"{key}: {metric} {value:.4f} below floor {floor:.2f}")
    return lines


def floor_for(value: float) -> float:
    """The floor a score earns: the score minus :data:`MARGIN`, rounded down to 2 decimals."""
    return max(0.0, math.floor((value - MARGIN) * 100 + 1e-6) / 100)


def raise_floors(
    current: Mapping[str, float], metrics: Mapping[str, float | None], allow_lower: bool = False
) -> dict[str, float]:
    """New floors from the current scores; an existing floor is only lowered if allowed."""
    updated = dict(current)
    for metric in METRICS:
        value = metrics.get(metric)
        if value is None:
            continue
        floor = floor_for(value)
        if allow_lower or floor > updated.get(metric, -1.0):
            updated[metric] = floor
    return {m: updated[m] for m in METRICS if m in updated}


def write_floors(path: Path, floors: Floors) -> None:
    """Keys sorted, metrics in display order, so that a floors diff is easy to review."""
    ordered = {
        key: {m: floors[key][m] for m in METRICS if m in floors[key]} for key in sorted(floors)
    }
    path.write_text(json.dumps(ordered, indent=2) + "\n", encoding="utf-8")
