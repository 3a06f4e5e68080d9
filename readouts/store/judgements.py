"""Analysts' corrections to the resolver: recorded, applied now, replayed on every ingest.

``merge_people(store, A, B)``: B is the same person as A (A's id survives).
``split_person(store, P, doc_ids)``: P's mentions in these documents are someone else, who
gets a new deterministic id.  Each is a row in ``judgements`` (the log the ingest replays
through :class:`readouts.resolve.JudgementLog`) and an update of the participations it
moves, followed by a rebuild of the people involved, all in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, or_, select, update

from readouts.errors import ReadoutsError
from readouts.resolve.judgements import MERGE, SPLIT, Judgement, JudgementLog, split_person_id
from readouts.resolve.keys import name_key
from readouts.store import schema as t
from readouts.store.derived import rebuild_people
from readouts.store.migrations import utc_now
from readouts.store.store import Store


class JudgementError(ReadoutsError):
    """A person or document named in a judgement is unknown or ambiguous."""

    code = "E-JUDGEMENT"


@dataclass(frozen=True, slots=True)
class Outcome:
    person_id: str  # merge: the survivor; split: the new person
    moved: int  # participations moved


def load_log(conn: Connection) -> JudgementLog:
    """Every judgement, in the order made."""
    j = t.judgements
    rows = conn.execute(select(j).order_by(j.c.id)).mappings()
    return JudgementLog(
        Judgement(
            kind=row["kind"],
            person_id=row["person_id"],
            other_id=row["other_id"],
            doc_ids=frozenset(json.loads(row["doc_ids_json"] or "[]")),
            new_person_id=row["new_person_id"],
        )
        for row in rows
    )


def find_person(conn: Connection, reference: str) -> str:
    """A person id from an id or a name (any alias); raises when unknown or ambiguous."""
    people, aliases = t.people, t.person_aliases
    if conn.execute(select(people.c.person_id).where(people.c.person_id == reference)).first():
        return reference
    key = name_key(reference)
    matches = conn.execute(
        select(people.c.person_id, people.c.name, people.c.jurisdiction)
        .where(
            or_(
                people.c.name_key == key,
                people.c.person_id.in_(
                    select(aliases.c.person_id).where(aliases.c.alias == reference)
                ),
            )
        )
        .order_by(people.c.person_id)
    ).all()
    if not matches:
        raise JudgementError(f"no person {reference!r} in the store (see `readouts people list`)")
    if len(matches) > 1:
        listed = "; ".join(
            f"{pid} {name} ({place or 'no jurisdiction'})" for pid, name, place in matches
        )
        raise JudgementError(f"{reference!r} is ambiguous, give an id: {listed}")
    return str(matches[0][0])


def merge_people(store: Store, survivor: str, merged: str, note: str | None = None) -> Outcome:
    """Record that ``merged`` is the same person as ``survivor`` and apply it."""
    with store.begin_write() as conn:
        keep, gone = find_person(conn, survivor), find_person(conn, merged)
        if keep == gone:
            raise JudgementError(f"{survivor!r} and {merged!r} are already one person ({keep})")
        _record(conn, kind=MERGE, person_id=keep, other_id=gone, note=note)
        p = t.participations
        moved = conn.execute(update(p).where(p.c.person_id == gone).values(person_id=keep)).rowcount
        rebuild_people(conn, [keep, gone])
    return Outcome(keep, moved)


def split_person(
    store: Store, person: str, doc_ids: Iterable[str], note: str | None = None
) -> Outcome:
    """Record that ``person``'s mentions in ``doc_ids`` are someone else, and apply it."""
    wanted = sorted(set(doc_ids))
    if not wanted:
        raise JudgementError("name at least one document to split off (--doc DOC_ID)")
    with store.begin_write() as conn:
        person_id = find_person(conn, person)
        p = t.participations
        present = set(
            conn.execute(
                select(p.c.doc_id)
                .where(p.c.person_id == person_id, p.c.doc_id.in_(wanted))
                .distinct()
            ).scalars()
        )
        missing = [d for d in wanted if d not in present]
        if missing:
            raise JudgementError(f"{person_id} is not mentioned in {', '.join(missing)}")
        total = conn.execute(
            select(func.count(p.c.doc_id.distinct())).where(p.c.person_id == person_id)
        ).scalar()
        if total == len(wanted):
            raise JudgementError(f"those are all of {person_id}'s documents: nothing would remain")
        new_id = split_person_id(person_id, wanted)
        _record(
            conn,
            kind=SPLIT,
            person_id=person_id,
            doc_ids_json=json.dumps(wanted),
            new_person_id=new_id,
            note=note,
        )
        moved = conn.execute(
            update(p)
            .where(p.c.person_id == person_id, p.c.doc_id.in_(wanted))
            .values(person_id=new_id)
        ).rowcount
        rebuild_people(conn, [person_id, new_id])
    return Outcome(new_id, moved)


def _record(conn: Connection, **values: object) -> None:
    conn.execute(insert(t.judgements).values(created_at=utc_now(), **values))
