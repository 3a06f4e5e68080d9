"""Full-text search over documents, with the meetings each document reports.

Whatever the user types is searched for as plain words: on SQLite every word becomes a
quoted FTS5 phrase (:func:`readouts.store.fts.fts5_phrases`), on PostgreSQL the text goes
through ``plainto_tsquery``; either way it is a bound parameter, so FTS operators, quotes and
SQL fragments are words to look for, never syntax.  All words must occur (AND).

A page is fetched in two steps so that the expensive parts run only on the page: the ids
first (ranked by relevance, or newest first when too many match to rank them within the
latency target), then snippets (:mod:`.snippets`) and meetings for those few documents.
Snippets are plain text with the offsets of the matched words, so callers highlight them
with their own escaping.  ``split_marks`` turns text marked by a database's snippet function
(``\x02``/``\x03`` around matches) into the same form, for callers that use one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import regex
from sqlalchemy import Connection, func, select, text

from readouts.eval.fold import fold_name
from readouts.store import Store
from readouts.store import schema as t
from readouts.store.fts import FTS_TABLE, PG_CONFIG, fts5_phrases
from readouts.store.queries.filters import check_page, plain
from readouts.store.queries.results import PersonRef, SearchHit, SearchMeeting, SearchResults
from readouts.store.queries.snippets import SCAN_CHARS, make_snippet, query_pattern

_START, _STOP = "\x02", "\x03"
_MARKS = regex.compile("[\x02\x03]")
#: Matches above this many are ordered newest first instead of by relevance: ranking costs
#: a few microseconds per match, and a word found in most of 100,000 documents would take a
#: search far past its latency target.
RANK_LIMIT = 5_000

_SQLITE_COUNT = text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q")
_SQLITE_RANKED = text(
    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rank, rowid DESC "
    "LIMIT :limit OFFSET :offset"
)
_SQLITE_RECENT = text(
    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rowid DESC "
    "LIMIT :limit OFFSET :offset"
)
_PG_QUERY = f"plainto_tsquery('{PG_CONFIG}', :q)"
_PG_COUNT = text(f"SELECT count(*) FROM documents WHERE search @@ {_PG_QUERY}")
_PG_RANKED = text(
    f"SELECT id FROM documents WHERE search @@ {_PG_QUERY} "
    f"ORDER BY ts_rank(search, {_PG_QUERY}) DESC, id DESC LIMIT :limit OFFSET :offset"
)
_PG_RECENT = text(
    f"SELECT id FROM documents WHERE search @@ {_PG_QUERY} ORDER BY id DESC "
    "LIMIT :limit OFFSET :offset"
)


def search(store: Store, query: str, *, limit: int = 20, offset: int = 0) -> SearchResults:
    """Documents containing every word of ``query``, best first, with snippet and meetings."""
    check_page(limit, offset)
    query = plain(query)
    empty = SearchResults(query=query, total=0, limit=limit, offset=offset, hits=[])
    phrases = fts5_phrases(query)
    if phrases is None:
        return empty
    sqlite = store.dialect == "sqlite"
    params = {"q": phrases if sqlite else query, "limit": limit, "offset": offset}
    with store.connect() as conn:
        total = conn.execute(_SQLITE_COUNT if sqlite else _PG_COUNT, params).scalar_one()
        if total == 0:
            return empty
        if sqlite:
            ranked = _SQLITE_RANKED if total <= RANK_LIMIT else _SQLITE_RECENT
        else:
            ranked = _PG_RANKED if total <= RANK_LIMIT else _PG_RECENT
        ids = [row[0] for row in conn.execute(ranked, params)]
        hits = _hits(conn, ids, query)
    return SearchResults(query=query, total=total, limit=limit, offset=offset, hits=hits)


def split_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Plain text and ``[start, end)`` offsets from text with start/stop marker characters."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    position = length = 0
    start: int | None = None
    for mark in _MARKS.finditer(marked):
        piece = marked[position : mark.start()]
        pieces.append(piece)
        length += len(piece)
        position = mark.end()
        if mark.group() == _START:
            start = length
        else:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
    pieces.append(marked[position:])
    return "".join(pieces), spans


def _hits(conn: Connection, ids: Sequence[int], query: str) -> list[SearchHit]:
    d = t.documents.c
    docs = {
        row["id"]: row
        for row in conn.execute(
            select(
                d.id,
                d.doc_id,
                d.title,
                d.outlet,
                d.published,
                func.substr(d.text, 1, SCAN_CHARS).label("text"),
            ).where(d.id.in_(ids))
        ).mappings()
    }
    doc_ids = [docs[i]["doc_id"] for i in ids if i in docs]
    n_sources: dict[str, int] = {
        doc_id: n
        for doc_id, n in conn.execute(
            select(t.sources.c.doc_id, func.count())
            .where(t.sources.c.doc_id.in_(doc_ids))
            .group_by(t.sources.c.doc_id)
        )
    }
    words = {fold_name(word) for word in [*query.split(), query]} - {""}
    pattern = query_pattern(query)
    meetings = _meetings(conn, doc_ids, words)
    hits = []
    for rowid in ids:
        if rowid not in docs:
            continue
        doc = docs[rowid]
        snippet, highlights = make_snippet(doc["text"], pattern)
        hits.append(
            SearchHit(
                doc_id=doc["doc_id"],
                title=doc["title"],
                outlet=doc["outlet"],
                published=doc["published"],
                snippet=snippet,
                highlights=highlights,
                n_sources=n_sources.get(doc["doc_id"], 0),
                meetings=meetings[doc["doc_id"]],
            )
        )
    return hits


def _meetings(
    conn: Connection, doc_ids: list[str], words: set[str]
) -> dict[str, list[SearchMeeting]]:
    m, p = t.meetings.c, t.participations.c
    rows = (
        conn.execute(
            select(
                m.meeting_id,
                m.doc_id,
                m.event_id,
                m.date,
                m.meeting_type,
                t.bodies.c.label,
                m.jurisdiction,
            )
            .select_from(t.meetings.outerjoin(t.bodies, t.bodies.c.body_id == m.body_id))
            .where(m.doc_id.in_(doc_ids))
            .order_by(m.doc_id, m.position)
        )
        .mappings()
        .all()
    )
    matched: dict[str, list[PersonRef]] = defaultdict(list)
    for row in conn.execute(
        select(p.meeting_id, p.person_id, p.name)
        .where(p.doc_id.in_(doc_ids))  # the participations of every meeting above
        .order_by(p.meeting_id, p.position)
    ):
        if _names_word(row.name, words):
            matched[row.meeting_id].append(PersonRef(person_id=row.person_id, name=row.name))
    found: dict[str, list[SearchMeeting]] = defaultdict(list)
    for meeting in rows:
        found[meeting["doc_id"]].append(_meeting_hit(meeting, matched[meeting["meeting_id"]]))
    return found


def _meeting_hit(row: Any, people: list[PersonRef]) -> SearchMeeting:
    return SearchMeeting(
        event_id=row["event_id"],
        meeting_id=row["meeting_id"],
        date=row["date"],
        meeting_type=row["meeting_type"],
        body=row["label"],
        jurisdiction=row["jurisdiction"],
        matched_people=people,
    )


def _names_word(name: str, words: set[str]) -> bool:
    """Whether a word of ``name`` (or the whole name) is one of the query's folded words."""
    parts = name.casefold().split() if name.isascii() else [fold_name(p) for p in name.split()]
    return any(part in words for part in parts) or "".join(parts) in words
