"""The top: the missions and visions of the highest organisations.

Alignment paths are traced up to the top, so the top decides what "aligned" means.
It is found in the organisation hierarchy that the alignment graph carries (graph
attribute ``organisations``, from ``org:subOrganizationOf`` and ``org:unitOf`` and
their inverses):

1. An organisation's *parents* are the organisations it is a sub-organisation or
   unit of. Parents that the dataset does not describe as organisations are ignored
   (``goalgraph validate`` reports them as dangling references).
2. A collaboration (an organisation with ``org:hasMember`` organisations, as an
   ``org:OrganizationalCollaboration`` has) with no parent of its own sits at the
   level of its members: it takes its members' parents as its own. So the joint
   police and prosecution body of the bundled data would sit under the ministry's
   group even if the data did not say so.
3. A *root* is an organisation with no parent.
4. The *top organisations* are, for each root, the organisations nearest to it
   (the root itself, else its children, and so on down) that hold a mission or a
   vision: a root that states nothing of its own, such as a government above its
   ministries, hands the top to the highest level below it that does.
5. The *top* is the set of missions and visions (statements of class
   ``gg:Mission`` or ``gg:Vision``) held by the top organisations.

In the bundled data the only root is *Justitsministeriets koncern*, and the top is
its two mission sentences and three vision sentences (JM-M1, JM-M2, JM-V1..JM-V3).
An organisation in a cycle of the hierarchy has no root above it and so adds nothing
to the top.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.analysis.graph import Organisation
from goalgraph.memory import paused_gc
from goalgraph.namespaces import GG

__all__ = ["MISSION_OR_VISION", "hierarchy_parents", "top_organisations", "top_statements"]

#: The statement classes whose statements can be top statements and have coverage.
MISSION_OR_VISION = frozenset({GG.Mission, GG.Vision})


def hierarchy_parents(
    organisations: Mapping[IdentifiedNode, Organisation],
) -> dict[IdentifiedNode, frozenset[IdentifiedNode]]:
    """Each organisation's parents in the hierarchy, a collaboration's from its members.

    Parameters
    ----------
    organisations : Mapping of IdentifiedNode to Organisation
        The organisations, as in an alignment graph's ``organisations`` attribute.

    Returns
    -------
    dict of IdentifiedNode to frozenset of IdentifiedNode
        Every organisation, with its parents (described organisations only).

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, local_name
    >>> parents = hierarchy_parents(alignment_graph(goalgraph.load()).graph["organisations"])
    >>> sorted(local_name(o) for o, above in parents.items() if not above)
    ['justitsministeriets-koncern']
    """
    own = {
        organisation: frozenset(p for p in found.parents if p in organisations and p != organisation)
        for organisation, found in organisations.items()
    }
    parents = dict(own)
    for organisation, found in organisations.items():
        if not own[organisation]:
            # A collaboration sits where its members sit: under their parents.
            inherited = {p for m in found.members if m in own for p in own[m]} - {organisation}
            if inherited:
                parents[organisation] = frozenset(inherited)
    return parents


def _holders_of_mission_or_vision(statements: nx.DiGraph) -> set[IdentifiedNode]:
    return {
        data["holder"]
        for _, data in statements.nodes(data=True)
        if data.get("type_iri") in MISSION_OR_VISION and data.get("holder") is not None
    }


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
    parents = hierarchy_parents(organisations)
    children: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for organisation, above in parents.items():
        for parent in above:
            children.setdefault(parent, []).append(organisation)
    holding = _holders_of_mission_or_vision(statements)

    top: set[IdentifiedNode] = set()
    for root in (organisation for organisation, above in parents.items() if not above):
        # Breadth first, level by level, until a level holds a mission or vision.
        level, seen = [root], {root}
        while level:
            found = [organisation for organisation in level if organisation in holding]
            if found:
                top.update(found)
                break
            below = {c for organisation in level for c in children.get(organisation, ()) if c not in seen}
            seen |= below
            level = sorted(below, key=str)
    return frozenset(top)


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
