"""The quads an export writes: every graph of a dataset, blank nodes named canonically.

Exports read the Oxigraph store under a :class:`~goalgraph.loading.GoalDataset`
directly (``ds.oxigraph``): going through rdflib's API would turn each of a million
quads into rdflib terms first, several times slower. Any other graph is copied into
a store of its own first (its backend's ``oxigraph_store()``: a remote graph in one
request per graph), so every writer has one input to read.

Blank nodes have no names of their own: the store labels them at random on every
load. An export that has to be the same byte for byte for the same data renames them
with the W3C RDF Dataset Canonicalization (RDFC-1.0), which labels them ``c14n0``,
``c14n1``, ... from what the data says about them. Only the quads that mention a
blank node take part (RDFC-1.0 looks at no others), so a dataset without blank
nodes, the usual case, pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import Graph

from goalgraph.errors import GoalgraphError
from goalgraph.namespaces import ONTOLOGY_IRI
from goalgraph.querying import backend

__all__ = ["Object", "Quad", "Subject", "dataset_quads", "store_of"]

#: A subject of a quad: an IRI or a blank node.
Subject = ox.NamedNode | ox.BlankNode
#: An object of a quad: an IRI, a blank node or a literal.
Object = ox.NamedNode | ox.BlankNode | ox.Literal
#: A graph name: an IRI, a blank node, or the default graph.
GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph
#: One quad as a tuple: subject, predicate, object, graph name.
Quad = tuple[Subject, ox.NamedNode, Object, GraphName]


def store_of(graph: Graph) -> ox.Store:
    """The Oxigraph store that holds `graph`'s quads: its backend's (see :class:`goalgraph.querying.Backend`).

    A :class:`~goalgraph.loading.GoalDataset` is read in place, a remote one copied
    here first; any other rdflib graph is copied into a new in-memory store (a
    dataset with its named graphs, a plain graph into the default graph).

    Examples
    --------
    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
    >>> len(store_of(g))
    1
    """
    return backend(graph).oxigraph_store()


def dataset_quads(graph: Graph | ox.Store, *, include_ontology: bool = True) -> Iterator[Quad]:
    """Every quad of `graph`, in no particular order, blank nodes named canonically.

    Parameters
    ----------
    graph : rdflib.Graph or pyoxigraph.Store
        Usually a :class:`~goalgraph.loading.GoalDataset`, or the store under one.
    include_ontology : bool
        Include the ontology's named graph (``<https://w3id.org/goalgraph/ontology>``).

    Yields
    ------
    tuple
        Subject, predicate, object and graph name as pyoxigraph terms; the graph
        name is ``pyoxigraph.DefaultGraph()`` for a triple in the default graph.

    Raises
    ------
    GoalgraphError
        If the dataset holds an RDF 1.2 triple term, which no export writes.

    Examples
    --------
    >>> import goalgraph
    >>> ds = goalgraph.load()
    >>> everything = sum(1 for _ in dataset_quads(ds))
    >>> data = sum(1 for _ in dataset_quads(ds, include_ontology=False))
    >>> everything == len(ds.oxigraph) and 0 < data < everything
    True
    """
    store = graph if isinstance(graph, ox.Store) else store_of(graph)
    ontology = None if include_ontology else ox.NamedNode(ONTOLOGY_IRI)
    blank: list[ox.Quad] = []
    blank_node = ox.BlankNode
    for quad in store.quads_for_pattern(None, None, None, None):
        subject, obj, graph_name = quad.subject, quad.object, quad.graph_name
        if graph_name == ontology:
            continue
        if type(obj) is ox.Triple:
            raise GoalgraphError(f"{subject} has an RDF 1.2 triple term as a value; goalgraph does not export those")
        if type(subject) is blank_node or type(obj) is blank_node or type(graph_name) is blank_node:
            blank.append(quad)
            continue
        yield subject, quad.predicate, obj, graph_name  # type: ignore[misc]
    if blank:
        canonical = ox.Dataset(blank)
        canonical.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        for quad in canonical:
            yield quad.subject, quad.predicate, quad.object, quad.graph_name
