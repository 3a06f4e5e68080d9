"""``readouts serve``: the web UI and REST API over a store, until Ctrl-C.

The socket is bound here, before the server starts, so that a port in use is one clear line
and exit status 2 instead of a log record, and so that ``--port 0`` can pick a free port and
still print the exact URL to open.
"""

from __future__ import annotations

import os
import socket
import sys
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from readouts.cli.app import app
from readouts.cli.options import DbOption, open_cli_store
from readouts.cli.serve_workers import run_workers

if TYPE_CHECKING:
    from readouts.store import Store

# The web application, uvicorn and SQLAlchemy are imported when the server starts, not when
# the CLI does: every other command (and --help) would otherwise pay a second for them.
#: The same name as ``readouts.web.factory.WRITE_TOKEN_ENV`` (a test keeps them equal).
WRITE_TOKEN_ENV = "READOUTS_WRITE_TOKEN"
#: Connections the kernel queues per listening socket before the server accepts them.
BACKLOG = 2048


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port; 0 picks a free one.")
    ] = 8000,
    write_token: Annotated[
        str | None,
        typer.Option(
            "--write-token",
            envvar=WRITE_TOKEN_ENV,
            show_envvar=True,
            help="Enable the ingest and merge endpoints, which then require "
            "'Authorization: Bearer TOKEN'. Without it the server is read-only.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, max=64, help="Server processes (one per core)."),
    ] = 1,
) -> None:
    """Serve the web UI and the REST API (OpenAPI at /docs) over the store."""
    if write_token is not None and len(write_token) < 8:
        _fail("the write token must be at least 8 characters long")
    store = open_cli_store(db)
    listener = _bind(host, port)
    bound_host, bound_port = listener.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    mode = "writes need the token" if write_token else "read-only"
    mode += f", {workers} workers" if workers > 1 else ""
    print(
        f"readouts: serving {store.url} at http://{shown_host}:{bound_port}/ "
        f"({mode}; API docs at /docs; Ctrl-C to stop)",
        flush=True,
    )
    if workers == 1:
        _serve_here(store, write_token, listener)
        return
    import uvicorn

    from readouts.store.url import ENV_VAR, resolve_target

    store.close()  # each worker opens its own; connections do not cross processes
    os.environ[ENV_VAR] = resolve_target(db)
    if write_token is not None:
        os.environ[WRITE_TOKEN_ENV] = write_token
    config = uvicorn.Config(
        "readouts.web.factory:app_from_environment",
        factory=True,
        workers=workers,
        log_level="warning",
        access_log=False,
        server_header=False,
    )
    run_workers(config, listener, workers)


def _serve_here(store: Store, write_token: str | None, listener: socket.socket) -> None:
    """One process: the app is built here and served until Ctrl-C."""
    import uvicorn

    from readouts.web import create_app

    app = create_app(store, write_token=write_token)
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False)
    try:
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        store.close()


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket, or exit 2 with one line saying why it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen(BACKLOG)
    except OSError as exc:
        listener.close()
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    listener.set_inheritable(True)
    return listener


def _fail(message: str) -> NoReturn:
    print(f"readouts: error: {message}", file=sys.stderr)
    raise typer.Exit(2)
