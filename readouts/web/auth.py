"""The write token: writes exist only when the server was started with one, and require it.

A server started without ``--write-token`` has no write routes at all, so there is nothing to
guess or bypass.  With a token, a write must carry ``Authorization: Bearer TOKEN``: a header
that browsers never add on their own, so a page on another site cannot make a visitor write.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

#: Declares the scheme in the OpenAPI description, so /docs offers an "Authorize" button.
_BEARER = HTTPBearer(auto_error=False, description="the token given to --write-token")


class WriteToken:
    """A FastAPI dependency that admits a request only if it carries the token."""

    def __init__(self, token: str) -> None:
        if not token:
            raise ValueError("the write token must not be empty")
        self._token = token.encode()

    def __call__(
        self, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)]
    ) -> None:
        given = credentials.credentials.encode() if credentials is not None else b""
        if not hmac.compare_digest(given, self._token):
            raise HTTPException(status_code=401, detail="a valid write token is required")
