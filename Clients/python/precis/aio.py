"""The asyncio Precis client: one connection, any number of requests in flight on it.

    from precis import AsyncClient

    async with await AsyncClient.connect("127.0.0.1", 7450) as client:
        summaries = await asyncio.gather(*(client.summarize(t) for t in texts))

A background task reads the responses and hands each to the request with its id, so awaits
complete in whatever order the server finishes them.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Dict, Optional

from google.protobuf.message import DecodeError

from . import requests
from .errors import ConnectError, ConnectionClosedError, PrecisError, ProtocolError
from .wire import (DEFAULT_HOST, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES,
                   DEFAULT_PORT, LENGTH, PREFACE, check_preface, check_request_size, encode_frame,
                   pb, raise_for_status)

__all__ = ["AsyncClient"]


class AsyncClient:
    """Create with ``await AsyncClient.connect(host, port)``; close with ``await close()`` or
    ``async with``. ``timeout`` (seconds) bounds connecting, the preface and each call.

    A server that cannot be reached raises ``ConnectError`` (UNAVAILABLE; also an ``OSError``).
    ``max_request_bytes`` is the largest request frame sent (4 MiB, the server's default
    ``--max-frame-bytes``; None or 0: no check): a larger request raises RESOURCE_EXHAUSTED
    before anything is sent, and the connection stays usable."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 timeout: float, max_response_bytes: int,
                 max_request_bytes: Optional[int] = DEFAULT_MAX_REQUEST_BYTES):
        self.timeout = timeout
        self.max_response_bytes = max_response_bytes
        self.max_request_bytes = max_request_bytes
        #: The last connection-level error the server sent (id 0, e.g. a frame over its limit).
        self._server_error: Optional[PrecisError] = None
        #: The GoAway the server sent, if any; after it, new calls are refused.
        self.go_away: Optional[pb.GoAway] = None
        #: The server's protocol version from its preface.
        self.server_version = (0, 0)
        self._reader = reader
        self._writer = writer
        self._pending: Dict[int, asyncio.Future] = {}
        self._ids = itertools.count(1)
        self._failure: Optional[PrecisError] = None
        self._reading: Optional[asyncio.Task] = None

    @classmethod
    async def connect(cls, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                      timeout: float = 10.0,
                      max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
                      max_request_bytes: Optional[int] = DEFAULT_MAX_REQUEST_BYTES,
                      ) -> "AsyncClient":
        """Connects and exchanges the 8-byte prefaces."""
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
        except asyncio.TimeoutError:
            raise PrecisError(pb.DEADLINE_EXCEEDED,
                              "timed out connecting to %s:%d" % (host, port)) from None
        except OSError as e:  # refused, unreachable, unknown host
            raise ConnectError(host, port, e) from e
        client = cls(reader, writer, timeout, max_response_bytes, max_request_bytes)
        try:
            writer.write(PREFACE)
            await asyncio.wait_for(writer.drain(), timeout)
            preface = await asyncio.wait_for(reader.readexactly(len(PREFACE)), timeout)
            client.server_version = check_preface(preface)
        except asyncio.TimeoutError:
            await client.close()
            raise PrecisError(pb.DEADLINE_EXCEEDED,
                              "no preface from %s:%d within %.1f s" % (host, port, timeout)) from None
        except asyncio.IncompleteReadError as e:
            await client.close()
            if e.partial.startswith(b"HTTP/"):
                raise ProtocolError("the server answered with HTTP, not the Precis preface") from None
            raise ConnectionClosedError(
                "connection closed during the preface (received %r)" % e.partial) from None
        except BaseException:
            await client.close()
            raise
        client._reading = asyncio.get_running_loop().create_task(client._read_loop())
        return client

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        """Closes the connection; calls still waiting fail with UNAVAILABLE."""
        if self._reading is not None and self._reading is not asyncio.current_task():
            self._reading.cancel()
            try:
                await self._reading
            except (asyncio.CancelledError, Exception):
                pass
        self._fail_all(self._failure or ConnectionClosedError("client is closed"))
        self._writer.close()
        try:
            await self._writer.wait_closed()
        except (OSError, asyncio.CancelledError):
            pass

    @property
    def in_flight(self) -> int:
        """Calls sent whose response has not arrived."""
        return len(self._pending)

    # -- reading ---------------------------------------------------------------------------

    async def _read_loop(self) -> None:
        try:
            while True:
                header = await self._reader.readexactly(4)
                (length,) = LENGTH.unpack(header)
                if length > self.max_response_bytes:
                    raise ProtocolError("response frame of %d bytes exceeds %d"
                                        % (length, self.max_response_bytes))
                body = await self._reader.readexactly(length)
                try:
                    response = pb.Response.FromString(body)
                except DecodeError as e:
                    raise ProtocolError("undecodable response frame: %s" % e) from None
                self._deliver(response)
        except asyncio.IncompleteReadError as e:
            reason = "connection closed by the server"
            if e.partial:
                reason += " in the middle of a frame"
            self._fail_all(ConnectionClosedError(self._closed_because(reason)))
        except PrecisError as e:
            self._fail_all(e)
        except (OSError, ConnectionError) as e:
            self._fail_all(ConnectionClosedError(self._closed_because("connection lost: %s" % e)))
        finally:
            self._writer.close()

    def _closed_because(self, reason: str) -> str:
        """``reason`` with what the server said before it closed (an error or a GoAway)."""
        if self._server_error is not None:
            return "%s after %s: %s" % (reason, self._server_error.code_name,
                                         self._server_error.message)
        if self.go_away is not None:
            return "%s after GoAway (%s)" % (reason, self.go_away.reason or "no reason given")
        return reason

    def _deliver(self, response: pb.Response) -> None:
        if response.id == 0:
            if response.WhichOneof("body") == "go_away":
                self.go_away = response.go_away
                return
            # A connection-level error (for instance a frame over the server's limit): it
            # cannot be matched to one call, so every waiting call gets it.
            self._server_error = PrecisError(response.status.code, response.status.message, 0)
            self._fail_all(self._server_error, final=False)
            return
        future = self._pending.pop(response.id, None)
        if future is not None and not future.done():
            future.set_result(response)

    def _fail_all(self, error: PrecisError, final: bool = True) -> None:
        if final and self._failure is None:
            self._failure = error
        pending, self._pending = self._pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(error)

    # -- requests --------------------------------------------------------------------------

    def _next_id(self) -> int:
        while True:
            candidate = next(self._ids)
            if candidate not in self._pending:
                return candidate

    async def send(self, request: pb.Request) -> asyncio.Future:
        """Sends one request (its id assigned when 0) and returns the future of its response.
        The response is returned whatever its status; ``call`` raises on non-OK."""
        if self._failure is not None:
            raise self._failure
        if self.go_away is not None:
            raise PrecisError(pb.UNAVAILABLE, "server is going away (%s); open a new connection"
                              % (self.go_away.reason or "no reason given"))
        if request.id == 0:
            request.id = self._next_id()
        elif request.id in self._pending:
            raise ValueError("request id %d is already in flight" % request.id)
        body = request.SerializeToString()
        check_request_size(body, self.max_request_bytes, request.id)
        future = asyncio.get_running_loop().create_future()
        self._pending[request.id] = future
        self._writer.write(encode_frame(body))
        try:
            await asyncio.wait_for(self._writer.drain(), self.timeout)
        except asyncio.TimeoutError:
            self._pending.pop(request.id, None)
            raise PrecisError(pb.DEADLINE_EXCEEDED, "timed out sending request %d" % request.id,
                              request.id) from None
        except (OSError, ConnectionError) as e:
            self._pending.pop(request.id, None)
            # The server may have said why before it closed (a frame over its limit): give the
            # reader a moment to take that answer from the socket, and raise it, not the reset.
            if self._reading is not None and not self._reading.done():
                try:
                    await asyncio.wait_for(asyncio.shield(self._reading), 0.2)
                except (asyncio.TimeoutError, asyncio.CancelledError, Exception):
                    pass
            if future.done() and not future.cancelled() and isinstance(future.exception(), PrecisError):
                raise future.exception() from None
            if self._server_error is not None:
                raise self._server_error from None
            raise ConnectionClosedError(self._closed_because("connection lost while sending: %s" % e)) from None
        return future

    async def call(self, request: pb.Request, timeout: Optional[float] = None) -> pb.Response:
        """Sends ``request`` and waits for its response; raises ``PrecisError`` unless OK.

        ``timeout`` (seconds) defaults to the client's, or longer when ``request.timeout_ms``
        asks the server for more. On timeout the call raises DEADLINE_EXCEEDED and a late
        answer is dropped; the connection stays usable.
        """
        if timeout is None:
            timeout = max(self.timeout, request.timeout_ms / 1000.0 + 1.0)
        future = await self.send(request)
        request_id = request.id
        try:
            response = await asyncio.wait_for(asyncio.shield(future), timeout)
        except asyncio.TimeoutError:
            self._pending.pop(request_id, None)
            raise PrecisError(pb.DEADLINE_EXCEEDED, "no answer to request %d within %.1f s"
                              % (request_id, timeout), request_id) from None
        except asyncio.CancelledError:
            self._pending.pop(request_id, None)
            self._send_cancel(request_id)
            raise
        return raise_for_status(response)

    def _send_cancel(self, request_id: int) -> None:
        """Tells the server to stop request ``request_id`` (``Request{id, cancel}``); its
        CANCELLED answer then finds no future and is dropped. Best effort: a closed connection
        has nothing to stop."""
        if self._failure is not None or self._writer.is_closing():
            return
        cancel = pb.Request(id=request_id, cancel=pb.CancelRequest())
        self._writer.write(encode_frame(cancel.SerializeToString()))

    # -- operations ------------------------------------------------------------------------

    async def ping(self, payload: bytes = b"", timeout_ms: int = 0) -> bytes:
        return (await self.call(requests.ping(payload, timeout_ms))).ping.payload

    async def info(self, timeout_ms: int = 0) -> pb.InfoResponse:
        return (await self.call(requests.info(timeout_ms))).info

    async def health(self, timeout_ms: int = 0) -> pb.HealthResponse:
        return (await self.call(requests.health(timeout_ms))).health

    async def parse(self, text: str, **options) -> pb.ParseResponse:
        return (await self.call(requests.parse(text, **options))).parse

    async def summarize(self, text: str, **options) -> pb.SummarizeResponse:
        return (await self.call(requests.summarize(text, **options))).summarize

    async def extract(self, text: str, **options) -> pb.ExtractResponse:
        return (await self.call(requests.extract(text, **options))).extract

    async def analyze(self, text: str, **options) -> pb.AnalyzeResponse:
        return (await self.call(requests.analyze(text, **options))).analyze
