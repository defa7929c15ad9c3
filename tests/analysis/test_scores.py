"""The alignment score of an organisation, by its definition."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from goalgraph.analysis import alignment_graph, organisation_scores, reach, top_statements
from goalgraph.loading import GoalDataset

from .builders import Loader, link, organisation, statement


def test_score_arithmetic(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        organisation("agency", parent="top"),
        organisation("idle", parent="top"),  # holds no statements: left out
        organisation("unit", unit_of="agency"),
        statement("M", "mission", "top"),
        statement("V", "vision", "top"),
        # agency: A by strong then moderate (0.6), B by a stated link (1.0), C reaches nothing (0)
        statement("A", "objective", "agency"),
        statement("AG", "goal", "agency"),
        statement("B", "goal", "agency"),
        statement("C", "goal", "agency"),
        link("A", "AG"),
        link("AG", "M", "moderate"),
        link("B", "V", None, kind="stated"),
        # unit: U by weak then moderate (0.18), and W by weak directly (0.3)
        statement("U", "target", "unit"),
        statement("W", "target", "unit"),
        link("U", "AG", "weak"),
        link("W", "V", "weak"),
    )
    statements = alignment_graph(dataset)
    top = top_statements(statements)
    scores = organisation_scores(statements, reach(statements, top), top)
    base = dataset.base
    assert set(scores) == {URIRef(base + "o/top"), URIRef(base + "o/agency"), URIRef(base + "o/unit")}

    agency = scores[URIRef(base + "o/agency")]
    # A: 1.0 × 0.6; AG: 0.6; B: 1.0; C: 0.
    assert (agency.statements, agency.scored, agency.reaching) == (4, 4, 3)
    assert agency.score == pytest.approx((0.6 + 0.6 + 1.0 + 0.0) / 4)
    assert agency.reach_share == pytest.approx(3 / 4)

    unit = scores[URIRef(base + "o/unit")]
    assert unit.score == pytest.approx((0.3 * 0.6 + 0.3) / 2)
    assert unit.reach_share == 1.0

    group = scores[URIRef(base + "o/top")]
    assert (group.statements, group.scored, group.score, group.reach_share) == (2, 0, None, None)
    assert group.to_dict()["score"] is None


def test_bundled_scores_are_between_zero_and_one(vores_maal: GoalDataset) -> None:
    statements = alignment_graph(vores_maal)
    top = top_statements(statements)
    scores = organisation_scores(statements, reach(statements, top), top)
    by_name = {str(o).rsplit("/", 1)[-1]: s for o, s in scores.items()}
    # Den Centrale Anklagemyndighed and Justitsministeriet hold no statements.
    assert set(by_name) == {
        "anklagemyndigheden",
        "justitsministeriets-koncern",
        "politiet",
        "politiet-og-anklagemyndigheden",
    }
    for found in scores.values():
        if found.scored:
            assert found.score is not None
            assert found.reach_share is not None
            assert 0.0 <= found.score <= found.reach_share <= 1.0
    prosecution = by_name["anklagemyndigheden"]
    # 14 statements; AM-P, FP1 and X2 reach nothing; X1's only link is moderate.
    assert (prosecution.scored, prosecution.reaching) == (14, 11)
    assert prosecution.score == pytest.approx(10.6 / 14)
    assert by_name["politiet-og-anklagemyndigheden"].score == pytest.approx((0.6 + 1.0) / 2)
    assert by_name["justitsministeriets-koncern"].score is None
