"""Every named query, trace, analysis and count answers the same on each triple store as in the embedded one.

Each test runs against every store of :data:`~tests.remote.stores.STORES` (Virtuoso and
Oxigraph's server). The same query text runs on both; only what SPARQL leaves open is normalised:
row order, the datatype of numbers and booleans (Virtuoso answers ``1`` for
``true``), and the order of the items a GROUP_CONCAT joins.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.query import ResultRow
from rdflib.term import Node

import goalgraph
from goalgraph.loading import GoalDataset
from goalgraph.named_queries import named_queries, run_query
from goalgraph.namespaces import GG
from goalgraph.querying import select
from goalgraph.remote import RemoteDataset
from goalgraph.resolving import resolve

from .stores import Triplestore

#: Parameters for the queries that need them, and a second run for some that take them.
BUNDLED_PARAMETERS: dict[str, list[dict[str, str]]] = {
    "trace": [{"statement": "SM3"}, {"statement": "FP4"}],
    "search": [{"term": "tryghed"}, {"term": "SAMARBEJDE"}],
    "statements": [{}, {"organisation": "Anklagemyndigheden"}, {"type": "Mission"}],
    "coverage": [{}, {"organisation": "Politiet og anklagemyndigheden"}],
}
#: Variables whose value is a GROUP_CONCAT list, whose order SPARQL leaves open.
LISTS = {"supporters", "plans", "members"}


def _value(variable: str, term: Node | None) -> Any:
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float | Decimal):
            return float(value)
        if variable in LISTS:
            return tuple(sorted(str(term).split(", ")))
        return (str(term), term.language)
    return None if term is None else str(term)


def _rows(graph: GoalDataset | RemoteDataset, name: str, params: dict[str, str]) -> list[tuple[Any, ...]]:
    result = run_query(graph, name, params)
    return sorted((tuple(_value(v, row[v]) for v in result.variables) for row in result.rows), key=repr)


#: The queries about targets and results, which the bundled data (it has none) leaves empty.
ACHIEVEMENT_PARAMETERS: dict[str, list[dict[str, str]]] = {"progress": [{}, {"year": "2020"}], "conflicts": [{}]}


def _cases() -> list[tuple[str, dict[str, str]]]:
    return [
        (name, params)
        for name in named_queries()
        if name not in ACHIEVEMENT_PARAMETERS
        for params in BUNDLED_PARAMETERS.get(name, [{}])
    ]


@pytest.mark.parametrize(("name", "params"), _cases(), ids=lambda value: str(value) if value else "")
def test_named_query_on_the_bundled_data(
    name: str, params: dict[str, str], bundled_local: GoalDataset, bundled_remote: RemoteDataset
) -> None:
    local = _rows(bundled_local, name, params)
    assert local, f"{name} {params} answers nothing locally: the comparison would prove little"
    assert _rows(bundled_remote, name, params) == local


@pytest.mark.parametrize(
    ("name", "params"),
    [(name, params) for name, runs in ACHIEVEMENT_PARAMETERS.items() for params in runs],
    ids=lambda value: str(value) if value else "",
)
def test_named_query_on_targets_and_results(
    name: str, params: dict[str, str], achievement_local: GoalDataset, achievement_remote: RemoteDataset
) -> None:
    local = _rows(achievement_local, name, params)
    assert local
    assert _rows(achievement_remote, name, params) == local


def test_progress_on_the_store(achievement_local: GoalDataset, achievement_remote: RemoteDataset) -> None:
    local = goalgraph.progress(achievement_local).to_dict()
    assert {row["status"] for row in local["indicators"]} == {"met", "partly-met", "not-met"}  # type: ignore[index]
    assert goalgraph.progress(achievement_remote).to_dict() == local
    assert goalgraph.what_if(achievement_remote, miss=["S-T1"]) == goalgraph.what_if(achievement_local, miss=["S-T1"])


#: The synthetic texts hold ø, æ and å in words around the search term. (It has no
#: orphans, no joint statements and no focus points: the bundled data has those.)
SYNTHETIC_PARAMETERS = {
    "search": {"term": "tryghed"},
    "matrix": {
        "rows": "Objective",
        "columns": "Goal",
        "organisation": "<https://w3id.org/goalgraph/id/synthetic/org-00001>",
    },
}


@pytest.mark.parametrize("name", ["statements", "alignments", "coverage", "matrix", "provenance", "search"])
def test_named_query_on_a_synthetic_graph(
    name: str, synthetic_local: GoalDataset, synthetic_remote: RemoteDataset
) -> None:
    params = SYNTHETIC_PARAMETERS.get(name, {})
    local = _rows(synthetic_local, name, params)
    assert local
    assert _rows(synthetic_remote, name, params) == local


def _paths(graph: GoalDataset | RemoteDataset, statement: str) -> list[list[tuple[str, str, str | None]]]:
    found = goalgraph.trace(graph, statement)
    return [[(str(hop.target.iri), hop.kind, hop.strength) for hop in path] for path in found.paths]


@pytest.mark.parametrize("statement", ["SM3", "FP3", "AM-K", "Kvalitet i sagsbehandlingen"])
def test_trace(statement: str, bundled_local: GoalDataset, bundled_remote: RemoteDataset) -> None:
    local = _paths(bundled_local, statement)
    assert local
    assert _paths(bundled_remote, statement) == local


#: Statement SM3 of the bundled data, by its IRI.
SM3 = "https://w3id.org/goalgraph/id/anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"


def test_a_statement_named_by_its_iri(bundled_local: GoalDataset, bundled_remote: RemoteDataset) -> None:
    # rdflib's triple-pattern API on the endpoint saw the store's own default graph, which in
    # Oxigraph's server is empty (in Virtuoso the union of all graphs): `trace SM3` said "nothing
    # in the dataset is <...>" when it checked the IRI that SM3 resolved to.
    iri = URIRef(SM3)
    assert (iri, RDF.type, GG.StrategicMarker) in bundled_remote
    assert resolve(bundled_remote, f"<{SM3}>", "statement") == iri == resolve(bundled_local, "SM3", "statement")
    assert _paths(bundled_remote, f"<{SM3}>") == _paths(bundled_local, "SM3")


def test_the_triple_api_sees_the_goal_graph_alone(
    store: Triplestore, bundled_local: GoalDataset, bundled_remote: RemoteDataset
) -> None:
    # A graph the store holds beside goalgraph's is outside the dataset, whatever the store's default graph is.
    other, stranger = "urn:goalgraph:test:other", URIRef("urn:goalgraph:test:stranger")
    store.writer().update(f"INSERT DATA {{ GRAPH <{other}> {{ <{stranger}> a <{GG.Mission}> }} }}")
    try:
        assert (stranger, RDF.type, GG.Mission) not in bundled_remote
        assert len(list(bundled_remote.triples((None, RDF.type, GG.Mission)))) == len(
            list(bundled_local.triples((None, RDF.type, GG.Mission)))
        )
    finally:
        store.writer().update(f"DROP SILENT GRAPH <{other}>")


#: Queries through rdflib's own API (``Graph.query``), of each form, on the default graph and on named graphs.
RDFLIB_QUERIES = {
    "select-default": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "select-graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "ask": f"ASK {{ ?s a <{GG.Vision}> }}",
    # rdflib asks for SPARQL JSON results: Oxigraph's server refused (HTTP 406), Virtuoso sent rows.
    "construct": f"CONSTRUCT WHERE {{ ?s a <{GG.Mission}> }}",
}


@pytest.mark.parametrize("query", RDFLIB_QUERIES.values(), ids=list(RDFLIB_QUERIES))
def test_rdflibs_query_api(query: str, bundled_local: GoalDataset, bundled_remote: RemoteDataset) -> None:
    def answer(graph: GoalDataset | RemoteDataset) -> object:
        result = graph.query(query)
        if result.type == "CONSTRUCT":
            assert result.graph is not None
            return sorted(result.graph)
        if result.type == "ASK":
            return result.askAnswer
        rows = [row for row in result if isinstance(row, ResultRow)]
        return sorted(tuple(_value(str(v), row.get(v)) for v in result.vars or []) for row in rows)

    local = answer(bundled_local)
    assert local
    assert answer(bundled_remote) == local


def test_trace_in_the_synthetic_graph(synthetic_local: GoalDataset, synthetic_remote: RemoteDataset) -> None:
    deepest = max(
        (row["statement"] for row in select(synthetic_local, "model-statements")),
        key=lambda statement: len(_paths(synthetic_local, str(statement))),
    )
    assert _paths(synthetic_remote, str(deepest)) == _paths(synthetic_local, str(deepest))


def _rounded(value: Any) -> Any:
    """`value` with every float rounded: the stores send rows in different orders, so sums differ in the last bit."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    return value


def test_analysis(bundled_local: GoalDataset, bundled_remote: RemoteDataset) -> None:
    local = _rounded(goalgraph.analyse(bundled_local).to_dict())
    assert _rounded(goalgraph.analyse(bundled_remote).to_dict()) == local


def test_analysis_of_the_synthetic_graph(synthetic_local: GoalDataset, synthetic_remote: RemoteDataset) -> None:
    local = _rounded(goalgraph.analyse(synthetic_local).to_dict())
    assert local["scores"]
    assert _rounded(goalgraph.analyse(synthetic_remote).to_dict()) == local


def test_stats(bundled_local: GoalDataset, bundled_remote: RemoteDataset) -> None:
    assert goalgraph.stats(bundled_remote) == goalgraph.stats(bundled_local)


def test_suggestions(bundled_local: GoalDataset, bundled_remote: RemoteDataset) -> None:
    def pairs(graph: GoalDataset | RemoteDataset) -> list[tuple[str, str, float]]:
        return [(str(s.from_statement), str(s.to_statement), round(s.score, 6)) for s in goalgraph.suggest(graph)]

    local = pairs(bundled_local)
    assert local
    assert pairs(bundled_remote) == local


def test_report_and_explorer(bundled_local: GoalDataset, bundled_remote: RemoteDataset) -> None:
    from goalgraph.explorer import build_explorer
    from goalgraph.report import build_report

    assert build_report(bundled_remote) == build_report(bundled_local)
    assert build_explorer(bundled_remote) == build_explorer(bundled_local)


def test_local_copy_is_the_same_dataset(bundled_local: GoalDataset, bundled_remote: RemoteDataset) -> None:
    from goalgraph.export import export

    copy = bundled_remote.local_copy()
    assert export(copy, "nquads") == export(bundled_local, "nquads")
    assert goalgraph.validate(copy).conforms
