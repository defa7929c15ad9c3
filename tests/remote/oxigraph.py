"""Run a throwaway Oxigraph server (the PyPI package ``oxigraph``) on loopback, in a folder of its own.

Used by the remote-backend tests and by ``benchmarks/bench_virtuoso.py``. The
server keeps its database in the given folder, listens on a free port of
127.0.0.1 only, and stops when the context ends. It runs as it comes, without
``--union-default-graph``: its default graph is then a graph of its own, not the
union of the named graphs as in Virtuoso, which is what goalgraph must not rely on.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .virtuoso import answers, free_port

SERVER = "oxigraph"


def executable() -> str | None:
    """The ``oxigraph`` command: the one installed beside this Python first (the virtualenv's), else on PATH."""
    beside = Path(sys.executable).parent / SERVER
    return str(beside) if beside.is_file() else shutil.which(SERVER)


def installed() -> bool:
    """Whether Oxigraph's server is installed here."""
    return executable() is not None


def version() -> str:
    """What ``oxigraph --version`` says, such as ``oxigraph 0.5.13``."""
    command = executable()
    assert command is not None
    return subprocess.run([command, "--version"], capture_output=True, text=True, check=True).stdout.strip()


@dataclass(frozen=True)
class Oxigraph:
    """A running Oxigraph server: its endpoints on 127.0.0.1 (no authentication)."""

    http: str  # e.g. http://127.0.0.1:41234

    @property
    def sparql(self) -> str:
        """The SPARQL query endpoint."""
        return f"{self.http}/query"

    @property
    def update(self) -> str:
        """The SPARQL update endpoint."""
        return f"{self.http}/update"

    @property
    def graph_store(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol service."""
        return f"{self.http}/store"


@contextmanager
def running_oxigraph(folder: Path, *, startup: float = 60.0) -> Iterator[Oxigraph]:
    """Start Oxigraph's server with its database in `folder`; stop it at the end.

    Raises
    ------
    RuntimeError
        If it does not answer within `startup` seconds; the message carries its output.
    """
    command = executable()
    if command is None:
        raise RuntimeError("Oxigraph's server is not installed (pip install oxigraph)")
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = (folder / "server.out").open("wb")
    server = subprocess.Popen(
        [command, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    oxigraph = Oxigraph(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + startup
        while not answers(oxigraph.sparql):
            if server.poll() is not None or time.monotonic() > deadline:
                output = (folder / "server.out").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"Oxigraph did not start (exit {server.poll()}):\n{output}")
            time.sleep(0.1)
        yield oxigraph
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
