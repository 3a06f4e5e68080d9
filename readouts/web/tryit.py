"""The "try it" page and ``POST /api/extract``: extract a pasted readout without storing it.

It runs :func:`readouts.extract` in the request, so it shows exactly what ``readouts extract``
would produce, highlighted like a stored meeting.  Text is capped well below the loader's
10 MB so that one visitor cannot occupy a worker for long.
"""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Body, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from readouts.errors import ReadoutsError
from readouts.extract import extract
from readouts.model import Record
from readouts.web.highlight import highlight
from readouts.web.pages_common import render_page

#: The longest text the page and the API extract (characters); a long readout is ~20,000.
MAX_TRY_CHARS = 200_000
#: The form body limit: urlencoding may triple the text's UTF-8 size.
TRY_BODY_LIMIT = 4 * MAX_TRY_CHARS * 3


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the readout's text", max_length=MAX_TRY_CHARS)
    source: str = Field(default="<pasted>", max_length=500)
    lang: str | None = Field(default=None, pattern="^(en|zh|vi)$")


router = APIRouter()


@router.get("/try", response_class=HTMLResponse, include_in_schema=False)
def try_page(request: Request) -> HTMLResponse:
    return render_page(request, "try.html", text="", record=None, problem=None)


@router.post("/try", response_class=HTMLResponse, include_in_schema=False)
async def try_submit(request: Request) -> HTMLResponse:
    text = _form_text(await request.body())
    record, problem, status = _try_extract(text)
    pieces = highlight(record, record.text or text) if record else []
    dumped = record.model_dump(mode="json") if record else None
    return render_page(
        request,
        "try.html",
        status_code=status,
        text=text,
        record=record,
        pieces=pieces,
        record_json=json.dumps(dumped, indent=2, ensure_ascii=False) if dumped else "",
        problem=problem,
    )


def _try_extract(text: str) -> tuple[Record | None, str | None, int]:
    """The record, or a message for the visitor with the status that goes with it."""
    if not text.strip():
        return None, "Paste the text of a readout first.", 200
    if len(text) > MAX_TRY_CHARS:
        return None, f"The text is too long: the limit is {MAX_TRY_CHARS:,} characters.", 413
    try:
        return extract(text, source="<pasted>"), None, 200
    except ReadoutsError as exc:
        return None, f"Cannot extract this text: {exc}", 422


def _form_text(body: bytes) -> str:
    """The ``text`` field of a urlencoded form; a body that is not UTF-8 is a client error."""
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPException(status_code=400, detail=f"unreadable form: {exc}") from None
    return fields.get("text", [""])[0]


@router.post("/api/extract", tags=["extract"], response_model=Record)
def api_extract(payload: Annotated[ExtractRequest, Body()]) -> Record:
    """Extract one readout and return its record, without storing anything."""
    return extract(payload.text, source=payload.source, lang=payload.lang)
