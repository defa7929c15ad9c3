"""Alignment-weighted betweenness: the statements that hold the structure together.

A statement's betweenness is the share of shortest alignment paths between other
statements that pass through it (Freeman 1977; Brandes 2001): a statement with high
betweenness is a hinge, such as a joint mission that carries an agency's markers up
to the ministry's mission, and removing or weakening it cuts many statements off.

**Choice of distance.** Paths follow alignments in their direction (from the
supporting statement to the supported), and a link's length is ``1 / weight``:
strong 1, moderate 1.67, weak 3.33, stated 1. So a strong link is a short step and
a weak one a long step, and a path of two strong links (length 2) is preferred to
one weak link (3.33). This inverse-weight distance is the usual convention for
weighted betweenness (Newman 2001; Brandes 2001; Opsahl, Agneessens and Skvoretz
2010). Unlike ``-log(weight)``, the distance that the strength of a path
(:mod:`~goalgraph.analysis.strength`) implies, it gives a strong link a positive
length, so among equally strong routes the shorter counts more, as hops between
organisations cost coordination. Links of weight 0 or less are ignored.

The values are normalised as networkx's ``betweenness_centrality(G, weight=...,
normalized=True)`` for directed graphs, dividing by ``(n - 1)(n - 2)``, and equal
it (the tests check this). The computation is Brandes' algorithm written so that
each source's search touches only the statements it reaches: networkx's version
initialises its per-source tables for every node, which is quadratic in the number
of statements, while in an alignment graph a statement reaches only the few dozen
statements above it. That makes exact betweenness affordable on a million triples.
"""

from __future__ import annotations

import heapq
from itertools import count

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.memory import paused_gc

__all__ = ["alignment_betweenness"]


@paused_gc()
def alignment_betweenness(
    statements: nx.DiGraph, weight: str = "weight", *, normalized: bool = True
) -> dict[IdentifiedNode, float]:
    """The betweenness of every statement, with distance ``1 / weight``.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.
    weight : str
        The edge attribute holding a link's weight (strong 1.0 ... weak 0.3).
    normalized : bool
        Divide by the number of ordered pairs of other statements,
        ``(n - 1)(n - 2)``, as networkx does for directed graphs.

    Returns
    -------
    dict of IdentifiedNode to float
        Every statement with its betweenness.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, by_identifier
    >>> statements = alignment_graph(goalgraph.load())
    >>> central = alignment_betweenness(statements)
    >>> name = {node: key for key, node in by_identifier(statements).items()}
    >>> [name[s] for s in sorted(central, key=lambda s: (-central[s], str(s)))[:3]]
    ['SM4', 'AM-K', 'SM3']
    """
    betweenness = dict.fromkeys(statements, 0.0)
    successors = statements.succ
    for source in statements:
        # Dijkstra from `source`, keeping for each statement reached its shortest-path
        # predecessors and the number of shortest paths (sigma), as networkx does.
        order: list[IdentifiedNode] = []
        before: dict[IdentifiedNode, list[IdentifiedNode]] = {source: []}
        sigma: dict[IdentifiedNode, float] = {source: 1.0}
        settled: dict[IdentifiedNode, float] = {}
        seen = {source: 0.0}
        tick = count()
        queue: list[tuple[float, int, IdentifiedNode, IdentifiedNode]] = [(0.0, next(tick), source, source)]
        while queue:
            distance, _, previous, statement = heapq.heappop(queue)
            if statement in settled:
                continue
            sigma[statement] += sigma[previous]
            order.append(statement)
            settled[statement] = distance
            for supported, data in successors[statement].items():
                link = float(data.get(weight, 1.0))
                if link <= 0.0:
                    continue
                further = distance + 1.0 / link
                if supported not in settled and (supported not in seen or further < seen[supported]):
                    seen[supported] = further
                    heapq.heappush(queue, (further, next(tick), statement, supported))
                    sigma[supported] = 0.0
                    before[supported] = [statement]
                elif further == seen.get(supported):
                    sigma[supported] += sigma[statement]
                    before[supported].append(statement)
        # Accumulate dependencies back from the farthest statement.
        delta = dict.fromkeys(order, 0.0)
        while order:
            statement = order.pop()
            share = (1.0 + delta[statement]) / sigma[statement]
            for previous in before[statement]:
                delta[previous] += sigma[previous] * share
            if statement != source:
                betweenness[statement] += delta[statement]
    others = len(statements) - 1
    if normalized and others >= 2:
        scale = 1.0 / (others * (others - 1))
        for statement in betweenness:
            betweenness[statement] *= scale
    return betweenness
