"""An endpoint that is down, slow, failing or not SPARQL: one clear message, bounded retries, atomic pushes.

The faults come from a scripted HTTP server on 127.0.0.1 (no triple store needed);
only the atomicity of a push is checked against real stores (Virtuoso and Oxigraph's server).
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol
from urllib.parse import parse_qs

import pytest
from rdflib import Graph, Literal, URIRef

import goalgraph.remote as remote
from goalgraph.remote import Endpoint, EndpointError, RemoteDataset, push

from ..test_cli import goalgraph
from .stores import Triplestore

#: A valid SPARQL JSON answer with no rows: the endpoint holds no goalgraph data.
NO_ROWS = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": []}})
SPARQL_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Answer:
    """What the stub answers to one request."""

    status: int = 200
    content_type: str = SPARQL_JSON
    body: str = NO_ROWS
    delay: float = 0.0
    #: Bytes sent instead of an HTTP response.
    raw: bytes | None = None


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: str


@dataclass
class Stub:
    """An HTTP server that answers the scripted answers in turn (the last one from then on) and keeps the requests."""

    answers: list[Answer]
    url: str = ""
    requests: list[Request] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)

    def next_answer(self, request: Request) -> Answer:
        self.requests.append(request)
        return self.answers[min(len(self.requests), len(self.answers)) - 1]


class StubFactory(Protocol):
    def __call__(self, *answers: Answer) -> Stub: ...


def _handler(stub: Stub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            answer = stub.next_answer(Request(self.command, self.path, dict(self.headers.items()), body))
            if answer.delay:
                stub.released.wait(answer.delay)  # set at teardown, so a slow answer does not hold the test up
            if answer.raw is not None:
                self.wfile.write(answer.raw)
                return
            payload = answer.body.encode()
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = _answer  # noqa: N815 (http.server's names)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep the test output quiet

    return Handler


@pytest.fixture
def stub() -> Iterator[StubFactory]:
    """Start stub servers on 127.0.0.1; each is stopped after the test."""
    servers: list[tuple[ThreadingHTTPServer, Stub]] = []

    def start(*answers: Answer) -> Stub:
        scripted = Stub(list(answers) or [Answer()])
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(scripted))
        scripted.url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append((server, scripted))
        return scripted

    yield start
    for server, scripted in servers:
        scripted.released.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses between retries, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr("goalgraph.remote.time.sleep", slept.append)
    return slept


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/sparql"


def _failure(endpoint: Endpoint) -> str:
    """The message of the EndpointError that opening the endpoint's goal graph raises."""
    with pytest.raises(EndpointError) as raised:
        RemoteDataset(endpoint)
    message = str(raised.value)
    assert "\n" not in message
    return message


# --- down -------------------------------------------------------------------------------------------------


def test_a_refused_connection_names_the_endpoint(pauses: list[float]) -> None:
    url = closed_port_url()
    message = _failure(Endpoint(url, retries=2))
    assert url in message
    assert "did not answer" in message
    assert "refused" in message.lower()
    assert pauses == [0.5, 1.0], "a refused connection is retried, with a growing pause"


def test_the_command_line_says_the_endpoint_is_down_without_a_traceback() -> None:
    url = closed_port_url()
    started = time.perf_counter()
    result = goalgraph("stats", "--endpoint", url)
    took = time.perf_counter() - started
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"goalgraph: {url} did not answer")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    # Three retries, pausing 0.5 + 1 + 2 s: bounded, not forever.
    assert 3.4 < took < 30


# --- transient errors ----------------------------------------------------------------------------------------


def test_transient_errors_are_retried_until_an_answer(stub: StubFactory, pauses: list[float]) -> None:
    busy = stub(Answer(503, "text/plain", "busy"), Answer(502, "text/plain", "bad gateway"), Answer())
    message = _failure(Endpoint(busy.url, retries=3))
    # The third attempt got a valid, empty answer: the endpoint is up but holds no goal graph.
    assert message == f"{busy.url} holds no goalgraph data (push it first: goalgraph push)"
    assert len(busy.requests) == 3
    assert pauses == [0.5, 1.0]


def test_an_endpoint_that_stays_unavailable_is_given_up_on(stub: StubFactory, pauses: list[float]) -> None:
    down = stub(Answer(503, "text/plain", "Service Unavailable: the store is overloaded"))
    endpoint = Endpoint(down.url, retries=2)
    message = _failure(endpoint)
    assert len(down.requests) == endpoint.retries + 1
    assert pauses == [0.5, 1.0]
    assert message == f"{down.url} answered HTTP 503: Service Unavailable: the store is overloaded"


@pytest.mark.parametrize("status", [400, 404, 500])
def test_other_http_errors_are_not_retried(stub: StubFactory, pauses: list[float], status: int) -> None:
    failing = stub(Answer(status, "text/plain", "no"))
    assert f"answered HTTP {status}" in _failure(Endpoint(failing.url, retries=3))
    assert len(failing.requests) == 1
    assert pauses == []


def test_an_http_error_carries_the_start_of_its_body(stub: StubFactory) -> None:
    body = "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error\n\n" + "detail " * 500
    failing = stub(Answer(500, "text/plain", body))
    message = _failure(Endpoint(failing.url, retries=0))
    assert message.startswith(f"{failing.url} answered HTTP 500: Virtuoso 37000 Error SP030: SPARQL compiler")
    assert len(message) < 600, "the start of the body, not all of it"


# --- not SPARQL ----------------------------------------------------------------------------------------------


def test_an_html_page_is_not_sparql_results(stub: StubFactory) -> None:
    page = stub(Answer(200, "text/html", "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>"))
    message = _failure(Endpoint(page.url, retries=0))
    assert message.startswith(f"{page.url} did not answer with SPARQL results")
    assert "Welcome to nginx" in message


@pytest.mark.parametrize(
    ("content_type", "body"),
    [(SPARQL_JSON, "[1, 2, 3]"), (SPARQL_JSON, '{"head": "vars"}'), ("text/plain", "Service temporarily moved")],
    ids=["json-list", "json-not-results", "text"],
)
def test_other_answers_that_are_not_sparql(stub: StubFactory, content_type: str, body: str) -> None:
    odd = stub(Answer(200, content_type, body))
    message = _failure(Endpoint(odd.url, retries=0))
    assert message.startswith(f"{odd.url} ")
    assert "SPARQL" in message


def test_a_server_that_does_not_speak_http(stub: StubFactory) -> None:
    ssh = stub(Answer(raw=b"SSH-2.0-OpenSSH_9.2p1\r\n"))
    message = _failure(Endpoint(ssh.url, retries=0))
    assert ssh.url in message


# --- slow --------------------------------------------------------------------------------------------------


def test_a_slow_endpoint_times_out_with_a_clear_message(stub: StubFactory, pauses: list[float]) -> None:
    slow = stub(Answer(delay=10))
    endpoint = Endpoint(slow.url, timeout=0.2, retries=1)
    started = time.perf_counter()
    message = _failure(endpoint)
    assert time.perf_counter() - started < 3
    assert message.startswith(f"{slow.url} did not answer")
    assert "0.2 s" in message
    assert len(slow.requests) == 1  # a timeout is not retried: it would only multiply the wait
    assert pauses == []


# --- credentials ------------------------------------------------------------------------------------------


def test_a_token_from_the_environment_is_sent_as_a_bearer_token(
    stub: StubFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOALGRAPH_TOKEN", "s3cret-token")
    monkeypatch.delenv("GOALGRAPH_PASSWORD", raising=False)
    recording = stub(Answer())
    endpoint = Endpoint.from_environment(recording.url)
    assert "s3cret-token" not in repr(endpoint)
    _failure(endpoint)
    assert recording.requests[0].headers["Authorization"] == "Bearer s3cret-token"


def test_the_command_line_sends_the_token_and_reports_an_empty_endpoint(stub: StubFactory) -> None:
    recording = stub(Answer())
    result = goalgraph("stats", "--endpoint", recording.url, env={"GOALGRAPH_TOKEN": "s3cret-token"})
    assert result.returncode == 1
    assert result.stderr == f"goalgraph: {recording.url} holds no goalgraph data (push it first: goalgraph push)\n"
    assert [request.headers.get("Authorization") for request in recording.requests] == ["Bearer s3cret-token"]


def test_no_token_no_authorization_header(stub: StubFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOALGRAPH_TOKEN", raising=False)
    recording = stub(Answer())
    _failure(Endpoint.from_environment(recording.url))
    assert "Authorization" not in recording.requests[0].headers


# --- push --------------------------------------------------------------------------------------------------


def _ntriples(triples: Iterable[tuple[URIRef, URIRef, Literal]]) -> bytes:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph.serialize(format="nt", encoding="utf-8")


EX = "https://example.org/atomic/"


def version(number: int, size: int = 40) -> bytes:
    """A graph of `size` triples whose objects say which version it is."""
    return _ntriples(
        (URIRef(f"{EX}s{i}"), URIRef(f"{EX}version"), Literal(f"version {number} of triple {i}")) for i in range(size)
    )


def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """INSERT DATA in batches of a few triples, so a push of 40 triples takes several."""
    batches = remote._batches
    monkeypatch.setattr(remote, "_batches", lambda ntriples, size=0: batches(ntriples, 400))


def test_a_failed_push_drops_its_scratch_graph(stub: StubFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    _small_batches(monkeypatch)
    store = stub(Answer(200, "text/plain", ""), Answer(500, "text/plain", "out of disk space"), Answer(200))
    with pytest.raises(EndpointError, match="HTTP 500: out of disk space"):
        push([(f"{EX}graph", version(1))], Endpoint(store.url, store.url, retries=0))
    updates = [parse_qs(request.body)["update"][0] for request in store.requests]
    scratch = re.findall(r"GRAPH <(urn:goalgraph:push:[^>]+)>", updates[0])
    assert len(updates) == 3, "two batches and the clean-up; no more batches, and no move over the target"
    assert updates[2] == f"DROP SILENT GRAPH <{scratch[0]}>"


def _rows(server: Triplestore, query: str) -> list[dict[str, str]]:
    _, body = Endpoint(server.sparql, retries=0).query(query, SPARQL_JSON)
    return [{name: term["value"] for name, term in row.items()} for row in json.loads(body)["results"]["bindings"]]


def _count(server: Triplestore, graph: str) -> int:
    return int(_rows(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"])


def _holds(server: Triplestore, graph: str, number: int) -> bool:
    """Whether `graph` holds the sample triple of version `number`."""
    triple = f'<{EX}s7> <{EX}version> "version {number} of triple 7"'
    return bool(_rows(server, f"SELECT (1 AS ?found) WHERE {{ GRAPH <{graph}> {{ {triple} }} }}"))


def _scratch_graphs(server: Triplestore) -> list[str]:
    query = 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER STRSTARTS(STR(?g), "urn:goalgraph:push:") }'
    return [row["g"] for row in _rows(server, query)]


@pytest.mark.parametrize("graph_store", [False, True], ids=["insert-data", "graph-store"])
def test_an_interrupted_push_leaves_the_graph_as_it_was(
    store: Triplestore, monkeypatch: pytest.MonkeyPatch, graph_store: bool
) -> None:
    target = f"urn:goalgraph:test:atomic:{'gsp' if graph_store else 'insert'}"
    endpoint = store.writer(graph_store=graph_store)
    try:
        push([(target, version(1))], endpoint)
        assert _count(store, target) == 40
        assert _holds(store, target, 1)

        # The second version fails halfway: on its second INSERT DATA batch or, through the
        # Graph Store Protocol (one upload), on the move over the target.
        _small_batches(monkeypatch)
        update = Endpoint.update
        fail_at = ("MOVE", 1) if graph_store else ("INSERT", 2)
        seen: list[str] = []

        def failing(self: Endpoint, text: str) -> None:
            seen.append(text.split(None, 1)[0])
            if (seen[-1], seen.count(seen[-1])) == fail_at:
                raise EndpointError("simulated: the connection dropped")
            update(self, text)

        monkeypatch.setattr(Endpoint, "update", failing)
        with pytest.raises(EndpointError, match="simulated"):
            push([(target, version(2))], endpoint)
        assert seen[-1] == "DROP", "the scratch graph is dropped after a failure"
        assert _count(store, target) == 40
        assert _holds(store, target, 1)
        assert not _holds(store, target, 2)
        assert _scratch_graphs(store) == []

        monkeypatch.undo()
        _small_batches(monkeypatch)
        push([(target, version(2))], endpoint)
        assert _count(store, target) == 40
        assert _holds(store, target, 2)
        assert not _holds(store, target, 1)
        assert _scratch_graphs(store) == []
    finally:
        monkeypatch.undo()
        endpoint.update(f"DROP SILENT GRAPH <{target}>")
