"""People: finding them by name, their timeline of meetings and offices, who they meet.

A careers question ("when did Qiao Mingyuan become Secretary, and whom does he meet most?")
is answered from the resolver's tables: ``occupancies`` for offices with first and last
seen, ``participations`` grouped by merged meeting for the timeline, and a self-join of
``participations`` on the event for co-attendance.  Counts are of merged meetings, so a
meeting reported twice is one shared meeting, not two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, distinct, func, or_, select

from readouts.eval.fold import fold_name
from readouts.store import Store
from readouts.store import schema as t
from readouts.store.queries.filters import QueryError, check_page, like_pattern, plain
from readouts.store.queries.meetings import ROLES
from readouts.store.queries.results import (
    CoAttendee,
    Office,
    PersonSummary,
    PersonTimeline,
    TimelineMeeting,
)

_people, _p = t.people.c, t.participations.c


def find_people(store: Store, text: str, *, limit: int = 20) -> list[PersonSummary]:
    """People a user means by ``text``: an id, a full name (any spelling that folds the same)
    or an alias; failing those, people whose name contains it ("Mingyuan"). Most meetings first.
    """
    check_page(limit, 0)
    text = plain(text)
    key = fold_name(text)
    if not key:
        return []
    exact = or_(
        _people.person_id == text.strip(),
        _people.name_key == key,
        _people.person_id.in_(
            select(t.person_aliases.c.person_id).where(
                func.lower(t.person_aliases.c.alias) == text.strip().lower()
            )
        ),
    )
    partial = _people.name_key.like(like_pattern(key), escape="\\")
    with store.connect() as conn:
        for condition in (exact, partial):
            rows = (
                conn.execute(
                    select(t.people)
                    .where(condition)
                    .order_by(_people.n_meetings.desc(), _people.name)
                    .limit(limit)
                )
                .mappings()
                .all()
            )
            if rows:
                return _summaries(conn, rows)
    return []


def person_timeline(
    store: Store, person_id: str, *, limit: int | None = 500, co_attendees: int = 10
) -> PersonTimeline | None:
    """A person's offices, merged meetings (oldest first, at most ``limit``) and the people
    they shared most meetings with; ``None`` when there is no such person id."""
    if limit is not None:
        check_page(limit, 0)
    if co_attendees < 0:
        raise QueryError(f"co_attendees must not be negative, not {co_attendees}")
    person_id = plain(person_id)
    with store.connect() as conn:
        row = conn.execute(select(t.people).where(_people.person_id == person_id)).mappings()
        found = row.first()
        if found is None:
            return None
        meetings = _meetings(conn, person_id, limit)
        return PersonTimeline(
            person=_summaries(conn, [found])[0],
            offices=_offices(conn, person_id),
            meetings=meetings,
            n_meetings_shown=len(meetings),
            co_attendees=top_co_attendees(conn, person_id, co_attendees),
        )


def _summaries(conn: Connection, rows: Sequence[Any]) -> list[PersonSummary]:
    ids = [row["person_id"] for row in rows]
    aliases: dict[str, list[str]] = defaultdict(list)
    for person_id, alias in conn.execute(
        select(t.person_aliases.c.person_id, t.person_aliases.c.alias)
        .where(t.person_aliases.c.person_id.in_(ids))
        .order_by(
            t.person_aliases.c.person_id,
            t.person_aliases.c.n_mentions.desc(),
            t.person_aliases.c.alias,
        )
    ):
        aliases[person_id].append(alias)
    fields = (
        "person_id",
        "name",
        "jurisdiction",
        "country",
        "n_meetings",
        "n_documents",
        "first_seen",
        "last_seen",
    )
    return [
        PersonSummary(aliases=aliases[row["person_id"]], **{f: row[f] for f in fields})
        for row in rows
    ]


def _offices(conn: Connection, person_id: str) -> list[Office]:
    o, post = t.occupancies.c, t.posts.c
    rows = (
        conn.execute(
            select(
                o.post_id,
                post.title,
                post.label,
                post.jurisdiction,
                o.first_seen,
                o.last_seen,
                o.n_meetings,
                o.n_documents,
            )
            .join(t.posts, post.post_id == o.post_id)
            .where(o.person_id == person_id)
            .order_by(o.first_seen.nulls_last(), o.last_seen, post.label)
        )
        .mappings()
        .all()
    )
    return [Office(**dict(row)) for row in rows]


def _meetings(conn: Connection, person_id: str, limit: int | None) -> list[TimelineMeeting]:
    e = t.events.c
    events = (
        select(e.event_id, e.date, e.meeting_type, e.body_id, t.bodies.c.label, e.jurisdiction)
        .select_from(t.events.outerjoin(t.bodies, t.bodies.c.body_id == e.body_id))
        .where(e.event_id.in_(select(_p.event_id).where(_p.person_id == person_id)))
        .order_by(e.date.nulls_last(), e.event_id)
        .limit(limit)
    )
    rows = conn.execute(events).mappings().all()
    ids = [row["event_id"] for row in rows]
    pt = t.participation_titles.c
    parts = conn.execute(
        select(_p.event_id, _p.doc_id, pt.title, *[_p[role] for role in ROLES])
        .select_from(
            t.participations.outerjoin(t.participation_titles, pt.participation_id == _p.id)
        )
        .where(_p.person_id == person_id, _p.event_id.in_(ids))
        .order_by(_p.event_id, _p.doc_id, pt.position)
    ).mappings()
    return timeline_meetings(rows, parts)


def timeline_meetings(
    events: Iterable[Mapping[Any, Any]], parts: Iterable[Mapping[Any, Any]]
) -> list[TimelineMeeting]:
    """One person's meetings, each with the roles, offices and documents of their parts in it.

    ``events`` are event rows (``event_id``, ``date``, ``meeting_type``, ``body_id``,
    ``label``, ``jurisdiction``); ``parts`` are that person's participation rows (``event_id``,
    ``doc_id``, ``title`` and a flag per role), one per title.  (A person page draws fifty of
    these per request: the loops stay plain.)
    """
    facts: dict[str, tuple[set[str], list[str], list[str]]] = {}
    for part in parts:
        fact = facts.get(part["event_id"])
        if fact is None:
            fact = facts[part["event_id"]] = (set(), [], [])
        roles, titles, doc_ids = fact
        roles.update(role for role in ROLES if part[role])
        if part["doc_id"] not in doc_ids:
            doc_ids.append(part["doc_id"])
        title = part["title"]
        if title and title not in titles:
            titles.append(title)
    meetings = []
    for row in events:
        roles, titles, doc_ids = facts.get(row["event_id"]) or (set(), [], [])
        meetings.append(
            TimelineMeeting(
                event_id=row["event_id"],
                date=row["date"],
                meeting_type=row["meeting_type"],
                body_id=row["body_id"],
                body=row["label"],
                jurisdiction=row["jurisdiction"],
                roles=[role for role in ROLES if role in roles],
                titles=titles,
                doc_ids=doc_ids,
            )
        )
    return meetings


def top_co_attendees(conn: Connection, person_id: str, limit: int) -> list[CoAttendee]:
    """The people who shared the most merged meetings with ``person_id``."""
    if limit == 0:
        return []
    mine_table, theirs_table = t.participations.alias("mine"), t.participations.alias("theirs")
    mine, theirs = mine_table.c, theirs_table.c
    shared = func.count(distinct(theirs.event_id))
    rows = conn.execute(
        select(theirs.person_id, shared.label("n_shared"))
        .select_from(mine_table.join(theirs_table, mine.event_id == theirs.event_id))
        .where(mine.person_id == person_id, theirs.person_id != person_id)
        .group_by(theirs.person_id)
        .order_by(shared.desc(), theirs.person_id)
        .limit(limit)
    ).all()
    names = {
        row.person_id: row
        for row in conn.execute(
            select(_people.person_id, _people.name, _people.jurisdiction).where(
                _people.person_id.in_([r[0] for r in rows])
            )
        )
    }
    return [
        CoAttendee(
            person_id=pid,
            name=names[pid].name if pid in names else pid,
            jurisdiction=names[pid].jurisdiction if pid in names else None,
            n_shared=n,
        )
        for pid, n in rows
    ]
