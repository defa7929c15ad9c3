"""The alignment graph: statements as nodes, alignments between them as edges.

:func:`alignment_graph` builds a :class:`networkx.DiGraph` from three SPARQL
queries (``sparql/analysis-statements.rq``, ``analysis-alignments.rq`` and
``analysis-organisations.rq``), never by walking triples in Python, and never
writes anything back to the dataset. The third query reads the organisation
hierarchy, which decides the top, and the holders' names: once per organisation
rather than once per statement and name, which halves the rows the statements
query returns (rows, not the engine, are most of the cost through rdflib's API).

Nodes are statements (every node typed with a subclass of ``gg:Statement``), keyed
by their IRI (an rdflib term), with these attributes:

- ``type``: the local name of its statement class (``"Mission"``, ``"FocusPoint"``...);
- ``type_iri``: the class itself;
- ``level``: the class's ``gg:level``, 0 for a mission or vision ... 5 for an
  indicator (None if the class has none);
- ``holder``: the organisation that holds it (or None);
- ``holder_labels``: the holder's ``skos:prefLabel`` by language, such as
  ``{"da": "Anklagemyndigheden", "en": "the Danish Prosecution Service"}``;
- ``labels``: the statement by language: its ``gg:text`` (verbatim, in the source's
  language, ``da`` in the bundled data) and its ``gg:translation`` (``en``); where a
  language has both, the text;
- ``identifier``: its ``dcterms:identifier`` (or None);
- ``plan``: the plan it is in (``gg:inPlan``, or None).

An edge ``A → B`` means *A supports B*: an alignment whose ``gg:from`` is A and whose
``gg:to`` is B. Stated and curated alignments are edges; suggested ones only with
``include_suggested=True``. Edge attributes:

- ``kind``: ``"stated"``, ``"curated"`` or ``"suggested"``;
- ``strength``: ``"strong"``, ``"moderate"``, ``"weak"``, or None (a stated link);
- ``weight``: the strength's ``gg:weight`` (strong 1.0, moderate 0.6, weak 0.3); with
  no strength, a suggestion's ``gg:score`` if it has one, else 1.0 (a stated link:
  the source says so, without reservation);
- ``rationale``: the rationale in English, else in another language (or None);
- ``alignment``: the ``gg:Alignment`` node the edge comes from;
- ``alignments``: every alignment that links the two statements (usually one).

When several alignments link the same two statements, the edge is the accepted one
(stated or curated) before a suggestion, then the one of greatest weight, then the
first by IRI; ``alignments`` lists them all. Alignments are read in their qualified
form (``gg:Alignment``), which carries the kind and strength; a plain
``gg:supports`` triple without one is invalid data (``goalgraph validate`` reports
it) and is not an edge.

**Links from plans.** An alignment may start from a plan rather than a statement:
the bundled data says the prosecution service's 2019 strategy as a whole is
grounded in the group's and the joint mission and vision (nine stated links). A
plan is not a statement, so these links are not edges of the statement graph; they
are kept as :class:`PlanLink` records in the graph attribute ``plan_links`` (see
:func:`plan_links`). The same holds for any alignment whose supporting end is not a
statement. An alignment whose supported end is not a statement (invalid data, which
``goalgraph validate`` reports) is left out.

Graph attributes: ``plan_links`` (tuple of :class:`PlanLink`), ``organisations``
(the organisations by IRI, each an :class:`Organisation`, for the hierarchy that
decides the top, see :mod:`goalgraph.analysis.top`) and ``include_suggested``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import networkx as nx
from rdflib import Graph, Literal
from rdflib.term import IdentifiedNode

from goalgraph.memory import paused_gc
from goalgraph.querying import Row, select

__all__ = [
    "Organisation",
    "PlanLink",
    "alignment_graph",
    "by_identifier",
    "local_name",
    "plan_links",
]

#: The weight of an alignment with neither a strength nor a score (a stated link).
DEFAULT_WEIGHT = 1.0

# Accepted alignments come before suggestions when two link the same statements.
_KIND_RANK = {"stated": 0, "curated": 0, "suggested": 1}


def local_name(iri: object) -> str:
    """The last segment of an IRI: ``gg:FocusPoint`` → ``"FocusPoint"``.

    Parameters
    ----------
    iri : str or rdflib term
        The IRI.

    Returns
    -------
    str
        What follows its last ``#`` or ``/``.

    Examples
    --------
    >>> local_name("https://w3id.org/goalgraph/ontology#FocusPoint")
    'FocusPoint'
    """
    return str(iri).split("#")[-1].split("/")[-1]


@dataclass(frozen=True)
class Organisation:
    """An organisation and its place in the organisation hierarchy.

    Attributes
    ----------
    organisation : IdentifiedNode
        Its IRI.
    labels : Mapping of str to str
        Its names (``skos:prefLabel``) by language.
    parents : frozenset of IdentifiedNode
        What it is a sub-organisation or unit of (``org:subOrganizationOf``,
        ``org:unitOf`` or their inverses).
    members : frozenset of IdentifiedNode
        Its members (``org:hasMember``), as an ``org:OrganizationalCollaboration`` has.
    """

    organisation: IdentifiedNode
    labels: Mapping[str, str] = field(default_factory=dict)
    parents: frozenset[IdentifiedNode] = frozenset()
    members: frozenset[IdentifiedNode] = frozenset()


@dataclass(frozen=True)
class PlanLink:
    """An alignment from something that is not a statement (a plan) to a statement.

    Attributes
    ----------
    plan : IdentifiedNode
        The supporting end, in valid data a plan (``gg:Strategy``, ``gg:TargetPlan``).
    statement : IdentifiedNode
        The statement it supports.
    kind : str
        ``"stated"``, ``"curated"`` or ``"suggested"``.
    strength : str or None
        ``"strong"``, ``"moderate"``, ``"weak"``, or None.
    weight : float
        As for an edge of the alignment graph.
    rationale : str or None
        In English, else in any language.
    alignment : IdentifiedNode
        The ``gg:Alignment`` node.
    plan_labels : Mapping of str to str
        The plan's title and its translation, by language.
    """

    plan: IdentifiedNode
    statement: IdentifiedNode
    kind: str
    strength: str | None
    weight: float
    rationale: str | None
    alignment: IdentifiedNode
    plan_labels: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The link as JSON-ready data, IRIs as strings."""
        return {
            "plan": str(self.plan),
            "plan_labels": dict(self.plan_labels),
            "statement": str(self.statement),
            "kind": self.kind,
            "strength": self.strength,
            "weight": self.weight,
            "rationale": self.rationale,
            "alignment": str(self.alignment),
        }


def _language(value: Literal) -> str:
    return value.language or ""


# rdflib types every value of a result row as Identifier; the queries say what each is.
def _node(row: Row, name: str) -> IdentifiedNode:
    return cast(IdentifiedNode, row[name])


def _optional_node(row: Row, name: str) -> IdentifiedNode | None:
    value = row[name]
    return value if isinstance(value, IdentifiedNode) else None


def _optional_literal(row: Row, name: str) -> Literal | None:
    value = row[name]
    return value if isinstance(value, Literal) else None


def _add_label(labels: dict[str, str], value: Literal | None) -> None:
    """Keep `value` as the label in its language, unless one is there (the smaller wins a tie)."""
    if value is not None:
        language, text = _language(value), str(value)
        if language not in labels or text < labels[language]:
            labels[language] = text


def _organisations(graph: Graph) -> dict[IdentifiedNode, Organisation]:
    labels: dict[IdentifiedNode, dict[str, str]] = {}
    parents: dict[IdentifiedNode, set[IdentifiedNode]] = {}
    members: dict[IdentifiedNode, set[IdentifiedNode]] = {}
    for row in select(graph, "analysis-organisations"):
        organisation = _node(row, "organisation")
        _add_label(labels.setdefault(organisation, {}), _optional_literal(row, "label"))
        parent, member = _optional_node(row, "parent"), _optional_node(row, "member")
        found = parents.setdefault(organisation, set())
        if parent is not None:
            found.add(parent)
        found = members.setdefault(organisation, set())
        if member is not None:
            found.add(member)
    return {
        organisation: Organisation(
            organisation,
            labels[organisation],
            frozenset(parents[organisation]),
            frozenset(members[organisation]),
        )
        for organisation in labels
    }


def _add_statements(
    statements: nx.DiGraph, rows: Iterable[Row], organisations: Mapping[IdentifiedNode, Organisation]
) -> None:
    nodes = statements.nodes
    for row in rows:
        statement, kind = _node(row, "statement"), _node(row, "type")
        level = _optional_literal(row, "level")
        attributes = nodes.get(statement)
        if attributes is None:
            holder = _optional_node(row, "holder")
            identifier = _optional_literal(row, "identifier")
            statements.add_node(
                statement,
                type=local_name(kind),
                type_iri=kind,
                level=None if level is None else int(level),
                holder=holder,
                holder_labels=dict(organisations[holder].labels)
                if holder is not None and holder in organisations
                else {},
                labels={},
                identifier=None if identifier is None else str(identifier),
                plan=_optional_node(row, "plan"),
            )
            attributes = nodes[statement]
        elif attributes["type_iri"] != kind and attributes["level"] is None and level is not None:
            # A statement typed with two statement classes keeps the one that has a level.
            attributes.update(type=local_name(kind), type_iri=kind, level=int(level))
        labels = attributes["labels"]
        # The source's own text wins over a translation into the same language.
        text = _optional_literal(row, "text")
        if text is not None:
            labels[_language(text)] = str(text)
        translation = _optional_literal(row, "translation")
        if translation is not None:
            labels.setdefault(_language(translation), str(translation))


@dataclass
class _Alignment:
    alignment: IdentifiedNode
    start: IdentifiedNode
    end: IdentifiedNode
    kind: str
    strength: str | None
    weight: float
    rationale: Literal | None = None
    start_labels: dict[str, str] = field(default_factory=dict)

    def rank(self) -> tuple[int, float, str]:
        return _KIND_RANK.get(self.kind, 2), -self.weight, str(self.alignment)

    @property
    def rationale_text(self) -> str | None:
        return None if self.rationale is None else str(self.rationale)


def _rationale_rank(rationale: Literal) -> tuple[bool, str, str]:
    return _language(rationale) != "en", _language(rationale), str(rationale)


def _alignments(rows: Iterable[Row]) -> dict[IdentifiedNode, _Alignment]:
    alignments: dict[IdentifiedNode, _Alignment] = {}
    for row in rows:
        node = _node(row, "alignment")
        found = alignments.get(node)
        if found is None:
            weight, score = _optional_literal(row, "weight"), _optional_literal(row, "score")
            strength = _optional_node(row, "strength")
            found = _Alignment(
                node,
                _node(row, "from"),
                _node(row, "to"),
                local_name(_node(row, "kind")),
                None if strength is None else local_name(strength),
                float(weight) if weight is not None else float(score) if score is not None else DEFAULT_WEIGHT,
            )
            alignments[node] = found
        rationale = _optional_literal(row, "rationale")
        # English first, else the first by language and text (so the choice is the same every run).
        if rationale is not None and (
            found.rationale is None or _rationale_rank(rationale) < _rationale_rank(found.rationale)
        ):
            found.rationale = rationale
        _add_label(found.start_labels, _optional_literal(row, "fromTitle"))
        _add_label(found.start_labels, _optional_literal(row, "fromTranslation"))
    return alignments


def alignment_graph(graph: Graph, *, include_suggested: bool = False) -> nx.DiGraph:
    """Build the alignment graph of a goal graph: statements, and who supports whom.

    Parameters
    ----------
    graph : rdflib.Graph
        A dataset from :func:`goalgraph.load` (it must hold the ontology, which
        ``load`` always loads). It is only read.
    include_suggested : bool
        Also make edges of suggested alignments (by default only stated and
        curated ones, as suggestions are not accepted until someone curates them).

    Returns
    -------
    networkx.DiGraph
        Statements as nodes, alignments as edges from the supporting statement to
        the supported one; attributes as described in the module's docstring.

    Examples
    --------
    >>> import goalgraph
    >>> statements = alignment_graph(goalgraph.load())
    >>> statements.number_of_nodes(), statements.number_of_edges()
    (30, 32)
    >>> ids = by_identifier(statements)
    >>> edge = statements.edges[ids["SM3"], ids["PA-M2"]]
    >>> edge["kind"], edge["strength"], edge["weight"]
    ('curated', 'strong', 1.0)
    >>> statements.nodes[ids["PA-M2"]]["labels"]["en"][:36]
    'Together with the police, the prosec'
    >>> len(statements.graph["plan_links"])
    9
    """
    with paused_gc():
        return _build(graph, include_suggested)


def _build(graph: Graph, include_suggested: bool) -> nx.DiGraph:
    organisations = _organisations(graph)
    statements = nx.DiGraph(include_suggested=include_suggested, organisations=organisations)
    _add_statements(statements, select(graph, "analysis-statements"), organisations)

    rows = select(graph, "analysis-alignments", includeSuggested=Literal(include_suggested))
    links: list[PlanLink] = []
    by_pair: dict[tuple[IdentifiedNode, IdentifiedNode], list[_Alignment]] = {}
    for found in _alignments(rows).values():
        if found.end not in statements:
            continue
        if found.start in statements:
            by_pair.setdefault((found.start, found.end), []).append(found)
        else:
            links.append(
                PlanLink(
                    found.start,
                    found.end,
                    found.kind,
                    found.strength,
                    found.weight,
                    found.rationale_text,
                    found.alignment,
                    found.start_labels,
                )
            )
    for (start, end), candidates in by_pair.items():
        candidates.sort(key=_Alignment.rank)
        chosen = candidates[0]
        statements.add_edge(
            start,
            end,
            kind=chosen.kind,
            strength=chosen.strength,
            weight=chosen.weight,
            rationale=chosen.rationale_text,
            alignment=chosen.alignment,
            alignments=tuple(sorted((c.alignment for c in candidates), key=str)),
        )
    links.sort(key=lambda link: (str(link.plan), str(link.statement), str(link.alignment)))
    statements.graph["plan_links"] = tuple(links)
    return statements


def plan_links(statements: nx.DiGraph) -> tuple[PlanLink, ...]:
    """The alignments from plans (not statements) that the alignment graph leaves out.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`alignment_graph`.

    Returns
    -------
    tuple of PlanLink
        Sorted by plan, then statement.

    Examples
    --------
    >>> import goalgraph
    >>> links = plan_links(alignment_graph(goalgraph.load()))
    >>> sorted({link.plan_labels["da"] for link in links})
    ['Anklagemyndighedens virksomhedsstrategi for 2019']
    >>> {link.kind for link in links}
    {'stated'}
    """
    links: tuple[PlanLink, ...] = statements.graph.get("plan_links", ())
    return links


def by_identifier(statements: nx.DiGraph) -> dict[str, IdentifiedNode]:
    """The statements of an alignment graph by their ``dcterms:identifier``.

    Statements without an identifier are left out; if two share one, the last wins.

    Parameters
    ----------
    statements : networkx.DiGraph
        An alignment graph from :func:`alignment_graph`.

    Returns
    -------
    dict of str to IdentifiedNode
        Identifier → statement.

    Examples
    --------
    >>> import goalgraph
    >>> ids = by_identifier(alignment_graph(goalgraph.load()))
    >>> ids["JM-M1"].endswith("/trygt-og-sikkert-samfund")
    True
    """
    found: dict[str, IdentifiedNode] = {}
    for node, identifier in statements.nodes(data="identifier"):
        if identifier is not None:
            found[identifier] = node
    return found
