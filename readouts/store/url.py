"""Turn what the user typed for ``--db`` (or ``READOUTS_DB``) into a database URL.

Accepted: a SQLite file path (``readouts.db``, ``~/corpus/r.db``), ``sqlite:///path``,
``:memory:``, and ``postgresql://user:pass@host/db`` (``postgres://`` too), which is
served by psycopg 3.  Anything else is refused with one sentence saying what is accepted.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from readouts.store.defaults import DEFAULT_STORE as DEFAULT_STORE  # re-exported
from readouts.store.defaults import ENV_VAR as ENV_VAR  # re-exported
from readouts.store.errors import StoreError

MEMORY = ":memory:"

_PG_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_SQLITE_PREFIX = "sqlite:///"


def resolve_target(url_or_path: str | None) -> str:
    """The store the user means: the argument, else ``$READOUTS_DB``, else ``readouts.db``."""
    if url_or_path:
        return url_or_path
    return os.environ.get(ENV_VAR) or DEFAULT_STORE


def database_url(target: str) -> URL:
    """The SQLAlchemy URL for a store target (path or URL); raises :class:`StoreError`."""
    scheme, sep, _ = target.partition("://")
    if sep and scheme.lower() in _PG_SCHEMES:
        return _postgres_url(target)
    if target == MEMORY or target == "sqlite://":
        return URL.create("sqlite+pysqlite", database=MEMORY)
    if target.startswith(_SQLITE_PREFIX):
        return _sqlite_url(target[len(_SQLITE_PREFIX) :], target)
    if sep:
        raise StoreError(
            f"{target}: unsupported store URL (use a file path, sqlite:///PATH or "
            "postgresql://USER@HOST/DB)"
        )
    return _sqlite_url(target, target)


def _postgres_url(target: str) -> URL:
    try:
        url = make_url(target)
    except ArgumentError:
        raise StoreError(f"{target}: malformed PostgreSQL URL") from None
    return url.set(drivername="postgresql+psycopg")


def _sqlite_url(path_text: str, target: str) -> URL:
    if not path_text:
        raise StoreError(f"{target}: no file path given for the SQLite store")
    path = Path(path_text).expanduser()
    if path.is_dir():
        raise StoreError(f"{target}: is a directory, not a store file")
    if not path.parent.is_dir():
        raise StoreError(f"{target}: directory {str(path.parent)!r} does not exist")
    return URL.create("sqlite+pysqlite", database=str(path))


def display_url(url: URL) -> str:
    """The URL as shown in messages: a file path for SQLite, no password for PostgreSQL."""
    if url.get_backend_name() == "sqlite":
        return url.database or MEMORY
    return url.set(drivername="postgresql").render_as_string(hide_password=True)
