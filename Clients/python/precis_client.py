"""A minimal synchronous client for the Precis protocol v1 (see docs/PROTOCOL.md).

Standard library plus Google's protobuf runtime only. The messages come from
``precis/v1/precis_pb2.py``, generated from Proto/precis/v1/precis.proto by ``make proto``.

    from precis_client import PrecisClient

    with PrecisClient("127.0.0.1", 7450, timeout=10) as client:
        print(client.ping(b"hello"))
        for sentence in client.summarize(text, sentences=2).sentences:
            print(sentence.text)

Pipelining: ``send()`` any number of requests, then ``receive()`` the responses, which arrive
in completion order; match them by ``Response.id``.
"""

from __future__ import annotations

import itertools
import os
import select
import socket
import struct
import sys
import time
from typing import Iterable, List, Optional

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from google.protobuf.message import DecodeError  # noqa: E402

from precis.v1 import precis_pb2 as pb  # noqa: E402

__all__ = [
    "PrecisClient",
    "PrecisError",
    "ConnectionClosedError",
    "ProtocolError",
    "pb",
    "MAGIC",
    "PROTOCOL_MAJOR",
    "PROTOCOL_MINOR",
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "encode_frame",
    "raise_for_status",
]

MAGIC = b"PRECIS"
PROTOCOL_MAJOR = 1
PROTOCOL_MINOR = 0
PREFACE = MAGIC + bytes([PROTOCOL_MAJOR, PROTOCOL_MINOR])
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7450
# The largest response frame this client accepts. Responses may be larger than the server's
# request limit (a parse with tokens), so this is generous; it only guards against garbage.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

_LENGTH = struct.Struct(">I")


def _code_name(code: int) -> str:
    try:
        return pb.StatusCode.Name(code)
    except ValueError:
        return "CODE_%d" % code


class PrecisError(Exception):
    """A request (or the connection) ended with a non-OK status.

    ``code`` is a ``pb.StatusCode`` number, ``message`` the server's text and ``request_id`` the
    id of the request it answers (0 for a connection-level error).
    """

    def __init__(self, code: int, message: str, request_id: int = 0):
        self.code = int(code)
        self.message = message
        self.request_id = request_id
        super().__init__("%s (%d): %s" % (_code_name(self.code), self.code, message))

    @property
    def code_name(self) -> str:
        return _code_name(self.code)


class ConnectionClosedError(PrecisError):
    """The server closed the connection (code UNAVAILABLE)."""

    def __init__(self, message: str):
        super().__init__(pb.UNAVAILABLE, message)


class ProtocolError(PrecisError):
    """The peer broke the protocol: wrong preface, undecodable or oversized frame (code INTERNAL)."""

    def __init__(self, message: str):
        super().__init__(pb.INTERNAL, message)


def encode_frame(body: bytes) -> bytes:
    """A frame: 4-byte big-endian length, then the body."""
    return _LENGTH.pack(len(body)) + body


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


def raise_for_status(response: "pb.Response") -> "pb.Response":
    """Returns ``response`` when its status is OK (an absent status is OK), else raises."""
    if response.status.code != pb.OK:
        raise PrecisError(response.status.code, response.status.message, response.id)
    return response


class PrecisClient:
    """One TCP connection to a Precis server.

    The constructor connects and exchanges the 8-byte prefaces. ``timeout`` (seconds) bounds
    connecting, the preface, every send and every wait for a response. Not thread-safe.
    """

    def __init__(
        self,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        timeout: float = 10.0,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ):
        self.host = host
        self.port = port
        self.timeout = timeout
        self.max_response_bytes = max_response_bytes
        #: The GoAway the server sent, if any. After it, ``send`` refuses new requests.
        self.go_away: Optional[pb.GoAway] = None
        #: The server's protocol version from its preface.
        self.server_version = (0, 0)
        self._rbuf = bytearray()
        self._ready: List[pb.Response] = []  # received, not yet returned, in arrival order
        self._in_flight: set = set()
        self._ids = itertools.count(1)
        self._closed_reason: Optional[str] = None
        self._sock = socket.create_connection((host, port), timeout=timeout)
        try:
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._sock.setblocking(False)
            self._handshake()
        except BaseException:
            self._sock.close()
            raise

    # -- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> "PrecisClient":
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
        if preface[: len(MAGIC)] != MAGIC:
            raise ProtocolError("not a Precis server: preface %s" % preface.hex(" "))
        self.server_version = (preface[6], preface[7])
        if preface[6] != PROTOCOL_MAJOR:
            raise ProtocolError(
                "server speaks protocol %d.%d, this client %d.%d"
                % (preface[6], preface[7], PROTOCOL_MAJOR, PROTOCOL_MINOR))

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
        if self.go_away is not None:
            message += " after GoAway (%s)" % (self.go_away.reason or "no reason given")
        self._closed_reason = message
        self.close()
        raise ConnectionClosedError(message)

    def _parse_frames(self) -> None:
        """Moves every complete frame in the buffer to the ready queue."""
        while len(self._rbuf) >= 4:
            (length,) = _LENGTH.unpack_from(self._rbuf)
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
        self.send_frame(request.SerializeToString())
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

    @staticmethod
    def _document(text: str, format: int, language: str) -> pb.Document:
        return pb.Document(text=text, format=format, language=language)

    def ping(self, payload: bytes = b"", timeout_ms: int = 0) -> bytes:
        request = pb.Request(timeout_ms=timeout_ms, ping=pb.PingRequest(payload=payload))
        return self.call(request).ping.payload

    def info(self, timeout_ms: int = 0) -> pb.InfoResponse:
        return self.call(pb.Request(timeout_ms=timeout_ms, info=pb.InfoRequest())).info

    def parse(self, text: str, include_tokens: bool = False, format: int = pb.Document.FORMAT_AUTO,
              language: str = "", timeout_ms: int = 0) -> pb.ParseResponse:
        request = pb.Request(timeout_ms=timeout_ms, parse=pb.ParseRequest(
            document=self._document(text, format, language),
            options=pb.ParseOptions(include_tokens=include_tokens)))
        return self.call(request).parse

    def summarize(self, text: str, sentences: Optional[int] = 3, words: Optional[int] = None,
                  ratio: Optional[float] = None, algorithm: int = 0,
                  format: int = pb.Document.FORMAT_AUTO, language: str = "",
                  timeout_ms: int = 0) -> pb.SummarizeResponse:
        """Summary length: ``words`` or ``ratio`` when given, else ``sentences``."""
        options = pb.SummaryOptions(algorithm=algorithm)
        if words is not None:
            options.words = words
        elif ratio is not None:
            options.ratio = ratio
        elif sentences is not None:
            options.sentences = sentences
        request = pb.Request(timeout_ms=timeout_ms, summarize=pb.SummarizeRequest(
            document=self._document(text, format, language), options=options))
        return self.call(request).summarize

    def extract(self, text: str, kinds: Iterable[int] = (), reference_date: str = "",
                max_keyphrases: int = 0, format: int = pb.Document.FORMAT_AUTO,
                language: str = "", timeout_ms: int = 0) -> pb.ExtractResponse:
        """``kinds``: ``pb.ExtractOptions.ENTITIES`` etc.; empty means everything."""
        request = pb.Request(timeout_ms=timeout_ms, extract=pb.ExtractRequest(
            document=self._document(text, format, language),
            options=pb.ExtractOptions(kinds=list(kinds), reference_date=reference_date,
                                      max_keyphrases=max_keyphrases)))
        return self.call(request).extract

    def analyze(self, text: str, format: int = pb.Document.FORMAT_AUTO, language: str = "",
                timeout_ms: int = 0) -> pb.AnalyzeResponse:
        request = pb.Request(timeout_ms=timeout_ms, analyze=pb.AnalyzeRequest(
            document=self._document(text, format, language)))
        return self.call(request).analyze
