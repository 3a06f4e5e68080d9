"""Rich tables for the query commands: one printer per result model, for people to read.

Scripts should use ``--json``; these layouts may change.  Matched words in search snippets
are shown in bold from the result's highlight offsets (the snippet itself is plain text, so
nothing in a document can inject terminal markup).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from readouts.store.queries.results import (
    CorpusStats,
    Count,
    MeetingPage,
    MeetingSummary,
    PersonTimeline,
    SearchResults,
)

_console = Console(highlight=False, soft_wrap=False)


def _range(offset: int, shown: int, total: int, noun: str) -> str:
    if shown == 0:
        return f"no {noun} (of {total})" if total else f"no {noun}"
    return f"{noun} {offset + 1}-{offset + shown} of {total}"


def _dash(value: object) -> str:
    return "-" if value in (None, "", []) else str(value)


def _type(meeting_type: str) -> str:
    return meeting_type.replace("_", " ")


def print_search(results: SearchResults) -> None:
    table = Table(title=f"search: {results.query}", show_lines=True, expand=False)
    table.add_column("published", no_wrap=True)
    for column in ("document", "excerpt", "meetings"):
        table.add_column(column, overflow="fold")
    for hit in results.hits:
        snippet = Text(hit.snippet.replace("\n", " "))
        for start, end in hit.highlights:
            snippet.stylize("bold", start, end)
        document = Text(_dash(hit.title))
        document.append(f"\n{_dash(hit.outlet)} · {hit.doc_id}", style="dim")
        if hit.n_sources > 1:
            document.append(f" · {hit.n_sources} sources", style="dim")
        meetings = "\n".join(
            f"{_dash(m.date)} {_type(m.meeting_type)} ({_dash(m.jurisdiction)})"
            + (": " + ", ".join(p.name for p in m.matched_people) if m.matched_people else "")
            for m in hit.meetings
        )
        table.add_row(_dash(hit.published), document, snippet, meetings or "-")
    _console.print(table)
    _console.print(_range(results.offset, len(results.hits), results.total, "documents"))


def _presiders(meeting: MeetingSummary) -> str:
    return ", ".join(p.name for p in meeting.presiders) or "-"


def _reports(meeting: MeetingSummary) -> str:
    outlets = sorted({r.outlet or "?" for r in meeting.reports})
    copies = sum(len(r.sources) for r in meeting.reports) - len(meeting.reports)
    text = f"{meeting.n_reports}: {', '.join(outlets)}"
    return text + (f" (+{copies} copies)" if copies > 0 else "")


def print_meetings(page: MeetingPage) -> None:
    table = Table(show_lines=False)
    table.add_column("date", no_wrap=True)
    for column in ("type", "body", "presided", "people", "reports"):
        table.add_column(column, overflow="fold")
    for meeting in page.meetings:
        table.add_row(
            _dash(meeting.date),
            _type(meeting.meeting_type),
            _dash(meeting.body or meeting.jurisdiction),
            _presiders(meeting),
            str(meeting.n_participants),
            _reports(meeting),
        )
    _console.print(table)
    _console.print(_range(page.offset, len(page.meetings), page.total, "meetings"))


def print_person(timeline: PersonTimeline) -> None:
    person = timeline.person
    _console.print(Text(person.name, style="bold"), Text(f"({person.person_id})", style="dim"))
    others = [a for a in person.aliases if a != person.name]
    _console.print(
        f"{_dash(person.jurisdiction)}, {person.n_meetings} meetings in {person.n_documents} "
        f"documents, seen {_dash(person.first_seen)} to {_dash(person.last_seen)}"
        + (f"; also written {', '.join(others)}" if others else "")
    )
    offices = Table(title="offices")
    offices.add_column("office", overflow="fold")
    for column in ("first seen", "last seen", "meetings"):
        offices.add_column(column, no_wrap=True)
    for office in timeline.offices:
        offices.add_row(
            office.label, _dash(office.first_seen), _dash(office.last_seen), str(office.n_meetings)
        )
    _console.print(offices)
    meetings = Table(title=f"meetings (first {timeline.n_meetings_shown})")
    meetings.add_column("date", no_wrap=True)
    for column in ("type", "body", "roles", "as"):
        meetings.add_column(column, overflow="fold")
    for m in timeline.meetings:
        meetings.add_row(
            _dash(m.date),
            _type(m.meeting_type),
            _dash(m.body or m.jurisdiction),
            ", ".join(m.roles) or "-",
            "; ".join(m.titles) or "-",
        )
    _console.print(meetings)
    co = Table(title="most frequent co-attendees")
    for column in ("person", "jurisdiction", "shared meetings"):
        co.add_column(column, overflow="fold")
    for other in timeline.co_attendees:
        co.add_row(other.name, _dash(other.jurisdiction), str(other.n_shared))
    _console.print(co)


def _counts(title: str, rows: Sequence[Count], key: str) -> Table:
    table = Table(title=title)
    table.add_column(key, overflow="fold")
    table.add_column("meetings", justify="right")
    for row in rows:
        table.add_row(_dash(row.key), str(row.n))
    return table


def print_stats(stats: CorpusStats) -> None:
    totals = Table(title="store")
    totals.add_column("what")
    totals.add_column("count", justify="right")
    for name in (
        "documents",
        "sources",
        "readouts",
        "reports",
        "meetings",
        "people",
        "bodies",
        "posts",
        "occupancies",
    ):
        totals.add_row(name, str(getattr(stats, name)))
    _console.print(totals)
    _console.print(_counts("meetings by year", stats.by_year, "year"))
    _console.print(
        _counts(
            "meetings by type",
            [Count(key=_type(c.key or "-"), n=c.n) for c in stats.by_type],
            "type",
        )
    )
    _console.print(_counts("meetings by jurisdiction", stats.by_jurisdiction, "jurisdiction"))
    _console.print(_counts("formulations", stats.top_formulations, "formulation"))
