"""Loading one stored document for display: its record, its text and its resolved people.

The meeting page needs what no analysis query returns: the full record with every span, the
text those spans point into, and which resolved person each participant became (to link each
highlighted name to its page).  Three indexed look-ups by key, whatever the corpus size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from readouts.model import Meeting, Participant, Record
from readouts.store import schema


@dataclass(frozen=True)
class Copy:
    """A place the document was seen (the original, or a syndicated copy)."""

    source: str
    url: str | None
    relation: str
    similarity: float | None


@dataclass
class StoredDocument:
    record: Record
    text: str
    #: (meeting position, participant position) -> person_id
    people: dict[tuple[int, int], str] = field(default_factory=dict)
    #: meeting position -> event_id
    events: dict[int, str] = field(default_factory=dict)
    copies: list[Copy] = field(default_factory=list)

    def meeting_id(self, position: int) -> str:
        return f"{self.record.doc_id}-{position}"

    def person_link(self, meeting: int, number: int, _person: Participant) -> str | None:
        person_id = self.people.get((meeting, number))
        return f"/people/{person_id}" if person_id else None


def load_document(conn: Connection, doc_id: str) -> StoredDocument | None:
    """The stored document with its people and copies, or None if there is no such document."""
    documents = schema.documents
    row = conn.execute(
        select(documents.c.text, documents.c.record_json).where(documents.c.doc_id == doc_id)
    ).first()
    if row is None:
        return None
    record = Record.model_validate_json(row.record_json)
    stored = StoredDocument(record=record, text=record.text or row.text)
    stored.people = _people(conn, doc_id)
    stored.events = _events(conn, doc_id)
    stored.copies = _copies(conn, doc_id)
    return stored


def split_meeting_id(meeting_id: str) -> tuple[str, int] | None:
    """``"doc_x-2"`` -> ``("doc_x", 2)``; None when it is not a meeting id."""
    doc_id, sep, position = meeting_id.rpartition("-")
    if not sep or not doc_id or not position.isdigit():
        return None
    return doc_id, int(position)


def _people(conn: Connection, doc_id: str) -> dict[tuple[int, int], str]:
    parts, meets = schema.participations, schema.meetings
    rows = conn.execute(
        select(meets.c.position.label("meeting"), parts.c.position, parts.c.person_id)
        .join(meets, meets.c.meeting_id == parts.c.meeting_id)
        .where(parts.c.doc_id == doc_id)
    )
    return {(row.meeting, row.position): row.person_id for row in rows}


def _events(conn: Connection, doc_id: str) -> dict[int, str]:
    meets = schema.meetings
    rows = conn.execute(select(meets.c.position, meets.c.event_id).where(meets.c.doc_id == doc_id))
    return {row.position: row.event_id for row in rows}


def _copies(conn: Connection, doc_id: str) -> list[Copy]:
    sources = schema.sources
    rows = conn.execute(
        select(sources.c.source, sources.c.url, sources.c.relation, sources.c.similarity)
        .where(sources.c.doc_id == doc_id)
        .order_by(sources.c.id)
        .limit(50)
    )
    return [Copy(row.source, row.url, row.relation, row.similarity) for row in rows]


def focus_record(record: Record, position: int) -> Record:
    """The record with only one meeting left, so its page highlights that meeting's values."""
    meeting: Meeting = record.meetings[position]
    return record.model_copy(update={"meetings": [meeting]})
