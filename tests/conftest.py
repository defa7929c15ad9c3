"""Fixtures shared by the test suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import goalgraph
from goalgraph.loading import GoalDataset

REPOSITORY = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Reference material beside the checkout (../shared); GOALGRAPH_SHARED overrides.
SHARED = Path(os.environ.get("GOALGRAPH_SHARED", REPOSITORY.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder of reference material, or a skip where it is absent."""
    if not (SHARED / "domain.md").is_file():
        pytest.skip(f"reference material not found at {SHARED} (set GOALGRAPH_SHARED to its folder)")
    return SHARED


@pytest.fixture(scope="session")
def bundled() -> GoalDataset:
    """The ontology and the bundled dataset, loaded once for the session (do not modify)."""
    return goalgraph.load()
