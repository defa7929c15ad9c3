"""Human-readable names for nodes of a goal graph, for messages and displays."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from goalgraph.namespaces import GG
from goalgraph.querying import Row, select, select_values

__all__ = ["label", "labels"]

# Names first, then a statement's own text, then titles, translations, identifiers.
_PROPERTY_ORDER = (SKOS.prefLabel, GG.text, DCTERMS.title, RDFS.label, GG.translation, DCTERMS.identifier)


def label(graph: Graph, node: Node, lang: str | None = None) -> str | None:
    """The best human-readable name of `node`, or None if it has none.

    An alignment is named by its two ends: ``"A → B"``.

    Parameters
    ----------
    graph : rdflib.Graph
        The goal graph.
    node : rdflib term
        The node to name.
    lang : str, optional
        Prefer names in this language (``"da"``, ``"en"``); by default a name in
        any language, the source's own text before a translation.

    Examples
    --------
    >>> import goalgraph
    >>> from rdflib import URIRef
    >>> ds = goalgraph.load()
    >>> label(ds, URIRef(ds.base + "politiet"), lang="en")
    'the Danish Police'
    """
    rows = select(graph, "labels", node=node)
    if rows:
        return str(min(rows, key=_ranking(lang))["label"])
    # An alignment has no name of its own: name it by its ends.
    for ends in select(graph, "alignment-ends", node=node):
        names = [label(graph, end, lang) or str(end) for end in (ends["from"], ends["to"])]
        return " → ".join(names)
    return None


def labels(graph: Graph, nodes: Iterable[Node], lang: str | None = None) -> dict[Node, str]:
    """The best name of each of `nodes` that has one, as :func:`label` gives it, in a few queries.

    For thousands of nodes at once (the problems ``goalgraph validate`` finds):
    :func:`label` runs a query or two per node. Blank nodes of the data cannot be
    named in a query and are left out.

    Parameters
    ----------
    graph : rdflib.Graph
    nodes : iterable of rdflib terms
    lang : str, optional
        As for :func:`label`.

    Returns
    -------
    dict
        Each node that has a name, with it.

    Examples
    --------
    >>> import goalgraph
    >>> from rdflib import URIRef
    >>> ds = goalgraph.load()
    >>> police, nothing = URIRef(ds.base + "politiet"), URIRef(ds.base + "nothing")
    >>> labels(ds, [police, nothing], lang="en")
    {rdflib.term.URIRef('https://w3id.org/goalgraph/id/politiet'): 'the Danish Police'}
    """
    wanted = sorted(set(nodes), key=str)
    rank = _ranking(lang)
    best: dict[Node, Row] = {}
    for row in select_values(graph, "labels", ["node"], [[node] for node in wanted]):
        node = row["node"]
        if node not in best or rank(row) < rank(best[node]):
            best[node] = row
    names = {node: str(row["label"]) for node, row in best.items()}
    # An alignment has no name of its own: name it by its ends.
    unnamed = [[node] for node in wanted if node not in names]
    ends = {row["node"]: (row["from"], row["to"]) for row in select_values(graph, "alignment-ends", ["node"], unnamed)}
    if ends:
        end_names = labels(graph, {end for pair in ends.values() for end in pair if end not in ends}, lang)
        for node, (start, end) in ends.items():
            names[node] = " → ".join(end_names.get(e) or str(e) for e in (start, end))
    return names


def _ranking(lang: str | None) -> Callable[[Row], tuple[bool, int, str, str]]:
    """How names rank: in `lang` first, then by property (:data:`_PROPERTY_ORDER`), language tag and name."""

    def rank(row: Row) -> tuple[bool, int, str, str]:
        value = row["label"]
        language = value.language or "" if isinstance(value, Literal) else ""
        wrong_lang = lang is not None and language != lang
        # Ties go the same way every time: by language tag, then by the name itself.
        return wrong_lang, _PROPERTY_ORDER.index(row["property"]), language, str(value)

    return rank
