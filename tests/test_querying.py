"""Binding parameters into SPARQL: only as RDF terms, at the start of the WHERE clause."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef

from goalgraph.errors import GoalgraphError
from goalgraph.querying import bind, where_start


@pytest.mark.parametrize(
    ("query", "head"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE {"),
        ("select ?s where{ ?s ?p ?o }", "select ?s where{"),
        ("SELECT * { ?s ?p ?o }", "SELECT * {"),
        ("# a { in a comment\nSELECT ?s WHERE { ?s ?p '{' }", "# a { in a comment\nSELECT ?s WHERE {"),
        (
            'PREFIX where: <http://x/where>\nSELECT ?s WHERE { ?s ?p "}" }',
            "PREFIX where: <http://x/where>\nSELECT ?s WHERE {",
        ),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE {"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE {"),
        ('SELECT ?s WHERE { ?s ?p """a { b""" }', "SELECT ?s WHERE {"),
    ],
)
def test_where_start(query: str, head: str) -> None:
    assert query[: where_start(query)] == head


def test_no_where_clause() -> None:
    with pytest.raises(GoalgraphError, match="no WHERE clause"):
        where_start("DESCRIBE <http://example.org/>")


def test_bind_keeps_line_numbers() -> None:
    query = "SELECT ?s\nWHERE {\n  ?s ?p ?term\n}"
    bound = bind(query, {"term": Literal("x")})
    assert bound.count("\n") == query.count("\n")
    assert bound.splitlines()[1] == 'WHERE { BIND ("x" AS ?term)'


@pytest.mark.parametrize(
    "value",
    [URIRef("http://example.org/a> } DROP ALL { <b"), URIRef("no scheme"), URIRef("http://example.org/a b")],
)
def test_bind_refuses_what_is_not_an_iri(value: URIRef) -> None:
    with pytest.raises(GoalgraphError, match="not an IRI"):
        bind("SELECT ?s WHERE { ?s ?p ?o }", {"o": value})


def test_bind_escapes_literals() -> None:
    bound = bind("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('a" } DROP ALL { "\\\n', lang="da")})
    assert bound == 'SELECT ?s WHERE { BIND ("a\\" } DROP ALL { \\"\\\\\\n"@da AS ?o) ?s ?p ?o }'
    assert "\n" not in bound


def test_bind_refuses_other_terms_and_bad_names() -> None:
    with pytest.raises(GoalgraphError):
        bind("SELECT ?s WHERE { ?s ?p ?o }", {"o": BNode()})
    with pytest.raises(GoalgraphError, match="not a variable name"):
        bind("SELECT ?s WHERE { ?s ?p ?o }", {"o } DROP ALL {": Literal("x")})


def test_oxigraph_substitutions_are_not_pre_binding() -> None:
    # Why parameters are bound as text, locally too (see goalgraph.querying): Oxigraph's substitutions=
    # leave the variable unbound for BOUND(), so the named queries' optional-parameter filter
    # `!BOUND(?param) || ...` would keep every row. Should this test fail, substitutions= may serve.
    import pyoxigraph as ox

    store = ox.Store()
    for subject in ("a", "b"):
        store.add(ox.Quad(ox.NamedNode(f"http://e/{subject}"), ox.NamedNode("http://e/p"), ox.Literal("x")))
    query = "SELECT ?s ?x WHERE { ?s <http://e/p> ?o FILTER (!BOUND(?x) || ?s = ?x) }"
    bound = store.query(bind(query, {"x": URIRef("http://e/a")}))
    substituted = store.query(query, substitutions={ox.Variable("x"): ox.NamedNode("http://e/a")})
    assert len(list(bound)) == 1
    assert len(list(substituted)) == 2
