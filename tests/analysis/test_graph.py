"""The alignment graph: statements and alignments from SPARQL, plan links kept apart."""

from __future__ import annotations

from rdflib import URIRef

from goalgraph.analysis import alignment_graph, analyse, by_identifier, plan_links
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG

from .builders import Loader, link, organisation, plan, statement

WEIGHTS = {"strong": 1.0, "moderate": 0.6, "weak": 0.3}


def test_bundled_graph_has_exactly_the_curated_statement_links(
    vores_maal: GoalDataset, curated_table: list[tuple[str, str, str]]
) -> None:
    statements = alignment_graph(vores_maal)
    ids = by_identifier(statements)
    name = {node: key for key, node in ids.items()}
    edges = {
        (name[a], name[b], data["strength"], data["kind"], data["weight"]) for a, b, data in statements.edges(data=True)
    }
    expected = {(a, b, strength, "curated", WEIGHTS[strength]) for a, b, strength in curated_table}
    assert len(curated_table) == 22
    assert edges == expected
    assert statements.number_of_nodes() == 22


def test_bundled_statement_attributes(bundled: GoalDataset) -> None:
    statements = alignment_graph(bundled)
    ids = by_identifier(statements)
    sm3 = statements.nodes[ids["SM3"]]
    assert sm3["type"] == "StrategicMarker"
    assert sm3["type_iri"] == GG.StrategicMarker
    assert sm3["level"] == 2
    assert sm3["holder"] == URIRef(bundled.base + "anklagemyndigheden")
    assert sm3["holder_labels"] == {"da": "Anklagemyndigheden", "en": "the Danish Prosecution Service"}
    assert sm3["labels"] == {"da": "Kvalitet i sagsbehandlingen", "en": "Quality in case handling"}
    assert sm3["plan"] == URIRef(bundled.base + "anklagemyndigheden/2019/virksomhedsstrategi")
    assert statements.nodes[ids["JM-M1"]]["level"] == 0
    assert statements.nodes[ids["JM-M1"]]["plan"] is None
    assert statements.nodes[ids["AM-K"]]["type"] == "CoreTask"


def test_bundled_edge_rationale_is_english(bundled: GoalDataset) -> None:
    statements = alignment_graph(bundled)
    ids = by_identifier(statements)
    edge = statements.edges[ids["SM3"], ids["AM-C"]]
    assert edge["rationale"] == "cases handled fairly"
    assert edge["strength"] == "moderate"
    assert edge["alignment"] == URIRef(bundled.base + "alignment/sm3--am-c")
    assert edge["alignments"] == (edge["alignment"],)


def test_links_from_the_plan_are_kept_apart(bundled: GoalDataset) -> None:
    statements = alignment_graph(bundled)
    ids = by_identifier(statements)
    name = {node: key for key, node in ids.items()}
    links = plan_links(statements)
    strategy = URIRef(bundled.base + "anklagemyndigheden/2019/virksomhedsstrategi")
    assert len(links) == 9
    assert {link.plan for link in links} == {strategy}
    assert strategy not in statements
    assert sorted(name[link.statement] for link in links) == [
        "JM-M1", "JM-M2", "JM-V1", "JM-V2", "JM-V3", "PA-M1", "PA-M2", "PA-V1", "PA-V2",
    ]  # fmt: skip
    assert {(link.kind, link.strength, link.weight) for link in links} == {("stated", None, 1.0)}
    assert links[0].plan_labels["da"] == "Anklagemyndighedens virksomhedsstrategi for 2019"
    assert links[0].to_dict()["plan"] == str(strategy)


def test_suggestions_only_when_asked(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("G", "goal", "top"),
        statement("H", "goal", "top"),
        link("G", "M", "moderate"),
        link("H", "M", None, kind="suggested", score=0.42),
        # A suggestion for a pair an analyst already linked does not replace the link.
        link("G", "M", None, kind="suggested", score=0.9),
    )
    ids = by_identifier(alignment_graph(dataset))
    plain = alignment_graph(dataset)
    assert set(plain.edges) == {(ids["G"], ids["M"])}

    with_suggestions = alignment_graph(dataset, include_suggested=True)
    assert set(with_suggestions.edges) == {(ids["G"], ids["M"]), (ids["H"], ids["M"])}
    suggested = with_suggestions.edges[ids["H"], ids["M"]]
    assert (suggested["kind"], suggested["strength"], suggested["weight"]) == ("suggested", None, 0.42)
    kept = with_suggestions.edges[ids["G"], ids["M"]]
    assert (kept["kind"], kept["weight"]) == ("curated", 0.6)
    assert len(kept["alignments"]) == 2
    assert with_suggestions.graph["include_suggested"] is True


def test_stated_link_without_strength_weighs_one_and_rationale_falls_back(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("G", "goal", "top"),
        statement("H", "goal", "top"),
        link("G", "M", None, kind="stated"),
        link("H", "M", "weak", rationale={"da": "kun på dansk"}),
    )
    statements = alignment_graph(dataset)
    ids = by_identifier(statements)
    stated = statements.edges[ids["G"], ids["M"]]
    assert (stated["kind"], stated["strength"], stated["weight"], stated["rationale"]) == (
        "stated",
        None,
        1.0,
        None,
    )
    assert statements.edges[ids["H"], ids["M"]]["rationale"] == "kun på dansk"
    assert statements.edges[ids["H"], ids["M"]]["weight"] == 0.3


def test_plan_links_in_a_small_graph(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        plan("s", "top"),
        statement("M", "mission", "top"),
        statement("G", "goal", "top", plan="s"),
        link("G", "M"),
        link("s", "M", None, kind="stated", from_plan=True),
    )
    statements = alignment_graph(dataset)
    assert statements.number_of_nodes() == 2
    assert statements.number_of_edges() == 1
    (only,) = plan_links(statements)
    assert only.plan == URIRef(dataset.base + "p/s")
    assert only.plan_labels == {"da": "Strategi s", "en": "Strategy s"}


def test_analysis_writes_nothing(bundled: GoalDataset) -> None:
    before = set(bundled.oxigraph)
    count = len(bundled.oxigraph)
    analyse(bundled)
    analyse(bundled, include_suggested=True)
    assert len(bundled.oxigraph) == count
    assert set(bundled.oxigraph) == before
