"""ASGI middleware that guards every request: a body-size ceiling and defensive headers.

Both are plain ASGI wrappers rather than Starlette's ``BaseHTTPMiddleware`` so that the hot
read path (meeting and person pages under load) pays for one function call, not a task.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Bodies above this are refused unless the path has its own limit (form posts, API queries).
DEFAULT_BODY_LIMIT = 1024 * 1024

#: The Content-Security-Policy of the pages: only our own scripts and styles, no inline script,
#: no plugins, no framing.  A ``<script>`` that slipped through escaping would still not run.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: Swagger UI at /docs sets element styles from its own bundled script; nothing else differs.
DOCS_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class BodySizeLimit:
    """Refuse request bodies over a limit with a JSON 413, before or while they arrive.

    A declared ``Content-Length`` over the limit is refused without reading; a chunked body is
    counted as it streams and cut off at the limit (the app then sees the client disconnect),
    so no request can make the server buffer more than the limit in memory.
    """

    def __init__(
        self,
        app: ASGIApp,
        default_limit: int = DEFAULT_BODY_LIMIT,
        path_limits: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.default_limit = default_limit
        self.path_limits = dict(path_limits or {})

    def limit_for(self, path: str) -> int:
        return self.path_limits.get(path, self.default_limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _send_too_large(send, limit)
            return
        received = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not started:
                        await _send_too_large(send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent: drop whatever the app answers instead
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, counting_receive, guarded_send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_too_large(send: Send, limit: int) -> None:
    message = f"request body too large: the limit is {limit} bytes"
    body = json.dumps({"error": {"status": 413, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Add a strict Content-Security-Policy and the usual defensive headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"].startswith("/docs") else PAGE_POLICY
        extra = [
            (b"content-security-policy", policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
        ]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
