"""A prepared page read returns what SQLAlchemy's execution of the same statement returns."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import bindparam, select

from readouts.store import Store
from readouts.store import schema as t
from readouts.web.reads import page_reads, prepare

_people = t.people.c
#: An expanding list, a named parameter, and a literal the statement carries (the offset).
STATEMENT = (
    select(_people.person_id, _people.name, _people.n_meetings)
    .where(_people.person_id.in_(bindparam("ids", expanding=True)))
    .where(_people.n_meetings >= bindparam("least"))
    .order_by(_people.person_id)
    .limit(bindparam("limit"))
    .offset(1)
)


def _ids(store: Store) -> list[str]:
    with store.connect() as conn:
        return list(conn.execute(select(_people.person_id).order_by(_people.person_id)).scalars())


@pytest.mark.parametrize("count", [0, 1, 3, 100])
def test_prepared_reads_match_sqlalchemy(web_store: Store, count: int) -> None:
    params: dict[str, Any] = {"ids": _ids(web_store)[:count], "least": 1, "limit": 5}
    with web_store.connect() as conn:
        expected = [tuple(row) for row in conn.execute(STATEMENT, params)]
    with page_reads(web_store) as reads:
        rows = [tuple(row) for row in reads.all(prepare(STATEMENT), **params)]
        first = reads.first(prepare(STATEMENT), **params)
    assert rows == expected
    assert (tuple(first) if first is not None else None) == (expected[0] if expected else None)
