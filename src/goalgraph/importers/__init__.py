"""Importers: strategies written in formats other than RDF, read into goalgraph's model.

Each importer reads one file and returns an rdflib :class:`~rdflib.Graph` in the
goalgraph ontology, with relative IRIs resolved against the dataset's base. The
loader uses them for ``--data`` files it cannot parse as RDF (see
:func:`importer_for_path`), and ``goalgraph import FORMAT FILE`` writes their
result as Turtle.

>>> from goalgraph.importers import IMPORTERS
>>> sorted(IMPORTERS)
['archimate', 'csv', 'stratml', 'yaml']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from types import MappingProxyType
from typing import cast

from rdflib import Graph

from goalgraph.bases import resolve_base
from goalgraph.errors import SourceError
from goalgraph.inputs import check_path

__all__ = ["IMPORTERS", "Importer", "import_file", "importer", "importer_for_path"]

#: How many bytes of an XML file are read to tell StratML from ArchiMate.
_SNIFF = 4096


@dataclass(frozen=True)
class Importer:
    """A format goalgraph imports.

    Attributes
    ----------
    name : str
        As ``goalgraph import`` takes it.
    title : str
        The format's name for people.
    suffixes : tuple of str
        File name suffixes that name it (``.xml`` is shared: the root element decides).
    markers : tuple of str
        Strings whose presence near the start of an XML file identifies the format
        (its namespaces).
    """

    name: str
    title: str
    suffixes: tuple[str, ...]
    markers: tuple[str, ...] = ()
    reader: str = field(default="", repr=False)

    def read(self, path: Path, *, base: str) -> Graph:
        """Read `path` into a graph of the goalgraph ontology.

        Raises
        ------
        goalgraph.errors.DataError
            If the file is not valid in this format; the message names the file and
            the line (and, for YAML, the key).
        """
        module, function = self.reader.split(":")
        # Imported when used: reading Turtle does not import PyYAML or defusedxml.
        read = cast(Callable[..., Graph], getattr(import_module(module), function))
        return read(path, base=base)


#: Every import format by name.
IMPORTERS: Mapping[str, Importer] = MappingProxyType(
    {
        i.name: i
        for i in [
            Importer("yaml", "goalgraph's YAML authoring format", (".yaml", ".yml"),
                     reader="goalgraph.importers.authoring:read_yaml"),
            Importer("csv", "goalgraph's CSV authoring format (statements and alignments)", (".csv",),
                     reader="goalgraph.importers.authoring:read_csv"),
            Importer("stratml", "StratML (ISO 17469-1, Part 1 and Part 2)", (".xml", ".stratml"),
                     ("urn:ISO:std:iso:17469:tech:xsd:",), reader="goalgraph.importers.stratml:read_stratml"),
            Importer("archimate", "ArchiMate Open Exchange Format (3.x and 2.1)", (".xml", ".archimate"),
                     ("http://www.opengroup.org/xsd/archimate",),
                     reader="goalgraph.importers.archimate:read_archimate"),
        ]
    }
)  # fmt: skip


def importer(name: str) -> Importer:
    """The importer called `name`.

    Raises
    ------
    SourceError
        If there is none by that name.
    """
    found = IMPORTERS.get(name.lower())
    if found is None:
        raise SourceError(f"no import format {name!r}; the formats are {', '.join(IMPORTERS)}")
    return found


def importer_for_path(path: Path) -> Importer | None:
    """The importer for `path`, from its suffix and, for XML, its namespaces; None if none.

    A CSV file is the statements table of the CSV pair (the alignments sit beside it).
    """
    suffix = path.suffix.lower()
    candidates = [i for i in IMPORTERS.values() if suffix in i.suffixes]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    try:
        with path.open("rb") as file:
            start = file.read(_SNIFF).decode("utf-8", "replace")
    except OSError:
        return None
    return next((i for i in candidates if any(marker in start for marker in i.markers)), None)


def import_file(path: str | Path, format: str | None = None, *, base: str | None = None) -> Graph:
    """Read a file in one of the :data:`IMPORTERS`' formats into a goalgraph graph.

    Parameters
    ----------
    path : str or Path
        The file.
    format : str, optional
        The importer's name; by default, from the file (see :func:`importer_for_path`).
    base : str, optional
        The base namespace relative IRIs resolve against (see
        :func:`goalgraph.bases.resolve_base`).

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    SourceError
        If the file does not exist, is not a regular file (a named pipe, a device:
        nothing is opened) or its format cannot be told.
    goalgraph.errors.DataError
        If the file is not valid in its format.
    """
    path = Path(path)
    check_path(path, folder=False, missing="no such file")  # before the format is sniffed: a pipe would block
    chosen = importer(format) if format else importer_for_path(path)
    if chosen is None:
        raise SourceError(f"{path}: cannot tell its format; name it: {', '.join(IMPORTERS)}")
    return chosen.read(path, base=resolve_base(base))
