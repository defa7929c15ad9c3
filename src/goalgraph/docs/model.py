"""What the ontology documentation shows, read from the ontology with SPARQL.

Four queries in ``goalgraph/sparql/`` read it: ``docs-ontology.rq`` (title,
description, version, namespace and prefix), ``docs-terms.rq`` (each class and
property with its labels, definitions, super-class, domain, range and level),
``docs-mappings.rq`` (how each term maps to other standards, and what the standard
is called) and ``docs-schemes.rq`` (the concept schemes: alignment kinds and
strengths, and the concepts of the mapped standards). This module turns their rows
into :class:`Vocabulary`, which :mod:`goalgraph.docs.page` lays out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import Graph, Literal
from rdflib.term import Node

from goalgraph.querying import select

__all__ = ["KINDS", "Concept", "Scheme", "StandardMapping", "Term", "Vocabulary", "read_vocabulary"]

#: Texts by language tag ("" for an untagged one), each language's texts in order.
Texts = dict[str, list[str]]

# The kinds of term, in the order the page shows them.
KINDS = ("class", "object property", "datatype property", "annotation property")

_OWL = "http://www.w3.org/2002/07/owl#"
# OWL types that say what kind of term something is, not a characteristic of it.
_KIND_TYPES = {
    f"{_OWL}Class",
    f"{_OWL}ObjectProperty",
    f"{_OWL}DatatypeProperty",
    f"{_OWL}AnnotationProperty",
}


def _add_text(texts: Texts, value: Node) -> None:
    language = (value.language or "") if isinstance(value, Literal) else ""
    found = texts.setdefault(language, [])
    if str(value) not in found:
        found.append(str(value))


def _add(values: list[str], value: Node) -> None:
    if str(value) not in values:
        values.append(str(value))


@dataclass
class StandardMapping:
    """A term's link to a term of another standard.

    Attributes
    ----------
    relation : str
        The mapping property's IRI (``skos:closeMatch``, ``rdfs:subClassOf``...).
    target : str
        The other standard's term.
    label : str or None
        The target's name, where the ontology gives one.
    standard : str or None
        The standard's name, such as ``"OMG Business Motivation Model 1.3"``.
    """

    relation: str
    target: str
    label: str | None = None
    standard: str | None = None


@dataclass
class Term:
    """A class or property of the ontology.

    Attributes
    ----------
    iri : str
        Its IRI.
    kind : str
        ``"class"``, ``"object property"``, ``"datatype property"`` or ``"annotation property"``.
    labels, definitions, notes : dict of str to list of str
        By language.
    supers : list of str
        Its super-classes or super-properties (IRIs).
    domains, ranges : list of str
        For a property.
    level : str or None
        A statement class's ``gg:level``.
    characteristics : list of str
        Further OWL types, such as ``owl:FunctionalProperty`` (IRIs).
    mappings : list of StandardMapping
        Its links to other standards, sorted by relation and target.
    """

    iri: str
    kind: str
    labels: Texts = field(default_factory=dict)
    definitions: Texts = field(default_factory=dict)
    notes: Texts = field(default_factory=dict)
    supers: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    ranges: list[str] = field(default_factory=list)
    level: str | None = None
    characteristics: list[str] = field(default_factory=list)
    mappings: list[StandardMapping] = field(default_factory=list)


@dataclass
class Concept:
    """A SKOS concept of one of the ontology's schemes (``gg:curated``, ``bmm:Goal``...).

    Attributes
    ----------
    iri : str
        Its IRI.
    labels, definitions : dict of str to list of str
        By language.
    weight : str or None
        A strength's ``gg:weight``.
    top : bool
        Whether its scheme lists it as a top concept.
    """

    iri: str
    labels: Texts = field(default_factory=dict)
    definitions: Texts = field(default_factory=dict)
    weight: str | None = None
    top: bool = False


@dataclass
class Scheme:
    """A SKOS concept scheme the ontology declares, with its concepts.

    Attributes
    ----------
    iri : str
        Its IRI.
    labels, definitions : dict of str to list of str
        By language.
    see_also : list of str
        Where the scheme is described (``rdfs:seeAlso``).
    concepts : list of Concept
        Sorted by IRI.
    """

    iri: str
    labels: Texts = field(default_factory=dict)
    definitions: Texts = field(default_factory=dict)
    see_also: list[str] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)


@dataclass
class Vocabulary:
    """The ontology as the documentation shows it.

    Attributes
    ----------
    iri : str
        The ontology's IRI.
    namespace, prefix : str
        Its preferred namespace and prefix (``vann:``).
    version : str or None
        ``owl:versionInfo``.
    titles, descriptions : dict of str to list of str
        By language.
    terms : list of Term
        Every class and property in the namespace, sorted by local name.
    schemes : list of Scheme
        Every concept scheme in the namespace, sorted by IRI.
    """

    iri: str
    namespace: str
    prefix: str
    version: str | None = None
    titles: Texts = field(default_factory=dict)
    descriptions: Texts = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    schemes: list[Scheme] = field(default_factory=list)

    def local_name(self, iri: str) -> str:
        """What follows the namespace: the anchor of a term of the ontology."""
        return iri[len(self.namespace) :]

    def owns(self, iri: str) -> bool:
        """Whether `iri` is in the ontology's namespace."""
        return iri.startswith(self.namespace) and len(iri) > len(self.namespace)


def _ontology(graph: Graph) -> Vocabulary:
    fields: dict[str, list[Node]] = {}
    iri = ""
    for row in select(graph, "docs-ontology"):
        iri = iri or str(row["ontology"])
        if str(row["ontology"]) == iri:
            fields.setdefault(str(row["field"]), []).append(row["value"])
    namespace = str(fields.get("namespace", [f"{iri}#"])[0])
    vocabulary = Vocabulary(
        iri=iri,
        namespace=namespace,
        prefix=str(fields.get("prefix", ["gg"])[0]),
        version=str(fields["version"][0]) if "version" in fields else None,
    )
    for value in fields.get("title", []):
        _add_text(vocabulary.titles, value)
    for value in fields.get("description", []):
        _add_text(vocabulary.descriptions, value)
    return vocabulary


def _terms(graph: Graph, vocabulary: Vocabulary) -> list[Term]:
    terms: dict[str, Term] = {}
    for row in select(graph, "docs-terms"):
        iri, kind = str(row["term"]), str(row["kind"])
        term = terms.get(iri)
        if term is None:
            term = terms[iri] = Term(iri, kind)
        elif KINDS.index(kind) < KINDS.index(term.kind):
            term.kind = kind  # typed twice (say, a class and a property): the first kind shows
        name, value = row["field"], row["value"]
        if name is None or value is None:
            continue
        match str(name):
            case "label":
                _add_text(term.labels, value)
            case "definition":
                _add_text(term.definitions, value)
            case "note":
                _add_text(term.notes, value)
            case "super":
                _add(term.supers, value)
            case "domain":
                _add(term.domains, value)
            case "range":
                _add(term.ranges, value)
            case "level":
                term.level = str(value)
            case "type" if str(value) not in _KIND_TYPES:
                _add(term.characteristics, value)
    for row in select(graph, "docs-mappings"):
        term = terms.get(str(row["term"]))
        if term is None:
            continue
        mapping = StandardMapping(
            str(row["relation"]),
            str(row["target"]),
            None if row["targetLabel"] is None else str(row["targetLabel"]),
            None if row["standard"] is None else str(row["standard"]),
        )
        # One row per label of the target: keep the first.
        if not any(m.relation == mapping.relation and m.target == mapping.target for m in term.mappings):
            term.mappings.append(mapping)
    return sorted(terms.values(), key=lambda t: (vocabulary.local_name(t.iri).lower(), t.iri))


def _schemes(rows: Iterable[Mapping[str, Node | None]]) -> list[Scheme]:
    schemes: dict[str, Scheme] = {}
    concepts: dict[tuple[str, str], Concept] = {}
    for row in rows:
        scheme_iri = str(row["scheme"])
        scheme = schemes.setdefault(scheme_iri, Scheme(scheme_iri))
        name, value, concept_iri = row["field"], row["value"], row["concept"]
        if concept_iri is None:
            if name is None or value is None:
                continue
            if str(name) == "label":
                _add_text(scheme.labels, value)
            elif str(name) == "definition":
                _add_text(scheme.definitions, value)
            elif str(name) == "seeAlso":
                _add(scheme.see_also, value)
            continue
        key = (scheme_iri, str(concept_iri))
        concept = concepts.get(key)
        if concept is None:
            concept = concepts[key] = Concept(str(concept_iri))
            scheme.concepts.append(concept)
        if name is None or value is None:
            continue
        match str(name):
            case "label":
                _add_text(concept.labels, value)
            case "definition":
                _add_text(concept.definitions, value)
            case "weight":
                concept.weight = str(value)
            case "top":
                concept.top = True
    for scheme in schemes.values():
        scheme.concepts.sort(key=lambda c: c.iri)
    return sorted(schemes.values(), key=lambda s: s.iri)


def read_vocabulary(graph: Graph) -> Vocabulary:
    """Read what the documentation shows from `graph`, which holds the ontology.

    Parameters
    ----------
    graph : rdflib.Graph
        The ontology (alone, or in a dataset from :func:`goalgraph.load`).

    Returns
    -------
    Vocabulary

    Examples
    --------
    >>> import goalgraph
    >>> vocabulary = read_vocabulary(goalgraph.load(bundled=False))
    >>> vocabulary.prefix, vocabulary.namespace
    ('gg', 'https://w3id.org/goalgraph/ontology#')
    >>> mission = next(t for t in vocabulary.terms if t.iri.endswith("#Mission"))
    >>> mission.kind, mission.level, mission.labels["da"]
    ('class', '0', ['mission'])
    """
    vocabulary = _ontology(graph)
    vocabulary.terms = _terms(graph, vocabulary)
    vocabulary.schemes = _schemes(select(graph, "docs-schemes"))
    return vocabulary
