"""Atomic writes: all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from goalgraph.errors import GoalgraphError
from goalgraph.files import write_atomically


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomically(target, "first")
    write_atomically(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GoalgraphError, match=r"nowhere/out\.txt: cannot write here"):
        write_atomically(tmp_path / "nowhere" / "out.txt", "x")


def test_a_failure_midway_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(GoalgraphError, match="No space left on device"):
        write_atomically(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_mode_is_that_of_a_plainly_written_file(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    written = write_atomically(tmp_path / "atomic.txt", "x")
    assert written.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
    os.chmod(written, 0o640)
    write_atomically(written, "y")
    assert written.stat().st_mode & 0o777 == 0o640
