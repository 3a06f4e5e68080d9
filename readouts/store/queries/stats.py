"""Corpus counts: what is in the store, meetings by year, jurisdiction and type, and how
often formulations were invoked per month and jurisdiction.

Meetings are counted as merged meetings (``events``), so neither a syndicated copy nor a
second outlet's report of the same meeting inflates a count; a formulation counts once per
merged meeting that invoked it, however many reports repeat it.
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import Connection, distinct, func, select

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.queries.filters import (
    check_date_prefix,
    check_page,
    date_conditions,
    plain,
)
from readouts.store.queries.results import CorpusStats, Count, FormulationCount

Granularity = Literal["year", "month"]
_PERIOD_LENGTH = {"year": 4, "month": 7}


def corpus_stats(store: Store, *, top: int = 50) -> CorpusStats:
    """Totals of every kind of row, and merged meetings by year, jurisdiction and type."""
    check_page(top, 0)
    e = t.events.c
    with store.connect() as conn:
        totals = {
            "documents": _count(conn, t.documents),
            "sources": _count(conn, t.sources),
            "readouts": conn.execute(
                select(func.count()).where(t.documents.c.is_readout.is_(True))
            ).scalar_one(),
            "reports": _count(conn, t.meetings),
            "meetings": _count(conn, t.events),
            "people": _count(conn, t.people),
            "bodies": _count(conn, t.bodies),
            "posts": _count(conn, t.posts),
            "occupancies": _count(conn, t.occupancies),
        }
        return CorpusStats(
            **totals,
            by_year=_grouped(conn, func.substr(e.date, 1, 4), by_key=True),
            by_jurisdiction=_grouped(conn, e.jurisdiction, limit=top),
            by_type=_grouped(conn, e.meeting_type),
            top_formulations=[
                Count(key=written, n=n)
                for _, written, n in conn.execute(_formulation_select(None, False).limit(top))
            ],
        )


def _count(conn: Connection, table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _grouped(
    conn: Connection, key: Any, *, by_key: bool = False, limit: int | None = None
) -> list[Count]:
    n = func.count()
    order = [key.nulls_last()] if by_key else [n.desc(), key.nulls_last()]
    rows = conn.execute(
        select(key, n).select_from(t.events).group_by(key).order_by(*order).limit(limit)
    ).all()
    return [Count(key=k, n=v) for k, v in rows]


def formulation_counts(
    store: Store,
    *,
    formulation: str | None = None,
    by: Granularity | None = "month",
    by_jurisdiction: bool = False,
    jurisdiction: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[FormulationCount]:
    """Merged meetings invoking each formulation, per period (``by``) and optionally per
    jurisdiction; ``formulation`` and ``jurisdiction`` filter (any case).  Ordered by
    formulation, then period, then jurisdiction; with ``by=None``, most invoked first."""
    for label, value in (("from", date_from), ("to", date_to)):
        if value is not None:
            check_date_prefix(value, label)
    query = _formulation_select(by, by_jurisdiction)
    m = t.meetings.c
    query = query.where(*date_conditions(m.date, date_from, date_to))
    if formulation:
        wanted = plain(formulation).strip().lower()
        query = query.where(func.lower(t.meeting_items.c.text) == wanted)
    if jurisdiction:
        query = query.where(func.lower(m.jurisdiction) == plain(jurisdiction).strip().lower())
    with store.connect() as conn:
        rows = conn.execute(query).all()
    return [_formulation(row, by is not None, by_jurisdiction) for row in rows]


def _formulation_select(by: Granularity | None, by_jurisdiction: bool) -> Any:
    """Formulation, [period], [jurisdiction], text as written, merged meetings: grouped."""
    items, m = t.meeting_items.c, t.meetings.c
    name = func.lower(items.text)
    keys: list[Any] = [name]
    if by is not None:
        keys.append(func.substr(m.date, 1, _PERIOD_LENGTH[by]))
    if by_jurisdiction:
        keys.append(m.jurisdiction)
    n = func.count(distinct(m.event_id))
    return (
        select(*keys, func.max(items.text), n)
        .join(t.meetings, m.meeting_id == items.meeting_id)
        .where(items.kind == "formulation")
        .group_by(*keys)
        .order_by(*(keys if by is not None else [n.desc(), name]))
    )


def _formulation(row: Any, has_period: bool, has_jurisdiction: bool) -> FormulationCount:
    values = list(row)
    values.pop(0)
    period = values.pop(0) if has_period else None
    jurisdiction = values.pop(0) if has_jurisdiction else None
    written, n = values
    return FormulationCount(
        formulation=written, period=period, jurisdiction=jurisdiction, n_meetings=n
    )
