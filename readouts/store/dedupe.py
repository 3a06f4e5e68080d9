"""Deciding what each incoming document is: already stored, a copy, or new.

* the same text from the same place: already stored, nothing changes (idempotent ingest);
* the same text from another place: an exact copy, one more source row of that document;
* a text most of whose shingles another stored (or earlier in the batch) document shares:
  a near-duplicate (a syndicated, lightly edited copy), one more source row, no meetings;
* anything else: a new document.

The checks run inside the batch's write transaction, against the store and against the
documents before it in the batch, so two copies in one batch are caught too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Connection, select

from readouts.load import Document, LoadError
from readouts.model import Record
from readouts.store import schema as t
from readouts.store.bands import documents_in_buckets
from readouts.store.minhash import (
    NEAR_DUPLICATE_THRESHOLD,
    Signature,
    band_buckets,
    from_bytes,
    similarity,
)
from readouts.store.sql import is_in


class Outcome(StrEnum):
    new = "new"
    unchanged = "unchanged"
    exact_copy = "exact_copy"
    near_duplicate = "near_duplicate"
    failed = "failed"


@dataclass
class Prepared:
    """A document with what the ingest computed for it before the write transaction."""

    document: Document
    content_id: str
    record: Record | None = None  # None when the text was already stored (not extracted)
    signature: Signature | None = None
    error: LoadError | None = None
    # Set by classify():
    outcome: Outcome = Outcome.failed
    doc_id: str | None = None  # the canonical document it belongs to
    similarity: float | None = None
    relation: str = "original"
    buckets: list[tuple[int, int]] = field(default_factory=list)


def known_contents(
    conn: Connection, content_ids: Sequence[str]
) -> dict[str, list[tuple[str, str, str, float | None]]]:
    """content_id -> [(source, doc_id, relation, similarity)] for the ids already stored."""
    s = t.sources
    found: dict[str, list[tuple[str, str, str, float | None]]] = defaultdict(list)
    if not content_ids:
        return found
    query = select(s.c.content_id, s.c.source, s.c.doc_id, s.c.relation, s.c.similarity)
    query = query.where(is_in(conn.dialect.name, s.c.content_id, set(content_ids)))
    for cid, source, doc_id, relation, sim in conn.execute(query):
        found[cid].append((source, doc_id, relation, sim))
    return found


def classify(conn: Connection, batch: list[Prepared]) -> None:
    """Set each prepared document's outcome (and the document it belongs to)."""
    stored = known_contents(conn, [p.content_id for p in batch if p.error is None])
    seen_pairs = {(cid, source) for cid, rows in stored.items() for source, *_ in rows}
    contents = {cid: (rows[0][1], rows[0][2], rows[0][3]) for cid, rows in stored.items()}
    near = _NearIndex(conn, [p for p in batch if p.error is None and p.content_id not in contents])
    for item in batch:
        if item.error is not None:
            item.outcome = Outcome.failed
            continue
        pair = (item.content_id, item.document.source)
        if pair in seen_pairs:
            item.outcome = Outcome.unchanged
        elif item.content_id in contents:
            doc_id, relation, sim = contents[item.content_id]
            item.outcome, item.doc_id, item.similarity = Outcome.exact_copy, doc_id, sim
            item.relation = "near_duplicate" if relation == "near_duplicate" else "exact_copy"
        else:
            match = near.match(item)
            if match is not None:
                item.outcome, item.doc_id, item.similarity = Outcome.near_duplicate, *match
                item.relation = "near_duplicate"
            else:
                item.outcome, item.doc_id, item.relation = Outcome.new, item.content_id, "original"
                near.add(item)
            contents[item.content_id] = (
                item.doc_id or item.content_id,
                item.relation,
                item.similarity,
            )
        seen_pairs.add(pair)


class _NearIndex:
    """LSH buckets of the stored documents the batch may copy, plus the batch's new ones.

    Similar text is not enough: templated readouts of two different meetings of one body
    can share most of their shingles.  A copy must also report the same meetings (the same
    meeting dates, in order), which a syndicated copy always does.
    """

    def __init__(self, conn: Connection, candidates: list[Prepared]) -> None:
        self._buckets: dict[int, set[str]] = defaultdict(set)
        self._signatures: dict[str, Signature] = {}
        self._dates: dict[str, tuple[str | None, ...]] = defaultdict(tuple)
        for item in candidates:
            if item.signature is not None:
                item.buckets = band_buckets(item.signature)
        wanted = {bucket for item in candidates for _, bucket in item.buckets}
        self._load(conn, sorted(wanted))

    def _load(self, conn: Connection, wanted: list[int]) -> None:
        if not wanted:
            return
        d, m = t.documents, t.meetings
        dialect = conn.dialect.name
        in_buckets: dict[int, list[int]] = defaultdict(list)
        for bucket, document in documents_in_buckets(conn, wanted):
            in_buckets[bucket].append(document)
        rows = sorted({document for documents in in_buckets.values() for document in documents})
        if not rows:
            return
        signed = select(d.c.id, d.c.doc_id, d.c.minhash).where(is_in(dialect, d.c.id, rows))
        doc_ids: dict[int, str] = {}
        for row_id, doc_id, data in conn.execute(signed):
            doc_ids[row_id] = doc_id
            if data is not None:
                self._signatures[doc_id] = from_bytes(data)
        for bucket, documents in in_buckets.items():
            self._buckets[bucket].update(doc_ids[document] for document in documents)
        dates = select(m.c.doc_id, m.c.date)
        dates = dates.where(is_in(dialect, m.c.doc_id, sorted(doc_ids.values())))
        for doc_id, date in conn.execute(dates.order_by(m.c.doc_id, m.c.position)):
            self._dates[doc_id] += (date,)

    def match(self, item: Prepared) -> tuple[str, float] | None:
        """The most similar document at or above the threshold, with its similarity."""
        if item.signature is None:
            return None
        dates = _meeting_dates(item)
        candidates = {doc for _, bucket in item.buckets for doc in self._buckets.get(bucket, ())}
        best: tuple[str, float] | None = None
        for doc_id in sorted(candidates):
            other = self._signatures.get(doc_id)
            if other is None or self._dates[doc_id] != dates:
                continue
            score = similarity(item.signature, other)
            if score >= NEAR_DUPLICATE_THRESHOLD and (best is None or score > best[1]):
                best = (doc_id, score)
        return best

    def add(self, item: Prepared) -> None:
        """A new document of this batch: later documents may be copies of it."""
        if item.signature is None:
            return
        self._signatures[item.content_id] = item.signature
        self._dates[item.content_id] = _meeting_dates(item)
        for _, bucket in item.buckets:
            self._buckets[bucket].add(item.content_id)


def _meeting_dates(item: Prepared) -> tuple[str | None, ...]:
    return tuple(m.date for m in item.record.meetings) if item.record is not None else ()
