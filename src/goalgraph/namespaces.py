"""The namespaces goalgraph defines, and the prefixes its datasets bind.

For W3C vocabularies (ORG, PROV, SKOS, DCTERMS, ...) use ``rdflib.namespace``.
"""

from __future__ import annotations

from rdflib import Namespace

__all__ = ["CV", "GG", "ONTOLOGY_IRI", "PREFIXES"]

ONTOLOGY_IRI = "https://w3id.org/goalgraph/ontology"
GG = Namespace(ONTOLOGY_IRI + "#")
CV = Namespace("http://data.europa.eu/m8g/")

#: Prefixes bound on every dataset goalgraph loads, usable in queries without PREFIX.
PREFIXES: dict[str, str] = {
    "gg": str(GG),
    "org": "http://www.w3.org/ns/org#",
    "cv": str(CV),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
