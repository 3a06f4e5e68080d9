"""The HTML pages over the store (filled in as the store's queries land)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
