"""Fixtures for the importers and the StratML and ArchiMate exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import SHARED, missing


@pytest.fixture(scope="session")
def interop_files() -> Path:
    """../shared/interop: real StratML and ArchiMate files; a skip where absent (a failure under CI)."""
    folder = SHARED / "interop"
    if not folder.is_dir():
        missing(f"reference files not found at {folder} (set GOALGRAPH_SHARED to the shared folder)")
    return folder
