"""Counts that summarise a goal graph: triples, organisations, plans, statements, alignments."""

from __future__ import annotations

from typing import TypedDict

from rdflib import Graph, URIRef

from goalgraph.querying import select

__all__ = ["Stats", "stats"]


class Stats(TypedDict):
    """What :func:`stats` returns (and ``goalgraph stats --format json`` prints)."""

    #: Triples in all named graphs, the ontology's included.
    triples: int
    #: Organisations of any kind (org:Organization and its subclasses).
    organisations: int
    #: Plans (strategies and target plans).
    plans: int
    #: Statements by the local name of their class, every statement class included.
    statements: dict[str, int]
    #: Alignments by kind: ``stated``, ``curated``, ``suggested``.
    alignments: dict[str, int]


def _local_name(iri: URIRef) -> str:
    return iri.split("#")[-1].split("/")[-1]


def _count(graph: Graph, name: str) -> int:
    return int(select(graph, name)[0]["count"])


def _counts(graph: Graph, name: str, key: str) -> dict[str, int]:
    rows = select(graph, name)
    counts = {_local_name(URIRef(row[key])): int(row["count"]) for row in rows}
    return dict(sorted(counts.items()))


def stats(graph: Graph) -> Stats:
    """Count what a goal graph holds.

    Parameters
    ----------
    graph : rdflib.Graph
        A dataset from :func:`goalgraph.load`, or any rdflib graph holding the
        ontology and goalgraph data.

    Returns
    -------
    Stats
        A dictionary, ready for ``json.dumps``.

    Examples
    --------
    >>> import goalgraph
    >>> s = goalgraph.stats(goalgraph.load())
    >>> s["statements"]["StrategicMarker"], s["alignments"]["curated"]
    (4, 32)
    """
    return Stats(
        triples=_count(graph, "triple-count"),
        organisations=_count(graph, "organisation-count"),
        plans=_count(graph, "plan-count"),
        statements=_counts(graph, "statement-counts", "class"),
        alignments=_counts(graph, "alignment-counts", "kind"),
    )
