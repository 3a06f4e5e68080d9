"""The meeting and person pages as plain Starlette routes, ahead of their FastAPI routes.

FastAPI resolves every request's parameters through its dependency machinery (the store
dependency, each query parameter validated by pydantic, the included routers' lookups):
about a tenth of these two pages' CPU under load.  A request that needs none of it, a GET
with no query string or with one plain ``page=N`` / ``report=ID``, is answered here by
the same handler, called directly.  Anything else (another method, an empty, repeated,
encoded or out-of-range parameter) is not matched here and falls through to the FastAPI
route of the same path, which validates and answers exactly as before: the fast path
changes no response.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route
from starlette.types import Scope

from readouts.web.pages import PARAM_MAX_LENGTH, meeting_page
from readouts.web.pages_entities import person_page

#: ``report=`` one report's id, in characters that need no decoding, no longer than the
#: FastAPI route allows.
REPORT_QUERY = re.compile(rb"(?:report=([A-Za-z0-9_.~-]{1,%d}))?" % PARAM_MAX_LENGTH)
#: ``page=`` a number from 1 to 99,999 as digits only (the limit is 100,000).
PAGE_QUERY = re.compile(rb"(?:page=([1-9][0-9]{0,4}))?")


class PlainGet(Route):
    """A GET route that matches only when its whole query string matches ``query``."""

    def __init__(self, path: str, endpoint: Any, query: re.Pattern[bytes]) -> None:
        super().__init__(path, endpoint, methods=["GET"], include_in_schema=False)
        self.query = query

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or scope["method"] != "GET":
            return Match.NONE, {}
        if self.query.fullmatch(scope.get("query_string", b"")) is None:
            return Match.NONE, {}
        return super().matches(scope)


def _value(request: Request, query: re.Pattern[bytes]) -> str | None:
    """The one parameter's value (already checked by :meth:`PlainGet.matches`), or None."""
    found = query.fullmatch(request.scope.get("query_string", b""))
    return found[1].decode() if found is not None and found[1] else None


async def _meeting(request: Request) -> Response:
    event_id: str = request.path_params["event_id"]
    report = _value(request, REPORT_QUERY)
    return await meeting_page(request, request.app.state.store, event_id, report)


async def _person(request: Request) -> Response:
    person_id: str = request.path_params["person_id"]
    page = int(_value(request, PAGE_QUERY) or 1)
    return await person_page(request, request.app.state.store, person_id, page)


def install(app: FastAPI) -> None:
    """Put the plain routes first: before every other route, and before the pages' own."""
    app.router.routes[:0] = [
        PlainGet("/meetings/{event_id}", _meeting, REPORT_QUERY),
        PlainGet("/people/{person_id}", _person, PAGE_QUERY),
    ]
