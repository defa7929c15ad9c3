"""The `goalgraph` command, run as users run it: a real process, its exit status and output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, REPOSITORY

BAD = FIXTURES / "bad"


#: The environment variables that configure goalgraph; none leaks into a test from outside.
SETTINGS = {"GOALGRAPH_BASE", "GOALGRAPH_STORE", "GOALGRAPH_ENDPOINT", "GOALGRAPH_USER", "GOALGRAPH_PASSWORD"}


def goalgraph(
    *args: str | Path, cwd: Path = REPOSITORY, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command in a fresh interpreter, as a user would, with `env` added to the environment."""
    # A wide terminal, so tables wrap the same way everywhere.
    inherited = {k: v for k, v in os.environ.items() if k not in SETTINGS and k != "GOALGRAPH_TOKEN"}
    env = inherited | {"COLUMNS": "200"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "goalgraph", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        input=input,
        timeout=120,
    )


@pytest.mark.parametrize("args", [[], ["validate"], ["stats"]])
def test_help_on_every_level(args: list[str]) -> None:
    result = goalgraph(*args, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: goalgraph")
    if args:
        for option in ("--data PATH", "--no-bundled", "--base IRI", "--format"):
            assert option in result.stdout


def test_version() -> None:
    import goalgraph as package

    result = goalgraph("--version")
    assert result.stdout.strip() == f"goalgraph, version {package.__version__}"


def test_help_does_not_import_the_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from goalgraph.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('rdflib', 'pyoxigraph', 'pyshacl', 'networkx') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("HEAVY []")


def test_validate_bundled_data() -> None:
    result = goalgraph("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("valid: 6 files, ")


def test_stats_json_has_the_documented_shape() -> None:
    result = goalgraph("stats", "--format", "json")
    assert result.returncode == 0
    counts = json.loads(result.stdout)
    assert set(counts) >= {"triples", "organisations", "statements", "alignments"}
    assert counts["organisations"] == 6
    assert counts["statements"]["Mission"] == 4
    assert counts["statements"]["Target"] == 8  # the 2019 target plans (data/target-plans-2019.yaml)
    assert counts["alignments"] == {"stated": 9, "curated": 32, "suggested": 0, "rejected": 0}
    assert counts["triples"] > 900


def test_stats_text() -> None:
    result = goalgraph("stats")
    assert result.returncode == 0
    rows = (line.rsplit(maxsplit=1) for line in result.stdout.splitlines())
    lines = {name.strip(): count for name, count in rows}
    assert lines["statements"] == "30"
    assert lines["StrategicMarker"] == "4"
    assert lines["curated"] == "32"


def test_no_bundled_leaves_only_the_ontology_and_given_data(tmp_path: Path) -> None:
    result = goalgraph("stats", "--no-bundled", "--format", "json")
    counts = json.loads(result.stdout)
    assert sum(counts["statements"].values()) == 0
    assert counts["organisations"] == 0
    assert counts["triples"] > 0  # the ontology


def test_data_from_another_folder_with_another_base(tmp_path: Path) -> None:
    (tmp_path / "extra.ttl").write_text(
        "@prefix gg: <https://w3id.org/goalgraph/ontology#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        '<politiet/2019/target/faerre-indbrud> a gg:Target ; gg:text "Færre indbrud"@da ;\n'
        "    gg:holder <politiet> ; dcterms:source <https://politi.dk/> .\n",
        encoding="utf-8",
    )
    result = goalgraph("validate", "--data", "extra.ttl", "--base", "https://data.example.org/", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    stats = json.loads(goalgraph("stats", "--data", tmp_path / "extra.ttl", "--format", "json").stdout)
    assert stats["statements"]["Target"] == 8 + 1  # the bundled target plans' and this one


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--data", "missing.ttl"], 2, "goalgraph: missing.ttl: no such file or folder\n"),
        (["--data", BAD / "no-rdf"], 2, "no RDF files in this folder"),
        (["--data", BAD / "syntax-error.ttl"], 1, "tests/fixtures/bad/syntax-error.ttl:6: "),
        (["--data", BAD / "not-json.jsonld"], 1, "tests/fixtures/bad/not-json.jsonld:5: "),
        (["--data", BAD / "no-holder.ttl"], 1, "A statement needs a holder"),
        (["--data", BAD / "unknown-holder.ttl"], 1, "politiett>]"),
        (["--data", BAD / "bad-strength.ttl"], 1, "must be gg:strong, gg:moderate or gg:weak"),
        (["--data", BAD / "cycle.ttl"], 1, "alignment cycle: "),
        (["--base", "not-an-iri"], 2, "base namespace 'not-an-iri' must be an absolute"),
        (["--format", "xml"], 2, "Invalid value for '--format'"),
    ],
    ids=[
        "missing-file",
        "folder-without-rdf",
        "turtle-syntax",
        "jsonld-not-json",
        "no-holder",
        "unknown-holder",
        "bad-strength",
        "cycle",
        "bad-base",
        "bad-option",
    ],
)
def test_validate_bad_input(tmp_path: Path, args: list[str | Path], status: int, message: str) -> None:
    args = [a.relative_to(REPOSITORY) if isinstance(a, Path) else a for a in args]
    before = sorted(REPOSITORY.iterdir())
    result = goalgraph("validate", *args)
    output = result.stdout + result.stderr
    assert result.returncode == status, output
    assert message in output
    assert "Traceback" not in output
    assert sorted(REPOSITORY.iterdir()) == before  # nothing written


def test_stats_on_bad_input_fails_without_traceback() -> None:
    result = goalgraph("stats", "--data", Path("tests/fixtures/bad/syntax-error.ttl"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "tests/fixtures/bad/syntax-error.ttl:6: Unexpected end (column 1)\n"


def test_validate_reports_every_syntax_error_at_once() -> None:
    result = goalgraph(
        "validate",
        "--data",
        "tests/fixtures/bad/syntax-error.ttl",
        "--data",
        "tests/fixtures/bad/not-json.jsonld",
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("tests/fixtures/bad/syntax-error.ttl:6: ")
    assert result.stdout.splitlines()[1].startswith("tests/fixtures/bad/not-json.jsonld:5: ")


def test_validate_json_output() -> None:
    result = goalgraph("validate", "--data", "tests/fixtures/bad/no-holder.ttl", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    assert [p["check"] for p in report["problems"]] == ["shacl"]
    assert report["problems"][0]["constraint"] == "http://www.w3.org/ns/shacl#MinCountConstraintComponent"


EXTRA_SHAPES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix gg: <https://w3id.org/goalgraph/ontology#> .
<https://example.org/MissionsAreShort> a sh:NodeShape ; sh:targetClass gg:Mission ;
    sh:property [ sh:path gg:text ; sh:maxLength 20 ; sh:message "Keep a mission short" ] .
<https://example.org/Plans> a sh:NodeShape ; sh:targetClass gg:Plan ; sh:closed true .
"""


def test_validate_with_extra_shapes(tmp_path: Path) -> None:
    shapes = tmp_path / "extra.ttl"
    shapes.write_text(EXTRA_SHAPES, encoding="utf-8")
    result = goalgraph("validate", "--shapes", shapes, "--shapes", shapes, "--format", "json")
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)["problems"]
    short = [p for p in problems if p["message"] == "Keep a mission short"]
    assert short
    assert all(p["constraint"].endswith("#MaxLengthConstraintComponent") for p in short)
    # sh:closed is not compiled: pySHACL checks that shape.
    assert any(p["constraint"].endswith("#ClosedConstraintComponent") for p in problems)


def test_validate_with_a_bad_shapes_file(tmp_path: Path) -> None:
    shapes = tmp_path / "bad.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n\n<a> sh:path ;\n", encoding="utf-8")
    result = goalgraph("validate", "--shapes", shapes)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{shapes}:3: ")
    assert "Traceback" not in result.stderr
    missing = goalgraph("validate", "--shapes", tmp_path / "nothing.ttl")
    assert missing.returncode == 2
    assert "nothing.ttl" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_query_list_names_every_query() -> None:
    from goalgraph.named_queries import named_queries

    result = goalgraph("query", "--list")
    assert result.returncode == 0
    listed = {line.split()[0] for line in result.stdout.splitlines()}
    assert listed == set(named_queries())


def test_query_table_shows_labels_not_iris() -> None:
    result = goalgraph("query", "coverage")
    assert result.returncode == 0, result.stderr
    assert "Justitsministeriet er garant for" in result.stdout
    assert "https://" not in result.stdout
    english = goalgraph("query", "coverage", "--lang", "en").stdout
    assert "the Danish Police" in english


def test_query_formats_for_programs() -> None:
    data = json.loads(goalgraph("query", "trace", "-p", "statement=SM3", "--format", "json").stdout)
    assert data["head"]["vars"][:2] == ["from", "to"]
    csv_text = goalgraph("query", "joint", "--format", "csv").stdout
    assert csv_text.splitlines()[0] == "statement,holder,jointly,members,how"
    tsv_text = goalgraph("query", "joint", "--format", "tsv").stdout
    assert tsv_text.splitlines()[0].startswith("?statement\t?holder")
    assert "\t<https://w3id.org/goalgraph/id/" in tsv_text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "coverag"], "no query named 'coverag'; did you mean coverage?"),
        (["query", "trace"], "query 'trace' needs --param statement=..."),
        (["query", "trace", "-p", "statement"], "--param takes NAME=VALUE"),
        (["query", "coverage", "-p", "colour=blue"], "has no parameter 'colour'"),
        (["query", "statements", "-p", "organisation=Politiett"], "no organisation matches 'Politiett'"),
        (["query", "missing.rq"], "missing.rq: no such file"),
        (["trace", "kvalitet"], "'kvalitet' matches 3 statements; say which"),
        (["trace", "nothing of the sort"], "no statement matches 'nothing of the sort'"),
        (["query"], "name a query"),
    ],
)
def test_query_and_trace_usage_errors(args: list[str], message: str) -> None:
    result = goalgraph(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_query_file(tmp_path: Path) -> None:
    (tmp_path / "broken.rq").write_text("SELECT ?s WHERE {\n  ?s ?p\n}\n")
    result = goalgraph("query", "broken.rq", cwd=tmp_path)
    assert result.returncode == 2
    assert re.match(r"goalgraph: broken\.rq:\d+: .+ \(column \d+\)\n$", result.stderr), result.stderr


def test_injection_through_the_command_line_is_only_text() -> None:
    result = goalgraph("query", "search", "-p", 'term=" ) } } ; DROP ALL ; #')
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(no results)"


def test_trace_text_and_json() -> None:
    text = goalgraph("trace", "Kvalitet i sagsbehandlingen").stdout
    assert text.startswith("SM3  Kvalitet i sagsbehandlingen")
    assert "→ PA-M2  Anklagemyndigheden skal sammen med politiet" in text
    assert "retsstatens grundlæggende principper.  ▲ top" in text
    assert "curated, strong: quality in case handling is how the guilty" in text
    data = json.loads(goalgraph("trace", "quality in case handling", "--format", "json").stdout)
    assert data["reachesTop"] is True
    hop = data["paths"][0]["hops"][0]
    assert hop["to"]["labels"] == {
        "da": "Anklagemyndigheden skal sammen med politiet sikre, at strafskyldige drages til ansvar, "
        "og at der ikke sker forfølgning af uskyldige.",
        "en": "Together with the police, the prosecution service shall ensure that the guilty are held "
        "to account and that the innocent are not prosecuted.",
    }
    assert (hop["kind"], hop["strength"]) == ("curated", "strong")


def test_analyse_text_and_json() -> None:
    # Vores mål alone leaves two gaps (the police's target plan fills them in the bundled data).
    vores_maal = [f"--data=data/{name}" for name in ("organisations.ttl", "vores-maal.ttl", "alignments-curated.ttl")]
    text = goalgraph("analyse", "--no-bundled", *vores_maal).stdout
    gaps = text.split("Gaps:")[1].split("Orphans:")[0]
    assert "PA-M1" in gaps
    assert "PA-V2" in gaps
    orphans = text.split("Orphans:")[1].split("Cycles")[0]
    assert "AM-P" in orphans
    assert "X2" in orphans
    assert "Cycles: none" in text
    data = json.loads(goalgraph("analyse", "--format", "json").stdout)
    assert {"scores", "gaps", "coverage", "top"} <= set(data)


def test_suggest_turtle_is_valid_data_for_review(tmp_path: Path) -> None:
    table = goalgraph("suggest", "--limit", "3")
    assert table.returncode == 0
    assert len(table.stdout.splitlines()) == 3
    out = tmp_path / "suggested.ttl"
    written = goalgraph("suggest", "--format", "turtle", "-o", out)
    assert written.returncode == 0, written.stderr
    assert "gg:suggested" in out.read_text(encoding="utf-8")
    check = goalgraph("validate", "--data", out)
    assert check.returncode == 0, check.stdout + check.stderr
    counts = json.loads(goalgraph("stats", "--data", out, "--format", "json").stdout)
    assert counts["alignments"]["suggested"] > 0
    assert counts["alignments"]["curated"] == 32  # suggestions are not curated


def test_suggest_into_a_missing_folder_writes_nothing(tmp_path: Path) -> None:
    result = goalgraph("suggest", "-o", tmp_path / "nowhere" / "s.ttl")
    assert result.returncode == 1
    assert "cannot write here" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_report_html_and_markdown(tmp_path: Path) -> None:
    result = goalgraph("report", "-o", tmp_path / "report.html", "--date", "2026-01-31")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") or page.lower().startswith("<!doctype html>")
    assert "Kvalitet i sagsbehandlingen" in page
    assert "2026" in page
    markdown = goalgraph("report", "--format", "markdown", "--lang", "en").stdout
    assert markdown.startswith("#")
    assert "Quality in case handling" in markdown


def test_report_with_an_unknown_suffix_is_a_usage_error(tmp_path: Path) -> None:
    result = goalgraph("report", "-o", tmp_path / "report.pdf")
    assert result.returncode == 2
    assert "the suffix says no format" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "rdf_format"),
    [
        (["--format", "turtle"], "turtle"),
        (["--format", "nquads"], "nquads"),
        (["--format", "jsonld", "--context-url"], None),
    ],
)
def test_export_to_stdout(args: list[str], rdf_format: str | None) -> None:
    import pyoxigraph as ox

    result = subprocess.run(
        [sys.executable, "-m", "goalgraph", "export", *args], capture_output=True, cwd=REPOSITORY, check=False
    )
    assert result.returncode == 0, result.stderr
    if rdf_format == "turtle":
        assert len(list(ox.parse(result.stdout, format=ox.RdfFormat.TURTLE))) > 1000
    elif rdf_format == "nquads":
        quads = list(ox.parse(result.stdout, format=ox.RdfFormat.N_QUADS))
        assert len({q.graph_name for q in quads}) == 6
    else:
        assert json.loads(result.stdout)["@context"] == "https://w3id.org/goalgraph/context.jsonld"


def test_export_format_from_the_suffix_and_atomic(tmp_path: Path) -> None:
    result = goalgraph("export", "-o", tmp_path / "graph.graphml")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "graph.graphml").read_text(encoding="utf-8").startswith("<?xml")
    bad = goalgraph("export", "--format", "yaml")
    assert bad.returncode == 2
    assert "yaml" in bad.stderr
    missing = goalgraph("export", "-o", tmp_path / "nowhere" / "graph.ttl")
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert not (tmp_path / "nowhere").exists()


def test_docs(tmp_path: Path) -> None:
    result = goalgraph("docs", "-o", tmp_path / "docs")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "docs" / "index.html").read_text(encoding="utf-8")
    assert 'id="StrategicMarker"' in page


def test_a_parameter_given_twice_is_refused() -> None:
    # Keeping only the last value would answer a question nobody asked.
    result = goalgraph("query", "search", "-p", "term=tryghed", "-p", "term=kvalitet")
    assert result.returncode == 2
    assert "--param term is given twice; a parameter takes one value" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trace", "gg:Mission"], "<https://w3id.org/goalgraph/ontology#Mission> is not a statement"),
        (
            ["query", "statements", "-p", "organisation=gg:StrategicMarker"],
            "<https://w3id.org/goalgraph/ontology#StrategicMarker> is not an organisation",
        ),
    ],
)
def test_a_class_is_not_taken_for_a_statement(args: list[str], message: str) -> None:
    result = goalgraph(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
