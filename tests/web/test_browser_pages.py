"""The store-backed pages in headless Chromium: search and facets, a meeting's highlighted
evidence, a person's timeline, and hostile text ingested through the API that never runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from web_corpus import CORPUS, HOSTILE_SOURCE
from web_harness import live_server

from readouts.store import open_store
from readouts.web import create_app

TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A writable server over an empty store, filled through the ingest API as a client would."""
    store = open_store(str(tmp_path_factory.mktemp("browser") / "pages.db"))
    try:
        with live_server(create_app(store, write_token=TOKEN)) as url:
            documents = [{"source": source, "text": text} for source, text in CORPUS.items()]
            response = httpx.post(
                f"{url}/api/documents",
                json={"documents": documents},
                headers={"Authorization": f"Bearer {TOKEN}"},
                timeout=60,
            )
            assert response.json()["new"] == len(CORPUS), response.text
            yield url
    finally:
        store.close()


def _api(base_url: str, path: str, **params: str) -> Any:
    return httpx.get(f"{base_url}{path}", params=params, timeout=30).json()


def test_search_narrows_by_facets(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.get_by_test_id("result-count").inner_text() == "3 meetings"
    page.get_by_test_id("search-input").fill("safeguards")
    page.get_by_test_id("search-submit").click()
    page.wait_for_url(re.compile(r"q=safeguards"))
    assert page.get_by_test_id("result-count").inner_text().startswith("3 meetings mentioning")
    assert page.locator(".snippet b", has_text="safeguards").count() >= 1
    page.locator('[data-facet="jurisdiction"] a', has_text="Hunan").click()
    page.wait_for_url(re.compile(r"jurisdiction=Hunan"))
    assert page.get_by_test_id("result-count").inner_text().startswith("2 meetings")
    page.locator('[data-facet="meeting_type"] a', has_text="executive meeting").click()
    assert page.get_by_test_id("result-count").inner_text().startswith("1 meeting ")
    assert "Wu Jinglan" in page.get_by_test_id("results").inner_text()
    chips = page.get_by_test_id("active-filters").inner_text()
    assert "jurisdiction: Hunan" in chips and "meeting type: executive meeting" in chips
    page.get_by_test_id("active-filters").get_by_label("Remove filter").first.click()
    assert page.get_by_test_id("result-count").inner_text().startswith("1 meeting ")
    assert page.console_errors == []


def test_search_by_name_offers_the_person(page: Any, base_url: str) -> None:
    page.goto(base_url + "/?q=Qin+Shuyi")
    page.get_by_test_id("people-matches").get_by_role("link", name="Qin Shuyi").click()
    assert page.get_by_test_id("person-name").inner_text() == "Qin Shuyi"


def test_meeting_page_highlights_each_value_at_its_span(page: Any, base_url: str) -> None:
    meeting = _api(base_url, "/api/meetings", person="Qin Shuyi")["meetings"][0]
    page.goto(f"{base_url}/meetings/{meeting['event_id']}")
    source = page.get_by_test_id("source-text")
    assert source.inner_text().strip() == CORPUS["hunan-executive.txt"].strip()
    for field, evidence in [
        ("person", "Wu Jinglan"),
        ("person", "Qin Shuyi"),
        ("office", "Vice Governor"),
        ("date", "On the afternoon of the 20th"),
        ("time_of_day", "afternoon"),
        ("published", "2023-09-20"),
        ("session", "15th executive meeting"),
        ("formulation", "two safeguards"),
    ]:
        covered = "|".join(source.locator(f"mark.hl-{field}").all_inner_texts())
        assert evidence in covered.replace("|", "") or evidence in covered.split("|"), field
    name = source.locator('mark[data-field="person"]', has_text="Qin Shuyi")
    colour = name.evaluate("el => getComputedStyle(el).backgroundColor")
    office = source.locator('mark[data-field="office"]', has_text="Vice Governor")
    assert colour != office.evaluate("el => getComputedStyle(el).backgroundColor")
    name.hover()
    label = name.evaluate("el => getComputedStyle(el, '::after').content")
    assert "participant: Qin Shuyi (reported)" in label
    name.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/people/per_"))
    assert page.get_by_test_id("person-name").inner_text() == "Qin Shuyi"
    assert page.console_errors == []


def test_person_page_shows_timeline_offices_and_co_attendees(page: Any, base_url: str) -> None:
    person_id = _api(base_url, "/api/people", name="Xia Peiran")["items"][0]["person_id"]
    page.goto(f"{base_url}/people/{person_id}")
    entries = page.get_by_test_id("timeline").locator("li").all_inner_texts()
    assert [entry[:10] for entry in entries] == ["2023-09-20", "2023-04-11"]  # newest first
    assert "attended" in entries[0] and "presided" in entries[1]
    offices = page.get_by_test_id("offices").inner_text()
    assert "Secretary of the Provincial Party Committee" in offices
    assert page.get_by_test_id("office-timeline").locator("rect").count() >= 1
    rows = page.get_by_test_id("co-attendees").locator("tbody tr").all_inner_texts()
    assert rows[0].split("\t")[0] == "Wu Jinglan" and rows[0].split("\t")[-1] == "2"
    page.get_by_test_id("co-attendees").get_by_role("link", name="Wu Jinglan").click()
    assert page.get_by_test_id("person-name").inner_text() == "Wu Jinglan"


def test_formulations_page_charts_months_and_jurisdictions(page: Any, base_url: str) -> None:
    page.goto(base_url + "/formulations?formulation=two+safeguards")
    bars = page.get_by_test_id("chart").locator("rect title").all_text_contents()
    assert "2023-04 · Hunan: 1" in bars and "2023-09 · Hunan: 1" in bars
    assert any(label.startswith("2023-06 · ") for label in bars)


def _hostile_pages(base_url: str) -> list[str]:
    meeting = _api(base_url, "/api/meetings", person="Lan Shoufeng")["meetings"][0]
    report = meeting["reports"][0]
    person = _api(base_url, "/api/people", name="Lan Shoufeng")["items"][0]["person_id"]
    return [
        "/?q=window",
        "/?q=" + httpx.QueryParams({"x": "<script>"})["x"],
        f"/meetings/{meeting['event_id']}",
        f"/documents/{report['doc_id']}",
        f"/people/{person}",
        f"/bodies/{meeting['body_id']}",
        "/formulations",
        "/nowhere/<img src=x onerror=window.__xss=9>",
    ]


def test_ingested_script_and_handlers_never_run(page: Any, base_url: str) -> None:
    dialogs: list[str] = []

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    for path in _hostile_pages(base_url):
        page.goto(base_url + path)
        for payload in page.get_by_text("two safeguards").all()[:3]:
            payload.hover()
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.title() != "pwned", path
        assert page.locator("main img, main script, main svg[onload], main b").count() == (
            page.locator("main .snippet b").count()
        ), path
    assert dialogs == []
    meeting = _hostile_pages(base_url)[2]
    page.goto(base_url + meeting)
    text = page.get_by_test_id("source-text").inner_text()
    assert '<img src=x onerror="window.__xss=3">' in text
    assert "<script>document.title=" in text
    assert HOSTILE_SOURCE in page.get_by_test_id("reports").inner_text()
    assert page.locator("h1").first.inner_text() != ""
