"""The read-only REST API: JSON over the store's queries, every list paginated and filterable.

Each route is a few lines over a query function (mostly :mod:`readouts.store.queries`, the
catalogue in :mod:`readouts.web.catalog`), returning the query's pydantic models as they are,
so the CLI's ``--json`` and the API agree on every field.  Routes are plain ``def``: FastAPI
runs them in its thread pool, where blocking database calls belong.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from readouts.model import Record
from readouts.store import Store
from readouts.store import queries as q
from readouts.store.queries.people import top_co_attendees
from readouts.store.queries.results import (
    BodyActivity,
    CoAttendee,
    CorpusStats,
    FormulationCount,
    MeetingDetail,
    MeetingPage,
    PersonTimeline,
    SearchResults,
)
from readouts.web import catalog
from readouts.web.documents import load_document
from readouts.web.network import Network, co_attendance

#: The largest page any list returns.
MAX_PAGE = 200
T = TypeVar("T")

router = APIRouter()


async def get_store(request: Request) -> Store:
    """The app's store.  ``async`` although it does not wait: FastAPI runs a plain ``def``
    dependency in the thread pool, one more thread hand-off on every request."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=200)]
DatePrefix = Annotated[
    str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")
]


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` counts every match, ``items`` holds at most ``limit``."""

    total: int
    limit: int
    offset: int
    items: list[T]


class Person(BaseModel):
    person_id: str
    name: str
    jurisdiction: str | None
    country: str | None
    n_meetings: int
    n_documents: int
    first_seen: str | None
    last_seen: str | None


class Body(BaseModel):
    body_id: str
    name: str
    label: str
    jurisdiction: str | None
    country: str | None
    n_meetings: int


class Post(BaseModel):
    post_id: str
    title: str
    label: str
    jurisdiction: str | None
    country: str | None


class Holder(BaseModel):
    person_id: str
    name: str
    first_seen: str | None
    last_seen: str | None
    n_meetings: int
    n_documents: int


class PostDetail(BaseModel):
    post: Post
    holders: list[Holder] = Field(description="in order of first appearance")


class DocumentSummary(BaseModel):
    doc_id: str
    lang: str
    title: str | None
    published: str | None
    outlet: str | None
    is_readout: bool
    n_meetings: int
    extractor: str
    ingested_at: str


class Copy(BaseModel):
    source: str
    url: str | None
    relation: str
    similarity: float | None


class DocumentDetail(BaseModel):
    document: DocumentSummary
    text: str = Field(description="the text every span of the record points into")
    record: Record
    meeting_ids: list[str] = Field(description="the document's meetings, in record order")
    event_ids: list[str | None] = Field(description="the merged meeting of each of them")
    sources: list[Copy]


def _paged(
    store: Store, query: Any, limit: int, offset: int, model: type[BaseModel]
) -> dict[str, Any]:
    with store.connect() as conn:
        rows, total = catalog.page(conn, query, limit, offset)
    fields = model.model_fields
    items = [model(**{k: v for k, v in row.items() if k in fields}) for row in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _found(value: T | None, what: str, key: str) -> T:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what} {key!r}")
    return value


@router.get("/stats", response_model=CorpusStats, tags=["corpus"])
def stats(store: StoreDep) -> CorpusStats:
    """What the store holds, with merged meetings by year, jurisdiction and type."""
    return q.corpus_stats(store)


@router.get("/search", response_model=SearchResults, tags=["corpus"])
def search(
    store: StoreDep,
    text: Annotated[str, Query(alias="q", min_length=1, max_length=500)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchResults:
    """Documents containing every word of ``q``, best first, each with a snippet and the
    meetings it reports."""
    return q.search(store, text, limit=limit, offset=offset)


@router.get("/documents", response_model=Page[DocumentSummary], tags=["documents"])
def documents(
    store: StoreDep,
    outlet: Text = None,
    published_from: DatePrefix = None,
    published_to: DatePrefix = None,
    is_readout: bool | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored documents in the order they were ingested."""
    query = catalog.documents_query(outlet, published_from, published_to, is_readout)
    return _paged(store, query, limit, offset, DocumentSummary)


@router.get("/documents/{doc_id}", response_model=DocumentDetail, tags=["documents"])
def document(store: StoreDep, doc_id: str) -> DocumentDetail:
    """A document's record, its text and where it was seen."""
    with store.connect() as conn:
        summary = _found(catalog.document_summary(conn, doc_id), "document", doc_id)
        stored = _found(load_document(conn, doc_id), "document", doc_id)
    positions = range(len(stored.record.meetings))
    return DocumentDetail(
        document=DocumentSummary(**summary),
        text=stored.text,
        record=stored.record,
        meeting_ids=[stored.meeting_id(i) for i in positions],
        event_ids=[stored.events.get(i) for i in positions],
        sources=[Copy(**vars(copy)) for copy in stored.copies],
    )


@router.get("/meetings", response_model=MeetingPage, tags=["meetings"])
def meetings(
    store: StoreDep,
    person: Annotated[str | None, Query(max_length=200, description="id or name")] = None,
    body: Annotated[str | None, Query(max_length=200, description="id or label words")] = None,
    jurisdiction: Text = None,
    meeting_type: Text = None,
    date_from: DatePrefix = None,
    date_to: DatePrefix = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> MeetingPage:
    """Merged meetings (one per real meeting, with every report), newest first."""
    where = q.MeetingFilter(person, body, jurisdiction, meeting_type, date_from, date_to)
    return q.list_meetings(store, where, limit=limit, offset=offset)


@router.get("/meetings/{event_id}", response_model=MeetingDetail, tags=["meetings"])
def meeting(store: StoreDep, event_id: str) -> MeetingDetail:
    """One merged meeting: its reports, participants (roles, offices) and agenda items."""
    return _found(q.get_meeting(store, event_id), "meeting", event_id)


@router.get("/people", response_model=Page[Person], tags=["people"])
def people(
    store: StoreDep,
    name: Text = None,
    jurisdiction: Text = None,
    country: Annotated[str | None, Query(max_length=2)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """People, most meetings first; ``name`` matches part of the name (any case)."""
    return _paged(store, catalog.people_query(name, jurisdiction, country), limit, offset, Person)


@router.get("/people/{person_id}", response_model=PersonTimeline, tags=["people"])
def person(
    store: StoreDep,
    person_id: str,
    meetings: Annotated[int, Query(ge=1, le=1000, description="timeline length")] = 500,
    co_attendees: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 10,
) -> PersonTimeline:
    """A person's offices (first and last seen), meetings oldest first, and co-attendees."""
    timeline = q.person_timeline(store, person_id, limit=meetings, co_attendees=co_attendees)
    return _found(timeline, "person", person_id)


@router.get("/people/{person_id}/co-attendees", response_model=list[CoAttendee], tags=["people"])
def co_attendees(store: StoreDep, person_id: str, limit: Limit = 20) -> list[CoAttendee]:
    """The people who shared the most merged meetings with this person."""
    with store.connect() as conn:
        _found(catalog.get_row(conn, "people", person_id), "person", person_id)
        return top_co_attendees(conn, person_id, limit)


@router.get("/bodies", response_model=Page[Body], tags=["bodies"])
def bodies(
    store: StoreDep,
    name: Text = None,
    jurisdiction: Text = None,
    country: Annotated[str | None, Query(max_length=2)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Convening bodies, most meetings first; ``name`` matches part of the label."""
    return _paged(store, catalog.bodies_query(name, jurisdiction, country), limit, offset, Body)


@router.get("/bodies/{body_id}", response_model=BodyActivity, tags=["bodies"])
def body(store: StoreDep, body_id: str, by: Literal["year", "month"] = "year") -> BodyActivity:
    """A body with its merged meetings counted per year or month."""
    return _found(q.body_activity(store, body_id, by=by), "body", body_id)


@router.get("/posts", response_model=Page[Post], tags=["posts"])
def posts(
    store: StoreDep,
    title: Text = None,
    jurisdiction: Text = None,
    country: Annotated[str | None, Query(max_length=2)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Offices in a jurisdiction ("Hunan / Secretary of the Provincial Party Committee")."""
    return _paged(store, catalog.posts_query(title, jurisdiction, country), limit, offset, Post)


@router.get("/posts/{post_id}", response_model=PostDetail, tags=["posts"])
def post(store: StoreDep, post_id: str) -> PostDetail:
    """A post and everyone seen holding it, with first and last seen."""
    with store.connect() as conn:
        row = _found(catalog.get_row(conn, "posts", post_id), "post", post_id)
        holders = catalog.holders(conn, post_id)
    return PostDetail(post=Post(**row), holders=[Holder(**h) for h in holders])


@router.get("/formulations", response_model=Page[FormulationCount], tags=["formulations"])
def formulations(
    store: StoreDep,
    formulation: Text = None,
    by: Literal["month", "year", "none"] = "month",
    by_jurisdiction: bool = True,
    jurisdiction: Text = None,
    date_from: DatePrefix = None,
    date_to: DatePrefix = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Merged meetings invoking each formulation, per period and jurisdiction."""
    counts = q.formulation_counts(
        store,
        formulation=formulation,
        by=None if by == "none" else by,
        by_jurisdiction=by_jurisdiction,
        jurisdiction=jurisdiction,
        date_from=date_from,
        date_to=date_to,
    )
    return {
        "total": len(counts),
        "limit": limit,
        "offset": offset,
        "items": counts[offset : offset + limit],
    }


@router.get("/network", response_model=Network, tags=["network"])
def network(
    store: StoreDep,
    person: Annotated[str | None, Query(max_length=200, description="id or name")] = None,
    body: Annotated[str | None, Query(max_length=200, description="id or label words")] = None,
    jurisdiction: Text = None,
    meeting_type: Text = None,
    date_from: DatePrefix = None,
    date_to: DatePrefix = None,
    min_shared: Annotated[int, Query(ge=1, le=10_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=2000, description="most edges returned")] = 500,
) -> Network:
    """The co-attendance network of the merged meetings matching the filters."""
    where = q.MeetingFilter(person, body, jurisdiction, meeting_type, date_from, date_to)
    return co_attendance(store, where, min_shared=min_shared, limit=limit)
