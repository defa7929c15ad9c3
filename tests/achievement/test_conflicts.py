"""Conflicts: supporting and hindering the same statement; hindering from a strong supporter of the top."""

from __future__ import annotations

import goalgraph
from goalgraph.achievement import conflicts
from goalgraph.model import GoalModel
from tests.analysis.builders import link, organisation, statement

from .builders import hinder
from .conftest import Modeller


def ids(model: GoalModel, nodes: tuple[object, ...]) -> list[str | None]:
    return [model.statements[n].identifier for n in nodes]  # type: ignore[index]


def test_a_statement_that_supports_and_hinders_the_same_one_directly(model_of: Modeller) -> None:
    model = model_of(
        organisation("o"),
        statement("M", "mission", "o"),
        statement("Y", "objective", "o"),
        statement("X", "target", "o"),
        link("X", "Y", "weak"),
        hinder("X", "Y"),
        link("Y", "M", "weak"),
    )
    (found,) = conflicts(model)
    assert found.kind == "supports-and-hinders"
    assert (ids(model, (found.statement,)), ids(model, (found.target,))) == (["X"], ["Y"])
    assert ids(model, found.supporting) == ["X", "Y"]
    assert ids(model, found.hindering) == ["X", "Y"]


def test_through_others_on_both_sides(model_of: Modeller) -> None:
    model = model_of(
        organisation("o"),
        statement("M", "mission", "o"),
        statement("Y", "objective", "o"),
        statement("Z", "objective", "o"),
        statement("H", "target", "o"),
        statement("X", "target", "o"),
        link("X", "Z", "weak"),
        link("Z", "Y", "weak"),
        link("X", "H", "weak"),
        hinder("H", "Y"),
        link("Y", "M", "weak"),
    )
    found = {(c.kind, *ids(model, (c.statement, c.target))): c for c in conflicts(model)}
    assert set(found) == {("supports-and-hinders", "X", "Y")}
    conflict = found["supports-and-hinders", "X", "Y"]
    assert ids(model, conflict.supporting) == ["X", "Z", "Y"]
    assert ids(model, conflict.hindering) == ["X", "H", "Y"]


def test_a_hindering_link_from_a_strong_supporter_of_the_top(model_of: Modeller) -> None:
    strong_path = (link("S", "O", "strong"), link("O", "M", "strong"))
    blocks = (
        organisation("o"),
        statement("M", "mission", "o"),
        statement("O", "objective", "o"),
        statement("S", "target", "o"),
        statement("Q", "target", "o"),
        hinder("S", "Q"),
    )
    model = model_of(*blocks, *strong_path)
    (found,) = conflicts(model)
    assert found.kind == "hinders-from-strong-supporter"
    assert ids(model, found.supporting) == ["S", "O", "M"]
    assert ids(model, found.hindering) == ["S", "Q"]
    weak = model_of(*blocks, link("S", "O", "strong"), link("O", "M", "weak"))
    assert conflicts(weak) == ()  # a weak link on the way: not a strong supporter


def test_the_synthetic_plans_speed_against_quality(synthetic_model: GoalModel) -> None:
    (found,) = conflicts(synthetic_model)
    assert (found.kind, ids(synthetic_model, (found.statement, found.target))) == (
        "hinders-from-strong-supporter",
        ["S-T1", "S-T2"],
    )
    assert found.to_dict()["supporting"][-1].endswith("/M1")


def test_analyse_reports_conflicts(synthetic_model: GoalModel) -> None:
    from goalgraph.analysis.text import analysis_text

    result = goalgraph.analyse(synthetic_model)
    assert [c.kind for c in result.conflicts] == ["hinders-from-strong-supporter"]
    assert result.to_dict()["conflicts"][0]["statement"].endswith("/T1")
    text = analysis_text(result, "en")
    assert "Conflicts: links that pull both ways" in text
    assert "S-T1  Shorter case processing time, a strong supporter of the top, hinders S-T2" in text


def test_the_bundled_data_has_none() -> None:
    assert goalgraph.analyse(goalgraph.load()).conflicts == ()
