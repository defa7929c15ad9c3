"""ArchiMate: import of the motivation elements, export of the goal graph, and round trips."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS

import goalgraph
from goalgraph.cli import main
from goalgraph.errors import DataError
from goalgraph.export.archimate import archimate
from goalgraph.importers import import_file, importer_for_path
from goalgraph.importers.archimate import ArchiMateGraph, read_archimate
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG

from ..conftest import FIXTURES

HERE = FIXTURES / "archimate"
MOTIVATION = HERE / "motivation.xml"
BASE = "https://w3id.org/goalgraph/id/"
MODEL = URIRef(BASE + "archimate/municipal-services")
NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
ARCHIMATE = "http://www.opengroup.org/xsd/archimate/3.0/"


def quiet(done: int, total: int) -> None:
    """A progress callback that draws nothing."""


def read(path: Path) -> ArchiMateGraph:
    return read_archimate(path, base=BASE, progress=quiet)


def element(name: str) -> URIRef:
    return URIRef(f"{MODEL}/{name}")


@pytest.fixture(scope="module")
def motivation() -> ArchiMateGraph:
    return read(MOTIVATION)


@pytest.fixture(scope="module")
def archisurance(interop_files: Path) -> Path:
    return interop_files / "archimate" / "Archisurance.xml"


# ---------------------------------------------------------------- import: elements


@pytest.mark.parametrize(
    ("identifier", "archimate_type", "cls"),
    [
        ("id-care", "Goal", GG.Goal),
        ("id-fast", "Outcome", GG.Objective),
        ("id-digital", "Principle", GG.Principle),
        ("id-trust", "Value", GG.Value),
        ("id-dignity", "Meaning", GG.Value),
        ("id-staff", "Requirement", GG.Requirement),
        ("id-budget", "Constraint", GG.Requirement),
        ("id-ageing", "Driver", GG.Purpose),
        ("id-waiting", "Assessment", GG.Indicator),
    ],
)
def test_each_motivation_element_becomes_a_statement_of_its_class(
    motivation: Graph, identifier: str, archimate_type: str, cls: URIRef
) -> None:
    node = element(identifier)
    assert set(motivation.objects(node, RDF.type)) == {cls}
    assert motivation.value(node, DCTERMS.type) == URIRef(ARCHIMATE + archimate_type)
    assert motivation.value(node, DCTERMS.source) == URIRef(MOTIVATION.resolve().as_uri())


def test_stakeholders_are_organisations_with_their_names_in_each_language(motivation: Graph) -> None:
    council = element("id-council")
    assert (council, RDF.type, ORG.Organization) in motivation
    assert set(motivation.objects(council, SKOS.prefLabel)) == {
        Literal("City Council", lang="en"),
        Literal("Byrådet", lang="da"),
    }
    assert (element("id-citizens"), ORG.subOrganizationOf, council) in motivation  # council aggregates it


def test_names_in_each_language_are_texts_and_documentation_a_description(motivation: Graph) -> None:
    care = element("id-care")
    assert set(motivation.objects(care, GG.text)) == {
        Literal("Good care for the elderly", lang="en"),
        Literal("God pleje af de ældre", lang="da"),
    }
    assert motivation.value(care, GG.translation) is None
    assert motivation.value(care, DCTERMS.description) == Literal("From the council's 2024 policy.", lang="en")


def test_holders_come_from_stakeholder_associations_else_the_model(motivation: Graph) -> None:
    assert motivation.value(element("id-care"), GG.holder) == element("id-council")
    assert motivation.value(element("id-fast"), GG.holder) == element("id-citizens")
    assert motivation.value(element("id-digital"), GG.holder) == MODEL
    assert set(motivation.objects(MODEL, SKOS.prefLabel)) == {
        Literal("Municipal Services", lang="en"),
        Literal("Kommunale ydelser", lang="da"),
    }
    statements = set(motivation.subjects(DCTERMS.type, None))
    assert all(len(set(motivation.objects(s, GG.holder))) == 1 for s in statements)


# ---------------------------------------------------------------- import: relationships


def alignment(graph: Graph, source: str, target: str) -> dict[str, Any]:
    """The one alignment from `source` to `target`: its kind, strength and whether gg:supports says so too."""
    found = [a for a in graph.subjects(GG["from"], element(source)) if graph.value(a, GG.to) == element(target)]
    assert len(found) == 1, found
    return {
        "kind": graph.value(found[0], GG.kind),
        "strength": graph.value(found[0], GG.strength),
        "supports": (element(source), GG.supports, element(target)) in graph,
    }


@pytest.mark.parametrize(
    ("source", "target", "kind", "strength", "supports"),
    [
        ("id-fast", "id-care", GG.stated, GG.strong, True),  # Influence ++
        ("id-digital", "id-fast", GG.stated, GG.moderate, True),  # Influence +
        ("id-trust", "id-care", GG.stated, GG.weak, True),  # Influence 2
        ("id-waiting", "id-care", GG.stated, None, True),  # Influence without a modifier
        ("id-staff", "id-fast", GG.stated, None, True),  # Realization
        ("id-ageing", "id-care", GG.stated, None, True),  # Aggregation care → ageing: the part supports the whole
        ("id-dignity", "id-care", GG.suggested, None, False),  # Association
    ],
)
def test_relationships_between_statements_become_alignments(
    motivation: Graph, source: str, target: str, kind: URIRef, strength: URIRef | None, supports: bool
) -> None:
    assert alignment(motivation, source, target) == {"kind": kind, "strength": strength, "supports": supports}


def test_a_specialization_is_not_an_alignment(motivation: Graph) -> None:
    source, target = "id-waiting", "id-ageing"
    assert not [
        a for a in motivation.subjects(GG["from"], element(source)) if motivation.value(a, GG.to) == element(target)
    ]
    assert (element(source), GG.supports, element(target)) not in motivation


def test_a_negative_influence_is_a_hindering_alignment(motivation: Graph) -> None:
    assert alignment(motivation, "id-budget", "id-fast") == {
        "kind": GG.stated,
        "strength": GG.moderate,
        "supports": False,
    }
    (node,) = (a for a in motivation.subjects(GG["from"], element("id-budget")))
    assert motivation.value(node, GG.polarity) == GG.hindering
    assert (element("id-budget"), GG.hinders, element("id-fast")) in motivation


def test_the_summary_counts_what_was_read_and_skipped(motivation: ArchiMateGraph) -> None:
    summary = motivation.summary
    assert summary.version == "3.x"
    assert summary.model == "Municipal Services"
    assert sum(summary.statements.values()) == 9
    assert summary.organisations == 3  # two stakeholders and the model
    assert (summary.alignments, summary.hindrances) == (8, 1)
    assert summary.skipped_elements == Counter({"Business": 1, "Application": 1, "Other": 1})
    assert summary.skipped_relationships == Counter(
        {
            "with an end outside the motivation layer": 3,
            "of a type goalgraph does not map between these elements": 1,
        }
    )
    assert motivation.notes == (
        f"{summary.path}: read 9 statements (Assessment: 1, Constraint: 1, Driver: 1, Goal: 1, Meaning: 1, "
        "Outcome: 1, Principle: 1, Requirement: 1, Value: 1), 3 organisations and 8 alignments (1 hindering); "
        "skipped 3 elements of other layers (Application: 1, Business: 1, Other: 1) and 4 relationships (3 with "
        "an end outside the motivation layer, 1 of a type goalgraph does not map between these elements)",
    )


# ---------------------------------------------------------------- import: influence modifiers (synthetic)

INFLUENCES = HERE / "influences.xml"
SYNTHETIC_MODEL = URIRef(BASE + "archimate/synthetic-influences")


@pytest.fixture(scope="module")
def influences() -> ArchiMateGraph:
    return read(INFLUENCES)


@pytest.mark.parametrize(
    ("relationship", "modifier", "strength", "polarity"),
    [
        ("id-r1", "++", GG.strong, None),
        ("id-r2", "+", GG.moderate, None),
        ("id-r3", "-", GG.moderate, GG.hindering),
        ("id-r4", "--", GG.strong, GG.hindering),
        ("id-r6", "8", GG.strong, None),
        ("id-r7", "5", GG.moderate, None),
        ("id-r8", "2", GG.weak, None),
        ("id-r9", "-8", GG.strong, GG.hindering),
        ("id-r10", "-5", GG.moderate, GG.hindering),
        ("id-r11", "-2", GG.weak, GG.hindering),
        ("id-r12", "- with strength weak", GG.weak, GG.hindering),  # the property wins over the modifier
    ],
)
def test_each_influence_modifier_gives_its_polarity_and_strength(
    influences: Graph, relationship: str, modifier: str, strength: URIRef, polarity: URIRef | None
) -> None:
    node = URIRef(f"{SYNTHETIC_MODEL}/{relationship}")
    source, target = influences.value(node, GG["from"]), influences.value(node, GG.to)
    assert source == URIRef(f"{SYNTHETIC_MODEL}/id-s{relationship.removeprefix('id-r')}"), modifier
    assert (influences.value(node, GG.kind), influences.value(node, GG.strength)) == (GG.stated, strength)
    assert influences.value(node, GG.polarity) == polarity
    hindering = polarity == GG.hindering
    assert ((source, GG.hinders, target) in influences) is hindering
    assert ((source, GG.supports, target) in influences) is not hindering


def test_a_neutral_influence_is_skipped_and_counted(influences: ArchiMateGraph) -> None:
    assert not list(influences.subjects(GG["from"], URIRef(f"{SYNTHETIC_MODEL}/id-s5")))
    assert influences.summary.skipped_relationships == Counter({"neutral influence": 1})
    assert influences.notes == (
        f"{influences.summary.path}: read 13 statements (Outcome: 12, Goal: 1), 1 organisation and 11 alignments "
        "(6 hindering); skipped 0 elements of other layers and 1 relationship (1 neutral influence)",
    )
    report = goalgraph.validate(goalgraph.load([INFLUENCES], bundled=False))
    assert report.conforms, report.problems


def test_hindering_influences_survive_export_and_import(influences: ArchiMateGraph, tmp_path: Path) -> None:
    written = archimate(influences)
    tree = ET.fromstring(written)
    modifiers = Counter(r.get("modifier") for r in tree.iter(NS + "relationship") if r.get(XSI_TYPE) == "Influence")
    # -, -5, -2 and "-" with strength weak are written "-"; --, -8 "--".
    assert modifiers == Counter({"-": 4, "--": 2, "+": 3, "++": 2})
    polarities = [p for p in tree.iter(NS + "property") if p.findtext(f"{NS}value") == "hindering"]
    assert len(polarities) == 6
    (tmp_path / "again.xml").write_bytes(written)
    again = read(tmp_path / "again.xml")
    assert_isomorphic(influences, again)
    assert (again.summary.alignments, again.summary.hindrances) == (11, 6)
    assert archimate(again) == written


def test_an_import_is_valid_goalgraph_data() -> None:
    report = goalgraph.validate(goalgraph.load([MOTIVATION], bundled=False))
    assert report.conforms, report.problems


def test_the_loader_and_import_file_tell_archimate_from_its_namespace() -> None:
    chosen = importer_for_path(MOTIVATION)
    assert chosen is not None
    assert chosen.name == "archimate"
    assert len(import_file(MOTIVATION, base=BASE)) == len(read(MOTIVATION))


# ---------------------------------------------------------------- import: the real 2.1 file


def test_archisurance_gives_nine_principles_and_one_value(archisurance: Path) -> None:
    graph = read(archisurance)
    summary = graph.summary
    assert summary.version == "2.1"
    assert summary.statements == Counter({"Principle": 9, "Value": 1})
    assert len(set(graph.subjects(RDF.type, GG.Principle))) == 9
    assert len(set(graph.subjects(RDF.type, GG.Value))) == 1
    assert summary.skipped_elements == Counter({"Business": 67, "Application": 22, "Technology": 21})
    assert summary.skipped_relationships == Counter({"with an end outside the motivation layer": 176})
    assert graph.value(predicate=GG.text, object=Literal("One Stop Principle", lang="en")) is not None
    archisurance_org = URIRef(BASE + "archimate/archisurance")
    assert set(graph.objects(None, GG.holder)) == {archisurance_org}
    assert graph.value(archisurance_org, SKOS.prefLabel) == Literal("Archisurance", lang="en")


def test_archisurance_loads_and_validates_with_the_bundled_data(archisurance: Path) -> None:
    report = goalgraph.validate(goalgraph.load([archisurance]))
    assert report.conforms, report.problems


# ---------------------------------------------------------------- import: bad input


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("not-well-formed.xml", 8, r"not well-formed XML: mismatched tag \(column 5\)"),
        ("wrong-root.xml", 2, r"not an ArchiMate exchange file: the root element is <StrategicPlan> in namespace urn:"),
        ("unknown-element.xml", 11, r"the relationship 'id-r' points at 'id-missing', which is no element"),
        ("missing-identifier.xml", 9, r"this <element> has no identifier attribute; every element needs one"),
        ("billion-laughs.xml", 2, r"refused: the file declares a DTD"),
        ("external-entity.xml", 2, r"refused: the file declares a DTD"),
    ],
)
def test_bad_input_is_one_message_with_file_and_line(name: str, line: int, message: str) -> None:
    with pytest.raises(DataError) as raised:
        read(HERE / name)
    assert raised.value.line == line
    assert raised.value.path.endswith(name)
    assert re.search(message, str(raised.value)), str(raised.value)  # as the command line prints it
    assert str(raised.value).startswith(f"{raised.value.path}:{line}: ")


def test_the_attacks_are_refused_before_any_entity_is_expanded_or_fetched(tmp_path: Path) -> None:
    # Without a DOCTYPE there is nothing to expand; with one, nothing is read at all.
    for name in ("billion-laughs.xml", "external-entity.xml"):
        with pytest.raises(DataError, match="expands no entity and fetches nothing"):
            read(HERE / name)
    # An entity reference with no DTD is an error of well-formedness, not an expansion.
    undeclared = tmp_path / "undeclared.xml"
    undeclared.write_text((HERE / "external-entity.xml").read_text().split("]>\n", 1)[1], encoding="utf-8")
    with pytest.raises(DataError, match="undefined entity"):
        read(undeclared)


# ---------------------------------------------------------------- import: progress and scale


def synthetic_model(path: Path, elements: int) -> None:
    """An exchange file of `elements` elements (half of them goals) with an influence each, and a view."""
    kinds = ("Goal", "BusinessProcess")
    lines = [
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>Big</name><elements>'
    ]
    lines += [
        f'<element identifier="e{i}" xsi:type="{kinds[i % 2]}"><name xml:lang="en">Element {i} of a large model'
        "</name><documentation>Why it matters.</documentation></element>"
        for i in range(elements)
    ]
    lines.append("</elements><relationships>")
    lines += [
        f'<relationship identifier="r{i}" source="e{i}" target="e{(i * 7 + 2) % elements}" xsi:type="Influence" '
        'modifier="+"/>'
        for i in range(elements)
    ]
    lines.append('</relationships><views><diagrams><view identifier="v" xsi:type="Diagram"><name>V</name>')
    lines += [
        f'<node identifier="n{i}" xsi:type="Element" elementRef="e{i}" x="0" y="0" w="1" h="1"/>'
        for i in range(elements)
    ]
    lines.append("</view></diagrams></views></model>")
    path.write_text("\n".join(lines), encoding="utf-8")


def test_progress_is_reported_to_a_callback_up_to_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    synthetic_model(path, 12_000)
    calls: list[tuple[int, int]] = []
    read_archimate(path, base=BASE, progress=lambda done, total: calls.append((done, total)))
    size = path.stat().st_size
    assert size > 2_000_000
    assert len(calls) >= 2
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[-1] == (size, size)


def test_a_small_and_a_large_file_give_every_goal(tmp_path: Path) -> None:
    # How the time grows with the file is measured in benchmarks/bench_import_archimate.py.
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    synthetic_model(small, 2_000)
    synthetic_model(large, 16_000)
    for path in (small, large):
        graph = read(path)
        assert sum(graph.summary.statements.values()) == int(path.stat().st_size > 1_000_000) * 7_000 + 1_000


# ---------------------------------------------------------------- export


@pytest.fixture(scope="module")
def exported(bundled: GoalDataset) -> bytes:
    return archimate(bundled)


@pytest.fixture(scope="module")
def tree(exported: bytes) -> ET.Element:
    return ET.fromstring(exported)


def children(node: ET.Element) -> list[str]:
    return [child.tag.removeprefix(NS) for child in node]


def in_order(tags: list[str], order: list[str]) -> bool:
    """Whether `tags` only uses names of `order`, in that order (repeats allowed)."""
    positions = [order.index(tag) for tag in tags]
    return positions == sorted(positions)


def test_the_export_is_byte_identical_for_the_same_graph(bundled: GoalDataset, exported: bytes) -> None:
    assert archimate(bundled) == exported
    assert archimate(goalgraph.load()) == exported


def test_the_export_follows_the_exchange_schemas_element_order(tree: ET.Element) -> None:
    assert tree.tag == NS + "model"
    model_order = ["name", "documentation", "properties", "metadata", "elements", "relationships",
                   "organizations", "propertyDefinitions", "views"]  # fmt: skip
    assert in_order(children(tree), model_order), children(tree)
    assert children(tree).count("elements") == children(tree).count("relationships") == 1
    concept_order = ["name", "documentation", "properties"]
    for concept in [*tree.iter(NS + "element"), *tree.iter(NS + "relationship")]:
        assert in_order(children(concept), concept_order), children(concept)
    for concept in tree.iter(NS + "element"):
        assert children(concept)[0] == "name"  # elements need a name
    view = tree.find(f"{NS}views/{NS}diagrams/{NS}view")
    assert view is not None
    assert view.get(XSI_TYPE) == "Diagram"
    assert in_order(children(view), ["name", "documentation", "properties", "node", "connection"])


def test_identifiers_are_unique_valid_ids_and_every_reference_resolves(tree: ET.Element) -> None:
    identifiers = [node.get("identifier") for node in tree.iter() if node.get("identifier") is not None]
    assert len(identifiers) == len(set(identifiers))
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", str(i)) for i in identifiers)
    elements = {e.get("identifier"): e for e in tree.iter(NS + "element")}
    relationships = {r.get("identifier"): r for r in tree.iter(NS + "relationship")}
    definitions = {d.get("identifier") for d in tree.iter(NS + "propertyDefinition")}
    for relationship in relationships.values():
        assert relationship.get("source") in elements
        assert relationship.get("target") in elements
    assert {p.get("propertyDefinitionRef") for p in tree.iter(NS + "property")} == definitions
    nodes = {n.get("identifier"): n.get("elementRef") for n in tree.iter(NS + "node")}
    assert sorted(nodes.values()) == sorted(elements)  # every element once in the view
    connections = list(tree.iter(NS + "connection"))
    assert sorted(c.get("relationshipRef") for c in connections) == sorted(relationships)  # type: ignore[type-var]
    for connection in connections:
        relationship = relationships[connection.get("relationshipRef")]
        assert nodes[connection.get("source")] == relationship.get("source")
        assert nodes[connection.get("target")] == relationship.get("target")


def test_statements_organisations_and_alignments_are_all_there(bundled: GoalDataset, tree: ET.Element) -> None:
    statements = statement_facts(bundled)
    alignments = alignment_facts(bundled)
    types = Counter(e.get(XSI_TYPE) for e in tree.iter(NS + "element"))
    assert sum(n for t, n in types.items() if t != "Stakeholder") == len(statements)
    holders = {s["holder"] for s in statements.values()}
    assert types["Stakeholder"] >= len(holders)
    relationship_types = Counter(r.get(XSI_TYPE) for r in tree.iter(NS + "relationship"))
    assert relationship_types["Influence"] == len(alignments)  # stated and curated, between statements
    assert relationship_types["Association"] == len(statements)  # one holder each
    modifiers = Counter(r.get("modifier") for r in tree.iter(NS + "relationship") if r.get(XSI_TYPE) == "Influence")
    strengths = Counter(a["strength"] for a in alignments.values())
    assert modifiers["++"] == strengths[GG.strong]
    assert modifiers["+"] == strengths[GG.moderate] + strengths[GG.weak]


def test_names_carry_both_languages_and_the_view_has_rows_by_level(bundled: GoalDataset, tree: ET.Element) -> None:
    marker = next(
        e for e in tree.iter(NS + "element")
        if any(v.text == "Kvalitet i sagsbehandlingen" for v in e.iter(NS + "name"))
    )  # fmt: skip
    names = {n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text for n in marker.iter(NS + "name")}
    assert names == {"da": "Kvalitet i sagsbehandlingen", "en": "Quality in case handling"}
    assert marker.get(XSI_TYPE) == "Goal"
    levels = {str(s): int(f["level"]) for s, f in statement_facts(bundled).items()}
    iris = {
        e.get("identifier"): next(
            p.findtext(f"{NS}value") for p in e.iter(NS + "property") if p.get("propertyDefinitionRef") == "pd-iri"
        )
        for e in tree.iter(NS + "element")
    }
    rows: dict[int, set[int]] = {}
    for node in tree.iter(NS + "node"):
        iri = iris[node.get("elementRef")]
        rows.setdefault(levels.get(str(iri), -1), set()).add(int(str(node.get("y"))))
    ordered = [rows[level] for level in sorted(rows)]
    assert all(max(upper) < min(lower) for upper, lower in pairwise(ordered)), rows


# ---------------------------------------------------------------- round trips


def statement_facts(graph: Graph) -> dict[URIRef, dict[str, Any]]:
    """Each statement's goalgraph types, texts, translations, holder and level."""
    rows = graph.query(
        """PREFIX gg: <https://w3id.org/goalgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?s ?type ?level WHERE { ?s a ?type . ?type rdfs:subClassOf+ gg:Statement ; gg:level ?level }"""
    )
    facts: dict[URIRef, dict[str, Any]] = {}
    for s, type_, level in rows:  # type: ignore[misc]
        facts[s] = {
            "type": type_,
            "level": level,
            "texts": set(graph.objects(s, GG.text)),
            "translations": set(graph.objects(s, GG.translation)),
            "holder": graph.value(s, GG.holder),
        }
    return facts


def alignment_facts(graph: Graph) -> dict[URIRef, dict[str, Any]]:
    """Each alignment between two statements: its ends, kind, strength, rationale."""
    statements = set(statement_facts(graph))
    facts = {}
    for a in set(graph.subjects(RDF.type, GG.Alignment)):
        ends = graph.value(a, GG["from"]), graph.value(a, GG.to)
        if ends[0] in statements and ends[1] in statements:
            facts[a] = {
                "ends": ends,
                "kind": graph.value(a, GG.kind),
                "strength": graph.value(a, GG.strength),
                "rationale": set(graph.objects(a, GG.rationale)),
                "supports": (ends[0], GG.supports, ends[1]) in graph,
            }
    return facts


def test_export_then_import_gives_back_the_bundled_statements_and_alignments(
    bundled: GoalDataset, exported: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "goalgraph.xml"
    path.write_bytes(exported)
    back = goalgraph.load([path], bundled=False)  # the ontology, for the class levels
    assert statement_facts(back) == statement_facts(bundled)
    assert alignment_facts(back) == alignment_facts(bundled)
    assert len(alignment_facts(bundled)) > 20
    report = goalgraph.validate(back)
    assert report.conforms, report.problems


def assert_isomorphic(first: Graph, second: Graph) -> None:
    if not isomorphic(first, second):
        _, only_first, only_second = graph_diff(to_isomorphic(first), to_isomorphic(second))
        pytest.fail(f"only before: {sorted(only_first)[:5]}\nonly after: {sorted(only_second)[:5]}")


@pytest.mark.parametrize("source", ["archisurance", "motivation"])
def test_archimate_to_rdf_to_archimate_to_rdf_gives_the_same_graph(
    source: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    path = request.getfixturevalue("archisurance") if source == "archisurance" else MOTIVATION
    first = read(path)
    written = tmp_path / "again.xml"
    written.write_bytes(archimate(first))
    second = read(written)
    assert_isomorphic(first, second)
    assert second.summary.skipped_elements == Counter()
    assert second.summary.skipped_relationships == Counter()
    assert archimate(second) == written.read_bytes()


# ---------------------------------------------------------------- command line


def test_cli_import_writes_turtle_and_says_what_it_skipped(archisurance: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(main, ["import", "archimate", str(archisurance), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        "skipped 110 elements of other layers (Business: 67, Application: 22, Technology: 21) and 176 "
        "relationships with an end outside the motivation layer" in result.stderr
    )
    assert "reading" not in result.stderr  # no progress bar when standard error is no terminal
    assert len(set(Graph().parse(out, format="turtle").subjects(RDF.type, GG.Principle))) == 9


def test_cli_validates_an_exchange_file_given_as_data() -> None:
    result = CliRunner().invoke(main, ["validate", "--data", str(MOTIVATION), "--no-bundled"])
    assert result.exit_code == 0, result.output
    assert "valid: 2 files" in result.output


def test_cli_exports_archimate(tmp_path: Path) -> None:
    out = tmp_path / "x.xml"
    result = CliRunner().invoke(main, ["export", "--format", "archimate", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ET.parse(out).getroot().tag == NS + "model"


@pytest.mark.parametrize("name", ["not-well-formed.xml", "billion-laughs.xml", "unknown-element.xml"])
def test_cli_reports_a_bad_file_in_one_line_without_a_traceback(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = CliRunner().invoke(main, ["import", "archimate", str(HERE / name), "-o", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert name in result.stderr
    assert not out.exists()


def test_hostile_and_awkward_texts_survive_the_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "awkward.ttl"
    source.write_text(
        """@prefix gg: <https://w3id.org/goalgraph/ontology#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        <https://example.org/g/1> a gg:Goal ; gg:text "<img src=x onerror=alert(1)> & \\"æøå\\" ]]>"@da ;
            gg:translation "Tabs\\tand\\nnew lines"@en ; dcterms:source <https://example.org/> ."""
    )
    exported = tmp_path / "awkward.xml"
    exported.write_bytes(archimate(Graph().parse(source)))
    back = read(exported)
    node = URIRef("https://example.org/g/1")
    assert back.value(node, GG.text) == Literal('<img src=x onerror=alert(1)> & "æøå" ]]>', lang="da")
    # Names are single lines: white space is normalised, as gg:text's definition allows.
    assert back.value(node, GG.translation) == Literal("Tabs and new lines", lang="en")


def test_a_modifier_made_negative_in_an_exported_file_hinders(motivation: ArchiMateGraph, tmp_path: Path) -> None:
    # As if someone turned goalgraph's "++" influence into "--" in Archi: no polarity property, so the sign says.
    written = archimate(motivation)
    assert written.count(b'modifier="++"') == 1
    (tmp_path / "edited.xml").write_bytes(written.replace(b'modifier="++"', b'modifier="--"'))
    edited = read(tmp_path / "edited.xml")
    assert (element("id-fast"), GG.hinders, element("id-care")) in edited
    assert (element("id-fast"), GG.supports, element("id-care")) not in edited
    assert alignment(edited, "id-fast", "id-care") == {"kind": GG.stated, "strength": GG.strong, "supports": False}
    assert edited.summary.hindrances == 2
