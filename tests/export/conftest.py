"""The ingested test corpus (both backends) for the export tests."""

from corpus_fixtures import corpus_store, corpus_target  # noqa: F401
