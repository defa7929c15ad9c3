"""Depth: the fewest alignment hops from a statement to the top.

A top statement has depth 0; a statement that supports one has depth 1, and so on.
A statement with no alignment path to the top has no depth and is left out of the
result. Found by one breadth-first search backwards from the whole top at once
(networkx's :func:`~networkx.bfs_layers` on the graph reversed: each layer is one
hop further down), so the cost is linear in the size of the graph.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

import networkx as nx

from goalgraph.memory import paused_gc

__all__ = ["depths_to_top"]

#: A node of the graph: a statement's IRI, or any other key for it (the explorer uses positions).
N = TypeVar("N", bound=Hashable)


@paused_gc()
def depths_to_top(statements: nx.DiGraph, top: Iterable[N]) -> dict[N, int]:
    """The fewest hops from each statement that reaches the top to a top statement.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph (edges from the supporting statement to the supported).
    top : iterable of nodes
        The top statements (see :func:`~goalgraph.analysis.top_statements`).

    Returns
    -------
    dict of node to int
        The statements that reach the top, each with its depth (0 for the top
        itself). Statements that do not reach it are not keys.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, by_identifier, top_statements
    >>> statements = alignment_graph(goalgraph.load())
    >>> depth = depths_to_top(statements, top_statements(statements))
    >>> ids = by_identifier(statements)
    >>> depth[ids["JM-M2"]], depth[ids["PA-M2"]], depth[ids["SM3"]], depth[ids["FP3"]]
    (0, 1, 2, 1)
    >>> ids["AM-P"] in depth
    False
    """
    sources = [statement for statement in dict.fromkeys(top) if statement in statements]
    # Backwards: from a statement to those that support it (a view, not a copy).
    layers = nx.bfs_layers(nx.reverse_view(statements), sources)
    return {statement: hops for hops, layer in enumerate(layers) for statement in layer}
