"""Fixtures of the analysis tests (the Turtle builders are in builders.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import goalgraph
from goalgraph.loading import GoalDataset

from .builders import PREFIXES, Loader, markdown_table


@pytest.fixture
def load_turtle(tmp_path: Path) -> Loader:
    """Write the given Turtle blocks (after the prefixes) to a file and load it alone."""

    def load(*blocks: str) -> GoalDataset:
        path = tmp_path / f"graph-{len(list(tmp_path.iterdir()))}.ttl"
        path.write_text(PREFIXES + "\n".join(blocks), encoding="utf-8")
        return goalgraph.load([path], bundled=False)

    return load


@pytest.fixture(scope="session")
def curated_table(shared: Path) -> list[tuple[str, str, str]]:
    """domain.md's curated alignments as (from, to, strength) identifiers."""
    domain = (shared / "domain.md").read_text(encoding="utf-8")
    return [(row[0], row[1], row[2]) for row in markdown_table(domain, "- **curated**")]
