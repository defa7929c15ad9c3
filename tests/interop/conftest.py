"""Fixtures for the importers and the StratML and ArchiMate exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import SHARED


@pytest.fixture(scope="session")
def interop_files() -> Path:
    """../shared/interop: real StratML and ArchiMate files, or a skip where it is absent."""
    folder = SHARED / "interop"
    if not folder.is_dir():
        pytest.skip(f"reference files not found at {folder} (set GOALGRAPH_SHARED to the shared folder)")
    return folder
