"""Run SPARQL files, with parameters bound safely.

Queries live in ``.rq`` files with their own PREFIX lines, so they run unchanged on
any SPARQL 1.1 engine. A parameter is bound by a ``VALUES`` block placed at the
start of the query's WHERE clause, its value written as an RDF term (an IRI that
is checked to be one, or a literal with its quotes and backslashes escaped):
user text is never pasted into the query as query text. Because the block opens
the outermost group, the group's FILTERs see the value, as with pre-binding, and
``!BOUND(?param)`` tells an optional parameter that was not given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import cast

from rdflib import Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Node

from goalgraph.errors import GoalgraphError
from goalgraph.resources import sparql_file

__all__ = ["bind", "query_text", "select", "where_start"]

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
    'SELECT ?s WHERE { VALUES ?term { "say \\\\"hi\\\\"" } ?s ?p ?term }'
    """
    if not bindings:
        return query
    for name in bindings:
        if not _VARIABLE.fullmatch(name):
            raise GoalgraphError(f"not a variable name: {name!r}")
    values = " ".join(f"VALUES ?{name} {{ {_term(value)} }}" for name, value in bindings.items())
    at = where_start(query)
    return f"{query[:at]} {values}{query[at:]}"


def select(graph: Graph, name: str, **bindings: Node) -> list[ResultRow]:
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

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.namespaces import GG
    >>> rows = select(goalgraph.load(), "statement-counts")
    >>> {row["class"]: int(row["count"]) for row in rows}[GG.Mission]
    4
    """
    result = graph.query(bind(query_text(name), bindings))
    return [cast(ResultRow, row) for row in result]
