"""The worker processes of ``readouts serve --workers N``: one listening socket each.

uvicorn's own supervisor hands every worker the same listening socket.  Whichever worker's
event loop wakes first accepts a whole burst of new connections, and keep-alive clients stay
on the worker they landed on: in ``bench/serve_load.py`` 50 clients split 34/16, 39/11 or
41/9 over two workers, so one worker queued four times the requests of the other while the
page latencies that count are those of the busiest.  On Linux each worker here gets its own
``SO_REUSEPORT`` socket on the same port instead, and the kernel spreads connections over
the sockets by their address hash, whichever worker happens to be awake.  Elsewhere (no
load-balancing ``SO_REUSEPORT``) every worker shares one socket, as with uvicorn.

The supervisor is the minimum of uvicorn's: it restarts a worker that dies or stops answering
its health check (on the same socket), gives up if one cannot start at all, and stops every
worker on SIGINT or SIGTERM.
"""

from __future__ import annotations

import signal
import socket
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uvicorn
    from uvicorn.supervisors.multiprocess import Process

#: Seconds between health checks of the workers (uvicorn's own interval).
CHECK_EVERY = 0.5


def balanced() -> bool:
    """Whether the kernel balances connections over ``SO_REUSEPORT`` sockets (Linux)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def reuseport_listeners(host: str, port: int, count: int, backlog: int) -> list[socket.socket]:
    """``count`` listening sockets on one address, connections balanced over them.

    ``port`` must have been checked free (and resolved if it was 0) by a plain bind: a socket
    with ``SO_REUSEPORT`` would otherwise share a port another server of this user holds.
    Raises :class:`OSError` if one cannot be bound; those bound so far are closed.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listeners: list[socket.socket] = []
    try:
        for _ in range(count):
            listener = socket.socket(family, socket.SOCK_STREAM)
            listeners.append(listener)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            listener.bind((host, port))
            listener.listen(backlog)
            listener.set_inheritable(True)
    except OSError:
        for listener in listeners:
            listener.close()
        raise
    return listeners


def run_workers(config: uvicorn.Config, sockets: list[list[socket.socket]]) -> None:
    """One worker process per entry of ``sockets`` (the sockets it accepts on), until a
    signal; a worker that dies or hangs is replaced on the same sockets."""
    from uvicorn.config import STARTUP_FAILURE

    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    workers = [_start(config, own) for own in sockets]
    try:
        while not stop.wait(CHECK_EVERY):
            for index, worker in enumerate(workers):
                if stop.is_set() or worker.is_alive(timeout=config.timeout_worker_healthcheck):
                    continue
                worker.kill()
                worker.join()
                if worker.exitcode == STARTUP_FAILURE:  # it would fail the same way again
                    stop.set()
                    break
                workers[index] = _start(config, sockets[index])
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join()


def _start(config: uvicorn.Config, sockets: list[socket.socket]) -> Process:
    from uvicorn.supervisors.multiprocess import Process

    worker = Process(config, sockets)
    worker.start()
    return worker
