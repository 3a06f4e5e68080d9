"""The co-attendance network: people as nodes, shared merged meetings as weighted edges.

Who sits with whom is the first thing an analyst of a provincial leadership asks, so the API
serves the network of the meetings that match the usual filters (person, body, jurisdiction,
type, dates).  Pairs are counted in the database (a self-join of ``participations`` on the
meeting) and only the heaviest edges are returned; over a very large unfiltered corpus the
request is refused with a message asking for a filter, rather than left to run for minutes.
"""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy import func, select

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.queries.filters import MeetingFilter, QueryError
from readouts.store.queries.meetings import event_conditions

#: Above this many meetings a network request must be narrowed by a filter.
MAX_UNFILTERED_MEETINGS = 20_000


class Node(BaseModel):
    person_id: str
    name: str
    jurisdiction: str | None
    n_meetings: int = Field(description="merged meetings in the selection the person attended")


class Edge(BaseModel):
    source: str = Field(description="person_id")
    target: str = Field(description="person_id")
    n_shared: int = Field(description="merged meetings in the selection both attended")


class Network(BaseModel):
    n_meetings: int = Field(description="merged meetings selected by the filters")
    nodes: list[Node]
    edges: list[Edge] = Field(description="heaviest first, at most `limit`")


def co_attendance(
    store: Store, where: MeetingFilter, *, min_shared: int = 1, limit: int = 500
) -> Network:
    """People and their shared meetings among the merged meetings matching ``where``."""
    conditions = event_conditions(where.validate())
    events = select(t.events.c.event_id).where(*conditions)
    mine, theirs = t.participations.alias("mine"), t.participations.alias("theirs")
    shared = func.count(func.distinct(mine.c.event_id))
    pairs = (
        select(mine.c.person_id, theirs.c.person_id, shared)
        .join(theirs, theirs.c.event_id == mine.c.event_id)
        .where(mine.c.event_id.in_(events), mine.c.person_id < theirs.c.person_id)
        .group_by(mine.c.person_id, theirs.c.person_id)
        .having(shared >= min_shared)
        .order_by(shared.desc(), mine.c.person_id, theirs.c.person_id)
        .limit(limit)
    )
    with store.connect() as conn:
        n_meetings = int(
            conn.execute(select(func.count()).select_from(events.subquery())).scalar_one()
        )
        if n_meetings > MAX_UNFILTERED_MEETINGS and not conditions:
            raise QueryError(
                f"the whole corpus has {n_meetings:,} meetings: narrow the network with a "
                "person, body, jurisdiction, meeting_type or date filter"
            )
        edges = [Edge(source=a, target=b, n_shared=n) for a, b, n in conn.execute(pairs)]
        ids = sorted({edge.source for edge in edges} | {edge.target for edge in edges})
        p, people = t.participations.c, t.people.c
        attended = func.count(func.distinct(p.event_id))
        rows = conn.execute(
            select(people.person_id, people.name, people.jurisdiction, attended)
            .join(t.participations, p.person_id == people.person_id)
            .where(people.person_id.in_(ids), p.event_id.in_(events))
            .group_by(people.person_id, people.name, people.jurisdiction)
            .order_by(attended.desc(), people.person_id)
        ).all()
    nodes = [Node(person_id=a, name=b, jurisdiction=c, n_meetings=d) for a, b, c, d in rows]
    return Network(n_meetings=n_meetings, nodes=nodes, edges=edges)
