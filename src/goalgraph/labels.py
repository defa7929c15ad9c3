"""Human-readable names for nodes of a goal graph, for messages and displays."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from goalgraph.namespaces import GG
from goalgraph.querying import Row, select

__all__ = ["label"]

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

    def rank(row: Row) -> tuple[bool, int, str, str]:
        value = row["label"]
        language = value.language or "" if isinstance(value, Literal) else ""
        wrong_lang = lang is not None and language != lang
        # Ties go the same way every time: by language tag, then by the name itself.
        return wrong_lang, _PROPERTY_ORDER.index(row["property"]), language, str(value)

    if rows:
        return str(min(rows, key=rank)["label"])
    # An alignment has no name of its own: name it by its ends.
    for ends in select(graph, "alignment-ends", node=node):
        names = [label(graph, end, lang) or str(end) for end in (ends["from"], ends["to"])]
        return " → ".join(names)
    return None
