"""A worker of ``readouts serve --workers N`` that serves the connections the supervisor deals.

The worker listens on no socket.  It reads accepted connections, as file descriptors, from
its end of a Unix socket pair (:mod:`readouts.cli.serve_workers` deals them in turn) and
hands each to uvicorn's HTTP protocol exactly as uvicorn's own listening server would.
Everything else, the application's lifespan, the health checks, the graceful shutdown that
closes open connections, is uvicorn's.
"""

from __future__ import annotations

import asyncio
import socket

import uvicorn
from uvicorn.supervisors.multiprocess import Process

#: Connections taken from the channel per read (descriptors in one message: one).
_MAX_FDS = 1


class DealtServer(uvicorn.Server):
    """uvicorn's server, fed accepted connections through ``sockets[0]`` (the channel)."""

    _channel: socket.socket | None = None
    _handing: set[asyncio.Task[None]]

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the lifespan, and no listening server
        if self.should_exit or not sockets:
            return
        self._handing = set()
        channel = self._channel = sockets[0]
        channel.setblocking(False)
        asyncio.get_running_loop().add_reader(channel.fileno(), self._take)

    def _take(self) -> None:
        """Every connection waiting on the channel, each handed to a new HTTP protocol."""
        assert self._channel is not None
        loop = asyncio.get_running_loop()
        while True:
            try:
                message, fds, _, _ = socket.recv_fds(self._channel, 1, _MAX_FDS)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                message, fds = b"", []
            if not message:  # the supervisor is gone: finish what is open, then stop
                loop.remove_reader(self._channel.fileno())
                self.should_exit = True
                return
            for fd in fds:
                connection = socket.socket(fileno=fd)
                connection.setblocking(False)
                task = loop.create_task(self._serve_connection(connection))
                self._handing.add(task)  # the loop keeps only a weak reference
                task.add_done_callback(self._handing.discard)

    async def _serve_connection(self, connection: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        try:
            await loop.connect_accepted_socket(self._protocol, connection)
        except OSError:  # the client left before it was served
            connection.close()

    def _protocol(self) -> asyncio.Protocol:
        config = self.config
        protocol: asyncio.Protocol = config.http_protocol_class(  # type: ignore[call-arg]
            config=config,
            server_state=self.server_state,
            app_state=self.lifespan.state,
            _loop=asyncio.get_running_loop(),
        )
        return protocol

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self._channel is not None and self._channel.fileno() != -1:
            asyncio.get_running_loop().remove_reader(self._channel.fileno())
        await super().shutdown(sockets=None)


class DealtProcess(Process):
    """uvicorn's worker process (health checks, signals) running a :class:`DealtServer`."""

    @property
    def server(self) -> uvicorn.Server:
        if self._server is None:
            self._server = DealtServer(config=self.config)
        return self._server
