"""The store's tables, defined once with SQLAlchemy Core for both SQLite and PostgreSQL.

Every reader (queries, exports, the web UI) and every writer (ingest, the resolver) uses
these ``Table`` objects, so the two databases cannot drift apart.  The full-text index is
the one dialect-specific part and lives in :mod:`readouts.store.fts`.

Three kinds of tables:

* what was read: ``documents`` (one per distinct text, with the full record JSON),
  ``sources`` (every place a document was seen, syndicated copies included),
  ``minhash_bands`` (the near-duplicate index);
* what was extracted: ``meetings``, ``meeting_items``, ``participations``,
  ``participation_titles``; and ``events``, one per real meeting, which links the meetings
  of different reports of the same meeting;
* what was resolved across documents, rebuilt from the rows above for the people a batch
  touches: ``people``, ``person_aliases``, ``bodies``, ``posts``, ``occupancies``; plus the
  analysts' ``judgements``, which the resolver replays on every ingest.

Ids of resolved things are deterministic strings (``per_…``, ``body_…``, ``post_…``,
``evt_…``) derived from their keys; references to them are logical (no foreign key),
because the resolved tables are rebuilt inside the same transaction as the rows that
point at them.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

#: Ids and short codes; generous but bounded so that PostgreSQL indexes stay small.
_ID = String(64)
_CODE = String(32)
#: ISO dates ("2023-01-19" or "2023-01") and UTC timestamps, stored as text on both databases
#: so that partial dates compare and sort as strings.
_DATE = String(10)
_STAMP = String(32)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", _STAMP, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    # Integer key: the rowid of SQLite's FTS5 external-content index.
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", _ID, nullable=False, unique=True),
    Column("lang", _CODE, nullable=False),
    Column("title", Text),
    Column("published", _DATE),
    Column("outlet", Text),
    Column("is_readout", Boolean, nullable=False),
    Column("n_meetings", Integer, nullable=False),
    Column("extractor", Text, nullable=False),
    # The text every span in record_json points into (for HTML, the extracted article text).
    Column("text", Text, nullable=False),
    # The Record as JSON (readouts.model.Record) without its "text" key: that is `text` above.
    Column("record_json", Text, nullable=False),
    # MinHash signature (little-endian uint32 values), for near-duplicate checks.
    Column("minhash", LargeBinary),
    Column("ingested_at", _STAMP, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", _ID, ForeignKey("documents.doc_id"), nullable=False, index=True),
    # The doc_id of this copy's own text: equal to doc_id unless it is a near-duplicate.
    # Looked up through the unique (content_id, source) index below, which it leads.
    Column("content_id", _ID, nullable=False),
    Column("source", Text, nullable=False),  # path or URL as given, or FILE.jsonl:LINE
    Column("url", Text),
    Column("title", Text),
    Column("published", _DATE),
    Column("outlet", Text),
    Column("format", _CODE, nullable=False),  # txt | html | jsonl | stdin
    Column("relation", _CODE, nullable=False),  # original | exact_copy | near_duplicate
    Column("similarity", Float),  # estimated Jaccard similarity to the document (copies)
    Column("ingested_at", _STAMP, nullable=False),
    UniqueConstraint("content_id", "source", name="uq_sources_content_source"),
)


def _bands_table(name: str) -> Table:
    return Table(
        name,
        metadata,
        # The 32-bit hash of one band of a signature, the band's number mixed in: equal
        # buckets mean the two documents agree on every value of that band.  Read by bucket
        # only; documents are never deleted, so nothing looks bands up by document.  The key
        # is the whole row and the document is its integer id: on SQLite a WITHOUT ROWID
        # table is then one small B-tree.
        Column("bucket", BigInteger, primary_key=True, autoincrement=False),
        Column(
            "document_id", Integer, ForeignKey("documents.id"), primary_key=True,
            autoincrement=False,
        ),
        sqlite_with_rowid=False,
    )  # fmt: skip


#: The near-duplicate index: sixteen entries a document, each at a random place, so a batch
#: of new documents touched most of its pages.  Batches write their bands to the small
#: ``minhash_bands_recent`` instead, whose pages stay few, and it is merged into the big one
#: in key order every few thousand documents (:mod:`readouts.store.bands`).  Readers look in
#: both.
minhash_bands = _bands_table("minhash_bands")
minhash_bands_recent = _bands_table("minhash_bands_recent")

events = Table(
    "events",
    metadata,
    Column("event_id", _ID, primary_key=True),
    Column("date", _DATE),
    Column("body_id", _ID, index=True),
    Column("jurisdiction", Text),
    Column("country", _CODE),
    Column("meeting_type", _CODE, nullable=False),
    Column("first_meeting_id", _ID, nullable=False),
    Column("n_reports", Integer, nullable=False),  # meetings (from distinct documents) linked
)

meetings = Table(
    "meetings",
    metadata,
    Column("meeting_id", _ID, primary_key=True),  # "{doc_id}-{position}"
    Column("doc_id", _ID, ForeignKey("documents.doc_id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),  # index in record.meetings
    Column("event_id", _ID, nullable=False, index=True),
    Column("date", _DATE),  # indexed with body_id: see below
    Column("time_of_day", _CODE),
    Column("meeting_type", _CODE, nullable=False),
    Column("session_number", Integer),
    Column("session_term", Integer),
    Column("location", Text),
    Column("body_id", _ID, index=True),
    Column("body_name", Text),  # as written
    Column("jurisdiction", Text),
    Column("country", _CODE),
    Column("n_participants", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
)

meeting_items = Table(
    "meeting_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("meeting_id", _ID, ForeignKey("meetings.meeting_id"), nullable=False, index=True),
    Column("kind", _CODE, nullable=False),  # agenda | formulation | directive
    Column("agenda_kind", _CODE),  # convey | report | review | deploy | award | other
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
)

participations = Table(
    "participations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # Not indexed: participations are read by event, person or document, never by the report
    # (meetings are never deleted, so no foreign-key check looks them up by it either).
    Column("meeting_id", _ID, ForeignKey("meetings.meeting_id"), nullable=False),
    Column("doc_id", _ID, nullable=False, index=True),
    Column("event_id", _ID, nullable=False),  # indexed with person_id: see below
    Column("date", _DATE),  # the meeting's date, for first/last seen
    Column("position", Integer, nullable=False),  # index in meeting.participants
    Column("name", Text, nullable=False),  # as written
    Column("name_key", _ID, nullable=False),  # folded: "zhangqingwei"
    # Where the resolver placed the person: a jurisdiction named in a title, else the body's.
    Column("jurisdiction", Text),
    Column("country", _CODE),
    Column("person_key", _ID, nullable=False),  # resolver's id, before judgements
    Column("person_id", _ID, nullable=False),  # after judgements: people.person_id
    Column("presided", Boolean, nullable=False),
    Column("spoke", Boolean, nullable=False),
    Column("reported", Boolean, nullable=False),
    Column("attended", Boolean, nullable=False),
    Column("rank", Text),
    Column("mentions_json", Text, nullable=False),  # [[start, end], ...]
)

participation_titles = Table(
    "participation_titles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "participation_id",
        Integer,
        ForeignKey("participations.id"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("post_id", _ID, nullable=False, index=True),
    Column("title", Text, nullable=False),  # as written
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
)

people = Table(
    "people",
    metadata,
    Column("person_id", _ID, primary_key=True),
    Column("name", Text, nullable=False),  # the alias written most often
    Column("name_key", _ID, nullable=False, index=True),
    Column("jurisdiction", Text),
    Column("country", _CODE),
    Column("n_meetings", Integer, nullable=False),  # distinct events
    Column("n_documents", Integer, nullable=False),
    Column("first_seen", _DATE),
    Column("last_seen", _DATE),
)

person_aliases = Table(
    "person_aliases",
    metadata,
    Column("person_id", _ID, primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("n_mentions", Integer, nullable=False),  # participations written this way
)

bodies = Table(
    "bodies",
    metadata,
    Column("body_id", _ID, primary_key=True),
    Column("jurisdiction", Text),
    Column("country", _CODE),
    Column("name_key", Text, nullable=False),  # normalized canonical name
    Column("name", Text, nullable=False),  # as first written
    Column("label", Text, nullable=False),  # "Hunan / Standing Committee of the ..."
    Column("n_meetings", Integer, nullable=False),  # distinct events
)

posts = Table(
    "posts",
    metadata,
    Column("post_id", _ID, primary_key=True),
    Column("jurisdiction", Text),
    Column("country", _CODE),
    Column("office_key", Text, nullable=False),  # normalized office
    Column("title", Text, nullable=False),  # as first written
    Column("label", Text, nullable=False),  # "Hunan / Secretary of the Provincial ..."
)

occupancies = Table(
    "occupancies",
    metadata,
    Column("person_id", _ID, primary_key=True),
    Column("post_id", _ID, primary_key=True),
    Column("first_seen", _DATE),
    Column("last_seen", _DATE),
    Column("n_meetings", Integer, nullable=False),  # distinct events
    Column("n_documents", Integer, nullable=False),
    # Evidence: participation_titles with this post_id whose participation has this person_id.
)

judgements = Table(
    "judgements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", _CODE, nullable=False),  # merge | split
    Column("person_id", _ID, nullable=False),  # merge: the survivor; split: the person split
    Column("other_id", _ID),  # merge: the person merged into person_id
    Column("doc_ids_json", Text),  # split: the documents whose mentions leave the person
    Column("new_person_id", _ID),  # split: the id given to the split-off person
    Column("note", Text),
    Column("created_at", _STAMP, nullable=False),
)

Index("ix_occupancies_post", occupancies.c.post_id)
Index("ix_person_aliases_alias", person_aliases.c.alias)
Index("ix_bodies_jurisdiction", bodies.c.jurisdiction)
Index("ix_events_date", events.c.date)
#: The meetings of a day and body: what a new report is linked against (:mod:`.events`).
MEETINGS_BY_DATE_AND_BODY = Index("ix_meetings_date_body", meetings.c.date, meetings.c.body_id)
#: A person's career (their events with dates) and "who else was there" are read from these
#: two alone, without visiting table rows; they also serve every lookup by person or event.
PARTICIPATION_INDEXES = (
    Index(
        "ix_participations_person_event",
        participations.c.person_id,
        participations.c.event_id,
        participations.c.date,
    ),
    Index("ix_participations_event_person", participations.c.event_id, participations.c.person_id),
)

#: Tables in dependency order (create first to last, drop last to first).
ALL_TABLES: tuple[Table, ...] = tuple(metadata.sorted_tables)
