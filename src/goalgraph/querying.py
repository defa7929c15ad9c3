"""Run SPARQL on a goal graph, wherever it is kept, with parameters bound safely.

Every backend answers through one interface, :class:`Backend`: the embedded and
on-disk :class:`~goalgraph.loading.GoalDataset` and the remote
:class:`~goalgraph.remote.RemoteDataset` implement it, and :func:`backend` wraps any
other rdflib graph in it, so no caller asks which kind of graph it was given.

Queries live in ``.rq`` files with their own PREFIX lines, so they run unchanged on
any SPARQL 1.1 engine. A parameter is bound by a ``BIND`` placed at the start of
the query's WHERE clause, its value written as an RDF term (an IRI that is
checked to be one, or a literal with its quotes and backslashes escaped): user
text is never pasted into the query as query text. Because it opens the
outermost group, the group's FILTERs see the value, as with pre-binding, and
``!BOUND(?param)`` tells an optional parameter that was not given.

Why text, and not Oxigraph's ``substitutions=``: in pyoxigraph 0.5 a substituted
variable must be projected by the SELECT, moves to the end of ``SELECT *``, and
reads as unbound in ``BOUND(?x)`` and ``BIND(?x AS ?y)``, so
``FILTER (!BOUND(?organisation) || ?holder = ?organisation)`` keeps every row: the
named queries would answer otherwise (``tests/test_querying.py`` pins this). The
same bound text runs on every backend, remote ones included. The WHERE clause is
found by :func:`where_start`, a scanner that skips comments, strings and IRIs,
not by a parse: rdflib's parser, the one in reach that reads SPARQL, takes 40 to
700 ms per named query (``search`` the slowest), where the scan takes 0.1 ms and
Oxigraph, which parses the bound query anyway, rejects a misplaced ``BIND``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple, Protocol, cast, runtime_checkable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph
from rdflib.query import ResultRow
from rdflib.term import Node

from goalgraph.errors import GoalgraphError
from goalgraph.resources import sparql_file

__all__ = [
    "Answer",
    "Backend",
    "RdflibGraph",
    "Row",
    "backend",
    "bind",
    "execute",
    "from_oxigraph",
    "query_text",
    "read_answer",
    "select",
    "select_values",
    "sparql_term",
    "to_oxigraph",
    "where_start",
    "writable",
]

# Characters that cannot appear in an IRI written between < and > (RFC 3987, SPARQL IRIREF).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LANGUAGE = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


@cache
def query_text(name: str) -> str:
    """The text of the shipped query `name` (the file name without ``.rq``)."""
    return sparql_file(name).read_text(encoding="utf-8")


def where_start(query: str) -> int:
    """The position just after the ``{`` that opens the query's WHERE clause.

    Comments, strings and IRIs are skipped, so a brace inside them does not count.
    The keyword WHERE may be left out of a SELECT or ASK query, as SPARQL allows;
    a CONSTRUCT query's template is passed over.

    Raises
    ------
    GoalgraphError
        If the query has no WHERE clause.

    Examples
    --------
    >>> q = 'SELECT ?s WHERE { ?s ?p "{" }'
    >>> q[: where_start(q)]
    'SELECT ?s WHERE {'
    """
    depth = 0
    seen_where = False
    i = 0
    while i < len(query):
        char = query[i]
        if char == "#":
            end = query.find("\n", i)
            i = len(query) if end < 0 else end
        elif char in "\"'":
            i = _end_of_string(query, i)
        elif char == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", query[i:]):
            i = query.index(">", i)
        elif char == "{":
            construct_template = not seen_where and re.search(r"\bCONSTRUCT\s*$", query[:i], re.IGNORECASE)
            if depth == 0 and not construct_template:
                return i + 1
            depth += 1
        elif char == "}":
            depth -= 1
        elif re.match(r"(?i)where\b", query[i : i + 6]) and (i == 0 or not query[i - 1].isalnum()):
            seen_where = True
        i += 1
    raise GoalgraphError("the query has no WHERE clause to bind parameters in")


def _end_of_string(query: str, start: int) -> int:
    quote = query[start]
    if query.startswith(quote * 3, start):
        end = query.find(quote * 3, start + 3)
        return len(query) if end < 0 else end + 2
    i = start + 1
    while i < len(query) and query[i] != quote:
        i += 2 if query[i] == "\\" else 1
    return i


def sparql_term(value: Node) -> str:
    """`value` written as a SPARQL term, safe to put into a query's text.

    Raises
    ------
    GoalgraphError
        For an IRI with characters no IRI may have, a bad language tag, or a blank node.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> sparql_term(URIRef("https://example.org/a")), sparql_term(Literal('say "hi"', lang="en"))
    ('<https://example.org/a>', '"say \\\\"hi\\\\""@en')
    """
    if isinstance(value, URIRef):
        if _NOT_IN_IRI.search(value) or ":" not in value:
            raise GoalgraphError(f"not an IRI: {str(value)!r}")
        return f"<{value}>"
    if isinstance(value, Literal):
        # Always the one-line "..." form, so nothing in the value can close the string.
        escaped = str(value).translate(_ESCAPES)
        if value.language:
            if not _LANGUAGE.fullmatch(value.language):
                raise GoalgraphError(f"not a language tag: {value.language!r}")
            return f'"{escaped}"@{value.language}'
        if value.datatype is not None:
            return f'"{escaped}"^^{sparql_term(value.datatype)}'
        return f'"{escaped}"'
    raise GoalgraphError(f"cannot bind a {type(value).__name__} as a query parameter")


def bind(query: str, bindings: Mapping[str, Node]) -> str:
    """`query` with `bindings` (variable name → RDF term) bound at the start of its WHERE.

    The block goes on the line of the opening brace, so line numbers in parser
    messages still match the file.

    Examples
    --------
    >>> from rdflib import Literal
    >>> bind("SELECT ?s WHERE { ?s ?p ?term }", {"term": Literal('say "hi"')})
    'SELECT ?s WHERE { BIND ("say \\\\"hi\\\\"" AS ?term) ?s ?p ?term }'
    """
    if not bindings:
        return query
    for name in bindings:
        if not _VARIABLE.fullmatch(name):
            raise GoalgraphError(f"not a variable name: {name!r}")
    # BIND, not VALUES: Virtuoso does not join a VALUES block with a property path
    # (`VALUES ?s {...} ?s gg:supports* ?x` matches every ?s there); BIND it follows.
    values = " ".join(f"BIND ({sparql_term(value)} AS ?{name})" for name, value in bindings.items())
    at = where_start(query)
    return f"{query[:at]} {values}{query[at:]}"


#: A row of a SELECT answer: variable name → rdflib term, None where unbound. (Typed
#: Any, as rdflib types its own rows, so that callers index it without a cast each time.)
Row = dict[str, Any]


class Answer(NamedTuple):
    """What a query answered, in rdflib terms (a tuple, so ``variables, rows, boolean, graph = ...`` reads it).

    Attributes
    ----------
    variables : list of str
        A SELECT's variables, in order.
    rows : list of dict
        A SELECT's solutions: variable → term, None where unbound.
    boolean : bool or None
        An ASK's answer.
    graph : rdflib.Graph or None
        A CONSTRUCT's or DESCRIBE's triples.
    """

    variables: list[str]
    rows: list[Row]
    boolean: bool | None = None
    graph: Graph | None = None


@runtime_checkable
class Backend(Protocol):
    """What goalgraph asks of a goal graph, wherever it is kept.

    :class:`~goalgraph.loading.GoalDataset` (in memory or on disk) and
    :class:`~goalgraph.remote.RemoteDataset` (a SPARQL endpoint) implement it, as
    rdflib's stores sit behind one ``Graph``; :class:`RdflibGraph` lends it to any
    other rdflib graph. Every function that takes a goal graph reaches it through
    :func:`backend`.
    """

    def answer(self, query: str) -> Answer:
        """Run the SPARQL query `query` (goalgraph's prefixes declared) and read the whole answer."""
        ...

    def oxigraph_store(self) -> ox.Store:
        """An Oxigraph store holding the graph's quads, for work that reads every one (exports)."""
        ...


def backend(graph: Graph) -> Backend:
    """`graph` as a :class:`Backend`: itself where it is one, else wrapped in :class:`RdflibGraph`.

    >>> from rdflib import Graph
    >>> type(backend(Graph())).__name__
    'RdflibGraph'
    """
    return graph if isinstance(graph, Backend) else RdflibGraph(graph)


class RdflibGraph:
    """Any rdflib graph as a :class:`Backend`: asked through rdflib's own API and SPARQL engine.

    Parameters
    ----------
    graph : rdflib.Graph
        A plain graph, a Dataset, or a graph on a store of the user's choosing.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def answer(self, query: str) -> Answer:
        """Run `query` with rdflib's engine (the graph's namespace bindings serve as prefixes)."""
        result = self.graph.query(query)
        if result.type == "ASK":
            return Answer([], [], boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer([], [], graph=result.graph)
        variables = [str(v) for v in result.vars or []]
        return Answer(variables, [{v: cast(ResultRow, row).get(v) for v in variables} for row in result])

    def oxigraph_store(self) -> ox.Store:
        """The graph's own Oxigraph store if it has one to itself, else a copy in a new in-memory one.

        A dataset is copied with its named graphs, a plain graph into the default graph.
        """
        from goalgraph.loading import own_oxigraph  # deferred: loading imports this module

        inner = own_oxigraph(self.graph)
        if inner is not None:  # a plain graph on an Oxigraph store of its own: read it in place
            return inner
        store = ox.Store()
        if isinstance(self.graph, ConjunctiveGraph):  # rdflib's Dataset is one
            store.extend(
                ox.Quad(_subject(s), _predicate(p), to_oxigraph(o), _graph_name(c))
                for s, p, o, c in self.graph.quads((None, None, None, None))
            )
        else:
            store.extend(ox.Quad(_subject(s), _predicate(p), to_oxigraph(o)) for s, p, o in self.graph)
        return store


def select(graph: Graph, name: str, **bindings: Node) -> list[Row]:
    """Run the shipped SELECT query `name` on `graph` and return its rows.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`; its default graph is the
        union of its named graphs.
    name : str
        The query's file name without ``.rq``.
    **bindings : rdflib term
        Values for the query's variables, by variable name.

    Returns
    -------
    list of dict
        One dict per solution, with every variable of the query as a key.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.namespaces import GG
    >>> rows = select(goalgraph.load(), "statement-counts")
    >>> {row["class"]: int(row["count"]) for row in rows}[GG.Mission]
    4
    """
    return execute(graph, bind(query_text(name), bindings)).rows


#: How many rows of values one query of :func:`select_values` names.
VALUES_CHUNK = 2_000


def writable(term: Node) -> bool:
    """Whether `term` can be written into a query (a blank node of the data cannot, nor a broken IRI).

    Examples
    --------
    >>> from rdflib import BNode, URIRef
    >>> writable(URIRef("https://example.org/a")), writable(URIRef("https://example.org/a b")), writable(BNode())
    (True, False, False)
    """
    try:
        sparql_term(term)
    except GoalgraphError:
        return False
    return True


def select_values(graph: Graph, name: str, variables: Sequence[str], rows: Iterable[Sequence[Node]]) -> list[Row]:
    """Run the shipped SELECT query `name` for many values at once: a ``VALUES`` block of `rows`.

    One query answers for thousands of nodes where :func:`select` with a binding
    would run once per node. The block goes at the start of the query's WHERE, at
    most :data:`VALUES_CHUNK` rows a query, so that no query text grows without
    bound. A row with a term no query can name (see :func:`writable`) is left out.

    Parameters
    ----------
    graph : rdflib.Graph
    name : str
        The query's file name without ``.rq``.
    variables : sequence of str
        The variables the values are for.
    rows : iterable of sequences of rdflib terms
        One value per variable in each.

    Returns
    -------
    list of dict

    Examples
    --------
    >>> import goalgraph
    >>> from rdflib import URIRef
    >>> data = goalgraph.load()
    >>> police = URIRef(data.base + "politiet")
    >>> sorted(str(r["label"]) for r in select_values(data, "labels", ["node"], [[police]]))[:2]
    ['Politiet', 'the Danish Police']
    """
    kept = [row for row in rows if all(map(writable, row))]
    found: list[Row] = []
    text = query_text(name)
    at = where_start(text)
    names = " ".join(f"?{variable}" for variable in variables)
    for start in range(0, len(kept), VALUES_CHUNK):
        block = " ".join("(" + " ".join(map(sparql_term, row)) + ")" for row in kept[start : start + VALUES_CHUNK])
        found.extend(execute(graph, f"{text[:at]} VALUES ({names}) {{ {block} }}{text[at:]}").rows)
    return found


def execute(graph: Graph, query: str) -> Answer:
    """Run `query` on `graph`, whatever its backend (see :class:`Backend`), and read the whole answer.

    Raises
    ------
    SyntaxError
        From Oxigraph, for a malformed query ("error at LINE:COLUMN: ...").
    """
    return backend(graph).answer(query)


def read_answer(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, *, plain_strings: bool = False
) -> Answer:
    """An Oxigraph answer (of a store's query, or parsed results) in rdflib terms.

    Each distinct term is turned into an rdflib term once: a result repeats the same
    IRIs on many rows, and building rdflib terms costs more than the query (on 66,000
    rows, 1.7 s through rdflib's API against 0.3 s this way).

    Parameters
    ----------
    result : pyoxigraph.QuerySolutions, QueryBoolean or QueryTriples
    plain_strings : bool
        Give literals of type ``xsd:string`` no datatype, as rdflib reads them from
        SPARQL results (the remote backend's convention).
    """
    if isinstance(result, ox.QueryBoolean):
        return Answer([], [], boolean=bool(result))
    terms: dict[object, Node] = {}
    known = terms.get

    def term(value: object) -> Node | None:
        if value is None:
            return None
        found = known(value)
        if found is None:
            found = terms[value] = from_oxigraph(value, plain_strings=plain_strings)
        return found

    if isinstance(result, ox.QueryTriples):
        triples = Graph()
        for triple in result:
            triples.add((term(triple.subject), term(triple.predicate), term(triple.object)))  # type: ignore[arg-type]
        return Answer([], [], graph=triples)
    variables = [v.value for v in result.variables]
    # A solution iterates its values in the order of the variables (None where unbound):
    # reading them so, rather than by name, halves the time of a wide answer.
    return Answer(variables, [dict(zip(variables, map(term, solution), strict=True)) for solution in result])


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def _datatype(iri: str) -> URIRef:
    """One rdflib IRI per datatype: a literal's ``URIRef`` costs as much as the literal itself."""
    return URIRef(iri)


def from_oxigraph(value: object, *, plain_strings: bool = False) -> Node:
    """The rdflib term for a pyoxigraph term (``plain_strings``: an ``xsd:string`` literal without datatype).

    >>> from_oxigraph(ox.Literal("tryghed", language="da"))
    rdflib.term.Literal('tryghed', lang='da')
    """
    if isinstance(value, ox.NamedNode):
        return URIRef(value.value)
    if isinstance(value, ox.BlankNode):
        return BNode(value.value)
    if isinstance(value, ox.Literal):
        if value.language:
            return Literal(value.value, lang=value.language)
        datatype = value.datatype.value
        if plain_strings and datatype == _XSD_STRING:
            return Literal(value.value)
        return Literal(value.value, datatype=_datatype(datatype))
    raise GoalgraphError(f"cannot show an RDF term of this kind: {value!r}")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib IRI, blank node or literal.

    A blank node whose label Oxigraph does not take (Virtuoso's ``nodeID://b10003``)
    is given one made from it, the same for the same label.

    >>> to_oxigraph(Literal("1", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))
    <Literal value=1 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return _subject(term)


def _subject(term: Node) -> ox.NamedNode | ox.BlankNode:
    if isinstance(term, URIRef):
        try:
            return ox.NamedNode(str(term))
        except ValueError as error:  # rdflib keeps what is no IRI (a space in it), with a warning
            raise GoalgraphError(f"not an IRI: {str(term)!r} ({error})") from None
    if isinstance(term, BNode):
        try:
            return ox.BlankNode(str(term))
        except ValueError:
            return ox.BlankNode(hashlib.sha256(str(term).encode()).hexdigest()[:32])
    raise GoalgraphError(f"cannot export {term!r} as the subject of a triple")


def _predicate(term: Node) -> ox.NamedNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    raise GoalgraphError(f"cannot export {term!r} as a predicate")


def _graph_name(context: object) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    name = context.identifier if isinstance(context, Graph) else context
    if name is None or name == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    if isinstance(name, Node):
        return _subject(name)
    raise GoalgraphError(f"cannot export a graph named {name!r}")
