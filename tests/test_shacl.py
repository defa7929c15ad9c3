"""The compiled shape checker gives what a standard SHACL run (pySHACL) of the same shapes gives."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH

import goalgraph
from goalgraph.errors import GoalgraphError
from goalgraph.loading import GoalDataset
from goalgraph.resources import shapes_file
from goalgraph.shacl import ShapesError, check_shapes, read_shapes, shapes_graph
from goalgraph.synthetic import write_synthetic

from .conftest import FIXTURES

SM3 = "anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"
SM1 = "anklagemyndigheden/2019/marker/en-sammenhaengende-koncern"
PREFIXES = """@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
"""
# Breaks every SPARQL-based constraint of the shapes at least once, and core ones too.
BROKEN = f"""{PREFIXES}
<alignment/a> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:curated .
<alignment/b> a gg:Alignment ; gg:from <{SM1}> ; gg:to <{SM3}> ; gg:kind gg:stated .
<alignment/c> a gg:Alignment ; gg:from <{SM1}> ; gg:to <{SM3}> ; gg:kind gg:suggested .
<{SM1}> gg:supports <{SM3}> .
<{SM3}> gg:supports <politiet> .
<test/abstract> a gg:Statement ; gg:text "Et mål"@da ; gg:holder <politiet> ;
    dcterms:source <https://example.org/> .
<test/goal> a gg:Goal ; gg:text "Et mål" ; gg:holder <justitsministeriet> , <politiet> .
"""
# Nodes of a synthetic graph (write_synthetic) to break.
ORG, ORG1 = "<synthetic/org-00000>", "<synthetic/org-00001>"
GOAL, PLAN = "<synthetic/org-00000/goal/1>", "<synthetic/org-00000/strategy>"
# Breaks every (shape, constraint component) pair of ontology/shapes.ttl at least once
# (test_every_constraint_of_the_shapes_is_broken checks that it does). No ill-typed date: pySHACL
# 0.40 fails comparing one with a date (sh:lessThanOrEquals); the ill-typed decimal stands for them.
FAULTS = f"""{PREFIXES}
<fault/s1> a gg:Goal ; gg:holder {ORG} ; dcterms:source <https://example.org/> .
<fault/s2> a gg:Goal ; gg:text "no language", "a"@da, "b"@DA ; gg:translation "none", "a"@en, "b"@en ;
    gg:holder {ORG}, {ORG1} ; dcterms:source "not an IRI" ; dcterms:identifier "x", "y"@da ; gg:inPlan {ORG} ;
    gg:valueChainStage gg:input, gg:nowhere ; gg:targetWeight 0, "x" .
<fault/s3> a gg:Objective ; gg:text "t"@da ; gg:holder {GOAL} ; dcterms:source <https://example.org/> .
<fault/s4> a gg:Statement ; gg:text "t"@da .
{GOAL} gg:holder {ORG1} .
<fault/g1> a gg:StatementGroup .
<fault/g2> a gg:StatementGroup ; skos:prefLabel "g"@da ; gg:holder {ORG}, {GOAL} ; skos:member {ORG} .
<fault/i1> a gg:Indicator ; gg:text "i"@da ; gg:holder {ORG} ; dcterms:source <https://example.org/> ;
    gg:measures {ORG} ; gg:result {ORG} ; gg:unit "a", "b"@da ; gg:direction gg:higherIsBetter, gg:sideways ;
    gg:baseline 1, "b" ; gg:threshold 1, "t" ; gg:indicatorType gg:quantitative, gg:odd .
<fault/i2> a gg:Indicator ; gg:text "i"@da ; gg:holder {ORG} ; dcterms:source <https://example.org/> ;
    gg:threshold 95 ; gg:result <fault/r2> .
<fault/r2> a gg:TargetResult ; rdf:value 90 ; dcterms:source <https://example.org/> .
<fault/p1> a gg:Strategy .
<fault/p2> a gg:Plan ; dcterms:title "no language" ; gg:holder {ORG}, {GOAL} ; dcterms:source "not an IRI" ;
    gg:periodStart "2022-01-01"^^xsd:date, "2020-01-01" ; gg:periodEnd "2021-01-01"^^xsd:date, "2021" ;
    gg:coordinatedWith {GOAL} ; prov:wasRevisionOf {GOAL} .
<fault/a1> a gg:Alignment .
<fault/a2> a gg:Alignment ; gg:from {GOAL}, {ORG} ; gg:to {ORG}, <synthetic/org-00000/vision> ;
    gg:kind gg:stated, gg:perhaps ; gg:strength gg:weak, gg:enormous ; gg:rationale "r", "a"@en, "b"@en ;
    gg:score 2, 3 ; gg:polarity gg:supporting, gg:sideways .
<fault/a4> a gg:Alignment ; gg:from {GOAL} ; gg:to <synthetic/org-00000/vision> ; gg:kind gg:stated ;
    gg:polarity gg:hindering ; dcterms:source <https://example.org/> .
{ORG} gg:hinders {ORG1} .
<fault/l1> a gg:Relationship ; gg:from {ORG}, {GOAL} ; gg:relationType gg:peerOf, gg:oddType .
<fault/l2> a gg:Relationship ; gg:to {ORG}, {ORG1} .
<fault/a3> a gg:Alignment ; gg:from {GOAL} ; gg:to {GOAL} ; gg:kind gg:suggested ; gg:score -1 .
<fault/a5> a gg:Alignment ; gg:from {GOAL} ; gg:to <synthetic/org-00000/vision> ; gg:kind gg:rejected .
{ORG} gg:supports {ORG1} .
<fault/o1> a org:Organization .
<fault/o2> a org:Organization ; skos:prefLabel "x", "a"@da, "b"@da ; org:subOrganizationOf {GOAL} ;
    org:unitOf {GOAL} .
<fault/c1> a org:OrganizationalCollaboration ; skos:prefLabel "c"@da ; org:hasMember {GOAL} .
<fault/r1> a gg:TargetResult ; rdf:value 1.5, "1,5"^^xsd:decimal ; gg:resultStart "2021-01-01"^^xsd:date, "bad" ;
    gg:resultEnd "2020-01-01"^^xsd:date, "2020-02-01" ; dcterms:description "d" ; gg:verdict gg:met, gg:maybe .
<fault/k1> a gg:Stakeholder ; skos:prefLabel "k" ; gg:role {ORG} .
"""

Result = tuple[object, ...]


def standard_results(data: Graph, shapes: Graph | None = None) -> set[Result]:
    """pySHACL's results: (focus, path, constraint component, message, value, severity)."""
    union = data.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    assert union is not None
    shapes = shapes if shapes is not None else Graph().parse(shapes_file())
    _, results, _ = pyshacl.validate(union, shacl_graph=shapes, inference="none")
    assert isinstance(results, Graph)
    found = set()
    # The report's results, not those nested in them as sh:detail (of sh:node, for instance).
    for result in results.objects(None, SH.result):
        path = results.value(result, SH.resultPath)
        found.add(
            (
                results.value(result, SH.focusNode),
                path if isinstance(path, URIRef) else None,
                results.value(result, SH.sourceConstraintComponent),
                str(results.value(result, SH.resultMessage)),
                results.value(result, SH.value),
                results.value(result, SH.resultSeverity),
            )
        )
    return found


def compiled_results(data: Graph, shapes: Graph | None = None) -> set[Result]:
    return {(r.focus, r.path, r.constraint, r.message, r.value, r.severity) for r in check_shapes(data, shapes)}


def loadable_fixtures() -> list[Path]:
    found = []
    for path in sorted(FIXTURES.rglob("*")):
        try:
            goalgraph.load(path, bundled=False)
        except GoalgraphError:
            continue
        found.append(path)
    return found


FIXTURE_FILES = loadable_fixtures()


def test_same_results_as_a_standard_shacl_run(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN, encoding="utf-8")
    data = goalgraph.load([broken, FIXTURES / "bad" / "bad-strength.ttl", FIXTURES / "bad" / "no-holder.ttl"])
    fast = compiled_results(data)
    assert len(fast) >= 12
    assert fast == standard_results(data)


def test_no_results_on_the_bundled_data(bundled: goalgraph.GoalDataset) -> None:
    assert check_shapes(bundled) == []
    assert standard_results(bundled) == set()


def test_the_fixtures_are_found() -> None:
    names = {path.name for path in FIXTURE_FILES}
    assert {"no-holder.ttl", "full.yaml", "small-plan.xml", "motivation.xml"} <= names


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda path: str(path.relative_to(FIXTURES)))
def test_same_results_on_a_fixture(fixture: Path) -> None:
    data = goalgraph.load(fixture, bundled=False)
    assert compiled_results(data) == standard_results(data)


def test_same_results_on_the_fixtures_with_the_bundled_data() -> None:
    data = goalgraph.load(FIXTURE_FILES)
    fast = compiled_results(data)
    assert fast, "the bad fixtures break shapes"
    assert fast == standard_results(data)


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    folder = tmp_path_factory.mktemp("faults")
    write_synthetic(folder / "synthetic.ttl", 3)
    (folder / "faults.ttl").write_text(FAULTS, encoding="utf-8")
    return goalgraph.load([folder / "synthetic.ttl", folder / "faults.ttl"], bundled=False)


def test_same_results_on_a_synthetic_graph_with_faults(faulty: GoalDataset) -> None:
    fast = compiled_results(faulty)
    assert len(fast) > 60
    assert fast == standard_results(faulty)
    warnings = [r for r in fast if r[5] == SH.Warning]
    assert warnings
    assert all(r[2] == SH.LessThanOrEqualsConstraintComponent for r in warnings)


def constraint_pairs(shapes: Graph) -> set[tuple[object, URIRef]]:
    """Every (shape, constraint component) pair of `shapes`, read from the shapes themselves."""
    skip = {RDF.type, SH.path, SH.message, SH.severity, SH.property, SH.targetClass, SH.targetSubjectsOf}
    pairs = set()
    for shape in {*shapes.subjects(SH.targetClass, None), *shapes.subjects(SH.targetSubjectsOf, None)}:
        for owner in [shape, *shapes.objects(shape, SH.property)]:
            for parameter in set(shapes.predicates(owner)) - skip:
                name = parameter[len(str(SH)) :]
                component = "SPARQL" if name == "sparql" else name[0].upper() + name[1:]
                pairs.add((owner, SH[f"{component}ConstraintComponent"]))
    return pairs


def test_every_constraint_of_the_shapes_is_broken(faulty: GoalDataset) -> None:
    pairs = constraint_pairs(shapes_graph())
    assert len(pairs) > 70
    broken = {(r.shape, r.constraint) for r in check_shapes(faulty)}
    missing = pairs - broken
    assert not missing, "no fault breaks: " + ", ".join(
        f"{shapes_graph().value(shape, SH.path) or shape} {component[len(str(SH)) :]}" for shape, component in missing
    )


# Shapes of the kinds ontology/shapes.ttl does not use, some without sh:message (pySHACL's default).
EXTRA_SHAPES = f"""{PREFIXES}
ex:Thing a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:code ; sh:pattern "^[A-Z]+$" ; sh:minLength 2 ; sh:maxLength 4 ] ,
        [ sh:path ex:code ; sh:pattern "^[a-z]+$" ; sh:flags "i" ; sh:message "letters only" ] ,
        [ sh:path ex:n ; sh:minExclusive 0 ; sh:maxExclusive 10 ; sh:minCount 1 ; sh:datatype xsd:integer ] ,
        [ sh:path ex:label ; sh:languageIn ( "da" "en" ) ; sh:message "Danish or English" ] ,
        [ sh:path ex:kind ; sh:hasValue ex:a ; sh:message "needs ex:a" ] ,
        [ sh:path ex:day ; sh:datatype xsd:date ] , [ sh:path ex:label ; sh:datatype rdf:langString ] ,
        [ sh:path ex:kind ; sh:in ( ex:a ex:b ) ] ,
        [ sh:path ex:same ; sh:equals ex:twin ; sh:message "twins differ" ] ,
        [ sh:path ex:low ; sh:lessThan ex:high ; sh:message "low not below high" ] ,
        [ sh:path ex:n ; sh:maxCount 2 ; sh:minCount 2 ; sh:message "two numbers" ] ,
        [ sh:path ex:friend ; sh:class ex:Thing ; sh:nodeKind sh:IRI ] ,
        [ sh:path ex:friend ; sh:not [ sh:hasValue ex:nobody ] ; sh:message "not nobody" ] ,
        [ sh:path ex:friend ; sh:xone ( [ sh:class ex:Thing ] [ sh:nodeKind sh:BlankNode ] ) ;
          sh:message "exactly one" ] ,
        [ sh:path ex:friend ; sh:node ex:Named ; sh:message "named friend" ] ,
        [ sh:path ex:friend ; sh:or ( [ sh:nodeKind sh:Literal ] [ sh:class ex:Thing ; sh:nodeKind sh:IRI ] ) ] ,
        [ sh:path ( ex:friend ex:code ) ; sh:minCount 1 ; sh:message "a friend with a code" ] ,
        [ sh:path [ sh:inversePath ex:friend ] ; sh:maxCount 1 ; sh:message "one admirer at most" ] ,
        [ sh:path [ sh:alternativePath ( ex:a ex:b ) ] ; sh:and ( [ sh:datatype xsd:string ] [ sh:minLength 1 ] ) ;
          sh:message "strings" ] ;
    sh:or ( [ sh:class ex:Thing ] [ sh:class ex:Other ] ) .
ex:Named a sh:NodeShape ; sh:nodeKind sh:IRI ; sh:pattern "named" .
ex:Off a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ; sh:property [ sh:path ex:n ; sh:minCount 9 ] .
ex:Node a sh:NodeShape ; sh:targetNode ex:t1, ex:lonely ; sh:severity sh:Info ; sh:class ex:Thing .
ex:Object a sh:NodeShape ; sh:targetObjectsOf ex:friend ; sh:nodeKind sh:IRI ; sh:message "friends are IRIs" .
ex:Klass a rdfs:Class, sh:NodeShape ; sh:property [ sh:path ex:n ; sh:minCount 1 ] .
"""
EXTRA_DATA = f"""{PREFIXES}
ex:t1 a ex:Thing ; ex:code "ab", "A1", "TOOLONG", "A" ; ex:n 0, 11, "x" ; ex:label "l"@de, "m"@en-GB, "n" ;
    ex:day "2020-02-30"^^xsd:date, "2020-02-03"^^xsd:date, "2020-02-04", "x"@da ; ex:kind ex:c ;
    ex:same ex:x ; ex:twin ex:y ; ex:low 5 ; ex:high 4, "z" ; ex:friend ex:nobody, _:anon, "lit" .
ex:t2 a ex:Thing ; ex:n 1, 2 ; ex:kind ex:a ; ex:friend ex:t1, ex:named-t2 ; ex:a "s" ; ex:b 3 .
ex:named-t2 a ex:Thing ; ex:friend ex:t1 .
ex:k a ex:Klass .
"""


def extra(tmp_path: Path) -> tuple[GoalDataset, Graph]:
    (tmp_path / "extra.ttl").write_text(EXTRA_DATA, encoding="utf-8")
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(EXTRA_SHAPES, encoding="utf-8")
    return goalgraph.load(tmp_path / "extra.ttl", bundled=False), read_shapes(shapes)


def test_the_other_constraint_kinds_compile_and_agree_with_pyshacl(tmp_path: Path) -> None:
    data, shapes = extra(tmp_path)
    fast = compiled_results(data, shapes)
    assert fast == standard_results(data, shapes)
    components = {r[2] for r in fast}
    for name in [
        *("Pattern", "MinLength", "MaxLength", "MinExclusive", "MaxExclusive", "LanguageIn", "HasValue", "In"),
        *("Equals", "LessThan", "MaxCount", "MinCount", "Class", "NodeKind", "Not", "Xone", "Node", "And", "Or"),
        "Datatype",
    ]:
        assert SH[f"{name}ConstraintComponent"] in components, name
    assert any(r[5] == SH.Info for r in fast)
    ill_typed = [r[4] for r in fast if r[1] == URIRef("https://example.org/day")]
    assert sorted(map(str, ill_typed)) == ["2020-02-04", "2020-02-30", "x"]
    assert not any("9" in str(r[3]) for r in fast), "a deactivated shape is not run"


def test_the_compiler_sends_nothing_of_these_shapes_to_pyshacl(tmp_path: Path) -> None:
    from goalgraph.shacl import _compile

    _, shapes = extra(tmp_path)
    assert _compile(shapes).fallback == []
    assert _compile(shapes_graph()).fallback == []


def test_a_shape_it_cannot_compile_goes_to_pyshacl(tmp_path: Path) -> None:
    from goalgraph.shacl import _compile

    data, _ = extra(tmp_path)
    shapes = Graph().parse(
        data=f"""{PREFIXES}
ex:Closed a sh:NodeShape ; sh:targetClass ex:Thing ; sh:closed true ;
    sh:ignoredProperties ( rdf:type ex:code ex:n ex:label ex:kind ex:same ex:twin ex:low ex:high ex:friend ) ;
    sh:sparql [ sh:select "SELECT $this WHERE {{ $this <https://example.org/n> 0 }}" ; sh:message "zero" ] .
ex:Simple a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:a ; sh:datatype xsd:integer ] .
""",
        format="turtle",
    )
    assert _compile(shapes).fallback == [URIRef("https://example.org/Closed")]
    fast = compiled_results(data, shapes)
    assert {r[2] for r in fast} == {
        SH.ClosedConstraintComponent,
        SH.DatatypeConstraintComponent,
        SH.SPARQLConstraintComponent,
    }
    assert fast == standard_results(data, shapes)


def test_results_name_their_shape_and_constraint(bundled: GoalDataset, tmp_path: Path) -> None:
    data = goalgraph.load(FIXTURES / "bad" / "no-holder.ttl")
    [result] = check_shapes(data)
    assert result.constraint == SH.MinCountConstraintComponent
    assert isinstance(result.shape, BNode)
    assert (URIRef("https://w3id.org/goalgraph/shapes#Statement"), SH.property, result.shape) in shapes_graph()


def test_a_bad_shapes_file_names_its_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n\n<a> sh:path <b> ;;; oops\n", encoding="utf-8")
    with pytest.raises(ShapesError, match=r"bad\.ttl:3: ") as caught:
        read_shapes(bad)
    assert caught.value.exit_code == 2
    with pytest.raises(ShapesError, match=r"(?i)no such file"):
        read_shapes(tmp_path / "missing.ttl")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal(bundled: GoalDataset, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    check_shapes(bundled)
    drawn = terminal.getvalue()
    assert drawn.startswith("\rvalidating: SHACL [")
    assert re.search(r"\] 100% (\d+)/\1 queries\n$", drawn), drawn


def test_no_progress_elsewhere(bundled: GoalDataset, capsys: pytest.CaptureFixture[str]) -> None:
    check_shapes(bundled)
    assert capsys.readouterr().err == ""
