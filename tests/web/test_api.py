"""The read-only REST API over a store holding the web corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from readouts.store import Store
from readouts.web import create_app


@pytest.fixture(scope="module")
def client(web_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(web_store), raise_server_exceptions=False) as test_client:
        yield test_client


def _person_id(client: TestClient, name: str) -> str:
    items = client.get("/api/people", params={"name": name}).json()["items"]
    assert [item["name"] for item in items] == [name]
    return str(items[0]["person_id"])


def test_stats_count_what_was_ingested(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 3
    assert stats["meetings"] == 3


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({}, {"Xia Peiran", "Wu Jinglan", "Qin Shuyi", "Lan Shoufeng", "Bai Yuzhen"}),
        ({"name": "jinglan"}, {"Wu Jinglan"}),
        ({"name": "%"}, set()),  # a LIKE wildcard is a character to look for
        ({"name": "'; DROP TABLE people; --"}, set()),
    ],
)
def test_people_are_listed_and_filtered(
    client: TestClient, params: dict[str, str], names: set[str]
) -> None:
    page = client.get("/api/people", params=params).json()
    assert {item["name"] for item in page["items"]} == names
    assert page["total"] == len(names)


def test_pages_split_a_list_without_overlap(client: TestClient) -> None:
    first = client.get("/api/people", params={"limit": 2}).json()
    second = client.get("/api/people", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 5
    ids = [p["person_id"] for p in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 4


def test_person_has_offices_meetings_and_co_attendees(client: TestClient) -> None:
    person_id = _person_id(client, "Xia Peiran")
    timeline = client.get(f"/api/people/{person_id}").json()
    assert [m["date"] for m in timeline["meetings"]] == ["2023-04-11", "2023-09-20"]
    assert [m["roles"] for m in timeline["meetings"]] == [["presided"], ["attended"]]
    offices = [office["title"] for office in timeline["offices"]]
    assert "Secretary of the Provincial Party Committee" in offices
    shared = {c["name"]: c["n_shared"] for c in timeline["co_attendees"]}
    assert shared == {"Wu Jinglan": 2, "Qin Shuyi": 1}
    again = client.get(f"/api/people/{person_id}/co-attendees", params={"limit": 1}).json()
    assert [c["name"] for c in again] == ["Wu Jinglan"]


@pytest.mark.parametrize(
    ("params", "dates"),
    [
        ({}, ["2023-09-20", "2023-06-02", "2023-04-11"]),
        ({"jurisdiction": "hunan"}, ["2023-09-20", "2023-04-11"]),
        ({"person": "Qin Shuyi"}, ["2023-09-20"]),
        ({"meeting_type": "executive_meeting"}, ["2023-09-20"]),
        ({"date_from": "2023-05", "date_to": "2023-06"}, ["2023-06-02"]),
    ],
)
def test_meetings_filter(client: TestClient, params: dict[str, str], dates: list[str]) -> None:
    page = client.get("/api/meetings", params=params).json()
    assert [m["date"] for m in page["meetings"]] == dates


def test_meeting_detail_and_its_document(client: TestClient) -> None:
    listed = client.get("/api/meetings", params={"person": "Qin Shuyi"}).json()["meetings"][0]
    detail = client.get(f"/api/meetings/{listed['event_id']}").json()
    roles = {p["name"]: p["roles"] for p in detail["participants"]}
    assert roles == {
        "Wu Jinglan": ["presided"],
        "Qin Shuyi": ["reported"],
        "Xia Peiran": ["attended"],
    }
    doc_id = listed["reports"][0]["doc_id"]
    document = client.get(f"/api/documents/{doc_id}").json()
    start, end = document["record"]["meetings"][0]["participants"][0]["mentions"][0]
    assert document["text"][start:end] == "Wu Jinglan"
    assert document["event_ids"] == [listed["event_id"]]


def test_search_finds_words_and_people(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "flood control"}).json()
    assert found["total"] == 1
    assert found["hits"][0]["title"] == "Provincial government holds executive meeting"


def test_bodies_posts_and_formulations(client: TestClient) -> None:
    bodies = client.get("/api/bodies", params={"jurisdiction": "Hunan"}).json()["items"]
    assert bodies
    activity = client.get(f"/api/bodies/{bodies[0]['body_id']}", params={"by": "month"}).json()
    assert sum(p["n_meetings"] for p in activity["periods"]) == bodies[0]["n_meetings"]
    posts = client.get("/api/posts", params={"title": "Governor"}).json()["items"]
    governor = next(p for p in posts if p["title"] == "Governor")
    holders = client.get(f"/api/posts/{governor['post_id']}").json()["holders"]
    assert [h["name"] for h in holders] == ["Wu Jinglan"]
    counts = client.get("/api/formulations", params={"formulation": "two safeguards"}).json()
    by_place = {(c["period"], c["jurisdiction"]): c["n_meetings"] for c in counts["items"]}
    assert by_place[("2023-04", "Hunan")] == 1
    assert sum(by_place.values()) == 3


def test_network_links_people_who_met(client: TestClient) -> None:
    network = client.get("/api/network", params={"jurisdiction": "Hunan"}).json()
    names = {node["person_id"]: node["name"] for node in network["nodes"]}
    edges = {
        frozenset((names[e["source"]], names[e["target"]])): e["n_shared"] for e in network["edges"]
    }
    assert edges[frozenset(("Xia Peiran", "Wu Jinglan"))] == 2
    assert edges[frozenset(("Qin Shuyi", "Wu Jinglan"))] == 1
    assert network["n_meetings"] == 2


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/people/per_nobody", 404, "no person 'per_nobody'"),
        ("/api/meetings/evt_none", 404, "no meeting"),
        ("/api/documents/doc_none", 404, "no document"),
        ("/api/meetings?meeting_type=party", 400, "unknown meeting type 'party'"),
        ("/api/meetings?date_from=2023-13", 400, "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("/api/people?limit=100000", 422, "limit"),
        ("/api/people?offset=-1", 422, "offset"),
        ("/api/search", 422, "q"),
        ("/api/nothing-here", 404, "not found: /api/nothing-here"),
    ],
)
def test_errors_are_json_with_a_message(
    client: TestClient, path: str, status: int, words: str
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = response.json()["error"]
    assert error["status"] == status
    assert words in error["message"]
    assert "Traceback" not in response.text


def test_openapi_lists_the_read_routes_and_no_write_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/documents", "/api/meetings", "/api/people", "/api/bodies", "/api/posts"):
        assert "get" in paths[path]
    for path in ("/api/search", "/api/formulations", "/api/network"):
        assert path in paths
    assert "post" not in paths["/api/documents"]
    assert "/api/people/merge" not in paths
    assert client.post("/api/documents", json={"documents": []}).status_code == 405
    assert client.post("/api/people/merge", json={}).status_code in (404, 405)
