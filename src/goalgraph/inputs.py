"""Checks on the paths goalgraph is given to read, made before anything opens them.

A path may name something that is not a file: a named pipe (opening one waits for
a writer, for ever), a socket or a device. It may be a name the system refuses
(longer than 255 bytes, or a whole path longer than the system's limit), a
symbolic link that loops, or a file or folder that cannot be read.
:func:`check_path` looks with ``stat``, which opens nothing, and turns each of
these into one message that names the path.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from goalgraph.errors import GoalgraphError, SourceError

__all__ = ["check_path", "describe", "file_kind", "shorten"]

#: What a path is shown as at most, in characters: a name too long for the system is
#: shortened in the middle, so the message stays one readable line.
_SHOWN = 120

#: What each kind of file is called in messages, by its type in ``st_mode``.
_KINDS = {
    stat.S_IFREG: "a file",
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def file_kind(mode: int) -> str:
    """What a file of `mode` (from ``stat``) is, as messages say it.

    Examples
    --------
    >>> file_kind(os.stat("/dev/null").st_mode)
    'a character device'
    """
    return _KINDS.get(stat.S_IFMT(mode), "a special file")


def shorten(path: str | os.PathLike[str]) -> str:
    """`path` as a message shows it: whole, or its start and end when it is very long.

    Examples
    --------
    >>> shorten("data/goals.ttl")
    'data/goals.ttl'
    >>> shown = shorten("a" + "x" * 300 + ".ttl")
    >>> shown[:3], shown[-5:], len(shown)
    ('axx', 'x.ttl', 119)
    """
    text = os.fspath(path)
    if len(text) <= _SHOWN:
        return text
    half = (_SHOWN - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def _limit(name: str, default: int) -> int:
    try:
        return int(os.pathconf("/", name))
    except (OSError, ValueError, AttributeError):  # not POSIX, or no such limit
        return default


def describe(error: OSError, missing: str = "no such file or folder") -> str:
    """What `error`, raised for a path, means, in a few words for the person who gave the path.

    Parameters
    ----------
    error : OSError
        From ``stat``, ``open`` or ``scandir``, with its ``filename``.
    missing : str
        What to say when there is nothing at the path.

    Examples
    --------
    >>> describe(FileNotFoundError(errno.ENOENT, "No such file or directory", "x.ttl"))
    'no such file or folder'
    >>> describe(OSError(errno.ENAMETOOLONG, "File name too long", "y" * 300))
    'the name yyyy…yyyy is 300 bytes long; a file name may have at most 255'
    """
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return missing
    if error.errno == errno.ENAMETOOLONG:
        path = os.fsencode(error.filename or "")
        longest = max(path.split(b"/"), key=len)
        name_max = _limit("PC_NAME_MAX", 255)
        if len(longest) > name_max:
            name = os.fsdecode(longest)
            return (
                f"the name {name[:4]}…{name[-4:]} is {len(longest)} bytes long; a file name may have at most {name_max}"
            )
        return f"the path is {len(path)} bytes long; this system allows at most {_limit('PC_PATH_MAX', 4096)}"
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops (too many levels of symbolic links)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (error.strerror or str(error)).lower()


def check_path(
    path: Path,
    *,
    folder: bool = True,
    missing: str = "no such file or folder",
    error: Callable[[str], GoalgraphError] = SourceError,
) -> bool:
    """Whether `path` is a folder; an error unless it is a regular file (or a folder, if `folder`).

    Nothing is opened: a named pipe would block the first read for ever.

    Parameters
    ----------
    path : Path
        As given; the message shows it so (shortened if very long).
    folder : bool
        Whether a folder is acceptable.
    missing : str
        The message's end when nothing is there.
    error : callable
        Makes the exception from the message (``path: what is wrong``).

    Returns
    -------
    bool
        True for a folder, False for a file.

    Raises
    ------
    SourceError, or what `error` makes
        If nothing is there, the path cannot be looked at (too long, a looping link,
        no permission), or it is neither a regular file nor, if `folder`, a folder.
    """
    try:
        mode = path.stat().st_mode  # follows symbolic links, as opening would
    except OSError as problem:
        raise error(f"{shorten(path)}: {describe(problem, missing)}") from None
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISDIR(mode):
        if folder:
            return True
        raise error(f"{shorten(path)}: a folder, not a file")
    kind = file_kind(mode)
    accepted = "regular files and folders" if folder else "regular files"
    raise error(f"{shorten(path)}: {kind}; goalgraph reads {accepted} only (a pipe would make it wait for ever)")
