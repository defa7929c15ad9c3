"""Fixtures shared by the test suite."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest
from rdflib import URIRef

import goalgraph
from goalgraph.loading import GoalDataset, find_sources
from goalgraph.namespaces import ONTOLOGY_IRI

REPOSITORY = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Reference material beside the checkout (../shared); GOALGRAPH_SHARED overrides.
SHARED = Path(os.environ.get("GOALGRAPH_SHARED", REPOSITORY.parent / "shared"))


def missing(reason: str) -> NoReturn:
    """Skip a test for want of something outside the repository; under CI (``CI=true``), fail it.

    CI sets up everything the tests need (``scripts/setup test``, ../shared beside the
    clone), so something missing there is a broken set-up, not a reason to pass.
    """
    if os.environ.get("CI") == "true":
        pytest.fail(f"cannot run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder of reference material; a skip where it is absent (a failure under CI)."""
    if not (SHARED / "domain.md").is_file():
        missing(f"reference material not found at {SHARED} (set GOALGRAPH_SHARED to its folder)")
    return SHARED


@pytest.fixture(scope="session")
def bundled() -> GoalDataset:
    """The ontology and the bundled dataset, loaded once for the session (do not modify)."""
    return goalgraph.load()


#: The bundled files of the first source, the page "Vores mål" (domain.md's statements and
#: curated table), without the dataset extension (data/target-plans-2019.yaml).
VORES_MAAL_FILES = ["organisations.ttl", "vores-maal.ttl", "alignments-curated.ttl", "dataset.ttl"]


@pytest.fixture(scope="session")
def vores_maal() -> GoalDataset:
    """The ontology and the Vores mål part of the bundled dataset only (do not modify).

    Tests that check the data against domain.md's seed tables (22 statements, the
    curated table, the gaps it leaves) use this, so the dataset extension's targets
    and alignments do not change what they check.
    """
    dataset = GoalDataset()
    for source in find_sources(bundled=True):
        # The bundled files as the loader names them ({base}graph/vores-maal...), less the extension.
        if source.path.name in VORES_MAAL_FILES or source.graph == URIRef(ONTOLOGY_IRI):
            dataset.add_source(source)
    return dataset
