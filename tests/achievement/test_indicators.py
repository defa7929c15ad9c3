"""An indicator's results as rows: periods paired, verdicts kept apart, the row that speaks."""

from __future__ import annotations

from rdflib import URIRef

from goalgraph.achievement.indicators import chosen_rows, indicator_rows
from goalgraph.achievement.periods import label, matches
from goalgraph.model import Indicator, Result, Source, Text

INDICATOR = URIRef("https://example.org/synthetic/indicator")


def results(*found: Result) -> dict[URIRef, Result]:
    return {r.node: r for r in found}  # type: ignore[misc]


def result(n: int, kind: str, start: str | None, end: str | None, **values: object) -> Result:
    return Result(URIRef(f"{INDICATOR}/{n}"), INDICATOR, kind, start, end, **values)  # type: ignore[arg-type]


def test_targets_and_actuals_pair_by_period_in_time_order() -> None:
    found = results(
        result(4, "actual", "2020-01-01", "2020-12-31", value=80.0),
        result(1, "target", "2019-01-01", "2019-12-31", value=90.0),
        result(2, "actual", "2019-01-01", "2019-12-31", value=91.0),
        result(3, "target", "2020-01-01", "2020-12-31", value=90.0),
        result(5, "target", "2021-01-01", "2021-12-31", value=95.0),
    )
    rows = indicator_rows(Indicator(INDICATOR, results=tuple(found), unit="%", threshold=85.0), found)
    assert [(r.period, r.target, r.actual, r.status) for r in rows] == [
        ("2019", 90.0, 91.0, "met"),
        ("2020", 90.0, 80.0, "not-met"),
        ("2021", 95.0, None, "no-data"),
    ]
    assert {r.unit for r in rows} == {"%"}


def test_an_actual_without_its_own_target_is_judged_by_the_target_that_holds_it() -> None:
    found = results(
        result(1, "target", "2011-01-01", "2011-12-31", value=100.0),
        result(2, "actual", "2011-01-01", "2011-06-30", value=120.0),
        result(3, "target", None, None, value=50.0),  # a standing target
        result(4, "actual", "2012-01-01", "2012-12-31", value=40.0),
    )
    rows = indicator_rows(Indicator(INDICATOR, results=tuple(found)), found)
    assert [(r.period, r.target, r.actual, r.status) for r in rows] == [
        ("2011-01-01/2011-06-30", 100.0, 120.0, "met"),
        ("2012", 50.0, 40.0, "not-met"),
    ]


def test_the_reported_verdict_is_the_status_and_the_calculation_is_kept_beside_it() -> None:
    source = Source(URIRef("https://example.org/synthetic/annual-report"))
    found = results(
        result(1, "target", "2019-01-01", "2019-12-31", value=90.0),
        result(2, "actual", "2019-01-01", "2019-12-31", value=88.0, verdict="partly-met", sources=(source,)),
    )
    (row,) = indicator_rows(Indicator(INDICATOR, results=tuple(found)), found)
    assert (row.status, row.calculated_status, row.reported, row.calculated) == (
        "partly-met",
        "not-met",
        "partly-met",
        False,
    )
    assert row.sources == ("https://example.org/synthetic/annual-report",)
    assert row.to_dict()["status"] == "partly-met"


def test_words_are_shown_but_give_no_status() -> None:
    found = results(
        result(1, "target", None, None, descriptions=(Text("Publication of Part 1.", "en"),)),
        result(2, "actual", None, "2009-12-17", descriptions=(Text("Published.", "en"),)),
    )
    (row,) = indicator_rows(Indicator(INDICATOR, results=tuple(found)), found)
    assert (row.period, row.target, row.actual, row.status) == (
        "../2009-12-17",
        "Publication of Part 1.",
        "Published.",
        "no-data",
    )


def test_the_chosen_row_is_the_latest_with_data_or_the_period_asked_for() -> None:
    found = results(
        result(1, "target", "2019-01-01", "2019-12-31", value=90.0),
        result(2, "actual", "2019-01-01", "2019-12-31", value=91.0),
        result(3, "target", "2020-01-01", "2020-12-31", value=90.0),
    )
    rows = indicator_rows(Indicator(INDICATOR, results=tuple(found)), found)
    assert chosen_rows(rows) is rows[0]  # 2020 has no actual yet
    assert chosen_rows(rows, "2020") is rows[1]
    assert chosen_rows(rows, "2018") is None
    assert chosen_rows((), None) is None


def test_period_names_and_matching() -> None:
    assert label("2019-01-01", "2019-12-31") == "2019"
    assert label("2019-01-01", "2020-12-31") == "2019-01-01/2020-12-31"
    assert label("2019-02-01", "2019-12-31") == "2019-02-01/2019-12-31"
    assert label(None, None) == ""
    assert matches("2019", "2018-07-01", "2019-06-30")
    assert not matches("2019", "2019-07-01", "2020-06-30")
    assert matches("2019-07-01/2020-06-30", "2019-07-01", "2020-06-30")
