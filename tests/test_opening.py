"""goalgraph.open: one way to open the graph, files, store or endpoint, behind one interface."""

from __future__ import annotations

import gc
import http.server
import inspect
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

import goalgraph
from goalgraph.cli import main
from goalgraph.errors import DataError
from goalgraph.export.quads import store_of
from goalgraph.loading import GoalDataset, InvalidFilesError
from goalgraph.opening import ArgumentsError, open_graph
from goalgraph.querying import Backend, RdflibGraph, backend, execute
from goalgraph.remote import Endpoint, EndpointError, RemoteDataset
from goalgraph.storage import load_store

from .conftest import FIXTURES

BAD = FIXTURES / "bad"
EX = "https://example.org/"


def test_open_is_the_packages_entry() -> None:
    assert goalgraph.open is open_graph
    assert "open" in goalgraph.__all__


def test_the_bundled_data_and_files(tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text(f"<{EX}a> <{EX}p> 'x' .\n", encoding="utf-8")
    bundled = goalgraph.open()
    assert isinstance(bundled, GoalDataset)
    with_file = goalgraph.open(str(extra))
    assert len(with_file.sources) == len(bundled.sources) + 1
    assert [s.path for s in goalgraph.open([extra], bundled=False).sources][1:] == [extra.resolve()]


@pytest.mark.parametrize(
    ("arguments", "message", "command_line"),
    [
        (
            {"store": "goals.db", "endpoint": "http://localhost:8890/sparql"},
            "give store= or endpoint=, not both",
            "give --store or --endpoint, not both",
        ),
        (
            {"store": "goals.db", "data": ["x.ttl"]},
            "store='goals.db' holds the graph: add files to it with goalgraph.storage.load_store()",
            "--store goals.db holds the graph: add files to it with `goalgraph load --store DIR --data FILE`",
        ),
        (
            {"endpoint": "http://localhost:8890/sparql", "bundled": False},
            "endpoint='http://localhost:8890/sparql' holds the graph: add files to it with goalgraph.remote.push()",
            "--endpoint http://localhost:8890/sparql holds the graph: add files to it with "
            "`goalgraph push --endpoint URL --data FILE`",
        ),
    ],
    ids=["store-and-endpoint", "store-and-files", "endpoint-without-bundled"],
)
def test_arguments_that_do_not_go_together(arguments: dict[str, object], message: str, command_line: str) -> None:
    with pytest.raises(ArgumentsError) as raised:
        goalgraph.open(**arguments)  # type: ignore[arg-type]
    assert str(raised.value) == message
    assert raised.value.command_line == command_line
    assert raised.value.exit_code == 2


def test_a_store(tmp_path: Path) -> None:
    loaded = load_store(tmp_path / "store", progress=False)
    del loaded  # and with it the writer's lock
    gc.collect()
    opened = goalgraph.open(store=tmp_path / "store")
    assert isinstance(opened, GoalDataset)
    assert opened.in_process() is opened
    assert len(opened.sources) == len(goalgraph.open().sources)


def test_an_endpoint_url_is_checked_before_anything_is_asked() -> None:
    asked: list[str] = []
    with pytest.raises(EndpointError, match="not an http or https URL"):
        goalgraph.open(endpoint="file:///etc/passwd", user="me", password=asked.append)  # type: ignore[arg-type]
    assert asked == []


def test_every_syntax_error_or_the_first() -> None:
    files = [BAD / "syntax-error.ttl", BAD / "not-json.jsonld"]
    with pytest.raises(DataError):
        goalgraph.open(files, bundled=False)
    with pytest.raises(InvalidFilesError) as raised:
        goalgraph.open(files, bundled=False, all_errors=True)
    assert sorted(Path(error.path).name for error in raised.value.errors) == ["not-json.jsonld", "syntax-error.ttl"]
    report = raised.value.to_dict()
    assert report["conforms"] is False
    assert {problem["check"] for problem in report["problems"]} == {"syntax"}  # type: ignore[attr-defined]


def test_the_backends_share_one_interface() -> None:
    remote = RemoteDataset(Endpoint("http://127.0.0.1:9/sparql"), graphs=["urn:nothing"])
    assert isinstance(goalgraph.open(), Backend)
    assert isinstance(remote, Backend)
    assert not isinstance(Graph(), Backend)
    assert isinstance(backend(Graph()), RdflibGraph)


def test_a_plain_rdflib_graph_still_works() -> None:
    graph = Graph()
    graph.add((URIRef(f"{EX}a"), URIRef(f"{EX}p"), Literal("x", lang="da")))
    graph.add((URIRef(f"{EX}a"), URIRef(f"{EX}q"), BNode()))
    answer = execute(graph, "SELECT ?o WHERE { ?s <https://example.org/p> ?o }")
    assert answer.rows == [{"o": Literal("x", lang="da")}]
    assert execute(graph, "ASK { ?s ?p ?o }").boolean is True
    assert len(store_of(graph)) == 2


def test_the_commands_signatures_show_where_the_graph_is() -> None:
    for name in ("stats", "query", "validate", "push", "load", "export", "serve"):
        command = main.commands[name]
        assert command.callback is not None
        assert "where" in inspect.signature(command.callback).parameters, name
        options = {option for parameter in command.params for option in parameter.opts}
        assert {"--data", "--no-bundled", "--base", "--store", "--endpoint", "--user", "--password"} <= options


# --- an endpoint's answers, read by pyoxigraph, and by rdflib where pyoxigraph refuses them --------------------

#: Virtuoso names blank nodes nodeID://..., which pyoxigraph does not take as a blank node label.
VIRTUOSO_ANSWER = b"""
{ "head": { "link": [], "vars": ["o", "x"] },
  "results": { "distinct": false, "ordered": true, "bindings": [
    { "o": { "type": "bnode", "value": "nodeID://b10003" }\t, "x": { "type": "literal", "value": "x" }},
    { "o": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "3" }} ] } }
"""


@pytest.fixture
def answering() -> Iterator[list[bytes]]:
    """An endpoint on loopback that answers every query with the next body in the list."""
    bodies: list[bytes] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            body = bodies.pop(0)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    bodies.append(f"http://127.0.0.1:{server.server_address[1]}/sparql".encode())
    try:
        yield bodies
    finally:
        server.shutdown()
        server.server_close()


def test_an_answer_in_virtuosos_words(answering: list[bytes]) -> None:
    url = answering.pop().decode()
    remote = RemoteDataset(Endpoint(url, retries=0), graphs=["urn:g"])
    answering.append(VIRTUOSO_ANSWER)
    answer = remote.answer("SELECT ?o ?x WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?x } }")
    assert answer.variables == ["o", "x"]
    assert answer.rows == [
        {"o": BNode("nodeID://b10003"), "x": Literal("x")},
        {"o": Literal(3), "x": None},
    ]
    answering.append(b'{"head": {}, "boolean": 1}')  # some stores answer an ASK so
    assert remote.answer("ASK { ?s ?p ?o }").boolean is True
    answering.append(
        b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "literal", "value": "x", '
        b'"xml:lang": "not a tag"}}]}}'
    )
    with pytest.raises(EndpointError, match=r"answered SPARQL results that cannot be read .*not a tag"):
        remote.answer("SELECT ?s WHERE { ?s ?p ?o }")
