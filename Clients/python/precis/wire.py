"""Protocol v1 constants and framing shared by the synchronous and asyncio clients."""

from __future__ import annotations

import struct
from typing import Tuple

from .errors import PrecisError, ProtocolError
from .v1 import precis_pb2 as pb

MAGIC = b"PRECIS"
PROTOCOL_MAJOR = 1
PROTOCOL_MINOR = 0
PREFACE = MAGIC + bytes([PROTOCOL_MAJOR, PROTOCOL_MINOR])
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7450
# The largest response frame the clients accept. Responses may be larger than the server's
# request limit (a parse with tokens), so this is generous; it only guards against garbage.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# The largest request frame the clients send: the server's default ``--max-frame-bytes``
# (``InfoResponse.limits.max_frame_bytes``). A larger frame would make the server answer
# RESOURCE_EXHAUSTED and close the connection, so the clients refuse it before sending it.
DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024

LENGTH = struct.Struct(">I")


def encode_frame(body: bytes) -> bytes:
    """A frame: 4-byte big-endian length, then the body."""
    return LENGTH.pack(len(body)) + body


def check_request_size(body: bytes, limit: "int | None", request_id: int = 0) -> None:
    """Raises ``PrecisError(RESOURCE_EXHAUSTED)`` when ``body`` is larger than the frame limit
    ``limit`` (None or 0: no check). Nothing has been sent, so the connection stays usable."""
    if limit and len(body) > limit:
        raise PrecisError(pb.RESOURCE_EXHAUSTED,
                          "request of %d bytes exceeds the frame limit of %d bytes (the server's "
                          "--max-frame-bytes); not sent: split the document, or pass "
                          "max_request_bytes= if the server allows more" % (len(body), limit),
                          request_id)


def connection_error(responses) -> "pb.Response | None":
    """The first connection-level error (id 0, non-OK, not a GoAway) among ``responses``."""
    for response in responses:
        if (response.id == 0 and response.status.code != pb.OK
                and response.WhichOneof("body") != "go_away"):
            return response
    return None


def check_preface(preface: bytes) -> Tuple[int, int]:
    """The server's (major, minor) from its 8-byte preface; raises ``ProtocolError`` when it is
    not a Precis server or speaks another major version."""
    if preface.startswith(b"HTTP/"):
        raise ProtocolError("the server answered with HTTP, not the Precis preface")
    if preface[: len(MAGIC)] != MAGIC:
        raise ProtocolError("not a Precis server: preface %s" % preface.hex(" "))
    if preface[6] != PROTOCOL_MAJOR:
        raise ProtocolError("server speaks protocol %d.%d, this client %d.%d"
                            % (preface[6], preface[7], PROTOCOL_MAJOR, PROTOCOL_MINOR))
    return preface[6], preface[7]


def raise_for_status(response: "pb.Response") -> "pb.Response":
    """Returns ``response`` when its status is OK (an absent status is OK), else raises."""
    if response.status.code != pb.OK:
        raise PrecisError(response.status.code, response.status.message, response.id)
    return response
