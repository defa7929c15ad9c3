"""Writing files so that a failure leaves nothing half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from goalgraph.errors import GoalgraphError, display_path

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike[str], content: str | bytes) -> Path:
    """Write `content` to `path` through a temporary file in the same folder.

    The temporary file replaces `path` only once it is complete, so a failure (a
    full disk, an interrupted run) leaves `path` as it was and no partial file.

    Raises
    ------
    GoalgraphError
        If the folder does not exist or cannot be written; nothing is left behind.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomically(folder / "report.md", "# Report\\n").read_text()
    '# Report\\n'
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise GoalgraphError(f"{display_path(target)}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        # mkstemp makes the file private (0600); give it the mode a plainly written file has.
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise GoalgraphError(f"{display_path(target)}: cannot write ({error.strerror})") from None
        raise
    return target


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
