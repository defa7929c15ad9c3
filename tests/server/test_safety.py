"""What a hostile client cannot make the endpoint do: fetch, exhaust memory, hang up on it.

Every attack aims at a listener on loopback that must hear nothing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http.client
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from goalgraph.server.listening import MAX_HEAD_BYTES
from goalgraph.server.pool import QueryFailedError, QueryPool

from ..listening import Listener
from .conftest import Server, get, start

#: SPARQL's PN_LOCAL_ESC characters; %41, as an escaped % begins a percent-encoding.
ESCAPES = [*"_~.-!$&'()*+,;=/?#@", "%41"]


def attacks(url: str) -> list[str]:
    """Queries that make Oxigraph call `url`: plain, and behind each escape of a prefixed name."""
    service = f"SERVICE <{url}> {{ ?x ?y ?z }}"
    plain = [
        f"SELECT * WHERE {{ {service} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ {service} }} }}",
        f"ASK {{ FILTER EXISTS {{ {service} }} }}",
        f"CONSTRUCT {{ ?x ?y ?z }} WHERE {{ {{ SELECT * {{ {service} }} }} }}",
    ]
    # BIND gives one row, so Oxigraph goes on to the SERVICE (an empty pattern before it would not).
    escaped = [f"PREFIX ex: <http://example.org/> SELECT * {{ BIND (ex:a\\{e} AS ?v) {service} }}" for e in ESCAPES]
    return plain + escaped


@pytest.fixture
def listener() -> Iterator[Listener]:
    with Listener() as listening:
        yield listening


def test_oxigraph_alone_would_fetch(listener: Listener) -> None:
    # The attacks are real: without the check and the isolation, Oxigraph calls the listener.
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"), ox.Literal("c")))
    for query in attacks(listener.url):
        with contextlib.suppress(OSError):  # the listener hangs up (FILTER EXISTS swallows that)
            answer = store.query(query)
            if not isinstance(answer, ox.QueryBoolean):
                list(answer)
    listener.wait_quiet()
    assert len(listener.heard) == len(attacks(listener.url))


def test_service_attacks_are_refused_and_reach_no_one(server: Server, listener: Listener) -> None:
    for query in attacks(listener.url):
        status, _, body = get(server, "/sparql", {"query": query})
        assert status == 400, (query, body)
        form = urllib.parse.urlencode({"query": query}).encode()
        for content_type, sent in (("application/x-www-form-urlencoded", form), ("application/sparql-query", query)):
            connection = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=30)
            body_bytes = sent.encode() if isinstance(sent, str) else sent
            connection.request("POST", "/sparql", body=body_bytes, headers={"Content-Type": content_type})
            assert connection.getresponse().status == 400
            connection.close()
    listener.wait_quiet()
    assert listener.heard == []


def test_a_refused_query_asked_again_is_refused_again(server: Server, listener: Listener) -> None:
    # The endpoint keeps its verdicts; a kept verdict must be the same one.
    query = attacks(listener.url)[0]
    first = get(server, "/sparql", {"query": query})
    again = get(server, "/sparql", {"query": query})
    assert first[0] == again[0] == 400
    assert first[2] == again[2]
    assert b"SERVICE is not allowed" in first[2]
    assert listener.heard == []


def test_query_workers_are_cut_off_from_the_network(tmp_path: Path, listener: Listener) -> None:
    # The second guard alone: a SERVICE query handed to a worker unchecked still reaches no one.
    if not sys.platform.startswith("linux"):
        pytest.skip("network namespaces are Linux's")
    store = ox.Store(str(tmp_path / "store"))
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"), ox.Literal("c")))
    store.flush()
    del store

    async def run_unchecked() -> tuple[bool, str]:
        pool = QueryPool(tmp_path / "store", workers=1, timeout=20, isolate_network=True)
        await pool.start()
        try:
            json = "application/sparql-results+json"
            with pytest.raises(QueryFailedError) as failed:
                await pool.run(attacks(listener.url)[0], result_type=json, check=False)
            ordinary, _ = await pool.run("SELECT * { ?s ?p ?o }", result_type=json)
            assert b"http://example.org/a" in ordinary
            return pool.network_isolated, str(failed.value)
        finally:
            await pool.stop()

    # In a thread of its own: a browser test before this one may leave an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        isolated, message = thread.submit(asyncio.run, run_unchecked()).result()
    assert isolated
    listener.wait_quiet()
    assert listener.heard == [], message


@pytest.fixture(scope="module")
def lean_server() -> Iterator[Server]:
    """A server whose queries may use 256 MiB and a minute."""
    yield from start("--max-memory", "256", "--timeout", "60", "--workers", "1")


def test_a_query_past_the_memory_limit_is_stopped_and_the_server_goes_on(lean_server: Server) -> None:
    # Every triple against every other, sorted: Oxigraph keeps all the rows to sort them.
    greedy = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g ?c ?f ?i"
    started = time.monotonic()
    status, _, body = get(lean_server, "/sparql", {"query": greedy})
    assert status == 503
    assert b"more memory than a query may use here (256 MiB)" in body
    assert time.monotonic() - started < 50  # stopped by its memory, not by the minute
    status, _, _ = get(lean_server, "/sparql", {"query": "ASK { ?s ?p ?o }"})
    assert status == 200


def _port(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def test_a_declared_oversized_body_gets_413_before_it_is_sent(server: Server) -> None:
    # Only the head goes out; a server that waited for the body would never answer.
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=10) as client:
        client.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 100000000\r\n\r\n"
        )
        answer = client.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_an_oversized_body_sent_in_full_still_reads_its_413(server: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", _port(server), timeout=60)
    connection.request("POST", "/sparql", body=b"#" * 30_000_000, headers={"Content-Type": "application/sparql-query"})
    response = connection.getresponse()
    assert response.status == 413
    assert b"larger than 1,000,000 bytes" in response.read()


@pytest.mark.parametrize(
    ("kind", "status"),
    [("url", 414), ("header", 431)],
)
def test_an_oversized_head_is_answered_not_reset(server: Server, kind: str, status: int) -> None:
    # Over the limit by more than one socket read (asyncio reads up to 256 KiB): h11 refuses a head
    # still incomplete beyond the limit, so one that a single read completes might pass (a flaky test).
    big = "a" * (MAX_HEAD_BYTES + 1_000_000)
    connection = http.client.HTTPConnection("127.0.0.1", _port(server), timeout=60)
    if kind == "url":
        connection.request("GET", "/sparql?query=" + big)
    else:
        connection.request("GET", "/sparql", headers={"X-Padding": big})
    response = connection.getresponse()
    assert response.status == status
    assert b"at most" in response.read()
    # The server is still there for everyone else.
    assert get(server, "/sparql", {"query": "ASK {}"})[0] == 200


def test_a_get_query_over_the_limit_is_414(server: Server) -> None:
    long_query = "ASK { ?s ?p '" + "x" * 1_000_001 + "' }"
    status, _, body = get(server, "/sparql", {"query": long_query})
    assert status == 414
    assert b"POST a long query" in body


def test_a_busy_port_is_said_before_serving() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "goalgraph", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in result.stderr
    assert "serving on" not in result.stderr
    assert "Traceback" not in result.stderr
