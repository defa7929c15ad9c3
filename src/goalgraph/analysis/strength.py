"""The strongest alignment path from each statement to the top.

The strength of a path is the product of its alignments' weights (``gg:weight`` of
the strength: strong 1.0, moderate 0.6, weak 0.3; 1.0 for a stated link), so a path
is as strong as its links together: two moderate links make 0.36. A statement's
strength is that of its best path, the greatest product over all its paths to the
top: 1.0 for a top statement, 0.0 when no path reaches the top.

As weights are at most 1, a path never gains by going on, so the best path is found
by Dijkstra's algorithm backwards from the whole top at once, maximising the product
instead of minimising a sum; cycles need no special care (going round one can only
weaken a path). A weight above 1 is treated as 1. Among equally strong paths the one
with fewer hops is kept, then the one through the first statement by IRI, so the
result is the same every run.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.memory import paused_gc

__all__ = ["strongest_paths_to_top"]


@paused_gc()
def strongest_paths_to_top(
    statements: nx.DiGraph, top: Iterable[IdentifiedNode], weight: str = "weight"
) -> dict[IdentifiedNode, tuple[float, tuple[IdentifiedNode, ...]]]:
    """The strength and the statements of each statement's strongest path to the top.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph (edges from the supporting statement to the supported).
    top : iterable of IdentifiedNode
        The top statements.
    weight : str
        The edge attribute that holds a link's weight, between 0 and 1.

    Returns
    -------
    dict of IdentifiedNode to (float, tuple of IdentifiedNode)
        The statements that reach the top, each with the strength of its best path
        and that path, from the statement itself to the top statement it ends at.
        Statements that do not reach the top (strength 0) are not keys.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, by_identifier, top_statements
    >>> statements = alignment_graph(goalgraph.load())
    >>> best = strongest_paths_to_top(statements, top_statements(statements))
    >>> ids = by_identifier(statements)
    >>> name = {node: key for key, node in ids.items()}
    >>> strength, path = best[ids["SM3"]]
    >>> strength, [name[s] for s in path]
    (1.0, ['SM3', 'PA-M2', 'JM-M2'])

    FP2's paths: to JM-V1 (weak, 0.3) and through AM-K and PA-M2 (strong throughout):

    >>> best[ids["FP2"]][0], len(best[ids["FP2"]][1])
    (1.0, 4)
    """
    # best[s] = (strength, hops, next statement on the path or None at the top)
    best: dict[IdentifiedNode, tuple[float, int, IdentifiedNode | None]] = {
        statement: (1.0, 0, None) for statement in top if statement in statements
    }
    heap = [(-1.0, 0, str(statement), statement) for statement in best]
    heapq.heapify(heap)
    done: set[IdentifiedNode] = set()
    predecessors = statements.pred
    while heap:
        negative, hops, _, statement = heapq.heappop(heap)
        if statement in done:
            continue
        done.add(statement)
        for supporter, data in predecessors[statement].items():
            if supporter in done:
                continue
            strength = -negative * min(float(data.get(weight, 1.0)), 1.0)
            if strength <= 0.0:
                continue
            known = best.get(supporter)
            # Stronger first, then fewer hops, then the next statement's IRI.
            if known is None or (-strength, hops + 1, str(statement)) < (-known[0], known[1], str(known[2])):
                best[supporter] = (strength, hops + 1, statement)
                heapq.heappush(heap, (-strength, hops + 1, str(supporter), supporter))

    paths: dict[IdentifiedNode, tuple[float, tuple[IdentifiedNode, ...]]] = {}
    for statement, (strength, _, _) in best.items():
        path = [statement]
        following = best[statement][2]
        while following is not None:
            path.append(following)
            following = best[following][2]
        paths[statement] = (strength, tuple(path))
    return paths
