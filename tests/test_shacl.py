"""The fast shape checker gives what a standard SHACL run of the same shapes gives."""

from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

import goalgraph
from goalgraph.resources import shapes_file
from goalgraph.shacl import check_shapes

from .conftest import FIXTURES

SM3 = "anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"
SM1 = "anklagemyndigheden/2019/marker/en-sammenhaengende-koncern"
# Breaks every SPARQL-based constraint of the shapes at least once, and core ones too.
BROKEN = f"""@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<alignment/a> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:curated .
<alignment/b> a gg:Alignment ; gg:from <{SM1}> ; gg:to <{SM3}> ; gg:kind gg:stated .
<alignment/c> a gg:Alignment ; gg:from <{SM1}> ; gg:to <{SM3}> ; gg:kind gg:suggested .
<{SM1}> gg:supports <{SM3}> .
<{SM3}> gg:supports <politiet> .
<test/abstract> a gg:Statement ; gg:text "Et mål"@da ; gg:holder <politiet> ;
    dcterms:source <https://example.org/> .
<test/goal> a gg:Goal ; gg:text "Et mål" ; gg:holder <justitsministeriet> , <politiet> .
"""


def standard_results(data: Graph) -> set[tuple[object, ...]]:
    union = data.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    assert union is not None
    shapes = Graph().parse(shapes_file())
    _, results, _ = pyshacl.validate(union, shacl_graph=shapes, inference="none")
    assert isinstance(results, Graph)
    found = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        found.add(
            (
                results.value(result, SH.focusNode),
                path if isinstance(path, URIRef) else None,
                results.value(result, SH.value),
                str(results.value(result, SH.resultMessage)),
            )
        )
    return found


def test_same_results_as_a_standard_shacl_run(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN, encoding="utf-8")
    data = goalgraph.load([broken, FIXTURES / "bad" / "bad-strength.ttl", FIXTURES / "bad" / "no-holder.ttl"])
    fast = {(r.focus, r.path, r.value, r.message) for r in check_shapes(data)}
    assert len(fast) >= 12
    assert fast == standard_results(data)


def test_no_results_on_the_bundled_data(bundled: goalgraph.GoalDataset) -> None:
    assert check_shapes(bundled) == []
