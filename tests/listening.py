"""A listener on loopback that records who calls: for tests that nothing goes out."""

from __future__ import annotations

import socket
import threading
from types import TracebackType


class Listener:
    """A TCP socket on 127.0.0.1 that accepts, records what it is sent, and hangs up.

    Use as a context manager; :attr:`url` is where to point an attack, :attr:`heard`
    what arrived (one entry per connection).

    Examples
    --------
    >>> with Listener() as listener:
    ...     socket.create_connection(("127.0.0.1", listener.port)).close()
    ...     listener.wait_quiet()
    ...     len(listener.heard)
    1
    """

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self._socket.settimeout(0.2)
        self.port: int = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.heard: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                connection.settimeout(1)
                try:
                    self.heard.append(connection.recv(65536) or b"(connected)")
                except OSError:
                    self.heard.append(b"(connected)")

    def wait_quiet(self, seconds: float = 0.5) -> None:
        """Give a late caller time to arrive."""
        self._stop.wait(seconds)

    def __enter__(self) -> Listener:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._socket.close()
