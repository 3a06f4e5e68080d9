"""Options shared by every command that reads or writes the corpus store."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from readouts.store.defaults import DEFAULT_STORE, ENV_VAR

if TYPE_CHECKING:
    from readouts.store import Store

#: ``--db``: a SQLite file path or a URL; the default comes from $READOUTS_DB, else ./readouts.db.
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="PATH|URL",
        help=(
            "The store: a SQLite file path, sqlite:///PATH or postgresql://USER@HOST/DB "
            f"(default: ${ENV_VAR}, else ./{DEFAULT_STORE})."
        ),
        show_default=False,
    ),
]


def open_cli_store(db: str | None) -> Store:
    """Open the store for a command, or exit 2 with one line on stderr saying why not."""
    from readouts.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        print(f"readouts: error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
