"""Take the screenshots of the web UI in this directory, with headless Chromium.

The store holds the demo corpus (``examples/``) plus generated readouts about fictional
officials (``bench/generate.py``), so that person, body and formulation pages have a history
to show.  Everything is fictional; nothing leaves the machine (the server listens on loopback).

    .venv/bin/python docs/screenshots.py [--generated 3000]
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import write_corpus  # noqa: E402

from readouts.store import open_store  # noqa: E402
from readouts.store.ingest import ingest_paths  # noqa: E402
from readouts.web import create_app  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
OUT = Path(__file__).resolve().parent


def serve(app: object) -> tuple[str, uvicorn.Server]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))  # type: ignore[arg-type]
    threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{listener.getsockname()[1]}", server


def shoot(page: Page, url: str, name: str, hover: str | None = None) -> None:
    page.goto(url)
    if hover:
        page.locator(hover).first.hover()
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)
    print(f"docs/{name}.png  {url}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "generated.jsonl"
        write_corpus(args.generated, corpus, 0)
        store = open_store(str(Path(work) / "screens.db"))
        ingest_paths(store, [str(ROOT / "examples"), str(corpus)], on_error=lambda e: None)
        base, server = serve(create_app(store))
        api = httpx.Client(base_url=base, timeout=60)
        jiangxi = api.get("/api/meetings", params={"jurisdiction": "Jiangxi"}).json()
        meeting = next(
            m for m in jiangxi["meetings"] if m["reports"][0]["outlet"] == "Jiangxi Daily"
        )
        person = api.get("/api/people", params={"limit": 1}).json()["items"][0]["person_id"]
        body = api.get("/api/bodies", params={"limit": 1}).json()["items"][0]["body_id"]
        text = (ROOT / "examples" / "03_cn_executive_meeting.txt").read_text(encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            shoot(page, f"{base}/?q=flood+control", "search")
            shoot(
                page,
                f"{base}/meetings/{meeting['event_id']}",
                "meeting",
                hover='mark[data-field="person"]',
            )
            shoot(page, f"{base}/people/{person}", "person")
            shoot(page, f"{base}/bodies/{body}", "body")
            shoot(page, f"{base}/formulations", "formulations")
            page.goto(f"{base}/try")
            page.get_by_test_id("try-text").fill(text)
            page.get_by_test_id("try-submit").click()
            page.locator("section.result h2").nth(1).scroll_into_view_if_needed()
            page.screenshot(path=str(OUT / "try.png"))
            print("docs/try.png")
            browser.close()
        server.should_exit = True
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
