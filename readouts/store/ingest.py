"""Ingest: documents in, rows out, one transaction per batch, safe to kill and to repeat.

For each batch of documents, first without holding the store's write lock: compute each
text's id, skip extraction for texts already stored, extract the rest and compute their
MinHash signatures.  Then, in one write transaction: classify each document (already stored,
exact copy, near-duplicate, new: :mod:`.dedupe`), resolve and link the new documents'
meetings (:mod:`.rows`, :mod:`.events`), write every row with ``executemany``, and rebuild
the people and bodies the batch touched (:mod:`.derived`).  A crash (even SIGKILL) loses at
most the uncommitted batch, and rerunning the same ingest skips what was committed: no
duplicate, partial or lost document.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection, update

from readouts.errors import ReadoutsError
from readouts.extract import extract
from readouts.load import DEFAULT_MAX_BYTES, Document, LoadError
from readouts.load.inputs import iter_input_files, read_input
from readouts.model import Record
from readouts.resolve import ResolvedBody
from readouts.store import schema as t
from readouts.store.bands import add_bands
from readouts.store.collector import BatchCollector, collect_between_batches
from readouts.store.dedupe import Outcome, Prepared, classify, known_contents
from readouts.store.defaults import DEFAULT_BATCH_SIZE
from readouts.store.events import EventLinker
from readouts.store.increments import add_batch_to_people, add_events_to_bodies
from readouts.store.judgements import load_log
from readouts.store.migrations import utc_now
from readouts.store.minhash import band_buckets, signature
from readouts.store.rows import DocumentRows, ParticipationRows, Row, document_rows
from readouts.store.sql import bulk_insert, insert_ignore, insert_in_few_statements, take_ids
from readouts.store.store import Store


@dataclass
class IngestSummary:
    """What an ingest did; also the running counts its progress callback receives."""

    total_files: int = 0  # input files named (directories walked); 0 when not known
    files: int = 0  # input files read so far
    documents: int = 0  # documents read (failures to read or extract included)
    new: int = 0
    unchanged: int = 0
    exact_copies: int = 0
    near_duplicates: int = 0
    failed: int = 0  # inputs that could not be read or extracted
    meetings: int = 0  # meetings of new documents
    linked: int = 0  # of which reports of a meeting already stored (joined its event)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Documents per second so far."""
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        return (
            f"{self.documents} documents from {self.files} files in {self.seconds:.1f} s "
            f"({self.rate:.0f} docs/s): {self.new} new, {self.unchanged} already stored, "
            f"{self.exact_copies} exact copies, {self.near_duplicates} near-duplicates, "
            f"{self.failed} failed; {self.meetings} meetings added "
            f"({self.linked} linked to a meeting already reported)"
        )


ErrorHook = Callable[[LoadError], None]
ProgressHook = Callable[[IngestSummary], None]


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lang: str | None = None,
    on_error: ErrorHook | None = None,
    on_progress: ProgressHook | None = None,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Ingest files and directories (.txt, .html/.htm, .jsonl; ``-`` for stdin)."""
    paths = list(paths)
    # Walked twice (counted, then read) rather than listed: memory stays flat however many
    # files a directory holds.
    summary = IngestSummary(total_files=sum(1 for _ in iter_input_files(paths)))

    def documents() -> Iterator[Document | LoadError]:
        for item in iter_input_files(paths):
            if isinstance(item, LoadError):
                yield item
            else:
                yield from read_input(item, max_bytes, stdin)
            summary.files += 1

    return _run(store, documents(), summary, batch_size, lang, on_error, on_progress)


def ingest_documents(
    store: Store,
    documents: Iterable[Document | LoadError],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    lang: str | None = None,
    on_error: ErrorHook | None = None,
    on_progress: ProgressHook | None = None,
) -> IngestSummary:
    """Ingest documents already loaded (each LoadError is counted and reported)."""
    return _run(store, documents, IngestSummary(), batch_size, lang, on_error, on_progress)


def _run(
    store: Store,
    documents: Iterable[Document | LoadError],
    summary: IngestSummary,
    batch_size: int,
    lang: str | None,
    on_error: ErrorHook | None,
    on_progress: ProgressHook | None,
) -> IngestSummary:
    started = time.perf_counter()
    pending: list[Document | LoadError] = []

    def flush(collector: BatchCollector) -> None:
        batch = _prepare(store, pending, lang)
        _write(store, batch, summary)
        for item in batch:
            if item.error is not None and on_error is not None:
                on_error(item.error)
        pending.clear()
        del batch
        collector.after_batch()

    with collect_between_batches() as collector:
        for document in documents:
            pending.append(document)
            summary.documents += 1
            if len(pending) >= batch_size:
                flush(collector)
            summary.seconds = time.perf_counter() - started
            if on_progress is not None:
                on_progress(summary)
        if pending:
            flush(collector)
    summary.seconds = time.perf_counter() - started
    if on_progress is not None:
        on_progress(summary)
    return summary


def _prepare(store: Store, pending: list[Document | LoadError], lang: str | None) -> list[Prepared]:
    """Ids, records and signatures, computed outside the write lock; stored texts skipped."""
    pending = [_storable_source(d) if isinstance(d, Document) else d for d in pending]
    loaded = [d for d in pending if isinstance(d, Document)]
    with store.connect() as conn:
        stored = known_contents(conn, [d.doc_id for d in loaded])
    batch = []
    for item in pending:
        if isinstance(item, LoadError):
            batch.append(Prepared(Document(item.source, ""), "", error=item))
            continue
        prepared = Prepared(item, item.doc_id)
        problem = _unstorable(item)
        if problem:
            prepared.error = LoadError(item.source, problem)
        elif prepared.content_id not in stored:
            _extract_into(prepared, lang)
        batch.append(prepared)
    return batch


def _extract_into(prepared: Prepared, lang: str | None) -> None:
    document = prepared.document
    try:
        record = extract(document.text, source=document.source, lang=lang)
    except ReadoutsError as exc:
        prepared.error = LoadError(document.source, str(exc))
        return
    except Exception as exc:  # a bug in an extractor: name it, keep going
        prepared.error = LoadError(document.source, f"unexpected {type(exc).__name__}: {exc}")
        return
    prepared.record = with_metadata(record, document)
    prepared.signature = signature(document.text)


def with_metadata(record: Record, document: Document) -> Record:
    """The record with the input's metadata where the text gave none, and its text when the
    offsets do not point into the file as read (HTML, JSONL)."""
    update_fields: dict[str, object] = {}
    if record.title is None and document.title:
        update_fields["title"] = document.title
    if record.published is None and document.published:
        update_fields["published"] = document.published
    if document.format in ("html", "jsonl"):
        update_fields["text"] = document.text
    return record.model_copy(update=update_fields) if update_fields else record


def _write(store: Store, batch: list[Prepared], summary: IngestSummary) -> None:
    with store.begin_write() as conn:
        classify(conn, batch)
        now = utc_now()
        log = load_log(conn)
        new_docs = [  # a new text always has a record: only texts already stored lack one
            (item, document_rows(item.record, item.document.text, item.signature, log, now))
            for item in batch
            if item.outcome is Outcome.new and item.record is not None
        ]
        _write_rows(conn, batch, new_docs, now, summary)
    _count(batch, summary)


def _write_rows(
    conn: Connection,
    batch: list[Prepared],
    new_docs: list[tuple[Prepared, DocumentRows]],
    now: str,
    summary: IngestSummary,
) -> None:
    meetings = [m for _, rows in new_docs for m in rows.meetings]
    linker = EventLinker(conn, meetings)
    for meeting in meetings:
        linker.link(meeting)
    linked = linker.finish()
    documents = [rows.document for _, rows in new_docs]
    take_ids(conn, t.documents, documents)  # the bands point at them
    insert_in_few_statements(conn, t.documents, documents)
    sources = [_source_row(item, now) for item in batch if item.outcome in _ADDS_SOURCE]
    bulk_insert(conn, t.sources, sources)
    bands = [
        {"bucket": bucket, "document_id": rows.document["id"]}
        for item, rows in new_docs
        if item.signature is not None
        for _, bucket in (item.buckets or band_buckets(item.signature))
    ]
    add_bands(conn, bands)
    participations = [p for m in meetings for p in m.participations]
    # Before the batch's participations are stored: it reads who the joined events counted.
    add_batch_to_people(conn, participations, linked.reports_added)
    _write_meetings(conn, new_docs, linked.new_events)
    for event_id, added in linked.reports_added.items():
        e = t.events
        conn.execute(
            update(e).where(e.c.event_id == event_id).values(n_reports=e.c.n_reports + added)
        )
    add_events_to_bodies(conn, linked.new_events)
    summary.meetings += len(meetings)
    summary.linked += linked.linked


_ADDS_SOURCE = (Outcome.new, Outcome.exact_copy, Outcome.near_duplicate)


def _write_meetings(
    conn: Connection, new_docs: list[tuple[Prepared, DocumentRows]], events: list[Row]
) -> None:
    meetings = [m for _, rows in new_docs for m in rows.meetings]
    if not meetings:
        return
    bodies: dict[str, ResolvedBody] = {}
    for meeting in meetings:  # the first report names the body
        if meeting.body is not None:
            bodies.setdefault(meeting.body.body_id, meeting.body)
    insert_ignore(
        conn,
        t.bodies,
        [
            {
                "body_id": body.body_id,
                "jurisdiction": body.jurisdiction.name if body.jurisdiction else None,
                "country": body.jurisdiction.country if body.jurisdiction else None,
                "name_key": body.name_key,
                "name": body.name,
                "label": body.label,
                "n_meetings": 0,
            }
            for body in bodies.values()
        ],
    )
    posts = {post_id: row for _, rows in new_docs for post_id, row in rows.posts.items()}
    insert_ignore(conn, t.posts, list(posts.values()))
    bulk_insert(conn, t.events, events)
    bulk_insert(conn, t.meetings, [m.row for m in meetings])
    bulk_insert(conn, t.meeting_items, [item for m in meetings for item in m.items])
    _write_participations(conn, [p for m in meetings for p in m.participations])


def _write_participations(conn: Connection, participations: list[ParticipationRows]) -> None:
    """Participations get their ids here, under the write lock, so their titles can point at
    them without a round trip per row."""
    if not participations:
        return
    rows = [item.row for item in participations]
    take_ids(conn, t.participations, rows)
    titles = [
        {**title, "participation_id": item.row["id"]}
        for item in participations
        for title in item.titles
    ]
    bulk_insert(conn, t.participations, rows)
    bulk_insert(conn, t.participation_titles, titles)


def _source_row(item: Prepared, now: str) -> Row:
    document, record = item.document, item.record
    return {
        "doc_id": item.doc_id,
        "content_id": item.content_id,
        "source": document.source,
        "url": document.url,
        "title": document.title or (record.title if record else None),
        "published": document.published or (record.published if record else None),
        "outlet": record.outlet if record else None,
        "format": document.format,
        "relation": item.relation,
        "similarity": item.similarity,
        "ingested_at": now,
    }


def _unstorable(document: Document) -> str | None:
    """Why a database would refuse the document's text (NUL characters, lone surrogates from
    a JSON escape), so it fails alone instead of failing its whole batch."""
    for name in ("text", "title", "url", "published"):
        value = getattr(document, name)
        if not value:
            continue
        if "\x00" in value:
            return f"the {name} contains a NUL character"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"the {name} contains an unpaired surrogate (invalid Unicode)"
    return None


def _storable_source(document: Document) -> Document:
    """The document with a source a database accepts: a file name that is not UTF-8 (Python
    keeps its bytes as lone surrogates) gets U+FFFD for each such byte, the same every time."""
    try:
        document.source.encode("utf-8")
    except UnicodeEncodeError:
        raw = document.source.encode("utf-8", "surrogateescape")
        return replace(document, source=raw.decode("utf-8", "replace"))
    return document


def _count(batch: list[Prepared], summary: IngestSummary) -> None:
    for item in batch:
        if item.outcome is Outcome.new:
            summary.new += 1
        elif item.outcome is Outcome.unchanged:
            summary.unchanged += 1
        elif item.outcome is Outcome.exact_copy:
            summary.exact_copies += 1
        elif item.outcome is Outcome.near_duplicate:
            summary.near_duplicates += 1
        else:
            summary.failed += 1
