"""The ingested test corpus (both backends) for the query tests."""

from corpus_fixtures import corpus_store, corpus_target  # noqa: F401
