"""Turtle, TriG, N-Triples and N-Quads, sorted so that two versions diff well.

The same data gives the same bytes, run after run and load after load, so a
published file changes only where the data did. rdflib's serialisers and
Oxigraph's do not promise an order (Oxigraph's also escapes ``/`` in prefixed names
and writes every prefix it is given), so this module writes the Turtle family
itself, from the store's quads (:func:`~goalgraph.export.quads.dataset_quads`):

- **Turtle and TriG**: ``@prefix`` lines for the prefixes used, sorted by prefix,
  from the published JSON-LD context (:func:`~goalgraph.export.context.context_prefixes`);
  no ``@base``: every IRI is a prefixed name or absolute. One block per subject,
  subjects in order of how they are written (absolute IRIs, then prefixed names,
  then blank nodes), separated by a blank line; ``a`` (``rdf:type``) first, then
  the predicates in order of their names; one object a line, in order of how
  they are written (strings before IRIs, blank nodes last). TriG writes each named graph as a block, the
  default graph first, then the graphs in order of their names.
- **N-Triples and N-Quads**: canonical N-Triples terms (absolute IRIs, the escapes
  RDF 1.1 prescribes, no ``xsd:string``), one statement a line, the lines in code
  point order, as ``LC_ALL=C sort`` orders them.
- Literals keep their language tags and datatypes; strings are written on one line
  between ``"``, with ``\\``, ``"``, line breaks and control characters escaped.
- Blank nodes are labelled canonically (RDFC-1.0: ``_:c14n0``, ...).
- The triple formats (Turtle, N-Triples) merge the named graphs: a triple that two
  source files both state is written once.

On a million triples (2 CPUs), Turtle takes about 4 s, one and a half times what
loading them takes; N-Triples and N-Quads about 2.5 s, as Oxigraph writes their
lines itself when there are no blank nodes to name, and this module only sorts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import Graph

from goalgraph.errors import GoalgraphError
from goalgraph.export.context import context_prefixes
from goalgraph.export.names import PrefixedNames
from goalgraph.export.quads import Quad, dataset_quads, store_of
from goalgraph.namespaces import ONTOLOGY_IRI

__all__ = ["literal_text", "nquads", "ntriples", "trig", "turtle"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# The escapes of canonical N-Triples (RDF 1.1): ECHAR where one exists, else \u00XX.
_ESCAPES: dict[int, str] = {code: f"\\u{code:04X}" for code in [*range(0x20), 0x7F]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})

# Sort keys. An absolute IRI's key leaves out the closing ">", so that an IRI sorts
# before the longer IRIs it starts (<…/vision> after <…>, not before it, as ">" would
# put it). A blank node's key starts with "~", which no IRI's starts with, so blank
# nodes come after IRIs. rdf:type's key is "", so "a" comes first.
_BLANK = "~"

# Numbers and booleans that Turtle can write bare, keeping the lexical form as it is.
_BARE = {
    "http://www.w3.org/2001/XMLSchema#integer": re.compile(r"[+-]?[0-9]+"),
    "http://www.w3.org/2001/XMLSchema#decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    "http://www.w3.org/2001/XMLSchema#boolean": re.compile(r"true|false"),
}

# Characters XML 1.0 does not allow, for RDF/XML's sake (see rdfxml.py).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def literal_text(value: str, language: str | None, suffix: str) -> str:
    """A literal in Turtle and N-Triples syntax.

    Parameters
    ----------
    value : str
        Its lexical form.
    language : str or None
        Its language tag (with ``--ltr`` or ``--rtl`` for a direction).
    suffix : str
        What follows the string when there is no language: ``""`` for an
        ``xsd:string``, else ``^^`` and the datatype as written.

    Examples
    --------
    >>> print(literal_text('Sig "hej"\\n', "da", ""))
    "Sig \\"hej\\"\\n"@da
    >>> literal_text("2019-01-01", None, "^^xsd:date")
    '"2019-01-01"^^xsd:date'
    """
    quoted = '"' + value.translate(_ESCAPES) + '"'
    return f"{quoted}@{language}" if language else quoted + suffix


class _Terms:
    """Writes terms as sort keys: prefixed names (Turtle) or absolute IRIs (N-Triples)."""

    def __init__(self, prefixes: Mapping[str, str] | None, *, xml: bool = False) -> None:
        self.names = PrefixedNames(prefixes or {})
        self._iris: dict[str, str] = {}
        self._short = prefixes is not None
        self._xml = xml

    def iri(self, iri: str) -> str:
        written = self._iris.get(iri)
        if written is None:
            short = self.names.shorten(iri) if self._short else None
            written = self._iris[iri] = short if short is not None else f"<{iri}"
        return written

    def literal(self, literal: ox.Literal) -> str:
        value = literal.value
        if self._xml and _NOT_IN_XML.search(value):
            raise GoalgraphError(
                f"the literal {value[:40]!r} holds a control character that XML 1.0, and so RDF/XML, "
                "cannot carry; export Turtle, N-Triples or JSON-LD instead"
            )
        language = literal.language
        if language:
            direction = literal.direction
            if direction is not None:
                language = f"{language}--{direction.value}"
            return literal_text(value, language, "")
        datatype = literal.datatype.value
        if datatype == _XSD_STRING:
            return literal_text(value, None, "")
        bare = _BARE.get(datatype) if self._short else None
        if bare is not None and bare.fullmatch(value):
            return value
        return literal_text(value, None, "^^" + _written(self.iri(datatype)))

    def rows(self, quads: Iterable[Quad], *, graphs: bool, nquads: bool = False) -> Iterator[tuple[str, ...]]:
        """(graph, subject, predicate, object) keys for each quad; graph "" when merged.

        Written out of :meth:`iri` and :meth:`literal` into one loop: at a million
        quads, a method call per term costs more than the rest.
        """
        iris = self._iris
        iri, literal = self.iri, self.literal
        named, blank = ox.NamedNode, ox.BlankNode
        type_key = iri(_RDF_TYPE) if nquads else ""
        for subject, predicate, obj, graph_name in quads:
            value = subject.value
            s = (iris.get(value) or iri(value)) if type(subject) is named else _BLANK + "_:" + value
            value = predicate.value
            p = type_key if value == _RDF_TYPE else iris.get(value) or iri(value)
            kind = type(obj)
            if kind is named:
                value = obj.value
                o = iris.get(value) or iri(value)
            elif kind is blank:
                o = _BLANK + "_:" + obj.value
            else:
                o = literal(obj)  # type: ignore[arg-type]
            if not graphs:
                yield "", s, p, o
            elif type(graph_name) is named:
                value = graph_name.value
                yield iris.get(value) or iri(value), s, p, o
            elif type(graph_name) is blank:
                yield _BLANK + "_:" + graph_name.value, s, p, o
            else:
                yield "", s, p, o


def _written(key: str) -> str:
    """A term as written, from its sort key."""
    first = key[:1]
    if first == "<":
        return key + ">"
    return key[1:] if first == _BLANK else key


def _prefix_lines(terms: _Terms) -> list[str]:
    prefixes = terms.names.prefixes
    return [f"@prefix {prefix}: <{prefixes[prefix]}> .\n" for prefix in sorted(terms.names.used)]


def _sorted_unique(rows: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    ordered = sorted(rows)
    # Sorted, a triple that several graphs state is a run of equal rows: keep one.
    return [row for i, row in enumerate(ordered) if i == 0 or row != ordered[i - 1]]


def _blocks(rows: Iterable[tuple[str, ...]], indent: str) -> Iterator[str]:
    """The subject blocks of one graph, as Turtle."""
    subject = predicate = None
    for _, s, p, o in rows:
        written = _written(o)
        if s != subject:
            if subject is not None:
                yield " .\n\n"
            yield f"{indent}{_written(s)}\n{indent}    {_written(p) or 'a'} {written}"
            subject, predicate = s, p
        elif p != predicate:
            yield f" ;\n{indent}    {_written(p) or 'a'} {written}"
            predicate = p
        else:
            yield f" ,\n{indent}        {written}"
    if subject is not None:
        yield " .\n"


def _document(terms: _Terms, body: list[str]) -> bytes:
    header = _prefix_lines(terms)
    if header and body:
        header.append("\n")
    return ("".join(header) + "".join(body)).encode("utf-8")


def turtle(graph: Graph, *, include_ontology: bool = True) -> bytes:
    """The dataset as sorted Turtle, its named graphs merged.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`.
    include_ontology : bool
        Include the ontology's graph.

    Returns
    -------
    bytes
        UTF-8 Turtle.

    Examples
    --------
    >>> import goalgraph
    >>> text = turtle(goalgraph.load(), include_ontology=False).decode()
    >>> text.startswith("@prefix cv: <http://data.europa.eu/m8g/> .")
    True
    >>> '    gg:text "Kvalitet i sagsbehandlingen"@da ;' in text
    True
    """
    terms = _Terms(context_prefixes())
    rows = _sorted_unique(terms.rows(dataset_quads(graph, include_ontology=include_ontology), graphs=False))
    return _document(terms, list(_blocks(rows, "")))


def trig(graph: Graph, *, include_ontology: bool = True) -> bytes:
    """The dataset as sorted TriG, each named graph a block of its own.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`.
    include_ontology : bool
        Include the ontology's graph.

    Returns
    -------
    bytes
        UTF-8 TriG.

    Examples
    --------
    >>> import goalgraph
    >>> text = trig(goalgraph.load()).decode()
    >>> "<https://w3id.org/goalgraph/id/graph/vores-maal> {" in text
    True
    """
    terms = _Terms(context_prefixes())
    rows = sorted(terms.rows(dataset_quads(graph, include_ontology=include_ontology), graphs=True))
    body: list[str] = []
    start = 0
    while start < len(rows):
        name = rows[start][0]
        end = start
        while end < len(rows) and rows[end][0] == name:
            end += 1
        if body:
            body.append("\n")
        # The default graph, if anything is in it, as a block without a name.
        body.append(f"{_written(name)} {{\n" if name else "{\n")
        body.extend(_blocks(rows[start:end], "    "))
        body.append("}\n")
        start = end
    return _document(terms, body)


def _statements(graph: Graph, include_ontology: bool, *, graphs: bool, xml: bool = False) -> bytes:
    """N-Triples (or N-Quads with `graphs`), one statement a line, sorted."""
    store = store_of(graph)
    if not xml:
        dumped = _dumped(store, include_ontology, graphs=graphs)
        if dumped is not None:
            # Merging graphs may give one triple several times; quads are unique.
            return b"".join(sorted(dumped if graphs else set(dumped)))
    terms = _Terms(None, xml=xml)
    found = set()
    for g, s, p, o in terms.rows(dataset_quads(store, include_ontology=include_ontology), graphs=graphs, nquads=True):
        subject, predicate, obj = _written(s), _written(p), _written(o)
        # A set, as merging graphs may give one triple several times.
        found.add(f"{subject} {predicate} {obj} {_written(g)} .\n" if g else f"{subject} {predicate} {obj} .\n")
    return "".join(sorted(found)).encode("utf-8")


def _dumped(store: ox.Store, include_ontology: bool, *, graphs: bool) -> list[bytes] | None:
    """The statements as Oxigraph writes them, or None if blank nodes need canonical names.

    Oxigraph writes canonical N-Triples itself, the same bytes as :class:`_Terms`
    does, three times as fast; but it labels blank nodes as the store does, at
    random, so a dump with any ``_:`` in it (a blank node, or those characters in a
    literal) is left to the slower path that names them canonically.
    """
    ontology = ox.NamedNode(ONTOLOGY_IRI)
    found: list[bytes] = []
    for name in [ox.DefaultGraph(), *store.named_graphs()]:
        if name == ontology and not include_ontology:
            continue
        if type(name) is ox.BlankNode:
            return None
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name) or b""
        if b"_:" in data or b"<<(" in data:
            return None
        lines = data.splitlines(keepends=True)
        if graphs and type(name) is ox.NamedNode:
            # Each line ends " .\n": the graph's name goes before the full stop.
            at = f" <{name.value}> .\n".encode()
            lines = [line[:-3] + at for line in lines]
        found.extend(lines)
    return found


def ntriples(graph: Graph, *, include_ontology: bool = True, xml_safe: bool = False) -> bytes:
    """The dataset as sorted N-Triples, its named graphs merged.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`.
    include_ontology : bool
        Include the ontology's graph.
    xml_safe : bool
        Refuse (GoalgraphError) a literal with a control character that XML 1.0
        cannot hold, for output that RDF/XML will carry.

    Returns
    -------
    bytes
        UTF-8 N-Triples, one triple a line, the lines sorted.

    Examples
    --------
    >>> import goalgraph
    >>> lines = ntriples(goalgraph.load()).decode().splitlines()
    >>> lines == sorted(lines)
    True
    """
    return _statements(graph, include_ontology, graphs=False, xml=xml_safe)


def nquads(graph: Graph, *, include_ontology: bool = True) -> bytes:
    """The dataset as sorted N-Quads, each triple in its named graph.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`.
    include_ontology : bool
        Include the ontology's graph.

    Returns
    -------
    bytes
        UTF-8 N-Quads, one quad a line, the lines sorted.

    Examples
    --------
    >>> import goalgraph
    >>> first = nquads(goalgraph.load()).decode().splitlines()[0]
    >>> first.endswith("> .") and first.count(" <") >= 2
    True
    """
    return _statements(graph, include_ontology, graphs=True)
