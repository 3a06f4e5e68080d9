"""The co-attendance network as GraphML, for Gephi, Cytoscape and networkx.

Nodes are people (attributes: name, jurisdiction, country, meetings, first and last seen);
an edge joins two people who attended the same merged meeting, weighted by how many they
shared, so a meeting reported by two outlets adds one to the weight, not two.  The pairs are
counted by the database (a self-join of ``participations`` on the event), which keeps memory
to one entry per pair rather than per meeting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
from sqlalchemy import RowMapping, distinct, func, select

from readouts.export.files import atomic_path
from readouts.store import Store
from readouts.store import schema as t


def co_attendance_graph(store: Store, *, min_weight: int = 1) -> nx.Graph:
    """People who attended at least one meeting, and weighted co-attendance edges."""
    graph = nx.Graph(name="readouts co-attendance")
    pe = t.people.c
    one, two = t.participations.alias("one"), t.participations.alias("two")
    weight = func.count(distinct(one.c.event_id))
    with store.connect() as conn:
        for row in conn.execute(
            select(t.people).where(pe.n_meetings > 0).order_by(pe.person_id)
        ).mappings():
            graph.add_node(row["person_id"], **_attributes(row))
        for source, target, n in conn.execute(
            select(one.c.person_id, two.c.person_id, weight)
            .select_from(one.join(two, one.c.event_id == two.c.event_id))
            .where(one.c.person_id < two.c.person_id)
            .group_by(one.c.person_id, two.c.person_id)
            .having(weight >= min_weight)
            .order_by(one.c.person_id, two.c.person_id)
        ):
            graph.add_edge(source, target, weight=int(n))
    return graph


def _attributes(row: RowMapping) -> dict[str, Any]:
    names = ("jurisdiction", "country", "n_meetings", "first_seen", "last_seen")
    values = {"label": row["name"], **{name: row[name] for name in names}}
    return {key: value for key, value in values.items() if value is not None}


def write_graphml(store: Store, path: Path, *, min_weight: int = 1) -> tuple[int, int]:
    """Write the network to ``path``; returns (nodes, edges)."""
    graph = co_attendance_graph(store, min_weight=min_weight)
    with atomic_path(path) as temporary:
        nx.write_graphml(graph, str(temporary), encoding="utf-8")
    return graph.number_of_nodes(), graph.number_of_edges()
