"""Web test harness: the app over a store, a live server on loopback, and headless Chromium.

Browser tests drive Debian's Chromium through Playwright (never a downloaded browser).  When
``/usr/bin/chromium`` is missing they skip with the reason, unless ``READOUTS_REQUIRE_SERVICES=1``
(CI), where they fail: CI installs Chromium, so a missing browser there is a broken build.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE_ENV = "READOUTS_REQUIRE_SERVICES"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session (Debian's binary, never a downloaded one)."""
    if not CHROMIUM.exists():
        reason = f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{reason} (and {REQUIRE_ENV}=1)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records console errors and blocks every request off loopback."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "about:"))
            else route.abort()
        ),
    )
    opened = context.new_page()
    opened.console_errors = []
    opened.on("console", lambda msg: msg.type == "error" and opened.console_errors.append(msg.text))
    try:
        yield opened
    finally:
        context.close()
