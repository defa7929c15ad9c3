"""How many distinct alignment paths lead from a statement to the top.

A path starts at the statement, follows alignments (from the supporting statement to
the supported one) and ends at the first top statement it meets: paths stop at the
top, so a top statement has exactly one path (the empty one), and a path through
JM-M1 on to another top statement is not counted again.

Paths are counted by dynamic programming, never enumerated: in a graph without
cycles, the number of paths from a statement is the sum of the numbers from the
statements it supports, so one pass in reverse topological order counts them all,
however many there are (they can grow exponentially with depth).

**Cycles.** A cycle (A supports B supports A) admits paths of any length if walks
may repeat statements, and counting only simple paths is #P-hard. The count is
therefore made on the condensation (each strongly connected component as one node):
a statement whose paths to the top can pass through a cycle gets ``None``, "not a
finite count"; statements whose paths avoid every cycle keep their exact counts, and
a cycle with no path to the top counts 0, as it leads nowhere.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.memory import paused_gc

__all__ = ["path_counts_to_top"]


@paused_gc()
def path_counts_to_top(statements: nx.DiGraph, top: Iterable[IdentifiedNode]) -> dict[IdentifiedNode, int | None]:
    """The number of distinct alignment paths from each statement to the top.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph (edges from the supporting statement to the supported).
    top : iterable of IdentifiedNode
        The top statements.

    Returns
    -------
    dict of IdentifiedNode to int or None
        Every statement: 1 for a top statement, 0 for one that does not reach the
        top, None where paths to the top pass through a cycle (see the module's
        docstring).

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, by_identifier, top_statements
    >>> statements = alignment_graph(goalgraph.load())
    >>> paths = path_counts_to_top(statements, top_statements(statements))
    >>> ids = by_identifier(statements)

    SM3 reaches JM-M2 through PA-M2 and through AM-C, and JM-M1 through AM-C and
    PA-V1; FP4 reaches JM-V2 through SM1 and through SM4, and JM-M2 through SM4, AM-K
    and PA-M2; X2 supports nothing:

    >>> paths[ids["JM-M2"]], paths[ids["SM3"]], paths[ids["FP4"]], paths[ids["X2"]]
    (1, 3, 3, 0)
    """
    top = frozenset(top)
    counts = _count_acyclic(statements, top)
    if counts is None:
        counts = _count_on_condensation(statements, top)
    return counts


def _count_acyclic(statements: nx.DiGraph, top: frozenset[IdentifiedNode]) -> dict[IdentifiedNode, int | None] | None:
    """Count in one pass from the top down (Kahn's order); None if a cycle stops the pass."""
    # A statement is counted once every statement it supports is; a top statement's
    # own alignments do not count (paths stop at the top), so it starts counted.
    waiting = {s: 0 if s in top else len(statements.succ[s]) for s in statements}
    ready = [s for s, left in waiting.items() if left == 0]
    counts: dict[IdentifiedNode, int | None] = {}
    predecessors, successors = statements.pred, statements.succ
    while ready:
        statement = ready.pop()
        if statement in top:
            counts[statement] = 1
        else:
            counts[statement] = sum(counts[after] or 0 for after in successors[statement])
        for supporter in predecessors[statement]:
            if supporter not in top:
                waiting[supporter] -= 1
                if waiting[supporter] == 0:
                    ready.append(supporter)
    return counts if len(counts) == len(waiting) else None


def _count_on_condensation(statements: nx.DiGraph, top: frozenset[IdentifiedNode]) -> dict[IdentifiedNode, int | None]:
    # Paths stop at the top: a top statement's own alignments lead no further.
    upward = nx.DiGraph()
    upward.add_nodes_from(statements)
    upward.add_edges_from((a, b) for a, b in statements.edges if a not in top)
    condensed = nx.condensation(upward)
    members = condensed.nodes(data="members")
    counts: dict[int, int | None] = {}
    for component in reversed(list(nx.topological_sort(condensed))):
        inside = members[component]
        cyclic = len(inside) > 1 or any(upward.has_edge(s, s) for s in inside)
        onwards = [counts[after] for after in condensed.successors(component)]
        if any(count is None for count in onwards):
            counts[component] = None
        elif cyclic:
            # Paths through a cycle that reaches the top are endless; through one that does not, none.
            counts[component] = None if any(onwards) else 0
        elif next(iter(inside)) in top:
            counts[component] = 1
        else:
            counts[component] = sum(count for count in onwards if count is not None)
    mapping = condensed.graph["mapping"]
    return {statement: counts[mapping[statement]] for statement in statements}
