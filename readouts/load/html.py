"""HTML pages: the article text via trafilatura, with title, date and URL from the metadata.

The stored text is trafilatura's article text (the page's chrome, navigation and comments
dropped), and every span of the record points into that text, which the record carries
in ``text``.  The bytes go to trafilatura undecoded, because a page names its own encoding
(``<meta charset>``) and a Chinese or Vietnamese site may not use UTF-8.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import regex

from readouts.load.document import Document, LoadError
from readouts.load.read import read_bytes

HTML_SUFFIXES = (".html", ".htm")

# trafilatura and htmldate log a warning for every page without an article; the loader
# reports that itself, on one line, so their messages must not reach stderr as well.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

_ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Only the page's own metadata: no guessing a date from its text or URL.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(
    path: Path, source: str, max_bytes: int, *, regular_only: bool
) -> Document | LoadError:
    """Read an HTML file into its article text and metadata, or say why not."""
    data = read_bytes(path, source, max_bytes, regular_only=regular_only)
    if isinstance(data, LoadError):
        return data
    return html_document(data, source)


def html_document(data: bytes, source: str) -> Document | LoadError:
    """The article in an HTML page (bytes) as a Document; a LoadError when there is none."""
    if not data.strip():
        return LoadError(source, "empty file")
    if b"\x00" in data[:8192]:
        return LoadError(source, "binary file, not HTML")
    import trafilatura  # here, not at import: it costs a third of a second to load

    try:
        page: Any = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml on hostile input: report, go on
        return LoadError(source, f"cannot parse HTML: {type(exc).__name__}: {exc}")
    text = (getattr(page, "text", None) or "").strip() if page is not None else ""
    if not text:
        return LoadError(source, "no article text found in the HTML")
    if "\x00" in text:
        return LoadError(source, "binary data (NUL characters) in the article text")
    return Document(
        source=source,
        text=text,
        url=_clean(getattr(page, "url", None)),
        title=_clean(getattr(page, "title", None)),
        published=_date(getattr(page, "date", None)),
        format="html",
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _date(value: object) -> str | None:
    """A YYYY-MM-DD date, or None (trafilatura returns other shapes for partial dates)."""
    if isinstance(value, str) and _ISO_DATE.match(value[:10]):
        return value[:10]
    return None
