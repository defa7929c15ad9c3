"""Fixtures of the achievement tests: small graphs as Turtle, and the synthetic målrapportering."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import goalgraph
from goalgraph.loading import GoalDataset
from goalgraph.model import GoalModel, read_model
from tests.analysis.builders import PREFIXES

#: The synthetic target plan with results (its header says what each status must be).
SYNTHETIC = Path(__file__).resolve().parents[1] / "fixtures" / "achievement" / "maalrapportering-synthetic.ttl"

Modeller = Callable[..., GoalModel]


@pytest.fixture
def model_of(tmp_path: Path) -> Modeller:
    """Write Turtle blocks (after the prefixes) to a file, load it alone, check it is valid, read its model."""

    def build(*blocks: str, valid: bool = True) -> GoalModel:
        path = tmp_path / f"graph-{len(list(tmp_path.iterdir()))}.ttl"
        prefixes = PREFIXES + "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        path.write_text(prefixes + "\n".join(blocks), encoding="utf-8")
        dataset = goalgraph.load([path], bundled=False)
        if valid:  # an invalid graph (a cycle) is asked for by valid=False
            report = goalgraph.validate(dataset)
            assert report.conforms, str(report)
        return read_model(dataset)

    return build


@pytest.fixture(scope="session")
def synthetic() -> GoalDataset:
    return goalgraph.load([SYNTHETIC], bundled=False)


@pytest.fixture(scope="session")
def synthetic_model(synthetic: GoalDataset) -> GoalModel:
    return read_model(synthetic)
