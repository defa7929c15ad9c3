"""The top: the missions and visions of the highest organisations.

Alignment paths are traced up to the top, so the top decides what "aligned" means.
It is found in the organisation hierarchy that the alignment graph carries (graph
attribute ``organisations``), by the rules of :mod:`goalgraph.model.hierarchy`:
the top organisations are, for each root of the hierarchy, the organisations
nearest to it that hold a mission or a vision, and the top is their missions and
visions. The same top is each statement's ``top`` in the model
(:class:`goalgraph.model.Statement`).

In the bundled data the only root is *Justitsministeriets koncern*, and the top is
its two mission sentences and three vision sentences (JM-M1, JM-M2, JM-V1..JM-V3).
An organisation in a cycle of the hierarchy has no root above it and so adds nothing
to the top.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.memory import paused_gc
from goalgraph.model import MISSION_OR_VISION, Hierarchy, Organisation, hierarchy_parents, top_of

__all__ = ["MISSION_OR_VISION", "hierarchy_parents", "top_organisations", "top_statements"]


@paused_gc()
def top_organisations(statements: nx.DiGraph) -> frozenset[IdentifiedNode]:
    """The organisations whose missions and visions are the top.

    For each root of the organisation hierarchy, the organisations nearest to it
    that hold a mission or vision (see the module's docstring).

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.

    Returns
    -------
    frozenset of IdentifiedNode

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, local_name
    >>> [local_name(o) for o in top_organisations(alignment_graph(goalgraph.load()))]
    ['justitsministeriets-koncern']
    """
    organisations: Mapping[IdentifiedNode, Organisation] = statements.graph.get("organisations", {})
    return top_of(
        Hierarchy.of(organisations),
        ((data.get("type_iri"), data.get("holder")) for _, data in statements.nodes(data=True)),
    )


@paused_gc()
def top_statements(
    statements: nx.DiGraph, organisations: Iterable[IdentifiedNode] | None = None
) -> frozenset[IdentifiedNode]:
    """The top: the missions and visions of the top organisations.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.
    organisations : iterable of IdentifiedNode, optional
        The top organisations; by default :func:`top_organisations`.

    Returns
    -------
    frozenset of IdentifiedNode
        The top statements.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph
    >>> statements = alignment_graph(goalgraph.load())
    >>> sorted(statements.nodes[s]["identifier"] for s in top_statements(statements))
    ['JM-M1', 'JM-M2', 'JM-V1', 'JM-V2', 'JM-V3']
    """
    chosen = set(top_organisations(statements) if organisations is None else organisations)
    return frozenset(
        statement
        for statement, data in statements.nodes(data=True)
        if data.get("type_iri") in MISSION_OR_VISION and data.get("holder") in chosen
    )
