"""Store fixtures for every test directory (registered in ``tests/conftest.py``).

``store_target`` is what a user would pass to ``--db``: a SQLite file in ``tmp_path``, or a
PostgreSQL URL whose ``search_path`` is a fresh schema created for the test and dropped
after it, so tests on the shared database never see each other's rows.  ``store`` is that
target opened (and migrated).  Both are parametrized over the two backends; PostgreSQL
comes from ``$READOUTS_TEST_PG`` and is skipped when unset, unless
``READOUTS_REQUIRE_SERVICES=1`` (CI), where a missing database fails the test.

Use ``sqlite_store`` / ``sqlite_target`` for tests that need one backend only.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import OperationalError

from readouts.store import Store, open_store

BACKENDS = ["sqlite", "postgresql"]
PG_ENV = "READOUTS_TEST_PG"
REQUIRE_ENV = "READOUTS_REQUIRE_SERVICES"


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} (and {REQUIRE_ENV}=1)")
    pytest.skip(reason)


def _pg_admin_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        _unavailable(f"PostgreSQL tests need ${PG_ENV}=postgresql://USER:PASS@HOST/DB")
    assert url is not None
    return url


@pytest.fixture
def pg_target() -> Iterator[str]:
    """A PostgreSQL store URL pointing at a fresh, empty schema (dropped afterwards)."""
    base = _pg_admin_url()
    schema = "t_" + uuid.uuid4().hex[:16]
    engine = create_engine(make_url(base).set(drivername="postgresql+psycopg"))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    except OperationalError as exc:
        engine.dispose()
        _unavailable(f"PostgreSQL at ${PG_ENV} is not reachable: {exc.orig}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@pytest.fixture
def sqlite_target(tmp_path: Path) -> str:
    return str(tmp_path / "readouts.db")


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest) -> str:
    """A ``--db`` value for each backend: a SQLite file path or a PostgreSQL URL."""
    fixture = "sqlite_target" if request.param == "sqlite" else "pg_target"
    target: str = request.getfixturevalue(fixture)
    return target


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    """An open, migrated, empty store on each backend."""
    opened = open_store(store_target)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sqlite_store(sqlite_target: str) -> Iterator[Store]:
    opened = open_store(sqlite_target)
    try:
        yield opened
    finally:
        opened.close()
