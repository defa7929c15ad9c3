"""The roll-up on small graphs with known answers: weights, target weights, hindering links, cycles."""

from __future__ import annotations

import pytest

import goalgraph
from goalgraph.model import GoalModel
from tests.analysis.builders import link, organisation, plan, statement

from .builders import hinder, indicator
from .conftest import Modeller

MET = [(2021, 90.0, 95.0)]
NOT_MET = [(2021, 90.0, 50.0)]
PARTLY = [(2021, 90.0, 85.0)]


def score(model: GoalModel, key: str, period: str | None = None) -> tuple[str, float | None]:
    found = goalgraph.progress(model, period=period).statements[model.by_identifier[key]]
    return found.status, None if found.score is None else round(found.score, 4)


def test_a_met_target_makes_its_chain_met(model_of: Modeller) -> None:
    model = model_of(
        organisation("o"),
        statement("M", "mission", "o"),
        statement("O", "objective", "o"),
        statement("T", "target", "o"),
        indicator("I", "T", "o", MET),
        link("T", "O"),
        link("O", "M"),
    )
    assert score(model, "I") == ("met", 1.0)
    assert score(model, "T") == ("met", 1.0)
    assert score(model, "O") == ("met", 1.0)
    assert score(model, "M") == ("met", 1.0)
    found = goalgraph.progress(model).statements[model.by_identifier["M"]]
    assert (found.measured, found.calculated) == (False, True)
    assert [(model.statements[d.statement].identifier, d.share) for d in found.drivers] == [("T", 1.0)]


def test_link_strengths_weight_the_mean(model_of: Modeller) -> None:
    model = model_of(
        organisation("o"),
        statement("M", "mission", "o"),
        statement("T1", "target", "o"),
        statement("T2", "target", "o"),
        indicator("I1", "T1", "o", MET),
        indicator("I2", "T2", "o", NOT_MET),
        link("T1", "M", "strong"),
        link("T2", "M", "weak"),
    )
    assert score(model, "M") == ("partly-met", round(1.0 / 1.3, 4))
    drivers = goalgraph.progress(model).statements[model.by_identifier["M"]].drivers
    assert [(model.statements[d.statement].identifier, round(d.share, 4), d.status) for d in drivers] == [
        ("T1", round(1 / 1.3, 4), "met"),
        ("T2", round(0.3 / 1.3, 4), "not-met"),
    ]


def test_target_weights_count_within_their_plan(model_of: Modeller) -> None:
    weighted = statement("T1", "target", "o", plan="p").replace(" .\n", ' ;\n    gg:targetWeight "3"^^xsd:decimal .\n')
    light = statement("T2", "target", "o", plan="p").replace(" .\n", ' ;\n    gg:targetWeight "1"^^xsd:decimal .\n')
    model = model_of(
        organisation("o"),
        plan("p", "o"),
        statement("M", "mission", "o"),
        weighted,
        light,
        indicator("I1", "T1", "o", MET),
        indicator("I2", "T2", "o", NOT_MET),
        link("T1", "M"),
        link("T2", "M"),
    )
    assert model.statements[model.by_identifier["T1"]].weight == 3.0
    assert score(model, "M") == ("partly-met", 0.75)  # 1.5 x 1 + 0.5 x 0, over 2


@pytest.mark.parametrize(("hinderer", "expected"), [(MET, ("partly-met", 0.4)), (NOT_MET, ("met", 1.0))])
def test_a_hindering_link_counts_against_what_its_start_achieves(
    model_of: Modeller, hinderer: list[tuple[int, float, float]], expected: tuple[str, float]
) -> None:
    model = model_of(
        organisation("o"),
        statement("M", "mission", "o"),
        statement("T", "target", "o"),
        statement("H", "target", "o"),
        indicator("I", "T", "o", MET),
        indicator("J", "H", "o", hinderer),
        link("T", "M", "strong"),
        hinder("H", "M", "moderate"),
    )
    assert len(model.hindrances) == 1
    assert len(model.alignments) == 1  # the hindering one is not a support
    assert score(model, "M") == expected  # (1 x 1 - 0.6 x s(H)) / 1
    if expected[0] == "partly-met":
        drivers = goalgraph.progress(model).statements[model.by_identifier["M"]].drivers
        assert {model.statements[d.statement].identifier: round(d.share, 4) for d in drivers} == {"T": 1.0, "H": -0.6}


def test_a_hindering_link_alone_gives_no_data_and_never_below_zero(model_of: Modeller) -> None:
    model = model_of(
        organisation("o"),
        statement("M", "mission", "o"),
        statement("V", "vision", "o"),
        statement("T", "target", "o"),
        statement("H", "target", "o"),
        indicator("I", "T", "o", NOT_MET),
        indicator("J", "H", "o", MET),
        hinder("H", "M", "strong"),
        link("T", "V", "weak"),
        hinder("H", "V", "strong", name="h2"),
    )
    assert score(model, "M") == ("no-data", None)
    assert score(model, "V") == ("not-met", 0.0)


def test_a_cycle_is_cut_and_the_answer_is_the_same_every_run(model_of: Modeller) -> None:
    blocks = (
        organisation("o"),
        statement("M", "mission", "o"),
        statement("A", "objective", "o"),
        statement("B", "objective", "o"),
        statement("T", "target", "o"),
        indicator("I", "T", "o", PARTLY, threshold=80.0),
        link("T", "A"),
        link("A", "B"),
        link("B", "A"),
        link("B", "M"),
    )
    first = model_of(*blocks, valid=False)
    assert score(first, "A") == ("partly-met", 0.5)
    assert score(first, "B") == ("partly-met", 0.5)
    assert score(first, "M") == ("partly-met", 0.5)
    assert goalgraph.progress(model_of(*blocks, valid=False)).to_dict() == goalgraph.progress(first).to_dict()


def test_a_measured_statement_keeps_its_own_figures(model_of: Modeller) -> None:
    model = model_of(
        organisation("o"),
        statement("M", "mission", "o"),
        statement("T", "target", "o"),
        statement("S", "target", "o"),
        indicator("I", "T", "o", NOT_MET),
        indicator("J", "S", "o", MET),
        link("S", "T"),
        link("T", "M"),
    )
    assert score(model, "T") == ("not-met", 0.0)
    assert score(model, "M") == ("not-met", 0.0)


def test_statements_without_figures_have_no_data(model_of: Modeller) -> None:
    model = model_of(organisation("o"), statement("M", "mission", "o"), statement("T", "target", "o"), link("T", "M"))
    found = goalgraph.progress(model)
    assert found.indicators == ()
    assert score(model, "M") == ("no-data", None)
    assert [s.statement for s in found.with_data()] == [model.by_identifier["M"]]  # the top, always


def test_the_period_chooses_the_figures_rolled_up(model_of: Modeller) -> None:
    model = model_of(
        organisation("o"),
        statement("M", "mission", "o"),
        statement("T", "target", "o"),
        indicator("I", "T", "o", [(2019, 90.0, 95.0), (2020, 90.0, 50.0)]),
        link("T", "M"),
    )
    assert score(model, "M") == ("not-met", 0.0)  # the latest
    assert score(model, "M", "2019") == ("met", 1.0)
    assert [r.period for r in goalgraph.progress(model, period="2019").indicators] == ["2019"]


def test_the_synthetic_maalrapportering_gives_the_statuses_its_header_computes(synthetic_model: GoalModel) -> None:
    found = goalgraph.progress(synthetic_model)
    by_id = {synthetic_model.statements[n].identifier: s for n, s in found.statements.items()}
    expected = {
        "S-I1": ("met", 1.0),
        "S-I2": ("partly-met", 0.5),
        "S-I3": ("not-met", 0.0),
        "S-T1": ("met", 1.0),
        "S-T2": ("partly-met", 0.5),
        "S-T3": ("not-met", 0.0),
        "S-O1": ("partly-met", 0.75),
        "S-M1": ("partly-met", 0.75),
        "S-V1": ("partly-met", round(0.3 * 0.75 / 0.66, 4)),
    }
    assert {k: (v.status, round(v.score, 4) if v.score is not None else None) for k, v in by_id.items()} == expected
    i3 = [r for r in found.indicators if synthetic_model.statements[r.indicator].identifier == "S-I3"]
    assert [(r.period, r.status, r.reported) for r in i3] == [
        ("2019", "met", None),
        ("2020", "not-met", None),
        ("2021", "not-met", "not-met"),
    ]
    s_t3 = found.statements[synthetic_model.by_identifier["S-T3"]]
    assert (s_t3.calculated, s_t3.drivers[0].calculated) == (False, False)  # the holder's own verdict
