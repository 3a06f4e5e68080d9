"""What the loader yields: a document to extract from, or a reason it could not be read.

Bad input is a value, not an exception, so that one unreadable file in a corpus of thousands
is reported on one line and the run goes on with the next file.
"""

from __future__ import annotations

from dataclasses import dataclass

from readouts.ids import doc_id


@dataclass(frozen=True, slots=True)
class Document:
    """One input text, decoded exactly as read, so record offsets point into it unchanged.

    The optional fields come from the input's metadata (an HTML page's, a JSONL line's)
    when the store ingests it; ``format`` says which kind of input the text came from
    (``txt``, ``stdin``, ``html``: trafilatura's article text, ``jsonl``: a line's field).
    """

    source: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    format: str = "txt"

    @property
    def doc_id(self) -> str:
        """The content-derived id the record will carry (same text, same id)."""
        return doc_id(self.text)


@dataclass(frozen=True, slots=True)
class LoadError:
    """An input that could not be turned into a document, with one sentence saying why."""

    source: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"
