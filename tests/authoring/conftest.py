"""Helpers for the authoring-format tests: fixture paths and graph comparison."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.compare import to_isomorphic

from ..conftest import FIXTURES

GOOD = FIXTURES / "authoring" / "good"
BAD = FIXTURES / "authoring" / "bad"
BASE = "https://w3id.org/goalgraph/id/"


def triples(graph: Graph) -> set[tuple[object, object, object]]:
    """The graph's triples as a set of rdflib terms (no blank nodes in these graphs)."""
    return set(graph.triples((None, None, None)))


def same_graph(a: Graph, b: Graph) -> bool:
    """Whether two graphs hold the same triples, blank nodes aside."""
    return to_isomorphic(a) == to_isomorphic(b)


def fixture(name: str) -> Path:
    """A good fixture or, if there is none by that name, a bad one."""
    return GOOD / name if (GOOD / name).exists() else BAD / name
