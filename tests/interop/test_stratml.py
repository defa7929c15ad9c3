"""StratML: import (Part 1 and Part 2), export (Part 2, schema-valid), round trips, bad input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS, XSD

import goalgraph
from goalgraph.cli import main
from goalgraph.errors import DataError, GoalgraphError
from goalgraph.export import export
from goalgraph.export.stratml import find_plan, stratml
from goalgraph.importers import import_file, importer_for_path
from goalgraph.importers.stratml import read_stratml
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG

FIXTURES = Path(__file__).parent.parent / "fixtures" / "stratml"
SCHEMA = Path(goalgraph.__file__).parent / "schemas" / "stratml" / "PerformancePlanOrReport.xsd"
BASE = "https://w3id.org/goalgraph/id/"
STRATEGY = "Anklagemyndighedens virksomhedsstrategi for 2019"
HARBOUR = URIRef(BASE + "stratml/harbour-authority/harbour-authority-performance-report-2024")


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def assert_valid(schema: etree.XMLSchema, document: bytes) -> None:
    assert schema.validate(etree.fromstring(document)), schema.error_log


def counts(graph: Graph) -> Counter[str]:
    return Counter(str(o).split("#")[-1] for o in graph.objects(None, RDF.type))


@pytest.fixture(scope="module")
def harbour() -> Graph:
    return read_stratml(FIXTURES / "small-plan.xml", base=BASE)


# Real files -------------------------------------------------------------------------------------------

REAL = {
    "HHISAP2025.xml": {"Goal": 10, "Objective": 67, "Indicator": 85, "Value": 7, "Mission": 1, "Vision": 1},
    "SMLC2023.xml": {"Goal": 3, "Objective": 13, "Indicator": 21, "Value": 5, "Mission": 1, "Vision": 1},
    "PMOAI.xml": {"Goal": 1, "Objective": 5, "Indicator": 0, "Value": 6, "Mission": 1, "Vision": 1},
}


@pytest.mark.parametrize("name", REAL)
def test_a_real_file_imports_with_its_counts(interop_files: Path, name: str) -> None:
    graph = read_stratml(interop_files / "stratml" / name, base=BASE)
    found = counts(graph)
    assert {kind: found[kind] for kind in REAL[name]} == REAL[name]
    assert found["Organization"] == 1
    # Every objective supports its goal, through a stated alignment.
    assert len(set(graph.subject_objects(GG.supports))) >= REAL[name]["Objective"]


def test_the_real_files_plan_dates_and_source(interop_files: Path) -> None:
    graph = read_stratml(interop_files / "stratml" / "HHISAP2025.xml", base=BASE)
    (plan,) = graph.subjects(RDF.type, GG.Strategy)
    assert graph.value(plan, GG.periodStart) == Literal("2025-07-01", datatype=XSD.date)
    assert graph.value(plan, GG.periodEnd) == Literal("2028-06-30", datatype=XSD.date)
    source = URIRef("https://hiltonheadsc.portal.civicclerk.com/event/653/files/attachment/2296")
    assert graph.value(plan, DCTERMS.source) == source
    assert set(graph.objects(None, DCTERMS.source)) == {source}
    assert str(graph.value(plan, DCTERMS.title)).startswith("Town of Hilton Head Island Strategic Action Plan")
    report = read_stratml(interop_files / "stratml" / "SMLC2023.xml", base=BASE)
    assert len(set(report.subjects(DCTERMS.type, URIRef(goalgraph_stratmlpr("Performance_Report"))))) == 1
    targets = sum(1 for _ in report.subjects(RDF.type, GG.TargetResult))
    actuals = sum(1 for _ in report.subjects(RDF.type, GG.ActualResult))
    assert (targets, actuals) == (27, 77)


@pytest.mark.parametrize(
    ("name", "stages", "types"),
    [
        # Counted in the files: grep -o 'ValueChainStage="[^"]*"' and 'PerformanceIndicatorType="[^"]*"'.
        ("HHISAP2025.xml", {"inputProcessing": 16, "outcome": 18, "output": 25, "outputProcessing": 5}, (44, 20)),
        ("SMLC2023.xml", {"inputProcessing": 2, "outcome": 6, "output": 11, "outputProcessing": 2}, (10, 9)),
    ],
)
def test_a_real_file_keeps_its_stages_and_indicator_types(
    interop_files: Path, name: str, stages: dict[str, int], types: tuple[int, int]
) -> None:
    graph = read_stratml(interop_files / "stratml" / name, base=BASE)
    found = Counter(str(o).removeprefix(str(GG)) for o in graph.objects(None, GG.valueChainStage))
    assert found == stages
    kinds = Counter(graph.objects(None, GG.indicatorType))
    assert (kinds[GG.quantitative], kinds[GG.qualitative]) == types
    # Every result has the document's source: the shapes want one on each figure.
    results = set(graph.subjects(RDF.type, GG.TargetResult)) | set(graph.subjects(RDF.type, GG.ActualResult))
    assert results
    assert all(graph.value(result, DCTERMS.source) is not None for result in results)


def goalgraph_stratmlpr(name: str) -> str:
    return "urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport#" + name


@pytest.mark.parametrize("name", REAL)
def test_a_real_file_loads_and_validates(interop_files: Path, name: str) -> None:
    path = interop_files / "stratml" / name
    found = importer_for_path(path)
    assert found is not None
    assert found.name == "stratml"
    report = goalgraph.validate(goalgraph.load([path], bundled=False))
    assert report.conforms, [str(p) for p in report.problems]
    warnings = [p for p in report.problems if p.severity == "warning"]
    # HHISAP2025 has two indicators whose result periods end a day before they start (2028-07-01 .. 2028-06-30).
    assert len(warnings) == (4 if name == "HHISAP2025.xml" else 0)
    assert all("starts after it ends" in str(p) for p in warnings)


@pytest.mark.parametrize("name", REAL)
def test_a_real_file_round_trips(interop_files: Path, schema: etree.XMLSchema, tmp_path: Path, name: str) -> None:
    first = read_stratml(interop_files / "stratml" / name, base=BASE)
    written = stratml(first)
    assert_valid(schema, written)
    (tmp_path / name).write_bytes(written)
    second = read_stratml(tmp_path / name, base=BASE)
    assert isomorphic(first, second)
    assert stratml(second) == written


# The bundled plan -------------------------------------------------------------------------------------


def test_the_bundled_plan_exports_valid_and_reads_back_to_the_same_bytes(
    bundled: GoalDataset, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    written = stratml(bundled, plan=STRATEGY)
    assert_valid(schema, written)
    assert written == stratml(bundled, plan="anklagemyndigheden/2019/virksomhedsstrategi")  # the same bytes
    assert b'<?goalgraph lang="da"?>' in written
    path = tmp_path / "plan.xml"
    path.write_bytes(written)
    imported = read_stratml(path, base=BASE)
    assert stratml(imported) == written
    texts = {str(t) for t in imported.objects(None, GG.text)}
    assert "Kvalitet i sagsbehandlingen" in texts
    assert {t.language for t in imported.objects(None, GG.text)} == {"da"}
    # Markers and the focus points that support none of them are goals; the other focus points objectives.
    found = counts(imported)
    assert (found["Goal"], found["Objective"], found["Value"], found["Mission"]) == (6, 2, 2, 1)
    quality = next(imported.subjects(DCTERMS.identifier, Literal("SM3")))
    (objective,) = imported.subjects(GG.supports, quality)
    assert imported.value(objective, DCTERMS.identifier) == Literal("FP3")


def test_the_export_is_registered_and_written_through_the_export_api(bundled: GoalDataset) -> None:
    assert export(bundled, "stratml", plan=STRATEGY) == stratml(bundled, plan=STRATEGY)


@pytest.mark.parametrize(
    "plan", ["Anklagemyndighedens mål- og resultatplan 2019", "Politiets mål- og resultatplan 2019"]
)
def test_every_bundled_plan_exports_valid_and_reads_back_to_the_same_bytes(
    bundled: GoalDataset, schema: etree.XMLSchema, tmp_path: Path, plan: str
) -> None:
    assert plan in {str(t) for t in bundled.objects(None, DCTERMS.title)}, f"the bundled data has no plan {plan!r}"
    written = stratml(bundled, plan=plan)
    assert_valid(schema, written)
    (tmp_path / "plan.xml").write_bytes(written)
    assert stratml(read_stratml(tmp_path / "plan.xml", base=BASE)) == written


# What the import maps -------------------------------------------------------------------------------------


def test_the_small_plan_maps_names_texts_and_identifiers(harbour: Graph) -> None:
    goal = URIRef(f"{HARBOUR}/goal/1")
    assert harbour.value(goal, GG.text) == Literal("Keep the harbour water clean.", lang="en-gb")
    assert harbour.value(goal, SKOS.prefLabel) == Literal("Clean water", lang="en-gb")
    assert harbour.value(goal, DCTERMS.identifier) == Literal("1")
    assert harbour.value(goal, SKOS.note) == Literal("Agreed with the city.", lang="en-gb")
    # A goal without a description takes its name as its text.
    assert harbour.value(URIRef(f"{HARBOUR}/goal/2"), GG.text) == Literal("Open berths", lang="en-gb")
    assert (HARBOUR, RDF.type, GG.TargetPlan) in harbour
    assert harbour.value(HARBOUR, DCTERMS.issued) == Literal("2025-02-01", datatype=XSD.date)
    # The blank templates (a stakeholder, a value, an actual result) are left out; the submitter too.
    assert counts(harbour)["Value"] == 1
    assert counts(harbour)["Stakeholder"] == 1
    assert "ann@example.org" not in harbour.serialize(format="nt")


def test_the_small_plan_maps_indicator_results_and_relationships(harbour: Graph) -> None:
    indicator = URIRef(f"{HARBOUR}/indicator/1.1.1")
    assert harbour.value(indicator, GG.measures) == URIRef(f"{HARBOUR}/objective/1.1")
    assert harbour.value(indicator, GG.unit) == Literal("Number")
    target, actual = URIRef(f"{indicator}/target/1"), URIRef(f"{indicator}/actual/1")
    assert set(harbour.objects(indicator, GG.result)) == {target, actual}
    assert harbour.value(target, RDF.value) == Literal("12.5", datatype=XSD.decimal)
    assert harbour.value(actual, GG.descriptorValue) == Literal("Met", lang="en-gb")
    assert harbour.value(actual, GG.resultEnd) == Literal("2024-12-31", datatype=XSD.date)
    # The relationship to a goal of the same document is an alignment; the one to another document a referent.
    assert set(harbour.objects(indicator, GG.supports)) == {URIRef(f"{HARBOUR}/goal/2")}
    assert set(harbour.objects(None, GG.referent)) == {Literal("_in-another-document")}
    alignment = URIRef(f"{HARBOUR}/alignment/indicator-1.1.1--goal-2")
    assert harbour.value(alignment, GG.kind) == GG.stated
    assert harbour.value(alignment, GG.evidence) == Literal("Fewer spills keep the berths open.", lang="en-gb")


SYNTHETIC = URIRef(BASE + "stratml/synthetic-river-board/synthetic-river-board-report-2024")


@pytest.fixture(scope="module")
def river() -> Graph:
    """A synthetic report with every attribute, relationship type and result field."""
    return read_stratml(FIXTURES / "results-and-relationships.xml", base=BASE)


def test_indicator_attributes_map_to_value_chain_stages_and_types(river: Graph) -> None:
    stages = {
        str(river.value(i, GG.text)): river.value(i, GG.valueChainStage) for i in river.subjects(RDF.type, GG.Indicator)
    }
    assert stages == {
        "Inspections held": GG.inputProcessing,
        "Water quality": GG.outcome,
        "Staff": GG.input,
        "Permits decided": GG.output,
        "Permit data published": GG.outputProcessing,
    }
    assert river.value(URIRef(f"{SYNTHETIC}/indicator/1.1.1"), GG.indicatorType) == GG.quantitative
    assert river.value(URIRef(f"{SYNTHETIC}/indicator/1.1.2"), GG.indicatorType) == GG.qualitative
    assert river.value(URIRef(f"{SYNTHETIC}/indicator/1.1.3"), GG.indicatorType) is None


def test_a_typed_relationship_is_a_relationship_node_and_its_plain_triple(river: Graph) -> None:
    indicator, goal = URIRef(f"{SYNTHETIC}/indicator/1.1.1"), URIRef(f"{SYNTHETIC}/goal/2")
    node = URIRef(f"{SYNTHETIC}/relationship/indicator-1.1.1--narrower-than--goal-2")
    assert (node, RDF.type, GG.Relationship) in river
    assert (river.value(node, GG["from"]), river.value(node, GG.to)) == (indicator, goal)
    assert river.value(node, GG.relationType) == GG.narrowerThan
    assert (indicator, GG.narrowerThan, goal) in river
    assert river.value(node, GG.exchangeIdentifier) == Literal("_synthetic-relationship-1")
    assert river.value(node, SKOS.prefLabel) == Literal("Part of the wider goal", lang="en")
    assert river.value(node, GG.evidence) == Literal("Inspections are one part of open water.", lang="en")
    assert river.value(node, DCTERMS.source) == URIRef("https://synthetic.example.org/river-board/report-2024")
    # The untyped relationship to the same goal is a stated supporting alignment, as before.
    alignment = URIRef(f"{SYNTHETIC}/alignment/indicator-1.1.1--goal-2")
    assert (indicator, GG.supports, goal) in river
    assert river.value(alignment, GG.kind) == GG.stated
    # A typed relationship to the plan itself (its AdministrativeInformation Identifier) points at the plan.
    peer = URIRef(f"{SYNTHETIC}/relationship/indicator-1.1.1--peer-of--plan")
    assert river.value(peer, GG.to) == SYNTHETIC
    assert (indicator, GG.peerOf, SYNTHETIC) in river


def test_a_referent_in_another_document_is_kept_as_its_identifier(river: Graph) -> None:
    indicator = URIRef(f"{SYNTHETIC}/indicator/1.1.1")
    referents = {str(river.value(node, GG.referent)): node for node in river.subjects(GG.referent, None)}
    assert set(referents) == {"Ministry plan 2024, goal 3", "_synthetic-elsewhere"}
    ministry, elsewhere = referents["Ministry plan 2024, goal 3"], referents["_synthetic-elsewhere"]
    assert river.value(ministry, GG.relationType) == GG.broaderThan
    assert river.value(ministry, GG.to) is None
    assert river.value(ministry, GG["from"]) == indicator
    assert river.value(ministry, GG.exchangeIdentifier) == Literal("_synthetic-relationship-2")
    assert str(ministry).startswith(f"{SYNTHETIC}/relationship/indicator-1.1.1--broader-than--referent-ministry-plan")
    # Untyped: no type, no alignment, no plain triple to anything.
    assert river.value(elsewhere, GG.relationType) is None
    assert river.value(elsewhere, GG.exchangeIdentifier) == Literal("_synthetic-relationship-3")
    assert set(river.objects(indicator, GG.broaderThan)) == set()


def test_every_result_keeps_its_figures_and_has_the_documents_source(river: Graph) -> None:
    actual = URIRef(f"{SYNTHETIC}/indicator/1.1.1/actual/1")
    assert river.value(actual, RDF.value) == Literal("37.5", datatype=XSD.decimal)
    assert river.value(actual, GG.resultStart) == Literal("2024-01-01", datatype=XSD.date)
    assert river.value(actual, GG.resultEnd) == Literal("2024-12-31", datatype=XSD.date)
    assert river.value(actual, GG.descriptorName) == Literal("Status", lang="en")
    assert river.value(actual, GG.descriptorValue) == Literal("Partly met", lang="en")
    assert river.value(actual, DCTERMS.description) == Literal("Thirty-seven and a half, one shared.", lang="en")
    results = set(river.subjects(RDF.type, GG.TargetResult)) | set(river.subjects(RDF.type, GG.ActualResult))
    assert len(results) == 3
    source = URIRef("https://synthetic.example.org/river-board/report-2024")
    assert all(river.value(result, DCTERMS.source) == source for result in results)


def test_the_synthetic_report_validates_and_round_trips_exactly(
    river: Graph, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    report = goalgraph.validate(goalgraph.load([FIXTURES / "results-and-relationships.xml"], bundled=False))
    assert report.conforms, [str(p) for p in report.problems]
    assert not report.problems
    written = stratml(river)
    assert_valid(schema, written)
    for expected in (
        b'<PerformanceIndicator ValueChainStage="Input_Processing" PerformanceIndicatorType="Quantitative">',
        b'<Relationship RelationshipType="Narrower_Than">',
        b"<ReferentIdentifier>Ministry plan 2024, goal 3</ReferentIdentifier>",
        b"<NumberOfUnits>37.5</NumberOfUnits>",
    ):
        assert expected in written
    (tmp_path / "again.xml").write_bytes(written)
    again = read_stratml(tmp_path / "again.xml", base=BASE)
    assert isomorphic(river, again)
    assert stratml(again) == written


def test_hindering_alignments_and_what_stratml_has_no_place_for_are_left_out(river: Graph) -> None:
    graph = Graph()
    for triple in river:
        graph.add(triple)
    indicator, goal = URIRef(f"{SYNTHETIC}/indicator/1.1.2"), URIRef(f"{SYNTHETIC}/goal/2")
    hindering = URIRef("https://synthetic.example.org/alignment/hinders")
    graph.add((indicator, GG.hinders, goal))
    for predicate, value in ((RDF.type, GG.Alignment), (GG["from"], indicator), (GG.to, goal)):
        graph.add((hindering, predicate, value))
    graph.add((hindering, GG.polarity, GG.hindering))
    graph.add((hindering, GG.kind, GG.stated))
    graph.add((URIRef(f"{SYNTHETIC}/objective/1.1"), GG.targetWeight, Literal("2", datatype=XSD.decimal)))
    graph.add((URIRef(f"{indicator}/actual/1"), GG.verdict, GG.met))
    assert stratml(graph) == stratml(river)


def test_the_small_plan_maps_stakeholders_and_roles(harbour: Graph) -> None:
    organisation = URIRef(BASE + "stratml/harbour-authority")
    assert harbour.value(organisation, SKOS.altLabel) == Literal("HA", lang="en-gb")
    (stakeholder,) = harbour.objects(organisation, GG.stakeholder)
    assert (stakeholder, RDF.type, FOAF.Person) in harbour
    (role,) = harbour.objects(stakeholder, GG.role)
    assert harbour.value(role, SKOS.prefLabel) == Literal("Owner of the plan", lang="en-gb")
    assert str(harbour.value(role, DCTERMS.type)).endswith("#Performer")


def test_the_small_plan_round_trips_and_its_export_validates(
    harbour: Graph, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    written = stratml(harbour)
    assert_valid(schema, written)
    assert b"<Identifier>_goal-2</Identifier>" in written  # identifiers from the source are kept
    assert b"<ReferentIdentifier>_goal-2</ReferentIdentifier>" in written
    (tmp_path / "again.xml").write_bytes(written)
    assert isomorphic(harbour, read_stratml(tmp_path / "again.xml", base=BASE))


def test_a_prefixed_part1_document_and_one_without_namespace_read_alike(tmp_path: Path) -> None:
    prefixed = read_stratml(FIXTURES / "part1-prefixed.xml", base=BASE)
    found = counts(prefixed)
    assert (found["Strategy"], found["Goal"], found["Objective"]) == (1, 1, 2)
    plain = (
        (FIXTURES / "part1-prefixed.xml")
        .read_text()
        .replace("sp:", "")
        .replace(' xmlns="urn:ISO:std:iso:17469:tech:xsd:stratml_core"', "")
    )
    plain = plain.replace('xmlns:sp="urn:ISO:std:iso:17469:tech:xsd:stratml_core"', "")
    (tmp_path / "plain.xml").write_text(plain)
    graph = read_stratml(tmp_path / "plain.xml", base=BASE)
    # The same graph but for the source, which is each file itself.
    prefixed.remove((None, DCTERMS.source, None))
    sources = set(graph.objects(None, DCTERMS.source))
    graph.remove((None, DCTERMS.source, None))
    assert isomorphic(prefixed, graph)
    assert sources == {URIRef((tmp_path / "plain.xml").resolve().as_uri())}


def test_a_language_comes_from_xml_lang_or_the_instruction(tmp_path: Path) -> None:
    text = (FIXTURES / "part1-prefixed.xml").read_text()
    (tmp_path / "da.xml").write_text(text.replace("<sp:StrategicPlan", '<?goalgraph lang="da"?>\n<sp:StrategicPlan', 1))
    assert {t.language for t in read_stratml(tmp_path / "da.xml", base=BASE).objects(None, GG.text)} == {"da"}
    assert {t.language for t in read_stratml(FIXTURES / "part1-prefixed.xml", base=BASE).objects(None, GG.text)} == {
        "en"
    }


# Bad input ------------------------------------------------------------------------------------------------

BAD = {
    "not-well-formed.xml": (5, "not well-formed XML: mismatched tag (column 27)"),
    "wrong-root.xml": (2, "not a StratML document: the root element is <model> in namespace"),
    "no-name.xml": (2, "the plan has no <Name>: StratML requires one"),
    "no-organization.xml": (4, "the plan names no <Organization> with a <Name>"),
    "bad-date.xml": (9, "<StartDate> '2024-13-01' is not a date (StratML writes YYYY-MM-DD)"),
    "bad-number.xml": (10, "<NumberOfUnits> 'many' is not a number"),
    "bad-stage.xml": (9, "ValueChainStage='Impact' is not one of StratML's values (Input, Input_Processing, Output"),
    "billion-laughs.xml": (2, "refused: the file has a document type declaration (DTD)"),
    "external-entity.xml": (2, "refused: the file has a document type declaration (DTD)"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_one_message_with_its_line(name: str) -> None:
    line, message = BAD[name]
    with pytest.raises(DataError) as caught:
        read_stratml(FIXTURES / "bad" / name, base=BASE)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{caught.value.path}:{line}: ")


def test_the_attacks_are_refused_before_any_entity_is_expanded_or_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fetching(*args: object, **kwargs: object) -> None:
        raise AssertionError("something tried to open a URL")

    monkeypatch.setattr("urllib.request.urlopen", no_fetching)
    for name in ("billion-laughs.xml", "external-entity.xml"):
        with pytest.raises(DataError, match="refused"):
            import_file(FIXTURES / "bad" / name, "stratml", base=BASE)


# Choosing the plan ----------------------------------------------------------------------------------------


def test_several_plans_need_a_choice_and_the_error_lists_them() -> None:
    both = goalgraph.load([FIXTURES / "small-plan.xml"])
    with pytest.raises(GoalgraphError, match=r"holds \d+ plans; choose one with --plan") as caught:
        stratml(both)
    assert "Harbour Authority Performance Report 2024" in str(caught.value)
    assert "virksomhedsstrategi" in str(caught.value)
    assert find_plan(both, "harbour authority performance") == HARBOUR
    assert find_plan(both, f"<{HARBOUR}>") == HARBOUR
    with pytest.raises(GoalgraphError, match="no plan matches 'nothing like it'; the plans are"):
        find_plan(both, "nothing like it")


def test_a_plan_without_goals_cannot_be_written() -> None:
    graph = Graph()
    plan, holder = URIRef(BASE + "p"), URIRef(BASE + "o")
    graph.add((plan, RDF.type, GG.Strategy))
    graph.add((plan, GG.holder, holder))
    with pytest.raises(GoalgraphError, match="needs at least one Goal"):
        stratml(graph)


# Progress -------------------------------------------------------------------------------------------------


def test_progress_shows_only_when_asked_or_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    read_stratml(FIXTURES / "small-plan.xml", base=BASE)
    assert capsys.readouterr().err == ""
    read_stratml(FIXTURES / "small-plan.xml", base=BASE, progress=True)
    assert "importing" in capsys.readouterr().err


# The command line -----------------------------------------------------------------------------------------


def test_cli_import_validate_and_export(tmp_path: Path) -> None:
    runner = CliRunner()
    source = FIXTURES / "small-plan.xml"
    out = tmp_path / "out.ttl"
    result = runner.invoke(main, ["import", "stratml", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (URIRef(f"{HARBOUR}/goal/1"), RDF.type, GG.Goal) in Graph().parse(out)

    result = runner.invoke(main, ["validate", "--data", str(source), "--no-bundled"])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output

    written = tmp_path / "x.xml"
    args = ["export", "--format", "stratml", "--plan", "Harbour Authority", "--data", str(source), "-o", str(written)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert isomorphic(read_stratml(written, base=BASE), read_stratml(source, base=BASE))


def test_cli_a_bad_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    bad = FIXTURES / "bad" / "bad-date.xml"
    result = CliRunner().invoke(main, ["import", "stratml", str(bad), "-o", str(tmp_path / "out.ttl")])
    assert result.exit_code == 1
    assert "bad-date.xml:9: <StartDate> '2024-13-01' is not a date" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.ttl").exists()
    result = CliRunner().invoke(main, ["validate", "--data", str(FIXTURES / "bad" / "billion-laughs.xml")])
    assert result.exit_code != 0
    assert "refused" in result.output
    assert "Traceback" not in result.output
