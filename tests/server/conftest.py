"""A real `goalgraph serve` on a free loopback port, for the tests to talk to."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(server: Server, path: str, params: dict[str, str], accept: str = "*/*") -> tuple[int, str, bytes]:
    """GET `path` with `params`: status, Content-Type and body, errors included."""
    url = server.url + path + ("?" + urllib.parse.urlencode(params) if params else "")
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"] or "", error.read()


def start(*options: str) -> Iterator[Server]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "GOALGRAPH_BASE"}
    process = subprocess.Popen(
        [sys.executable, "-m", "goalgraph", "serve", "--port", str(port), "--timeout", "2", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    server = Server(f"http://127.0.0.1:{port}", process)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            pytest.fail(f"goalgraph serve exited with {process.returncode}:\n{output}")
        try:
            if get(server, "/sparql", {"query": "ASK {}"})[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("goalgraph serve did not answer within 90 s")
    try:
        yield server
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="package")
def server() -> Iterator[Server]:
    """The bundled data served with a 2-second query limit."""
    yield from start()


@pytest.fixture(scope="package")
def small_server() -> Iterator[Server]:
    """A server that sends at most a kilobyte of results."""
    yield from start("--max-result-bytes", "1000")
