"""Results, indicator facts, typed relationships and hindering links in the authoring formats.

The fixtures are synthetic (tests/fixtures/authoring/good/results-plan.yaml and the
danish-*.csv and results-only.csv tables): invented plans and figures under
https://example.org/synthetic/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV

import goalgraph
from goalgraph.errors import DataError
from goalgraph.importers.authoring import read_csv, read_yaml, results_path, to_yaml
from goalgraph.namespaces import GG

from ..test_cli import goalgraph as run
from .conftest import BAD, BASE, GOOD, same_graph

SYN = "https://example.org/synthetic/id/"
I1 = URIRef(SYN + "indikator/sagsbehandlingstid")
I2 = URIRef(SYN + "indikator/andel-tilfredse")
I3 = URIRef(SYN + "indikator/kontrolkvalitet")
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")

RESULTS = """
PREFIX gg: <https://w3id.org/goalgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?result ?type ?start ?end ?value ?verdict ?source WHERE {
    <INDICATOR> gg:result ?result .
    ?result a ?type ; gg:resultStart ?start ; gg:resultEnd ?end ; dcterms:source ?source .
    OPTIONAL { ?result rdf:value ?value }
    OPTIONAL { ?result gg:verdict ?verdict }
}
ORDER BY ?result
"""


@pytest.fixture(scope="module")
def plan() -> Graph:
    return read_yaml(GOOD / "results-plan.yaml", base=BASE)


def results_of(graph: Graph, indicator: URIRef) -> dict[str, tuple[object, ...]]:
    """The results of `indicator`, by IRI relative to it: (type, start, end, value, verdict, source)."""
    rows = graph.query(RESULTS.replace("INDICATOR", str(indicator)))
    return {
        str(row.result).removeprefix(f"{indicator}/result/"): (
            row.type,
            str(row.start),
            str(row.end),
            row.value,
            row.verdict,
            str(row.source),
        )
        for row in rows
    }


def test_results_become_target_and_actual_results(plan: Graph) -> None:
    found = results_of(plan, I1)
    assert sorted(found) == ["2022/actual", "2022/target", "2023/actual", "2023/target", "2024/actual", "2024/target"]
    report_2022 = "https://example.org/synthetic/aarsrapport-2022"
    assert found["2022/target"] == (
        GG.TargetResult, "2022-01-01", "2022-12-31", Literal("35", datatype=DECIMAL), None, report_2022,
    )  # fmt: skip
    # "38,5" is Danish for 38.5; "delvist opfyldt" is the holder's verdict, partly met.
    assert found["2022/actual"] == (
        GG.ActualResult, "2022-01-01", "2022-12-31", Literal("38.5", datatype=DECIMAL), GG.partlyMet, report_2022,
    )  # fmt: skip
    assert found["2023/actual"][4] == GG.met
    assert found["2024/actual"][3:5] == (Literal("33.25", datatype=DECIMAL), GG.notMet)


def test_a_period_of_days_and_rows_that_split_target_and_actual(plan: Graph) -> None:
    found = results_of(plan, I2)
    interval = "2023-07-01--2024-06-30"
    assert found[f"{interval}/target"][1:4] == ("2023-07-01", "2024-06-30", Literal("78", datatype=DECIMAL))
    assert found[f"{interval}/target"][5].endswith("maal-og-resultatplan-2022-2025")
    assert found[f"{interval}/actual"][4:] == (GG.partlyMet, "https://example.org/synthetic/aarsrapport-2024")
    # 75% and "76,2 %": the sign is dropped, the number kept.
    assert found["2022/target"][3] == Literal("75", datatype=DECIMAL)
    assert found["2022/actual"][3] == Literal("76.2", datatype=DECIMAL)
    # The first row that names a unit gives it to the indicator.
    assert str(plan.value(I2, GG.unit)) == "procent"


def test_text_values_and_notes(plan: Graph) -> None:
    actual = URIRef(f"{I3}/result/2023/actual")
    assert (actual, RDF.value, None) not in plan
    descriptions = set(plan.objects(actual, URIRef("http://purl.org/dc/terms/description")))
    assert Literal("Most inspections followed the guidance", lang="en") in descriptions
    assert len(descriptions) == 2
    note = URIRef("http://www.w3.org/2004/02/skos/core#note")
    assert plan.value(URIRef(f"{I1}/result/2024/actual"), note) == Literal(
        "Synthetic: a year with many new cases.", lang="en"
    )
    assert plan.value(URIRef(f"{I1}/result/2024/target"), note) is not None  # a row's note is on both results


def test_indicator_facts_weights_and_stages(plan: Graph) -> None:
    assert str(plan.value(I1, GG.unit)) == "dage"
    assert plan.value(I1, GG.direction) == GG.lowerIsBetter
    assert plan.value(I1, GG.baseline) == Literal("42", datatype=DECIMAL)
    assert plan.value(I1, GG.threshold) == Literal("40", datatype=DECIMAL)
    assert plan.value(I1, GG.indicatorType) == GG.quantitative
    assert plan.value(I2, GG.baseline) == Literal("71.5", datatype=DECIMAL)  # written "71,5"
    assert plan.value(I3, GG.indicatorType) == GG.qualitative
    target = URIRef(SYN + "resultatmaal/tilfredse-brugere")
    assert plan.value(target, GG.targetWeight) == Literal("35.5", datatype=DECIMAL)
    assert plan.value(target, GG.valueChainStage) == GG.outcome
    weights = plan.query(
        "PREFIX gg: <https://w3id.org/goalgraph/ontology#> SELECT (SUM(?w) AS ?total) WHERE { ?t gg:targetWeight ?w }"
    )
    assert float(next(iter(weights))[0]) == 100.0


def test_typed_relationships_are_plain_triples(plan: Graph) -> None:
    new, old = URIRef(SYN + "styrelsen/2022/target-plan"), URIRef(SYN + "styrelsen/2018/target-plan")
    assert (new, PROV.wasRevisionOf, old) in plan
    assert (new, GG.peerOf, old) in plan
    goal = URIRef(SYN + "maal/hurtigere-svar")
    t1, t2, t3 = (URIRef(SYN + f"resultatmaal/{n}") for n in ("kortere-sagsbehandlingstid", "tilfredse-brugere",
                                                               "flere-kontrolbesoeg"))  # fmt: skip
    assert {(goal, GG.broaderThan, t1), (goal, GG.broaderThan, t2), (t3, GG.narrowerThan, goal)} <= set(plan)
    assert (t2, GG.peerOf, t1) in plan


def test_a_hindering_alignment_hinders_and_does_not_support(plan: Graph) -> None:
    t3, t1 = URIRef(SYN + "resultatmaal/flere-kontrolbesoeg"), URIRef(SYN + "resultatmaal/kortere-sagsbehandlingstid")
    alignment = URIRef(SYN + "alignment/syn-t3--syn-t1")
    assert plan.value(alignment, GG.polarity) == GG.hindering
    assert plan.value(alignment, GG.strength) == GG.moderate
    assert (t3, GG.hinders, t1) in plan
    assert (t3, GG.supports, t1) not in plan
    supporting = URIRef(SYN + "alignment/syn-t1--syn-g1")
    assert plan.value(supporting, GG.polarity) == GG.supporting
    assert (t1, GG.supports, URIRef(SYN + "maal/hurtigere-svar")) in plan


def test_the_plan_validates_with_no_problems() -> None:
    report = goalgraph.validate(goalgraph.load([GOOD / "results-plan.yaml"]))
    assert report.conforms, [str(p) for p in report.problems]
    assert not report.problems


def test_read_write_read_gives_the_same_graph(plan: Graph, tmp_path: Path) -> None:
    written = to_yaml(plan, base=BASE)
    assert "Left out" not in written
    assert "  period: 2023-07-01/2024-06-30\n" in written
    again = tmp_path / "again.yaml"
    again.write_text(written, encoding="utf-8")
    assert same_graph(read_yaml(again, base=BASE), plan)


def test_results_whose_iris_reading_would_not_give_are_left_out(plan: Graph) -> None:
    copy = Graph()
    for triple in plan:
        copy.add(triple)
    other = URIRef("https://example.org/synthetic/elsewhere/result")
    copy.add((I1, GG.result, other))
    copy.add((other, RDF.type, GG.TargetResult))
    assert "# Left out, as the format has no place for them: 2 triples" in to_yaml(copy, base=BASE)


# ------------------------------------------------------------------- CSV


def test_danish_semicolon_tables_with_comma_decimals(tmp_path: Path) -> None:
    graph = read_csv(GOOD / "danish-statements.csv", base=BASE)
    indicator = URIRef(SYN + "indikator/andel-digital-post")
    target = URIRef(SYN + "resultatmaal/digital-post")
    assert graph.value(indicator, GG.baseline) == Literal("62.5", datatype=DECIMAL)
    assert graph.value(target, GG.targetWeight) == Literal("12.5", datatype=DECIMAL)
    assert (target, GG.narrowerThan, URIRef(SYN + "maal/hurtigere-svar")) in graph
    # The alignments table beside it: a hindering link.
    assert (target, GG.hinders, URIRef(SYN + "resultatmaal/flere-kontrolbesoeg")) in graph
    # The results table beside it: "64,8 %", "Delvist opfyldt".
    found = results_of(graph, indicator)
    assert found["2022/actual"][3:5] == (Literal("64.8", datatype=DECIMAL), GG.partlyMet)
    assert found["2023/actual"][3:5] == (Literal("71.25", datatype=DECIMAL), GG.met)
    # The same in YAML, through the writer.
    again = tmp_path / "again.yaml"
    again.write_text(to_yaml(graph, base=BASE), encoding="utf-8")
    assert same_graph(read_yaml(again, base=BASE), graph)


@pytest.mark.parametrize(
    ("statements", "results"),
    [("statements.csv", "results.csv"), ("kf-statements.csv", "kf-results.csv"), ("kf.csv", "kf-results.csv")],
)
def test_where_the_results_table_is(statements: str, results: str) -> None:
    assert results_path(Path(statements)) == Path(results)


def test_a_results_table_loads_on_its_own_beside_the_plan() -> None:
    # Given first, it still loads after the plan whose indicators it names.
    dataset = goalgraph.load([GOOD / "results-only.csv", GOOD / "results-plan.yaml"])
    assert [s.path.name for s in dataset.sources[-2:]] == ["results-plan.yaml", "results-only.csv"]
    found = results_of(dataset, I1)
    assert found["2025/target"][3] == Literal("28", datatype=DECIMAL)  # SYN-I1, named by its identifier
    assert "2025/actual" not in found
    actual = URIRef(f"{I3}/result/2024/actual")
    assert dataset.value(actual, GG.verdict) == GG.met
    report = goalgraph.validate(dataset)
    assert report.conforms, [str(p) for p in report.problems]


def test_the_command_validates_a_results_table_beside_its_plan() -> None:
    result = run("validate", "--data", GOOD / "results-only.csv", "--data", GOOD / "results-plan.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_results_table_on_its_own_needs_its_indicators_loaded() -> None:
    with pytest.raises(DataError) as raised:
        goalgraph.load([BAD / "unknown-indicator-results.csv", GOOD / "results-plan.yaml"])
    error = raised.value
    assert (error.path.endswith("unknown-indicator-results.csv"), error.line) == (True, 2)
    assert error.message == (
        "column indicator: 'https://example.org/synthetic/id/indikator/x' is not an indicator "
        "of the files loaded with this results table"
    )
    bad = run("validate", "--data", BAD / "unknown-indicator-results.csv")
    assert bad.returncode == 1
    assert "unknown-indicator-results.csv:2: column indicator:" in bad.stdout + bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_results_table_on_its_own_checks_the_plan_period_and_unit(tmp_path: Path) -> None:
    table = tmp_path / "results.csv"
    header = "indicator;period;target;unit;source\n"
    table.write_text(header + "SYN-I1;2026;20;dage;https://example.org/synthetic/x\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        goalgraph.load([GOOD / "results-plan.yaml", table])
    assert raised.value.line == 2
    assert raised.value.message == (
        "column period: 2026-01-01 to 2026-12-31 is not within the period of the indicator's plan "
        "(2022-01-01 to 2025-12-31)"
    )
    table.write_text(header + "SYN-I1;2025;20;timer;https://example.org/synthetic/x\n", encoding="utf-8")
    with pytest.raises(DataError, match="column unit: 'timer' is not the indicator's unit, 'dage'"):
        goalgraph.load([GOOD / "results-plan.yaml", table])


# ------------------------------------------------------------------- the rules, one by one


def write(tmp_path: Path, results: str, indicator: str = "    unit: dage\n") -> Path:
    """A small synthetic YAML plan with one indicator (`indicator`: its extra keys) and `results`."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        "# SYNTHETIC\n"
        "statements:\n"
        "  - identifier: I\n"
        "    type: Indicator\n"
        "    holder: https://example.org/synthetic/id/styrelsen\n"
        "    source: https://example.org/synthetic/plan\n"
        "    text: {da: Ventetid}\n" + indicator + "results:\n" + results,
        encoding="utf-8",
    )
    return path


ROW = "  - {indicator: I, period: 2023, source: https://example.org/synthetic/r, "


@pytest.mark.parametrize(
    ("indicator", "value", "accepted"),
    [
        ("    unit: dage\n", "target: {da: mange}", False),  # a unit: numbers only
        ("    indicator_type: quantitative\n", "target: {da: mange}", False),
        ("    indicator_type: qualitative\n    unit: karakter\n", "target: {da: godt}", True),
        ("", "target: {da: godt}", True),  # neither type nor unit: either
        ("", "target: 12", True),
        ("    indicator_type: qualitative\n", "target: 3", True),
    ],
)
def test_numbers_or_texts(tmp_path: Path, indicator: str, value: str, accepted: bool) -> None:
    path = write(tmp_path, ROW + value + "}\n", indicator)
    if accepted:
        assert len(read_yaml(path, base=BASE)) > 0
    else:
        with pytest.raises(DataError, match=r"key results\[0\]\.target: expected a number, as the indicator"):
            read_yaml(path, base=BASE)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("target: mange", "key results[0].target: expected a number such as 12.5, 12,5 or 85%, got 'mange' "
                          "(the indicator has the unit 'dage')"),
        ("target: 1.2.3", "got '1.2.3'"),
        ("period: 2019", None),
    ],
)  # fmt: skip
def test_a_figure_that_is_no_number(tmp_path: Path, value: str, message: str | None) -> None:
    path = write(tmp_path, ROW + value + "}\n")
    with pytest.raises(DataError) as raised:
        read_yaml(path, base=BASE)
    if message is None:  # the period given twice: YAML's own message
        assert "the key is given twice" in raised.value.message
    else:
        assert message in raised.value.message
    assert raised.value.line == 10


def test_a_verdict_alone_is_an_actual_result(tmp_path: Path) -> None:
    graph = read_yaml(write(tmp_path, ROW + "verdict: Ikke  opfyldt}\n"), base=BASE)
    (actual,) = graph.subjects(GG.verdict, GG.notMet)
    assert (actual, RDF.type, GG.ActualResult) in graph
    assert (actual, RDF.value, None) not in graph


def test_a_row_without_a_figure_or_verdict(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"results\[0\]: a result needs a target, an actual or a verdict"):
        read_yaml(write(tmp_path, ROW + "unit: dage}\n"), base=BASE)


def test_a_date_that_does_not_exist_is_a_bad_period(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="got '2023-02-30/2023-12-31'"):
        read_yaml(write(tmp_path, ROW.replace("2023", "2023-02-30/2023-12-31") + "target: 1}\n"), base=BASE)
    with pytest.raises(DataError, match=r"the period ends \(2023-01-01\) before it starts \(2023-12-31\)"):
        read_yaml(write(tmp_path, ROW.replace("2023", "2023-12-31/2023-01-01") + "target: 1}\n"), base=BASE)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("weight", "0", "key statements[0].weight: a weight is a number above 0, got 0"),
        ("weight", "mange", "key statements[0].weight: expected a number such as 12.5, 12,5 or 85%, got 'mange'"),
        ("direction", "up", "key statements[0].direction: 'up' is not a direction; expected one of higher, lower"),
        ("stage", "impact", "'impact' is not a value-chain stage; expected one of input, input_processing, output"),
        ("peer_of", "I", "key statements[0].peer_of: a statement cannot be peer_of itself"),
    ],
)
def test_indicator_keys_are_checked(tmp_path: Path, key: str, value: str, message: str) -> None:
    with pytest.raises(DataError) as raised:
        read_yaml(write(tmp_path, "  []\n", f"    {key}: {value}\n"), base=BASE)
    assert message in raised.value.message
    assert raised.value.line == 8


def test_a_bad_polarity_and_a_suggested_hindering_link(tmp_path: Path) -> None:
    path = tmp_path / "links.yaml"
    text = (
        "# SYNTHETIC\ncurator: agent/goalgraph\nalignments:\n"
        "  - {from: politiet/goal/x, to: politiet/goal/y, kind: suggested, polarity: POLARITY}\n"
    )
    path.write_text(text.replace("POLARITY", "against"), encoding="utf-8")
    with pytest.raises(DataError, match=r"'against' is not a polarity; expected one of supports, hinders"):
        read_yaml(path, base=BASE)
    path.write_text(text.replace("POLARITY", "hinders"), encoding="utf-8")
    graph = read_yaml(path, base=BASE)
    assert (None, GG.polarity, GG.hindering) in graph
    assert (None, GG.hinders, None) not in graph  # a suggestion is not accepted: no plain triple


def test_a_csv_figure_given_as_number_and_text(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text(
        "type;holder;source;text_da\nIndicator;politiet;https://example.org/synthetic/p;Ventetid\n", encoding="utf-8"
    )
    (tmp_path / "s-results.csv").write_text(
        "indicator;period;target;target_da;source\n"
        "politiet/indicator/ventetid;2023;12;tolv;https://example.org/synthetic/r\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as raised:
        read_csv(tmp_path / "s.csv", base=BASE)
    assert str(raised.value).endswith(
        "s-results.csv:2: column target_da: give target as a number or as texts, not both"
    )


def test_a_unit_in_a_later_row_counts_for_the_earlier_rows_too(tmp_path: Path) -> None:
    rows = ROW + "target: {da: mange}}\n" + ROW.replace("2023", "2024") + "target: 3, unit: dage}\n"
    with pytest.raises(DataError) as raised:
        read_yaml(write(tmp_path, rows, ""), base=BASE)
    assert raised.value.line == 9
    assert "key results[0].target: expected a number, as the indicator has the unit 'dage'" in raised.value.message
    graph = read_yaml(write(tmp_path, rows.replace("{da: mange}", "4"), ""), base=BASE)
    assert [str(u) for u in graph.objects(None, GG.unit)] == ["dage"]
