"""Writing files so that a failure leaves nothing half-written."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from goalgraph.errors import GoalgraphError, display_path
from goalgraph.inputs import file_kind

__all__ = ["output_target", "shown_target", "write_atomically"]


def write_atomically(path: str | os.PathLike[str], content: str | bytes) -> Path:
    """Write `content` to `path` through a temporary file in the same folder.

    The temporary file replaces `path` only once it is complete, so a failure (a
    full disk, an interrupted run) leaves `path` as it was and no partial file. A
    symbolic link is written through: its final target is replaced, in the target's
    folder, and the link kept (see :func:`output_target`).

    Returns
    -------
    Path
        `path`, as given.

    Raises
    ------
    GoalgraphError
        If the folder does not exist or cannot be written, or `path` is a folder, a
        device, a FIFO or a socket (or a link to one); nothing is left behind, and
        such a path is left untouched.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomically(folder / "report.md", "# Report\\n").read_text()
    '# Report\\n'
    """
    given = Path(path)
    target = output_target(given)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise GoalgraphError(f"{shown_target(given, target)}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        # mkstemp makes the file private (0600); give it the mode a plainly written file has.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise GoalgraphError(f"{shown_target(given, target)}: cannot write ({error.strerror})") from None
        raise
    return given


def output_target(path: str | os.PathLike[str]) -> Path:
    """The file that writing `path` replaces: `path`, or the final target of a link.

    A symbolic link (or a chain of them) is followed to its final target, which need
    not exist yet, so that replacing the file keeps the link; the target has to be a
    regular file or nothing yet. Nothing is written.

    Raises
    ------
    GoalgraphError
        If `path` (or what it links to) is a folder, a device, a FIFO or a socket,
        which a replacement would destroy, or the links go round in a loop.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "link.ttl").symlink_to("data.ttl")
    >>> output_target(folder / "link.ttl") == (folder / "data.ttl").resolve()
    True
    >>> output_target("/dev/null")
    Traceback (most recent call last):
    ...
    goalgraph.errors.GoalgraphError: /dev/null: a character device, not a regular file: give the path of a file to write
    """
    given = Path(path)
    # realpath follows every link in the path, a chain and a dangling one included;
    # what it leaves as a link is one that goes round in a loop.
    target = Path(os.path.realpath(given))
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return target
    except OSError as error:
        if error.errno != errno.ELOOP:
            raise GoalgraphError(f"{display_path(target)}: cannot write ({error.strerror})") from None
        mode = stat.S_IFLNK
    if stat.S_ISLNK(mode):
        raise GoalgraphError(f"{os.fspath(given)}: a loop of symbolic links: point the link at a file")
    if not stat.S_ISREG(mode):
        kind = file_kind(mode)
        raise GoalgraphError(
            f"{shown_target(given, target)}: {kind}, not a regular file: give the path of a file to write"
        )
    return target


def shown_target(given: Path, target: Path) -> str:
    """A path to write, for a message: as given and where it leads, if it is a link."""
    return f"{given} (a link to {display_path(target)})" if given.is_symlink() else display_path(target)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
