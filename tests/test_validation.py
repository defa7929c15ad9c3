"""Validation: the bundled data passes; each kind of bad data gets one clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import URIRef

import goalgraph
from goalgraph.loading import DEFAULT_BASE
from goalgraph.shacl import ShapesError
from goalgraph.validation import ValidationReport

from .conftest import FIXTURES, REPOSITORY

PREFIXES = """@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
SM3 = "anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"
SM1 = "anklagemyndigheden/2019/marker/en-sammenhaengende-koncern"
FP4 = "anklagemyndigheden/2019/focus-point/tvaergaaende-samarbejde-og-digitalisering"
JMV2 = "justitsministeriets-koncern/vision/en-koncern"


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name files relative to the working folder: the repository's root here."""
    monkeypatch.chdir(REPOSITORY)


def check(path: Path) -> ValidationReport:
    return goalgraph.validate(goalgraph.load(path))


def check_text(tmp_path: Path, turtle: str) -> ValidationReport:
    path = tmp_path / "extra.ttl"
    path.write_text(PREFIXES + turtle, encoding="utf-8")
    return check(path)


def only_problem(report: ValidationReport) -> str:
    assert not report.conforms
    assert len(report.problems) == 1, str(report)
    return str(report.problems[0])


def test_bundled_data_is_valid(bundled: goalgraph.GoalDataset) -> None:
    report = goalgraph.validate(bundled)
    assert report.conforms, str(report)
    assert report.problems == ()


def test_statement_without_holder() -> None:
    message = only_problem(check(FIXTURES / "bad" / "no-holder.ttl"))
    assert message == (
        'tests/fixtures/bad/no-holder.ttl: "Færre indbrud i private hjem" '
        f"<{DEFAULT_BASE}test/goal/uden-indehaver>: A statement needs a holder: add gg:holder "
        "with the organisation whose statement it is [gg:holder]"
    )


def test_holder_that_does_not_exist() -> None:
    report = check(FIXTURES / "bad" / "unknown-holder.ttl")
    message = only_problem(report)
    assert message.startswith(
        'tests/fixtures/bad/unknown-holder.ttl: "Færre indbrud i private hjem" '
        f"<{DEFAULT_BASE}test/goal/forkert-indehaver>: "
    )
    assert "dangling reference" in message
    assert message.endswith(f"[gg:holder <{DEFAULT_BASE}politiett>]")
    assert report.problems[0].check == "dangling"


def test_strength_that_is_not_allowed() -> None:
    message = only_problem(check(FIXTURES / "bad" / "bad-strength.ttl"))
    assert message.startswith('tests/fixtures/bad/bad-strength.ttl: "Kvalitet i sagsbehandlingen → ')
    assert f"<{DEFAULT_BASE}alignment/test-very-strong>" in message
    assert message.endswith(
        "The strength (gg:strength) must be gg:strong, gg:moderate or gg:weak [gg:strength gg:veryStrong]"
    )


def test_cycle_in_alignment() -> None:
    report = check(FIXTURES / "bad" / "cycle.ttl")
    message = only_problem(report)
    assert report.problems[0].check == "cycle"
    assert message.startswith("data/alignments-curated.ttl, tests/fixtures/bad/cycle.ttl: ")
    assert (
        'alignment cycle: "Kvalitet, tilsyn og udvikling" → "Kvalitet i sagsbehandlingen" → '
        '"Kvalitet, tilsyn og udvikling"'
    ) in message


def test_longer_cycle_and_self_support(tmp_path: Path) -> None:
    # FP4 → SM1 → JM-V2 is curated; JM-V2 → FP4 closes a cycle of three.
    report = check_text(
        tmp_path,
        f"""
<{JMV2}> gg:supports <{FP4}> .
<alignment/x> a gg:Alignment ; gg:kind gg:stated ; dcterms:source <https://example.org/> ;
    gg:from <{JMV2}> ; gg:to <{FP4}> .
<{SM3}> gg:supports <{SM3}> .
<alignment/self> a gg:Alignment ; gg:kind gg:stated ; dcterms:source <https://example.org/> ;
    gg:from <{SM3}> ; gg:to <{SM3}> .
""",
    )
    cycles = [p for p in report.problems if p.check == "cycle"]
    assert len(cycles) == 2
    self_support, longer = sorted(p.message for p in cycles)
    assert self_support.startswith('alignment cycle: "Kvalitet i sagsbehandlingen" → "Kvalitet i sagsbehandlingen";')
    assert longer.startswith('alignment cycle: "Tværgående samarbejde og digitalisering" → ')
    assert longer.count("→") == 3
    assert '→ "Justitsministeriet skal agere som én koncern' in longer
    assert any("cannot link a statement to itself" in p.message for p in report.problems)


@pytest.mark.parametrize(
    ("turtle", "expected"),
    [
        (
            f"<alignment/x> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:curated ;"
            ' gg:rationale "r"@en ; prov:wasAttributedTo <agent/goalgraph> .'
            f" <{SM3}> gg:supports <{SM1}> .",
            "A curated alignment needs a strength",
        ),
        (
            f"<alignment/x> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:curated ;"
            f" gg:strength gg:weak ; prov:wasAttributedTo <agent/goalgraph> . <{SM3}> gg:supports <{SM1}> .",
            "A curated alignment needs a rationale",
        ),
        (
            f"<alignment/x> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:curated ;"
            f' gg:strength gg:weak ; gg:rationale "r"@en . <{SM3}> gg:supports <{SM1}> .',
            "A curated alignment must say who curated it",
        ),
        (
            f"<alignment/x> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:stated .",
            "A stated alignment needs the source",
        ),
        (
            f"<alignment/x> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:stated ;"
            " dcterms:source <https://example.org/> .",
            "needs its plain form too: add <from> gg:supports <to>",
        ),
        (
            f"<{SM3}> gg:supports <{SM1}> .",
            "Each gg:supports link needs a stated or curated gg:Alignment",
        ),
        (
            f"<alignment/x> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:suggested ;"
            f" gg:score 0.4 . <{SM3}> gg:supports <{SM1}> .",
            "A suggested or rejected alignment is not accepted",
        ),
        (
            f"<alignment/x> a gg:Alignment ; gg:from <{SM3}> ; gg:to <{SM1}> ; gg:kind gg:maybe .",
            "The kind (gg:kind) must be gg:stated, gg:curated, gg:suggested or gg:rejected",
        ),
        (
            '<test/goal> a gg:Goal ; gg:text "Et mål" ; gg:holder <politiet> ; dcterms:source <https://example.org/> .',
            "gg:text must carry a language tag",
        ),
        (
            '<test/goal> a gg:Statement ; gg:text "Et mål"@da ; gg:holder <politiet> ;'
            " dcterms:source <https://example.org/> .",
            "A statement needs a specific type",
        ),
        (
            '<test/goal> a gg:Goal ; gg:text "Et mål"@da ; gg:holder <politiet> .',
            "A statement needs its source",
        ),
        (
            '<test/goal> a gg:Goal ; gg:text "Et mål"@da ; gg:holder <' + SM1 + "> ;"
            " dcterms:source <https://example.org/> .",
            "The holder (gg:holder) must be an organisation",
        ),
        (
            '<test/plan> a gg:Strategy ; dcterms:title "Plan"@da ; gg:holder <politiet> ;'
            ' dcterms:source <https://example.org/> ; gg:periodStart "2020-01-01"^^xsd:date ;'
            ' gg:periodEnd "2019-12-31"^^xsd:date .',
            "no later than its period end",
        ),
    ],
    ids=[
        "curated-without-strength",
        "curated-without-rationale",
        "curated-without-curator",
        "stated-without-source",
        "alignment-without-supports",
        "supports-without-alignment",
        "suggested-with-supports",
        "unknown-kind",
        "text-without-language",
        "abstract-statement",
        "statement-without-source",
        "holder-not-an-organisation",
        "plan-ending-before-it-starts",
    ],
)
def test_shape_messages(tmp_path: Path, turtle: str, expected: str) -> None:
    report = check_text(tmp_path, turtle)
    assert not report.conforms
    matching = [p for p in report.problems if expected in p.message]
    assert matching, str(report)
    assert all(p.source and p.source.endswith("extra.ttl") for p in matching), str(report)


def test_dangling_reference_is_reported_once(tmp_path: Path) -> None:
    report = check_text(
        tmp_path,
        '<test/goal> a gg:Goal ; gg:text "Et mål"@da ; gg:holder <nobody> ; gg:inPlan <no-plan> ;'
        " dcterms:source <https://example.org/> .",
    )
    assert [p.check for p in report.problems] == ["dangling", "dangling"], str(report)
    assert {str(p.value) for p in report.problems} == {DEFAULT_BASE + "nobody", DEFAULT_BASE + "no-plan"}


def test_report_as_json(tmp_path: Path) -> None:
    report = check(FIXTURES / "bad" / "no-holder.ttl")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["conforms"] is False
    [problem] = data["problems"]
    assert problem["focus"] == DEFAULT_BASE + "test/goal/uden-indehaver"
    assert problem["label"] == "Færre indbrud i private hjem"
    assert problem["path"] == "https://w3id.org/goalgraph/ontology#holder"
    assert problem["source"] == "tests/fixtures/bad/no-holder.ttl"
    assert problem["constraint"] == "http://www.w3.org/ns/shacl#MinCountConstraintComponent"


def test_labels_from_data_are_quoted_not_trusted(tmp_path: Path) -> None:
    report = check_text(tmp_path, '<test/goal> a gg:Goal ; gg:text "Line one\\n\\u001b[31mred"@da .')
    rendered = str(report)
    assert "\x1b" not in rendered
    assert '"Line one\\n\\u001b[31mred"' in rendered


@pytest.mark.parametrize(
    ("path", "segment"),
    [
        ("a/../../../escaped", "the segment '..', which leads to the folder above"),
        ("a/%2e%2e/%2E%2E/escaped", "the segment '..' (written '%2e%2e'), which leads to the folder above"),
        ("a%2f..%2fescaped", "the segment 'a/../escaped' (written 'a%2f..%2fescaped'), with a folder separator"),
        ("a%00b", "the segment 'a\\x00b' (written 'a%00b'), with a control character (such as NUL) in it"),
    ],
)
def test_an_iri_that_would_put_its_page_elsewhere(tmp_path: Path, path: str, segment: str) -> None:
    iri = f"{DEFAULT_BASE}{path}"
    report = check_text(tmp_path, f'<{iri}> a <https://example.org/Thing> ; dcterms:title "Udenfor"@da .\n')
    message = only_problem(report)
    (problem,) = report.problems
    assert (problem.check, str(problem.focus), problem.severity) == ("iri", iri, "violation")
    assert problem.source is not None
    assert problem.source.endswith("extra.ttl")
    assert message.startswith(f"{problem.source}: ")
    assert f"<{iri}>: the IRI cannot be published: its path has {segment}" in message
    assert "goalgraph export --site" in message


def test_an_iri_outside_the_base_gets_no_page_and_is_not_checked(tmp_path: Path) -> None:
    report = check_text(tmp_path, "<https://example.org/a/../b> a <https://example.org/Thing> .\n")
    assert report.conforms, str(report)


def test_thousands_of_problems_take_a_few_queries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    statements = "".join(
        f'<test/goal/{i}> a gg:Goal ; gg:text "Mål {i}"@da ; dcterms:source <https://example.org/> .\n'
        for i in range(3000)
    )
    path = tmp_path / "many.ttl"
    path.write_text(PREFIXES + statements, encoding="utf-8")
    dataset = goalgraph.load(path)
    queries = []
    answer = type(dataset).answer
    monkeypatch.setattr(type(dataset), "answer", lambda self, query: queries.append(query) or answer(self, query))
    report = goalgraph.validate(dataset)
    assert len(report.problems) == 3000
    assert 50 < len(queries) < 160  # the shapes' queries and a few lookups, not a few per problem
    first = report.problems[0]
    assert first.source is not None
    assert first.source.endswith("many.ttl")
    assert first.focus_label is not None
    assert first.focus_label.startswith("Mål ")
    assert first.constraint == URIRef("http://www.w3.org/ns/shacl#MinCountConstraintComponent")


def test_extra_shapes(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix gg: <https://w3id.org/goalgraph/ontology#> .\n"
        "<https://example.org/S> a sh:NodeShape ; sh:targetClass gg:Mission ;\n"
        '    sh:property [ sh:path gg:text ; sh:maxLength 10 ; sh:severity sh:Warning ; sh:message "short" ] .\n',
        encoding="utf-8",
    )
    report = goalgraph.validate(goalgraph.load(), shapes=[shapes])
    assert report.conforms
    assert report.problems
    assert {(p.check, p.severity, p.message) for p in report.problems} == {("shacl", "warning", "short")}
    assert all(p.source and p.focus_label for p in report.problems)
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(ShapesError, match=r"bad\.ttl:1: "):
        goalgraph.validate(goalgraph.load(), shapes=[bad])


def test_the_iri_prefilter_keeps_every_unsafe_iri(tmp_path: Path) -> None:
    from goalgraph.querying import select
    from goalgraph.site import PagePathError, page_folder

    paths = ["ok/a", "a/../b", "%2e", "%2F", "a//b", "/x", ".", ".hidden", "a%00", "a" * 70, "b" * 300, "ok/c#x"]
    turtle = "".join(f"<{DEFAULT_BASE}{path}> a <https://example.org/T> .\n" for path in paths)
    path = tmp_path / "iris.ttl"
    path.write_text(turtle, encoding="utf-8")
    dataset = goalgraph.load(path, bundled=False)
    base = URIRef(DEFAULT_BASE)
    unsafe = set()
    for row in select(dataset, "resources-under-base", base=base):
        try:
            page_folder(str(row["resource"]))
        except PagePathError:
            unsafe.add(row["resource"])
    candidates = {row["resource"] for row in select(dataset, "unsafe-iri-candidates", base=base)}
    assert len(unsafe) == 8  # all but ok/a, .hidden, the 70 a and ok/c#x
    assert unsafe <= candidates
    assert URIRef(DEFAULT_BASE + "ok/a") not in candidates
    assert {p.focus for p in goalgraph.validate(dataset).problems if p.check == "iri"} == unsafe
