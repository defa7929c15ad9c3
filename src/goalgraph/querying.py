"""Run the SPARQL files shipped in ``goalgraph/sparql/``.

Queries live in ``.rq`` files with their own PREFIX lines, so they run unchanged on
any SPARQL 1.1 engine. Parameters are bound as RDF terms (``initBindings``), never
pasted into the query text.
"""

from __future__ import annotations

from functools import cache
from typing import cast

from rdflib import Graph
from rdflib.query import ResultRow
from rdflib.term import Identifier, Node

from goalgraph.resources import sparql_file

__all__ = ["query_text", "select"]


@cache
def query_text(name: str) -> str:
    """The text of the shipped query `name` (the file name without ``.rq``)."""
    return sparql_file(name).read_text(encoding="utf-8")


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
    # rdflib types bindings as Identifier; the result terms we pass back are Nodes.
    result = graph.query(query_text(name), initBindings=cast(dict[str, Identifier], bindings))
    return [cast(ResultRow, row) for row in result]
