"""A document's record as table rows, with people, posts and bodies resolved.

Pure: a :class:`~readouts.model.Record` and the judgement log in, plain dicts out, ready for
``executemany``.  Meetings leave here without an event; :mod:`readouts.store.events` links
them to one before they are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from readouts.model import Meeting, Participant, Record
from readouts.resolve import (
    JudgementLog,
    ResolvedBody,
    ResolvedParticipant,
    resolve_body,
    resolve_participant,
)
from readouts.resolve.participants import meeting_place, post_label
from readouts.store.minhash import Signature, to_bytes

Row = dict[str, Any]
_ROLES = ("presided", "spoke", "reported", "attended")


@dataclass
class ParticipationRows:
    row: Row  # a participations row without its id (and event_id set by linking)
    titles: list[Row]  # participation_titles rows without participation_id


@dataclass
class MeetingRows:
    row: Row
    body: ResolvedBody | None
    items: list[Row] = field(default_factory=list)
    participations: list[ParticipationRows] = field(default_factory=list)

    @property
    def meeting_id(self) -> str:
        return str(self.row["meeting_id"])

    @property
    def person_ids(self) -> frozenset[str]:
        return frozenset(p.row["person_id"] for p in self.participations)


@dataclass
class DocumentRows:
    document: Row
    meetings: list[MeetingRows]
    posts: dict[str, Row]  # post_id -> posts row (first written form)


def document_rows(
    record: Record, text: str, sig: Signature | None, log: JudgementLog, now: str
) -> DocumentRows:
    """Every row a new canonical document adds (sources and bands are the caller's)."""
    posts: dict[str, Row] = {}
    meetings = [
        _meeting_rows(record.doc_id, position, meeting, log, posts)
        for position, meeting in enumerate(record.meetings)
    ]
    document = {
        "doc_id": record.doc_id,
        "lang": str(record.lang),
        "title": record.title,
        "published": record.published,
        "outlet": record.outlet,
        "is_readout": record.is_readout,
        "n_meetings": len(record.meetings),
        "extractor": record.extractor,
        "text": text,
        "record_json": record.model_dump_json(exclude={"text"}),
        "minhash": to_bytes(sig) if sig is not None else None,
        "ingested_at": now,
    }
    return DocumentRows(document, meetings, posts)


def _meeting_rows(
    doc_id: str, position: int, meeting: Meeting, log: JudgementLog, posts: dict[str, Row]
) -> MeetingRows:
    body = resolve_body(meeting.body)
    meeting_id = f"{doc_id}-{position}"
    row: Row = {
        "meeting_id": meeting_id,
        "doc_id": doc_id,
        "position": position,
        "event_id": None,
        "date": meeting.date,
        "time_of_day": _value(meeting.time_of_day),
        "meeting_type": _value(meeting.meeting_type),
        "session_number": meeting.session.number if meeting.session else None,
        "session_term": meeting.session.term if meeting.session else None,
        "location": meeting.location.name if meeting.location else None,
        "body_id": body.body_id if body else None,
        "body_name": meeting.body.name if meeting.body else None,
        "jurisdiction": meeting.body.jurisdiction if meeting.body else None,
        "country": meeting.body.country if meeting.body else None,
        "n_participants": len(meeting.participants),
        "span_start": meeting.span[0],
        "span_end": meeting.span[1],
    }
    rows = MeetingRows(row, body, items=_items(meeting_id, meeting))
    place = meeting_place(meeting.body)
    for index, participant in enumerate(meeting.participants):
        resolved = resolve_participant(participant, place, doc_id)
        rows.participations.append(_participation(row, index, participant, resolved, log, posts))
    return rows


def _participation(
    meeting: Row,
    position: int,
    participant: Participant,
    resolved: ResolvedParticipant,
    log: JudgementLog,
    posts: dict[str, Row],
) -> ParticipationRows:
    roles = {_value(role) for role in participant.roles}
    place = resolved.jurisdiction
    row: Row = {
        "meeting_id": meeting["meeting_id"],
        "doc_id": meeting["doc_id"],
        "event_id": None,
        "date": meeting["date"],
        "position": position,
        "name": participant.name,
        "name_key": resolved.name_key,
        "jurisdiction": place.name if place else None,
        "country": place.country if place else None,
        "person_key": resolved.person_key,
        "person_id": log.person_id(resolved.person_key, meeting["doc_id"]),
        "rank": participant.rank,
        "mentions_json": "[" + ",".join(f"[{s},{e}]" for s, e in participant.mentions) + "]",
        **{role: role in roles for role in _ROLES},
    }
    titles = []
    for index, title in enumerate(resolved.titles):
        titles.append(
            {
                "position": index,
                "post_id": title.post_id,
                "title": title.text,
                "span_start": title.span[0],
                "span_end": title.span[1],
            }
        )
        where = title.jurisdiction
        posts.setdefault(
            title.post_id,
            {
                "post_id": title.post_id,
                "jurisdiction": where.name if where else None,
                "country": where.country if where else None,
                "office_key": title.office_key,
                "title": " ".join(title.text.split()),
                "label": post_label(title.text, where),
            },
        )
    return ParticipationRows(row, titles)


def _items(meeting_id: str, meeting: Meeting) -> list[Row]:
    items: list[Row] = []
    for position, agenda in enumerate(meeting.agenda):
        items.append(_item(meeting_id, "agenda", _value(agenda.kind), position, agenda))
    for position, formulation in enumerate(meeting.formulations):
        items.append(_item(meeting_id, "formulation", None, position, formulation))
    for position, directive in enumerate(meeting.directives):
        items.append(_item(meeting_id, "directive", None, position, directive))
    return items


def _item(meeting_id: str, kind: str, agenda_kind: str | None, position: int, value: Any) -> Row:
    return {
        "meeting_id": meeting_id,
        "kind": kind,
        "agenda_kind": agenda_kind,
        "position": position,
        "text": value.text,
        "span_start": value.span[0],
        "span_end": value.span[1],
    }


def _value(value: object) -> str | None:
    """An enum's value or the plain string (records validated with ``use_enum_values``)."""
    return None if value is None else str(getattr(value, "value", value))
