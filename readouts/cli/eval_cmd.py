"""``readouts eval``: score the extractor against gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from readouts.cli.app import app
from readouts.eval.floors import (
    Floors,
    breaches,
    default_key,
    load_floors,
    raise_floors,
    write_floors,
)
from readouts.eval.report import error_summary, metrics_table, print_details, report_json
from readouts.eval.runner import DirReport, EvalError, evaluate_dir, gold_files

FLOORS_NAME = "eval_floors.json"


def _default_floors() -> Path:
    """The repository's floors file in a source checkout (where the gate lives), else ./."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file():
        return root / FLOORS_NAME
    return Path.cwd() / FLOORS_NAME


def _fail(message: str, code: int = 2) -> typer.Exit:
    print(f"readouts eval: {message}", file=sys.stderr)
    return typer.Exit(code)


def _keys(dirs: list[Path], keys: list[str] | None, floors: Floors) -> list[str]:
    if keys and len(keys) != len(dirs):
        raise _fail(f"--key given {len(keys)} time(s) for {len(dirs)} directories")
    return keys or [default_key(d, floors) for d in dirs]


def _gate(reports: list[tuple[str, DirReport]], floors: Floors, path: Path) -> None:
    """Exit 1 listing every metric below its floor; a directory with no floors is an error."""
    lines: list[str] = []
    for key, report in reports:
        if key not in floors:
            raise _fail(f"no floors for {key!r} in {path} (use --key or --update-floors)")
        lines += breaches(key, report.score.metrics(), floors[key])
    if lines:
        for line in lines:
            print(line, file=sys.stderr)
        raise typer.Exit(1)


def _update(
    reports: list[tuple[str, DirReport]], floors: Floors, path: Path, allow_lower: bool
) -> None:
    for key, report in reports:
        floors[key] = raise_floors(floors.get(key, {}), report.score.metrics(), allow_lower)
    write_floors(path, floors)
    print(f"floors written to {path}", file=sys.stderr)


def _show(reports: list[tuple[str, DirReport]], as_json: bool, details: bool) -> None:
    if as_json:
        print(json.dumps(report_json(reports, details), indent=2, ensure_ascii=False))
        return
    console = Console()
    console.print(metrics_table(reports))
    for key, report in reports:
        summary = error_summary(key, report)
        if summary:
            console.print(summary, markup=False, highlight=False)
    if details:
        print_details(console, reports)


@app.command(name="eval")
def eval_command(
    gold_dirs: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD_DIR", help="directories of X.txt with X.gold.json", show_default=False
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="print the numbers as JSON")] = False,
    details: Annotated[bool, typer.Option("--details", help="list each document's misses")] = False,
    gate: Annotated[
        bool, typer.Option("--gate", help="exit 1 if a metric is below its floor")
    ] = False,
    floors_file: Annotated[
        Path | None, typer.Option("--floors", help=f"floors file (default: {FLOORS_NAME})")
    ] = None,
    key: Annotated[
        list[str] | None, typer.Option("--key", help="floors key, once per directory")
    ] = None,
    update_floors: Annotated[
        bool, typer.Option("--update-floors", help="raise floors to the current scores - 0.01")
    ] = False,
    allow_lower: Annotated[
        bool, typer.Option("--allow-lower", help="let --update-floors lower a floor")
    ] = False,
) -> None:
    """Score the extractor against gold directories (see spec/record.md, Scoring)."""
    path = floors_file or _default_floors()
    try:
        for gold_dir in gold_dirs:
            gold_files(gold_dir)
        floors = load_floors(path, missing_ok=not gate) if gate or update_floors else {}
        keys = _keys(gold_dirs, key, floors)
        reports = [(k, evaluate_dir(d)) for k, d in zip(keys, gold_dirs, strict=True)]
    except EvalError as exc:
        raise _fail(str(exc)) from None
    _show(reports, as_json, details)
    if gate:
        _gate(reports, floors, path)
    if update_floors:
        _update(reports, floors, path, allow_lower)
