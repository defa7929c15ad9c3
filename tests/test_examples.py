"""The examples in data/examples: each loads and validates, and the real one matches its source.

The real example (``stratml-smlc-2023``) is transcribed from a published StratML
performance report; where that report's copy is at hand (../shared), every figure
and period is compared with goalgraph's own import of it. The synthetic example is
checked against the statuses its README states.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import goalgraph
from goalgraph.achievement import IndicatorRow, conflicts

from .conftest import REPOSITORY, SHARED, missing

# Hidden, so that the bundled dataset (every file under data/) leaves them out.
EXAMPLES = REPOSITORY / "data" / "examples"
SMLC = EXAMPLES / "stratml-smlc-2023" / "smlc-2023.yaml"
SYNTHETIC = [
    EXAMPLES / "synthetic-maalrapportering" / "maal-og-resultatplan.yaml",
    EXAMPLES / "synthetic-maalrapportering" / "results.csv",
]
REPORT = "http://stratml.us/SMLC2023.xml"


@pytest.mark.parametrize("paths", [[SMLC], SYNTHETIC], ids=["stratml-smlc-2023", "synthetic-maalrapportering"])
@pytest.mark.parametrize("bundled", [False, True], ids=["alone", "with-bundled"])
def test_example_loads_and_validates(paths: list[Path], bundled: bool) -> None:
    graph = goalgraph.load(paths, bundled=bundled)
    report = goalgraph.validate(graph)
    assert report.conforms, str(report)
    assert report.problems == ()
    assert goalgraph.progress(graph).indicators


def test_every_example_file_is_tested() -> None:
    files = {path for path in EXAMPLES.rglob("*") if path.suffix in (".yaml", ".csv", ".ttl")}
    assert files == {SMLC, *SYNTHETIC}


def test_examples_are_not_in_the_bundled_data() -> None:
    found = goalgraph.progress(goalgraph.open())
    assert found.indicators == ()


def test_real_example_has_only_real_sources_and_no_invented_targets() -> None:
    found = goalgraph.progress(goalgraph.open([SMLC], bundled=False))
    assert len(found.indicators) == 13
    assert all(row.sources == (REPORT,) for row in found.indicators)
    # The report's targets are words, left out: no target, no status.
    assert all(row.target is None for row in found.indicators)
    assert {row.status for row in found.indicators} == {"no-data"}
    assert "example.org" not in SMLC.read_text(encoding="utf-8")


def test_real_example_matches_the_published_report() -> None:
    original = SHARED / "interop" / "stratml" / "SMLC2023.xml"
    if not original.is_file():
        missing(f"the report's copy is not at {original}")
    published = goalgraph.progress(goalgraph.open([original], bundled=False))
    ours = goalgraph.progress(goalgraph.open([SMLC], bundled=False))

    def figures(rows: tuple[IndicatorRow, ...], number: str) -> set[tuple[str, float]]:
        return {
            (row.period, row.actual)
            for row in rows
            if str(row.indicator).endswith(f"/indicator/{number}") and isinstance(row.actual, float)
        }

    for number, count in (("1.2.1", 10), ("3.3.3", 3)):
        transcribed = figures(ours.indicators, number)
        assert len(transcribed) == count
        assert transcribed == figures(published.indicators, number)


def test_synthetic_example_says_so_and_rolls_up_as_documented() -> None:
    for path in SYNTHETIC:
        text = path.read_text(encoding="utf-8")
        assert "https://example.org/synthetic/" in text
    assert SYNTHETIC[0].read_text(encoding="utf-8").startswith("# SYNTHETIC")
    graph = goalgraph.open(SYNTHETIC, bundled=False)
    found = goalgraph.progress(graph, period="2021")
    statuses = {str(row.indicator).rsplit("/", 1)[-1]: row.status for row in found.indicators}
    assert statuses == {"I1": "met", "I2": "partly-met", "I3": "not-met"}
    scores = {str(node).rsplit("/", 1)[-1]: found.statements[node].score for node in found.top}
    assert scores["M1"] == pytest.approx(0.75)
    assert scores["V1"] == pytest.approx(0.3409, abs=1e-4)
    assert len(conflicts(goalgraph.read_model(graph))) == 1
