"""The named queries answer domain.md's questions as domain.md's tables imply."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

import goalgraph
from goalgraph.importers import import_file
from goalgraph.loading import DEFAULT_BASE, GoalDataset
from goalgraph.named_queries import QueryError, QueryResult, find_query, named_queries, run_query
from goalgraph.namespaces import GG
from goalgraph.resolving import UnknownReferenceError
from goalgraph.text import fold

from .domain import curated_rows, holder_of, statement_rows

QUESTIONS = [
    "statements",
    "alignments",
    "trace",
    "coverage",
    "orphans",
    "matrix",
    "cross-organisation",
    "joint",
    "search",
    "provenance",
]


@pytest.fixture(scope="module")
def ids(vores_maal: GoalDataset) -> dict[URIRef, str]:
    """Statement IRI → domain.md id."""
    return {s: str(i) for s, i in vores_maal.subject_objects(DCTERMS.identifier) if isinstance(s, URIRef)}


@pytest.fixture(scope="module")
def curated(shared: Path) -> nx.DiGraph:
    """domain.md's curated alignments as a graph of ids, plus the stated grounding of the plan."""
    graph = nx.DiGraph()
    for source, target, strength, _ in curated_rows(shared):
        graph.add_edge(source, target, strength=strength)
    for row in statement_rows(shared):
        if row["id"].startswith(("JM-", "PA-")):
            graph.add_edge("plan", row["id"], strength="stated")
    return graph


def rows(bundled: GoalDataset, name: str, **params: str) -> list[dict[str, object]]:
    return run_query(bundled, name, params).rows  # type: ignore[return-value]


def test_every_question_of_domain_has_a_documented_query() -> None:
    queries = named_queries()
    assert set(QUESTIONS) <= set(queries)
    for query in queries.values():
        assert query.title, query.name
        assert query.description, query.name
        for parameter in query.parameters:
            assert parameter.description, (query.name, parameter.name)


def test_statements_by_organisation_type_plan_and_language(vores_maal: GoalDataset, shared: Path) -> None:
    table = statement_rows(shared)
    assert len(rows(vores_maal, "statements")) == len(table)
    police = [r for r in table if holder_of(r) == "Politiet"]
    assert len(rows(vores_maal, "statements", organisation="Politiet")) == len(police)
    markers = [r for r in table if r["kind"].startswith("strategic marker")]
    assert len(rows(vores_maal, "statements", type="StrategicMarker")) == len(markers)
    in_plan = [r for r in table if "2019" in r["kind"]]
    assert len(rows(vores_maal, "statements", plan="Anklagemyndighedens virksomhedsstrategi for 2019")) == len(in_plan)
    assert len(rows(vores_maal, "statements", lang="en")) == len(table)
    assert rows(vores_maal, "statements", lang="fr") == []
    result = run_query(vores_maal, "statements", {"type": "Mission"})
    assert "type" not in result.variables  # a given parameter's column is the same on every row


def test_alignments_are_the_curated_and_stated(
    vores_maal: GoalDataset, curated: nx.DiGraph, ids: dict[URIRef, str]
) -> None:
    found = {(ids.get(r["from"], "plan"), ids[r["to"]], r["kind"]) for r in rows(vores_maal, "alignments")}  # type: ignore[index]
    expected = {(a, b, GG.stated if d["strength"] == "stated" else GG.curated) for a, b, d in curated.edges(data=True)}
    assert found == expected
    strengths = {
        (ids[r["from"]], ids[r["to"]]): str(r["strength"]).split("#")[-1]  # type: ignore[index]
        for r in rows(vores_maal, "alignments", kind="curated")
    }
    assert strengths == {(a, b): d["strength"] for a, b, d in curated.edges(data=True) if a != "plan"}


def test_trace_of_quality_in_case_handling(vores_maal: GoalDataset, ids: dict[URIRef, str]) -> None:
    links = {
        (ids[r["from"]], ids[r["to"]]): r for r in rows(vores_maal, "trace", statement="Kvalitet i sagsbehandlingen")
    }  # type: ignore[index]
    # Through the joint mission to the ministry's mission on the rule of law.
    assert ("SM3", "PA-M2") in links
    assert links["PA-M2", "JM-M2"]["toIsTop"] == Literal(True)
    assert links["SM3", "PA-M2"]["toIsTop"] == Literal(False)
    assert links["SM3", "PA-M2"]["strength"] == GG.strong


def test_trace_of_cross_cutting_cooperation(
    vores_maal: GoalDataset, ids: dict[URIRef, str], curated: nx.DiGraph
) -> None:
    links = {
        (ids[r["from"]], ids[r["to"]])
        for r in rows(vores_maal, "trace", statement="Tværgående samarbejde og digitalisering")
    }  # type: ignore[index]
    assert {("FP4", "SM1"), ("SM1", "JM-V2")} <= links
    # Exactly the links reachable from FP4 in domain.md's table.
    reachable = nx.descendants(curated, "FP4") | {"FP4"}
    assert links == {(a, b) for a, b in curated.edges if a in reachable}


def test_coverage_of_every_ministry_and_joint_statement(
    vores_maal: GoalDataset, ids: dict[URIRef, str], curated: nx.DiGraph, shared: Path
) -> None:
    found = {ids[r["statement"]]: r for r in rows(vores_maal, "coverage")}  # type: ignore[index]
    expected = [r["id"] for r in statement_rows(shared) if r["kind"] in ("mission", "vision")]
    assert sorted(found) == sorted(expected)
    assert any(i.startswith("JM-") for i in found)
    assert any(i.startswith("PA-") for i in found)
    for statement_id, row in found.items():
        # Statements under it; the plan grounded in it is listed apart, and is not one.
        direct = set(curated.predecessors(statement_id)) - {"plan"}
        assert int(row["direct"]) == len(direct), statement_id  # type: ignore[call-overload]
        transitive = nx.ancestors(curated, statement_id) - {"plan"}
        assert int(row["transitive"]) == len(transitive), statement_id  # type: ignore[call-overload]
        assert set(filter(None, str(row["supporters"] or "").split(", "))) == direct
        assert str(row["plans"]) == "Anklagemyndighedens virksomhedsstrategi for 2019"
    gaps = {i for i, row in found.items() if int(row["transitive"]) == 0}  # type: ignore[call-overload]
    assert gaps == {i for i in found if not nx.ancestors(curated, i) - {"plan"}}
    assert gaps == {"PA-M1", "PA-V2"}


def test_orphans(vores_maal: GoalDataset, ids: dict[URIRef, str], curated: nx.DiGraph, shared: Path) -> None:
    below_top = {r["id"] for r in statement_rows(shared) if not r["id"].startswith("JM-")}
    expected = {i for i in below_top if curated.out_degree(i) == 0} if below_top else set()
    found = {ids[r["statement"]] for r in rows(vores_maal, "orphans")}  # type: ignore[index]
    assert found == expected
    assert found  # the data has some: AM-P and X2 support nothing


def test_matrix_of_focus_points_and_markers(
    vores_maal: GoalDataset, ids: dict[URIRef, str], curated: nx.DiGraph
) -> None:
    result = run_query(vores_maal, "matrix")
    cells = {(ids[r["row"]], ids[r["column"]]): str(r["link"]) for r in result.rows}  # type: ignore[index]
    focus_points = {i for i in ids.values() if i.startswith("FP")}
    markers = {i for i in ids.values() if i.startswith("SM")}
    assert set(cells) == {(f, m) for f in focus_points for m in markers}
    for (f, m), link in cells.items():
        if curated.has_edge(f, m):
            assert link == curated.edges[f, m]["strength"]
        elif nx.has_path(curated, f, m):
            assert link == "indirect"
        else:
            assert link == ""
    assert result.query.pivot == ("row", "column", "link")
    other = run_query(vores_maal, "matrix", {"rows": "StrategicMarker", "columns": "Vision"})
    assert len(other.rows) == 4 * 5


def test_cross_organisation_links(
    vores_maal: GoalDataset, ids: dict[URIRef, str], curated: nx.DiGraph, shared: Path
) -> None:
    holder = {r["id"]: holder_of(r) for r in statement_rows(shared)}
    holder["plan"] = "Anklagemyndigheden"
    found = {(ids.get(r["from"], "plan"), ids[r["to"]]) for r in rows(vores_maal, "cross-organisation")}  # type: ignore[index]
    assert found == {(a, b) for a, b in curated.edges if holder[a] != holder[b]}


def test_joint_statements(vores_maal: GoalDataset, ids: dict[URIRef, str], shared: Path) -> None:
    joint = {r["id"] for r in statement_rows(shared) if r["id"].startswith("PA-")}
    assert {ids[r["statement"]] for r in rows(vores_maal, "joint")} == joint  # type: ignore[index]


@pytest.mark.parametrize(
    "term", ["tryghed", "TRYGT", "Åben", "aben", "AABEN", "samfund", "rule  of law", "æ", "forfolge", "ø"]
)
def test_search_ignores_case_and_accents(
    vores_maal: GoalDataset, ids: dict[URIRef, str], shared: Path, term: str
) -> None:
    expected = {r["id"] for r in statement_rows(shared) if fold(term) in fold(r["da"]) or fold(term) in fold(r["en"])}
    found = {ids[r["statement"]] for r in rows(vores_maal, "search", term=term)}  # type: ignore[index]
    assert found == expected
    assert found or term == "æ"


def test_search_finds_both_words_for_safety(bundled: GoalDataset) -> None:
    assert rows(bundled, "search", term="tryghed")
    assert rows(bundled, "search", term="trygt")
    assert not rows(bundled, "search", term="tryghed", lang="en")


def test_provenance(vores_maal: GoalDataset) -> None:
    found = rows(vores_maal, "provenance")
    statements = [r for r in found if str(r["what"]) == "statement"]
    alignments = [r for r in found if str(r["what"]) == "alignment"]
    assert len(statements) == 22
    assert {r["source"] for r in statements} == {URIRef("https://anklagemyndigheden.dk/da/vores-maal")}
    assert {str(r["graph"]).rsplit("/", 1)[-1] for r in statements} == {"vores-maal"}
    kinds = {r["kind"]: 0 for r in alignments}
    for r in alignments:
        kinds[r["kind"]] += 1
    assert kinds == {GG.curated: 22, GG.stated: 9}
    assert all(r["assertedBy"] is not None for r in alignments)


@pytest.mark.parametrize(
    "hostile",
    [
        '" ) } } ; DROP ALL ; #',
        "x' . } INSERT DATA { <a> <b> <c> } #",
        '\\" } } SELECT * WHERE { ?s ?p ?o',
        "tryghed\n} }",
    ],
)
def test_injection_in_a_parameter_is_only_text(hostile: str) -> None:
    dataset = goalgraph.load()
    before = len(dataset.oxigraph)
    result = run_query(dataset, "search", {"term": hostile})
    assert result.rows == []
    assert len(dataset.oxigraph) == before


def test_injection_in_a_reference_is_refused(bundled: GoalDataset) -> None:
    with pytest.raises(UnknownReferenceError):
        run_query(bundled, "trace", {"statement": "SM3> } ; DROP ALL ; #"})
    with pytest.raises(UnknownReferenceError, match="nothing in the dataset is"):
        run_query(bundled, "trace", {"statement": "<https://example.org/a> } DROP ALL {>"})


def test_unknown_query_lists_close_matches() -> None:
    with pytest.raises(QueryError, match="no query named 'coverag'; did you mean coverage"):
        find_query("coverag")


def test_missing_and_unknown_parameters(bundled: GoalDataset) -> None:
    with pytest.raises(QueryError, match=r"query 'trace' needs --param statement=\.\.\. \(the statement to trace\)"):
        run_query(bundled, "trace")
    with pytest.raises(QueryError, match=r"query 'coverage' has no parameter 'colour' \(it takes: organisation\)"):
        run_query(bundled, "coverage", {"colour": "blue"})


def test_a_label_matching_nothing(bundled: GoalDataset) -> None:
    with pytest.raises(UnknownReferenceError) as raised:
        run_query(bundled, "trace", {"statement": "Kvalitett i sagsbehandlingen"})
    assert str(raised.value).startswith(
        "no statement matches 'Kvalitett i sagsbehandlingen'; did you mean \"Kvalitet i sagsbehandlingen\""
    )


def test_users_own_query_file(bundled: GoalDataset, tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text(
        "PREFIX gg: <https://w3id.org/goalgraph/ontology#>\n"
        "SELECT ?statement WHERE {\n"
        "  ?statement gg:holder ?holder ; gg:text ?text . FILTER (CONTAINS(?text, ?word))\n"
        "}\n",
        encoding="utf-8",
    )
    result = run_query(bundled, str(path), {"word": "koncern"})
    assert len(result.rows) == 2  # SM1 and JM-V2
    assert result.query.title == "mine"


def test_malformed_query_names_file_line_and_column(bundled: GoalDataset, tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# a broken query\nSELECT ?s WHERE {\n  ?s ?p \n}\n", encoding="utf-8")
    with pytest.raises(QueryError) as raised:
        run_query(bundled, str(path))
    message = str(raised.value)
    assert message.startswith(f"{path}:4: ") or message.startswith("broken.rq:4: ") or ":4: " in message
    assert "(column " in message


def test_ask_and_construct(bundled: GoalDataset, tmp_path: Path) -> None:
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { ?s <https://w3id.org/goalgraph/ontology#supports> ?o }")
    assert run_query(bundled, str(ask)).ask is True
    construct = tmp_path / "construct.rq"
    construct.write_text(
        "PREFIX gg: <https://w3id.org/goalgraph/ontology#>\nCONSTRUCT { ?a gg:supports ?b } WHERE { ?a gg:supports ?b }"
    )
    graph = run_query(bundled, str(construct)).graph
    assert graph is not None
    assert len(graph) == len(set(bundled.triples((None, GG.supports, None))))


def test_json_result_is_sparql_results_json(bundled: GoalDataset) -> None:
    from goalgraph.formatting import format_result

    data = json.loads(format_result(run_query(bundled, "trace", {"statement": "SM3"}), "json", bundled))
    assert data["head"]["vars"] == ["from", "to", "kind", "strength", "weight", "rationale", "toIsTop"]
    first = data["results"]["bindings"][0]
    assert first["from"]["type"] == "uri"
    assert first["rationale"] == {"type": "literal", "value": first["rationale"]["value"], "xml:lang": "en"}
    assert first["toIsTop"]["datatype"] == "http://www.w3.org/2001/XMLSchema#boolean"


@pytest.fixture(scope="module")
def in_rdflib() -> rdflib.Dataset:
    """The same files in rdflib's own store, queried by rdflib's own SPARQL engine."""
    dataset = rdflib.Dataset(default_union=True)
    for source in goalgraph.find_sources():
        if source.importer is not None:  # the YAML extension: its triples, as the importer reads them
            for triple in import_file(source.path, source.importer, base=DEFAULT_BASE):
                dataset.graph(source.graph).add(triple)
        else:
            dataset.graph(source.graph).parse(source.path, format="turtle", publicID=DEFAULT_BASE)
    return dataset


@pytest.mark.parametrize("name", QUESTIONS)
def test_named_queries_are_standard_sparql(bundled: GoalDataset, in_rdflib: rdflib.Dataset, name: str) -> None:
    # A second, independent engine gives the same answers: the queries use nothing
    # particular to Oxigraph, so they can run on other SPARQL 1.1 stores too.
    params = {"trace": {"statement": "SM3"}, "search": {"term": "tryg"}}.get(name, {})
    ours = run_query(bundled, name, params)
    theirs = run_query(in_rdflib, name, params)
    assert ours.variables == theirs.variables
    assert len(ours.rows) > 0
    assert as_text(ours) == as_text(theirs)


def as_text(result: QueryResult) -> list[tuple[str, ...]]:
    """Rows as comparable text: numbers by value (1 = 1.0), and GROUP_CONCAT lists
    sorted, as SPARQL leaves their order to the engine."""

    def text(value: object) -> str:
        if isinstance(value, Literal) and isinstance(value.toPython(), int | float | Decimal):
            return repr(float(value.toPython()))
        return ", ".join(sorted(str(value).split(", ")))

    return sorted(tuple(text(v) for v in row.values()) for row in result.rows)
