"""The application factory: one FastAPI app over one open store.

``create_app(store)`` is read-only: it has no route that writes.  ``create_app(store,
write_token=T)`` adds the ingest and merge routes, each requiring ``Authorization: Bearer T``.
Everything else (limits, headers, error shapes, the offline API docs) is the same either way.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import readouts
from readouts.store import Store
from readouts.web import api, apidocs, page_routes, pages, pages_entities, tryit, write
from readouts.web.auth import WriteToken
from readouts.web.cache import LruCache
from readouts.web.errors import LOG, install_error_handlers
from readouts.web.facets import MatchCache, Query, faceted_search
from readouts.web.limits import DEFAULT_BODY_LIMIT, BodySizeLimit, SecurityHeaders
from readouts.web.person_data import Career
from readouts.web.render import STATIC_DIR

#: People whose page but for its meetings (summary, offices, meeting ids, months,
#: co-attendees) is kept per process: a few KB each.
CAREER_ENTRIES = 2000

DESCRIPTION = """Read-only JSON over a corpus of meeting readouts: documents, meetings, people,
bodies, posts, full-text search, formulations and the co-attendance network.  Lists are
paginated with `limit` and `offset` and report the `total` over every page.  Errors are
`{"error": {"status": n, "message": "..."}}`.  Ingest and merge exist only on a server started
with `--write-token` and require `Authorization: Bearer TOKEN`."""


#: Threads that run page and API handlers at once, per process.  Handlers are CPU-bound
#: Python (SQLite releases the GIL only inside a query), so more threads do not add
#: throughput: they share one GIL, each request is stretched over all of them, and beyond the
#: store's connection pool (5 kept) every extra thread opens a fresh connection with a cold
#: page cache.  Requests beyond these wait in the event loop, first come first served.  The
#: meeting and person pages do not use them: they run on the event loop itself (see
#: :func:`readouts.web.pages.meeting_page`).
REQUEST_THREADS = 4


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Bound the handler threads; warm the search page's cache in the background so the
    first visitor does not wait."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
    threading.Thread(target=_warm, args=(app,), name="warm-search", daemon=True).start()
    yield


def _warm(app: FastAPI) -> None:
    try:
        faceted_search(app.state.store, Query(), cache=app.state.match_cache)
        gc.freeze()  # the long-lived match set need not be traversed by every collection
    except Exception:  # a warm-up is an optimisation: the page will compute it when asked
        LOG.warning("could not warm the search cache", exc_info=True)


def create_app(store: Store, write_token: str | None = None) -> FastAPI:
    """The web UI and REST API over ``store``; writes only with ``write_token``."""
    app = FastAPI(
        title="readouts",
        version=readouts.__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    store.map_reads()
    app.state.store = store
    app.state.writable = write_token is not None
    app.state.match_cache = MatchCache()
    app.state.career_cache = LruCache[Career | None](CAREER_ENTRIES)
    install_error_handlers(app)
    # Routes are tried in order: the pages analysts open most (meeting, person) come first,
    # instead of after every API route (twenty fewer path matches per page request).
    # No page path starts with /api, so the order changes which route answers nothing.
    # Ahead of them all, plain routes answer those two pages' common requests directly.
    page_routes.install(app)
    app.include_router(pages.router)
    app.include_router(pages_entities.router)
    app.include_router(api.router, prefix="/api")
    app.include_router(tryit.router)
    app.include_router(apidocs.router)
    if write_token is not None:
        app.include_router(write.make_router(WriteToken(write_token)), prefix="/api")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    apidocs.mount_assets(app)
    path_limits = {"/try": tryit.TRY_BODY_LIMIT, "/api/extract": tryit.TRY_BODY_LIMIT}
    if write_token is not None:
        path_limits["/api/documents"] = write.INGEST_BODY_LIMIT
    app.add_middleware(BodySizeLimit, default_limit=DEFAULT_BODY_LIMIT, path_limits=path_limits)
    app.add_middleware(SecurityHeaders)
    return app
