"""The one exception type of the Precis client: a status code and a message."""

from __future__ import annotations

from .v1 import precis_pb2 as pb


def code_name(code: int) -> str:
    """``"INVALID_ARGUMENT"`` for 3; ``"CODE_n"`` for a number this schema does not know."""
    try:
        return pb.StatusCode.Name(code)
    except ValueError:
        return "CODE_%d" % code


class PrecisError(Exception):
    """A request (or the connection) ended with a non-OK status.

    ``code`` is a ``pb.StatusCode`` number (``pb.INVALID_ARGUMENT`` ...), ``message`` the server's
    text and ``request_id`` the id of the request it answers (0 for a connection-level error).
    Client-side failures use the same codes: a timeout is DEADLINE_EXCEEDED, a closed
    connection UNAVAILABLE, a peer that breaks the protocol INTERNAL.
    """

    def __init__(self, code: int, message: str, request_id: int = 0):
        self.code = int(code)
        self.message = message
        self.request_id = request_id
        super().__init__("%s (%d): %s" % (code_name(self.code), self.code, message))

    @property
    def code_name(self) -> str:
        return code_name(self.code)


class ConnectionClosedError(PrecisError):
    """The server closed the connection (code UNAVAILABLE)."""

    def __init__(self, message: str):
        super().__init__(pb.UNAVAILABLE, message)


class ConnectError(ConnectionClosedError, ConnectionError):
    """The connection could not be opened: refused, unreachable, or the host name does not
    resolve (code UNAVAILABLE). It is also an ``OSError`` (``errno`` is the socket's), so code
    that caught the bare ``ConnectionRefusedError`` before still works."""

    def __init__(self, host: str, port: int, cause: BaseException):
        reason = getattr(cause, "strerror", None) or str(cause) or type(cause).__name__
        if isinstance(cause, ConnectionRefusedError):
            reason += " (is precisd running and listening there?)"
        super().__init__("cannot connect to %s:%d: %s" % (host, port, reason))
        self.host = host
        self.port = port
        self.errno = getattr(cause, "errno", None)


class ProtocolError(PrecisError):
    """The peer broke the protocol: wrong preface, undecodable or oversized frame (code INTERNAL)."""

    def __init__(self, message: str):
        super().__init__(pb.INTERNAL, message)
