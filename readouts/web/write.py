"""Write routes: ingest and merge, present only with a write token."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from readouts.web.auth import WriteToken

INGEST_BODY_LIMIT = 12 * 1024 * 1024


def make_router(token: WriteToken) -> APIRouter:
    return APIRouter(dependencies=[Depends(token)])
