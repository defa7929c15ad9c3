"""JSON-LD, compacted with goalgraph's published context (``goalgraph/context.jsonld``).

The output reads as plain JSON: short keys (``holder``, ``inPlan``, ``supports``,
``from``, ``to``, ``kind``, ``strength``, ``identifier``...), ``id`` and ``type``
for ``@id`` and ``@type``, types and alignment kinds and strengths by short names
(``"type": "Mission"``, ``"kind": "curated"``, ``"strength": "strong"``), and
texts as language maps: ``"text": {"da": "..."}``, ``"translation": {"en": "..."}``.

**Named graphs** are kept, one node per graph: the document's ``@graph`` lists, for
each named graph, ``{"id": GRAPH, "@graph": [its nodes]}``, so each source file
stays apart as in TriG; triples in the default graph (goalgraph puts none there)
are nodes beside them. ``named_graphs=False`` merges them into one ``@graph`` of
nodes instead, as Turtle does. Nodes are sorted by ``id`` (IRIs before blank
nodes), keys by name after ``id`` and ``type``, values in a fixed order.

**The context** is embedded by default, so a file is self-contained and parses
offline; ``context_url=True`` refers to the published address
(:data:`~goalgraph.export.context.CONTEXT_URL`) instead, for smaller files served
beside the context.

Compaction here is written for this context, not a general JSON-LD processor, and
it never guesses: a value is written under a short key only when that key's
definition gives back exactly the same RDF term (a language map takes only
language-tagged strings, ``holder`` only IRIs and blank nodes, ``periodStart``
only ``xsd:date`` literals, and so on). Anything else is written under the
property's prefixed name or IRI, as a plain string or an explicit value object:
a ``gg:text`` without a language tag as ``"gg:text": "..."``, a date that a
property without a short key holds as ``{"@value": "2019-01-01", "@type":
"xsd:date"}``. Every short form of an IRI is checked to expand back to that IRI.
Expanded by a JSON-LD processor, the output gives exactly the dataset's quads (the
tests check it with PyLD and with Oxigraph's parser).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from goalgraph.errors import GoalgraphError
from goalgraph.export.context import CONTEXT_URL, context_definition, context_prefixes
from goalgraph.export.names import PrefixedNames
from goalgraph.export.quads import Object, Quad, dataset_quads

__all__ = ["jsonld"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# A value as kept while nodes are gathered: hashable, so a triple that two graphs
# state is kept once when they are merged, and sortable, so output order is fixed.
#   ("s", text)                      a JSON string (a plain or coerced value)
#   ("id", iri)                      {"@id": iri}
#   ("lang", text, language, dir)    {"@value": text, "@language": language}
#   ("typed", text, datatype)        {"@value": text, "@type": datatype}
#   ("map", language, text)          an entry of a language map
_Value = tuple[str, ...]


@dataclass(frozen=True)
class _Term:
    """A property's short key and what its definition coerces values to."""

    name: str
    iri: str
    coercion: str | None  # "@id", "@vocab", a datatype IRI, or None
    language_map: bool


class _Compactor:
    """Chooses keys and value forms for one context."""

    def __init__(self, definition: Mapping[str, Any]) -> None:
        self.prefixes = {p: ns for p, ns in context_prefixes().items() if p in definition}
        self._names = PrefixedNames(self.prefixes)
        # Terms that stand for an IRI wherever IRIs are vocabulary-relative (types, @vocab values).
        self._vocabulary: dict[str, str] = {}
        self._term_iris: dict[str, str] = {}
        self._by_property: dict[str, list[_Term]] = {}
        self._compacted: dict[tuple[str, bool], str] = {}
        for name, entry in definition.items():
            if name.startswith("@") or name in self.prefixes:
                continue
            if isinstance(entry, str):
                if entry.startswith("@"):
                    continue  # a keyword alias: id, type
                term = _Term(name, self._expand_definition(entry), None, False)
            elif isinstance(entry, dict) and isinstance(entry.get("@id"), str):
                container = entry.get("@container")
                if container not in (None, "@set", "@language"):
                    continue  # a container this writer does not fill: leave the term unused
                coercion = entry.get("@type")
                if isinstance(coercion, str) and coercion not in ("@id", "@vocab"):
                    coercion = self._expand_definition(coercion)
                term = _Term(name, self._expand_definition(entry["@id"]), coercion, container == "@language")
            else:
                continue
            self._term_iris[name] = term.iri
            if term.coercion is None and not term.language_map:
                self._vocabulary.setdefault(term.iri, name)
            self._by_property.setdefault(term.iri, []).append(term)

    def _expand_definition(self, value: str) -> str:
        expanded = self.expand(value, vocabulary=True)
        if expanded is None:
            raise GoalgraphError(f"the JSON-LD context defines a term as {value!r}, which is not an IRI")
        return expanded

    def expand(self, value: str, *, vocabulary: bool) -> str | None:
        """What a JSON-LD processor expands `value` to with this context (None: a relative IRI)."""
        if vocabulary and value in self._term_iris:
            return self._term_iris[value]
        prefix, colon, suffix = value.partition(":")
        if not colon:
            return None
        if prefix == "_" or suffix.startswith("//") or prefix not in self.prefixes:
            return value
        return self.prefixes[prefix] + suffix

    def iri(self, iri: str, *, vocabulary: bool) -> str:
        """`iri` as short as this context writes it, and checked to expand back to it."""
        key = (iri, vocabulary)
        found = self._compacted.get(key)
        if found is not None:
            return found
        candidates = [self._vocabulary[iri]] if vocabulary and iri in self._vocabulary else []
        short = self._names.shorten(iri)
        if short is not None:
            candidates.append(short)
        candidates.append(iri)
        for candidate in candidates:
            if self.expand(candidate, vocabulary=vocabulary) == iri:
                self._compacted[key] = candidate
                return candidate
        raise GoalgraphError(
            f"cannot write the IRI <{iri}> in JSON-LD with goalgraph's context: its scheme is one of "
            "the context's prefixes, so it would be read as a prefixed name"
        )

    def node(self, term: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str:
        if type(term) is ox.BlankNode:
            return "_:" + term.value
        return self.iri(term.value, vocabulary=False)  # type: ignore[union-attr]

    def entry(self, predicate: str, obj: Object) -> tuple[str, _Value]:
        """The key and value that state `predicate` with `obj`."""
        kind = type(obj)
        if predicate == _RDF_TYPE and kind is not ox.Literal:
            return "type", ("s", self._reference(obj, vocabulary=True))
        for term in self._by_property.get(predicate, ()):
            value = self._fitted(term, obj)
            if value is not None:
                return term.name, value
        # No short key takes this value as it is: the property's own name, a value object.
        return self.iri(predicate, vocabulary=True), self._explicit(obj)

    def _reference(self, obj: Object, *, vocabulary: bool) -> str:
        if type(obj) is ox.BlankNode:
            return "_:" + obj.value
        return self.iri(obj.value, vocabulary=vocabulary)

    def _fitted(self, term: _Term, obj: Object) -> _Value | None:
        """`obj` as a value of `term`, or None if the term's definition would change it."""
        if type(obj) is ox.Literal:
            language = obj.language
            if term.language_map:
                return ("map", language, obj.value) if language and obj.direction is None else None
            if term.coercion is None:
                return self._explicit(obj)
            datatype = obj.datatype.value if not language else None
            return ("s", obj.value) if datatype == term.coercion else None
        if term.language_map:
            return None
        if term.coercion in ("@id", "@vocab"):
            return "s", self._reference(obj, vocabulary=term.coercion == "@vocab")
        return self._explicit(obj) if term.coercion is None else None

    def _explicit(self, obj: Object) -> _Value:
        if type(obj) is not ox.Literal:
            return "id", self._reference(obj, vocabulary=False)
        if obj.language:
            direction = obj.direction
            return "lang", obj.value, obj.language, "" if direction is None else direction.value
        datatype = obj.datatype.value
        if datatype == _XSD_STRING:
            return "s", obj.value
        return "typed", obj.value, self.iri(datatype, vocabulary=True)


def _rendered(value: _Value) -> Any:
    form = value[0]
    if form == "s":
        return value[1]
    if form == "id":
        return {"@id": value[1]}
    if form == "lang":
        rendered = {"@value": value[1], "@language": value[2]}
        if value[3]:
            rendered["@direction"] = value[3]
        return rendered
    return {"@value": value[1], "@type": value[2]}


def _one_or_many(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _node_object(node_id: str, properties: Mapping[str, set[_Value]]) -> dict[str, Any]:
    rendered: dict[str, Any] = {"id": node_id}
    if "type" in properties:
        rendered["type"] = _one_or_many([_rendered(v) for v in sorted(properties["type"])])
    for key in sorted(properties):
        if key == "type":
            continue
        values = sorted(properties[key])
        if values[0][0] == "map":
            languages: dict[str, list[str]] = {}
            for _, language, text in values:
                languages.setdefault(language, []).append(text)
            rendered[key] = {language: _one_or_many(texts) for language, texts in languages.items()}
        else:
            rendered[key] = _one_or_many([_rendered(v) for v in values])
    return rendered


def _node_order(node_id: str) -> tuple[bool, str]:
    return node_id.startswith("_:"), node_id


_Nodes = dict[str, dict[str, set[_Value]]]


def _gather(quads: Iterable[Quad], compactor: _Compactor, *, named_graphs: bool) -> dict[str, _Nodes]:
    """Graph id ("" for the default graph, or all of it when merged) → node id → key → values."""
    graphs: dict[str, _Nodes] = {}
    graph_ids: dict[object, str] = {}
    node, entry = compactor.node, compactor.entry
    for subject, predicate, obj, graph_name in quads:
        if named_graphs and type(graph_name) is not ox.DefaultGraph:
            graph_id = graph_ids.get(graph_name)
            if graph_id is None:
                graph_id = graph_ids[graph_name] = node(graph_name)
        else:
            graph_id = ""
        key, value = entry(predicate.value, obj)
        nodes = graphs.setdefault(graph_id, {})
        nodes.setdefault(node(subject), {}).setdefault(key, set()).add(value)
    return graphs


def _objects(nodes: _Nodes) -> list[dict[str, Any]]:
    return [_node_object(n, nodes[n]) for n in sorted(nodes, key=_node_order)]


def jsonld(
    graph: Graph,
    *,
    include_ontology: bool = True,
    context_url: bool = False,
    named_graphs: bool = True,
) -> bytes:
    """The dataset as compacted JSON-LD with goalgraph's context.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`.
    include_ontology : bool
        Include the ontology's graph.
    context_url : bool
        Refer to the published context by its URL instead of embedding it.
    named_graphs : bool
        Keep each named graph as a node with its own ``@graph`` (the default), or
        merge them all into one ``@graph``.

    Returns
    -------
    bytes
        UTF-8 JSON, indented by two spaces.

    Examples
    --------
    >>> import goalgraph, json
    >>> document = json.loads(jsonld(goalgraph.load(), include_ontology=False, named_graphs=False))
    >>> node = next(n for n in document["@graph"] if n.get("identifier") == "SM3")
    >>> node["type"], node["text"]
    ('StrategicMarker', {'da': 'Kvalitet i sagsbehandlingen'})
    >>> node["holder"]
    'https://w3id.org/goalgraph/id/anklagemyndigheden'
    """
    definition = context_definition()
    compactor = _Compactor(definition)
    graphs = _gather(dataset_quads(graph, include_ontology=include_ontology), compactor, named_graphs=named_graphs)
    # The default graph's nodes (everything, when merged) are top-level nodes.
    objects = {node_id: _node_object(node_id, properties) for node_id, properties in graphs.pop("", {}).items()}
    for graph_id, nodes in graphs.items():
        # A graph that the default graph also describes is one node: its properties and its @graph.
        described = objects.setdefault(graph_id, {"id": graph_id})
        described["@graph"] = _objects(nodes)
    document = {
        "@context": CONTEXT_URL if context_url else definition,
        "@graph": [objects[n] for n in sorted(objects, key=_node_order)],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
