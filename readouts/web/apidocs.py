"""OpenAPI documentation at ``/docs`` that works without the network.

FastAPI's default page loads Swagger UI from a CDN, which an offline analyst (or our CI) cannot
reach.  The ``swagger-ui-py`` package ships the same Swagger UI files; they are served from
``/docs/assets`` and started by our own script, so the page needs no inline script either.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from readouts.web.pages_common import render_page

router = APIRouter()


def swagger_assets() -> Path | None:
    """Where the installed ``swagger_ui`` package keeps Swagger UI, if it is installed."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    static = Path(next(iter(spec.submodule_search_locations))) / "static"
    return static if (static / "swagger-ui-bundle.js").is_file() else None


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs_page(request: Request) -> HTMLResponse:
    return render_page(request, "docs.html", has_swagger=swagger_assets() is not None)


def mount_assets(app: FastAPI) -> None:
    assets = swagger_assets()
    if assets is not None:
        app.mount("/docs/assets", StaticFiles(directory=assets), name="swagger")
