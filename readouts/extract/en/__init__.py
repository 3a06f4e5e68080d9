"""English readouts (placeholder while the extractor is written)."""

from __future__ import annotations

from readouts.model import Record


def extract_english(text: str, source: str, doc_id: str) -> Record:
    return Record(doc_id=doc_id, source=source, lang="en", is_readout=False, extractor="en/0")
