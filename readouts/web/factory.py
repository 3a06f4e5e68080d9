"""The app as each worker process builds it, from the environment ``readouts serve`` set.

Several workers (``readouts serve --workers N``) are separate processes, started by
:mod:`readouts.cli.serve_workers` each on its own listening socket; each opens its own
connection pool to the store, which cannot be shared across processes.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from readouts.store import open_store
from readouts.store.url import ENV_VAR
from readouts.web.app import create_app

WRITE_TOKEN_ENV = "READOUTS_WRITE_TOKEN"


def app_from_environment() -> FastAPI:
    """``create_app`` over ``$READOUTS_DB``, writable when ``$READOUTS_WRITE_TOKEN`` is set."""
    store = open_store(os.environ.get(ENV_VAR), migrate_schema=False)
    return create_app(store, write_token=os.environ.get(WRITE_TOKEN_ENV) or None)
