"""Every error leaves the server as a short message, never as a stack trace.

API clients get ``{"error": {"status": ..., "message": ...}}``; a browser asking for a page gets
the same message in the site's layout.  Unexpected exceptions are logged on the server and
answered with a generic 500, so nothing about the code or the data leaks to the client.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from readouts.errors import ReadoutsError
from readouts.web.render import ENVIRONMENT

LOG = logging.getLogger("readouts.web")

_REASONS = {
    400: "bad request",
    401: "a valid write token is required",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    413: "request body too large",
    422: "invalid request",
    500: "internal server error",
}


def error_response(request: Request, status: int, message: str) -> Response:
    """The error as JSON, or as an HTML page when a browser asked for a page."""
    wants_page = not request.url.path.startswith("/api") and "text/html" in request.headers.get(
        "accept", ""
    )
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if wants_page:
        page = ENVIRONMENT.get_template("error.html").render(status=status, message=message)
        return HTMLResponse(page, status_code=status, headers=headers)
    payload = {"error": {"status": status, "message": message}}
    return JSONResponse(payload, status_code=status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    message = detail or _REASONS.get(exc.status_code, "error")
    if message == "Not Found":
        message = f"not found: {request.url.path}"
    return error_response(request, exc.status_code, message)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, 422, validation_message(exc.errors()))


def validation_message(errors: Any) -> str:
    """One line naming each bad parameter and what is wrong, without echoing its value."""
    parts = []
    for error in list(errors)[:5]:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


async def _readouts_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 400, str(exc))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    LOG.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ReadoutsError, _readouts_error)
    app.add_exception_handler(Exception, _unexpected_error)
