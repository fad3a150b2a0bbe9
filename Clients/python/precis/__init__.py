"""Python client for Precis, the text-analysis service (protocol v1, docs/PROTOCOL.md).

``Client`` is synchronous (one socket, pipelining with ``send``/``receive``); ``AsyncClient``
is its asyncio twin (many awaits in flight on one connection, matched by id). Both raise
``PrecisError`` for any non-OK status. Messages are Google protobuf classes from ``pb``.
"""

from .aio import AsyncClient
from .client import Client, PrecisClient
from .errors import ConnectError, ConnectionClosedError, PrecisError, ProtocolError, code_name
from .wire import (DEFAULT_HOST, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_PORT, MAGIC, PREFACE, PROTOCOL_MAJOR, PROTOCOL_MINOR,
                   encode_frame, raise_for_status)
from .v1 import precis_pb2 as pb

__all__ = [
    "AsyncClient", "Client", "PrecisClient", "PrecisError", "ConnectionClosedError", "ConnectError",
    "ProtocolError", "code_name", "pb", "DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_MAX_REQUEST_BYTES", "MAGIC", "PREFACE",
    "PROTOCOL_MAJOR", "PROTOCOL_MINOR", "encode_frame", "raise_for_status",
]
