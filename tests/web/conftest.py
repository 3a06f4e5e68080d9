"""Web test harness: the app over a store, a live server on loopback, and headless Chromium.

Browser tests drive Debian's Chromium through Playwright (never a downloaded browser).  When
``/usr/bin/chromium`` is missing they skip with the reason, unless ``READOUTS_REQUIRE_SERVICES=1``
(CI), where they fail: CI installs Chromium, so a missing browser there is a broken build.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url
from web_corpus import CORPUS

from readouts.load import Document
from readouts.store import Store, open_store
from readouts.store.ingest import ingest_documents

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
PG_ENV = "READOUTS_TEST_PG"


def unavailable(reason: str) -> None:
    """Skip for a missing service, or fail when CI promised the services."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} (and {REQUIRE_ENV}=1)")
    pytest.skip(reason)


def fill(store: Store) -> Store:
    """Ingest the web test corpus (idempotent)."""
    documents = [Document(source, text) for source, text in CORPUS.items()]
    summary = ingest_documents(store, documents)
    assert summary.failed == 0
    return store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def web_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The web corpus in a store on each backend, shared by a module's tests (read-only)."""
    if request.param == "sqlite":
        store = open_store(str(tmp_path_factory.mktemp("web") / "web.db"))
        try:
            yield fill(store)
        finally:
            store.close()
        return
    yield from _pg_store()


def _pg_store() -> Iterator[Store]:
    base = os.environ.get(PG_ENV)
    if not base:
        unavailable(f"PostgreSQL tests need ${PG_ENV}=postgresql://USER:PASS@HOST/DB")
    assert base is not None
    schema = "web_" + uuid.uuid4().hex[:12]
    admin = create_engine(make_url(base).set(drivername="postgresql+psycopg"))
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    except Exception as exc:
        admin.dispose()
        unavailable(f"PostgreSQL at ${PG_ENV} is not reachable: {exc}")
    separator = "&" if "?" in base else "?"
    store = open_store(f"{base}{separator}options=-csearch_path%3D{schema}")
    try:
        yield fill(store)
    finally:
        store.close()
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session (Debian's binary, never a downloaded one)."""
    if not CHROMIUM.exists():
        unavailable(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
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
