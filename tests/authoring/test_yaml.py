"""The YAML authoring format: what it turns into, its messages, and its round trips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

import goalgraph
from goalgraph.errors import DataError
from goalgraph.importers.authoring import read_yaml, to_yaml
from goalgraph.namespaces import GG

from ..conftest import REPOSITORY
from ..test_cli import goalgraph as run
from .conftest import BAD, BASE, GOOD, same_graph, triples

ID = BASE
DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


@pytest.fixture(scope="module")
def full() -> goalgraph.loading.GoalDataset:
    return read_yaml(GOOD / "full.yaml", base=BASE)


def test_statements_follow_the_bundled_conventions(full) -> None:
    goal = URIRef(ID + "test/kriminalforsorgen/2025/goal/faerre-doemte-begaar-ny-kriminalitet")
    assert (goal, RDF.type, GG.Goal) in full
    assert (goal, DCTERMS.identifier, Literal("KF-G1")) in full
    assert (goal, GG.text, Literal("Færre dømte begår ny kriminalitet", lang="da")) in full
    assert (goal, GG.translation, Literal("Fewer convicted people commit new crime", lang="en")) in full
    # Holder and source come from the plan, which is in the same file.
    plan = full.value(goal, GG.inPlan)
    assert plan == URIRef(ID + "test/kriminalforsorgen/2025/strategy")
    assert full.value(goal, GG.holder) == full.value(plan, GG.holder) == URIRef(ID + "test/kriminalforsorgen")
    assert full.value(goal, DCTERMS.source) == URIRef("https://example.org/kriminalforsorgen/strategi")


def test_plans_have_their_period_and_coordination(full) -> None:
    strategy = URIRef(ID + "test/kriminalforsorgen/2025/strategy")
    target_plan = URIRef(ID + "test/kriminalforsorgen/2025/maal-og-resultatplan")
    assert full.value(strategy, GG.periodStart) == Literal("2025-01-01", datatype=DATE)
    assert full.value(strategy, GG.periodEnd) == Literal("2028-12-31", datatype=DATE)
    assert full.value(target_plan, GG.periodEnd) == Literal("2025-12-31", datatype=DATE)
    assert (target_plan, GG.coordinatedWith, strategy) in full
    assert (target_plan, RDF.type, GG.TargetPlan) in full


def test_notes_are_not_source_text(full) -> None:
    target = URIRef(ID + "test/kriminalforsorgen/2025/target/faerre-undvigelser")
    assert full.value(target, SKOS.note) == Literal("An example of a target with its own id.", lang="en")
    assert {t.language for t in full.objects(target, GG.text)} == {"da", "de"}


def test_curated_and_stated_alignments_get_the_plain_triple_suggested_ones_do_not(full) -> None:
    for alignment in full.subjects(RDF.type, GG.Alignment):
        start, end, kind = (full.value(alignment, p) for p in (GG["from"], GG.to, GG.kind))
        assert ((start, GG.supports, end) in full) == (kind != GG.suggested), alignment
    curated = URIRef(ID + "alignment/kf-g1--kf-m")
    assert full.value(curated, GG.strength) == GG.strong
    assert full.value(curated, PROV.wasAttributedTo) == URIRef(ID + "agent/goalgraph")  # the file's curator
    assert {r.language for r in full.objects(curated, GG.rationale)} == {"en", "da"}
    suggested = URIRef(ID + "alignment/suggested/kf-g1--trygt-og-sikkert-samfund")
    score = full.value(suggested, GG.score)
    assert score.datatype == DECIMAL
    assert float(score) == 0.42
    assert {str(term) for term in full.objects(suggested, GG.matchedTerm)} == {"kriminalitet", "tryg"}


def test_organisations_sources_and_groups(full) -> None:
    kf = URIRef(ID + "test/kriminalforsorgen")
    assert (kf, RDF.type, URIRef("http://data.europa.eu/m8g/PublicOrganisation")) in full
    assert full.value(kf, FOAF.homepage) == URIRef("https://www.kriminalforsorgen.dk/")
    source = URIRef("https://example.org/kriminalforsorgen/strategi")
    assert {(source, RDF.type, FOAF.Document), (source, RDF.type, PROV.Entity)} <= triples(full)
    assert full.value(source, DCTERMS.issued) == Literal("2025-01-15", datatype=DATE)
    group = URIRef(ID + "test/kriminalforsorgen/mission")
    assert (
        group,
        SKOS.member,
        URIRef(ID + "test/kriminalforsorgen/mission/kriminalforsorgen-fuldbyrder-straffe-sikkert-og-trygt"),
    ) in full


def test_relative_iris_follow_the_base() -> None:
    graph = read_yaml(GOOD / "minimal.yaml", base="https://data.example.org/goals/")
    goal = URIRef("https://data.example.org/goals/politiet/goal/faerre-indbrud-i-private-hjem")
    assert full_holder(graph, goal) == URIRef("https://data.example.org/goals/politiet")


def full_holder(graph, node):  # type: ignore[no-untyped-def]
    return graph.value(node, GG.holder)


def test_an_empty_file_is_an_empty_graph() -> None:
    assert len(read_yaml(GOOD / "empty.yaml", base=BASE)) == 0


def test_the_fixtures_validate_with_the_bundled_data() -> None:
    report = goalgraph.validate(goalgraph.load([GOOD / "full.yaml", GOOD / "minimal.yaml"]))
    assert report.conforms, [str(p) for p in report.problems]


# One bad input per kind of mistake: the line, and what the message says.
BAD_YAML = {
    "syntax-error.yaml": (4, "not valid YAML: while parsing a flow mapping did not find expected ',' or '}'"),
    "unknown-key.yaml": (4, "key statements[0].txt: not a key of a statement; did you mean 'text'?"),
    "missing-key.yaml": (2, "statements[0]: the required key 'text' is missing from this statement"),
    "bad-statement-type.yaml": (6, "key statements[1].type: 'Goall' is not a statement type; did you mean 'Goal'? "
                                   "expected one of Mission, Vision, Purpose, CoreTask"),
    "bad-kind.yaml": (10, "key alignments[0].kind: 'inferred' is not an alignment kind; "
                          "expected one of stated, curated, suggested"),
    "bad-strength.yaml": (12, "key alignments[0].strength: 'very strong' is not a strength; did you mean 'strong'? "
                              "expected one of strong, moderate, weak"),
    "curated-without-strength.yaml": (9, "alignments[0]: the required key 'strength' is missing from this "
                                         "curated alignment"),
    "dangling-reference.yaml": (10, "key alignments[0].to: 'SM2' is not an identifier in this file (identifiers name "
                                    "things of the same file only); the bundled dataset's SM2 is "
                                    "anklagemyndigheden/2019/marker/aaben-og-borgerrettet-opgaveloesning: write that"),
    "duplicate-id.yaml": (7, "key statements[1].id: the id 'test/goal/indbrud' is already used on line 2"),
    "duplicate-identifier.yaml": (7, "key statements[1].identifier: the identifier 'G1' is given twice "
                                     "(first on line 2)"),
    "duplicate-key.yaml": (5, "key statements[0].type: the key is given twice (first on line 2)"),
    "bad-language-tag.yaml": (4, "key statements[0].text.dansk: 'dansk' is not a language tag such as da, en or en-GB"),
    "bad-date.yaml": (5, "key plans[0].start: expected a date as YYYY-MM-DD, got '2019-13-01'"),
    "period-ends-before-start.yaml": (6, "key plans[0].end: the period ends (2019-12-31) before it starts "
                                         "(2020-01-01)"),
    "not-a-list.yaml": (1, "key statements: expected a list of statements, each entry starting with '- '"),
    "self-link.yaml": (10, "key alignments[0].to: an alignment cannot link a statement to itself"),
    "billion-laughs.yaml": (1, "YAML aliases (*name) are not accepted; write the value out"),
    "python-tag.yaml": (2, "statements[0].type: the tag tag:yaml.org,2002:python/object/apply:os.system "
                           "is not accepted"),
    "unit-on-target.yaml": (8, "key statements[0].unit: only an indicator has a unit, and this statement is a Target"),
    # Results (tests/authoring/test_results.py has more).
    "result-unknown-indicator.yaml": (23, "key results[0].indicator: 'T' is a Target, not an indicator"),
    "result-outside-plan.yaml": (24, "key results[0].period: 2022-07-01 to 2023-06-30 is not within the period of "
                                     "the indicator's plan (2023-01-01 to 2023-12-31)"),
    "result-not-a-number.yaml": (26, "key results[0].actual: expected a number, as the indicator has the unit 'dage'; "
                                     "got a text"),
    "result-twice.yaml": (30, "key results[1].target: a second target for this indicator and period "
                              "(the first is on line 25)"),
    "result-bad-period.yaml": (24, "key results[0].period: expected a year such as 2019 or an interval such as "
                                   "2019-07-01/2020-06-30, got '2023-2024'"),
    "result-bad-verdict.yaml": (26, "key results[0].verdict: 'næsten opfyldt' is not a verdict; "
                                    "did you mean 'ikke opfyldt'? expected one of met, partly-met, not-met, opfyldt, "
                                    "delvist opfyldt, ikke opfyldt"),
    "result-without-source.yaml": (23, "results[0]: the required key 'source' is missing from this result"),
    "result-other-unit.yaml": (25, "key results[0].unit: 'timer' is not the indicator's unit, 'dage'"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_each_mistake_is_one_message_with_its_line(name: str) -> None:
    line, message = BAD_YAML[name]
    with pytest.raises(DataError) as raised:
        read_yaml(BAD / name, base=BASE)
    error = raised.value
    assert error.path.endswith(name)
    assert error.line == line
    assert message in error.message
    assert str(error).startswith(f"{error.path}:{line}: ")


def test_every_bad_yaml_fixture_is_tested() -> None:
    assert {p.name for p in BAD.glob("*.yaml")} == set(BAD_YAML)


def test_a_dangling_reference_that_is_no_bundled_identifier(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_text((BAD / "dangling-reference.yaml").read_text().replace("to: SM2", "to: XX9"), encoding="utf-8")
    with pytest.raises(
        DataError, match=r"'XX9' is not an identifier in this file .*; to name something in another file, use its IRI"
    ):
        read_yaml(file, base=BASE)


def test_the_billion_laughs_is_refused_quickly() -> None:
    import time

    start = time.perf_counter()
    with pytest.raises(DataError):
        read_yaml(BAD / "billion-laughs.yaml", base=BASE)
    assert time.perf_counter() - start < 2


# ------------------------------------------------------------------- round trips


def test_yaml_to_rdf_to_yaml_gives_the_same_graph(full, tmp_path: Path) -> None:
    again = tmp_path / "again.yaml"
    again.write_text(to_yaml(full, base=BASE), encoding="utf-8")
    assert same_graph(read_yaml(again, base=BASE), full)


def test_the_written_yaml_reads_as_written(full) -> None:
    written = to_yaml(full, base=BASE)
    assert written.startswith("# goalgraph authoring format")
    assert "Left out" not in written
    assert "curator: agent/goalgraph" in written
    assert "  from: KF-G1\n  to: KF-M\n" in written  # identifiers, not IRIs, within the file


def test_the_bundled_turtle_round_trips_through_yaml(tmp_path: Path) -> None:
    files = [REPOSITORY / "data" / name for name in ("organisations.ttl", "vores-maal.ttl", "alignments-curated.ttl")]
    turtle = goalgraph.load(files, bundled=False)
    data = {q for q in triples(turtle) if not str(q[0]).startswith("https://w3id.org/goalgraph/ontology")}
    ontology = triples(goalgraph.load([], bundled=False))
    data -= ontology
    written = tmp_path / "vores-maal.yaml"
    written.write_text(to_yaml(turtle), encoding="utf-8")
    again = triples(read_yaml(written, base=BASE))
    related = URIRef(ID + "den-centrale-anklagemyndighed/energieffektiviseringstiltag")
    # Every document in the format is a prov:Entity; the related document was not said to be one.
    assert again - data == {(related, RDF.type, PROV.Entity)}
    assert data - again == set()


def test_the_extension_round_trips(tmp_path: Path) -> None:
    extension = read_yaml(REPOSITORY / "data" / "target-plans-2019.yaml", base=BASE)
    written = tmp_path / "again.yaml"
    written.write_text(to_yaml(extension), encoding="utf-8")
    assert same_graph(read_yaml(written, base=BASE), extension)


def test_what_the_format_cannot_hold_is_counted_in_a_comment() -> None:
    dataset = goalgraph.load()
    written = to_yaml(dataset)
    assert re.search(r"^# Left out, as the format has no place for them: \d+ triples", written, re.M) is None
    extra = goalgraph.load([REPOSITORY / "tests" / "fixtures" / "authoring" / "good" / "full.yaml"])
    goal = URIRef(ID + "test/kriminalforsorgen/2025/goal/faerre-doemte-begaar-ny-kriminalitet")
    extra.add((goal, DCTERMS.subject, Literal("tilbagefald")))
    assert "# Left out, as the format has no place for them: 1 triples: dcterms:subject (1)" in to_yaml(extra)


# ------------------------------------------------------------------- loading, the command, progress


def test_the_loader_reads_yaml_given_as_data_and_in_folders(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "minimal.yml").write_text((GOOD / "minimal.yaml").read_text(), encoding="utf-8")
    dataset = goalgraph.load([tmp_path])
    goal = URIRef(ID + "politiet/goal/faerre-indbrud-i-private-hjem")
    assert (goal, RDF.type, GG.Goal) in dataset
    assert dataset.sources[-1].importer == "yaml"


def test_import_writes_turtle(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = run("import", "yaml", GOOD / "full.yaml", "-o", out)
    assert result.returncode == 0, result.stderr
    reread = goalgraph.load([out], bundled=False)
    assert same_graph(read_yaml(GOOD / "full.yaml", base=BASE), reread.graph(reread.sources[-1].graph))


def test_validate_reads_yaml_directly() -> None:
    good = run("validate", "--data", GOOD / "full.yaml")
    assert good.returncode == 0, good.stderr
    assert good.stderr.startswith("valid: 7 files")


def test_a_bad_file_is_one_message_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = run("import", "yaml", BAD / "bad-kind.yaml", "-o", out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "bad-kind.yaml:10: key alignments[0].kind: 'inferred' is not an alignment kind" in result.stderr
    assert not out.exists()
    validated = run("validate", "--data", BAD / "unknown-key.yaml")
    assert validated.returncode == 1
    assert "unknown-key.yaml:4: key statements[0].txt" in validated.stdout + validated.stderr
    assert "Traceback" not in validated.stderr


def test_progress_only_when_asked_or_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    read_yaml(GOOD / "full.yaml", base=BASE)
    assert capsys.readouterr().err == ""  # pytest's stderr is no terminal
    read_yaml(GOOD / "full.yaml", base=BASE, progress=True)
    assert "parsing tests/fixtures/authoring/good/full.yaml [" in capsys.readouterr().err


def test_the_readme_example_is_valid(tmp_path: Path) -> None:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Adding a strategy: the authoring format", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    dataset = goalgraph.load([path])
    report = goalgraph.validate(dataset)
    assert report.conforms, [str(p) for p in report.problems]
    goal = URIRef(ID + "kriminalforsorgen/2025/goal/faerre-doemte-begaar-ny-kriminalitet")
    assert (goal, GG.supports, URIRef(ID + "justitsministeriets-koncern/mission/trygt-og-sikkert-samfund")) in dataset
