"""Pages for people, resolvable IRIs and the named queries over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from .conftest import Server, get, start

MARKER = "/goalgraph/id/anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"
MARKER_IRI = "https://w3id.org" + MARKER


class Elements(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(page: bytes) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(page.decode("utf-8"))
    return parser.tags


def loads_nothing_from_elsewhere(page: bytes) -> bool:
    for tag, attrs in elements(page):
        if tag in ("script", "img", "link", "iframe") and any(
            (attrs.get(a) or "").startswith(("http:", "https:", "//")) for a in ("src", "href")
        ):
            return False
    return True


def test_home_page(server: Server) -> None:
    status, content_type, page = get(server, "/", {})
    assert status == 200
    assert content_type.startswith("text/html")
    links = {attrs.get("href") for tag, attrs in elements(page) if tag == "a"}
    assert {"/query", "/sparql"} <= links
    assert loads_nothing_from_elsewhere(page)


def test_statement_page_for_people(server: Server) -> None:
    browser = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
    status, content_type, page = get(server, MARKER, {}, accept=browser)
    assert status == 200
    assert content_type.startswith("text/html")
    text = page.decode()
    assert "Kvalitet i sagsbehandlingen" in text
    assert "Quality in case handling" in text
    assert "Anklagemyndigheden" in text  # the holder
    assert "quality in case handling is how the guilty are held to account" in text  # a rationale
    links = {attrs.get("href") for tag, attrs in elements(page) if tag == "a"}
    assert "https://anklagemyndigheden.dk/da/vores-maal" in links  # the source
    # The alignments out and in, linked to the pages of their statements here.
    assert "/goalgraph/id/anklagemyndigheden/mission/strafskyldige-drages-til-ansvar" in links
    assert "/goalgraph/id/anklagemyndigheden/2019/focus-point/kvalitet-tilsyn-og-udvikling" in links
    assert loads_nothing_from_elsewhere(page)


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ],
)
def test_statement_description_for_programs(server: Server, accept: str, rdf_format: ox.RdfFormat) -> None:
    status, content_type, body = get(server, MARKER, {}, accept=accept)
    assert status == 200
    assert content_type.startswith(accept)
    triples = list(ox.parse(body, format=rdf_format))
    about = [t for t in triples if t.subject == ox.NamedNode(MARKER_IRI)]
    texts = {t.object.value for t in about if t.predicate.value.endswith("#text")}
    assert texts == {"Kvalitet i sagsbehandlingen"}
    assert any(t.predicate.value.endswith("#kind") for t in triples)  # the alignments come along


def test_format_parameter_on_a_resource(server: Server) -> None:
    status, content_type, _ = get(server, MARKER, {"format": "turtle"}, accept="text/html")
    assert status == 200
    assert content_type.startswith("text/turtle")


def test_organisation_and_plan_resolve(server: Server) -> None:
    for path in ("/goalgraph/id/politiet", "/goalgraph/id/anklagemyndigheden/2019/virksomhedsstrategi"):
        status, _, page = get(server, path, {}, accept="text/html")
        assert status == 200, path
        assert b"<h1>" in page


def test_unknown_iri_and_unacceptable_type(server: Server) -> None:
    assert get(server, "/goalgraph/id/nobody/at/all", {}, accept="text/html")[0] == 404
    assert get(server, MARKER, {}, accept="image/png")[0] == 406


def test_query_page(server: Server) -> None:
    status, _, page = get(server, "/query", {})
    assert status == 200
    assert loads_nothing_from_elsewhere(page)
    text = page.decode()
    start_at = text.index('<script type="application/json" id="named-queries">') + len(
        '<script type="application/json" id="named-queries">'
    )
    named = json.loads(text[start_at : text.index("</script>", start_at)])
    assert {q["name"] for q in named} >= {"trace", "coverage", "search"}


def test_named_query_over_http(server: Server) -> None:
    json_results = "application/sparql-results+json"
    status, _, body = get(server, "/queries/trace", {"statement": "SM3"}, accept=json_results)
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 6
    assert get(server, "/queries/nothing", {})[0] == 404
    status, _, body = get(server, "/queries/trace", {})
    assert status == 400
    assert b"needs the parameter 'statement'" in body
    status, _, body = get(server, "/queries/trace", {"statement": "no such statement"})
    assert status == 400
    assert b"no statement matches" in body


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("hostile")
    path = Path(folder) / "hostile.ttl"
    path.write_text(
        "@prefix gg: <https://w3id.org/goalgraph/ontology#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        '<test/hostile> a gg:Goal ; gg:text "<img src=x onerror=alert(1)>"@da ;\n'
        "    gg:holder <politiet> ; dcterms:source <javascript:alert(1)> .\n",
        encoding="utf-8",
    )
    yield from start("--data", str(path))


def test_text_from_the_data_is_never_markup(hostile_server: Server) -> None:
    status, _, page = get(hostile_server, "/goalgraph/id/test/hostile", {}, accept="text/html")
    assert status == 200
    assert b"&lt;img src=x onerror=alert(1)&gt;" in page
    assert not [tag for tag, _ in elements(page) if tag == "img"]
    hrefs = [attrs.get("href") or "" for tag, attrs in elements(page) if tag == "a"]
    assert not [h for h in hrefs if h.startswith("javascript:")]


@pytest.mark.parametrize(
    ("suffix", "rdf_format"),
    [
        ("ttl", ox.RdfFormat.TURTLE),
        ("trig", ox.RdfFormat.TRIG),
        ("jsonld", ox.RdfFormat.JSON_LD),
        ("rdf", ox.RdfFormat.RDF_XML),
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("nq", ox.RdfFormat.N_QUADS),
    ],
)
def test_downloads_parse_to_the_whole_dataset(server: Server, suffix: str, rdf_format: ox.RdfFormat) -> None:
    status, _, body = get(server, f"/downloads/goalgraph.{suffix}", {})
    assert status == 200
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    expected = int(get(server, "/sparql", {"query": count}, accept="text/csv")[2].decode().splitlines()[1])
    found = list(ox.parse(body, format=rdf_format))
    if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD):
        assert len(found) == expected
    else:  # triple formats merge the graphs: a triple two files state is written once
        assert 0 < len(found) <= expected


def test_other_publishing_pages(server: Server) -> None:
    for path in ("/report", "/docs", "/downloads/goalgraph.zip", "/downloads/goalgraph.graphml"):
        assert get(server, path, {})[0] == 200, path
    assert get(server, "/downloads/goalgraph.exe", {})[0] == 404
    _, content_type, body = get(server, "/context.jsonld", {})
    assert content_type.startswith("application/ld+json")
    assert "@context" in json.loads(body)
    _, _, page = get(server, "/goalgraph/ontology", {}, accept="text/html")
    assert b'id="StrategicMarker"' in page
    _, content_type, body = get(server, "/goalgraph/ontology", {}, accept="text/turtle")
    assert content_type.startswith("text/turtle")
    assert len(list(ox.parse(body, format=ox.RdfFormat.TURTLE))) > 400
    _, _, home = get(server, "/", {})
    for link in (b'href="/report"', b'href="/docs"', b'href="/downloads/goalgraph.ttl"'):
        assert link in home
