"""Atomic writes: all or nothing, through links, never onto a device, a FIFO or a folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
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


def a_character_device(folder: Path) -> Path:
    """A character device to write to: a copy of /dev/full in `folder` where this user may make one.

    As root, a test that failed would replace the device it wrote to: a copy of
    /dev/full (major 1, minor 7) made here keeps the real one out of harm's way.
    Elsewhere /dev/full itself, which a user other than root cannot replace.
    """
    device = folder / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        assert not os.access("/dev", os.W_OK), "cannot make a device, and /dev/full is not safe to test on"
        return Path("/dev/full")
    return device


def test_a_link_is_written_through_and_kept(tmp_path: Path) -> None:
    (tmp_path / "data.ttl").write_text("old")
    (tmp_path / "link.ttl").symlink_to("data.ttl")
    (tmp_path / "chain.ttl").symlink_to("link.ttl")
    assert write_atomically(tmp_path / "chain.ttl", "new") == tmp_path / "chain.ttl"
    assert (tmp_path / "data.ttl").read_text() == "new"
    assert os.readlink(tmp_path / "chain.ttl") == "link.ttl"
    assert os.readlink(tmp_path / "link.ttl") == "data.ttl"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chain.ttl", "data.ttl", "link.ttl"]


def test_a_dangling_link_gets_its_target(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link.ttl").symlink_to("elsewhere/new.ttl")
    write_atomically(tmp_path / "link.ttl", "new")
    assert (tmp_path / "elsewhere" / "new.ttl").read_text() == "new"
    assert (tmp_path / "link.ttl").is_symlink()
    assert [p.name for p in (tmp_path / "elsewhere").iterdir()] == ["new.ttl"]


def test_a_dangling_link_into_no_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "link.ttl").symlink_to("nowhere/new.ttl")
    with pytest.raises(GoalgraphError, match=r"link\.ttl \(a link to .*nowhere/new\.ttl\): cannot write here"):
        write_atomically(tmp_path / "link.ttl", "new")
    assert os.readlink(tmp_path / "link.ttl") == "nowhere/new.ttl"
    assert [p.name for p in tmp_path.iterdir()] == ["link.ttl"]


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").symlink_to("b.ttl")
    (tmp_path / "b.ttl").symlink_to("a.ttl")
    with pytest.raises(GoalgraphError, match=r"a\.ttl: a loop of symbolic links"):
        write_atomically(tmp_path / "a.ttl", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.ttl"]
    assert os.readlink(tmp_path / "a.ttl") == "b.ttl"


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda path: os.mkfifo(path), "a named pipe"),
        (lambda path: path.mkdir(), "a folder"),
    ],
    ids=["fifo", "folder"],
)
def test_special_files_are_refused_and_left_alone(tmp_path: Path, make: Callable[[Path], None], kind: str) -> None:
    target = tmp_path / "out.ttl"
    make(target)
    before = target.lstat()
    with pytest.raises(GoalgraphError, match=rf"out\.ttl: {kind}.*, not a regular file"):
        write_atomically(target, "x")
    after = target.lstat()
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]
    # A link to it is refused as well, and kept.
    (tmp_path / "link.ttl").symlink_to("out.ttl")
    with pytest.raises(GoalgraphError, match=rf"link\.ttl \(a link to .*out\.ttl\): {kind}"):
        write_atomically(tmp_path / "link.ttl", "x")
    assert (tmp_path / "link.ttl").is_symlink()


def test_a_device_is_refused_and_left_alone(tmp_path: Path) -> None:
    device = a_character_device(tmp_path)
    before = device.lstat()
    with pytest.raises(GoalgraphError, match="a character device, not a regular file"):
        write_atomically(device, "x")
    after = device.lstat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not [p for p in device.parent.iterdir() if p.name.startswith(".full.")]
