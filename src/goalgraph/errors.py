"""The errors goalgraph raises for bad input.

Each carries one message written for the person who gave the input, and the exit
status the command line uses for it, so the command line can print the message
alone, without a traceback.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DataError", "GoalgraphError", "SourceError"]


class GoalgraphError(Exception):
    """Bad input that goalgraph can explain in one message.

    Attributes
    ----------
    exit_code : int
        The exit status of the command line for this error.
    """

    exit_code: int = 1


class SourceError(GoalgraphError):
    """A path that cannot be loaded: missing, a folder with no RDF, an unknown format.

    The command line treats it as a usage error (exit status 2).
    """

    exit_code = 2


class DataError(GoalgraphError):
    """A file whose content is not valid RDF in its format.

    Parameters
    ----------
    path : str
        The file, as shown to the user.
    message : str
        What is wrong.
    line, column : int, optional
        Where it is wrong, counting from 1.

    Examples
    --------
    >>> str(DataError("data/x.ttl", "Unexpected end of file", line=3, column=11))
    'data/x.ttl:3: Unexpected end of file (column 11)'
    """

    def __init__(self, path: str, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}" + (f" (column {column})" if line and column else ""))


def display_path(path: Path) -> str:
    """Show `path` relative to the working folder when it is inside it, else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())
