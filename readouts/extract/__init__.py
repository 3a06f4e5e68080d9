"""Extraction: text in, :class:`Record` out, with no I/O and no global state.

The same function runs in a test, in the CLI, in a web request and on a Dask worker.  Language
knowledge comes from the lexicon files, loaded once per process on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from readouts.errors import ReadoutsError
from readouts.extract.language import detect_language
from readouts.ids import doc_id
from readouts.model import Record

__all__ = ["UnsupportedLanguage", "extract"]


class UnsupportedLanguage(ReadoutsError):
    code = "E-LANG"


def extract(text: str, source: str = "<string>", lang: str | None = None) -> Record:
    """Extract the readout record of one document.

    ``lang`` forces a language; by default it is detected from the script and diacritics.
    """
    language = lang or detect_language(text)
    if language == "en":
        return _english()(text, source=source, doc_id=doc_id(text))
    raise UnsupportedLanguage(f"no extractor for language {language!r} yet (only 'en')")


@cache
def _english() -> Callable[..., Record]:
    """The English extractor, imported on first use and kept: an import statement run for
    every document costs a package's from-list handling each time."""
    from readouts.extract.en import extract_english

    return extract_english
