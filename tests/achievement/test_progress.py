"""goalgraph.progress; the commands progress, whatif and trace; the named queries; on real and synthetic data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import goalgraph
from goalgraph.achievement.text import progress_csv
from goalgraph.loading import GoalDataset
from goalgraph.model import GoalModel
from tests.analysis.builders import organisation, statement
from tests.conftest import missing
from tests.listening import Listener
from tests.test_cli import goalgraph as run

from .builders import indicator
from .conftest import SYNTHETIC, Modeller

SMLC = Path(__file__).resolve().parents[3] / "shared" / "interop" / "stratml" / "SMLC2023.xml"


def test_the_json_has_the_documented_keys(synthetic: GoalDataset) -> None:
    data = goalgraph.progress(synthetic).to_dict()
    assert {"indicators", "statements"} <= set(data)
    assert len(data["indicators"]) == 9  # three indicators over three years
    for row in data["indicators"]:
        assert {"indicator", "statement", "period", "target", "actual", "unit", "status"} <= set(row)
    for found in data["statements"]:
        assert {"statement", "status", "calculated", "drivers"} <= set(found)
    first = data["indicators"][0]
    assert (first["period"], first["target"], first["actual"], first["unit"], first["status"]) == (
        "2019",
        30.0,
        41.0,
        "dage",
        "not-met",
    )
    json.dumps(data)  # JSON-ready


def test_the_organisation_filter_keeps_the_roll_up(synthetic: GoalDataset, synthetic_model: GoalModel) -> None:
    whole = goalgraph.progress(synthetic)
    agency = goalgraph.progress(synthetic, organisation="https://example.org/synthetic/styrelsen")
    ministry_only = goalgraph.progress(synthetic_model, organisation="https://example.org/synthetic/ministeriet")
    assert len(agency.indicators) == 9
    assert len(ministry_only.indicators) == 9  # the agency is below the ministry
    assert agency.statements == whole.statements
    by_name = goalgraph.progress(synthetic, organisation="Syntetisk styrelse")
    assert by_name.organisations == agency.organisations


def test_the_real_stratml_report_gives_its_figures_and_invents_no_status() -> None:
    if not SMLC.is_file():
        missing(f"{SMLC} is absent (the shared reference material)")
    g = goalgraph.open([SMLC], bundled=False)
    found = goalgraph.progress(g)
    converted = [r for r in found.indicators if r.actual == 5825.0]
    assert len(converted) == 1
    assert (converted[0].period, converted[0].status) == ("2021-07-23/2024-01-06", "no-data")  # its target is words
    assert converted[0].sources  # the document's own source
    assert {r.status for r in found.indicators} == {"no-data"}
    plans = found.trends[converted[0].indicator]
    assert (plans.movement, plans.latest, plans.previous) == ("toward", 5825.0, 5144.0)


def test_progress_command_text_json_and_csv() -> None:
    text = run("progress", "--data", SYNTHETIC, "--no-bundled", "--lang", "en")
    assert text.returncode == 0, text.stderr
    assert "partly-met   0.75  S-M1  The ministry ensures a safe society." in text.stdout
    assert "(reported: not-met)" in text.stdout
    danish = run("progress", "--data", SYNTHETIC, "--no-bundled", "--period", "2019")
    assert "(reported: ikke opfyldt)" in danish.stdout
    assert "2020" not in danish.stdout.split("Missions")[0].split("Indicators")[1]
    as_json = json.loads(run("progress", "--data", SYNTHETIC, "--no-bundled", "--format", "json").stdout)
    assert {s["status"] for s in as_json["statements"]} >= {"met", "partly-met", "not-met"}
    rows = list(
        csv.DictReader(io.StringIO(run("progress", "--data", SYNTHETIC, "--no-bundled", "--format", "csv").stdout))
    )
    assert len(rows) == 9
    assert rows[0]["identifier"] == "S-I1"
    assert rows[0]["calculated"] == "false"  # the 2019 verdict was reported


def test_progress_on_the_bundled_data_says_there_are_no_results() -> None:
    result = run("progress")
    assert result.returncode == 0
    assert "no results in the data" in result.stdout


def test_progress_of_an_unknown_organisation_is_one_line() -> None:
    result = run("progress", "--organisation", "nobody at all")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("goalgraph: ")
    assert "Traceback" not in result.stderr


def test_whatif_command() -> None:
    result = run("whatif", "--miss", "SM2", "--miss", "X1", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "JM-V3" in result.stdout
    assert "would lose its only support" in result.stdout
    as_json = json.loads(run("whatif", "--miss", "SM2", "--miss", "X1", "--format", "json").stdout)
    assert as_json["changes"][0]["loses_only_support"] is True
    nothing = run("whatif")
    assert nothing.returncode == 2
    unknown = run("whatif", "--miss", "no such target anywhere")
    assert unknown.returncode == 2
    assert "Traceback" not in unknown.stderr


def test_trace_shows_each_steps_status() -> None:
    result = run("trace", "S-T1", "--data", SYNTHETIC, "--no-bundled", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Shorter case processing time  [met 1.00]" in result.stdout
    assert "The ministry ensures a safe society.  ▲ top  [partly-met 0.75]" in result.stdout
    as_json = json.loads(run("trace", "S-T1", "--data", SYNTHETIC, "--no-bundled", "--format", "json").stdout)
    assert as_json["statuses"]["https://example.org/synthetic/O1"]["status"] == "partly-met"
    plain = run("trace", "SM3")
    assert "[" not in plain.stdout.split("\n")[0]  # no results, no statuses


def test_the_progress_query_agrees_with_the_api(synthetic: GoalDataset) -> None:
    rows = goalgraph.run_query(synthetic, "progress").rows
    api = {
        (str(r.indicator), r.period): (r.target, r.actual, r.status, r.calculated_status)
        for r in goalgraph.progress(synthetic).indicators
    }
    assert len(rows) == len(api) == 9
    for row in rows:
        start = str(row["start"])
        period = start[:4] if start.endswith("-01-01") else start
        target, actual, status, calculated = api[str(row["indicator"]), period]
        assert (float(row["target"]), float(row["actual"]), str(row["status"]), str(row["calculated"])) == (
            target,
            actual,
            status,
            calculated,
        )
    in_2020 = goalgraph.run_query(synthetic, "progress", {"year": "2020"}).rows
    assert len(in_2020) == 3


def test_the_conflicts_query(synthetic: GoalDataset) -> None:
    rows = goalgraph.run_query(synthetic, "conflicts").rows
    assert [
        (str(r["kind"]), str(r["statement"]).rsplit("/", 1)[-1], str(r["target"]).rsplit("/", 1)[-1]) for r in rows
    ] == [("hinders-from-a-supporter-of-the-top", "T1", "T2")]
    assert goalgraph.run_query(goalgraph.load(), "conflicts").rows == []


@pytest.mark.parametrize("name", ["progress", "what_if"])
def test_exported_from_the_package(name: str) -> None:
    assert name in goalgraph.__all__
    assert callable(getattr(goalgraph, name))


def test_a_period_that_is_not_one_is_a_usage_error() -> None:
    result = run("progress", "--period", "last year")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "goalgraph: a period is a year (2019) or an interval of dates (2019-07-01/2020-06-30), not 'last year'"
    )
    with pytest.raises(goalgraph.achievement.PeriodError):
        goalgraph.what_if(goalgraph.open(), miss=["SM2"], period="2019/2020")


def test_the_csv_runs_no_formula_from_the_data(model_of: Modeller) -> None:
    hostile = "=1+cmd|' /C calc'!A0"
    block = indicator("I", "T", "o", [(2021, -5.0, -3.5)], unit="@cmd").replace('"indikator I"@da', f'"{hostile}"@da')
    model = model_of(organisation("o"), statement("T", "target", "o"), block)
    rows = list(csv.reader(io.StringIO(progress_csv(model, goalgraph.progress(model).indicators))))
    header, (row,) = rows[0], rows[1:]
    cell = dict(zip(header, row, strict=True))
    assert cell["label"] == "'" + hostile
    assert cell["unit"] == "'@cmd"
    assert (cell["target"], cell["actual"]) == ("-5.0", "-3.5")  # figures stay numbers


def test_sources_of_results_are_shown_never_fetched(tmp_path: Path) -> None:
    from goalgraph.explorer import build_explorer
    from goalgraph.report import build_report

    with Listener() as listener:
        text = SYNTHETIC.read_text(encoding="utf-8").replace("s:aarsrapport-2021", f"<{listener.url}>")
        path = tmp_path / "results.ttl"
        path.write_text(text, encoding="utf-8")
        g = goalgraph.load([path], bundled=False)
        assert any(listener.url in r.sources for r in goalgraph.progress(g).indicators)
        page = build_report(g, lang="en")
        assert listener.url in page  # linked for a reader to follow
        build_explorer(g)
        run("progress", "--data", path, "--no-bundled", "--format", "json")
        listener.wait_quiet()
    assert listener.heard == []
