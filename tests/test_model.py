"""The model of a goal graph: one typed reading, with a few queries, that every part takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

import goalgraph
from goalgraph.analysis import alignment_graph, analyse
from goalgraph.explorer.facts import gather
from goalgraph.export.tables import csv_tables
from goalgraph.loading import GoalDataset
from goalgraph.model import GoalModel, Organisation, Text, by_language, choose_texts, local_name, read_model
from goalgraph.model import reading as model_reading
from goalgraph.namespaces import GG
from goalgraph.querying import execute

PREFIXES = """\
PREFIX gg: <https://w3id.org/goalgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def count(graph: GoalDataset, where: str) -> int:
    """How many distinct ?x the pattern `where` binds."""
    rows = execute(graph, f"{PREFIXES}SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}").rows
    return int(rows[0]["n"])


@pytest.fixture(scope="module")
def model(bundled: GoalDataset) -> GoalModel:
    return read_model(bundled)


def test_the_bundled_model_counts_what_sparql_counts(bundled: GoalDataset, model: GoalModel) -> None:
    assert len(model.organisations) == count(bundled, "?type rdfs:subClassOf* org:Organization . ?x a ?type") == 6
    assert len(model.plans) == count(bundled, "?type rdfs:subClassOf* gg:Plan . ?x a ?type") == 3
    assert len(model.statements) == count(bundled, "?type rdfs:subClassOf gg:Statement . ?x a ?type") == 30
    assert len(model.alignments) == count(bundled, "?x a gg:Alignment") == 41
    counts = goalgraph.stats(bundled)
    assert len(model.statements) == sum(counts["statements"].values())
    for kind, n in counts["alignments"].items():
        assert sum(1 for a in model.alignments.values() if a.kind == kind) == n


def test_a_statement_has_its_words_in_both_languages(model: GoalModel) -> None:
    sm3 = model.statements[model.by_identifier["SM3"]]
    assert sm3.texts == (
        Text("Kvalitet i sagsbehandlingen", "da", translated=False),
        Text("Quality in case handling", "en", translated=True),
    )
    assert sm3.labels == {"da": "Kvalitet i sagsbehandlingen", "en": "Quality in case handling"}
    assert (sm3.type, sm3.type_name, sm3.level) == (GG.StrategicMarker, "StrategicMarker", 2)
    assert sm3.iri.endswith("/marker/kvalitet-i-sagsbehandlingen")
    assert by_language(model.organisations[sm3.holder].names)["da"] == "Anklagemyndigheden"  # type: ignore[index]
    assert [source.iri for source in sm3.sources] == ["https://anklagemyndigheden.dk/da/vores-maal"]
    assert by_language(sm3.sources[0].titles) == {"da": "Vores mål"}
    main, other = choose_texts(sm3.texts, "en")
    assert (main, other) == (sm3.texts[1], sm3.texts[0])


def test_the_hierarchy_has_depths_and_the_top(model: GoalModel) -> None:
    depth = {local_name(node): found for node, found in model.hierarchy.depths.items()}
    assert depth == {
        "justitsministeriets-koncern": 0,
        "justitsministeriet": 1,
        "politiet": 1,
        "anklagemyndigheden": 1,
        "politiet-og-anklagemyndigheden": 1,
        "den-centrale-anklagemyndighed": 2,
    }
    assert [local_name(root) for root in model.hierarchy.roots] == ["justitsministeriets-koncern"]
    joint = next(o for o in model.organisations.values() if o.iri.endswith("/politiet-og-anklagemyndigheden"))
    assert joint.collaboration
    assert sorted(local_name(m) for m in joint.members) == ["anklagemyndigheden", "politiet"]
    assert [local_name(o) for o in model.top_organisations] == ["justitsministeriets-koncern"]
    assert sorted(model.statements[s].identifier or "" for s in model.top) == [
        "JM-M1",
        "JM-M2",
        "JM-V1",
        "JM-V2",
        "JM-V3",
    ]


def test_alignments_say_where_they_come_from(model: GoalModel) -> None:
    assert {a.provenance for a in model.alignments.values()} == {"stated", "curated"}
    curated = [a for a in model.alignments.values() if a.kind == "curated"]
    assert len(curated) == 32  # Vores mål's 22, the target plans' 10
    assert all(a.accepted and a.strength in ("strong", "moderate", "weak") and a.attributed_to for a in curated)
    assert all(a.rationale for a in curated)
    stated = [a for a in model.alignments.values() if a.kind == "stated"]
    assert all(a.strength is None and a.weight == 1.0 for a in stated)
    assert len(model.plan_links) == 9
    link = model.plan_links[0]
    assert link.plan_labels["da"] == "Anklagemyndighedens virksomhedsstrategi for 2019"
    assert link.plan in model.plans
    assert link.statement in model.statements
    assert link.alignment.evidence  # the source's words that state it


def test_the_vocabulary_and_the_dataset(model: GoalModel) -> None:
    assert [t.name for t in model.statement_types][:4] == ["Mission", "Vision", "Purpose", "CoreTask"]
    assert model.strengths["moderate"].weight == 0.6
    assert by_language(model.kinds["curated"].names) == {"da": "kurateret", "en": "curated"}
    (dataset,) = model.datasets
    assert by_language(dataset.titles)["en"] == "Goals of the Danish justice sector"
    assert dataset.agents
    assert dataset.agents[0].names


def test_indicators_and_results_have_room_but_nothing_yet(model: GoalModel) -> None:
    assert dict(model.results) == {}
    assert all(s.measures == () for s in model.statements.values())


def test_with_suggestions_the_third_kind_is_there(tmp_path: Path, bundled: GoalDataset) -> None:
    from goalgraph.suggestion import suggest, suggestions_to_turtle

    path = tmp_path / "suggested.ttl"
    path.write_text(suggestions_to_turtle(suggest(bundled, limit=3)), encoding="utf-8")
    model = read_model(goalgraph.load([path]))
    suggested = [a for a in model.alignments.values() if a.kind == "suggested"]
    assert len(suggested) == 3
    assert all(not a.accepted and a.score is not None and a.weight == a.score for a in suggested)
    assert all(a.matched_terms and a.attributed_to and a.rationale for a in suggested)
    assert len(model.edges(include_suggested=True)) == len(model.edges()) + 3


# A small graph of known shape: two organisations under a ministry, one of them named
# only by foaf:name in English and given as a sub-organisation by the inverse property;
# a collaboration of the two (known by its members alone); a plan; statements, one of
# two classes; and alignments of every kind, one from the plan.
SMALL = """\
@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<o/ministry> a cv:PublicOrganisation ; skos:prefLabel "Ministeriet"@da , "The Ministry"@en ;
    org:hasSubOrganization <o/agency> .
<o/agency> a cv:PublicOrganisation ; skos:prefLabel "Styrelsen"@da ; foaf:name "The Agency"@en , "Agentur"@da .
<o/office> a org:OrganizationalUnit ; skos:prefLabel "Kontoret"@da ; org:unitOf <o/ministry> .
<o/together> a org:Organization ; skos:prefLabel "Sammen"@da ; org:hasMember <o/agency> , <o/office> .

<p/plan> a gg:Strategy ; dcterms:title "Strategien"@da ; gg:translation "The strategy"@en ;
    gg:holder <o/agency> ; gg:periodStart "2024-01-01"^^xsd:date ; gg:periodEnd "2027-12-31"^^xsd:date ;
    dcterms:identifier "S-1" ; dcterms:source <https://example.org/plan> .

<s/mission> a gg:Mission ; dcterms:identifier "M" ; gg:text "Vi passer på"@da ;
    gg:translation "We take care"@en ; gg:holder <o/ministry> .
<s/joint> a gg:Vision ; dcterms:identifier "V" ; gg:text "Sammen er vi stærke"@da ; gg:holder <o/together> .
<s/goal> a gg:Goal , gg:Objective ; dcterms:identifier "G" ; gg:text "Et mål"@da , "Ein Ziel"@de ;
    gg:translation "A goal"@en ; skos:prefLabel "Målet"@da ; gg:holder <o/agency> ; gg:inPlan <p/plan> ;
    dcterms:source <https://example.org/source> .
<https://example.org/source> dcterms:title "Kilden"@da .

<a/curated> a gg:Alignment ; gg:from <s/goal> ; gg:to <s/mission> ; gg:kind gg:curated ; gg:strength gg:moderate ;
    gg:rationale "Fordi"@da , "Because"@en ; prov:wasAttributedTo <agent/ana> .
<a/suggested> a gg:Alignment ; gg:from <s/goal> ; gg:to <s/mission> ; gg:kind gg:suggested ;
    gg:score "0.9"^^xsd:decimal ; gg:matchedTerm "pas" , "mål" .
<a/stated> a gg:Alignment ; gg:from <s/joint> ; gg:to <s/mission> ; gg:kind gg:stated ;
    gg:evidence "står der"@da ; dcterms:source <https://example.org/source> .
<a/plan> a gg:Alignment ; gg:from <p/plan> ; gg:to <s/joint> ; gg:kind gg:stated .
<agent/ana> a prov:Agent ; skos:prefLabel "Ana"@en .
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[GoalDataset, GoalModel]:
    path = tmp_path_factory.mktemp("model") / "small.ttl"
    path.write_text(SMALL, encoding="utf-8")
    graph = goalgraph.load([path], bundled=False, base="https://example.org/t/")
    return graph, read_model(graph)


def node(path: str) -> URIRef:
    return URIRef(f"https://example.org/t/{path}")


def test_a_small_graph_of_known_shape(small: tuple[GoalDataset, GoalModel]) -> None:
    _, model = small
    assert repr(model) == "<GoalModel: 4 organisations, 1 plans, 3 statements, 4 alignments>"

    agency = model.organisations[node("o/agency")]
    assert agency.parents == {node("o/ministry")}  # from org:hasSubOrganization, read backwards
    # A preferred name wins in its language; foaf:name fills in another.
    assert by_language(agency.names) == {"da": "Styrelsen", "en": "The Agency"}
    together = model.organisations[node("o/together")]
    assert together.collaboration
    assert not agency.collaboration
    hierarchy = model.hierarchy
    assert hierarchy.roots == (node("o/ministry"),)
    assert hierarchy.children[node("o/ministry")] == (node("o/agency"), node("o/office"), node("o/together"))
    # The collaboration sits where its members sit.
    assert hierarchy.parents[node("o/together")] == {node("o/ministry")}
    assert {local_name(o): d for o, d in hierarchy.depths.items()} == {
        "ministry": 0,
        "agency": 1,
        "office": 1,
        "together": 1,
    }

    plan = model.plans[node("p/plan")]
    assert (plan.holder, plan.start, plan.end, plan.identifier) == (node("o/agency"), "2024-01-01", "2027-12-31", "S-1")
    assert by_language(plan.titles) == {"da": "Strategien", "en": "The strategy"}
    assert [s.iri for s in plan.sources] == ["https://example.org/plan"]

    goal = model.statements[node("s/goal")]
    assert (goal.type, goal.level) == (GG.Objective, 3)  # of two classes, the one of the higher level
    assert goal.texts == (
        Text("Et mål", "da"),
        Text("Ein Ziel", "de"),
        Text("A goal", "en", translated=True),
    )
    assert goal.names == (Text("Målet", "da"),)
    assert (goal.plan, goal.holder, goal.top) == (node("p/plan"), node("o/agency"), False)
    assert [(s.iri, by_language(s.titles)) for s in goal.sources] == [("https://example.org/source", {"da": "Kilden"})]
    assert model.words(goal.node) == goal.texts + goal.names
    assert model.words(node("p/plan")) == plan.titles
    assert model.by_identifier == {"M": node("s/mission"), "V": node("s/joint"), "G": node("s/goal")}
    assert model.top == {node("s/mission")}


def test_alignments_of_a_small_graph(small: tuple[GoalDataset, GoalModel]) -> None:
    _, model = small
    curated = model.alignments[node("a/curated")]
    assert (curated.kind, curated.strength, curated.weight, curated.score) == ("curated", "moderate", 0.6, None)
    assert by_language(curated.rationale) == {"da": "Fordi", "en": "Because"}
    assert [(a.iri, by_language(a.names)) for a in curated.attributed_to] == [
        ("https://example.org/t/agent/ana", {"en": "Ana"})
    ]
    suggested = model.alignments[node("a/suggested")]
    assert (suggested.kind, suggested.weight, suggested.matched_terms) == ("suggested", 0.9, ("mål", "pas"))
    stated = model.alignments[node("a/stated")]
    assert (stated.weight, by_language(stated.evidence)) == (1.0, {"da": "står der"})
    assert [s.iri for s in stated.sources] == ["https://example.org/source"]

    # One edge per pair: the accepted alignment before a suggestion of greater weight.
    pair = (node("s/goal"), node("s/mission"))
    assert [a.node for a in model.edges()[pair]] == [node("a/curated")]
    assert [a.node for a in model.edges(include_suggested=True)[pair]] == [node("a/curated"), node("a/suggested")]
    (link,) = model.plan_links
    assert (link.plan, link.statement, link.kind) == (node("p/plan"), node("s/joint"), "stated")
    assert link.plan_labels == {"da": "Strategien", "en": "The strategy"}


def test_every_consumer_takes_the_model(small: tuple[GoalDataset, GoalModel]) -> None:
    graph, model = small
    from_graph, from_model = alignment_graph(graph), alignment_graph(model)
    assert dict(from_graph.nodes(data=True)) == dict(from_model.nodes(data=True))
    assert list(from_graph.edges(data=True)) == list(from_model.edges(data=True))
    assert from_model.graph["model"] is model
    assert analyse(model).to_dict() == analyse(graph).to_dict()
    assert gather(model).statements == gather(graph).statements
    assert csv_tables(model) == csv_tables(graph)


def test_the_model_is_read_with_a_few_queries(
    small: tuple[GoalDataset, GoalModel], monkeypatch: pytest.MonkeyPatch
) -> None:
    graph, _ = small
    names: list[str] = []
    select = model_reading.select

    def counted(on: GoalDataset, name: str) -> list[dict[str, object]]:
        names.append(name)
        return select(on, name)

    monkeypatch.setattr(model_reading, "select", counted)
    read_model(graph)
    read_model(goalgraph.load())
    assert len(names) == 2 * 12  # the same twelve queries, however large the graph: none per node
    assert all(name.startswith("model-") for name in names)


def test_an_organisation_made_in_python_needs_only_its_node() -> None:
    found = Organisation(URIRef("https://example.org/o"))
    assert (found.names, found.parents, found.members, found.collaboration) == ((), frozenset(), frozenset(), False)
    assert GoalModel().top == frozenset()


SYNTHETIC = Path(__file__).resolve().parent / "fixtures" / "achievement" / "maalrapportering-synthetic.ttl"


def test_indicators_results_weights_and_hindering_links_are_read() -> None:
    model = read_model(goalgraph.load([SYNTHETIC], bundled=False))
    i1 = model.indicators[model.by_identifier["S-I1"]]
    assert (i1.unit, i1.direction, i1.threshold, i1.baseline, i1.kind) == ("dage", "lower", 35.0, 44.0, "quantitative")
    assert [model.statements[m].identifier for m in i1.measures] == ["S-T1"]
    assert model.statements[i1.node].measures == i1.measures
    results = [model.results[r] for r in i1.results]
    assert [(r.kind, r.start, r.end, r.value) for r in results[:2]] == [
        ("actual", "2019-01-01", "2019-12-31", 41.0),
        ("target", "2019-01-01", "2019-12-31", 30.0),
    ]
    assert (results[0].verdict, results[0].sources[0].iri) == (
        "not-met",
        "https://example.org/synthetic/aarsrapport-2019",
    )
    t3 = model.statements[model.by_identifier["S-T3"]]
    assert (t3.weight, t3.stage) == (20.0, "outcome")
    (hindering,) = model.hindrances.values()
    assert (hindering.polarity, hindering.hindering, hindering.kind, hindering.strength) == (
        "hindering",
        True,
        "curated",
        "moderate",
    )
    assert hindering.node not in model.alignments
    assert all(a.polarity == "supporting" for a in model.alignments.values())
    assert list(model.hindering_edges()) == [(hindering.start, hindering.end)]
    assert (hindering.start, hindering.end) not in model.edges()
