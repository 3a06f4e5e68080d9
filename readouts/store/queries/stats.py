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
                Count(key=c.formulation, n=c.n_meetings)
                for c in formulation_counts(store, by=None, conn=conn)[:top]
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
    conn: Connection | None = None,
) -> list[FormulationCount]:
    """Merged meetings invoking each formulation, per period (``by``) and optionally per
    jurisdiction; ``formulation`` and ``jurisdiction`` filter (any case).  Ordered by
    formulation, then period, then jurisdiction; with ``by=None``, most invoked first."""
    for label, value in (("from", date_from), ("to", date_to)):
        if value is not None:
            check_date_prefix(value, label)
    if conn is None:
        with store.connect() as own:
            return formulation_counts(
                store,
                formulation=formulation,
                by=by,
                by_jurisdiction=by_jurisdiction,
                jurisdiction=jurisdiction,
                date_from=date_from,
                date_to=date_to,
                conn=own,
            )
    items, m = t.meeting_items.c, t.meetings.c
    name = func.lower(items.text)
    period = func.substr(m.date, 1, _PERIOD_LENGTH[by]) if by else None
    keys = [
        name,
        *([period] if period is not None else []),
        *([m.jurisdiction] if by_jurisdiction else []),
    ]
    n = func.count(distinct(m.event_id))
    query = (
        select(*keys, func.max(items.text), n)
        .join(t.meetings, m.meeting_id == items.meeting_id)
        .where(items.kind == "formulation", *date_conditions(m.date, date_from, date_to))
        .group_by(*keys)
    )
    if formulation:
        query = query.where(name == plain(formulation).strip().lower())
    if jurisdiction:
        query = query.where(func.lower(m.jurisdiction) == plain(jurisdiction).strip().lower())
    order = [name, *keys[1:]] if by else [n.desc(), name]
    rows = conn.execute(query.order_by(*order)).all()
    return [_formulation(row, period is not None, by_jurisdiction) for row in rows]


def _formulation(row: Any, has_period: bool, has_jurisdiction: bool) -> FormulationCount:
    values = list(row)
    values.pop(0)
    period = values.pop(0) if has_period else None
    jurisdiction = values.pop(0) if has_jurisdiction else None
    written, n = values
    return FormulationCount(
        formulation=written, period=period, jurisdiction=jurisdiction, n_meetings=n
    )
