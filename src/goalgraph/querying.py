"""Run SPARQL files, with parameters bound safely.

Queries live in ``.rq`` files with their own PREFIX lines, so they run unchanged on
any SPARQL 1.1 engine. A parameter is bound by a ``BIND`` placed at the start of
the query's WHERE clause, its value written as an RDF term (an IRI that is
checked to be one, or a literal with its quotes and backslashes escaped): user
text is never pasted into the query as query text. Because it opens the
outermost group, the group's FILTERs see the value, as with pre-binding, and
``!BOUND(?param)`` tells an optional parameter that was not given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Node

from goalgraph.errors import GoalgraphError
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import PREFIXES
from goalgraph.resources import sparql_file

__all__ = ["Answer", "Row", "bind", "execute", "query_text", "select", "where_start"]

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


def _term(value: Node) -> str:
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
            return f'"{escaped}"^^{_term(value.datatype)}'
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
    values = " ".join(f"BIND ({_term(value)} AS ?{name})" for name, value in bindings.items())
    at = where_start(query)
    return f"{query[:at]} {values}{query[at:]}"


#: A row of a SELECT answer: variable name → rdflib term, None where unbound. (Typed
#: Any, as rdflib types its own rows, so that callers index it without a cast each time.)
Row = dict[str, Any]


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


@dataclass
class Answer:
    """What a query answered, in rdflib terms.

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

    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def execute(graph: Graph, query: str) -> Answer:
    """Run `query` on `graph` and read the whole answer.

    On a :class:`~goalgraph.loading.GoalDataset` the query goes straight to
    Oxigraph and each distinct term is turned into an rdflib term once: a result
    repeats the same IRIs on many rows, and building rdflib terms costs more than
    the query (on 66,000 rows, 1.7 s through rdflib's API against 0.3 s this way).
    A :class:`~goalgraph.remote.RemoteDataset` sends it to its endpoint. Any other
    rdflib graph is asked through rdflib's API.

    Raises
    ------
    SyntaxError
        From Oxigraph, for a malformed query ("error at LINE:COLUMN: ...").
    """
    from goalgraph.remote import RemoteDataset  # deferred: the HTTP client is needed only here

    if isinstance(graph, RemoteDataset):
        variables, rows, boolean, triples = graph.answer(query)
        return Answer(variables, rows, boolean, triples)
    if not isinstance(graph, GoalDataset):
        result = graph.query(query)
        if result.type == "ASK":
            return Answer(boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer(graph=result.graph)
        variables = [str(v) for v in result.vars or []]
        return Answer(variables, [{v: cast(ResultRow, row).get(v) for v in variables} for row in result])
    answer = graph.oxigraph.query(query, use_default_graph_as_union=True, prefixes=PREFIXES)
    terms: dict[object, Node] = {}

    def term(value: object) -> Node | None:
        if value is None:
            return None
        found = terms.get(value)
        if found is None:
            found = terms[value] = _from_oxigraph(value)
        return found

    if isinstance(answer, ox.QueryBoolean):
        return Answer(boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        triples = Graph()
        for triple in answer:
            triples.add((term(triple.subject), term(triple.predicate), term(triple.object)))  # type: ignore[arg-type]
        return Answer(graph=triples)
    variables = [v.value for v in answer.variables]
    rows = [{name: term(solution[name]) for name in variables} for solution in answer]
    return Answer(variables, rows)


def _from_oxigraph(value: object) -> Node:
    if isinstance(value, ox.NamedNode):
        return URIRef(value.value)
    if isinstance(value, ox.BlankNode):
        return BNode(value.value)
    if isinstance(value, ox.Literal):
        if value.language:
            return Literal(value.value, lang=value.language)
        return Literal(value.value, datatype=URIRef(value.datatype.value))
    raise GoalgraphError(f"cannot show an RDF term of this kind: {value!r}")
