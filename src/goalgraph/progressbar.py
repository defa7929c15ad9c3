"""A one-line progress bar on standard error, for loads and imports that take a while.

It draws only when standard error is a terminal, so logs, pipes and tests stay
quiet, and at most ten times a second, so drawing never costs more than the work.

>>> import io
>>> with Progress("loading goals.nt", total=200, stream=io.StringIO()) as bar:
...     bar.advance(50)
...     bar.done
50
"""

from __future__ import annotations

import io
import sys
import time
from types import TracebackType
from typing import IO

__all__ = ["Progress", "ProgressReader"]

_WIDTH = 30


class Progress:
    """Shows how far a job is, as ``label [#####     ] 52% 130/250 MB``.

    Parameters
    ----------
    label : str
        What is being done.
    total : int
        How many units (bytes, by default) there are.
    stream : text file, optional
        Where to draw; standard error by default.
    enabled : bool, optional
        Draw or not; by default, whether `stream` is a terminal.
    unit : str, optional
        What is counted: ``"MB"`` (the default) counts bytes and shows megabytes;
        anything else is shown as counted (``12/40 queries``).
    """

    def __init__(
        self,
        label: str,
        total: int,
        *,
        stream: IO[str] | None = None,
        enabled: bool | None = None,
        unit: str = "MB",
    ) -> None:
        self.label = label
        self.unit = unit
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._drawn = 0.0

    def advance(self, amount: int) -> None:
        """Count `amount` more units done."""
        self.done += amount
        now = time.monotonic()
        if self.enabled and now - self._drawn >= 0.1:
            self._drawn = now
            self._draw()

    def _draw(self, end: str = "") -> None:
        share = min(self.done / self.total, 1.0)
        filled = round(share * _WIDTH)
        bar = "#" * filled + " " * (_WIDTH - filled)
        if self.unit == "MB":
            size = f"{self.done / 1e6:,.0f}/{self.total / 1e6:,.0f} MB"
        else:
            size = f"{self.done:,}/{self.total:,} {self.unit}"
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} {size}{end}")
        self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self.enabled:
            if kind is None:
                self.done = self.total
            self._draw("\n")


class ProgressReader(io.RawIOBase):
    """A binary file that advances a :class:`Progress` by each byte read from it.

    Give it to a parser that reads a file object (pyoxigraph's ``load`` and
    ``bulk_load`` do), so the bar follows the parser.
    """

    def __init__(self, file: IO[bytes], progress: Progress) -> None:
        self.file = file
        self.progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.file.read(len(buffer))
        buffer[: len(data)] = data
        self.progress.advance(len(data))
        return len(data)
