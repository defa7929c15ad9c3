"""The bundled dataset against its sources: the seed page and domain.md.

Expected values are read from ../shared (the seed text and domain.md's tables), not
copied into the tests, so a change to either shows up here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS

import goalgraph
from goalgraph.loading import DEFAULT_BASE, GoalDataset
from goalgraph.namespaces import GG

from .domain import KIND_CLASSES, markdown_table, normalise, seed_sentences

PAGE = URIRef("https://anklagemyndigheden.dk/da/vores-maal")


@pytest.fixture(scope="module")
def seed(shared: Path) -> str:
    return (shared / "seeds" / "vores-maal.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def domain(shared: Path) -> str:
    return (shared / "domain.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def statement_rows(domain: str) -> list[dict[str, str]]:
    rows = markdown_table(domain, "## Statements in the seed")
    keys = ["id", "kind", "holder", "da", "en"]
    return [dict(zip(keys, row, strict=True)) for row in rows]


def texts(ds: GoalDataset, prop: URIRef, lang: str) -> set[str]:
    return {str(o) for o in ds.objects(None, prop) if isinstance(o, Literal) and o.language == lang}


def statement(ds: GoalDataset, identifier: str) -> URIRef:
    found = list(ds.subjects(DCTERMS.identifier, Literal(identifier)))
    assert len(found) == 1, f"{identifier}: {len(found)} statements with this identifier"
    assert isinstance(found[0], URIRef)
    return found[0]


def names(ds: GoalDataset, node: URIRef) -> set[str]:
    return {str(n).casefold() for n in ds.objects(node, SKOS.prefLabel)}


def test_every_seed_sentence_is_in_the_graph_verbatim(bundled: GoalDataset, seed: str) -> None:
    sentences = seed_sentences(seed)
    assert len(sentences) >= 20, "the seed's sentences were not found: has its layout changed?"
    in_graph = texts(bundled, GG.text, "da")
    missing = [s for s in sentences if s not in in_graph]
    assert not missing


def test_every_statement_from_the_page_is_in_the_seed(bundled: GoalDataset, seed: str) -> None:
    # Whole lines too: the headline "Vi arbejder for retfærdighed" is a statement.
    units = set(seed_sentences(seed)) | {normalise(line) for line in seed.splitlines()}
    from_page = set(bundled.subjects(DCTERMS.source, PAGE)) & set(bundled.subjects(GG.text, None))
    assert from_page
    for node in from_page:
        for text in bundled.objects(node, GG.text):
            assert isinstance(text, Literal)
            assert text.language == "da"
            assert str(text) in units, f"{node}: {text!r} is not verbatim from the seed"


def test_statements_match_domain_table(bundled: GoalDataset, statement_rows: list[dict[str, str]]) -> None:
    assert len(statement_rows) == 22
    for row in statement_rows:
        node = statement(bundled, row["id"])
        assert bundled.value(node, GG.text) == Literal(row["da"], lang="da")
        assert bundled.value(node, GG.translation) == Literal(row["en"], lang="en")
        assert (node, DCTERMS.source, PAGE) in bundled
        holder = bundled.value(node, GG.holder)
        assert isinstance(holder, URIRef)
        holder_name = re.sub(r"\s*\(.*\)$", "", row["holder"]).casefold()
        assert holder_name in names(bundled, holder), f"{row['id']}: held by {names(bundled, holder)}"
        kind = next(c for k, c in KIND_CLASSES.items() if row["kind"].startswith(k))
        assert (node, RDF.type, kind) in bundled, f"{row['id']} is not a {kind}"


def test_english_is_marked_as_translation_never_as_source(bundled: GoalDataset) -> None:
    statements = set(bundled.subjects(GG.text, None))
    assert not texts(bundled, GG.text, "en")
    for node in statements:
        translations = list(bundled.objects(node, GG.translation))
        assert [t.language for t in translations if isinstance(t, Literal)] == ["en"], node


def test_counts_by_class_match_domain(vores_maal: GoalDataset, statement_rows: list[dict[str, str]]) -> None:
    expected = Counter(
        next(c for k, c in KIND_CLASSES.items() if row["kind"].startswith(k)).fragment for row in statement_rows
    )
    counted = goalgraph.stats(vores_maal)["statements"]
    assert {name: n for name, n in counted.items() if n} == dict(expected)


def test_the_2019_strategy_holds_focus_points_principles_and_markers(
    bundled: GoalDataset, statement_rows: list[dict[str, str]]
) -> None:
    plans = list(bundled.subjects(RDF.type, GG.Strategy))
    assert len(plans) == 1
    plan = plans[0]
    assert bundled.value(plan, DCTERMS.title) == Literal("Anklagemyndighedens virksomhedsstrategi for 2019", lang="da")
    assert str(bundled.value(plan, GG.periodStart)) == "2019-01-01"
    assert str(bundled.value(plan, GG.periodEnd)) == "2019-12-31"
    for row in statement_rows:
        in_plan = (statement(bundled, row["id"]), GG.inPlan, plan) in bundled
        assert in_plan == ("2019" in row["kind"]), row["id"]


def test_curated_alignments_of_domain_are_present(vores_maal: GoalDataset, domain: str) -> None:
    rows = markdown_table(domain, "- **curated**")
    assert len(rows) == 22
    for source, target, strength, rationale in rows:
        start, end = statement(vores_maal, source), statement(vores_maal, target)
        found = [
            a
            for a in vores_maal.subjects(GG["from"], start)
            if (a, GG.to, end) in vores_maal and (a, GG.kind, GG.curated) in vores_maal
        ]
        assert len(found) == 1, f"{source} → {target}"
        alignment = found[0]
        assert (alignment, GG.strength, GG[strength]) in vores_maal
        assert Literal(rationale, lang="en") in set(vores_maal.objects(alignment, GG.rationale))
        assert vores_maal.value(alignment, URIRef("http://www.w3.org/ns/prov#wasAttributedTo")) is not None
        assert (start, GG.supports, end) in vores_maal
    assert goalgraph.stats(vores_maal)["alignments"]["curated"] == len(rows)


def test_stated_grounding_of_the_strategy(
    bundled: GoalDataset, domain: str, statement_rows: list[dict[str, str]]
) -> None:
    # "the 2019 strategy is stated to be grounded in JM-M1..JM-V3 and PA-M1..PA-V2"
    sentence = next(line for line in domain.splitlines() if "stated to be grounded in" in line)
    prefixes = re.findall(r"\b([A-Z]+)-\w\d\.\.\1-\w\d", sentence)
    assert prefixes == ["JM", "PA"]
    grounds = {statement(bundled, r["id"]) for r in statement_rows if r["id"].split("-")[0] in prefixes}
    plan = next(bundled.subjects(RDF.type, GG.Strategy))
    stated = {
        bundled.value(a, GG.to)
        for a in bundled.subjects(GG.kind, GG.stated)
        if bundled.value(a, GG["from"]) == plan and (a, DCTERMS.source, PAGE) in bundled
    }
    assert stated == grounds
    assert set(bundled.objects(plan, GG.supports)) == grounds


def test_organisations_of_domain(bundled: GoalDataset, domain: str) -> None:
    rows = markdown_table(domain, "## Organisations in the first dataset")
    assert len(rows) == 6
    for danish, english, _notes in rows:
        found = [o for o in bundled.subjects(SKOS.prefLabel, Literal(danish, lang="da")) if isinstance(o, URIRef)]
        assert len(found) == 1, danish
        assert (found[0], SKOS.prefLabel, Literal(english, lang="en")) in bundled
    assert goalgraph.stats(bundled)["organisations"] == len(rows)


def test_joint_holder_is_a_collaboration_of_police_and_prosecution(bundled: GoalDataset) -> None:
    base = bundled.base
    joint = URIRef(base + "politiet-og-anklagemyndigheden")
    assert (joint, RDF.type, ORG.OrganizationalCollaboration) in bundled
    assert set(bundled.objects(joint, ORG.hasMember)) == {
        URIRef(base + "politiet"),
        URIRef(base + "anklagemyndigheden"),
    }
    central = URIRef(base + "den-centrale-anklagemyndighed")
    assert (central, ORG.unitOf, URIRef(base + "anklagemyndigheden")) in bundled


def test_each_mission_and_vision_sentence_belongs_to_its_whole(bundled: GoalDataset) -> None:
    for kind in (GG.Mission, GG.Vision):
        for node in bundled.subjects(RDF.type, kind):
            groups = list(bundled.subjects(SKOS.member, node))
            assert len(groups) == 1, node
            group_holder = bundled.value(groups[0], GG.holder)
            holder = bundled.value(node, GG.holder)
            assert holder == group_holder or (group_holder, ORG.hasMember, holder) in bundled


def test_iris_are_stable_and_readable(bundled: GoalDataset) -> None:
    marker = URIRef(DEFAULT_BASE + "anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen")
    assert bundled.value(marker, GG.text) == Literal("Kvalitet i sagsbehandlingen", lang="da")
    for node in set(bundled.subjects(GG.text, None)) | set(bundled.subjects(RDF.type, GG.Alignment)):
        assert re.fullmatch(re.escape(DEFAULT_BASE) + r"[a-z0-9-]+(/[a-z0-9-]+)+", str(node)), node


def test_base_namespace_is_configurable() -> None:
    base = "https://data.example.org/goals/"
    ds = goalgraph.load(base=base)
    marker = URIRef(base + "anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen")
    assert (marker, GG.holder, URIRef(base + "anklagemyndigheden")) in ds
    assert not [s for s in ds.subjects() if str(s).startswith(DEFAULT_BASE)]
    assert goalgraph.validate(ds).conforms


def test_alignments_point_up_the_levels(bundled: GoalDataset) -> None:
    rows = bundled.query(
        """SELECT ?from ?to ?fromLevel ?toLevel WHERE {
            ?from gg:supports ?to .
            ?to a/gg:level ?toLevel .
            OPTIONAL { ?from a/gg:level ?fromLevel }
        }"""
    )
    levels = [(row["from"], row["to"], row["fromLevel"], row["toLevel"]) for row in rows]  # type: ignore[index]
    between_statements = [(f, t, a, b) for f, t, a, b in levels if a is not None]
    # The curated ones; the stated ones start at the plan.
    assert len(between_statements) == goalgraph.stats(bundled)["alignments"]["curated"]
    for start, end, start_level, end_level in between_statements:
        assert int(start_level) >= int(end_level), (start, end)
