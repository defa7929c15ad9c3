"""One call for the whole alignment analysis of a goal graph: :func:`analyse`."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx
from rdflib import Graph
from rdflib.term import IdentifiedNode

from goalgraph.achievement.conflicts import Conflict, conflicts
from goalgraph.analysis.centrality import alignment_betweenness
from goalgraph.analysis.clusters import Cluster, clusters
from goalgraph.analysis.coverage import Coverage, coverage
from goalgraph.analysis.cycles import alignment_cycles
from goalgraph.analysis.graph import alignment_graph, plan_links
from goalgraph.analysis.orphans import orphans
from goalgraph.analysis.reach import Reach, reach
from goalgraph.analysis.scores import OrganisationScore, organisation_scores
from goalgraph.analysis.top import top_organisations, top_statements
from goalgraph.memory import paused_gc
from goalgraph.model import GoalModel, Organisation, PlanLink, by_language

__all__ = ["Analysis", "analyse"]


@dataclass(frozen=True)
class Analysis:
    """Everything :func:`analyse` finds, keyed by statement or organisation IRI.

    Attributes
    ----------
    graph : networkx.DiGraph
        The alignment graph analysed (see :func:`~goalgraph.analysis.alignment_graph`).
    top_organisations : frozenset of IdentifiedNode
        The organisations whose missions and visions are the top.
    top : frozenset of IdentifiedNode
        The top statements.
    reach : Mapping of IdentifiedNode to Reach
        Every statement: whether it reaches the top, depth, number of paths, the
        strength of its best path and that path.
    coverage : Mapping of IdentifiedNode to Coverage
        Every mission and vision: its direct and transitive supporters.
    centrality : Mapping of IdentifiedNode to float
        Every statement's alignment-weighted betweenness.
    cycles : tuple of tuple of IdentifiedNode
        The alignment cycles.
    clusters : tuple of Cluster
        The weakly connected groups of statements, largest first.
    orphans : tuple of IdentifiedNode
        Statements other than missions and visions that support nothing.
    scores : Mapping of IdentifiedNode to OrganisationScore
        Every organisation that holds statements: its alignment score.
    plan_links : tuple of PlanLink
        Alignments from plans, which the statement graph leaves out.
    conflicts : tuple of Conflict
        Statements that both support and hinder another, and hindering links from
        strong supporters of the top (:func:`goalgraph.achievement.conflicts`).
    """

    graph: nx.DiGraph = field(repr=False, compare=False)
    top_organisations: frozenset[IdentifiedNode]
    top: frozenset[IdentifiedNode]
    reach: Mapping[IdentifiedNode, Reach]
    coverage: Mapping[IdentifiedNode, Coverage]
    centrality: Mapping[IdentifiedNode, float]
    cycles: tuple[tuple[IdentifiedNode, ...], ...]
    clusters: tuple[Cluster, ...]
    orphans: tuple[IdentifiedNode, ...]
    scores: Mapping[IdentifiedNode, OrganisationScore]
    plan_links: tuple[PlanLink, ...]
    conflicts: tuple[Conflict, ...] = ()

    @property
    def gaps(self) -> list[IdentifiedNode]:
        """The missions and visions that nothing supports, sorted by IRI.

        Examples
        --------
        >>> import goalgraph
        >>> result = analyse(goalgraph.load())
        >>> result.gaps  # the police's 2019 targets support every mission and vision
        []

        The page "Vores mål" alone leaves two: nothing it states supports the police's
        mission or the joint vision of a safe country.

        >>> vores_maal = [f"data/{name}.ttl" for name in ("organisations", "vores-maal", "alignments-curated")]
        >>> result = analyse(goalgraph.load(vores_maal, bundled=False))
        >>> sorted(result.graph.nodes[s]["identifier"] for s in result.gaps)
        ['PA-M1', 'PA-V2']
        """
        return sorted((s for s, found in self.coverage.items() if found.gap), key=str)

    def most_central(self, count: int = 10) -> list[tuple[IdentifiedNode, float]]:
        """The statements of highest alignment-weighted betweenness.

        Parameters
        ----------
        count : int
            How many to return.

        Returns
        -------
        list of (IdentifiedNode, float)
            Statement and betweenness, highest first, ties by IRI.

        Examples
        --------
        >>> import goalgraph
        >>> result = analyse(goalgraph.load())
        >>> [result.graph.nodes[s]["identifier"] for s, _ in result.most_central(2)]
        ['SM4', 'AM-K']
        """
        ranked = sorted(self.centrality.items(), key=lambda item: (-item[1], str(item[0])))
        return ranked[:count]

    def _statement(self, statement: IdentifiedNode) -> dict[str, Any]:
        data = self.graph.nodes[statement]
        return {
            "statement": str(statement),
            "identifier": data.get("identifier"),
            "type": data.get("type"),
            "level": data.get("level"),
            "labels": dict(data.get("labels", {})),
            "holder": None if data.get("holder") is None else str(data["holder"]),
            "holder_labels": dict(data.get("holder_labels", {})),
            "plan": None if data.get("plan") is None else str(data["plan"]),
        }

    def _organisation(self, organisation: IdentifiedNode) -> dict[str, Any]:
        known: Mapping[IdentifiedNode, Organisation] = self.graph.graph.get("organisations", {})
        found = known.get(organisation)
        return {"organisation": str(organisation), "labels": by_language(found.names) if found else {}}

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready data: IRIs as strings, with labels, in a stable order.

        Returns
        -------
        dict
            Keys ``top_organisations``, ``top``, ``statements`` (each statement
            with its labels, reach and centrality), ``alignments``, ``coverage``,
            ``gaps``, ``orphans``, ``cycles``, ``clusters``, ``scores``,
            ``plan_links`` and ``conflicts``.

        Examples
        --------
        >>> import json, goalgraph
        >>> data = analyse(goalgraph.load()).to_dict()
        >>> sorted(data)  # doctest: +NORMALIZE_WHITESPACE
        ['alignments', 'clusters', 'conflicts', 'coverage', 'cycles', 'gaps', 'orphans',
         'plan_links', 'scores', 'statements', 'top', 'top_organisations']
        >>> len(json.dumps(data)) > 10_000
        True
        """
        ordered = sorted(self.graph, key=str)
        statements = []
        for statement in ordered:
            record = self._statement(statement)
            record.update(self.reach[statement].to_dict())
            record["top"] = statement in self.top
            record["centrality"] = self.centrality.get(statement, 0.0)
            statements.append(record)
        alignments = [
            {
                "from": str(start),
                "to": str(end),
                "kind": data.get("kind"),
                "strength": data.get("strength"),
                "weight": data.get("weight"),
                "rationale": data.get("rationale"),
                "alignment": None if data.get("alignment") is None else str(data["alignment"]),
            }
            for start, end, data in sorted(self.graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
        ]
        coverage = []
        for statement in sorted(self.coverage, key=str):
            record = self._statement(statement)
            record.update(self.coverage[statement].to_dict())
            coverage.append(record)
        scores = []
        for organisation in sorted(self.scores, key=str):
            record = self._organisation(organisation)
            record.update(self.scores[organisation].to_dict())
            scores.append(record)
        return {
            "top_organisations": [self._organisation(o) for o in sorted(self.top_organisations, key=str)],
            "top": [self._statement(s) for s in sorted(self.top, key=str)],
            "statements": statements,
            "alignments": alignments,
            "coverage": coverage,
            "gaps": [str(s) for s in self.gaps],
            "orphans": [str(s) for s in self.orphans],
            "cycles": [[str(s) for s in cycle] for cycle in self.cycles],
            "clusters": [cluster.to_dict() for cluster in self.clusters],
            "scores": scores,
            "plan_links": [link.to_dict() for link in self.plan_links],
            "conflicts": [conflict.to_dict() for conflict in self.conflicts],
        }


def analyse(
    graph: Graph | GoalModel | nx.DiGraph,
    *,
    include_suggested: bool = False,
    leave_out: Collection[Literal["centrality", "clusters"]] = (),
) -> Analysis:
    """Analyse the alignments of a goal graph: top, reach, coverage, centrality, cycles, scores.

    Nothing is written to the dataset: it is only queried.

    Parameters
    ----------
    graph : rdflib.Graph, GoalModel or networkx.DiGraph
        A dataset from :func:`goalgraph.load`, its model
        (:func:`goalgraph.model.read_model`), or an alignment graph already built
        from one with :func:`~goalgraph.analysis.alignment_graph`.
    include_suggested : bool
        Count suggested alignments as links too (only when `graph` is a dataset or
        a model; a built alignment graph keeps the choice it was built with).
    leave_out : collection of {"centrality", "clusters"}
        Steps not to run, their results left empty: for a caller that shows
        neither (betweenness centrality alone is a second of a million triples).

    Returns
    -------
    Analysis

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import by_identifier
    >>> result = analyse(goalgraph.load())
    >>> ids = by_identifier(result.graph)
    >>> name = {node: key for key, node in ids.items()}
    >>> sorted(name[s] for s in result.top)
    ['JM-M1', 'JM-M2', 'JM-V1', 'JM-V2', 'JM-V3']
    >>> result.reach[ids["FP4"]].depth, [name[s] for s in result.reach[ids["FP4"]].best_path]
    (2, ['FP4', 'SM1', 'JM-V2'])
    >>> [name[s] for s in result.gaps], result.cycles
    ([], ())
    """
    statements = graph if isinstance(graph, nx.DiGraph) else alignment_graph(graph, include_suggested=include_suggested)
    with paused_gc():
        return _analyse(statements, leave_out)


def _analyse(statements: nx.DiGraph, leave_out: Collection[str] = ()) -> Analysis:
    organisations = top_organisations(statements)
    top = top_statements(statements, organisations)
    reached = reach(statements, top)
    model = statements.graph.get("model")
    return Analysis(
        graph=statements,
        top_organisations=organisations,
        top=top,
        reach=reached,
        coverage=coverage(statements),
        centrality={} if "centrality" in leave_out else alignment_betweenness(statements),
        cycles=tuple(alignment_cycles(statements)),
        clusters=() if "clusters" in leave_out else tuple(clusters(statements)),
        orphans=tuple(orphans(statements)),
        scores=organisation_scores(statements, reached, top),
        plan_links=plan_links(statements),
        conflicts=conflicts(model) if isinstance(model, GoalModel) else (),
    )
