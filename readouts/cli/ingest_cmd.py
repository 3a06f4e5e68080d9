"""``readouts ingest``: load files into the corpus store, with a progress bar and a summary.

A thin layer over :func:`readouts.store.ingest.ingest_paths`: the progress bar (files,
documents, documents/s, errors) goes to stderr when it is a terminal, each bad input gets
one line on stderr, and the summary line goes to stdout.  Exit status 1 if any input
failed, 2 if the store cannot be opened or written, 130 if interrupted (every batch
committed before the interruption stays stored; rerun to finish).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.text import Text

from readouts.cli.app import app
from readouts.cli.options import DbOption, open_cli_store
from readouts.load import DEFAULT_MAX_BYTES, LoadError
from readouts.store.defaults import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
    from readouts.store import Store
    from readouts.store.ingest import IngestSummary


def _progress(console: Console, enabled: bool) -> Progress:
    return Progress(
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} files"),
        TextColumn("{task.fields[docs]} docs"),
        TextColumn("{task.fields[rate]:.0f} docs/s"),
        TextColumn("{task.fields[errors]} errors"),
        TimeElapsedColumn(),
        console=console,
        disable=not enabled,
    )


def _report(console: Console, error: LoadError) -> None:
    line = " ".join(f"readouts: error: {error.source}: {error.problem}".split())
    console.print(Text(line), soft_wrap=True, highlight=False)


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Files (.txt, .html/.htm, .jsonl), directories (walked recursively for "
            "those) or - for stdin.",
        ),
    ],
    db: DbOption = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents per transaction.")
    ] = DEFAULT_BATCH_SIZE,
    max_bytes: Annotated[
        int,
        typer.Option("--max-bytes", min=1, help="Skip (and report) larger inputs / JSONL lines."),
    ] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract documents and store them: idempotent, near-duplicates kept as sources."""
    from sqlalchemy.exc import SQLAlchemyError

    store = open_cli_store(db)
    console = Console(stderr=True)
    try:
        summary = _ingest(store, paths, batch_size, max_bytes, console, not quiet)
    except KeyboardInterrupt:
        print(
            "readouts: interrupted; committed batches are stored, rerun to finish", file=sys.stderr
        )
        raise typer.Exit(130) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        print(f"readouts: error: {store.url}: cannot write the store: {reason}", file=sys.stderr)
        raise typer.Exit(2) from None
    finally:
        store.close()
    print(f"ingested into {store.url}: {summary.line()}")
    if summary.failed:
        raise typer.Exit(1)


def _ingest(
    store: Store, paths: list[str], batch_size: int, max_bytes: int, console: Console, bar: bool
) -> IngestSummary:
    """Run the ingest with the progress bar (on a terminal) and the one-line errors."""
    from readouts.store.ingest import ingest_paths

    with _progress(console, bar and console.is_terminal) as progress:
        task: TaskID = progress.add_task("ingest", total=None, docs=0, rate=0.0, errors=0)

        def on_progress(summary: IngestSummary) -> None:
            progress.update(
                task,
                total=summary.total_files or None,
                completed=summary.files,
                docs=summary.documents,
                rate=summary.rate,
                errors=summary.failed,
            )

        return ingest_paths(
            store,
            paths,
            batch_size=batch_size,
            max_bytes=max_bytes,
            on_error=lambda error: _report(progress.console, error),
            on_progress=on_progress,
        )
