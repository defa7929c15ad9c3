"""JSON-LD: compact and readable with the published context, and exactly the dataset's quads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from pyld import jsonld as pyld

from goalgraph.export import CONTEXT_URL, export
from goalgraph.export.context import context_document, context_text
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG

from .conftest import canonical, dataset_quads, pyld_loader, pyld_quads


def _document(ds: GoalDataset, **options: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(export(ds, "jsonld", **options))
    return document


def _nodes(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node, in named graphs or not."""
    found = []
    for item in document["@graph"]:
        found.extend(item.get("@graph", []))
        if set(item) - {"id", "@graph"}:
            found.append(item)
    return found


def test_compact_with_the_short_keys(bundled: GoalDataset) -> None:
    nodes = _nodes(_document(bundled))
    sm3 = next(n for n in nodes if n.get("identifier") == "SM3")
    assert sm3["type"] == "StrategicMarker"
    assert sm3["text"] == {"da": "Kvalitet i sagsbehandlingen"}
    assert sm3["translation"] == {"en": "Quality in case handling"}
    assert sm3["holder"] == "https://w3id.org/goalgraph/id/anklagemyndigheden"
    assert sm3["inPlan"].endswith("/anklagemyndigheden/2019/virksomhedsstrategi")
    assert list(sm3)[:2] == ["id", "type"]
    curated = [n for n in nodes if n.get("kind") == "curated"]
    assert len(curated) == 32  # Vores mål's 22 and the 2019 target plans' 10
    assert {n["strength"] for n in curated} <= {"strong", "moderate", "weak"}
    assert all(set(n["rationale"]) == {"da", "en"} and isinstance(n["from"], str) for n in curated)
    politiet = next(n for n in nodes if n["id"] == "https://w3id.org/goalgraph/id/politiet")
    assert politiet["label"] == {"da": "Politiet", "en": "the Danish Police"}
    mission = next(n for n in nodes if n["id"] == "gg:Mission")
    assert mission["subClassOf"] == "Statement"
    assert mission["level"] == "0"


def test_named_graphs_are_nodes_with_their_own_graph(bundled: GoalDataset) -> None:
    document = _document(bundled)
    graphs = [item["id"] for item in document["@graph"]]
    assert graphs == sorted(graphs)
    assert set(graphs) == {str(g.value) for g in bundled.oxigraph.named_graphs()}
    assert all(set(item) == {"id", "@graph"} for item in document["@graph"])
    merged = _document(bundled, named_graphs=False)
    assert all("@graph" not in node for node in merged["@graph"])
    ids = [node["id"] for node in merged["@graph"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("options", [{}, {"named_graphs": False}, {"include_ontology": False}])
def test_pyld_reads_exactly_the_dataset(bundled: GoalDataset, options: dict[str, Any]) -> None:
    keep_graphs = options.get("named_graphs", True)
    expected = canonical(
        (q for q in bundled.oxigraph if options.get("include_ontology", True) or q.graph_name.value != str(GG)[:-1]),
        keep_graphs=keep_graphs,
    )
    assert canonical(pyld_quads(export(bundled, "jsonld", **options)), keep_graphs=keep_graphs) == expected


XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"


def _doubles_as_numbers(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads with each xsd:double in one form: PyLD writes "1000" as "1.0E3" (against
    JSON-LD 1.1, which does that only for JSON numbers; Oxigraph's parser keeps it)."""

    def number(term: Any) -> Any:
        if isinstance(term, ox.Literal) and term.datatype.value == XSD_DOUBLE:
            return ox.Literal(repr(float(term.value)), datatype=term.datatype)
        return term

    return [ox.Quad(q.subject, q.predicate, number(q.object), q.graph_name) for q in quads]


def test_awkward_values_and_blank_nodes_read_back_in_pyld(tricky: GoalDataset) -> None:
    expected = canonical(_doubles_as_numbers(tricky.oxigraph))
    assert canonical(_doubles_as_numbers(pyld_quads(export(tricky, "jsonld")))) == expected
    nodes = _nodes(_document(tricky))
    odd = next(n for n in nodes if n["id"].endswith("/test/odd"))
    # Values that no short key of the context can hold go under the property's name.
    assert odd["https://example.org/vocab/region"] == {"@value": "colour", "@language": "en-gb"}
    assert odd["https://example.org/vocab/date"] == {"@value": "2019-01-01", "@type": "xsd:date"}


def test_a_context_url_reads_the_same_with_the_published_context(bundled: GoalDataset) -> None:
    data = export(bundled, "jsonld", context_url=True)
    assert json.loads(data)["@context"] == CONTEXT_URL
    assert canonical(pyld_quads(data)) == dataset_quads(bundled)


def test_embedded_by_default_so_files_parse_offline(bundled: GoalDataset) -> None:
    assert _document(bundled)["@context"] == context_document()["@context"]


def test_the_context_is_valid_json_ld() -> None:
    context = json.loads(context_text())
    sample = {
        "@context": context["@context"],
        "id": "https://example.org/s",
        "type": "Mission",
        "text": {"da": "tekst", "en": "text"},
        "kind": "curated",
        "holder": "https://example.org/o",
        "periodStart": "2019-01-01",
    }
    expanded = pyld.expand(sample)
    node = expanded[0]
    assert node["@type"] == [str(GG.Mission)]
    assert node[str(GG.kind)] == [{"@id": str(GG.curated)}]
    assert {"@value": "tekst", "@language": "da"} in node[str(GG.text)]
    # Compacting the expanded form with the context by URL gives the short form back.
    compacted = pyld.compact(expanded, CONTEXT_URL, {"documentLoader": pyld_loader})
    assert compacted["kind"] == "curated"
    assert compacted["text"] == {"da": "tekst", "en": "text"}


def test_the_context_names_every_term_of_the_ontology(bundled: GoalDataset) -> None:
    definitions = context_document()["@context"]
    named = {v if isinstance(v, str) else v["@id"] for v in definitions.values() if isinstance(v, str | dict)}
    terms = bundled.oxigraph.query(
        """SELECT ?term WHERE {
             { ?term a owl:Class } UNION { ?term a owl:ObjectProperty } UNION { ?term a owl:DatatypeProperty }
             UNION { ?term a gg:AlignmentKind } UNION { ?term a gg:Strength }
             FILTER (STRSTARTS(STR(?term), STR(gg:)))
           }""",
        use_default_graph_as_union=True,
        prefixes={"gg": str(GG), "owl": "http://www.w3.org/2002/07/owl#"},
    )
    missing = {f"gg:{row['term'].value[len(str(GG)) :]}" for row in terms} - named
    assert not missing


def test_results_verdicts_and_hindering_links_compact_and_read_back_in_pyld() -> None:
    import goalgraph

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "achievement" / "maalrapportering-synthetic.ttl"
    synthetic = goalgraph.load([fixture], bundled=False)
    assert canonical(pyld_quads(export(synthetic, "jsonld"))) == canonical(synthetic.oxigraph)
    nodes = {n["id"]: n for n in _nodes(_document(synthetic, include_ontology=False))}
    base = "https://example.org/synthetic/"
    indicator = nodes[base + "I1"]
    assert (indicator["direction"], indicator["threshold"], indicator["unit"]) == ("lowerIsBetter", "35", "dage")
    assert nodes[base + "I1-2019-actual"]["verdict"] == "notMet"
    assert nodes[base + "T1"]["hinders"] == base + "T2"
    assert nodes[base + "h-T1-T2"]["polarity"] == "hindering"
    assert (nodes[base + "T3"]["targetWeight"], nodes[base + "T3"]["valueChainStage"]) == ("20", "outcome")
