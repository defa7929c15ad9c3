"""The dataset extension: the 2019 target plans of the prosecution and the police (domain.md, "A second source")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, URIRef
from rdflib.namespace import DCTERMS, SKOS

import goalgraph
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG

from ..conftest import REPOSITORY
from ..domain import normalise

ID = "https://w3id.org/goalgraph/id/"
AM, POLICE = URIRef(ID + "anklagemyndigheden"), URIRef(ID + "politiet")
AM_PLAN = URIRef(ID + "anklagemyndigheden/2019/maal-og-resultatplan")
POLICE_PLAN = URIRef(ID + "politiet/2019/maal-og-resultatplan")
EXTENSION = REPOSITORY / "data" / "target-plans-2019.yaml"


def second_source(shared: Path) -> dict[str, tuple[str, list[str]]]:
    """domain.md's second source: per body (Prosecution, Police), its page and its targets' titles."""
    text = (shared / "domain.md").read_text(encoding="utf-8").split("## A second source", 1)[1].split("\n## ", 1)[0]
    found: dict[str, tuple[str, list[str]]] = {}
    body = ""
    for line in text.splitlines():
        top = re.match(r"- (Prosecution|Police), .*?([a-z.]+\.dk/[\w/-]+)", line)
        if top:
            body = top.group(1)
            found[body] = ("https://" + top.group(2), [])
        elif body and (target := re.match(r"\s+- \*(.+?)\*:", line)):
            found[body][1].append(normalise(target.group(1)))
    return found


def graph_of(bundled: GoalDataset) -> URIRef:
    return next(s.graph for s in bundled.sources if s.path.name == "target-plans-2019.yaml")


def targets(bundled: GoalDataset, plan: URIRef) -> dict[str, URIRef]:
    return {
        str(bundled.value(t, GG.text)): t
        for t in bundled.subjects(GG.inPlan, plan)
        if (t, RDF.type, GG.Target) in bundled
    }


def test_the_extension_is_bundled_in_its_own_graph(bundled: GoalDataset) -> None:
    assert str(graph_of(bundled)) == ID + "graph/target-plans-2019"
    assert bundled.source_of(graph_of(bundled)).importer == "yaml"


def test_both_plans_are_2019_target_plans_of_their_holders_and_coordinated(bundled: GoalDataset) -> None:
    for plan, holder in [(AM_PLAN, AM), (POLICE_PLAN, POLICE)]:
        assert (plan, RDF.type, GG.TargetPlan) in bundled
        assert bundled.value(plan, GG.holder) == holder
        assert str(bundled.value(plan, GG.periodStart)) == "2019-01-01"
        assert str(bundled.value(plan, GG.periodEnd)) == "2019-12-31"
    assert (AM_PLAN, GG.coordinatedWith, POLICE_PLAN) in bundled


def test_the_targets_are_domain_md_s_titles_verbatim(bundled: GoalDataset, shared: Path) -> None:
    source = second_source(shared)
    assert set(source) == {"Prosecution", "Police"}
    for body, plan in [("Prosecution", AM_PLAN), ("Police", POLICE_PLAN)]:
        page, titles = source[body]
        found = targets(bundled, plan)
        assert sorted(found) == sorted(titles), body
        assert len(titles) == {"Prosecution": 3, "Police": 5}[body]
        for target in found.values():
            assert bundled.value(target, DCTERMS.source) == URIRef(page)
            assert bundled.value(target, GG.holder) == bundled.value(plan, GG.holder)
            assert {t.language for t in bundled.objects(target, GG.text)} == {"da"}
            assert bundled.value(target, GG.translation).language == "en"
        assert bundled.value(plan, DCTERMS.source) == URIRef(page)


def test_summaries_are_notes_marked_as_the_project_s(bundled: GoalDataset) -> None:
    for plan in (AM_PLAN, POLICE_PLAN):
        for target in targets(bundled, plan).values():
            notes = list(bundled.objects(target, SKOS.note))
            assert len(notes) == 1
            assert notes[0].language == "en"
            assert str(notes[0]).startswith("The project's summary: ")


def test_every_target_has_a_curated_alignment_with_strength_and_rationale(bundled: GoalDataset) -> None:
    ends = set()
    for plan in (AM_PLAN, POLICE_PLAN):
        for title, target in targets(bundled, plan).items():
            alignments = list(bundled.subjects(GG["from"], target))
            assert alignments, title
            for alignment in alignments:
                assert bundled.value(alignment, GG.kind) == GG.curated
                assert bundled.value(alignment, GG.strength) in (GG.strong, GG.moderate, GG.weak)
                assert {r.language for r in bundled.objects(alignment, GG.rationale)} == {"en", "da"}
                assert bundled.value(alignment, URIRef("http://www.w3.org/ns/prov#wasAttributedTo")) == URIRef(
                    ID + "agent/goalgraph"
                )
                end = bundled.value(alignment, GG.to)
                assert (target, GG.supports, end) in bundled
                ends.add(str(bundled.value(end, DCTERMS.identifier)))
    # Markers, the joint mission and vision, and the ministry group's vision are all reached.
    assert {"SM2", "SM3", "SM4", "PA-M1", "PA-M2", "PA-V1", "PA-V2", "JM-V2"} <= ends


def test_the_same_words_show_up_across_organisations_and_plans(bundled: GoalDataset) -> None:
    rows = goalgraph.run_query(bundled, "cross-organisation").rows
    same = {
        frozenset(str(bundled.value(node, DCTERMS.identifier)) for node in (row["from"], row["to"]))
        for row in rows
        if str(row["relation"]) == "same words"
    }
    # The shared target title (two organisations), and a target with the words of marker SM2 (two plans).
    assert frozenset({"AM-T1", "POL-T1"}) in same
    assert frozenset({"AM-T2", "SM2"}) in same


def test_the_bundled_data_stays_valid(bundled: GoalDataset) -> None:
    report = goalgraph.validate(bundled)
    assert report.conforms, [str(p) for p in report.problems]


@pytest.mark.parametrize("identifier", ["AM-T1", "POL-T4"])
def test_a_target_traces_to_the_top(bundled: GoalDataset, identifier: str) -> None:
    traced = goalgraph.trace(bundled, identifier)
    assert traced.paths
    assert traced.reaches_top


def test_the_police_targets_fill_the_gaps_of_the_page(bundled: GoalDataset, vores_maal: GoalDataset) -> None:
    def gaps(dataset: GoalDataset) -> list[str]:
        analysis = goalgraph.analyse(dataset)
        return sorted(analysis.graph.nodes[s]["identifier"] for s in analysis.gaps)

    assert gaps(vores_maal) == ["PA-M1", "PA-V2"]
    assert gaps(bundled) == []
