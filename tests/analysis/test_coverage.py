"""Coverage of missions and visions, checked against domain.md's curated table."""

from __future__ import annotations

import networkx as nx
import pytest

from goalgraph.analysis import alignment_graph, by_identifier, coverage
from goalgraph.loading import GoalDataset

from .builders import Loader, link, organisation, statement


def test_bundled_coverage_is_what_the_curated_table_implies(
    vores_maal: GoalDataset, curated_table: list[tuple[str, str, str]]
) -> None:
    # The table as a graph of identifiers: what supports what, and so transitively.
    implied = nx.DiGraph((a, b) for a, b, _ in curated_table)
    statements = alignment_graph(vores_maal)
    ids = by_identifier(statements)
    name = {node: key for key, node in ids.items()}
    covered = coverage(statements)
    missions_and_visions = sorted(key for key in ids if key.startswith(("JM-", "PA-")))
    assert len(missions_and_visions) == 9
    assert sorted(name[s] for s in covered) == missions_and_visions
    for key in missions_and_visions:
        found = covered[ids[key]]
        expected_direct = set(implied.predecessors(key)) if key in implied else set()
        expected_all = nx.ancestors(implied, key) if key in implied else set()
        assert {name[s] for s in found.direct} == expected_direct, key
        assert {name[s] for s in found.transitive} == expected_all, key
        assert found.direct_count == len(expected_direct)
        assert found.transitive_count == len(expected_all)
        assert found.gap == (not expected_all)


def test_bundled_gaps_and_a_known_supporter_set(vores_maal: GoalDataset) -> None:
    statements = alignment_graph(vores_maal)
    ids = by_identifier(statements)
    name = {node: key for key, node in ids.items()}
    covered = coverage(statements)
    assert sorted(name[s] for s, c in covered.items() if c.gap) == ["PA-M1", "PA-V2"]
    assert sorted(name[s] for s in covered[ids["JM-M2"]].direct) == ["AM-C", "FP3", "PA-M2"]
    assert sorted(name[s] for s in covered[ids["JM-M2"]].transitive) == [
        "AM-C", "AM-K", "FP2", "FP3", "FP4", "PA-M2", "SM3", "SM4",
    ]  # fmt: skip


def test_a_vision_with_nothing_under_it_is_a_gap(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        organisation("agency", parent="top"),
        statement("M", "mission", "top"),
        statement("V", "vision", "top"),
        statement("AV", "vision", "agency"),
        statement("G", "goal", "agency"),
        statement("O", "objective", "agency"),
        link("G", "M"),
        link("O", "G"),
        link("O", "AV", "weak"),
    )
    statements = alignment_graph(dataset)
    ids = by_identifier(statements)
    covered = coverage(statements)
    assert set(covered) == {ids["M"], ids["V"], ids["AV"]}
    assert covered[ids["V"]].gap
    assert covered[ids["V"]].to_dict()["transitive"] == []
    assert covered[ids["M"]].direct == {ids["G"]}
    assert covered[ids["M"]].transitive == {ids["G"], ids["O"]}
    assert covered[ids["AV"]].transitive == {ids["O"]}
    assert covered[ids["M"]].to_dict()["direct_count"] == 1


@pytest.mark.parametrize("include_suggested", [False, True])
def test_suggestions_count_for_coverage_only_when_included(load_turtle: Loader, include_suggested: bool) -> None:
    dataset = load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("G", "goal", "top"),
        link("G", "M", None, kind="suggested", score=0.5),
    )
    statements = alignment_graph(dataset, include_suggested=include_suggested)
    ids = by_identifier(statements)
    assert coverage(statements)[ids["M"]].gap is not include_suggested
