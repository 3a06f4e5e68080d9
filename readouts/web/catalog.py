"""Listing and fetching the store's things by id: documents, people, bodies, posts.

The analysis queries (search, timelines, co-attendance, counts) live in
:mod:`readouts.store.queries`; the API also needs the plain catalogue around them -- page
through people of a province, open a post and see who held it -- which is what this module
reads, straight from the tables in :mod:`readouts.store.schema`, always through indexes
and always with a ``LIMIT``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select

from readouts.store import schema


def page(conn: Connection, query: Select[Any], limit: int, offset: int) -> tuple[list[Any], int]:
    """One page of ``query``'s rows (as mappings) and the total number of rows."""
    total = conn.execute(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
    return list(rows), int(total.scalar_one())


def _contains(column: Any, text: str | None) -> ColumnElement[bool] | None:
    """Case-insensitive substring filter, the user's text bound as a parameter (never spliced)."""
    if not text:
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped.lower()}%", escape="\\")


def _where(query: Select[Any], *conditions: ColumnElement[bool] | None) -> Select[Any]:
    for condition in conditions:
        if condition is not None:
            query = query.where(condition)
    return query


def people_query(
    name: str | None = None, jurisdiction: str | None = None, country: str | None = None
) -> Select[Any]:
    people = schema.people
    query = select(people).order_by(people.c.n_meetings.desc(), people.c.person_id)
    return _where(
        query,
        _contains(people.c.name, name),
        people.c.jurisdiction == jurisdiction if jurisdiction else None,
        people.c.country == country if country else None,
    )


def bodies_query(
    name: str | None = None, jurisdiction: str | None = None, country: str | None = None
) -> Select[Any]:
    bodies = schema.bodies
    query = select(bodies).order_by(bodies.c.n_meetings.desc(), bodies.c.body_id)
    return _where(
        query,
        _contains(bodies.c.label, name),
        bodies.c.jurisdiction == jurisdiction if jurisdiction else None,
        bodies.c.country == country if country else None,
    )


def posts_query(
    title: str | None = None, jurisdiction: str | None = None, country: str | None = None
) -> Select[Any]:
    posts = schema.posts
    query = select(posts).order_by(posts.c.label, posts.c.post_id)
    return _where(
        query,
        _contains(posts.c.label, title),
        posts.c.jurisdiction == jurisdiction if jurisdiction else None,
        posts.c.country == country if country else None,
    )


_DOCUMENT_COLUMNS = (
    schema.documents.c.doc_id,
    schema.documents.c.lang,
    schema.documents.c.title,
    schema.documents.c.published,
    schema.documents.c.outlet,
    schema.documents.c.is_readout,
    schema.documents.c.n_meetings,
    schema.documents.c.extractor,
    schema.documents.c.ingested_at,
)


def documents_query(
    outlet: str | None = None,
    published_from: str | None = None,
    published_to: str | None = None,
    is_readout: bool | None = None,
) -> Select[Any]:
    documents = schema.documents
    query = select(*_DOCUMENT_COLUMNS).order_by(documents.c.id)
    return _where(
        query,
        documents.c.outlet == outlet if outlet else None,
        documents.c.published >= published_from if published_from else None,
        documents.c.published <= published_to if published_to else None,
        documents.c.is_readout == is_readout if is_readout is not None else None,
    )


def get_row(conn: Connection, table_name: str, key: str) -> dict[str, Any] | None:
    """The row of ``people``, ``bodies`` or ``posts`` with this id, as a dict."""
    table = {"people": schema.people, "bodies": schema.bodies, "posts": schema.posts}[table_name]
    id_column = next(iter(table.primary_key.columns))
    row = conn.execute(select(table).where(id_column == key)).mappings().first()
    return dict(row) if row is not None else None


def document_summary(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    query = select(*_DOCUMENT_COLUMNS).where(schema.documents.c.doc_id == doc_id)
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def holders(conn: Connection, post_id: str) -> list[dict[str, Any]]:
    """Who held a post, in order of first appearance."""
    occ, people = schema.occupancies, schema.people
    query = (
        select(
            occ.c.person_id,
            people.c.name,
            occ.c.first_seen,
            occ.c.last_seen,
            occ.c.n_meetings,
            occ.c.n_documents,
        )
        .join(people, people.c.person_id == occ.c.person_id)
        .where(occ.c.post_id == post_id)
        .order_by(occ.c.first_seen, occ.c.person_id)
        .limit(200)
    )
    return [dict(row) for row in conn.execute(query).mappings()]
