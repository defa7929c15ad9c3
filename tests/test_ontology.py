"""The ontology and the shapes: complete, bilingual, mapped to the standards, valid SHACL."""

from __future__ import annotations

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from goalgraph.namespaces import GG
from goalgraph.resources import ontology_file, shapes_file, sparql_file

STATEMENT_CLASSES = [
    "Mission",
    "Vision",
    "Purpose",
    "CoreTask",
    "FocusPoint",
    "StrategicMarker",
    "Principle",
    "Goal",
    "Objective",
    "Value",
    "Target",
    "Indicator",
]
MAPPINGS = [SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch]
STANDARDS = {
    "BMM": "https://www.omg.org/spec/BMM/",
    "ArchiMate": "http://www.opengroup.org/xsd/archimate/",
    "StratML": "urn:ISO:std:iso:17469:",
}
REUSED = ("http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_file(), format="turtle")


def own_terms(ontology: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(t for t in ontology.subjects(RDF.type, kind) if isinstance(t, URIRef) and t.startswith(GG))


def test_independent_parser_reads_both_files() -> None:
    for path in (ontology_file(), shapes_file()):
        assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) > 50


def test_statement_classes_exist_by_local_name(ontology: Graph) -> None:
    for name in STATEMENT_CLASSES:
        assert (GG[name], RDF.type, OWL.Class) in ontology, name
        assert (GG[name], RDFS.subClassOf, GG.Statement) in ontology, name


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty])
def test_every_term_has_labels_and_definitions_in_english_and_danish(ontology: Graph, kind: URIRef) -> None:
    terms = own_terms(ontology, kind)
    assert terms
    for term in terms:
        for prop in (RDFS.label, SKOS.definition):
            languages = {o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)}
            assert {"en", "da"} <= languages, f"{term} {prop}: {languages}"


def test_every_class_is_mapped_to_a_standard(ontology: Graph) -> None:
    for term in own_terms(ontology, OWL.Class):
        mapped = [o for p in MAPPINGS for o in ontology.objects(term, p)]
        parents = [str(o) for o in ontology.objects(term, RDFS.subClassOf)]
        assert mapped or any(p.startswith(REUSED) for p in parents), term


@pytest.mark.parametrize("name", STATEMENT_CLASSES)
def test_every_statement_class_maps_to_bmm_archimate_and_stratml(ontology: Graph, name: str) -> None:
    targets = [str(o) for p in MAPPINGS for o in ontology.objects(GG[name], p)]
    for standard, namespace in STANDARDS.items():
        assert any(t.startswith(namespace) for t in targets), f"{name} has no mapping to {standard}"


def test_mapped_concepts_are_declared_with_a_name(ontology: Graph) -> None:
    targets = {o for p in MAPPINGS for o in ontology.objects(None, p) if str(o).startswith(tuple(STANDARDS.values()))}
    for target in targets:
        assert ontology.value(target, SKOS.prefLabel) is not None, target
        assert ontology.value(target, SKOS.inScheme) is not None, target


def test_every_statement_class_has_a_level(ontology: Graph) -> None:
    levels = {name: ontology.value(GG[name], GG.level) for name in STATEMENT_CLASSES}
    assert all(isinstance(level, Literal) and int(level) >= 0 for level in levels.values()), levels
    assert {name for name, level in levels.items() if int(level) == 0} == {"Mission", "Vision"}  # type: ignore[arg-type]


def test_alignment_vocabulary(ontology: Graph) -> None:
    assert set(ontology.subjects(RDF.type, GG.AlignmentKind)) == {GG.stated, GG.curated, GG.suggested, GG.rejected}
    strengths = set(ontology.subjects(RDF.type, GG.Strength))
    assert strengths == {GG.strong, GG.moderate, GG.weak}
    weights = [float(ontology.value(s, GG.weight)) for s in (GG.strong, GG.moderate, GG.weak)]  # type: ignore[arg-type]
    assert weights == sorted(weights, reverse=True)


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    # meta_shacl checks the shapes graph against the SHACL-for-SHACL shapes first.
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_every_shape_constraint_has_a_message(shapes: Graph) -> None:
    for shape in set(shapes.subjects(SH.path, None)) | set(shapes.objects(None, SH.sparql)):
        assert shapes.value(shape, SH.message) is not None, shapes.value(shape, SH.path)


def test_shapes_target_every_class_users_write(shapes: Graph) -> None:
    targeted = set(shapes.objects(None, SH.targetClass))
    for cls in (GG.Statement, GG.Plan, GG.Alignment, GG.StatementGroup):
        assert cls in targeted


def test_shipped_sparql_files_parse_and_say_what_they_answer() -> None:
    folder = sparql_file("x").parent
    files = sorted(folder.glob("*.rq"))
    assert files
    store = ox.Store()
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), f"{path.name} has no header comment"
        store.query(text)  # raises SyntaxError on a malformed query
