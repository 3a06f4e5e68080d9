"""Faceted search over merged meetings: words, then jurisdiction, body, meeting type and year.

The search page narrows meetings the way analysts do -- "two safeguards", then Hunan, then
standing committee meetings, then 2023 -- and shows at each step how many meetings each
further choice would leave.  Each facet counts under every *other* active filter, so choosing
Hunan still shows how many meetings the other provinces have.

The words go through the store's full-text index once (always as a bound parameter); the
meetings they match are read once with the four facet columns, sorted newest first and kept
in a small cache keyed by the words and the store's generation (the highest document and
source ids, see :mod:`readouts.web.cache`).  Filtering, counting and paging then happen in
memory: clicking facet after facet costs no database work beyond the page's own meetings,
and a word found in every document is read once instead of once per facet.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    column,
    func,
    literal_column,
    select,
    text,
)

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.fts import FTS_TABLE, PG_CONFIG, fts5_phrases
from readouts.store.queries.filters import MeetingFilter, body_ids_matching
from readouts.store.queries.meetings import summarize, summary_select
from readouts.store.queries.results import MeetingSummary
from readouts.store.queries.search import split_marks
from readouts.web.cache import LruCache, generation

#: Values shown per facet (the most frequent); the rest are reachable by the API's filters.
FACET_SIZE = 12
SNIPPET_WORDS = 20
#: Match sets kept per process, and the largest one kept (rows); larger ones are recomputed.
CACHE_ENTRIES = 8
CACHE_MAX_ROWS = 300_000

_e, _m, _d = t.events.c, t.meetings.c, t.documents.c
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
_FACET_COLUMNS = (_e.event_id, _e.date, _e.jurisdiction, _e.body_id, _e.meeting_type)

#: (event_id, date, year, jurisdiction, jurisdiction lower-cased, body_id, meeting_type).
Row = tuple[str, str | None, str | None, str | None, str | None, str | None, str]
_DATE, _YEAR, _PLACE, _PLACE_KEY, _BODY, _TYPE = 1, 2, 3, 4, 5, 6
#: Which row field each facet counts, and which field its filter compares.
_SHOWN = {"jurisdiction": _PLACE, "body": _BODY, "meeting_type": _TYPE, "year": _YEAR}
_COMPARED = {"jurisdiction": _PLACE_KEY, "body": _BODY, "meeting_type": _TYPE, "year": _YEAR}


@dataclass(frozen=True)
class Query:
    """What the search form asks for; every part optional."""

    words: str = ""
    jurisdiction: str | None = None
    body: str | None = None
    meeting_type: str | None = None
    year: str | None = None

    def validate(self) -> Query:
        """Refuse a bad meeting type or year with the store's own message (QueryError)."""
        MeetingFilter(meeting_type=self.meeting_type, date_from=self.year).validate()
        return self

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


class MatchCache(LruCache[list["Row"]]):
    """The few most recent match sets of one store (large ones are not kept)."""

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        super().__init__(entries, keep=lambda rows: len(rows) <= CACHE_MAX_ROWS)


def faceted_search(
    store: Store,
    query: Query,
    *,
    limit: int = 20,
    offset: int = 0,
    cache: MatchCache | None = None,
) -> Results:
    """A page of merged meetings matching ``query``, newest first, with the facet counts."""
    query.validate()
    sqlite = store.dialect == "sqlite"
    with store.connect() as conn:
        matched = _match_set(conn, query.words, sqlite, generation(conn), cache or MatchCache(1))
        bodies = _bodies(conn, query.body, matched)
        wanted = _filters(query, bodies)
        chosen = _passing(matched, wanted)
        page_ids = [row[0] for row in chosen[offset : offset + limit]]
        results = Results(query, len(chosen), limit, offset, _summaries(conn, page_ids))
        results.facets = _facets(conn, matched, wanted, chosen)
        if query.words.strip() and results.meetings:
            results.snippets = _snippets(conn, sqlite, query.words, results.meetings)
    return results


def _match_set(
    conn: Connection, words: str, sqlite: bool, version: tuple[Any, ...], cache: MatchCache
) -> list[Row]:
    """Every merged meeting the words match (all of them without words), newest first."""
    words = " ".join(words.split())
    query = select(*_FACET_COLUMNS)
    if words:
        phrases = fts5_phrases(words)
        if phrases is None:
            return []
        query = query.where(
            _e.event_id.in_(select(_m.event_id).where(_m.doc_id.in_(_docs(words, phrases, sqlite))))
        )

    def compute() -> list[Row]:
        rows = [_row(values) for values in conn.execute(query)]
        rows.sort(key=lambda row: row[0])
        rows.sort(key=lambda row: row[_DATE] or "", reverse=True)
        return rows

    return cache.get((words, version), compute)


def _docs(words: str, phrases: str, sqlite: bool) -> Select[Any]:
    if sqlite:
        rowids = text(_SQLITE_MATCH).bindparams(q=phrases).columns(column("rowid", Integer))
        return select(_d.doc_id).where(_d.id.in_(rowids))
    tsquery = func.plainto_tsquery(PG_CONFIG, words)
    return select(_d.doc_id).where(literal_column("search").op("@@")(tsquery))


def _row(values: Sequence[Any]) -> Row:
    """A match-set row, with the repeated strings interned to keep large sets small."""
    event_id, date, place, body, kind = values
    year = sys.intern(date[:4]) if date else None
    key = sys.intern(place.strip().lower()) if place else None
    place = sys.intern(place) if place else None
    return (event_id, date, year, place, key, sys.intern(body) if body else None, sys.intern(kind))


def _bodies(conn: Connection, body: str | None, matched: list[Row]) -> set[str] | None:
    """The body ids a body filter means: an id as the facets give it, else label words."""
    if not body:
        return None
    if any(row[_BODY] == body for row in matched):
        return {body}
    return {str(body_id) for body_id in conn.execute(body_ids_matching(body)).scalars()}


def _filters(query: Query, bodies: set[str] | None) -> dict[str, set[str | None]]:
    """The accepted values of the compared field, per active filter (the store's rules:
    jurisdiction in any case, body by id or label words, exact type, year of the date)."""
    wanted: dict[str, set[str | None]] = {}
    if query.jurisdiction:
        wanted["jurisdiction"] = {query.jurisdiction.strip().lower()}
    if bodies is not None:
        wanted["body"] = set(bodies)
    if query.meeting_type:
        wanted["meeting_type"] = {query.meeting_type}
    if query.year:
        wanted["year"] = {query.year}
    return wanted


def _passing(rows: list[Row], wanted: dict[str, set[str | None]], but: str = "") -> list[Row]:
    """The rows every filter accepts, except the filter named ``but``."""
    for name, values in wanted.items():
        if name != but:
            field_index = _COMPARED[name]
            rows = [row for row in rows if row[field_index] in values]
    return rows


def _facets(
    conn: Connection, matched: list[Row], wanted: dict[str, set[str | None]], chosen: list[Row]
) -> dict[str, list[FacetValue]]:
    """Counts per value of each facet, under every other active filter."""
    facets = {}
    for name, field_index in _SHOWN.items():
        rows = _passing(matched, wanted, but=name) if name in wanted else chosen
        counts = Counter(row[field_index] for row in rows)
        counts.pop(None, None)
        if name == "year":
            top = sorted(counts.items(), reverse=True)[:FACET_SIZE]
        else:
            top = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))[:FACET_SIZE]
        facets[name] = [FacetValue(str(value), str(value), n) for value, n in top]
    facets["body"] = _label_bodies(conn, facets["body"])
    return facets


def _label_bodies(conn: Connection, values: list[FacetValue]) -> list[FacetValue]:
    """Show bodies by their label ("Hunan / Standing Committee of ...") rather than their id."""
    ids = [value.value for value in values]
    found = conn.execute(
        select(t.bodies.c.body_id, t.bodies.c.label).where(t.bodies.c.body_id.in_(ids))
    )
    labels = {body_id: label for body_id, label in found}
    return [FacetValue(v.value, labels.get(v.value, v.value), v.count) for v in values]


def _summaries(conn: Connection, event_ids: list[str]) -> list[MeetingSummary]:
    """The page's meetings with presiders and reports, in the page's order."""
    if not event_ids:
        return []
    rows = conn.execute(summary_select().where(_e.event_id.in_(event_ids))).mappings().all()
    order = {event_id: number for number, event_id in enumerate(event_ids)}
    return summarize(conn, sorted(rows, key=lambda row: order[row["event_id"]]))


def _snippets(
    conn: Connection, sqlite: bool, words: str, meetings: list[MeetingSummary]
) -> dict[str, Snippet]:
    """An excerpt with the matched words for the first report of each meeting on the page."""
    doc_ids = [m.reports[0].doc_id for m in meetings if m.reports]
    found = conn.execute(select(_d.id, _d.doc_id).where(_d.doc_id.in_(doc_ids)))
    rowids = {row_id: doc_id for row_id, doc_id in found}
    if not rowids:
        return {}
    if sqlite:
        rows = conn.execute(
            _SQLITE_SNIPPETS, {"q": fts5_phrases(words), "ids": json.dumps(list(rowids))}
        )
    else:
        rows = conn.execute(_PG_SNIPPETS, {"q": words, "ids": list(rowids)})
    return {rowids[rowid]: Snippet(*split_marks(marked or "")) for rowid, marked in rows}
