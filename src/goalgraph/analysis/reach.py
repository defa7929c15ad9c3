"""Reach: how each statement stands towards the top, in one record.

Combines :mod:`~goalgraph.analysis.depth`, :mod:`~goalgraph.analysis.paths` and
:mod:`~goalgraph.analysis.strength`: whether the statement reaches the top through
alignments, in how few hops, by how many distinct paths, and how strong its best path
is, with that path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.analysis.depth import depths_to_top
from goalgraph.analysis.paths import path_counts_to_top
from goalgraph.analysis.strength import strongest_paths_to_top
from goalgraph.memory import paused_gc

__all__ = ["Reach", "reach"]


@dataclass(frozen=True)
class Reach:
    """How one statement stands towards the top.

    Attributes
    ----------
    statement : IdentifiedNode
        The statement.
    reaches_top : bool
        Whether an alignment path leads from it to a top statement (a top
        statement reaches the top, by the empty path).
    depth : int or None
        The fewest hops to the top: 0 for a top statement, None if it does not
        reach the top.
    paths : int or None
        The number of distinct paths to the top (0 if it does not reach it); None
        where they can pass through a cycle (see :mod:`goalgraph.analysis.paths`).
    strength : float
        The strength of its best path: the greatest product of the links' weights
        over its paths to the top; 1.0 for a top statement, 0.0 if none reaches it
        (or only through links of weight 0).
    best_path : tuple of IdentifiedNode
        That path, from the statement to the top statement it ends at; empty if it
        does not reach the top.
    """

    statement: IdentifiedNode
    reaches_top: bool
    depth: int | None
    paths: int | None
    strength: float
    best_path: tuple[IdentifiedNode, ...]

    def to_dict(self) -> dict[str, Any]:
        """The reach as JSON-ready data, IRIs as strings."""
        return {
            "statement": str(self.statement),
            "reaches_top": self.reaches_top,
            "depth": self.depth,
            "paths": self.paths,
            "strength": self.strength,
            "best_path": [str(step) for step in self.best_path],
        }


@paused_gc()
def reach(statements: nx.DiGraph, top: Iterable[IdentifiedNode]) -> dict[IdentifiedNode, Reach]:
    """How every statement of an alignment graph stands towards the top.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.
    top : iterable of IdentifiedNode
        The top statements (see :func:`~goalgraph.analysis.top_statements`).

    Returns
    -------
    dict of IdentifiedNode to Reach
        One record per statement.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, by_identifier, top_statements
    >>> statements = alignment_graph(goalgraph.load())
    >>> found = reach(statements, top_statements(statements))
    >>> ids = by_identifier(statements)
    >>> sm3 = found[ids["SM3"]]
    >>> sm3.reaches_top, sm3.depth, sm3.paths, sm3.strength
    (True, 2, 3, 1.0)
    >>> found[ids["FP1"]].reaches_top, found[ids["FP1"]].depth, found[ids["FP1"]].strength
    (False, None, 0.0)
    """
    top = frozenset(top)
    depth = depths_to_top(statements, top)
    paths = path_counts_to_top(statements, top)
    best = strongest_paths_to_top(statements, top)
    records = {}
    for statement in statements:
        strength, path = best.get(statement, (0.0, ()))
        records[statement] = Reach(
            statement=statement,
            reaches_top=statement in depth,
            depth=depth.get(statement),
            paths=paths[statement],
            strength=strength,
            best_path=path,
        )
    return records
