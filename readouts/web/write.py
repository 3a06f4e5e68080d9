"""Write routes: ingest documents and merge people, present only with a write token.

Both go through the store's own writers (:func:`readouts.store.ingest.ingest_documents`,
:func:`readouts.store.judgements.merge_people`), so a document posted here is stored exactly
as ``readouts ingest`` would store it (one transaction per batch, idempotent), and a merge is
a judgement replayed on every later ingest.  A bad document is reported in the answer and the
others are still stored, as on the command line.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends
from pydantic import BaseModel, ConfigDict, Field

from readouts.load import DEFAULT_MAX_BYTES, Document, LoadError
from readouts.store.ingest import IngestSummary, ingest_documents
from readouts.store.judgements import merge_people
from readouts.web.api import StoreDep
from readouts.web.auth import WriteToken

#: Documents per request, and the request body limit (one document at the loader's limit).
MAX_DOCUMENTS = 1000
INGEST_BODY_LIMIT = DEFAULT_MAX_BYTES + 2 * 1024 * 1024


class InputDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=1, max_length=1000, description="a path, URL or name")
    text: str = Field(description="the text as read; every span will point into it")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[InputDocument] = Field(min_length=1, max_length=MAX_DOCUMENTS)
    lang: str | None = Field(default=None, pattern="^(en|zh|vi)$")


class Problem(BaseModel):
    source: str
    problem: str


class IngestResult(BaseModel):
    documents: int
    new: int
    unchanged: int
    exact_copies: int
    near_duplicates: int
    failed: int
    meetings: int
    linked: int
    errors: list[Problem] = Field(description="one line per document that was not stored")


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    survivor: str = Field(min_length=1, max_length=200, description="id or name that stays")
    merged: str = Field(min_length=1, max_length=200, description="id or name merged into it")
    note: str | None = Field(default=None, max_length=2000)


class MergeResult(BaseModel):
    person_id: str = Field(description="the surviving person")
    moved: int = Field(description="participations moved to the survivor")


_COUNTS = [name for name in IngestResult.model_fields if name != "errors"]


def _loaded(item: InputDocument) -> Document | LoadError:
    """The document, or why it cannot be stored (same checks as the file loader's)."""
    if len(item.text.encode("utf-8", errors="replace")) > DEFAULT_MAX_BYTES:
        return LoadError(item.source, f"text larger than {DEFAULT_MAX_BYTES} bytes")
    if not item.text.strip():
        return LoadError(item.source, "empty text")
    if "\x00" in item.text:
        return LoadError(item.source, "binary content (NUL characters), not text")
    return Document(item.source, item.text, item.url, item.title, item.published, "txt")


def make_router(token: WriteToken) -> APIRouter:
    router = APIRouter(dependencies=[Depends(token)], tags=["write (needs --write-token)"])

    @router.post("/documents", response_model=IngestResult)
    def ingest(store: StoreDep, payload: Annotated[IngestRequest, Body()]) -> IngestResult:
        """Extract and store documents, exactly as ``readouts ingest`` would."""
        errors: list[Problem] = []
        summary: IngestSummary = ingest_documents(
            store,
            [_loaded(item) for item in payload.documents],
            lang=payload.lang,
            on_error=lambda e: errors.append(Problem(source=e.source, problem=e.problem)),
        )
        counts = {name: getattr(summary, name) for name in _COUNTS}
        return IngestResult(**counts, errors=errors)

    @router.post("/people/merge", response_model=MergeResult)
    def merge(store: StoreDep, payload: Annotated[MergeRequest, Body()]) -> MergeResult:
        """Record that two people are one and apply it (replayed on every later ingest)."""
        outcome = merge_people(store, payload.survivor, payload.merged, payload.note)
        return MergeResult(person_id=outcome.person_id, moved=outcome.moved)

    return router
