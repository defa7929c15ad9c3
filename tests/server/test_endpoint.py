"""The SPARQL 1.1 endpoint, asked by real clients over loopback."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from .conftest import Server, get

STATEMENTS = """PREFIX gg: <https://w3id.org/goalgraph/ontology#>
SELECT ?statement ?text WHERE { ?statement gg:text ?text } ORDER BY ?statement"""
CONSTRUCT = """PREFIX gg: <https://w3id.org/goalgraph/ontology#>
CONSTRUCT { ?a gg:supports ?b } WHERE { ?a gg:supports ?b }"""
#: The bundled data's statements (one Danish text each) and gg:supports links: Vores mål's
#: 22 and 31, and the 2019 target plans' 8 and 10.
TEXTS = 30
SUPPORTS = 41
# Three unconstrained patterns over a thousand triples: 10^9 rows to count.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def post(server: Server, body: bytes, content_type: str, accept: str = "*/*") -> tuple[int, str, bytes]:
    request = urllib.request.Request(
        server.url + "/sparql", data=body, headers={"Content-Type": content_type, "Accept": accept}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def test_sparqlwrapper_select(server: Server) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(STATEMENTS)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]  # type: ignore[index, call-overload]
    assert len(bindings) == TEXTS
    texts = {b["text"]["value"] for b in bindings}
    assert "Kvalitet i sagsbehandlingen" in texts


def test_sparqlwrapper_post_and_construct(server: Server) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setMethod("POST")
    client.setQuery(CONSTRUCT)
    graph = client.queryAndConvert()
    assert isinstance(graph, Graph)
    assert len(graph) == SUPPORTS


def test_rdflib_sparqlstore(server: Server) -> None:
    graph = Graph(store=SPARQLStore(server.url + "/sparql", returnFormat="xml"))
    rows = list(graph.query(STATEMENTS))
    assert len(rows) == TEXTS
    assert graph.query("ASK { ?s <https://w3id.org/goalgraph/ontology#supports> ?o }").askAnswer is True


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
        ("text/csv;q=0.4, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_results_by_accept(server: Server, accept: str, expected: str) -> None:
    status, content_type, body = get(server, "/sparql", {"query": STATEMENTS}, accept=accept)
    assert status == 200
    assert content_type.startswith(expected)
    text = body.decode("utf-8")
    if expected.endswith("json"):
        assert len(json.loads(text)["results"]["bindings"]) == TEXTS
    elif expected.endswith("xml"):
        results = ElementTree.fromstring(body).findall(".//{http://www.w3.org/2005/sparql-results#}result")
        assert len(results) == TEXTS
    elif expected == "text/csv":
        assert len(list(csv.reader(io.StringIO(text)))) == TEXTS + 1
    else:
        assert text.splitlines()[0] == "?statement\t?text"
        assert len(text.splitlines()) == TEXTS + 1


@pytest.mark.parametrize(("name", "expected"), [("json", "json"), ("xml", "xml"), ("csv", "csv"), ("tsv", "tab")])
def test_select_results_by_format_parameter(server: Server, name: str, expected: str) -> None:
    params = {"query": STATEMENTS, "format": name}
    status, content_type, _ = get(server, "/sparql", params, accept="text/html")
    assert status == 200
    assert expected in content_type


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ],
)
def test_construct_by_accept_parses_independently(server: Server, accept: str, rdf_format: ox.RdfFormat) -> None:
    status, content_type, body = get(server, "/sparql", {"query": CONSTRUCT}, accept=accept)
    assert status == 200
    assert content_type.startswith(accept)
    triples = list(ox.parse(body, format=rdf_format))
    assert len(triples) == SUPPORTS


def test_post_forms(server: Server) -> None:
    json_results = "application/sparql-results+json"
    status, _, body = post(server, STATEMENTS.encode(), "application/sparql-query", json_results)
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == TEXTS
    form = urllib.parse.urlencode({"query": STATEMENTS}).encode()
    status, _, body = post(server, form, "application/x-www-form-urlencoded", json_results)
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == TEXTS


def test_service_description(server: Server) -> None:
    status, content_type, body = get(server, "/sparql", {}, accept="text/turtle")
    assert status == 200
    assert content_type.startswith("text/turtle")
    description = Graph().parse(data=body.decode(), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    names = {str(o) for o in description.objects(None, URIRef(sd + "name"))}
    assert "https://w3id.org/goalgraph/ontology" in names
    assert "https://w3id.org/goalgraph/id/graph/vores-maal" in names


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"update": "INSERT DATA { <a:a> <a:b> <a:c> }"}, "SPARQL Update is not allowed"),
        ({"query": "INSERT DATA { <a:a> <a:b> <a:c> }"}, "INSERT DATA is an update"),
        ({"query": "LOAD <http://example.org/data.ttl>"}, "LOAD is an update"),
        ({"query": "DROP ALL"}, "DROP is an update"),
        (
            {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"},
            "SERVICE is not allowed",
        ),
        (
            {"query": "SELECT * FROM <http://example.org/elsewhere> WHERE { ?s ?p ?o }"},
            "is not a graph of this dataset",
        ),
        (
            {"query": "SELECT * FROM NAMED <http://example.org/elsewhere> WHERE { GRAPH ?g { ?s ?p ?o } }"},
            "is not a graph of this dataset",
        ),
        ({"query": "SELECT * WHERE { ?s ?p }"}, "the query is not valid SPARQL"),
        ({"query": "HELLO"}, "the query is not valid SPARQL"),
    ],
)
def test_refused_queries(server: Server, params: dict[str, str], message: str) -> None:
    status, _, body = get(server, "/sparql", params)
    assert status == 400
    assert message in body.decode()


def test_update_by_post_is_refused_and_changes_nothing(server: Server) -> None:
    update = b"INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = post(server, update, "application/sparql-update")
    assert status == 400
    assert b"read-only" in body
    count = "SELECT (COUNT(*) AS ?n) WHERE { <urn:a> ?p ?o }"
    _, _, body = get(server, "/sparql", {"query": count}, accept="text/csv")
    assert body.decode().splitlines()[1] == "0"


def test_from_a_graph_of_the_dataset_is_allowed(server: Server) -> None:
    query = "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/goalgraph/id/graph/organisations> WHERE { ?s ?p ?o }"
    status, _, body = get(server, "/sparql", {"query": query}, accept="text/csv")
    assert status == 200
    assert 0 < int(body.decode().splitlines()[1]) < 100


def test_unacceptable_format(server: Server) -> None:
    status, _, body = get(server, "/sparql", {"query": STATEMENTS}, accept="image/png")
    assert status == 406
    assert b"offered" in body


def test_request_size_limit(server: Server) -> None:
    status, _, body = post(server, b"#" * 2_000_000, "application/sparql-query")
    assert status == 413
    assert b"larger than 1,000,000 bytes" in body


def test_result_size_limit(small_server: Server) -> None:
    status, _, body = get(small_server, "/sparql", {"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert status == 413
    assert b"narrow the query or add LIMIT" in body


def test_slow_query_is_stopped_while_others_answer(server: Server) -> None:
    outcome: dict[str, object] = {}

    def slow() -> None:
        started = time.monotonic()
        outcome["slow"] = get(server, "/sparql", {"query": SLOW})
        outcome["slow_seconds"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    status, _, body = get(server, "/sparql", {"query": STATEMENTS}, accept="text/csv")
    answered_while_slow_ran = thread.is_alive()
    thread.join(60)
    assert status == 200
    assert len(body.decode().splitlines()) == TEXTS + 1
    assert answered_while_slow_ran
    slow_status, _, slow_body = outcome["slow"]  # type: ignore[misc]
    assert slow_status == 503
    assert b"ran longer than 2 s and was stopped" in slow_body
    assert float(outcome["slow_seconds"]) < 30  # type: ignore[arg-type]
    # The stopped worker is replaced: the endpoint goes on answering.
    assert get(server, "/sparql", {"query": STATEMENTS})[0] == 200


def test_many_clients_at_once(server: Server) -> None:
    # 20 clients × 50 queries; the throughput is measured in benchmarks/bench_server.py.
    def ask(_: int) -> int:
        errors = 0
        for _ in range(50):
            status, _, body = get(server, "/sparql", {"query": STATEMENTS}, accept="text/csv")
            errors += status != 200 or len(body.decode().splitlines()) != TEXTS + 1
        return errors

    with ThreadPoolExecutor(max_workers=20) as clients:
        assert sum(clients.map(ask, range(20))) == 0
