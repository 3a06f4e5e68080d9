"""Finding people in the store: the listing and the detail analysts use to pick ids.

Plain functions over a connection returning plain dicts, so the CLI (``readouts people``),
the web UI and scripts share them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, or_, select

from readouts.resolve.keys import name_key
from readouts.store import schema as t


def list_people(conn: Connection, name: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """People, most often seen first; ``name`` filters by any alias (folded substring)."""
    p = t.people
    query = select(p).order_by(p.c.n_meetings.desc(), p.c.name, p.c.person_id).limit(limit)
    if name:
        key = name_key(name)
        aliases = select(t.person_aliases.c.person_id).where(
            func.lower(t.person_aliases.c.alias).contains(name.lower(), autoescape=True)
        )
        query = query.where(
            or_(p.c.name_key.contains(key, autoescape=True), p.c.person_id.in_(aliases))
        )
    return [dict(row) for row in conn.execute(query).mappings()]


def person_detail(conn: Connection, person_id: str) -> dict[str, Any] | None:
    """A person with aliases, offices held (occupancies) and the documents that mention them."""
    person = (
        conn.execute(select(t.people).where(t.people.c.person_id == person_id)).mappings().first()
    )
    if person is None:
        return None
    a, o, posts, pa = t.person_aliases, t.occupancies, t.posts, t.participations
    aliases = conn.execute(
        select(a.c.alias, a.c.n_mentions)
        .where(a.c.person_id == person_id)
        .order_by(a.c.n_mentions.desc(), a.c.alias)
    ).mappings()
    offices = conn.execute(
        select(posts.c.post_id, posts.c.label, o.c.first_seen, o.c.last_seen, o.c.n_meetings)
        .select_from(o.join(posts, posts.c.post_id == o.c.post_id))
        .where(o.c.person_id == person_id)
        .order_by(o.c.first_seen, posts.c.label)
    ).mappings()
    documents = conn.execute(
        select(pa.c.doc_id, func.min(pa.c.date).label("date"), func.min(pa.c.name).label("name"))
        .where(pa.c.person_id == person_id)
        .group_by(pa.c.doc_id)
        .order_by(func.min(pa.c.date), pa.c.doc_id)
    ).mappings()
    return {
        **dict(person),
        "aliases": [dict(row) for row in aliases],
        "offices": [dict(row) for row in offices],
        "documents": [dict(row) for row in documents],
    }
