"""What goalgraph refuses to run, decided from the parsed query before anything runs.

Oxigraph, asked to run a query with ``SERVICE <url>``, fetches the URL and answers
with what came back: on a public endpoint, a server-side request forgery; from a
``.rq`` file someone sent, a fetch the analyst never meant. So a query is parsed
with rdflib's SPARQL 1.1 parser (a real grammar, which reads escapes, strings,
comments and IRIs as the standard says) and refused when its parse tree holds

- a ``SERVICE`` call, anywhere, however it is written;
- an update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ...): goalgraph only reads;
- a ``FROM`` or ``FROM NAMED`` naming a graph the dataset does not hold (where a
  collection of graphs is given).

A query the parser cannot read is refused too: what goalgraph cannot read, it
cannot vouch for (rdflib reads SPARQL 1.1; Oxigraph's extensions, such as
RDF-star patterns, are not accepted here).

rdflib's parser is slow (about 13 ms per ``BIND``; 40 to 750 ms for the named
queries, where Oxigraph runs them in 1 ms), so a query is parsed only when it could
hold a ``SERVICE`` or a ``FROM``: see :func:`needs_check`. Updates need no parse to
be safe: Oxigraph's query parser does not read them (:func:`update_operation` names
them for the message). The endpoint runs all this in its killable query workers,
under the query time limit.

Examples
--------
>>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' }").form
'SELECT'
>>> check_query("SELECT * { SERVICE <http://x.example/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
goalgraph.query_safety.RefusedQueryError: SERVICE is not allowed: ...
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from goalgraph.errors import GoalgraphError

if TYPE_CHECKING:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

__all__ = [
    "CheckedQuery",
    "QueryForm",
    "RefusedQueryError",
    "check_query",
    "may_call_a_service",
    "needs_check",
    "update_operation",
]

QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]

_FORMS: dict[str, QueryForm] = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
#: rdflib's names of the update operations, as SPARQL writes them.
_UPDATES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}


class RefusedQueryError(GoalgraphError):
    """A query goalgraph will not run; the message says why (HTTP 400 at the endpoint).

    Attributes
    ----------
    reason : str
        Why, without the position.
    line, column : int or None
        Where the parser stopped, counting from 1, for a query it could not read.
    """

    def __init__(self, reason: str, *, line: int | None = None, column: int | None = None) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        super().__init__(f"{reason} (line {line}, column {column})" if line else reason)

    @classmethod
    def for_update(cls, operation: str) -> RefusedQueryError:
        """The refusal of an update, named as SPARQL writes it (``INSERT DATA``)."""
        return cls(f"{operation} is an update; goalgraph is read-only and runs queries only")


@dataclass(frozen=True)
class CheckedQuery:
    """A query goalgraph will run.

    Attributes
    ----------
    form : {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
    names_graphs : bool
        Whether it chooses its own dataset with FROM or FROM NAMED (then the
        default graph is not the union of all graphs).
    """

    form: QueryForm
    names_graphs: bool


def needs_check(query: str) -> bool:
    """Whether `query` could hold a SERVICE call or a FROM clause, and so must be parsed.

    A keyword is one token: wherever and however it is written (any case, between
    any escapes, strings or comments), its letters stand together in the text. So a
    text in which "service" and "from" never occur, compared without case, cannot
    hold either, and needs no parse to be known safe. The comparison is generous:
    compatibility forms, accents and case folding (full-width letters, a dotted
    capital I, the long s) count as the letters they resemble, and any ``\\u``
    escape sends the query to the parser.

    Examples
    --------
    >>> needs_check("SELECT * { ?s ?p ?o }")
    False
    >>> needs_check("SELECT * { ſervice <http://x.example/> { } }")
    True
    >>> needs_check("SELECT * { ?s ?p 'from here' }")  # a parse will tell it is harmless
    True
    """
    return _could_hold(query, ("service", "from"))


def may_call_a_service(query: str) -> bool:
    """Whether `query` could hold a SERVICE call (as :func:`needs_check`, for SERVICE alone).

    Examples
    --------
    >>> may_call_a_service("SELECT * FROM <http://x.example/g> { ?s ?p ?o }")
    False
    """
    return _could_hold(query, ("service",))


def _could_hold(query: str, keywords: tuple[str, ...]) -> bool:
    if "\\u" in query or "\\U" in query:
        return True
    if query.isascii():
        folded = query.lower()
    else:
        # Letters as they would read without case, compatibility forms or accents.
        decomposed = unicodedata.normalize("NFKD", query).casefold()
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return any(keyword in folded for keyword in keywords)


def check_query(query: str, graphs: Collection[str] | None = None) -> CheckedQuery:
    """What `query` is, if goalgraph will run it.

    Parameters
    ----------
    query : str
        The SPARQL query as received.
    graphs : collection of str, optional
        The IRIs of the dataset's named graphs, which FROM and FROM NAMED may name;
        None to let them name any graph (a user's own file on the local dataset).

    Returns
    -------
    CheckedQuery

    Raises
    ------
    RefusedQueryError
        For an update, a SERVICE call, FROM / FROM NAMED outside `graphs`, or a
        query the parser cannot read (the message gives its line and column).
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        with _quiet_rdflib():
            tree = parseQuery(query)
    except RecursionError:
        raise RefusedQueryError("the query is nested too deeply to be read") from None
    except ParseBaseException as error:
        update = update_operation(query)
        if update is not None:
            raise RefusedQueryError.for_update(update) from None
        reason = f"the query is not valid SPARQL 1.1: {error.msg}"
        raise RefusedQueryError(reason, line=error.lineno, column=error.column) from None
    prologue, body = tree[0], tree[1]
    if any(node.name == "ServiceGraphPattern" for node in _nodes(body)):
        raise RefusedQueryError(
            "SERVICE is not allowed: goalgraph answers from its own dataset and does not call other services"
        )
    # CompValue.get answers a missing key with the key's name, so ask with `in`.
    clauses: list[CompValue] = list(body["datasetClause"]) if "datasetClause" in body else []
    if graphs is not None:
        _check_dataset(prologue, clauses, graphs)
    return CheckedQuery(_FORMS[body.name], bool(clauses))


def _check_dataset(prologue: ParseResults, clauses: list[CompValue], graphs: Collection[str]) -> None:
    from rdflib.plugins.sparql.algebra import translatePrologue

    resolved = translatePrologue(prologue, None)  # prefixed names as the query declares them
    for clause in clauses:
        named = "named" in clause
        iri = str(resolved.absolutize(clause["named" if named else "default"]))
        if iri not in graphs:
            keyword = "FROM NAMED" if named else "FROM"
            raise RefusedQueryError(
                f"{keyword} <{iri}> is not a graph of this dataset; "
                "FROM and FROM NAMED may only name the dataset's own graphs (see the service description)"
            )


def _nodes(tree: CompValue) -> Iterator[CompValue]:
    """Every node of a parse tree, depth first; a loop, not recursion, so depth costs nothing."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack: list[object] = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, ParseResults | list | tuple):
            stack.extend(item)


def update_operation(text: str) -> str | None:
    """The first operation of `text` as SPARQL writes it, if `text` parses as an update.

    Examples
    --------
    >>> update_operation("INSERT DATA { <a:a> <a:b> <a:c> }")
    'INSERT DATA'
    >>> update_operation("SELECT * { ?s ?p ?o }") is None
    True
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        with _quiet_rdflib():
            update = parseUpdate(text)
    except (ParseBaseException, RecursionError):
        return None
    operations = update["request"] if "request" in update else []  # noqa: SIM401 - CompValue.get has no default
    return _UPDATES.get(operations[0].name, "this") if operations else None


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """Silence rdflib's warnings about the IRIs it reads: the check's verdict is what counts."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
