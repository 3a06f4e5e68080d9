"""Every HTML page renders on both databases, with the facts in it and user text escaped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from readouts.store import Store
from readouts.web import create_app
from readouts.web.facets import Query, faceted_search

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(web_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(web_store)) as test_client:
        yield test_client


def _ids(client: TestClient) -> dict[str, str]:
    meeting = client.get("/api/meetings", params={"person": "Qin Shuyi"}).json()["meetings"][0]
    person = client.get("/api/people", params={"name": "Xia Peiran"}).json()["items"][0]
    post = client.get("/api/posts", params={"title": "Vice Governor"}).json()["items"][0]
    body = client.get("/api/bodies", params={"jurisdiction": "Hunan"}).json()["items"][0]
    return {
        "event": meeting["event_id"],
        "report": meeting["reports"][0]["meeting_id"],
        "doc": meeting["reports"][0]["doc_id"],
        "body": body["body_id"],
        "person": person["person_id"],
        "post": post["post_id"],
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ["3 meetings", "Hunan", "executive meeting"]),
        ("/?q=flood", ["1 meeting mentioning", "<b>flood</b>"]),
        ("/?q=%3Cscript%3E", ["mentioning “&lt;script&gt;”"]),
        ("/meetings/{event}", ["Executive meeting, 2023-09-20", 'data-field="person"']),
        ("/meetings/{event}?report={report}", ['href="/people/per_']),
        ("/documents/{doc}", ["Provincial government holds executive meeting"]),
        ("/people/{person}", ["Xia Peiran", "Most frequent co-attendees", "Wu Jinglan"]),
        ("/bodies/{body}", ["Meetings per month", "<svg"]),
        ("/posts/{post}", ["Vice Governor", "Qin Shuyi"]),
        ("/formulations", ["two safeguards", "Most invoked"]),
        ("/try", ["Paste the text of a readout"]),
        ("/docs", ["/openapi.json"]),
    ],
)
def test_pages_render_their_facts(client: TestClient, path: str, expected: list[str]) -> None:
    response = client.get(path.format(**_ids(client)), headers=HTML)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    for words in expected:
        assert words in response.text


def test_a_report_id_redirects_to_its_merged_meeting(client: TestClient) -> None:
    ids = _ids(client)
    response = client.get(f"/meetings/{ids['report']}", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"].startswith(f"/meetings/{ids['event']}?report=")


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/people/per_nobody", 404, "no person &#39;per_nobody&#39;"),
        ("/meetings/evt_nothing", 404, "no meeting"),
        ("/meetings/doc_x-3", 404, "no meeting"),
        ("/?meeting_type=<b>x</b>", 400, "unknown meeting type &#39;&lt;b&gt;x&lt;/b&gt;&#39;"),
        ("/?year=twenty", 422, "year"),
        ("/bodies/x?page=0", 422, "page"),
    ],
)
def test_page_errors_are_pages_with_the_message(
    client: TestClient, path: str, status: int, words: str
) -> None:
    response = client.get(path, headers=HTML)
    assert response.status_code == status
    assert words in response.text
    assert "<b>x</b>" not in response.text


def test_facets_count_under_the_other_filters(web_store: Store) -> None:
    results = faceted_search(web_store, Query(meeting_type="executive_meeting"))
    assert results.total == 1
    types = {v.value: v.count for v in results.facets["meeting_type"]}
    assert types == {"executive_meeting": 1, "standing_committee_meeting": 2}  # still offered
    assert {v.value: v.count for v in results.facets["jurisdiction"]} == {"Hunan": 1}
    assert [(v.value, v.count) for v in results.facets["year"]] == [("2023", 1)]
    hunan = faceted_search(web_store, Query(jurisdiction="Hunan"))
    assert hunan.total == 2
    assert {v.value: v.count for v in hunan.facets["meeting_type"]} == {
        "executive_meeting": 1,
        "standing_committee_meeting": 1,
    }


def test_words_and_facets_combine(web_store: Store) -> None:
    results = faceted_search(web_store, Query(words="safeguards", meeting_type="executive_meeting"))
    assert [m.date for m in results.meetings] == ["2023-09-20"]
    snippet = results.snippets[results.meetings[0].reports[0].doc_id]
    assert ("safeguards", True) in snippet.pieces()
    assert faceted_search(web_store, Query(words="!!! ???")).total == 0
