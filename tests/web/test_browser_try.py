"""The "try it" page in a real browser: paste, extract, see the evidence; hostile text inert."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from web_harness import live_server

from readouts.store import Store
from readouts.web import create_app

READOUT = (
    " date 2023-05-10 County leaders meet\n\n"
    "Test Daily, May 10th On the morning of the 10th, Xia Peiran, Secretary of the County Party "
    "Committee, presided over a meeting of the Standing Committee of the County Party "
    "Committee. Wu Jinglan attended the meeting.\n"
)
HOSTILE = (
    READOUT
    + '<script>window.__xss = 1; document.title = "pwned"</script>\n'
    + '<img src=x onerror="window.__xss = 2">\n'
    + 'Qin Shuyi said <b onmouseover="window.__xss = 3">hover</b> and attended the meeting.\n'
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from readouts.store import open_store

    store: Store = open_store(str(tmp_path_factory.mktemp("try") / "empty.db"))
    try:
        with live_server(create_app(store)) as url:
            yield url
    finally:
        store.close()


def _submit(page: Any, base_url: str, text: str) -> None:
    page.goto(f"{base_url}/try")
    page.get_by_test_id("try-text").fill(text)
    page.get_by_test_id("try-submit").click()
    page.wait_for_load_state("domcontentloaded")


def test_pasted_readout_is_extracted_and_highlighted(page: Any, base_url: str) -> None:
    _submit(page, base_url, READOUT)
    facts = page.get_by_test_id("participants")
    assert "Xia Peiran" in facts.inner_text()
    assert "presided" in facts.inner_text()
    name = page.locator('mark[data-field="person"]', has_text="Xia Peiran").first
    assert name.is_visible()
    office = page.locator('mark[data-field="office"]').first
    assert office.inner_text() == "Secretary of the County Party Committee"
    name.hover()
    label = page.evaluate("el => getComputedStyle(el, '::after').content", name.element_handle())
    assert "participant: Xia Peiran (presided)" in label
    source = page.get_by_test_id("source-text").inner_text()
    assert source.strip() == READOUT.strip()
    assert page.console_errors == []


def test_chinese_text_gets_a_clear_message(page: Any, base_url: str) -> None:
    _submit(page, base_url, "省委常委会召开会议，夏培然主持会议。吴静兰出席会议。")
    problem = page.get_by_test_id("try-problem").inner_text()
    assert "no extractor for language 'zh'" in problem


def test_empty_text_asks_for_a_readout(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/try")
    page.get_by_test_id("try-submit").click()
    assert "Paste the text" in page.get_by_test_id("try-problem").inner_text()


def test_hostile_text_is_shown_not_run(page: Any, base_url: str) -> None:
    dialogs: list[str] = []

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    _submit(page, base_url, HOSTILE)
    page.get_by_text("hover", exact=False).last.hover()
    assert page.evaluate("window.__xss") is None
    assert page.title() != "pwned"
    assert dialogs == []
    assert page.locator("main img").count() == 0
    assert page.locator("main script").count() == 0
    source = page.get_by_test_id("source-text").inner_text()
    assert '<img src=x onerror="window.__xss = 2">' in source
    assert "<script>window.__xss = 1;" in source


def test_api_docs_render_offline(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/docs")
    page.locator(".opblock-summary-path", has_text="/api/meetings").first.wait_for(timeout=30000)
    assert page.locator(".opblock").count() >= 10
    assert page.console_errors == []
