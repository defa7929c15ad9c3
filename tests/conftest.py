"""Fixtures shared by the test suite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest
from rdflib import URIRef

import goalgraph
from goalgraph.loading import GoalDataset, find_sources
from goalgraph.namespaces import ONTOLOGY_IRI

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPOSITORY = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Reference material beside the checkout (../shared); GOALGRAPH_SHARED overrides.
SHARED = Path(os.environ.get("GOALGRAPH_SHARED", REPOSITORY.parent / "shared"))
#: The browser tests drive Debian's Chromium with Playwright (its own download cannot work here).
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing(reason: str) -> NoReturn:
    """Skip a test for want of something outside the repository; under CI (``CI=true``), fail it.

    CI sets up everything the tests need (``scripts/setup test``, ../shared beside the
    clone), so something missing there is a broken set-up, not a reason to pass.
    """
    if os.environ.get("CI") == "true":
        pytest.fail(f"cannot run under CI: {reason}")
    pytest.skip(reason)


def browser_missing_reason() -> str | None:
    """Why browser tests cannot run here, or None if they can."""
    if not CHROMIUM.exists():
        return f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    return None


def require_browser() -> None:
    """Skip (or, under CI, fail) a test that needs the browser where there is none."""
    reason = browser_missing_reason()
    if reason is not None:
        missing(f"browser tests need a browser: {reason}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium, started once for the session and shared by every test that needs it.

    One for all: Playwright's sync API runs one event loop per thread, so a second
    ``sync_playwright()`` while this one lives would fail.
    """
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGUMENTS)
        yield launched
        launched.close()


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
