"""Orphans: statements below mission level that support nothing.

A mission or vision is where alignment paths end, so it may support nothing; any
other statement (a purpose, focus point, marker, goal, target...) that has no
alignment to anything above it is an *orphan*: the data does not say what it serves.
"""

from __future__ import annotations

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.analysis.top import MISSION_OR_VISION
from goalgraph.memory import paused_gc

__all__ = ["orphans"]


@paused_gc()
def orphans(statements: nx.DiGraph) -> list[IdentifiedNode]:
    """The statements, other than missions and visions, with no outgoing alignment.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.

    Returns
    -------
    list of IdentifiedNode
        Sorted by IRI.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph
    >>> statements = alignment_graph(goalgraph.load())
    >>> sorted(statements.nodes[s]["identifier"] for s in orphans(statements))
    ['AM-P', 'X2']
    """
    found = [
        statement
        for statement, kind in statements.nodes(data="type_iri")
        if kind not in MISSION_OR_VISION and statements.out_degree(statement) == 0
    ]
    return sorted(found, key=str)
