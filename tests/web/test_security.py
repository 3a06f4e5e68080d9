"""Read-only by default, writes behind the token, bounded bodies, headers, errors without traces."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_corpus import EXECUTIVE, STANDING_COMMITTEE

from readouts.store import Store
from readouts.web import create_app
from readouts.web.limits import DEFAULT_BODY_LIMIT
from readouts.web.tryit import MAX_TRY_CHARS, TRY_BODY_LIMIT
from readouts.web.write import INGEST_BODY_LIMIT

TOKEN = "correct-horse-battery"


@pytest.fixture
def writable(sqlite_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_store, write_token=TOKEN)) as client:
        yield client


@pytest.fixture
def readonly(sqlite_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_store), raise_server_exceptions=False) as client:
        yield client


def _auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _docs(*texts: str) -> dict[str, object]:
    return {"documents": [{"source": f"doc{n}.txt", "text": t} for n, t in enumerate(texts)]}


@pytest.mark.parametrize(
    "headers",
    [{}, _auth("wrong-token-value"), {"Authorization": TOKEN}, {"Authorization": "Basic x"}],
)
def test_writes_need_the_token(writable: TestClient, headers: dict[str, str]) -> None:
    response = writable.post("/api/documents", json=_docs(STANDING_COMMITTEE), headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "a valid write token is required"
    assert writable.get("/api/stats").json()["documents"] == 0


def test_ingest_with_the_token_stores_and_is_idempotent(writable: TestClient) -> None:
    payload = _docs(STANDING_COMMITTEE, EXECUTIVE)
    first = writable.post("/api/documents", json=payload, headers=_auth()).json()
    assert (first["new"], first["failed"], first["meetings"]) == (2, 0, 2)
    again = writable.post("/api/documents", json=payload, headers=_auth()).json()
    assert (again["new"], again["unchanged"]) == (0, 2)
    assert writable.get("/api/stats").json()["documents"] == 2


def test_bad_documents_are_reported_and_the_rest_stored(writable: TestClient) -> None:
    payload = _docs("   ", "binary\x00junk", "省委常委会召开会议。", EXECUTIVE)
    result = writable.post("/api/documents", json=payload, headers=_auth()).json()
    assert result["new"] == 1
    problems = {e["source"]: e["problem"] for e in result["errors"]}
    assert problems["doc0.txt"] == "empty text"
    assert "NUL" in problems["doc1.txt"]
    assert "no extractor for language 'zh'" in problems["doc2.txt"]


def test_merge_needs_the_token_and_merges(writable: TestClient) -> None:
    writable.post("/api/documents", json=_docs(STANDING_COMMITTEE, EXECUTIVE), headers=_auth())
    wu = writable.get("/api/people", params={"name": "Wu Jinglan"}).json()["items"][0]
    assert "Qin Shuyi" in writable.get(f"/people/{wu['person_id']}").text  # co-attendee
    body = {"survivor": "Xia Peiran", "merged": "Qin Shuyi", "note": "test"}
    assert writable.post("/api/people/merge", json=body).status_code == 401
    merged = writable.post("/api/people/merge", json=body, headers=_auth()).json()
    assert merged["moved"] == 1
    assert "Qin Shuyi" not in writable.get(f"/people/{wu['person_id']}").text  # not cached
    names = [p["name"] for p in writable.get("/api/people").json()["items"]]
    assert "Qin Shuyi" not in names
    unknown = writable.post(
        "/api/people/merge",
        json={"survivor": "Xia Peiran", "merged": "Nobody Here"},
        headers=_auth(),
    )
    assert unknown.status_code == 400
    assert "no person 'Nobody Here'" in unknown.json()["error"]["message"]


def test_read_only_server_has_no_write_route(readonly: TestClient) -> None:
    assert (
        readonly.post("/api/documents", json=_docs(EXECUTIVE), headers=_auth()).status_code == 405
    )
    assert readonly.post("/api/people/merge", json={}, headers=_auth()).status_code in (404, 405)
    assert readonly.get("/api/stats").json()["documents"] == 0


@pytest.mark.parametrize(
    ("path", "limit"),
    [("/api/extract", TRY_BODY_LIMIT), ("/api/people", DEFAULT_BODY_LIMIT)],
)
def test_declared_oversized_bodies_are_refused_unread(
    readonly: TestClient, path: str, limit: int
) -> None:
    response = readonly.post(path, content=b"x" * (limit + 1))
    assert response.status_code == 413
    assert (
        response.json()["error"]["message"] == f"request body too large: the limit is {limit} bytes"
    )


def test_streamed_oversized_bodies_are_cut_off(readonly: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(TRY_BODY_LIMIT // 65536 + 2):
            yield b"y" * 65536

    response = readonly.post("/api/extract", content=chunks())
    assert response.status_code == 413


def test_ingest_body_limit_is_the_loaders(writable: TestClient) -> None:
    huge = writable.post("/api/documents", content=b"{" * (INGEST_BODY_LIMIT + 1), headers=_auth())
    assert huge.status_code == 413


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"{not json", "JSON decode error"),
        (b'{"text": 5}', "text"),
        (b'{"text": "x", "extra": 1}', "extra"),
        (b'{"text": "x", "lang": "fr"}', "lang"),
    ],
)
def test_malformed_bodies_get_a_json_message(readonly: TestClient, body: bytes, words: str) -> None:
    response = readonly.post(
        "/api/extract", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]


def test_extract_api_returns_the_record_without_storing(readonly: TestClient) -> None:
    record = readonly.post("/api/extract", json={"text": EXECUTIVE}).json()
    assert [p["name"] for p in record["meetings"][0]["participants"]] == [
        "Wu Jinglan",
        "Qin Shuyi",
        "Xia Peiran",
    ]
    assert readonly.get("/api/stats").json()["documents"] == 0
    refused = readonly.post("/api/extract", json={"text": "越南省委会议。" * 3})
    assert refused.status_code == 400
    assert "no extractor for language" in refused.json()["error"]["message"]


def test_unexpected_errors_say_nothing_about_the_code(
    readonly: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readouts.store import queries

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret detail from deep inside")

    monkeypatch.setattr(queries, "corpus_stats", broken)
    response = readonly.get("/api/stats")
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500, "message": "internal server error"}}
    page = readonly.get("/people/x", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "no person &#39;x&#39;" in page.text


def test_every_response_carries_a_strict_policy(readonly: TestClient) -> None:
    for path in ("/", "/try", "/api/stats", "/nowhere"):
        headers = readonly.get(path).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_search_sees_documents_ingested_while_serving(writable: TestClient) -> None:
    assert "0 meetings mentioning" in writable.get("/?q=flood").text
    assert "0 meetings" in writable.get("/").text
    writable.post("/api/documents", json=_docs(EXECUTIVE), headers=_auth())
    assert "1 meeting mentioning" in writable.get("/?q=flood").text
    assert "1 meeting" in writable.get("/").text


def test_try_form_refuses_bad_encoding_and_long_text(readonly: TestClient) -> None:
    form = {"content-type": "application/x-www-form-urlencoded", "accept": "text/html"}
    garbled = readonly.post("/try", content=b"text=%FF%FE\xff", headers=form)
    assert garbled.status_code == 400
    assert "unreadable form" in garbled.text
    too_long = readonly.post("/try", data={"text": "x" * (MAX_TRY_CHARS + 1)})
    assert too_long.status_code == 413
    assert f"the limit is {MAX_TRY_CHARS:,} characters" in too_long.text
