"""The pages of resolved things: a person's timeline, a body's meetings, a post's holders, and
the formulations chart."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from readouts.store import queries as q
from readouts.store.queries.results import FormulationCount
from readouts.web import catalog
from readouts.web.api import StoreDep
from readouts.web.charts import Timeline, office_timeline, stacked_bars
from readouts.web.pages_common import render_page
from readouts.web.person_data import PageMeeting, PersonView, person_view
from readouts.web.reads import page_reads

#: Meetings per page of a person's timeline (newest first); the API serves up to 1,000.
TIMELINE_PAGE = 50
BODY_PAGE = 50
router = APIRouter(include_in_schema=False)


@router.get("/people/{person_id}", response_class=HTMLResponse)
async def person_page(
    request: Request,
    store: StoreDep,
    person_id: str,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """A person's offices, one page of meetings and co-attendees; ``async`` and run on the
    event loop for the reason given at :func:`readouts.web.pages.meeting_page`."""
    with page_reads(store) as reads:
        view = person_view(
            reads,
            person_id,
            limit=TIMELINE_PAGE,
            offset=(page - 1) * TIMELINE_PAGE,
            co_attendees=12,
            cache=request.app.state.career_cache,
        )
    if view is None:
        raise HTTPException(status_code=404, detail=f"no person {person_id!r}")
    return render_page(
        request,
        "person.html",
        view=view,
        chart=_office_chart(view),
        years=_by_year(view.meetings),
        page=page,
        pages=max(1, -(-view.person.n_meetings // TIMELINE_PAGE)),
    )


def _office_chart(view: PersonView) -> Timeline | None:
    offices = [
        (office.label, f"/posts/{quote(office.post_id)}", office.first_seen, office.last_seen)
        for office in view.offices
    ]
    months = [(month, f"{month}: {n} meeting{'s' if n != 1 else ''}") for month, n in view.months]
    return office_timeline(offices, months)


def _by_year(meetings: list[PageMeeting]) -> list[tuple[str, list[PageMeeting]]]:
    """The page's meetings grouped by year, in the page's order (newest first)."""
    groups: dict[str, list[PageMeeting]] = {}
    for meeting in meetings:
        groups.setdefault((meeting.date or "undated")[:4], []).append(meeting)
    return list(groups.items())


@router.get("/bodies/{body_id}", response_class=HTMLResponse)
def body_page(
    request: Request,
    store: StoreDep,
    body_id: str,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    activity = q.body_activity(store, body_id, by="month")
    if activity is None:
        raise HTTPException(status_code=404, detail=f"no body {body_id!r}")
    dated = [(p.period, "meetings", p.n_meetings) for p in activity.periods if p.period]
    meetings = q.list_meetings(
        store, q.MeetingFilter(body=body_id), limit=BODY_PAGE, offset=(page - 1) * BODY_PAGE
    )
    return render_page(
        request,
        "body.html",
        activity=activity,
        chart=stacked_bars(dated),
        undated=sum(p.n_meetings for p in activity.periods if not p.period),
        meetings=meetings,
        page=page,
        pages=max(1, -(-meetings.total // BODY_PAGE)),
    )


@router.get("/posts/{post_id}", response_class=HTMLResponse)
def post_page(request: Request, store: StoreDep, post_id: str) -> HTMLResponse:
    with store.connect() as conn:
        post = catalog.get_row(conn, "posts", post_id)
        holders = catalog.holders(conn, post_id) if post else []
    if post is None:
        raise HTTPException(status_code=404, detail=f"no post {post_id!r}")
    return render_page(request, "post.html", post=post, holders=holders)


@router.get("/formulations", response_class=HTMLResponse)
def formulations_page(
    request: Request,
    store: StoreDep,
    formulation: Annotated[str | None, Query(max_length=200)] = None,
    jurisdiction: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    chosen = formulation.strip() if formulation and formulation.strip() else None
    place = jurisdiction.strip() if jurisdiction and jurisdiction.strip() else None
    monthly = q.formulation_counts(
        store, formulation=chosen, by="month", by_jurisdiction=True, jurisdiction=place
    )
    ranking = q.formulation_counts(store, by=None, jurisdiction=place)
    return render_page(
        request,
        "formulations.html",
        chosen=chosen,
        place=place,
        chart=stacked_bars(
            (c.period or "", c.jurisdiction or "", c.n_meetings) for c in _dated(monthly)
        ),
        ranking=ranking[:100],
        table=_month_table(monthly),
    )


def _dated(counts: list[FormulationCount]) -> list[FormulationCount]:
    return [count for count in counts if count.period]


def _month_table(counts: list[FormulationCount]) -> list[tuple[str, str, int]]:
    """(month, jurisdiction, meetings) rows, newest month first, for the table under the chart."""
    totals: dict[tuple[str, str], int] = {}
    for count in counts:
        key = (count.period or "undated", count.jurisdiction or "unknown")
        totals[key] = totals.get(key, 0) + count.n_meetings
    rows = [(month, place, n) for (month, place), n in totals.items()]
    return sorted(rows, key=lambda row: (row[0], row[2]), reverse=True)[:300]
