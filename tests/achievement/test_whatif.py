"""What if targets were missed or met: the missions and visions that change, and those left unsupported."""

from __future__ import annotations

import pytest

import goalgraph
from goalgraph.achievement.whatif import fallen
from goalgraph.model import GoalModel
from goalgraph.resolving import UnknownReferenceError


def identifiers(model: GoalModel, nodes: object) -> list[str | None]:
    return sorted(model.statements[n].identifier or "" for n in nodes)  # type: ignore[attr-defined]


def test_missing_all_that_supports_a_vision_leaves_it_without_support() -> None:
    g = goalgraph.open()
    model = goalgraph.read_model(g)
    found = goalgraph.what_if(g, miss=["SM2", "X1"])
    assert [(model.statements[c.statement].identifier, c.loses_only_support) for c in found.changes] == [
        ("JM-V3", True)
    ]
    (change,) = found.changes
    assert (change.before.status, change.after.status, change.after.score) == ("no-data", "not-met", 0.0)


def test_missing_one_of_several_supports_does_not() -> None:
    model = goalgraph.read_model(goalgraph.open())
    sm2 = model.by_identifier["SM2"]
    assert identifiers(model, fallen(model, [sm2]) - {sm2}) == ["X2"]  # SM2 is X2's only support; JM-V3 has X1
    down = fallen(model, [model.by_identifier[k] for k in ("SM3", "FP3", "AM-C", "AM-K", "PA-M2", "POL-T5")])
    assert "JM-M2" in identifiers(model, down)  # its supporters AM-C, FP3, PA-M2 all down


def test_meeting_a_missed_target_lifts_the_vision(synthetic_model: GoalModel) -> None:
    found = goalgraph.what_if(synthetic_model, meet=["S-T3"])
    changes = {synthetic_model.statements[c.statement].identifier: c for c in found.changes}
    assert set(changes) == {"S-V1"}
    before, after = changes["S-V1"].before, changes["S-V1"].after
    assert round(before.score or 0, 4) == round(0.3 * 0.75 / 0.66, 4)
    assert round(after.score or 0, 4) == round((0.36 + 0.3 * 0.75) / 0.66, 4)
    assert not changes["S-V1"].loses_only_support


def test_missing_a_target_with_a_hindering_link(synthetic_model: GoalModel) -> None:
    found = goalgraph.what_if(synthetic_model, miss=["S-T1"])
    changes = {synthetic_model.statements[c.statement].identifier: c for c in found.changes}
    assert round(changes["S-M1"].after.score or 0, 4) == 0.25  # (0 + 1.2 x 0.5) / 2.4
    assert found.to_dict()["missed"] == [str(synthetic_model.by_identifier["S-T1"])]


def test_an_unknown_target_is_one_clear_error(synthetic_model: GoalModel) -> None:
    with pytest.raises(UnknownReferenceError, match="no statement 'S-T9'"):
        goalgraph.what_if(synthetic_model, miss=["S-T9"])
