"""Deterministic ids: the same content gives the same id on any machine, in any run."""

from __future__ import annotations

import hashlib


def doc_id(text: str) -> str:
    """The id of a document: a hash of its text (UTF-8), so re-ingesting is idempotent."""
    return "doc_" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]
