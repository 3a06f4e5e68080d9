"""The plain meeting and person routes answer exactly as the FastAPI routes behind them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match

from readouts.store import Store
from readouts.web import create_app
from readouts.web.page_routes import PAGE_QUERY, PlainGet

HTML = {"accept": "text/html"}
QUERIES = [
    "",
    "?page=1",
    "?page=2",
    "?page=99999",
    "?page=100000",
    "?page=100001",
    "?page=0",
    "?page=02",
    "?page=abc",
    "?page=",
    "?page=1&page=2",
    "?report={report}",
    "?report=",
    "?report=nosuch",
    "?report=" + "x" * 201,
    "?report=%3Cb%3E",
    "?other=1",
]


@pytest.fixture(scope="module")
def clients(web_store: Store) -> Iterator[tuple[TestClient, TestClient]]:
    """The app, and the same app without its plain routes (FastAPI's routes only)."""
    plain_less = create_app(web_store)
    plain_less.router.routes[:] = [
        route for route in plain_less.router.routes if not isinstance(route, PlainGet)
    ]
    with TestClient(create_app(web_store)) as fast, TestClient(plain_less) as slow:
        yield fast, slow


def _ids(client: TestClient) -> dict[str, str]:
    meeting = client.get("/api/meetings", params={"person": "Qin Shuyi"}).json()["meetings"][0]
    person = client.get("/api/people", params={"name": "Xia Peiran"}).json()["items"][0]
    return {
        "event": meeting["event_id"],
        "report": meeting["reports"][0]["meeting_id"],
        "person": person["person_id"],
    }


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("path", ["/meetings/{event}", "/people/{person}", "/people/per_nobody"])
@pytest.mark.parametrize("method", ["GET", "HEAD", "POST"])
def test_same_answer_with_or_without_the_plain_routes(
    clients: tuple[TestClient, TestClient], path: str, query: str, method: str
) -> None:
    fast, slow = clients
    url = (path + query).format(**_ids(slow))
    ours = fast.request(method, url, headers=HTML, follow_redirects=False)
    theirs = slow.request(method, url, headers=HTML, follow_redirects=False)
    assert (ours.status_code, ours.headers.items(), ours.content) == (
        theirs.status_code,
        theirs.headers.items(),
        theirs.content,
    )


@pytest.mark.parametrize(
    ("method", "query", "matched"),
    [
        ("GET", b"", True),
        ("GET", b"page=7", True),
        ("GET", b"page=0", False),
        ("GET", b"page=100000", False),
        ("GET", b"report=doc_1-0", False),  # not this route's parameter
        ("HEAD", b"", False),
    ],
)
def test_plain_routes_take_only_plain_requests(method: str, query: bytes, matched: bool) -> None:
    route = PlainGet("/people/{person_id}", _endpoint, PAGE_QUERY)
    scope = {"type": "http", "method": method, "path": "/people/per_x", "query_string": query}
    assert (route.matches(scope)[0] == Match.FULL) is matched


async def _endpoint(request: Request) -> Response:
    return Response()
