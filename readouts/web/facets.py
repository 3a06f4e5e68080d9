"""Faceted search over merged meetings: words, then jurisdiction, body, meeting type and year.

The search page narrows meetings the way analysts do -- "two safeguards", then Hunan, then
standing committee meetings, then 2023 -- and shows at each step how many meetings each
further choice would leave.  Filters reuse the store's meeting conditions
(:func:`readouts.store.queries.meetings.event_conditions`); the words go through the store's
full-text index and are always a bound parameter.  Each facet counts under every *other*
active filter, so choosing Hunan still shows how many meetings the other provinces have.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    column,
    func,
    literal_column,
    select,
    text,
)

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.fts import FTS_TABLE, PG_CONFIG, fts5_phrases
from readouts.store.queries.filters import MeetingFilter
from readouts.store.queries.meetings import event_conditions, summarize, summary_select
from readouts.store.queries.results import MeetingSummary
from readouts.store.queries.search import split_marks

#: Values shown per facet (the most frequent); the rest are reachable by the API's filters.
FACET_SIZE = 12
SNIPPET_WORDS = 20

_e, _m = t.events.c, t.meetings.c
_SQLITE_MATCH = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"
_SQLITE_SNIPPETS = text(
    f"SELECT rowid, snippet({FTS_TABLE}, 1, char(2), char(3), '…', {SNIPPET_WORDS}) "
    f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q AND rowid IN (SELECT value FROM "
    "json_each(:ids))"
)
_PG_SNIPPETS = text(
    f"SELECT id, ts_headline('{PG_CONFIG}', left(text, 100000), "
    f'plainto_tsquery(\'{PG_CONFIG}\', :q), \'StartSel="\x02", StopSel="\x03", '
    f"MaxWords={SNIPPET_WORDS}, MinWords=10, MaxFragments=1') FROM documents WHERE id = ANY(:ids)"
)


@dataclass(frozen=True)
class Query:
    """What the search form asks for; every part optional."""

    words: str = ""
    jurisdiction: str | None = None
    body: str | None = None
    meeting_type: str | None = None
    year: str | None = None

    def meeting_filter(self) -> MeetingFilter:
        return MeetingFilter(
            body=self.body,
            jurisdiction=self.jurisdiction,
            meeting_type=self.meeting_type,
            date_from=self.year,
            date_to=self.year,
        ).validate()

    def active(self) -> dict[str, str]:
        """The facet filters in use, by name, for the "remove this filter" chips."""
        chosen = {
            "jurisdiction": self.jurisdiction,
            "body": self.body,
            "meeting_type": self.meeting_type,
            "year": self.year,
        }
        return {name: value for name, value in chosen.items() if value}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Snippet:
    """A plain-text excerpt and the ``[start, end)`` offsets of the matched words in it."""

    text: str
    highlights: list[tuple[int, int]]

    def pieces(self) -> list[tuple[str, bool]]:
        """The excerpt as (text, matched) runs, for the template to escape and mark."""
        runs, position = [], 0
        for start, end in self.highlights:
            runs += [(self.text[position:start], False), (self.text[start:end], True)]
            position = end
        runs.append((self.text[position:], False))
        return [run for run in runs if run[0]]


@dataclass
class Results:
    query: Query
    total: int
    limit: int
    offset: int
    meetings: list[MeetingSummary]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    snippets: dict[str, Snippet] = field(default_factory=dict)  # by doc_id


def faceted_search(store: Store, query: Query, *, limit: int = 20, offset: int = 0) -> Results:
    """A page of merged meetings matching ``query``, newest first, with the facet counts."""
    sqlite = store.dialect == "sqlite"
    words = _words_condition(query.words, sqlite)
    with store.connect() as conn:
        if words is False:
            return Results(query, 0, limit, offset, [])
        conditions = _conditions(query, words)
        total = conn.execute(select(func.count()).select_from(t.events).where(*conditions))
        rows = (
            conn.execute(
                summary_select()
                .where(*conditions)
                .order_by(_e.date.desc().nulls_last(), _e.event_id)
                .limit(limit)
                .offset(offset)
            )
            .mappings()
            .all()
        )
        results = Results(query, int(total.scalar_one()), limit, offset, summarize(conn, rows))
        results.facets = _facets(conn, query, words)
        if query.words.strip() and results.meetings:
            results.snippets = _snippets(conn, sqlite, query.words, results.meetings)
    return results


def _words_condition(words: str, sqlite: bool) -> ColumnElement[bool] | bool | None:
    """Events reported by a document with every word; None without words; False if none can
    match (the text has no word at all)."""
    if not words.strip():
        return None
    phrases = fts5_phrases(words)
    if phrases is None:
        return False
    d = t.documents.c
    if sqlite:
        rowids = text(_SQLITE_MATCH).bindparams(q=phrases).columns(column("rowid", Integer))
        matching = select(d.doc_id).where(d.id.in_(rowids))
    else:
        tsquery = func.plainto_tsquery(PG_CONFIG, words)
        matching = select(d.doc_id).where(literal_column("search").op("@@")(tsquery))
    return _e.event_id.in_(select(_m.event_id).where(_m.doc_id.in_(matching)))


def _conditions(query: Query, words: Any) -> list[ColumnElement[bool]]:
    conditions = event_conditions(query.meeting_filter())
    return [*conditions, words] if words is not None else conditions


def _facets(conn: Connection, query: Query, words: Any) -> dict[str, list[FacetValue]]:
    """Counts per value of each facet, under every other active filter."""
    year = func.substr(_e.date, 1, 4)
    dimensions: dict[str, tuple[Any, Query]] = {
        "jurisdiction": (_e.jurisdiction, replace(query, jurisdiction=None)),
        "body": (_e.body_id, replace(query, body=None)),
        "meeting_type": (_e.meeting_type, replace(query, meeting_type=None)),
        "year": (year, replace(query, year=None)),
    }
    facets = {}
    for name, (key, others) in dimensions.items():
        count = func.count()
        order = [key.desc()] if name == "year" else [count.desc(), key]
        rows = conn.execute(
            select(key, count)
            .where(key.is_not(None), *_conditions(others, words))
            .group_by(key)
            .order_by(*order)
            .limit(FACET_SIZE)
        ).all()
        facets[name] = [FacetValue(str(value), str(value), n) for value, n in rows]
    _label_bodies(conn, facets["body"])
    return facets


def _label_bodies(conn: Connection, values: list[FacetValue]) -> None:
    """Show bodies by their label ("Hunan / Standing Committee of ...") rather than their id."""
    ids = [value.value for value in values]
    labels = dict(
        conn.execute(
            select(t.bodies.c.body_id, t.bodies.c.label).where(t.bodies.c.body_id.in_(ids))
        )
        .tuples()
        .all()
    )
    values[:] = [replace(v, label=labels.get(v.value, v.value)) for v in values]


def _snippets(
    conn: Connection, sqlite: bool, words: str, meetings: list[MeetingSummary]
) -> dict[str, Snippet]:
    """An excerpt with the matched words for the first report of each meeting on the page."""
    doc_ids = [m.reports[0].doc_id for m in meetings if m.reports]
    rowids = dict(
        conn.execute(
            select(t.documents.c.id, t.documents.c.doc_id).where(t.documents.c.doc_id.in_(doc_ids))
        )
        .tuples()
        .all()
    )
    if not rowids:
        return {}
    if sqlite:
        rows = conn.execute(
            _SQLITE_SNIPPETS, {"q": fts5_phrases(words), "ids": json.dumps(list(rowids))}
        )
    else:
        rows = conn.execute(_PG_SNIPPETS, {"q": words, "ids": list(rowids)})
    return {rowids[rowid]: Snippet(*split_marks(marked or "")) for rowid, marked in rows}
