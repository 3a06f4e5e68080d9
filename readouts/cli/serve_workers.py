"""The worker processes of ``readouts serve --workers N``, and the connections dealt to them.

Keep-alive clients stay on the worker that accepted them, so the page latencies that count
are those of the worker with the most clients.  uvicorn hands every worker the same listening
socket, and whichever worker's event loop wakes first accepts a whole burst: in
``bench/serve_load.py`` 50 clients split 34/16 to 41/9 over two workers.  One ``SO_REUSEPORT``
socket per worker let the kernel spread them by address hash, which is fair only on average
(30/20 and 28/22 were common, and the busier worker's p95 was the page's).  Here the
supervisor accepts every connection itself and deals them to the workers in turn, through a
Unix socket pair per worker (:mod:`readouts.cli.serve_dealt`), so 50 clients split 25/25.
Where descriptors cannot be passed (no ``socket.send_fds``), every worker shares the socket,
as with uvicorn.

The supervisor is the minimum of uvicorn's: it restarts a worker that dies or stops answering
its health check (on the same channel: connections dealt meanwhile wait for the new worker),
gives up if one cannot start at all, and stops every worker on SIGINT or SIGTERM.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uvicorn
    from uvicorn.supervisors.multiprocess import Process

#: Seconds between health checks of the workers (uvicorn's own interval).
CHECK_EVERY = 0.5


def dealing() -> bool:
    """Whether connections can be passed to the workers as descriptors (Unix)."""
    return hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")


def run_workers(config: uvicorn.Config, listener: socket.socket, count: int) -> None:
    """``count`` worker processes serving ``listener``'s connections, until a signal; a worker
    that dies or hangs is replaced."""
    from uvicorn.config import STARTUP_FAILURE

    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    dealt = dealing()
    pairs = (
        [socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM) for _ in range(count)]
        if dealt
        else []
    )
    for ours, _ in pairs:
        ours.settimeout(1.0)
    own = [[worker_end] for _, worker_end in pairs] if dealt else [[listener]] * count
    if dealt:
        dealer = threading.Thread(
            target=_deal, args=(listener, [ours for ours, _ in pairs], stop), daemon=True
        )
        dealer.start()
    workers = [_start(config, sockets, dealt) for sockets in own]
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
                workers[index] = _start(config, own[index], dealt)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join()
        for ours, theirs in pairs:
            ours.close()
            theirs.close()


def _deal(listener: socket.socket, channels: list[socket.socket], stop: threading.Event) -> None:
    """Accept connections and pass each to the next worker in turn, until ``stop``."""
    listener.settimeout(CHECK_EVERY)
    turn = 0
    while not stop.is_set():
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            continue
        except OSError:
            if stop.is_set():
                return
            continue  # a client that reset before it was accepted, or out of descriptors
        # A channel full for a second (a hung worker) or closed: the client sees its
        # connection close, and the next client goes to the next worker.
        with connection, contextlib.suppress(OSError):
            socket.send_fds(channels[turn], [b"c"], [connection.fileno()])
        turn = (turn + 1) % len(channels)


def _start(config: uvicorn.Config, sockets: list[socket.socket], dealt: bool) -> Process:
    from uvicorn.supervisors.multiprocess import Process

    from readouts.cli.serve_dealt import DealtProcess

    worker = (DealtProcess if dealt else Process)(config, sockets)
    worker.start()
    return worker
