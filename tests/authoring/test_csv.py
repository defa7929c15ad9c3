"""The CSV pair of the authoring format: statements and alignments tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef

import goalgraph
from goalgraph.errors import DataError
from goalgraph.importers.authoring import alignments_path, read_csv, read_yaml
from goalgraph.namespaces import GG

from ..test_cli import goalgraph as run
from .conftest import BAD, BASE, GOOD, same_graph

EQUIVALENT_YAML = """\
statements:
  - identifier: KF-G1
    type: Goal
    holder: politiet
    text: {da: "Færre dømte begår ny kriminalitet"}
    translation: {en: "Fewer convicted people commit new crime"}
    source: https://example.org/kf
  - id: test/kf/target/undvigelser
    identifier: KF-T1
    type: Target
    holder: politiet
    text: {da: "Færre undvigelser, også over flere linjer"}
    translation: {en: "Fewer escapes"}
    note: {en: "A note"}
    source: https://example.org/kf
alignments:
  - from: KF-G1
    to: justitsministeriets-koncern/mission/trygt-og-sikkert-samfund
    kind: curated
    strength: strong
    rationale: {en: "less crime is a safer society"}
    by: agent/goalgraph
  - from: KF-T1
    to: KF-G1
    kind: suggested
    score: 0.5
    matched: [undvig, kriminalitet]
    created: 2025-02-01
"""


def test_the_tables_mean_what_the_same_yaml_means(tmp_path: Path) -> None:
    yaml_file = tmp_path / "same.yaml"
    yaml_file.write_text(EQUIVALENT_YAML, encoding="utf-8")
    assert same_graph(read_csv(GOOD / "statements.csv", base=BASE), read_yaml(yaml_file, base=BASE))


def test_excel_tables_with_a_byte_order_mark_and_semicolons() -> None:
    graph = read_csv(GOOD / "excel-statements.csv", base=BASE)
    value = URIRef(BASE + "politiet/value/aabenhed")
    assert (value, GG.text, Literal("Åbenhed", lang="da")) in graph
    assert (value, GG.supports, URIRef(BASE + "politiet/mission/tryghed-sikkerhed-fred-og-orden")) in graph


def test_the_tables_validate_with_the_bundled_data() -> None:
    report = goalgraph.validate(goalgraph.load([GOOD / "statements.csv", GOOD / "excel-statements.csv"]))
    assert report.conforms, [str(p) for p in report.problems]


@pytest.mark.parametrize(
    ("statements", "alignments"),
    [
        ("statements.csv", "alignments.csv"),
        ("kf-statements.csv", "kf-alignments.csv"),
        ("kf.csv", "kf-alignments.csv"),
        ("plans/2025.csv", "plans/2025-alignments.csv"),
    ],
)
def test_where_the_alignments_table_is(statements: str, alignments: str) -> None:
    assert alignments_path(Path(statements)) == Path(alignments)


def test_a_statements_table_alone_has_no_alignments(tmp_path: Path) -> None:
    alone = tmp_path / "alone.csv"
    alone.write_bytes((GOOD / "statements.csv").read_bytes())
    graph = read_csv(alone, base=BASE)
    assert len(set(graph.subjects(RDF.type, GG.Alignment))) == 0
    assert len(set(graph.subjects(RDF.type, GG.Target))) == 1


BAD_CSV = {
    "wrong-header.csv": ("wrong-header.csv", 1, "wrong CSV header: unknown column 'txt_da'; the columns are id, "
                         "identifier, type, holder, plan, text_<language>, translation_<language>"),
    "missing-column.csv": ("missing-column.csv", 1, "wrong CSV header: the column 'holder' is missing"),
    "bad-type.csv": ("bad-type.csv", 3, "column type: 'Goall' is not a statement type; did you mean 'Goal'?"),
    "bad-kind.csv": ("bad-kind-alignments.csv", 3, "column kind: 'inferred' is not an alignment kind"),
    # The results table beside a statements table, and one given on its own (no indicators loaded with it).
    "bad-number.csv": ("bad-number-results.csv", 3, "column target: expected a number such as 12.5, 12,5 or 85%, "
                                                    "got '12,5,3' (the indicator is quantitative)"),
    "unknown-indicator-results.csv": ("unknown-indicator-results.csv", 2, "column indicator: "
                                      "'https://example.org/synthetic/id/indikator/x' is not an indicator in this file "
                                      "(a results table given on its own finds its indicators in the files loaded "
                                      "with it"),
    "given-alignments.csv": ("given-alignments.csv", 1, "this looks like an alignments table: give the statements "
                             "table, the alignments are read beside it"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(BAD_CSV))
def test_each_mistake_names_the_file_row_and_column(name: str) -> None:
    file, line, message = BAD_CSV[name]
    with pytest.raises(DataError) as raised:
        read_csv(BAD / name, base=BASE)
    assert raised.value.path.endswith(file)
    assert raised.value.line == line
    assert message in raised.value.message


def test_a_row_after_a_cell_of_several_lines_has_its_own_line(tmp_path: Path) -> None:
    table = tmp_path / "statements.csv"
    table.write_text(
        'type,holder,text_da,source\nGoal,politiet,"to\nlinjer",https://example.org/x\nGoall,politiet,x,https://example.org/x\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as raised:
        read_csv(table, base=BASE)
    assert raised.value.line == 4


def test_not_utf8(tmp_path: Path) -> None:
    table = tmp_path / "statements.csv"
    table.write_bytes("type,holder,text_da,source\nGoal,politiet,Færre,https://example.org/x\n".encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8 text; save the table as CSV UTF-8"):
        read_csv(table, base=BASE)


def test_the_command_imports_the_pair(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = run("import", "csv", GOOD / "statements.csv", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "alignment/kf-g1--trygt-og-sikkert-samfund" in out.read_text(encoding="utf-8")
    bad = run("import", "csv", BAD / "bad-type.csv")
    assert bad.returncode == 1
    assert "bad-type.csv:3: column type: 'Goall' is not a statement type" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_results_table_with_a_wrong_header(tmp_path: Path) -> None:
    (tmp_path / "statements.csv").write_bytes((GOOD / "statements.csv").read_bytes())
    (tmp_path / "results.csv").write_text("indicator;period;actuel;source\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_csv(tmp_path / "statements.csv", base=BASE)
    assert str(raised.value).endswith(
        "results.csv:1: wrong CSV header: unknown column 'actuel'; the columns are indicator, period, target, "
        "target_<language>, actual, actual_<language>, unit, source, verdict, note_<language>"
    )


def test_danish_results_beside_danish_statements() -> None:
    graph = read_csv(GOOD / "danish-statements.csv", base=BASE)
    actual = URIRef("https://example.org/synthetic/id/indikator/andel-digital-post/result/2022/actual")
    assert graph.value(actual, RDF.value) == Literal(
        "64.8", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    )
    assert graph.value(actual, GG.verdict) == GG.partlyMet  # "Delvist opfyldt"
