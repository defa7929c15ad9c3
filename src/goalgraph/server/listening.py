"""The listening socket and HTTP/1.1 connection handling under the app.

Two things uvicorn's defaults get wrong for a public endpoint:

- A port in use is found only after the server has said it is serving; here the
  socket is bound first, and a busy port is one clear message.
- A request line or header block past the parser's limit gets a 400 and a closed
  socket while the client is still sending, which the client sees as a reset, not
  an answer. Here it gets 414 (the URL) or 431 (the headers), and the connection is
  half-closed and drained, so the client reads the answer. The same goes for a body
  refused (413) before it was read.
"""

from __future__ import annotations

import asyncio
import errno
import socket
from typing import Any, cast

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from goalgraph.errors import GoalgraphError

__all__ = ["MAX_HEAD_BYTES", "BoundedHeadProtocol", "listen"]

#: The longest request line and headers read: room for a GET query of a megabyte,
#: percent-encoded (three bytes a character at worst), and its headers. h11 checks it
#: on a head still incomplete, so at most this and one socket read (256 KiB) is held.
MAX_HEAD_BYTES = 3 * 1_000_000 + 64 * 1024
#: How long a refused connection is drained before it is closed anyway.
_DRAIN_SECONDS = 5.0


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to `host`:`port` and listening.

    Raises
    ------
    GoalgraphError
        If the address is in use, cannot be assigned, or is not allowed.

    Examples
    --------
    >>> with listen("127.0.0.1", 0) as bound:
    ...     bound.getsockname()[0]
    '127.0.0.1'
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        bound = socket.socket(family, socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise GoalgraphError(f"cannot listen on {host}: {getattr(error, 'strerror', None) or error}") from None
    try:
        bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        bound.bind((host, port))
        bound.listen(2048)
    except OSError as error:
        bound.close()
        hint = (
            "; another server is using it: stop it or choose another --port" if error.errno == errno.EADDRINUSE else ""
        )
        raise GoalgraphError(f"cannot listen on {host}:{port}: {error.strerror}{hint}") from None
    bound.set_inheritable(True)
    return bound


class BoundedHeadProtocol(H11Protocol):
    """uvicorn's h11 protocol, answering an oversized request head with 414 or 431, and never
    closing on a client that is still sending: it half-closes and drains first."""

    _draining = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        # uvicorn closes the connection after an answer to a request that asked to close
        # (urllib always asks), even one answered before its body was read (a 413): the
        # unread body then makes the kernel reset the connection before the client reads.
        super().connection_made(cast(asyncio.Transport, _ClosingGracefully(transport, self)))

    def send_400_response(self, msg: str) -> None:
        """Answer a request h11 could not read; drain the connection rather than reset it."""
        pending, _ = self.conn.trailing_data
        if len(pending) <= MAX_HEAD_BYTES:
            super().send_400_response(msg)
            return
        # The request line ends at the first CRLF; if none came within the limit, the URL is too long.
        line_end = pending.find(b"\r\n")
        if line_end < 0 or line_end > MAX_HEAD_BYTES:
            status, message = 414, "the URL is too long; POST a long query"
        else:
            status, message = 431, "the request headers are too large"
        reason = b"URI Too Long" if status == 414 else b"Request Header Fields Too Large"
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]
        for event in (
            h11.Response(status_code=status, headers=headers, reason=reason),
            h11.Data(data=f"{message} (at most {MAX_HEAD_BYTES:,} bytes)\n".encode()),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event) or b"")
        self.drain_then_close()

    def drain_then_close(self) -> None:
        """Half-close and read what the client is still sending, so it gets the answer, not a reset."""
        if self._draining:
            return
        self._draining = True
        transport = self.transport
        if transport.can_write_eof():
            transport.write_eof()
        transport.resume_reading()
        self.loop.call_later(_DRAIN_SECONDS, transport.close)

    def data_received(self, data: bytes) -> None:
        if self._draining:
            return
        super().data_received(data)

    def eof_received(self) -> None:
        if self._draining:
            self.transport.close()
            return
        super().eof_received()


class _ClosingGracefully:
    """A transport whose ``close()`` drains first while the client is still sending its body."""

    def __init__(self, transport: asyncio.Transport, protocol: BoundedHeadProtocol) -> None:
        self._transport = transport
        self._protocol = protocol

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)

    def close(self) -> None:
        protocol = self._protocol
        if protocol._draining or protocol.conn.their_state is not h11.SEND_BODY or self._transport.is_closing():
            self._transport.close()
        else:
            protocol.drain_then_close()
