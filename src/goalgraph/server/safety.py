"""What the public endpoint refuses to run, decided before anything runs.

The endpoint is read-only and answers only from its own dataset. A query is read
token by token (comments, strings and IRIs skipped, so a keyword inside them does
not count) and refused when it is an update (``INSERT``, ``DELETE``, ``LOAD``,
``CLEAR``, ...), when it calls out with ``SERVICE`` (Oxigraph would fetch the URL:
a server-side request forgery), or when ``FROM``/``FROM NAMED`` name a graph the
dataset does not hold. Everything else is left to the SPARQL parser.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Literal

__all__ = ["CheckedQuery", "QueryForm", "RefusedQueryError", "check_query"]

QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]

_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD", "WITH"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_IRI = re.compile(r"<([^<>\"{}|^`\\\x00-\x20]*)>")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*(:[A-Za-z0-9_\-.%]*)?")
_PREFIX_DECLARATION = re.compile(r"(?i)PREFIX\s+([A-Za-z][\w\-.]*)?:\s*<([^>]*)>")


class RefusedQueryError(Exception):
    """A query the endpoint will not run; the message says why (HTTP 400)."""


@dataclass(frozen=True)
class CheckedQuery:
    """A query the endpoint will run.

    Attributes
    ----------
    form : {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
    names_graphs : bool
        Whether it chooses its own dataset with FROM or FROM NAMED (then the
        default graph is not the union of all graphs).
    """

    form: QueryForm
    names_graphs: bool


@dataclass(frozen=True)
class _Token:
    kind: Literal["word", "iri", "other"]
    text: str


def _tokens(query: str) -> Iterator[_Token]:
    i = 0
    while i < len(query):
        char = query[i]
        if char.isspace():
            i += 1
        elif char == "#":
            end = query.find("\n", i)
            i = len(query) if end < 0 else end
        elif char in "\"'":
            quote = char * 3 if query.startswith(char * 3, i) else char
            end = i + len(quote)
            while end < len(query) and not query.startswith(quote, end):
                end += 2 if query[end] == "\\" else 1
            i = end + len(quote)
            yield _Token("other", "string")
        elif char in "?$":
            match = _WORD.match(query, i + 1)
            i = match.end() if match else i + 1
            yield _Token("other", "variable")
        elif char == "<" and (match := _IRI.match(query, i)):
            i = match.end()
            yield _Token("iri", match[1])
        elif match := _WORD.match(query, i):
            i = match.end()
            yield _Token("word", match[0])
        else:
            i += 1
            yield _Token("other", char)


def check_query(query: str, graphs: Collection[str]) -> CheckedQuery:
    """What `query` is, if the endpoint will run it.

    Parameters
    ----------
    query : str
        The SPARQL query as received.
    graphs : collection of str
        The IRIs of the dataset's named graphs, which FROM and FROM NAMED may name.

    Returns
    -------
    CheckedQuery

    Raises
    ------
    RefusedQueryError
        For an update, a SERVICE call, or FROM / FROM NAMED outside the dataset.

    Examples
    --------
    >>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' }", []).form
    'SELECT'
    >>> check_query("SELECT * { SERVICE <http://x.example/> { ?s ?p ?o } }", [])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    goalgraph.server.safety.RefusedQueryError: SERVICE is not allowed: this endpoint ...
    """
    prefixes = {match[1] or "": match[2] for match in _PREFIX_DECLARATION.finditer(query)}
    tokens = list(_tokens(query))
    form: QueryForm | None = None
    names_graphs = False
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        word = token.text.upper()
        if word == "SERVICE":
            raise RefusedQueryError(
                "SERVICE is not allowed: this endpoint answers from its own dataset and does not call other services"
            )
        if form is None and word in _UPDATE_KEYWORDS:
            raise RefusedQueryError(f"{word} is an update; this endpoint is read-only and runs queries only")
        if form is None and word in _FORMS:
            form = word  # type: ignore[assignment]
        if word == "FROM":
            names_graphs = True
            following = tokens[index + 1 : index + 3]
            if following and following[0].kind == "word" and following[0].text.upper() == "NAMED":
                following = following[1:]
            target = following[0] if following else None
            iri = _graph_iri(target, prefixes)
            if iri is None or iri not in graphs:
                named = f"<{iri}>" if iri else "that graph"
                raise RefusedQueryError(
                    f"FROM {named} is not a graph of this dataset; "
                    "FROM and FROM NAMED may only name the dataset's own graphs (see the service description)"
                )
    if form is None:
        raise RefusedQueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return CheckedQuery(form, names_graphs)


def _graph_iri(token: _Token | None, prefixes: dict[str, str]) -> str | None:
    if token is None:
        return None
    if token.kind == "iri":
        return token.text
    if token.kind == "word" and ":" in token.text:
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return None
