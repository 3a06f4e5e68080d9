"""The write token: writes exist only when the server was started with one, and require it.

A server started without ``--write-token`` has no write routes at all, so there is nothing to
guess or bypass.  With a token, a write must carry ``Authorization: Bearer TOKEN``; a header
that browsers never add on their own, so a page on another site cannot make a visitor write.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request


class WriteToken:
    """A FastAPI dependency that admits a request only if it carries the token."""

    def __init__(self, token: str) -> None:
        if not token:
            raise ValueError("the write token must not be empty")
        self._token = token.encode()

    def __call__(self, request: Request) -> None:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        valid = hmac.compare_digest(given.strip().encode(), self._token)
        if scheme.lower() != "bearer" or not valid:
            raise HTTPException(status_code=401, detail="a valid write token is required")
