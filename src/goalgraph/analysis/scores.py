"""The alignment score of an organisation: how well its statements reach the top.

**Definition.** For an organisation *O*, let *S(O)* be the statements *O* holds
(``gg:holder``), leaving out top statements (they are what the others are aligned
with, not aligned themselves). Then

- ``score(O)`` = the mean, over *S(O)*, of each statement's *strength*: the product
  of the link weights along its best path to the top (strong 1.0, moderate 0.6,
  weak 0.3, stated 1.0; see :mod:`~goalgraph.analysis.strength`), and 0 for a
  statement that does not reach the top;
- ``reach_share(O)`` = the plain share of *S(O)* that reaches the top at all.

Both lie in [0, 1]. ``score`` is 1 when every statement has an all-strong (or
stated) path to the top, and falls with weak links, long moderate chains and
statements that lead nowhere; ``reach_share`` tells the two causes apart. For
example, an organisation holding two statements, one with a path of a strong and
a moderate link (1.0 × 0.6 = 0.6) and one that reaches nothing (0), scores
(0.6 + 0) / 2 = 0.3 with a reach share of 1/2.

Organisations that hold no statements are left out. An organisation that holds
only top statements (the ministry's group in the bundled data) has nothing to
score: its ``score`` and ``reach_share`` are None.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.analysis.reach import Reach
from goalgraph.memory import paused_gc

__all__ = ["OrganisationScore", "organisation_scores"]


@dataclass(frozen=True)
class OrganisationScore:
    """The alignment score of one organisation (see the module's docstring).

    Attributes
    ----------
    organisation : IdentifiedNode
        The holder.
    statements : int
        How many statements it holds, top statements included.
    scored : int
        How many of them are scored: those that are not top statements.
    reaching : int
        How many of the scored ones reach the top.
    score : float or None
        The mean best-path strength of the scored statements (0 where one does not
        reach the top); None when none is scored.
    reach_share : float or None
        ``reaching / scored``; None when none is scored.
    """

    organisation: IdentifiedNode
    statements: int
    scored: int
    reaching: int
    score: float | None
    reach_share: float | None

    def to_dict(self) -> dict[str, Any]:
        """The score as JSON-ready data, the IRI as a string."""
        return {
            "organisation": str(self.organisation),
            "statements": self.statements,
            "scored": self.scored,
            "reaching": self.reaching,
            "score": self.score,
            "reach_share": self.reach_share,
        }


@paused_gc()
def organisation_scores(
    statements: nx.DiGraph, reach: Mapping[IdentifiedNode, Reach], top: Iterable[IdentifiedNode]
) -> dict[IdentifiedNode, OrganisationScore]:
    """The alignment score of every organisation that holds statements.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`~goalgraph.analysis.alignment_graph`.
    reach : Mapping of IdentifiedNode to Reach
        Each statement's reach, from :func:`~goalgraph.analysis.reach`.
    top : iterable of IdentifiedNode
        The top statements.

    Returns
    -------
    dict of IdentifiedNode to OrganisationScore
        One per holder of at least one statement.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph, local_name, reach, top_statements
    >>> statements = alignment_graph(goalgraph.load())
    >>> top = top_statements(statements)
    >>> scores = organisation_scores(statements, reach(statements, top), top)
    >>> for organisation, found in sorted(scores.items()):
    ...     score = None if found.score is None else round(found.score, 3)
    ...     print(local_name(organisation), found.scored, found.reaching, score)
    anklagemyndigheden 17 14 0.8
    justitsministeriets-koncern 0 0 None
    politiet 6 6 0.893
    politiet-og-anklagemyndigheden 2 2 0.8
    """
    top = frozenset(top)
    held: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for statement, holder in statements.nodes(data="holder"):
        if holder is not None:
            held.setdefault(holder, []).append(statement)
    scores = {}
    for organisation, own in held.items():
        scored = [reach[s] for s in own if s not in top]
        reaching = sum(1 for found in scored if found.reaches_top)
        scores[organisation] = OrganisationScore(
            organisation=organisation,
            statements=len(own),
            scored=len(scored),
            reaching=reaching,
            score=sum(found.strength for found in scored) / len(scored) if scored else None,
            reach_share=reaching / len(scored) if scored else None,
        )
    return scores
