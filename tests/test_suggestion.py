"""Suggested alignments: which pairs, which way, how they score, how they are written, how good they are."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import cast

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Node

import goalgraph
from goalgraph.loading import DEFAULT_BASE, GoalDataset
from goalgraph.namespaces import GG
from goalgraph.suggestion import Suggestion, suggest, suggestion_iri, suggestions_to_turtle

from .conftest import REPOSITORY, VORES_MAAL_FILES

PREFIXES = """@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""
SOURCE = "dcterms:source <https://example.org/plan>"
# A ministry with an agency under it. The agency's goal and the ministry's second
# vision sentence both speak of burglary in private homes: the obvious pair.
TINY = f"""{PREFIXES}
<test/ministeriet> a org:Organization ; skos:prefLabel "Ministeriet"@da .
<test/styrelsen> a org:Organization ; skos:prefLabel "Styrelsen"@da ;
    org:subOrganizationOf <test/ministeriet> .

<test/mission> a gg:Mission ; gg:holder <test/ministeriet> ; {SOURCE} ;
    gg:text "Et trygt og sikkert samfund"@da ; gg:translation "A safe and secure society"@en .
<test/vision> a gg:Vision ; gg:holder <test/ministeriet> ; {SOURCE} ;
    gg:text "Et trygt samfund for alle"@da ; gg:translation "A safe society for everyone"@en .
<test/vision-2> a gg:Vision ; gg:holder <test/ministeriet> ; {SOURCE} ;
    gg:text "Færre indbrud i private hjem"@da ; gg:translation "Fewer burglaries in private homes"@en .
<test/agency-mission> a gg:Mission ; gg:holder <test/styrelsen> ; {SOURCE} ;
    gg:text "Vi skaber et sikkert samfund"@da ; gg:translation "We create a secure society"@en .
<test/goal> a gg:Goal ; gg:holder <test/styrelsen> ; {SOURCE} ;
    gg:text "Bekæmpelse af indbrud i private hjem"@da ;
    gg:translation "Fighting burglary in private homes"@en .
<test/target> a gg:Target ; gg:holder <test/styrelsen> ; {SOURCE} ;
    gg:text "Kortere sagsbehandlingstid"@da ; gg:translation "Shorter case-processing time"@en .
"""


@pytest.fixture(scope="module")
def suggestions(bundled: GoalDataset) -> list[Suggestion]:
    """Every suggestion for the bundled data, with any score above 0."""
    return suggest(bundled, min_score=0)


def rows(graph: Graph, query: str) -> list[ResultRow]:
    """The rows of a SELECT query."""
    return [cast(ResultRow, row) for row in graph.query(query)]


def number(term: Node) -> int:
    """An integer literal's value."""
    assert isinstance(term, Literal)
    return int(term)


def tiny_graph(tmp_path: Path, extra: str = "") -> GoalDataset:
    path = tmp_path / "tiny.ttl"
    path.write_text(TINY + extra, encoding="utf-8")
    return goalgraph.load(path, bundled=False)


def pairs(found: list[Suggestion]) -> set[tuple[str, str]]:
    """The suggestions' ends as IRIs relative to the base namespace, for reading."""
    return {(s.from_statement.removeprefix(DEFAULT_BASE), s.to_statement.removeprefix(DEFAULT_BASE)) for s in found}


#################################################################
# Which pairs, and which way
#################################################################


def test_bundled_data_gets_suggestions(suggestions: list[Suggestion]) -> None:
    assert len(suggestions) >= 10
    assert len({(s.from_statement, s.to_statement) for s in suggestions}) == len(suggestions)


def test_no_suggestion_duplicates_an_existing_link(bundled: GoalDataset, suggestions: list[Suggestion]) -> None:
    query = "SELECT ?a ?b WHERE { { ?a gg:supports ?b } UNION { ?alignment gg:from ?a ; gg:to ?b } }"
    linked = {(row["a"], row["b"]) for row in rows(bundled, query)}
    assert len(linked) > 30
    for s in suggestions:
        assert (s.from_statement, s.to_statement) not in linked
        assert (s.to_statement, s.from_statement) not in linked


def _levels_and_depths(graph: GoalDataset) -> tuple[dict[Node, int], dict[Node, Node], dict[Node, int]]:
    """Each statement's level and holder, and each organisation's depth, as the tests read them."""
    levels: dict[Node, int] = {
        row["s"]: number(row["level"])
        for row in rows(graph, "SELECT ?s ?level WHERE { ?s a ?class . ?class gg:level ?level }")
    }
    holders: dict[Node, Node] = {
        row["s"]: row["holder"] for row in rows(graph, "SELECT ?s ?holder WHERE { ?s gg:holder ?holder }")
    }
    depths: dict[Node, int] = {
        row["o"]: number(row["n"])
        for row in rows(
            graph,
            """SELECT ?o (COUNT(DISTINCT ?up) AS ?n) WHERE {
                 ?o a/rdfs:subClassOf* org:Organization .
                 OPTIONAL { ?o (org:subOrganizationOf|org:unitOf|^org:hasMember)+ ?up }
               } GROUP BY ?o""",
        )
    }
    return levels, holders, depths


def test_direction_points_up_the_levels(bundled: GoalDataset, suggestions: list[Suggestion]) -> None:
    levels, holders, depths = _levels_and_depths(bundled)
    same_level = 0
    for s in suggestions:
        low, high = s.from_statement, s.to_statement
        assert low != high
        assert levels[low] >= levels[high], s
        if levels[low] == levels[high]:
            same_level += 1
            # On one level, the deeper organisation's statement supports the other's.
            assert depths[holders[low]] > depths[holders[high]], s
            assert holders[low] != holders[high]
    assert same_level > 0  # the bundled data has such pairs: the police's mission and the group's


def test_no_suggestion_closes_a_cycle(bundled: GoalDataset, suggestions: list[Suggestion]) -> None:
    for s in suggestions:
        ask = bundled.query(f"ASK {{ <{s.to_statement}> gg:supports+ <{s.from_statement}> }}")
        assert not ask.askAnswer, s


def test_scores_are_within_0_and_1_and_sorted(suggestions: list[Suggestion]) -> None:
    assert all(0 < s.score <= 1 for s in suggestions)
    keys = [(-s.score, str(s.from_statement), str(s.to_statement)) for s in suggestions]
    assert keys == sorted(keys)
    # The matched terms make up the score, heaviest first.
    for s in suggestions:
        assert s.matched_terms
        assert sum(term.weight for term in s.matched_terms) == pytest.approx(s.score, abs=1e-4)
        weights = [term.weight for term in s.matched_terms]
        assert weights == sorted(weights, reverse=True)


def test_min_score_and_limit(bundled: GoalDataset, suggestions: list[Suggestion]) -> None:
    threshold = 0.15
    above = suggest(bundled, min_score=threshold)
    assert above
    assert all(s.score >= threshold for s in above)
    assert above == [s for s in suggestions if s.score >= threshold]
    assert suggest(bundled, min_score=threshold, limit=2) == above[:2]
    assert suggest(bundled, min_score=1.01) == []
    # The default threshold keeps a shorter list than min_score=0.
    assert 0 < len(suggest(bundled)) < len(suggestions)


def test_suggestions_are_the_same_every_time(bundled: GoalDataset, suggestions: list[Suggestion]) -> None:
    assert suggest(bundled, min_score=0) == suggestions


def test_labels_and_matched_words(bundled: GoalDataset, suggestions: list[Suggestion]) -> None:
    # "Én sammenhængende koncern" and "Justitsministeriet skal agere som én koncern, ..."
    # are curated already; the focus point and the principle on cross-cutting work are not.
    fp4 = URIRef(DEFAULT_BASE + "anklagemyndigheden/2019/focus-point/tvaergaaende-samarbejde-og-digitalisering")
    x1 = URIRef(DEFAULT_BASE + "anklagemyndigheden/2019/principle/interessenter-i-centrum")
    (found,) = [s for s in suggestions if (s.from_statement, s.to_statement) == (fp4, x1)]
    assert found.from_label == "Tværgående samarbejde og digitalisering"
    assert found.to_label.startswith("Som et tværgående element")
    words = {(term.word, term.language) for term in found.matched_terms}
    assert {("tværgående", "da"), ("cross", "en"), ("cutting", "en")} <= words
    assert "tværgå" in {term.stem for term in found.matched_terms}


#################################################################
# A tiny graph made by hand
#################################################################


def test_tiny_graph_gets_the_obvious_pair(tmp_path: Path) -> None:
    ds = tiny_graph(tmp_path)
    found = suggest(ds)  # the default threshold
    best = found[0]
    assert pairs([best]) == {("test/goal", "test/vision-2")}
    assert best.from_label == "Bekæmpelse af indbrud i private hjem"
    assert best.to_label == "Færre indbrud i private hjem"
    stems = {(term.stem, term.language) for term in best.matched_terms}
    assert {("indbrud", "da"), ("hjem", "da"), ("privat", "da")} <= stems
    assert {("burglari", "en"), ("home", "en")} <= stems  # burglary, burglaries; homes
    words = {term.word for term in best.matched_terms}
    assert {"indbrud", "burglary"} <= words  # as the supporting statement writes them
    # Nothing shares a word with the target, so it is in no suggestion.
    assert not any("test/target" in pair for pair in map(str, pairs(suggest(ds, min_score=0))))


def test_tiny_graph_directions(tmp_path: Path) -> None:
    ds = tiny_graph(tmp_path)
    found = pairs(suggest(ds, min_score=0))
    # Same level (missions, visions): the agency is below the ministry, so its mission supports.
    assert ("test/agency-mission", "test/mission") in found
    assert ("test/agency-mission", "test/vision") in found
    # The ministry's own mission and vision share words, but both are top level: never linked.
    assert not {("test/mission", "test/vision"), ("test/vision", "test/mission")} & found
    # Up the levels only: a goal (2) supports a vision (0), never the other way.
    assert ("test/goal", "test/vision-2") in found
    assert ("test/vision-2", "test/goal") not in found
    assert found == {
        ("test/goal", "test/vision-2"),
        ("test/agency-mission", "test/mission"),
        ("test/agency-mission", "test/vision"),
    }


def test_tiny_graph_existing_links(tmp_path: Path) -> None:
    # The goal already supports the vision (curated): not suggested again, either way.
    # The agency's mission already supports the ministry's (a plain link): not either.
    extra = """
<test/goal> gg:supports <test/vision-2> .
<test/alignment/goal-vision> a gg:Alignment ; gg:from <test/goal> ; gg:to <test/vision-2> ;
    gg:kind gg:curated .
<test/mission> gg:supports <test/agency-mission> .
"""
    ds = tiny_graph(tmp_path, extra)
    assert pairs(suggest(ds, min_score=0)) == {("test/agency-mission", "test/vision")}


def test_a_suggestion_that_would_close_a_cycle_is_left_out(tmp_path: Path) -> None:
    # Links pointing down: vision-2 → agency-mission → goal. Goal → vision-2 would close a loop.
    extra = """
<test/vision-2> gg:supports <test/agency-mission> .
<test/agency-mission> gg:supports <test/goal> .
"""
    ds = tiny_graph(tmp_path, extra)
    found = pairs(suggest(ds, min_score=0))
    assert ("test/goal", "test/vision-2") not in found
    assert ("test/agency-mission", "test/mission") in found  # no loop: still suggested


#################################################################
# Turtle
#################################################################


def test_turtle_validates_and_loads_back(bundled: GoalDataset, tmp_path: Path) -> None:
    chosen = suggest(bundled, min_score=0)
    assert len(chosen) > 10
    path = tmp_path / "suggested.ttl"
    path.write_text(suggestions_to_turtle(chosen, base=DEFAULT_BASE, created=date(2025, 3, 1)), encoding="utf-8")

    ds = goalgraph.load(path)
    report = goalgraph.validate(ds)
    assert report.conforms, str(report)
    assert goalgraph.stats(ds)["alignments"]["suggested"] == len(chosen)

    query = """
        SELECT ?alignment ?from ?to ?score ?agent ?created (GROUP_CONCAT(?term; separator=" ") AS ?terms)
           WHERE { ?alignment gg:kind gg:suggested ; gg:from ?from ; gg:to ?to ; gg:score ?score ;
                   prov:wasAttributedTo ?agent ; dcterms:created ?created ; gg:matchedTerm ?term }
           GROUP BY ?alignment ?from ?to ?score ?agent ?created"""
    loaded = {(row["from"], row["to"]): row for row in rows(ds, query)}
    assert len(loaded) == len(chosen)
    for s in chosen:
        row = loaded[(s.from_statement, s.to_statement)]
        assert row["alignment"] == suggestion_iri(s, DEFAULT_BASE)
        score = row["score"]
        assert isinstance(score, Literal)
        assert score.datatype == URIRef("http://www.w3.org/2001/XMLSchema#decimal")
        assert Decimal(str(score)) == Decimal(f"{s.score:.4f}")
        assert float(score) == s.score
        assert set(str(row["terms"]).split()) == {term.stem for term in s.matched_terms}
        assert row["created"] == Literal(date(2025, 3, 1))
        assert ds.query(f"ASK {{ <{row['agent']}> a prov:SoftwareAgent }}").askAnswer

    # No plain gg:supports triple came with them: the links are only suggested.
    supports = "SELECT (COUNT(*) AS ?n) WHERE { ?a gg:supports ?b }"
    assert number(rows(ds, supports)[0]["n"]) == number(rows(bundled, supports)[0]["n"])
    agent_label = "SELECT ?l WHERE { ?a a prov:SoftwareAgent ; skos:prefLabel ?l FILTER(lang(?l) = 'en') }"
    assert [str(row["l"]) for row in rows(ds, agent_label)] == ["goalgraph suggest"]

    # Suggested once, not suggested again.
    again = suggest(ds, min_score=0)
    assert not {(s.from_statement, s.to_statement) for s in again} & set(loaded)


def test_turtle_is_stable(bundled: GoalDataset) -> None:
    chosen = suggest(bundled)
    day = date(2025, 3, 1)
    first = suggestions_to_turtle(chosen, created=day)
    assert first == suggestions_to_turtle(suggest(bundled), created=day)
    assert "gg:supports" not in first.replace("gg:supports triple", "")
    # The IRI depends on the two ends only, not on the score or the order.
    s = chosen[0]
    assert suggestion_iri(s) == suggestion_iri(Suggestion(s.from_statement, s.to_statement, 0.0, (), "", ""))
    assert suggestion_iri(s) != suggestion_iri(Suggestion(s.to_statement, s.from_statement, 0.0, (), "", ""))
    assert str(suggestion_iri(s)).startswith(DEFAULT_BASE + "alignment/suggested/")


def test_turtle_with_an_agent_of_ones_own(tmp_path: Path) -> None:
    ds = tiny_graph(tmp_path)
    agent = "https://example.org/agent/reviewer-bot"
    turtle = suggestions_to_turtle(suggest(ds, min_score=0), agent=agent, base="https://example.org/")
    path = tmp_path / "suggested.ttl"
    path.write_text(turtle, encoding="utf-8")
    loaded = goalgraph.load([tmp_path / "tiny.ttl", path], bundled=False)
    assert goalgraph.validate(loaded).conforms
    attributed = {str(row["a"]) for row in rows(loaded, "SELECT DISTINCT ?a WHERE { ?x prov:wasAttributedTo ?a }")}
    assert attributed == {agent}
    assert loaded.query(f"ASK {{ <{agent}> a prov:SoftwareAgent }}").askAnswer


#################################################################
# Quality: do the words find the links an analyst made?
#################################################################

HIDE_STRONG = """
PREFIX gg: <https://w3id.org/goalgraph/ontology#>
DELETE { GRAPH ?g { ?alignment ?p ?o } GRAPH ?h { ?from gg:supports ?to } }
WHERE {
  GRAPH ?g { ?alignment gg:kind gg:curated ; gg:strength gg:strong ; gg:from ?from ; gg:to ?to ; ?p ?o }
  GRAPH ?h { ?from gg:supports ?to }
}
"""


def test_suggestions_find_hidden_strong_links() -> None:
    """Hide the strong curated links of domain.md, then see how many the suggestions find again.

    A hidden link counts as found if suggested in either direction. Measured on the
    Vores mål part of the bundled data (13 strong links): precision@13 = recall@13 = 6/13 = 0.46,
    precision@26 = 0.27 and recall@26 = 7/13 = 0.54. Five of the 13 pairs share no
    word stem in either language (e.g. "Kvalitet i sagsbehandlingen" and "...
    strafskyldige drages til ansvar ..."), so word overlap can find at most 8. The
    floors below are one link under what is measured.
    """
    ds = goalgraph.load([REPOSITORY / "data" / name for name in VORES_MAAL_FILES], bundled=False)
    query = "SELECT ?from ?to WHERE { ?a gg:strength gg:strong ; gg:from ?from ; gg:to ?to }"
    strong = {(row["from"], row["to"]) for row in rows(ds, query)}
    assert len(strong) == 13  # domain.md's curated table has 13 strong links
    ds.oxigraph.update(HIDE_STRONG)
    assert not ds.query("ASK { ?a gg:strength gg:strong }").askAnswer
    for low, high in strong:
        assert (low, GG.supports, high) not in ds

    ranked = suggest(ds, min_score=0)
    hits = [
        (s.from_statement, s.to_statement) in strong or (s.to_statement, s.from_statement) in strong for s in ranked
    ]
    k = len(strong)
    figures = {}
    for at in (k, 2 * k):
        found = sum(hits[:at])
        figures[at] = (found / at, found / k)
        print(f"\nhidden strong links: {k}; precision@{at} = {found / at:.3f}, recall@{at} = {found / k:.3f}")
    print(f"ranks of the hidden links found: {[i + 1 for i, hit in enumerate(hits) if hit]} of {len(ranked)}")

    precision_k, recall_k = figures[k]
    precision_2k, recall_2k = figures[2 * k]
    assert recall_k >= 5 / 13
    assert precision_k >= 5 / 13
    assert recall_2k >= 6 / 13
    assert precision_2k >= 6 / 26
    # The best suggestion of all is a hidden strong link ("trygt og sikkert" land/samfund).
    assert hits[0]
