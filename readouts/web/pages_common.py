"""Rendering a page: the shared environment, the request, and the status code."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from readouts.web.render import ENVIRONMENT


def render_page(
    request: Request, template: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render ``template`` with ``context``; every value is escaped by the environment."""
    html = ENVIRONMENT.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)
