"""RDF/XML, for tools that read nothing else (older OWL editors, XSLT pipelines).

The named graphs are merged, as RDF/XML holds one graph. Oxigraph writes the XML
from the sorted N-Triples of :func:`~goalgraph.export.turtle.ntriples`, so
subjects come in a fixed order, one ``rdf:Description`` each, and the output is the
same for the same data. Two things RDF/XML cannot say are refused with a message
rather than written wrong: a property IRI that does not end in an XML name (it
cannot be an element name), and a literal with a control character that XML 1.0
forbids.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Graph

from goalgraph.errors import GoalgraphError
from goalgraph.export.context import context_prefixes
from goalgraph.export.turtle import ntriples

__all__ = ["rdfxml"]

# A property is written as an element: its IRI has to end in an XML name (NCName).
_ENDS_IN_NAME = re.compile(r"(?:[^\W\d]|_)[\w.\-]*\Z")


def rdfxml(graph: Graph, *, include_ontology: bool = True) -> bytes:
    """The dataset as RDF/XML, its named graphs merged.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`.
    include_ontology : bool
        Include the ontology's graph.

    Returns
    -------
    bytes
        UTF-8 RDF/XML.

    Raises
    ------
    GoalgraphError
        If a property IRI does not end in an XML name, or a literal holds a
        character that XML 1.0 forbids.

    Examples
    --------
    >>> import goalgraph
    >>> xml = rdfxml(goalgraph.load()).decode()
    >>> 'xmlns:gg="https://w3id.org/goalgraph/ontology#"' in xml
    True
    """
    triples = [
        quad.triple
        for quad in ox.parse(
            ntriples(graph, include_ontology=include_ontology, xml_safe=True), format=ox.RdfFormat.N_TRIPLES
        )
    ]
    properties = {triple.predicate.value for triple in triples}
    for iri in sorted(properties):
        if not _ENDS_IN_NAME.search(iri):
            raise GoalgraphError(
                f"RDF/XML cannot write the property <{iri}>, as its IRI does not end in an XML name; "
                "export Turtle, N-Triples or JSON-LD instead"
            )
    # Only the prefixes the properties use, as Oxigraph declares every prefix it is given.
    prefixes = {
        prefix: namespace
        for prefix, namespace in context_prefixes().items()
        if any(iri.startswith(namespace) and _ENDS_IN_NAME.fullmatch(iri, len(namespace)) for iri in properties)
    }
    return ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=prefixes) or b""
