"""The browser pages: search with facets, a meeting with its evidence, a document.

Pages are rendered on the server from the same queries as the API, so they work without
scripts and every value passes through the template's escaping.  People, bodies, posts and
formulations are in :mod:`readouts.web.pages_entities`.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from readouts.store import queries as q
from readouts.store.queries.results import MeetingDetail, Report
from readouts.web.api import StoreDep
from readouts.web.documents import StoredDocument, focus_record, load_document, split_meeting_id
from readouts.web.facets import Query as SearchQuery
from readouts.web.facets import faceted_search
from readouts.web.highlight import highlight
from readouts.web.pages_common import render_page

PAGE_SIZE = 20
router = APIRouter(include_in_schema=False)

Param = Annotated[str | None, Query(max_length=200)]


def search_url(query: SearchQuery, **changes: str | None) -> str:
    """The search page for ``query`` with some parameters changed (None removes one)."""
    values: dict[str, Any] = {
        "q": query.words,
        "jurisdiction": query.jurisdiction,
        "body": query.body,
        "meeting_type": query.meeting_type,
        "year": query.year,
    }
    values.update(changes)
    kept = {key: value for key, value in values.items() if value}
    return "/?" + urlencode(kept) if kept else "/"


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    words: Annotated[str, Query(alias="q", max_length=500)] = "",
    jurisdiction: Param = None,
    body: Param = None,
    meeting_type: Param = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    query = SearchQuery(words.strip(), jurisdiction, body, meeting_type, year)
    results = faceted_search(store, query, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    people = q.find_people(store, query.words, limit=6) if query.words else []
    pages = max(1, -(-results.total // PAGE_SIZE))
    return render_page(
        request,
        "search.html",
        query=query,
        results=results,
        people=people,
        page=page,
        pages=pages,
        search_url=search_url,
        body_labels={v.value: v.label for v in results.facets.get("body", [])},
    )


@router.get("/meetings/{event_id}", response_class=HTMLResponse)
def meeting_page(
    request: Request,
    store: StoreDep,
    event_id: str,
    report: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    if not event_id.startswith("evt_") and split_meeting_id(event_id):
        return _redirect_report(store, event_id)
    detail = q.get_meeting(store, event_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no meeting {event_id!r}")
    chosen = _chosen_report(detail, report)
    with store.connect() as conn:
        stored = load_document(conn, chosen.doc_id) if chosen else None
    context = _report_view(stored, chosen)
    return render_page(
        request, "meeting.html", detail=detail, summary=detail.meeting, report=chosen, **context
    )


def _chosen_report(detail: MeetingDetail, wanted: str | None) -> Report | None:
    reports = detail.meeting.reports
    return next((r for r in reports if r.meeting_id == wanted), reports[0] if reports else None)


def _report_view(stored: StoredDocument | None, report: Report | None) -> dict[str, Any]:
    """The chosen report's text with its meeting's evidence, and that meeting's facts."""
    if stored is None or report is None:
        return {"pieces": [], "facts": None, "links": [], "copies": []}
    position = split_meeting_id(report.meeting_id)
    index = position[1] if position else 0
    if not 0 <= index < len(stored.record.meetings):
        return {"pieces": [], "facts": None, "links": [], "copies": stored.copies}
    pieces = highlight(
        focus_record(stored.record, index),
        stored.text,
        lambda _m, number, person: stored.person_link(index, number, person),
    )
    return {
        "pieces": pieces,
        "facts": stored.record.meetings[index],
        "links": stored.participant_links(index),
        "copies": stored.copies,
    }


def _redirect_report(store: Any, meeting_id: str) -> Response:
    """``/meetings/DOC-N`` (a report's id) goes to its merged meeting, showing that report."""
    parsed = split_meeting_id(meeting_id)
    with store.connect() as conn:
        stored = load_document(conn, parsed[0]) if parsed else None
    event_id = stored.events.get(parsed[1]) if stored and parsed else None
    if event_id is None:
        raise HTTPException(status_code=404, detail=f"no meeting {meeting_id!r}")
    target = f"/meetings/{event_id}?" + urlencode({"report": meeting_id})
    return RedirectResponse(target, status_code=307)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    with store.connect() as conn:
        stored = load_document(conn, doc_id)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    pieces = highlight(stored.record, stored.text, stored.person_link)
    return render_page(request, "document.html", stored=stored, pieces=pieces)
