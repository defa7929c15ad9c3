"""The alignment graph: statements as nodes, alignments between them as edges.

:func:`alignment_graph` builds a :class:`networkx.DiGraph` from the model of a
goal graph (:class:`goalgraph.model.GoalModel`, read with
:func:`goalgraph.model.read_model` when it is given a dataset), never by walking
triples in Python, and never writes anything back to the dataset.

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
are kept as :class:`~goalgraph.model.PlanLink` records in the graph attribute
``plan_links`` (see :func:`plan_links`). The same holds for any alignment whose supporting end is not a
statement. An alignment whose supported end is not a statement (invalid data, which
``goalgraph validate`` reports) is left out.

Graph attributes: ``plan_links`` (tuple of :class:`~goalgraph.model.PlanLink`),
``organisations`` (the organisations by IRI, each a
:class:`~goalgraph.model.Organisation`, for the hierarchy that decides the top, see
:mod:`goalgraph.analysis.top`), ``include_suggested``, and ``model``: the
:class:`~goalgraph.model.GoalModel` it was built from.
"""

from __future__ import annotations

import networkx as nx
from rdflib import Graph
from rdflib.term import IdentifiedNode

from goalgraph.memory import paused_gc
from goalgraph.model import DEFAULT_WEIGHT, GoalModel, Organisation, PlanLink, by_language, local_name, preferred_text
from goalgraph.model import read_model as _read_model

__all__ = [
    "DEFAULT_WEIGHT",
    "Organisation",
    "PlanLink",
    "alignment_graph",
    "by_identifier",
    "local_name",
    "plan_links",
]


def alignment_graph(graph: Graph | GoalModel, *, include_suggested: bool = False) -> nx.DiGraph:
    """Build the alignment graph of a goal graph: statements, and who supports whom.

    Parameters
    ----------
    graph : rdflib.Graph or GoalModel
        A dataset from :func:`goalgraph.load` (it must hold the ontology, which
        ``load`` always loads), which is only read; or its model, already read
        with :func:`goalgraph.model.read_model`.
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
        model = graph if isinstance(graph, GoalModel) else _read_model(graph)
        return _build(model, include_suggested)


def _build(model: GoalModel, include_suggested: bool) -> nx.DiGraph:
    organisations = model.organisations
    statements = nx.DiGraph(
        include_suggested=include_suggested,
        organisations=organisations,
        plan_links=model.plan_links,
        model=model,
    )
    holder_labels = {node: by_language(found.names) for node, found in organisations.items()}
    no_labels: dict[str, str] = {}
    statements.add_nodes_from(
        (
            node,
            {
                "type": found.type_name,
                "type_iri": found.type,
                "level": found.level,
                "holder": found.holder,
                "holder_labels": dict(holder_labels.get(found.holder, no_labels)) if found.holder is not None else {},
                "labels": by_language(found.texts),
                "identifier": found.identifier,
                "plan": found.plan,
            },
        )
        for node, found in model.statements.items()
    )
    statements.add_edges_from(
        (
            start,
            end,
            {
                "kind": chosen.kind,
                "strength": chosen.strength,
                "weight": chosen.weight,
                "rationale": preferred_text(chosen.rationale),
                "alignment": chosen.node,
                "alignments": (chosen.node,)
                if len(candidates) == 1
                else tuple(sorted((c.node for c in candidates), key=str)),
            },
        )
        for (start, end), candidates in model.edges(include_suggested=include_suggested).items()
        for chosen in candidates[:1]
    )
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
