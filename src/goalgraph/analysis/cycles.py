"""Cycles in alignment: statements that support themselves through others.

A cycle (A supports B supports A) means the alignments say nothing about which of
the two serves the other; ``goalgraph validate`` reports one cycle per knot as an
error. Here every elementary cycle is listed (Johnson's algorithm, through
networkx), each as the list of its statements in the order of its links, starting at
the statement with the smallest IRI, so that the same cycle reads the same every
run. The number of cycles can grow exponentially in a dense knot, so at most
``limit`` are returned.
"""

from __future__ import annotations

from itertools import islice

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.memory import paused_gc

__all__ = ["alignment_cycles"]


def _rotated(cycle: list[IdentifiedNode]) -> tuple[IdentifiedNode, ...]:
    start = cycle.index(min(cycle, key=str))
    return tuple(cycle[start:] + cycle[:start])


@paused_gc()
def alignment_cycles(statements: nx.DiGraph, *, limit: int | None = 1000) -> list[tuple[IdentifiedNode, ...]]:
    """The cycles of an alignment graph, each as its statements in link order.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.
    limit : int or None
        Return at most this many cycles (None: all of them).

    Returns
    -------
    list of tuple of IdentifiedNode
        Each cycle ``(A, B, C)`` means A supports B supports C supports A. Shorter
        cycles first, then by IRI.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph
    >>> alignment_cycles(alignment_graph(goalgraph.load()))
    []
    """
    if nx.is_directed_acyclic_graph(statements):
        return []  # the usual case, found in linear time
    found = [_rotated(list(cycle)) for cycle in islice(nx.simple_cycles(statements), limit)]
    return sorted(found, key=lambda cycle: (len(cycle), [str(s) for s in cycle]))
