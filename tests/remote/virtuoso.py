"""Run a throwaway Virtuoso (Debian's virtuoso-opensource) on loopback, in a folder of its own.

Used by the remote-backend tests and by ``benchmarks/bench_virtuoso.py``. The
server's database, log and configuration live in the given folder; it listens
on two free ports of 127.0.0.1 only, and stops when the context ends.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SERVER = "virtuoso-t"
TEMPLATE = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
#: Debian's default password of the dba account, which a fresh database has.
DBA = ("dba", "dba")


def installed() -> bool:
    """Whether Debian's Virtuoso is installed here."""
    return shutil.which(SERVER) is not None and TEMPLATE.is_file()


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso: its endpoints on 127.0.0.1."""

    http: str  # e.g. http://127.0.0.1:41234

    @property
    def sparql(self) -> str:
        """The read-only SPARQL endpoint."""
        return f"{self.http}/sparql"

    @property
    def sparql_auth(self) -> str:
        """The SPARQL endpoint for updates (HTTP Digest authentication)."""
        return f"{self.http}/sparql-auth"

    @property
    def graph_store(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol service (HTTP Digest authentication)."""
        return f"{self.http}/sparql-graph-crud-auth"


def free_port() -> int:
    """A port of 127.0.0.1 that is free now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def configuration(folder: Path, sql_port: int, http_port: int) -> str:
    """Debian's virtuoso.ini with the database in `folder`, loopback ports, and room for large results."""
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
    replacements = {
        r"^ServerPort\s*=\s*1111\b.*$": f"ServerPort = 127.0.0.1:{sql_port}",
        r"^ServerPort\s*=\s*8890\b.*$": f"ServerPort = 127.0.0.1:{http_port}",
        r"^ResultSetMaxRows\s*=.*$": "ResultSetMaxRows = 5000000",
        r"^MaxQueryExecutionTime\s*=.*$": "MaxQueryExecutionTime = 600",
        r"^MaxQueryCostEstimationTime\s*=.*$": "MaxQueryCostEstimationTime = 0",
        r"^NumberOfBuffers\s*=.*$": "NumberOfBuffers = 100000",
        r"^MaxDirtyBuffers\s*=.*$": "MaxDirtyBuffers = 60000",
        r"^DirsAllowed\s*=.*$": f"DirsAllowed = ., {folder}, /usr/share/virtuoso-opensource-7/vad",
    }
    for pattern, replacement in replacements.items():
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, f"{TEMPLATE} has no line matching {pattern}"
    return text


def answers(url: str) -> bool:
    """Whether the SPARQL endpoint at `url` answers an empty ASK."""
    try:
        with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError):
        return False


@contextmanager
def running_virtuoso(folder: Path, *, startup: float = 120.0) -> Iterator[Virtuoso]:
    """Start Virtuoso with its database in `folder`; stop it at the end.

    Raises
    ------
    RuntimeError
        If it does not answer within `startup` seconds; the message carries its log.
    """
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(configuration(folder, sql_port, http_port), encoding="utf-8")
    log = (folder / "server.out").open("wb")
    server = subprocess.Popen(
        [SERVER, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=log, stderr=subprocess.STDOUT
    )
    virtuoso = Virtuoso(f"http://127.0.0.1:{http_port}")
    try:
        deadline = time.monotonic() + startup
        while not answers(virtuoso.sparql):
            if server.poll() is not None or time.monotonic() > deadline:
                output = (folder / "server.out").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"Virtuoso did not start (exit {server.poll()}):\n{output}")
            time.sleep(0.2)
        yield virtuoso
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
