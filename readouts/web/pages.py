"""The browser pages: search with facets, a meeting with its evidence, a document.

Pages are rendered on the server from the same queries as the API, so they work without
scripts and every value passes through the template's escaping.  People, bodies, posts and
formulations are in :mod:`readouts.web.pages_entities`.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from readouts.store import queries as q
from readouts.web.api import StoreDep
from readouts.web.documents import focus_record, load_document, split_meeting_id
from readouts.web.facets import Query as SearchQuery
from readouts.web.facets import faceted_search
from readouts.web.highlight import highlight
from readouts.web.page_data import MeetingView, meeting_view
from readouts.web.pages_common import render_page
from readouts.web.reads import page_reads

PAGE_SIZE = 20
router = APIRouter(include_in_schema=False)

#: The longest value a page's text parameter may have (a body, a report id ...).
PARAM_MAX_LENGTH = 200
Param = Annotated[str | None, Query(max_length=PARAM_MAX_LENGTH)]


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
    results = faceted_search(
        store,
        query,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
        cache=request.app.state.match_cache,
    )
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
async def meeting_page(
    request: Request,
    store: StoreDep,
    event_id: str,
    report: Param = None,
) -> Response:
    """A merged meeting with one report's highlighted text.

    ``async`` although it never waits: its reads are a few milliseconds of SQLite and Python,
    cheaper run right here on the event loop than handed to a thread and back (the hand-off
    and the threads' contention for the GIL cost about a tenth of the page's CPU under load;
    ``bench/serve_load.py``).  Work that can take long stays in plain ``def`` handlers.
    """
    if not event_id.startswith("evt_") and split_meeting_id(event_id):
        return _redirect_report(store, event_id)
    with page_reads(store) as reads:
        view = meeting_view(reads, event_id, report)
    if view is None:
        raise HTTPException(status_code=404, detail=f"no meeting {event_id!r}")
    return render_page(request, "meeting.html", view=view, **_evidence(view))


def _evidence(view: MeetingView) -> dict[str, Any]:
    """The shown report's text with its meeting's evidence, and that meeting's facts."""
    record = view.record
    if record is None or not 0 <= view.position < len(record.meetings):
        return {"pieces": [], "facts": None}

    def person_link(_meeting: int, number: int, _person: object) -> str | None:
        person_id = view.people.get(number)
        return f"/people/{quote(person_id)}" if person_id else None

    pieces = highlight(focus_record(record, view.position), view.text, person_link)
    return {"pieces": pieces, "facts": record.meetings[view.position]}


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
