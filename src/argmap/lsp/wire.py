"""What the server takes from the client, bounded: message sizes, texts and parameters.

pygls reads a message by allocating whatever `Content-Length` says (10**12 bytes is a
MemoryError that ends the server), answers nothing to a request whose parameters do not
fit the protocol's types (a position of -1: the editor waits forever), and hands on texts
holding lone surrogates, which no UTF-8 encoder accepts. Here a message over the limit stops
the server with a line in its log, a request that cannot be read gets an error reply, and
lone surrogates are read as U+FFFD (one code unit in every encoding, so positions hold).
"""

from __future__ import annotations

import logging
import re
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol

from argmap.lsp.diagnostics import SOURCE
from argmap.lsp.positions import ClientPositions

log = logging.getLogger(__name__)

#: The longest message read: a debate file may hold 32 MB, and JSON can escape it to more.
MAX_MESSAGE = 256 * 1024 * 1024
#: The longest header line read at once (headers are a few dozen bytes).
MAX_HEADER = 64 * 1024

_SURROGATE = re.compile("[\ud800-\udfff]")


class BoundedInput:
    """The client's side of stdin for pygls: it refuses a message over `limit` bytes.

    pygls stops reading when a read returns nothing, so a refused message ends the server
    cleanly (`refused` says so) instead of allocating the memory it claims to need.
    """

    def __init__(self, stream: BinaryIO, limit: int = MAX_MESSAGE) -> None:
        self.stream = stream
        self.limit = limit
        self.refused = False

    def readline(self) -> bytes:
        return self.stream.readline(MAX_HEADER)

    def read(self, size: int) -> bytes:
        if size > self.limit:
            log.error(
                "a message says it is %d bytes long, more than the %d this server reads; stopping",
                size,
                self.limit,
            )
            self.refused = True
            return b""
        return self.stream.read(size)


class AnsweringProtocol(LanguageServerProtocol):
    """pygls's protocol, replying with an error to a request it cannot read.

    pygls logs such a request and drops it, so the client never hears back.
    """

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            ident = data.get("id")
            if "method" in data and isinstance(ident, int | str) and not isinstance(ident, bool):
                self._send_response(ident, error=exc.to_response_error())
            raise


def first_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in `text`, if any."""
    found = _SURROGATE.search(text)
    return found.start() if found is not None else None


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD (positions do not move).

    JSON decoding joins every valid pair, so any surrogate left in a string is alone.
    """
    return _SURROGATE.sub("\ufffd", text)


def surrogate_diagnostic(positions: ClientPositions, offset: int) -> types.Diagnostic:
    """The error shown at the first lone surrogate of a buffer."""
    return types.Diagnostic(
        range=positions.range(offset, offset + 1),
        message=(
            "a lone surrogate (half of a UTF-16 pair) is here: no UTF-8 file can hold it, "
            "so it is read as U+FFFD; delete it or complete the character"
        ),
        severity=types.DiagnosticSeverity.Error,
        code="lone-surrogate",
        source=SOURCE,
    )
