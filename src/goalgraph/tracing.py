"""Trace a statement up to the top: every path, each hop with its kind, strength and rationale.

The links come from the ``trace`` named query (``gg:supports*`` in SPARQL); the
paths through them are enumerated here, since SPARQL property paths find what is
reachable but not by which route. Nothing is written to the graph.
"""

from __future__ import annotations

import math
import shutil
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from goalgraph.labels import label
from goalgraph.named_queries import run_query
from goalgraph.namespaces import GG
from goalgraph.querying import select
from goalgraph.resolving import resolve

__all__ = ["Hop", "Trace", "TracedStatement", "trace", "trace_text"]


@dataclass(frozen=True)
class TracedStatement:
    """A statement as a trace shows it."""

    iri: URIRef
    text: str | None
    translation: str | None
    identifier: str | None
    type: str | None
    holder: URIRef | None
    holder_names: dict[str, str | None]
    top: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "iri": str(self.iri),
            "labels": {"da": self.text, "en": self.translation},
            "identifier": self.identifier,
            "type": self.type,
            "holder": None if self.holder is None else {"iri": str(self.holder), "labels": self.holder_names},
            "top": self.top,
        }


@dataclass(frozen=True)
class Hop:
    """One link of a path: `source` supports `target`."""

    source: TracedStatement
    target: TracedStatement
    kind: str
    strength: str | None
    weight: float
    rationale: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "from": self.source.to_dict(),
            "to": self.target.to_dict(),
            "kind": self.kind,
            "strength": self.strength,
            "weight": self.weight,
            "rationale": self.rationale,
        }


@dataclass(frozen=True)
class Trace:
    """Every path from a statement along its alignments, until they end.

    Attributes
    ----------
    statement : TracedStatement
        The statement traced.
    paths : list of list of Hop
        Each path from the statement to where its links end; a path that ends at a
        top statement (a mission or vision of the highest organisation) reaches the
        top. The paths that reach the top come first, the strongest first.
    """

    statement: TracedStatement
    paths: list[list[Hop]]

    @staticmethod
    def strength(path: list[Hop]) -> float:
        """How strongly a path holds: the product of its links' weights (a stated link weighs 1)."""
        return math.prod(hop.weight for hop in path)

    @property
    def reaches_top(self) -> bool:
        """Whether any path ends at the top (or the statement is at the top itself)."""
        return self.statement.top or any(path[-1].target.top for path in self.paths)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data, with the labels of every statement in both languages."""
        return {
            "statement": self.statement.to_dict(),
            "reachesTop": self.reaches_top,
            "paths": [
                {
                    "reachesTop": path[-1].target.top,
                    "strength": self.strength(path),
                    "hops": [h.to_dict() for h in path],
                }
                for path in self.paths
            ],
        }


def _true(term: Node | None) -> bool:
    """Whether a boolean in a result is true; Virtuoso answers 1 and 0 for true and false."""
    return isinstance(term, Literal) and bool(term.toPython())


def _local(term: Node | None) -> str | None:
    return None if term is None else str(term).split("#")[-1]


def _describe(graph: Graph, iri: URIRef, top: bool) -> TracedStatement:
    rows = select(graph, "statement-summary", node=iri)
    first = rows[0] if rows else None

    def get(name: str) -> str | None:
        value = first[name] if first is not None else None
        return None if value is None else str(value)

    holder = first["holder"] if first is not None else None
    return TracedStatement(
        iri=iri,
        text=get("text") or label(graph, iri),
        translation=get("translation"),
        identifier=get("identifier"),
        type=_local(first["type"]) if first is not None else None,
        holder=holder if isinstance(holder, URIRef) else None,
        holder_names={lang: label(graph, holder, lang) for lang in ("da", "en")} if isinstance(holder, URIRef) else {},
        top=top,
    )


def trace(graph: Graph, statement: str | URIRef) -> Trace:
    """Trace `statement` along its stated and curated alignments up to the top.

    Parameters
    ----------
    graph : rdflib.Graph
        The goal graph.
    statement : str or URIRef
        The statement: an IRI, prefixed name, identifier or label (see
        :func:`goalgraph.resolving.resolve`).

    Returns
    -------
    Trace

    Examples
    --------
    >>> import goalgraph
    >>> t = trace(goalgraph.load(), "Kvalitet i sagsbehandlingen")
    >>> t.reaches_top
    True
    >>> [hop.target.identifier for hop in t.paths[0]]
    ['PA-M2', 'JM-M2']
    """
    iri = statement if isinstance(statement, URIRef) else resolve(graph, statement, "statement")
    assert isinstance(iri, URIRef)
    result = run_query(graph, "trace", {"statement": f"<{iri}>"})
    links: dict[URIRef, list[dict[str, Node | None]]] = {}
    tops: set[Node] = set()
    # Virtuoso 7 repeats rows of a property path even under DISTINCT: count each once.
    for row in {tuple(row.items()): row for row in result.rows}.values():
        links.setdefault(row["from"], []).append(row)  # type: ignore[arg-type]
        if _true(row["toIsTop"]):
            tops.add(row["to"])  # type: ignore[arg-type]
    described: dict[URIRef, TracedStatement] = {}

    def node(term: URIRef) -> TracedStatement:
        if term not in described:
            described[term] = _describe(graph, term, term in tops)
        return described[term]

    paths: list[list[Hop]] = []

    def walk(current: URIRef, path: list[Hop], seen: frozenset[URIRef]) -> None:
        onward = [row for row in links.get(current, []) if row["to"] not in seen]
        if not onward and path:
            paths.append(path)
        for row in sorted(onward, key=lambda r: (not _true(r["toIsTop"]), str(r["to"]))):
            target = row["to"]
            assert isinstance(target, URIRef)
            weight = float(row["weight"]) if row["weight"] is not None else 1.0  # type: ignore[arg-type]
            kind, strength = _local(row["kind"]) or "", _local(row["strength"])
            hop = Hop(node(current), node(target), kind, strength, weight, _text(row["rationale"]))
            walk(target, [*path, hop], seen | {target})

    walk(iri, [], frozenset({iri}))
    # The strongest paths to the top first.
    # Strengths rounded, so that equal ones tie whatever order the store summed or sent them in.
    paths.sort(key=lambda p: (not p[-1].target.top, -round(Trace.strength(p), 9), len(p), [h.target.iri for h in p]))
    start = node(iri)
    if not start.top:
        start = _describe(graph, iri, _is_top(graph, iri))
    return Trace(start, paths)


def _text(term: Node | None) -> str | None:
    return None if term is None else str(term)


def _is_top(graph: Graph, iri: URIRef) -> bool:
    return bool(select(graph, "top-statements", node=iri))


def trace_text(
    graph: Graph,
    found: Trace,
    lang: str = "da",
    width: int | None = None,
    statuses: Mapping[str, str] | None = None,
) -> str:
    """`found` for reading in a terminal: every path, each hop with why it holds.

    Parameters
    ----------
    graph : rdflib.Graph
        The goal graph, for the names of statement types.
    found : Trace
    lang : {"da", "en"}
        Show the Danish texts (the sources' own) or the English translations.
    width : int, optional
        Wrap to this width; by default the terminal's, at most 120.
    statuses : Mapping of str to str, optional
        Each statement's status by IRI (``"met 1.00"``), shown beside it
        (:func:`goalgraph.progress`); none by default.
    """
    width = width or min(shutil.get_terminal_size((100, 24)).columns, 120)

    def text_of(node: TracedStatement) -> str:
        chosen = node.translation if lang == "en" and node.translation else node.text
        return chosen or str(node.iri)

    def block(prefix: str, text: str, indent: int) -> list[str]:
        return textwrap.wrap(text, width, initial_indent=prefix, subsequent_indent=" " * indent) or [prefix]

    statuses = statuses or {}

    def status_of(node: TracedStatement) -> str:
        found_status = statuses.get(str(node.iri))
        return f"  [{found_status}]" if found_status else ""

    start = found.statement
    kind = label(graph, GG[start.type], lang) if start.type else "statement"
    lines = block(f"{start.identifier}  " if start.identifier else "", text_of(start) + status_of(start), 2)
    holder = start.holder_names.get(lang) or "no holder"
    lines.append(f"  {kind} · {holder} · <{start.iri}>")
    if start.top:
        lines.append("  This statement is at the top.")
    reaching = [p for p in found.paths if p[-1].target.top]
    lines.append("")
    lines.append(
        f"{len(reaching)} of {len(found.paths)} path(s) reach the top."
        if found.paths
        else "It supports nothing: no path leads from it."
    )
    for number, path in enumerate(found.paths, start=1):
        ending = "reaches the top" if path[-1].target.top else "ends before the top"
        lines += ["", f"Path {number}: {ending}, strength {found.strength(path):.2f}"]
        for hop in path:
            target = hop.target
            marker = "  ▲ top" if target.top else ""
            prefix = f"  → {target.identifier}  " if target.identifier else "  → "
            lines += block(prefix, text_of(target) + marker + status_of(target), 6)
            why = ", ".join(filter(None, [hop.kind, hop.strength])) + (f": {hop.rationale}" if hop.rationale else "")
            lines += block("      ", why, 6)
    return "\n".join(lines)
