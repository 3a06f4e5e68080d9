"""Writers that print records as they are made: JSON Lines, JSON, or tables for people.

Each writer flushes after every record so that ``readouts extract`` streams: a consumer sees
the first record while the thousandth file is still being read, and an interrupted run keeps
everything it already printed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Protocol, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from readouts.model import Meeting, Participant, Record, Role


class RecordWriter(Protocol):
    def start(self) -> None: ...
    def write(self, record: Record) -> None: ...
    def finish(self) -> None: ...


class JsonLinesWriter:
    """One compact JSON object per line: the default, and the format every tool can stream."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout

    def start(self) -> None:
        pass

    def write(self, record: Record) -> None:
        self.out.write(record.model_dump_json() + "\n")
        self.out.flush()

    def finish(self) -> None:
        pass


class JsonWriter:
    """Indented JSON: one object for a single input, else an array written element by element.

    The shape is fixed by the command line (one file or ``-`` vs. a directory or several
    paths), never by how many inputs happened to succeed, so scripts can rely on it; the array
    brackets are written at start and finish, so the output is valid JSON even when some
    inputs fail.
    """

    def __init__(self, *, as_array: bool, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.as_array = as_array
        self._count = 0

    def start(self) -> None:
        if self.as_array:
            self.out.write("[\n")
            self.out.flush()

    def write(self, record: Record) -> None:
        body = record.model_dump_json(indent=2)
        if self.as_array:
            body = ("" if self._count == 0 else ",\n") + body
        else:
            body += "\n"
        self._count += 1
        self.out.write(body)
        self.out.flush()

    def finish(self) -> None:
        if self.as_array:
            self.out.write("\n]\n" if self._count else "]\n")
            self.out.flush()


class TableWriter:
    """A readable summary per document: the header, then one key/value table per meeting."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.console = Console(file=out or sys.stdout, highlight=False)

    def start(self) -> None:
        pass

    def write(self, record: Record) -> None:
        # Headings are printed above the tables, not as table titles, which rich would wrap
        # to the (narrow) table width.
        self.console.print(Text(record.source, style="bold"))
        self.console.print(document_table(record))
        for index, meeting in enumerate(record.meetings, start=1):
            self.console.print(Text(f"meeting {index} of {len(record.meetings)}", style="italic"))
            self.console.print(meeting_table(meeting))
        self.console.file.flush()

    def finish(self) -> None:
        pass


def document_table(record: Record) -> Table:
    table = _key_value_table()
    _row(table, "title", _text(record.title))
    _row(table, "published", _text(record.published))
    _row(table, "outlet", _text(record.outlet))
    _row(table, "language", _value(record.lang))
    _row(table, "readout", "yes" if record.is_readout else "no")
    _row(table, "meetings", str(len(record.meetings)))
    return table


def meeting_table(meeting: Meeting) -> Table:
    table = _key_value_table()
    _row(table, "date", _text(meeting.date))
    _row(table, "time of day", _value(meeting.time_of_day))
    _row(table, "body", _body(meeting))
    _row(table, "type", _value(meeting.meeting_type))
    _row(table, "session", _session(meeting))
    _row(table, "location", _text(meeting.location.name if meeting.location else None))
    for role in Role:
        _row(table, role.value, _names(meeting.participants, role))
    _row(table, "agenda items", str(len(meeting.agenda)))
    _row(table, "formulations", str(len(meeting.formulations)))
    _row(table, "directives", str(len(meeting.directives)))
    return table


def _row(table: Table, field: str, value: str) -> None:
    """Add a row whose value is plain text: names and titles may contain ``[`` (not markup)."""
    table.add_row(field, Text(value))


def _key_value_table() -> Table:
    table = Table(show_header=False, expand=False)
    table.add_column("field", style="dim", no_wrap=True)
    table.add_column("value", overflow="fold")
    return table


def _body(meeting: Meeting) -> str:
    body = meeting.body
    if body is None:
        return "-"
    name = body.name or "(unnamed)"
    return f"{name} ({body.jurisdiction})" if body.jurisdiction else name


def _session(meeting: Meeting) -> str:
    session = meeting.session
    if session is None:
        return "-"
    number = f"no. {session.number}"
    return f"{number}, term {session.term}" if session.term is not None else number


def _names(participants: Iterable[Participant], role: Role) -> str:
    names = [p.name for p in participants if role.value in (_value(r) for r in p.roles)]
    return ", ".join(names) if names else "-"


def _value(value: object) -> str:
    """An enum's value or a plain string (records validated with ``use_enum_values``)."""
    return "-" if value is None else str(getattr(value, "value", value))


def _text(value: str | None) -> str:
    return "-" if value is None else value
