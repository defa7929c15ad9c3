"""Clusters: groups of statements joined by alignments, in either direction.

The clusters are the weakly connected components of the alignment graph: two
statements are in the same cluster when a chain of alignments joins them, whichever
way each link points. More than one cluster means parts of the picture that no
alignment connects, such as a new plan nobody has aligned yet; a statement with no
alignment at all is a cluster of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.memory import paused_gc

__all__ = ["Cluster", "clusters"]


@dataclass(frozen=True)
class Cluster:
    """A weakly connected group of statements.

    Attributes
    ----------
    statements : frozenset of IdentifiedNode
        Its statements.
    organisations : frozenset of IdentifiedNode
        The holders of its statements.
    """

    statements: frozenset[IdentifiedNode]
    organisations: frozenset[IdentifiedNode]

    def to_dict(self) -> dict[str, Any]:
        """The cluster as JSON-ready data, IRIs as strings (sorted)."""
        return {
            "size": len(self.statements),
            "statements": sorted(map(str, self.statements)),
            "organisations": sorted(map(str, self.organisations)),
        }


@paused_gc()
def clusters(statements: nx.DiGraph) -> list[Cluster]:
    """The weakly connected components of an alignment graph, largest first.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.

    Returns
    -------
    list of Cluster
        Largest first; clusters of equal size by their smallest statement IRI.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, local_name
    >>> statements = alignment_graph(goalgraph.load())
    >>> found = clusters(statements)

    The curated alignments of the bundled data fall into three clusters: the main one,
    SM2, X1, X2 and the target AM-T2 around JM-V3, and FP1 with AM-P, which supports nothing:

    >>> [len(cluster.statements) for cluster in found]
    [23, 5, 2]
    >>> sorted(statements.nodes[s]["identifier"] for s in found[1].statements)
    ['AM-T2', 'JM-V3', 'SM2', 'X1', 'X2']
    >>> sorted(local_name(o) for o in found[0].organisations)
    ['anklagemyndigheden', 'justitsministeriets-koncern', 'politiet', 'politiet-og-anklagemyndigheden']
    """
    holders = statements.nodes(data="holder")
    found = [
        Cluster(
            statements=frozenset(component),
            organisations=frozenset(holders[s] for s in component if holders[s] is not None),
        )
        for component in nx.weakly_connected_components(statements)
    ]
    return sorted(found, key=lambda cluster: (-len(cluster.statements), min(map(str, cluster.statements))))
