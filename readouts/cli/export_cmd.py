"""``readouts export``: the store in the formats analysts' tools read.

A thin wrapper over :func:`readouts.export.export`; a summary of what was written goes to
stderr so that ``--out -`` can stream JSON Lines into a pipe.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from readouts.cli.app import app
from readouts.cli.options import DbOption, open_cli_store
from readouts.export import DIRECTORY_FORMATS, ExportError, ExportFormat, export

FORMAT_HELP = (
    "jsonl: merged meetings with every report and source. csv, parquet: flat tables "
    "(meetings, participations, people, posts, occupancies) in a directory. ftm: "
    "FollowTheMoney entities. graphml: the co-attendance network."
)


@app.command("export")
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help=FORMAT_HELP)],
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="A directory for csv and parquet; a file for graphml; a file or - (stdout, "
            "the default) for jsonl and ftm.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the store: records, flat tables, FollowTheMoney entities or a GraphML network."""
    if out is None:
        if fmt in DIRECTORY_FORMATS or fmt == ExportFormat.graphml:
            kind = "directory" if fmt in DIRECTORY_FORMATS else "file"
            print(f"readouts: error: --format {fmt} needs --out {kind.upper()}", file=sys.stderr)
            raise typer.Exit(2)
        out = "-"
    store = open_cli_store(db)
    try:
        counts = export(store, fmt, out)
    except (ExportError, OSError) as exc:
        print(f"readouts: error: {_one_line(exc)}", file=sys.stderr)
        raise typer.Exit(1) from None
    finally:
        store.close()
    written = ", ".join(f"{n} {what}" for what, n in counts.items())
    where = "stdout" if out == "-" else out
    print(f"readouts: exported {written} as {fmt} to {where}", file=sys.stderr)


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
