"""What `--endpoint` (and `--update-endpoint`, `--graph-store`) accept, and what answers are believed.

Only http and https URLs, with a host and no credentials in them; no redirect is
followed; every answer must have the shape its query asks for; a push must leave
the triples in the store. Each case is the smallest input that showed the fault,
served by a real HTTP server on 127.0.0.1. Nothing may ever print a local file.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from subprocess import CompletedProcess
from urllib.parse import parse_qs

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF

from goalgraph.loading import load
from goalgraph.remote import Endpoint, EndpointError, RemoteDataset, push

from ..test_cli import goalgraph

SPARQL_JSON = "application/sparql-results+json"
#: What the local file the tests point at holds: it must never show.
SECRET = "root:x:0:0:the-secret-line"
ONTOLOGY = "https://w3id.org/goalgraph/ontology"
#: Its triples: what `goalgraph push --no-bundled` pushes.
ONTOLOGY_TRIPLES = len(load(bundled=False).oxigraph)


@dataclass(frozen=True)
class Reply:
    status: int = 200
    content_type: str = SPARQL_JSON
    body: str = ""
    headers: tuple[tuple[str, str], ...] = ()


def results(variables: list[str], *rows: dict[str, object]) -> Reply:
    """SPARQL JSON results."""
    return Reply(body=json.dumps({"head": {"vars": variables}, "results": {"bindings": list(rows)}}))


def uri(value: str) -> dict[str, str]:
    return {"type": "uri", "value": value}


def number(value: int) -> dict[str, str]:
    return {"type": "typed-literal", "value": str(value), "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


#: The answer to the search for goalgraph's graphs: one, the ontology's.
GRAPHS = results(["g"], {"g": uri(ONTOLOGY)})


@dataclass
class Server:
    """Answers each request with what `script` says for its query or update (the whole body if neither)."""

    script: Callable[[str], Reply]
    url: str = ""
    asked: list[str] = field(default_factory=list)
    #: Each request's form fields, and its Accept header.
    forms: list[dict[str, list[str]]] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            form = parse_qs(body)
            text = (form.get("query") or form.get("update") or [body])[0]
            server.asked.append(text)
            server.forms.append(form)
            server.accepted.append(self.headers.get("Accept") or "")
            reply = server.script(text)
            payload = reply.body.encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = _answer  # noqa: N815 (http.server's names)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def serve() -> Iterator[Callable[[Callable[[str], Reply]], Server]]:
    """Start scripted servers on 127.0.0.1; each stops after the test."""
    running: list[ThreadingHTTPServer] = []

    def start(script: Callable[[str], Reply]) -> Server:
        scripted = Server(script)
        http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(scripted))
        scripted.url = f"http://127.0.0.1:{http.server_address[1]}/sparql"
        threading.Thread(target=http.serve_forever, args=(0.05,), daemon=True).start()
        running.append(http)
        return scripted

    yield start
    for http in running:
        http.shutdown()
        http.server_close()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file that no URL may make goalgraph show."""
    path = tmp_path / "passwd"
    path.write_text(f"{SECRET}\n" * 3, encoding="utf-8")
    return path


def _one_message(result: CompletedProcess[str], *expected: str) -> str:
    """The command failed with exit status 1, its last line on stderr its one message, saying `expected`."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stdout + result.stderr
    message = result.stderr.splitlines()[-1]
    assert [line for line in result.stderr.splitlines() if line.startswith("goalgraph:")] == [message]
    for words in expected:
        assert words in message
    return message


# --- URLs ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("file://{secret}", "is not an http or https URL"),
        ("ftp://127.0.0.1/sparql", "is not an http or https URL"),
        ("data:,hello", "is not an http or https URL"),
        ("not a url", "is not a URL: it has spaces"),
        ("http://127.0.0.1/spa\nrql", "is not a URL: it has spaces or control characters"),
        ("http:///sparql", "names no host"),
        ("http://127.0.0.1:99999/sparql", "is not a URL (Port out of range"),
        ("http://[::1/sparql", "is not a URL (Invalid IPv6 URL)"),
        ("http://dba:s3cret@127.0.0.1/sparql", "has credentials in it: give the user with --user"),
    ],
    ids=["file", "ftp", "data", "words", "newline", "no-host", "port", "ipv6", "credentials"],
)
def test_only_http_urls_are_endpoints(url: str, says: str, secret: Path) -> None:
    url = url.format(secret=secret)
    elsewhere = "http://127.0.0.1/sparql"
    endpoints: dict[str, Callable[[], Endpoint]] = {
        "the endpoint": lambda: Endpoint(url),
        "the update endpoint": lambda: Endpoint(elsewhere, update_url=url),
        "the Graph Store Protocol service": lambda: Endpoint(elsewhere, graph_store_url=url),
    }
    for role, make in endpoints.items():
        with pytest.raises(EndpointError) as raised:
            make()
        message = str(raised.value)
        assert message.startswith(role)
        assert says in message
        assert "s3cret" not in message


def test_a_file_url_is_refused_and_its_file_never_shown(secret: Path) -> None:
    for command in ("stats", "push"):
        result = goalgraph(command, "--endpoint", secret.as_uri())
        _one_message(result, f"the endpoint '{secret.as_uri()}' is not an http or https URL")
        assert "pushed" not in result.stderr


@pytest.mark.parametrize("option", ["--update-endpoint", "--graph-store"])
def test_push_refuses_a_file_url_for_updates_before_it_asks_for_a_password(option: str, secret: Path) -> None:
    result = goalgraph(
        "push", "--endpoint", "http://127.0.0.1:9/sparql", option, secret.as_uri(), "--user", "dba", "--password"
    )
    _one_message(result, "is not an http or https URL")
    assert "password for" not in result.stderr


def test_not_a_url_is_one_message() -> None:
    _one_message(goalgraph("stats", "--endpoint", "not a url"), "goalgraph: the endpoint 'not a url' is not a URL")


def test_credentials_in_the_url_are_refused_and_not_repeated() -> None:
    result = goalgraph("stats", "--endpoint", "http://dba:s3cret@127.0.0.1:9/sparql")
    _one_message(result, "'http://…@127.0.0.1:9/sparql' has credentials in it")
    assert "s3cret" not in result.stderr


# --- redirects -------------------------------------------------------------------------------------------


def test_a_redirect_to_a_local_file_is_not_followed(serve: Callable[..., Server], secret: Path) -> None:
    redirecting = serve(lambda _: Reply(302, "text/plain", "moved", (("Location", secret.as_uri()),)))
    result = goalgraph("stats", "--endpoint", redirecting.url)
    _one_message(result, f"{redirecting.url} answered HTTP 302, a redirect, which goalgraph does not follow")
    assert "(it points to a file: URL)" in result.stderr
    assert len(redirecting.asked) == 1


@pytest.mark.parametrize("status", [301, 307, 308])
def test_a_redirect_elsewhere_names_the_url_to_give(serve: Callable[..., Server], status: int) -> None:
    moved = serve(lambda _: Reply(status, "text/html", "<a>moved</a>", (("Location", "https://example.org/sparql"),)))
    message = _one_message(goalgraph("stats", "--endpoint", moved.url), f"answered HTTP {status}, a redirect")
    assert message.endswith("give the URL it points to, https://example.org/sparql")


def test_rdflibs_own_api_goes_through_the_same_client(serve: Callable[..., Server], secret: Path) -> None:
    # Graph.query on a RemoteDataset asks through rdflib's SPARQLStore: it must not follow a redirect either.
    redirecting = serve(lambda _: Reply(302, "text/plain", "", (("Location", secret.as_uri()),)))
    remote = RemoteDataset(Endpoint(redirecting.url, retries=0), graphs=[ONTOLOGY])
    with pytest.raises(EndpointError, match="a redirect, which goalgraph does not follow"):
        remote.query("ASK { ?s ?p ?o }")
    answering = serve(lambda _: Reply(body=json.dumps({"head": {}, "boolean": True})))
    assert RemoteDataset(Endpoint(answering.url), graphs=[ONTOLOGY]).query("ASK { ?s ?p ?o }").askAnswer is True


def test_rdflibs_own_api_asks_the_goal_graphs_graphs(serve: Callable[..., Server]) -> None:
    # Left to the store, the default graph differs: the union of all graphs in Virtuoso, a graph of
    # its own (empty) in Oxigraph's server, where `trace` then found no statement by its IRI.
    yes = Reply(body=json.dumps({"head": {}, "boolean": True}))
    server = serve(lambda query: yes if "ASK" in query else results(["o"], {"o": uri(str(OWL.Class))}))
    remote = RemoteDataset(Endpoint(server.url, retries=0), graphs=[ONTOLOGY, f"{ONTOLOGY}/more"])
    assert (URIRef(f"{ONTOLOGY}#Mission"), RDF.type, None) in remote
    assert remote.query("ASK { ?s ?p ?o }").askAnswer is True
    assert len(server.forms) == 2
    for form in server.forms:
        assert form["default-graph-uri"] == form["named-graph-uri"] == [ONTOLOGY, f"{ONTOLOGY}/more"]


def test_a_construct_asks_for_rdf_first(serve: Callable[..., Server]) -> None:
    # Virtuoso answers a CONSTRUCT with SPARQL JSON results when they come first in Accept.
    server = serve(lambda _: Reply(content_type="application/n-triples", body=""))
    remote = RemoteDataset(Endpoint(server.url, retries=0), graphs=[ONTOLOGY])
    remote.answer("CONSTRUCT WHERE { ?s ?p ?o }")
    assert server.accepted[-1].startswith("application/n-triples")
    assert "sparql-results" not in server.accepted[-1]


# --- answers of the wrong shape ------------------------------------------------------------------------------


def _answering(serve: Callable[..., Server], reply: Reply) -> RemoteDataset:
    """A dataset on a server that answers the search for graphs, then `reply` to everything else."""
    server = serve(lambda query: GRAPHS if "SELECT DISTINCT ?g" in query else reply)
    return RemoteDataset(Endpoint(server.url, retries=0))


@pytest.mark.parametrize(
    ("query", "reply", "says"),
    [
        (
            "SELECT ?n WHERE { ?s ?p ?o }",
            results(["m"], {"m": number(1)}),
            "answered without ?n, which the query selects",
        ),
        ("SELECT ?n WHERE { ?s ?p ?o }", Reply(body='{"boolean": true}'), "did not answer a SELECT query as one"),
        ("ASK { ?s ?p ?o }", results(["n"]), "did not answer an ASK query as one"),
        ("ASK { ?s ?p ?o }", Reply(body='{"head": {}, "boolean": "yes"}'), "did not answer an ASK query as one"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", results(["s"]), "answered a CONSTRUCT or DESCRIBE query with"),
        ("SELECT ?n WHERE { ?s ?p ?o }", Reply(content_type="text/html", body="<html>It works!</html>"), "It works!"),
        ("SELECT ?n WHERE { ?s ?p ?o }", Reply(body="results: none"), "did not answer with SPARQL results"),
        ("SELECT ?n WHERE { ?s ?p ?o }", results(["n"], {"n": "1"}), 'answered a value that is not an RDF term: "1"'),
        ("SELECT ?n WHERE { ?s ?p ?o }", results(["n"], {"n": {"value": "x"}}), "not an RDF term"),
        ("SELECT ?n WHERE { ?s ?p ?o }", Reply(body='{"head": {"vars": ["n"]}}'), "no head.vars and results.bindings"),
    ],
    ids=[
        "missing-variable",
        "select-boolean",
        "ask-rows",
        "ask-not-boolean",
        "construct-json",
        "html",
        "not-json",
        "row-not-term",
        "term-without-type",
        "no-results",
    ],
)
def test_an_answer_without_the_shape_its_query_asks_for(
    serve: Callable[..., Server], query: str, reply: Reply, says: str
) -> None:
    remote = _answering(serve, reply)
    with pytest.raises(EndpointError) as raised:
        remote.answer(query)
    message = str(raised.value)
    assert message.startswith(remote.endpoint.query_url)
    assert says in message
    assert "\n" not in message


def test_a_well_formed_answer_is_read(serve: Callable[..., Server]) -> None:
    remote = _answering(serve, results(["n", "other"], {"n": number(7)}))
    variables, rows, _, _ = remote.answer("SELECT ?n WHERE { ?s ?p ?o }")
    assert variables == ["n", "other"]
    assert rows == [{"n": Literal(7), "other": None}]


def test_a_missing_column_is_one_message_on_the_command_line(serve: Callable[..., Server]) -> None:
    # The graphs are found, then the triple count comes back without its ?count.
    server = serve(lambda query: GRAPHS if "SELECT DISTINCT ?g" in query else results(["total"], {"total": number(3)}))
    _one_message(goalgraph("stats", "--endpoint", server.url), f"{server.url} answered without ?count")


def test_the_search_for_graphs_without_its_column(serve: Callable[..., Server]) -> None:
    server = serve(lambda _: results(["graph"], {"graph": uri(ONTOLOGY)}))
    _one_message(goalgraph("stats", "--endpoint", server.url), f"{server.url} answered without ?g")


# --- pushes that do not arrive ------------------------------------------------------------------------------


def _store(held: int | None) -> Callable[[str], Reply]:
    """Updates answered "200 OK" with an empty body; a count answered `held` (None: an empty body too)."""

    def script(text: str) -> Reply:
        if text.startswith("SELECT (COUNT(*)"):
            return Reply(body="") if held is None else results(["n"], {"n": number(held)})
        return Reply(content_type="text/plain")

    return script


def test_a_push_that_the_store_did_not_keep_fails(serve: Callable[..., Server]) -> None:
    forgetful = serve(_store(0))
    result = goalgraph("push", "--endpoint", forgetful.url, "--no-bundled")
    message = _one_message(
        result, f"{forgetful.url} holds 0 of the {ONTOLOGY_TRIPLES:,} triples pushed to <{ONTOLOGY}>"
    )
    assert message.endswith(f"{forgetful.url} did not store them")
    assert "pushed 1 graph(s)" not in result.stderr


def test_a_push_whose_count_is_not_answered_fails(serve: Callable[..., Server]) -> None:
    silent = serve(_store(None))
    _one_message(goalgraph("push", "--endpoint", silent.url, "--no-bundled"), "did not answer with SPARQL results: ''")


def test_a_push_that_the_store_kept_passes(serve: Callable[..., Server]) -> None:
    keeping = serve(_store(ONTOLOGY_TRIPLES))
    result = goalgraph("push", "--endpoint", keeping.url, "--no-bundled")
    assert result.returncode == 0, result.stderr
    assert f"pushed 1 graph(s), {ONTOLOGY_TRIPLES:,} triples" in result.stderr
    assert keeping.asked[-1].startswith("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/goalgraph/ontology>")


def test_the_library_push_checks_too(serve: Callable[..., Server]) -> None:
    forgetful = serve(_store(1))
    triples = b"<https://example.org/s> <https://example.org/p> <https://example.org/o1> .\n"
    triples += b"<https://example.org/s> <https://example.org/p> <https://example.org/o2> .\n"
    with pytest.raises(EndpointError, match=r"holds 1 of the 2 triples pushed to <https://example\.org/g>"):
        push([("https://example.org/g", triples)], Endpoint(forgetful.url, forgetful.url, retries=0))
