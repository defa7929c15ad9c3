"""Every RDF export carries the whole dataset, and an independent parser reads it back."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import goalgraph
from goalgraph.errors import GoalgraphError
from goalgraph.export import FORMATS, export
from goalgraph.export.formats import FormatError, export_format, format_for_path
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG, ONTOLOGY_IRI

from .conftest import RDF_FORMATS, TRICKY, canonical, dataset_quads, parsed

ONTOLOGY = ox.NamedNode(ONTOLOGY_IRI)


def _distinct_triples(ds: GoalDataset) -> int:
    return len({(q.subject, q.predicate, q.object) for q in ds.oxigraph})


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_every_triple_reads_back(bundled: GoalDataset, name: str) -> None:
    rdf_format, keeps_graphs = RDF_FORMATS[name]
    quads = parsed(export(bundled, name), rdf_format)
    expected = len(bundled.oxigraph) if keeps_graphs else _distinct_triples(bundled)
    assert len(quads) == expected
    assert canonical(quads, keep_graphs=keeps_graphs) == dataset_quads(bundled, keep_graphs=keeps_graphs)


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_every_text_kind_and_strength_is_there(bundled: GoalDataset, name: str) -> None:
    rdf_format, _ = RDF_FORMATS[name]
    triples = {(q.subject, q.predicate, q.object) for q in parsed(export(bundled, name), rdf_format)}
    sample = bundled.oxigraph.query(
        """SELECT ?s ?p ?o WHERE {
             { ?s a ?class . ?class rdfs:subClassOf+ gg:Statement . ?s gg:text ?o . BIND (gg:text AS ?p) }
             UNION { ?s a gg:Alignment ; ?p ?o . VALUES ?p { gg:kind gg:strength } }
           }""",
        use_default_graph_as_union=True,
        prefixes={"gg": str(GG), "rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
    )
    expected = {(row["s"], row["p"], row["o"]) for row in sample}
    counts = goalgraph.stats(bundled)
    texts, kinds, strengths = (
        sum(counts["statements"].values()),
        sum(counts["alignments"].values()),
        counts["alignments"]["curated"],
    )
    assert len(expected) == texts + kinds + strengths == 30 + 41 + 32  # one Danish text a statement
    assert expected <= triples


@pytest.mark.parametrize("name", [n for n, (_, keeps) in RDF_FORMATS.items() if keeps])
def test_quad_formats_keep_each_source_in_its_graph(bundled: GoalDataset, name: str) -> None:
    rdf_format, _ = RDF_FORMATS[name]
    graphs = {q.graph_name for q in parsed(export(bundled, name), rdf_format)}
    assert graphs == set(bundled.oxigraph.named_graphs())
    assert ONTOLOGY in graphs


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_the_ontology_can_be_left_out(bundled: GoalDataset, name: str) -> None:
    rdf_format, _ = RDF_FORMATS[name]
    quads = parsed(export(bundled, name, include_ontology=False), rdf_format)
    ontology_quads = len(list(bundled.oxigraph.quads_for_pattern(None, None, None, ONTOLOGY)))
    assert len(quads) == len(bundled.oxigraph) - ontology_quads
    assert ONTOLOGY not in {q.graph_name for q in quads}
    assert not any(q.subject == ONTOLOGY for q in quads)


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_awkward_values_and_blank_nodes_read_back(tricky: GoalDataset, name: str) -> None:
    # Quotes, backslashes, line breaks, non-ASCII, regional language tags, datatypes,
    # nested blank nodes, IRIs with queries, and a triple two graphs state.
    rdf_format, keeps_graphs = RDF_FORMATS[name]
    quads = parsed(export(tricky, name), rdf_format)
    assert canonical(quads, keep_graphs=keeps_graphs) == dataset_quads(tricky, keep_graphs=keeps_graphs)
    assert len(quads) == (len(tricky.oxigraph) if keeps_graphs else _distinct_triples(tricky))
    if not keeps_graphs:
        assert _distinct_triples(tricky) == len(tricky.oxigraph) - 1  # the repeated triple, once


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_the_same_data_gives_the_same_bytes(name: str) -> None:
    # Blank nodes are labelled at random on each load; the output must not show it.
    first, second = goalgraph.load([TRICKY]), goalgraph.load([TRICKY])
    assert export(first, name) == export(second, name)


def test_a_plain_rdflib_graph_exports_too() -> None:
    from rdflib import BNode, Graph, Literal, URIRef

    graph = Graph()
    node = BNode()
    graph.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), node))
    graph.add((node, URIRef("https://example.org/name"), Literal("æ", lang="da")))
    quads = parsed(export(graph, "ntriples"), ox.RdfFormat.N_TRIPLES)
    assert len(quads) == 2
    assert b'"\xc3\xa6"@da' in export(graph, "turtle")


def test_rdfxml_refuses_what_xml_cannot_hold() -> None:
    from rdflib import Graph, Literal, URIRef

    control = Graph()
    control.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("bell\x07")))
    with pytest.raises(GoalgraphError, match="control character"):
        export(control, "rdfxml")
    # Turtle and N-Triples escape it.
    assert b"bell\\u0007" in export(control, "turtle")

    no_name = Graph()
    no_name.add((URIRef("https://example.org/s"), URIRef("https://example.org/p/"), Literal("x")))
    with pytest.raises(GoalgraphError, match="does not end in an XML name"):
        export(no_name, "rdfxml")


def test_formats_table() -> None:
    assert {name: f.media_type for name, f in FORMATS.items()} == {
        "turtle": "text/turtle",
        "trig": "application/trig",
        "jsonld": "application/ld+json",
        "rdfxml": "application/rdf+xml",
        "ntriples": "application/n-triples",
        "nquads": "application/n-quads",
        "csv": "application/zip",
        "graphml": "application/graphml+xml",
        "stratml": "application/xml",
        "archimate": "application/xml",
    }
    # Both are .xml: neither is offered as goalgraph.xml, nor chosen by -o FILE.xml.
    assert [name for name, f in FORMATS.items() if not f.is_download] == ["stratml", "archimate"]
    assert format_for_path("plan.xml") is None
    assert FORMATS["csv"].member_media_type == "text/csv"
    assert all(f.suffix.startswith(".") for f in FORMATS.values())
    assert [n for n, f in FORMATS.items() if f.is_rdf] == list(RDF_FORMATS)
    assert format_for_path("out/goals.nq") is FORMATS["nquads"]
    assert format_for_path("goals.json") is FORMATS["jsonld"]


def test_unknown_formats_and_options_are_usage_errors(bundled: GoalDataset) -> None:
    with pytest.raises(FormatError, match="no export format 'yaml'") as error:
        export(bundled, "yaml")
    assert error.value.exit_code == 2
    with pytest.raises(FormatError, match="takes include_ontology, not context_url"):
        export(bundled, "turtle", context_url=True)
    assert export_format("TriG") is FORMATS["trig"]
