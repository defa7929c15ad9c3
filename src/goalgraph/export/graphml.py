"""GraphML of the alignment graph, for Gephi, yEd, Cytoscape and networkx users.

The graph is :func:`goalgraph.analysis.alignment_graph` with suggestions (built from
the model of the graph, :mod:`goalgraph.model`): statements as nodes, keyed by IRI,
and an edge from each statement to each one it supports. GraphML holds only scalar
attributes (strings, numbers, booleans), so the graph's dictionaries are spread
over columns:

- nodes: ``label`` (the identifier, else the text: what Gephi shows), ``text_da``,
  ``text_en`` (and ``text_xx`` for any other language: the source's text, else the
  translation), ``identifier``, ``type`` (``Mission``...), ``type_iri``, ``level``
  (an integer), ``holder`` (IRI) and ``holder_da``, ``holder_en``, ``plan`` (IRI);
- edges: ``kind``, ``strength``, ``weight`` (a number), ``rationale``, ``alignment``
  (the ``gg:Alignment`` IRI), ``alignments`` (all of them, space-separated,
  when several link the same two statements) and ``polarity``: ``supporting``, or
  ``hindering`` for an edge of hindering alignments (``gg:hinders``, from the
  model's :attr:`~goalgraph.model.GoalModel.hindrances`; suggested ones only with
  the suggestions). Its ``weight`` is its strength's, as a supporting edge's: the
  polarity says which way it works. Where two statements are linked both ways, the
  edge is the supporting one and ``hindering`` lists the hindering alignments'
  IRIs (a directed graph has one edge per pair).

An attribute a node or edge does not have is left out (GraphML has no null), so a
stated link has no ``strength``. Nodes come in order of IRI, edges in order of
their ends, so the same data gives the same bytes. ``networkx.read_graphml`` reads
the file back with the same nodes, edges and attributes.

Alignments from plans (the nine stated links from the 2019 strategy in the bundled
data) are not edges: a plan is not a statement (see
:mod:`goalgraph.analysis.graph`).
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
from rdflib import Graph

from goalgraph.analysis.graph import alignment_graph
from goalgraph.model import Alignment, GoalModel, preferred_text

__all__ = ["graphml", "scalar_graph"]

# XML 1.0 cannot hold these characters at all, not even escaped.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    return _NOT_IN_XML.sub("\ufffd", str(value))


def _label(attributes: dict[str, Any]) -> str:
    labels: dict[str, str] = attributes["labels"]
    if attributes["identifier"]:
        return str(attributes["identifier"])
    for language in ("da", "en", *sorted(labels)):
        if language in labels:
            return labels[language]
    return ""


def scalar_graph(statements: nx.DiGraph) -> nx.DiGraph:
    """The alignment graph with only scalar attributes, nodes and edges sorted.

    Parameters
    ----------
    statements : networkx.DiGraph
        From :func:`goalgraph.analysis.alignment_graph`.

    Returns
    -------
    networkx.DiGraph
        Nodes keyed by IRI as a string, with the attributes the module describes.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.analysis import alignment_graph
    >>> flat = scalar_graph(alignment_graph(goalgraph.load()))
    >>> node = next(a for _, a in flat.nodes(data=True) if a["label"] == "SM3")
    >>> node["type"], node["level"], node["holder_en"]
    ('StrategicMarker', 2, 'the Danish Prosecution Service')
    """
    flat = nx.DiGraph()
    for node in sorted(statements, key=str):
        attributes = statements.nodes[node]
        values: dict[str, Any] = {
            "label": _label(attributes),
            "identifier": attributes["identifier"],
            "type": attributes["type"],
            "type_iri": attributes["type_iri"],
            "level": attributes["level"],
            "holder": attributes["holder"],
            "plan": attributes["plan"],
        }
        for language, text in sorted(attributes["labels"].items()):
            values[f"text_{language or 'none'}"] = text
        for language, name in sorted(attributes["holder_labels"].items()):
            values[f"holder_{language or 'none'}"] = name
        flat.add_node(str(node), **_scalars(values))
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for start, end in statements.edges:
        attributes = statements.edges[start, end]
        values = {
            "kind": attributes["kind"],
            "strength": attributes["strength"],
            "weight": float(attributes["weight"]),
            "rationale": attributes["rationale"],
            "alignment": attributes["alignment"],
            "polarity": "supporting",
        }
        if len(attributes["alignments"]) > 1:
            values["alignments"] = " ".join(str(a) for a in attributes["alignments"])
        edges[str(start), str(end)] = values
    for (start, end), group in _hindrances(statements).items():
        nodes = " ".join(sorted(str(a.node) for a in group))
        if (start, end) in edges:
            edges[start, end]["hindering"] = nodes
            continue
        chosen = group[0]
        edges[start, end] = {
            "kind": chosen.kind,
            "strength": chosen.strength,
            "weight": float(chosen.weight),
            "rationale": preferred_text(chosen.rationale),
            "alignment": chosen.node,
            "polarity": "hindering",
            "alignments": nodes if len(group) > 1 else None,
        }
    for start, end in sorted(edges):
        flat.add_edge(start, end, **_scalars(edges[start, end]))
    return flat


def _hindrances(statements: nx.DiGraph) -> dict[tuple[str, str], list[Alignment]]:
    """The hindering alignments between two statements of the graph, by their ends, the edge's first."""
    model = statements.graph.get("model")
    if not isinstance(model, GoalModel):
        return {}
    suggested = bool(statements.graph.get("include_suggested"))
    found: dict[tuple[str, str], list[Alignment]] = {}
    for alignment in model.hindrances.values():
        if alignment.start in statements and alignment.end in statements and (suggested or alignment.accepted):
            found.setdefault((str(alignment.start), str(alignment.end)), []).append(alignment)
    return {ends: sorted(group, key=Alignment.rank) for ends, group in found.items()}


def _scalars(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out what is absent; IRIs and other terms as text, numbers as they are."""
    return {
        key: value if isinstance(value, bool | int | float) else _text(value)
        for key, value in values.items()
        if value is not None and value != ""
    }


def graphml(graph: Graph | GoalModel, *, include_suggested: bool = True) -> bytes:
    """The alignment graph as GraphML.

    Parameters
    ----------
    graph : rdflib.Graph or GoalModel
        A dataset from :func:`goalgraph.load`, or its model.
    include_suggested : bool
        Make edges of suggested alignments too.

    Returns
    -------
    bytes
        UTF-8 GraphML.

    Examples
    --------
    >>> import goalgraph, io, networkx
    >>> back = networkx.read_graphml(io.BytesIO(graphml(goalgraph.load())))
    >>> back.number_of_nodes(), back.number_of_edges()
    (30, 32)
    """
    flat = scalar_graph(alignment_graph(graph, include_suggested=include_suggested))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', *nx.generate_graphml(flat, prettyprint=True)]
    return ("\n".join(lines) + "\n").encode("utf-8")
