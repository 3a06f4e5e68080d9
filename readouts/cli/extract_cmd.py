"""``readouts extract`` and ``readouts schema``.

``extract`` is a thin loop over the loader and :func:`readouts.extract`: one record per input
document, printed as soon as it is made, and one line on stderr per input that failed, so a
bad file never stops a run over a corpus.  The exit status is 1 if any input failed.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from readouts.cli.app import app
from readouts.cli.render import JsonLinesWriter, JsonWriter, RecordWriter, TableWriter
from readouts.errors import ReadoutsError
from readouts.extract import extract as extract_record
from readouts.load import DEFAULT_MAX_BYTES, Document, LoadError, iter_documents
from readouts.model import Record, record_schema


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class LangChoice(StrEnum):
    en = "en"
    zh = "zh"
    vi = "vi"


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record that ``readouts extract`` emits."""
    print(json.dumps(record_schema(), indent=2, ensure_ascii=False))


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Text files, directories (their .txt files, recursively) or - for stdin.",
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one record per line. json: indented; one object for a single file "
            "or -, an array for a directory or several paths. table: for reading.",
        ),
    ] = OutputFormat.jsonl,
    lang: Annotated[
        LangChoice | None,
        typer.Option("--lang", help="Force the language instead of detecting it."),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option("--max-bytes", min=1, help="Skip (and report) inputs larger than this."),
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Extract one record per document and print it as soon as it is made."""
    writer = _writer(output_format, paths)
    try:
        failures = run_extract(paths, writer, lang.value if lang else None, max_bytes)
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (| head): stop quietly
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


def run_extract(paths: list[str], writer: RecordWriter, lang: str | None, max_bytes: int) -> int:
    """Extract and write every document; report each failure on stderr; count the failures."""
    failures = 0
    writer.start()
    for item in iter_documents(paths, max_bytes=max_bytes):
        result = item if isinstance(item, LoadError) else _extract_one(item, lang)
        if isinstance(result, LoadError):
            failures += 1
            report_error(result)
        else:
            writer.write(result)
    writer.finish()
    return failures


def _extract_one(document: Document, lang: str | None) -> Record | LoadError:
    """Extract, turning any failure into a one-line error: one bad document must not stop a run."""
    try:
        return extract_record(document.text, source=document.source, lang=lang)
    except ReadoutsError as exc:
        return LoadError(document.source, str(exc))
    except Exception as exc:  # a bug in an extractor: name it, keep going
        return LoadError(document.source, f"unexpected {type(exc).__name__}: {exc}")


def report_error(error: LoadError) -> None:
    message = " ".join(f"readouts: error: {error.source}: {error.problem}".split())
    print(message, file=sys.stderr, flush=True)


def _writer(output_format: OutputFormat, paths: list[str]) -> RecordWriter:
    if output_format is OutputFormat.table:
        return TableWriter()
    if output_format is OutputFormat.json:
        single = len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())
        return JsonWriter(as_array=not single)
    return JsonLinesWriter()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not raise again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
