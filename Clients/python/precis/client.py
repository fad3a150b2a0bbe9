"""The synchronous Precis client: one TCP connection, pipelining by id (docs/PROTOCOL.md).

    from precis import Client

    with Client("127.0.0.1", 7450, timeout=10) as client:
        print(client.ping(b"hello"))
        for sentence in client.summarize(text, sentences=2).sentences:
            print(sentence.text)

Pipelining: ``send()`` any number of requests, then ``receive()`` the responses, which arrive
in completion order; match them by ``Response.id``.
"""

from __future__ import annotations

import itertools
import select
import socket
import time
from typing import List, Optional

from google.protobuf.message import DecodeError

from . import requests
from .errors import ConnectError, ConnectionClosedError, PrecisError, ProtocolError, code_name
from .wire import (DEFAULT_HOST, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES,
                   DEFAULT_PORT, LENGTH, PREFACE, check_preface, check_request_size,
                   connection_error, encode_frame, pb, raise_for_status)

__all__ = ["Client", "PrecisClient"]


def _wait(sock: socket.socket, read: bool, write: bool, timeout: float):
    """Waits until ``sock`` is readable and/or writable; returns (readable, writable)."""
    if hasattr(select, "poll"):  # no FD_SETSIZE limit
        poller = select.poll()
        poller.register(sock, (select.POLLIN if read else 0) | (select.POLLOUT if write else 0))
        events = 0
        for _, ev in poller.poll(max(0, int(timeout * 1000) + 1)):
            events |= ev
        failed = events & (select.POLLERR | select.POLLHUP | select.POLLNVAL)
        return (bool(events & select.POLLIN) or (read and bool(failed)),
                bool(events & select.POLLOUT) or (write and bool(failed)))
    readable, writable, _ = select.select([sock] if read else [], [sock] if write else [], [],
                                          timeout)
    return bool(readable), bool(writable)


class Client:
    """One TCP connection to a Precis server.

    The constructor connects and exchanges the 8-byte prefaces. ``timeout`` (seconds) bounds
    connecting, the preface, every send and every wait for a response. Not thread-safe.

    A server that cannot be reached raises ``ConnectError`` (UNAVAILABLE; also an ``OSError``),
    a connect that times out ``PrecisError(DEADLINE_EXCEEDED)``. ``max_request_bytes`` is the
    largest request frame ``send`` writes (the server's ``--max-frame-bytes``, 4 MiB by
    default; None or 0 turns the check off): a larger request raises RESOURCE_EXHAUSTED before
    anything is sent, and the connection stays usable.
    """

    def __init__(
        self,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        timeout: float = 10.0,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        max_request_bytes: Optional[int] = DEFAULT_MAX_REQUEST_BYTES,
    ):
        self.host = host
        self.port = port
        self.timeout = timeout
        self.max_response_bytes = max_response_bytes
        self.max_request_bytes = max_request_bytes
        #: The GoAway the server sent, if any. After it, ``send`` refuses new requests.
        self.go_away: Optional[pb.GoAway] = None
        #: The server's protocol version from its preface.
        self.server_version = (0, 0)
        self._rbuf = bytearray()
        self._ready: List[pb.Response] = []  # received, not yet returned, in arrival order
        self._in_flight: set = set()
        self._ids = itertools.count(1)
        self._closed_reason: Optional[str] = None
        try:
            self._sock = socket.create_connection((host, port), timeout=timeout)
        except socket.timeout:
            raise PrecisError(pb.DEADLINE_EXCEEDED, "timed out connecting to %s:%d after %.1f s"
                              % (host, port, timeout)) from None
        except OSError as e:  # refused, unreachable, unknown host (socket.gaierror)
            raise ConnectError(host, port, e) from e
        try:
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._sock.setblocking(False)
            self._handshake()
        except BaseException:
            self._sock.close()
            raise

    # -- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None

    @property
    def in_flight(self) -> int:
        """Requests sent whose response has not been returned yet."""
        return len(self._in_flight)

    def _handshake(self) -> None:
        deadline = time.monotonic() + self.timeout
        self._send_all(PREFACE, deadline, drain=False)
        while len(self._rbuf) < len(PREFACE):
            if not self._read_some(deadline):
                got = bytes(self._rbuf)
                if got.startswith(b"HTTP/"):
                    raise ProtocolError("the server answered with HTTP, not the Precis preface")
                raise ConnectionClosedError(
                    "connection closed during the preface (received %r)" % got)
        preface = bytes(self._rbuf[: len(PREFACE)])
        del self._rbuf[: len(PREFACE)]
        self.server_version = check_preface(preface)

    # -- raw I/O -------------------------------------------------------------------------------

    def _remaining(self, deadline: float) -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise PrecisError(pb.DEADLINE_EXCEEDED,
                              "timed out talking to %s:%d" % (self.host, self.port))
        return left

    def _check_open(self) -> socket.socket:
        if self._sock is None:
            raise ConnectionClosedError(self._closed_reason or "client is closed")
        return self._sock

    def _read_some(self, deadline: float) -> bool:
        """Reads what is available into the buffer; False at end of stream."""
        sock = self._check_open()
        while True:
            readable, _ = _wait(sock, True, False, self._remaining(deadline))
            if not readable:
                continue  # _remaining raises once the deadline has passed
            try:
                chunk = sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                return False
            self._rbuf += chunk
            return True

    def _send_all(self, data: bytes, deadline: float, drain: bool = True) -> None:
        """Writes all of ``data``. While the socket cannot take more, reads what the server sent
        (when ``drain``), so a long pipeline cannot deadlock against the server's backpressure."""
        sock = self._check_open()
        view = memoryview(data)
        while view:
            try:
                left = self._remaining(deadline)
            except PrecisError:
                if len(view) != len(data):  # half a frame is on the wire: the stream is lost
                    self._closed_reason = "timed out in the middle of sending a frame"
                    self.close()
                raise
            readable, writable = _wait(sock, drain, True, left)
            if readable:
                if not self._read_some(deadline):
                    self._connection_lost("connection closed by the server while sending")
                self._parse_frames()
            if writable:
                try:
                    sent = sock.send(view)
                except (BlockingIOError, InterruptedError):
                    continue
                except (BrokenPipeError, ConnectionResetError):
                    self._connection_lost("connection closed by the server while sending")
                view = view[sent:]

    def _connection_lost(self, message: str) -> None:
        # The server says why before it closes (an id-0 Response: a frame over its limit, too
        # many connections, ...). A write that fails with a reset can hide that answer, which
        # is still in the socket's receive buffer: read it and raise the server's status.
        self._read_what_is_left()
        error = connection_error(self._ready)
        if error is not None:
            self._ready.remove(error)
            self._closed_reason = "the server closed the connection after %s: %s" % (
                code_name(error.status.code), error.status.message)
            self.close()
            raise PrecisError(error.status.code, error.status.message, 0)
        if self.go_away is not None:
            message += " after GoAway (%s)" % (self.go_away.reason or "no reason given")
        self._closed_reason = message
        self.close()
        raise ConnectionClosedError(message)

    def _read_what_is_left(self, grace: float = 0.2) -> None:
        """After the server closed: reads the bytes still buffered (waiting at most ``grace``
        seconds for more) and parses the complete frames among them."""
        sock = self._sock
        if sock is None:
            return
        deadline = time.monotonic() + grace
        while True:
            readable, _ = _wait(sock, True, False, max(0.0, deadline - time.monotonic()))
            if not readable:
                break
            try:
                chunk = sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                if time.monotonic() >= deadline:
                    break
                continue
            except OSError:
                break
            if not chunk:
                break
            self._rbuf += chunk
        try:
            self._parse_frames()
        except PrecisError:
            pass

    def _parse_frames(self) -> None:
        """Moves every complete frame in the buffer to the ready queue."""
        while len(self._rbuf) >= 4:
            (length,) = LENGTH.unpack_from(self._rbuf)
            if length > self.max_response_bytes:
                self._closed_reason = "response frame of %d bytes exceeds %d" % (
                    length, self.max_response_bytes)
                self.close()
                raise ProtocolError(self._closed_reason)
            if len(self._rbuf) < 4 + length:
                return
            body = bytes(self._rbuf[4: 4 + length])
            del self._rbuf[: 4 + length]
            try:
                response = pb.Response.FromString(body)
            except DecodeError as e:
                self._closed_reason = "undecodable response frame: %s" % e
                self.close()
                raise ProtocolError(self._closed_reason) from None
            if response.id == 0 and response.WhichOneof("body") == "go_away":
                self.go_away = response.go_away
                continue
            self._ready.append(response)

    def _pop_ready(self, request_id: Optional[int]) -> Optional[pb.Response]:
        """The first received response for ``request_id`` (any id when None). A connection-level
        error (id 0) also ends a wait for one request: for a synchronous caller it concerns the
        request it is waiting for."""
        for i, response in enumerate(self._ready):
            if request_id is None or response.id == request_id or response.id == 0:
                del self._ready[i]
                self._in_flight.discard(response.id)
                return response
        return None

    # -- requests ------------------------------------------------------------------------------

    def next_id(self) -> int:
        """A fresh request id (1, 2, 3, ...), skipping ids in flight."""
        while True:
            candidate = next(self._ids)
            if candidate not in self._in_flight:
                return candidate

    def send(self, request: pb.Request) -> int:
        """Sends one request without waiting and returns its id (assigned when 0)."""
        if self.go_away is not None:
            raise PrecisError(pb.UNAVAILABLE, "server is going away (%s); open a new connection"
                              % (self.go_away.reason or "no reason given"))
        if request.id == 0:
            request.id = self.next_id()
        elif request.id in self._in_flight:
            raise ValueError("request id %d is already in flight" % request.id)
        body = request.SerializeToString()
        check_request_size(body, self.max_request_bytes, request.id)
        self.send_frame(body)
        self._in_flight.add(request.id)
        return request.id

    def send_frame(self, body: bytes) -> None:
        """Low level: sends ``body`` as one frame, whatever it holds (for tests)."""
        self._send_all(encode_frame(body), time.monotonic() + self.timeout)

    def send_raw(self, data: bytes) -> None:
        """Lowest level: writes bytes as they are, no framing (for tests)."""
        self._send_all(data, time.monotonic() + self.timeout)

    def receive(self, request_id: Optional[int] = None,
                timeout: Optional[float] = None) -> pb.Response:
        """Returns the next response (any id, in arrival order) or the one for ``request_id``.

        Non-OK statuses are returned, not raised: check ``response.status.code``. A GoAway is
        recorded in ``self.go_away`` and not returned. Raises ``ConnectionClosedError`` when the
        server closes the connection, ``PrecisError(DEADLINE_EXCEEDED)`` after ``timeout``
        (default: the client's) seconds without the response.
        """
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            self._parse_frames()
            response = self._pop_ready(request_id)
            if response is not None:
                return response
            if not self._read_some(deadline):
                if self._rbuf:
                    self._connection_lost("connection closed by the server in the middle of a "
                                          "frame (%d bytes buffered)" % len(self._rbuf))
                self._connection_lost("connection closed by the server")

    def call(self, request: pb.Request, timeout: Optional[float] = None) -> pb.Response:
        """Sends ``request``, waits for its response and returns it; raises ``PrecisError`` if
        its status is not OK (or a connection-level error arrives meanwhile).

        ``timeout`` is how long to wait (seconds); by default the client's timeout, or longer
        when ``request.timeout_ms`` asks the server for more.
        """
        if timeout is None:
            timeout = max(self.timeout, request.timeout_ms / 1000.0 + 1.0)
        request_id = self.send(request)
        return raise_for_status(self.receive(request_id, timeout=timeout))

    # -- operations ----------------------------------------------------------------------------

    def ping(self, payload: bytes = b"", timeout_ms: int = 0) -> bytes:
        """Echoes ``payload``: a round trip that does no engine work."""
        return self.call(requests.ping(payload, timeout_ms)).ping.payload

    def info(self, timeout_ms: int = 0) -> pb.InfoResponse:
        """Versions, limits, uptime and load of the server."""
        return self.call(requests.info(timeout_ms)).info

    def health(self, timeout_ms: int = 0) -> pb.HealthResponse:
        """Whether the server takes new work: ``status`` is ``pb.HealthResponse.SERVING``,
        ``NOT_SERVING`` (starting or overloaded) or ``DRAINING`` (shutting down), with a ``reason``."""
        return self.call(requests.health(timeout_ms)).health

    def parse(self, text: str, **options) -> pb.ParseResponse:
        """Structure, sentences and (``include_tokens=True``) tokens; see ``requests.parse``."""
        return self.call(requests.parse(text, **options)).parse

    def summarize(self, text: str, **options) -> pb.SummarizeResponse:
        """An extractive summary (``sentences=``, ``words=`` or ``ratio=``)."""
        return self.call(requests.summarize(text, **options)).summarize

    def extract(self, text: str, **options) -> pb.ExtractResponse:
        """Entities, dates, quantities, quotes, keyphrases, links (``kinds=`` to choose)."""
        return self.call(requests.extract(text, **options)).extract

    def analyze(self, text: str, **options) -> pb.AnalyzeResponse:
        """parse + summarize + extract in one round trip."""
        return self.call(requests.analyze(text, **options)).analyze


#: The name this client had before the package existed.
PrecisClient = Client
