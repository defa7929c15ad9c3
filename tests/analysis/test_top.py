"""The top: the missions and visions of the highest organisations."""

from __future__ import annotations

from rdflib import URIRef

import goalgraph
from goalgraph.analysis import (
    alignment_graph,
    by_identifier,
    hierarchy_parents,
    top_organisations,
    top_statements,
)
from goalgraph.loading import GoalDataset

from .builders import Loader, link, organisation, plan, statement


def top_ids(dataset: GoalDataset) -> list[str]:
    statements = alignment_graph(dataset)
    return sorted(statements.nodes[s]["identifier"] for s in top_statements(statements))


def test_bundled_top_is_the_groups_mission_and_vision(bundled: GoalDataset) -> None:
    statements = alignment_graph(bundled)
    assert top_organisations(statements) == {URIRef(bundled.base + "justitsministeriets-koncern")}
    assert top_ids(bundled) == ["JM-M1", "JM-M2", "JM-V1", "JM-V2", "JM-V3"]


def test_the_joint_mission_is_not_top(bundled: GoalDataset) -> None:
    statements = alignment_graph(bundled)
    ids = by_identifier(statements)
    top = top_statements(statements)
    assert not {ids["PA-M1"], ids["PA-M2"], ids["PA-V1"], ids["PA-V2"]} & top


def test_a_collaboration_without_parent_sits_at_its_members_level(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("ministry"),
        organisation("police", parent="ministry"),
        organisation("prosecution", parent="ministry"),
        organisation("joint", members=["police", "prosecution"]),  # no parent of its own
        statement("MM", "mission", "ministry"),
        statement("JM", "mission", "joint"),
        statement("JV", "vision", "joint"),
        link("JM", "MM"),
    )
    statements = alignment_graph(dataset)
    parents = hierarchy_parents(statements.graph["organisations"])
    assert parents[URIRef(dataset.base + "o/joint")] == {URIRef(dataset.base + "o/ministry")}
    assert top_ids(dataset) == ["MM"]


def test_a_collaboration_of_roots_is_a_root(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("a"),
        organisation("b"),
        organisation("ab", members=["a", "b"]),
        statement("AM", "mission", "a"),
        statement("ABV", "vision", "ab"),
    )
    assert top_ids(dataset) == ["ABV", "AM"]


def test_a_root_with_no_mission_hands_the_top_down(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("government"),
        organisation("ministry", parent="government"),
        organisation("other-ministry", parent="government"),
        organisation("agency", parent="ministry"),
        organisation("unit", unit_of="ministry"),
        statement("MM", "mission", "ministry"),
        statement("OV", "vision", "other-ministry"),
        statement("AM", "mission", "agency"),
        statement("UG", "goal", "unit"),
        statement("GG", "goal", "government"),  # not a mission or vision: no top of its own
    )
    assert top_ids(dataset) == ["MM", "OV"]


def test_units_and_inverse_properties_count_as_parents(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("ministry"),
        organisation("agency"),
        organisation("unit", unit_of="agency"),
        "<o/ministry> org:hasSubOrganization <o/agency> .",
        statement("MM", "mission", "ministry"),
        statement("AM", "mission", "agency"),
        statement("UV", "vision", "unit"),
    )
    assert top_ids(dataset) == ["MM"]


def test_two_separate_hierarchies_have_two_tops(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("one"),
        organisation("two"),
        organisation("two-agency", parent="two"),
        statement("M1", "mission", "one"),
        statement("M2", "mission", "two"),
        statement("V2", "vision", "two"),
        statement("A2", "mission", "two-agency"),
    )
    assert top_ids(dataset) == ["M1", "M2", "V2"]


def test_hand_made_graphs_are_valid(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("ministry"),
        organisation("police", parent="ministry"),
        organisation("prosecution", parent="ministry"),
        organisation("joint", members=["police", "prosecution"]),
        organisation("unit", unit_of="police"),
        plan("s", "police"),
        statement("MM", "mission", "ministry"),
        statement("JM", "mission", "joint"),
        statement("G", "goal", "police", plan="s"),
        statement("T", "target", "unit"),
        link("JM", "MM"),
        link("G", "JM", "weak", rationale={"en": "why", "da": "hvorfor"}),
        link("G", "MM", None, kind="stated"),
        link("T", "G", None, kind="suggested", score=0.7),
        link("s", "JM", None, kind="stated", from_plan=True),
    )
    report = goalgraph.validate(dataset)
    assert report.conforms, str(report)
