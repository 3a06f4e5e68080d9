"""Errors the store raises on purpose, each a one-line sentence naming the store."""

from __future__ import annotations

from readouts.errors import ReadoutsError


class StoreError(ReadoutsError):
    """The store cannot be opened, migrated or written (bad URL, not a database, too new)."""

    code = "E-STORE"
