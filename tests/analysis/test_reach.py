"""Reach: depth, number of paths and best-path strength to the top."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import URIRef

from goalgraph.analysis import (
    alignment_graph,
    by_identifier,
    depths_to_top,
    path_counts_to_top,
    reach,
    strongest_paths_to_top,
    top_statements,
)
from goalgraph.loading import GoalDataset

from .builders import Loader, link, organisation, statement


def named(dataset: GoalDataset) -> tuple[nx.DiGraph, dict[str, URIRef], dict[URIRef, str]]:
    statements = alignment_graph(dataset)
    ids = by_identifier(statements)
    return statements, ids, {node: key for key, node in ids.items()}


@pytest.fixture
def diamond(load_turtle: Loader) -> GoalDataset:
    """A reaches the ministry's mission M through B (weak, then strong) and C (strong, then moderate).

    D hangs under A; E is an orphan; F supports E only; the agency's mission AM is
    supported by nothing and supports M.
    """
    return load_turtle(
        organisation("ministry"),
        organisation("agency", parent="ministry"),
        statement("M", "mission", "ministry"),
        statement("AM", "mission", "agency"),
        statement("A", "goal", "agency"),
        statement("B", "marker", "agency"),
        statement("C", "marker", "agency"),
        statement("D", "objective", "agency"),
        statement("E", "goal", "agency"),
        statement("F", "objective", "agency"),
        link("A", "B", "weak"),
        link("B", "M", "strong"),
        link("A", "C", "strong"),
        link("C", "M", "moderate"),
        link("D", "A", "moderate"),
        link("F", "E", "strong"),
        link("AM", "M", None, kind="stated"),
    )


def test_diamond_has_two_paths_and_the_stronger_wins(diamond: GoalDataset) -> None:
    statements, ids, name = named(diamond)
    top = top_statements(statements)
    assert {name[s] for s in top} == {"M"}
    found = reach(statements, top)
    a = found[ids["A"]]
    assert (a.reaches_top, a.depth, a.paths) == (True, 2, 2)
    # Through B: 0.3 × 1.0 = 0.3; through C: 1.0 × 0.6 = 0.6.
    assert a.strength == pytest.approx(0.6)
    assert [name[s] for s in a.best_path] == ["A", "C", "M"]
    d = found[ids["D"]]
    assert (d.depth, d.paths) == (3, 2)
    assert d.strength == pytest.approx(0.36)
    assert [name[s] for s in d.best_path] == ["D", "A", "C", "M"]
    assert found[ids["AM"]].strength == 1.0
    top_record = found[ids["M"]]
    assert (top_record.depth, top_record.paths, top_record.best_path) == (0, 1, (ids["M"],))


def test_orphans_and_what_hangs_under_them_reach_nothing(diamond: GoalDataset) -> None:
    statements, ids, _ = named(diamond)
    found = reach(statements, top_statements(statements))
    for key in ("E", "F"):
        record = found[ids[key]]
        assert (record.reaches_top, record.depth, record.paths, record.strength, record.best_path) == (
            False,
            None,
            0,
            0.0,
            (),
        )


def test_known_depths(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("V", "vision", "top"),
        statement("G1", "goal", "top"),
        statement("G2", "goal", "top"),
        statement("O1", "objective", "top"),
        statement("T1", "target", "top"),
        link("G1", "M"),
        link("G2", "G1"),
        link("O1", "G2"),
        link("T1", "O1"),
        link("T1", "V", "weak"),  # a shortcut: depth 1, though the strong path is longer
    )
    statements, ids, name = named(dataset)
    depth = depths_to_top(statements, top_statements(statements))
    assert {name[s]: d for s, d in depth.items()} == {"M": 0, "V": 0, "G1": 1, "G2": 2, "O1": 3, "T1": 1}
    best = strongest_paths_to_top(statements, top_statements(statements))
    strength, path = best[ids["T1"]]
    assert strength == 1.0
    assert [name[s] for s in path] == ["T1", "O1", "G2", "G1", "M"]


def test_paths_stop_at_the_top(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("V", "vision", "top"),
        statement("G", "goal", "top"),
        link("M", "V"),
        link("G", "M"),
        link("G", "V"),
    )
    statements, ids, _ = named(dataset)
    paths = path_counts_to_top(statements, top_statements(statements))
    # G → M and G → V; G → M → V goes on past the top and is not counted.
    assert paths[ids["G"]] == 2
    assert paths[ids["M"]] == 1


@pytest.fixture
def cyclic(load_turtle: Loader) -> GoalDataset:
    """X and Y support each other, and Y supports M; Z supports X. P and Q form a cycle that leads nowhere."""
    return load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("X", "goal", "top"),
        statement("Y", "goal", "top"),
        statement("Z", "objective", "top"),
        statement("P", "goal", "top"),
        statement("Q", "goal", "top"),
        statement("R", "objective", "top"),
        link("X", "Y"),
        link("Y", "X", "weak"),
        link("Y", "M", "moderate"),
        link("Z", "X"),
        link("P", "Q"),
        link("Q", "P"),
        link("R", "P"),
        link("R", "M", "weak"),
    )


def test_paths_through_a_cycle_have_no_count(cyclic: GoalDataset) -> None:
    statements, ids, name = named(cyclic)
    found = reach(statements, top_statements(statements))
    assert {name[s] for s, r in found.items() if r.paths is None} == {"X", "Y", "Z"}
    # A cycle that does not reach the top leads nowhere: no paths, and R keeps its own.
    assert (found[ids["P"]].paths, found[ids["Q"]].paths, found[ids["R"]].paths) == (0, 0, 1)
    # Depth and strength are still defined: going round a cycle never helps.
    assert (found[ids["Z"]].depth, found[ids["X"]].depth, found[ids["Y"]].depth) == (3, 2, 1)
    assert found[ids["Z"]].strength == pytest.approx(0.6)
    assert [name[s] for s in found[ids["Z"]].best_path] == ["Z", "X", "Y", "M"]
    assert found[ids["P"]].reaches_top is False


def ladder(rungs: int) -> tuple[nx.DiGraph, URIRef, URIRef]:
    """A graph with 2**rungs paths from its start to its end."""
    graph = nx.DiGraph()
    node = [URIRef(f"urn:test:{i}") for i in range(2 * rungs + 1)]
    for i in range(rungs):
        here, upper, there = node[2 * i], node[2 * i + 1], node[2 * i + 2]
        graph.add_edge(here, upper, weight=1.0)
        graph.add_edge(upper, there, weight=1.0)
        graph.add_edge(here, there, weight=0.6)
    return graph, node[0], node[-1]


def test_path_counts_are_computed_not_enumerated() -> None:
    graph, start, end = ladder(60)
    assert path_counts_to_top(graph, {end})[start] == 2**60
    depth = depths_to_top(graph, {end})
    assert depth[start] == 60
    strength, path = strongest_paths_to_top(graph, {end})[start]
    assert (strength, len(path)) == (1.0, 121)


def test_path_counts_match_enumeration_on_random_graphs() -> None:
    for seed in range(5):
        random = nx.gnp_random_graph(25, 0.15, seed=seed, directed=True)
        graph = nx.DiGraph((URIRef(f"urn:n:{a}"), URIRef(f"urn:n:{b}")) for a, b in random.edges if a < b)
        graph.add_nodes_from(URIRef(f"urn:n:{i}") for i in range(25))
        top = {URIRef("urn:n:24"), URIRef("urn:n:20")}
        counts = path_counts_to_top(graph, top)
        upward = graph.copy()
        upward.remove_edges_from([(a, b) for a, b in graph.edges if a in top])
        for node in graph:
            expected = 1 if node in top else sum(len(list(nx.all_simple_paths(upward, node, t))) for t in top)
            assert counts[node] == expected


def test_bundled_sm3_reaches_the_top_through_the_joint_mission(bundled: GoalDataset) -> None:
    statements, ids, name = named(bundled)
    sm3 = reach(statements, top_statements(statements))[ids["SM3"]]
    assert sm3.reaches_top
    assert [name[s] for s in sm3.best_path] == ["SM3", "PA-M2", "JM-M2"]
    assert sm3.strength == 1.0
    assert nx.has_path(statements, ids["SM3"], ids["PA-M2"])


def test_bundled_fp4_reaches_jm_v2_through_sm1(bundled: GoalDataset) -> None:
    statements, ids, name = named(bundled)
    fp4 = reach(statements, top_statements(statements))[ids["FP4"]]
    assert (fp4.reaches_top, fp4.depth) == (True, 2)
    assert [name[s] for s in fp4.best_path] == ["FP4", "SM1", "JM-V2"]
    assert fp4.paths == 3


def test_bundled_reach_is_consistent(bundled: GoalDataset) -> None:
    statements, _, name = named(bundled)
    top = top_statements(statements)
    found = reach(statements, top)
    # FP1 supports only AM-P, which (like X2) supports nothing.
    assert {name[s] for s, r in found.items() if not r.reaches_top} == {"AM-P", "FP1", "X2"}
    for node, record in found.items():
        assert 0.0 <= record.strength <= 1.0
        assert record.reaches_top == (record.depth is not None) == bool(record.paths)
        if record.depth is not None:
            assert record.best_path[0] == node
            assert record.best_path[-1] in top
            assert len(record.best_path) - 1 >= record.depth
