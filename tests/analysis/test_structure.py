"""Cycles, clusters, orphans and centrality."""

from __future__ import annotations

import random

import networkx as nx
import pytest
from rdflib import URIRef

from goalgraph.analysis import (
    alignment_betweenness,
    alignment_cycles,
    alignment_graph,
    by_identifier,
    clusters,
    orphans,
)
from goalgraph.loading import GoalDataset

from .builders import Loader, link, organisation, statement


def test_a_cycle_is_listed_from_its_smallest_iri(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("C", "goal", "top"),
        statement("A", "goal", "top"),
        statement("B", "goal", "top"),
        statement("D", "goal", "top"),
        link("B", "C"),
        link("C", "A"),
        link("A", "B"),
        link("A", "M"),
        link("D", "M"),
    )
    statements = alignment_graph(dataset)
    ids = by_identifier(statements)
    assert alignment_cycles(statements) == [(ids["A"], ids["B"], ids["C"])]


def test_several_cycles_shortest_first_and_a_limit(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        statement("A", "goal", "top"),
        statement("B", "goal", "top"),
        statement("C", "goal", "top"),
        link("A", "B"),
        link("B", "A"),
        link("B", "C"),
        link("C", "A"),
    )
    statements = alignment_graph(dataset)
    ids = by_identifier(statements)
    assert alignment_cycles(statements) == [(ids["A"], ids["B"]), (ids["A"], ids["B"], ids["C"])]
    assert len(alignment_cycles(statements, limit=1)) == 1


def test_bundled_has_no_cycles(bundled: GoalDataset) -> None:
    assert alignment_cycles(alignment_graph(bundled)) == []


def test_two_disconnected_clusters(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        organisation("agency", parent="top"),
        organisation("other", parent="top"),
        statement("M", "mission", "top"),
        statement("G", "goal", "agency"),
        statement("O", "objective", "agency"),
        statement("X", "goal", "other"),
        statement("Y", "objective", "other"),
        statement("Z", "target", "other"),
        link("G", "M"),
        link("O", "G"),
        link("Y", "X"),
        link("Z", "X", "weak"),
    )
    statements = alignment_graph(dataset)
    ids = by_identifier(statements)
    found = clusters(statements)
    assert [c.statements for c in found] == [{ids["M"], ids["G"], ids["O"]}, {ids["X"], ids["Y"], ids["Z"]}]
    base = dataset.base
    assert found[0].organisations == {URIRef(base + "o/top"), URIRef(base + "o/agency")}
    assert found[1].organisations == {URIRef(base + "o/other")}
    assert found[1].to_dict()["size"] == 3
    # X's cluster never reaches the top; X itself supports nothing.
    assert orphans(statements) == [ids["X"]]


def test_an_orphan_supports_nothing_but_missions_may(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        organisation("agency", parent="top"),
        statement("M", "mission", "top"),
        statement("AV", "vision", "agency"),
        statement("P", "purpose", "agency"),
        statement("G", "goal", "agency"),
        link("G", "M"),
    )
    statements = alignment_graph(dataset)
    ids = by_identifier(statements)
    assert orphans(statements) == [ids["P"]]
    # P and AV have no alignment at all: each is a cluster of its own.
    assert [len(c.statements) for c in clusters(statements)] == [2, 1, 1]


def test_bundled_orphans_and_clusters(vores_maal: GoalDataset) -> None:
    statements = alignment_graph(vores_maal)
    ids = by_identifier(statements)
    name = {node: key for key, node in ids.items()}
    assert sorted(name[s] for s in orphans(statements)) == ["AM-P", "X2"]
    found = clusters(statements)
    assert [sorted(name[s] for s in c.statements) for c in found[1:]] == [
        ["JM-V3", "SM2", "X1", "X2"],
        ["AM-P", "FP1"],
    ]
    assert sum(len(c.statements) for c in found) == 22


def networkx_betweenness(statements: nx.DiGraph) -> dict[URIRef, float]:
    distance = nx.DiGraph()
    distance.add_nodes_from(statements)
    distance.add_edges_from((a, b, {"distance": 1 / w}) for a, b, w in statements.edges(data="weight"))
    result: dict[URIRef, float] = nx.betweenness_centrality(distance, weight="distance")
    return result


def test_betweenness_equals_networkx_on_bundled_data(vores_maal: GoalDataset) -> None:
    statements = alignment_graph(vores_maal)
    ours = alignment_betweenness(statements)
    assert ours == pytest.approx(networkx_betweenness(statements))
    ids = by_identifier(statements)
    # The core task and the joint mission carry the agency's markers up to the group.
    ranked = sorted(ours, key=lambda s: -ours[s])
    assert set(ranked[:2]) == {ids["AM-K"], ids["PA-M2"]}
    assert ours[ids["JM-M1"]] == 0.0  # nothing passes through the top


@pytest.mark.parametrize("seed", range(4))
def test_betweenness_equals_networkx_on_random_weighted_graphs(seed: int) -> None:
    rng = random.Random(seed)
    random_graph = nx.gnp_random_graph(40, 0.08, seed=seed, directed=True)
    statements = nx.DiGraph()
    statements.add_nodes_from(URIRef(f"urn:n:{i}") for i in range(40))
    for a, b in random_graph.edges:
        weight = rng.choice([1.0, 0.6, 0.3])
        statements.add_edge(URIRef(f"urn:n:{a}"), URIRef(f"urn:n:{b}"), weight=weight)
    assert alignment_betweenness(statements) == pytest.approx(networkx_betweenness(statements))


def test_betweenness_of_a_chain_by_hand() -> None:
    # A → B → C: only B lies between two others, on one of the 3 × 2 ordered pairs.
    a, b, c = (URIRef(f"urn:{x}") for x in "abc")
    statements = nx.DiGraph([(a, b, {"weight": 0.6}), (b, c, {"weight": 1.0})])
    assert alignment_betweenness(statements) == {a: 0.0, b: 0.5, c: 0.0}
    assert alignment_betweenness(statements, normalized=False) == {a: 0.0, b: 1.0, c: 0.0}


def test_weak_links_are_long(load_turtle: Loader) -> None:
    # S reaches M by a weak direct link (length 3.33) or through H by two strong ones (2): through H.
    dataset = load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("H", "goal", "top"),
        statement("S", "objective", "top"),
        link("S", "M", "weak"),
        link("S", "H"),
        link("H", "M"),
    )
    statements = alignment_graph(dataset)
    ids = by_identifier(statements)
    assert alignment_betweenness(statements)[ids["H"]] > 0
