"""Coverage: what supports each mission and vision, directly and transitively.

For every statement of class ``gg:Mission`` or ``gg:Vision`` (top or not), its
*direct supporters* are the statements with an alignment to it, and its *transitive
supporters* are all statements from which an alignment path leads to it (its
ancestors in the alignment graph; the direct ones included). A mission or vision
with no supporter at all is a *gap*: nothing in the data is aligned with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.analysis.top import MISSION_OR_VISION
from goalgraph.memory import paused_gc

__all__ = ["Coverage", "coverage"]


@dataclass(frozen=True)
class Coverage:
    """What supports one mission or vision.

    Attributes
    ----------
    statement : IdentifiedNode
        The mission or vision.
    direct : frozenset of IdentifiedNode
        The statements aligned with it directly.
    transitive : frozenset of IdentifiedNode
        Every statement with an alignment path to it (``direct`` included).
    """

    statement: IdentifiedNode
    direct: frozenset[IdentifiedNode]
    transitive: frozenset[IdentifiedNode]

    @property
    def direct_count(self) -> int:
        """How many statements support it directly."""
        return len(self.direct)

    @property
    def transitive_count(self) -> int:
        """How many statements support it, directly or through others."""
        return len(self.transitive)

    @property
    def gap(self) -> bool:
        """True when nothing supports it."""
        return not self.transitive

    def to_dict(self) -> dict[str, Any]:
        """The coverage as JSON-ready data, IRIs as strings (sorted)."""
        return {
            "statement": str(self.statement),
            "direct_count": self.direct_count,
            "transitive_count": self.transitive_count,
            "gap": self.gap,
            "direct": sorted(map(str, self.direct)),
            "transitive": sorted(map(str, self.transitive)),
        }


@paused_gc()
def coverage(statements: nx.DiGraph) -> dict[IdentifiedNode, Coverage]:
    """The supporters of every mission and vision in an alignment graph.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.

    Returns
    -------
    dict of IdentifiedNode to Coverage
        One record per statement of class ``gg:Mission`` or ``gg:Vision``.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, by_identifier
    >>> statements = alignment_graph(goalgraph.load())
    >>> ids = by_identifier(statements)
    >>> name = {node: key for key, node in ids.items()}
    >>> covered = coverage(statements)
    >>> sorted(name[s] for s in covered[ids["JM-V2"]].direct)
    ['POL-T1', 'SM1', 'SM4']
    >>> sorted(name[s] for s in covered[ids["JM-V2"]].transitive)
    ['AM-T1', 'FP4', 'POL-T1', 'SM1', 'SM4']
    >>> sorted(name[s] for s in covered[ids["PA-M1"]].direct)  # the police's 2019 targets
    ['POL-T3', 'POL-T5']
    """
    records = {}
    for statement, kind in statements.nodes(data="type_iri"):
        if kind in MISSION_OR_VISION:
            records[statement] = Coverage(
                statement=statement,
                direct=frozenset(statements.pred[statement]),
                transitive=frozenset(nx.ancestors(statements, statement)),
            )
    return records
