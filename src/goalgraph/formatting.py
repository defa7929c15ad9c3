"""Query results as text: a terminal table, CSV, TSV, or SPARQL 1.1 Query Results JSON.

The table is for people: IRIs are shown by their labels, long Danish sentences are
wrapped to the terminal's width, and a query whose header asks for it is shown as a
cross-table. CSV and TSV follow *SPARQL 1.1 Query Results CSV and TSV Formats*
(CSV with plain values, TSV with RDF terms), JSON follows *SPARQL 1.1 Query Results
JSON Format*: all three keep IRIs, for programs.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from collections.abc import Callable, Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from goalgraph.labels import label
from goalgraph.named_queries import QueryResult

__all__ = ["FORMATS", "format_result"]

FORMATS = ("table", "csv", "tsv", "json")

# Written out: rdflib's XSD namespace object, held at module level, trips doctest collection.
_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def format_result(
    result: QueryResult, output_format: str, graph: Graph, *, lang: str = "da", width: int | None = None
) -> str:
    """`result` in one of :data:`FORMATS` (a CONSTRUCT's triples are always Turtle).

    Parameters
    ----------
    result : QueryResult
    output_format : {"table", "csv", "tsv", "json"}
    graph : rdflib.Graph
        Where the table looks up labels.
    lang : str
        The language of the table's labels.
    width : int, optional
        The table's width; by default the terminal's.
    """
    if result.graph is not None:
        return result.graph.serialize(format="turtle")
    if result.ask is not None:
        if output_format == "json":
            return json.dumps({"head": {}, "boolean": result.ask})
        return "true" if result.ask else "false"
    if output_format == "json":
        return _json(result)
    if output_format == "csv":
        return _delimited(result, ",", lambda term: "" if term is None else str(term))
    if output_format == "tsv":
        return _delimited(result, "\t", lambda term: "" if term is None else term.n3())
    return _table(result, graph, lang, width or shutil.get_terminal_size((120, 24)).columns)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    found = {"type": "literal", "value": str(term)}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype and term.datatype != _XSD_STRING:
        found["datatype"] = str(term.datatype)
    return found


def _json(result: QueryResult) -> str:
    bindings = [{v: _json_term(t) for v, t in row.items() if t is not None} for row in result.rows]
    return json.dumps(
        {"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=2
    )


def _delimited(result: QueryResult, delimiter: str, show: Callable[[Node | None], str]) -> str:
    out = io.StringIO()
    if delimiter == ",":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([show(row[v]) for v in result.variables] for row in result.rows)
        return out.getvalue()
    # TSV: variables with their ?, terms as in Turtle (which escapes tabs and line breaks).
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(show(row[v]) for v in result.variables) for row in result.rows]
    return "\n".join(lines) + "\n"


def _table(result: QueryResult, graph: Graph, lang: str, width: int) -> str:
    names: dict[Node, str] = {}

    def show(term: Node | None) -> str:
        if term is None:
            return ""
        if isinstance(term, URIRef):
            if term not in names:
                names[term] = label(graph, term, lang) or _short(graph, term)
            return names[term]
        return str(term)

    if result.query.pivot and set(result.query.pivot) <= set(result.variables):
        header, cells = _pivot(result, show)
    else:
        header = result.variables
        cells = [[show(row[v]) for v in result.variables] for row in result.rows]
    if not cells:
        return "(no results)"
    return _render(header, cells, width) + f"\n({len(cells)} row{'s' if len(cells) != 1 else ''})"


def _short(graph: Graph, term: URIRef) -> str:
    try:
        return graph.namespace_manager.curie(term, generate=False)
    except (KeyError, ValueError):
        return f"<{term}>"


def _pivot(result: QueryResult, show: Callable[[Node | None], str]) -> tuple[list[str], list[list[str]]]:
    assert result.query.pivot is not None
    row_var, column_var, cell_var = result.query.pivot
    rows = list(dict.fromkeys(row[row_var] for row in result.rows))
    columns = list(dict.fromkeys(row[column_var] for row in result.rows))
    cell = {(row[row_var], row[column_var]): show(row[cell_var]) for row in result.rows}
    header = [f"{row_var} \\ {column_var}", *(show(c) for c in columns)]
    return header, [[show(r), *(cell.get((r, c), "") for c in columns)] for r in rows]


def _render(header: Sequence[str], cells: list[list[str]], width: int) -> str:
    """Columns side by side, wrapped so the table fits `width` where it can."""
    gap = 2
    columns = [[h, *(row[i] for row in cells)] for i, h in enumerate(header)]
    natural = [max(map(len, column)) for column in columns]
    room = max(width - gap * (len(header) - 1), len(header) * 8)
    widths = natural
    if sum(natural) > room:
        # Every column keeps room for its longest word (up to a point), so words are
        # not cut; the long columns share what is left, in proportion to their length.
        longest_word = [max((len(word) for text in column for word in text.split()), default=1) for column in columns]
        floor = [min(n, w, 24) for n, w in zip(natural, longest_word, strict=True)]
        spare = max(room - sum(floor), 0)
        excess = [n - f for n, f in zip(natural, floor, strict=True)]
        total = sum(excess) or 1
        widths = [f + excess_i * spare // total for f, excess_i in zip(floor, excess, strict=True)]
    lines = []
    for row in [list(header), ["─" * w for w in widths], *cells]:
        wrapped = [textwrap.wrap(text, w, break_long_words=True) or [""] for text, w in zip(row, widths, strict=True)]
        for depth in range(max(len(parts) for parts in wrapped)):
            parts = [p[depth] if depth < len(p) else "" for p in wrapped]
            lines.append((" " * gap).join(part.ljust(w) for part, w in zip(parts, widths, strict=True)).rstrip())
    return "\n".join(lines)
