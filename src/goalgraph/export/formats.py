"""The formats goalgraph exports to: names, file suffixes, media types and options."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import PurePath
from types import MappingProxyType
from typing import Any, cast

from goalgraph.errors import GoalgraphError
from goalgraph.memory import paused_gc

__all__ = [
    "DOWNLOADS",
    "FORMATS",
    "SUFFIXES",
    "ExportFormat",
    "FormatError",
    "export_format",
    "format_for_output",
    "format_for_path",
]


class FormatError(GoalgraphError):
    """A format, or an option of one, that goalgraph does not export (a usage error: exit 2)."""

    exit_code = 2


@dataclass(frozen=True)
class ExportFormat:
    """One format goalgraph exports to.

    Attributes
    ----------
    name : str
        As ``goalgraph export --format`` takes it: ``turtle``, ``jsonld``...
    title : str
        The format's name for people.
    suffix : str
        The usual file name suffix, with its dot.
    media_type : str
        The media type of what :func:`~goalgraph.export.export` returns, for
        serving it over HTTP.
    contents : str
        What the file holds: ``"dataset"`` (every named graph kept apart),
        ``"merged"`` (every triple, the named graphs merged), ``"tables"``,
        ``"alignment graph"``, ``"plan"`` (one plan, in another standard's model)
        or ``"model"`` (the goal graph in another standard's model).
    options : tuple of str
        The keyword options the format takes.
    member_media_type : str or None
        For an archive (CSV), the media type of each file in it.
    """

    name: str
    title: str
    suffix: str
    media_type: str
    contents: str
    options: tuple[str, ...] = ()
    member_media_type: str | None = None
    writer: str = field(default="", repr=False)

    @property
    def is_rdf(self) -> bool:
        """Whether the file carries the dataset's triples, to be read back as RDF."""
        return self.contents in ("dataset", "merged")

    @property
    def is_download(self) -> bool:
        """Whether the site and the server offer it as ``goalgraph{suffix}``.

        StratML and ArchiMate are left out: both are ``.xml``, and a StratML
        document holds one plan, chosen by the user.
        """
        return self.contents not in ("plan", "model")

    def check_options(self, options: Mapping[str, Any]) -> None:
        """Raise FormatError if `options` names one this format does not take."""
        unknown = sorted(set(options) - set(self.options))
        if unknown:
            takes = ", ".join(self.options) if self.options else "no options"
            raise FormatError(f"the {self.name} export takes {takes}, not {', '.join(unknown)}")

    def write(self, graph: object, **options: Any) -> bytes:
        """Run this format's writer: `graph` in this format."""
        self.check_options(options)
        module, function = self.writer.split(":")
        # Imported when used, so that writing Turtle does not import networkx.
        writer = cast(Callable[..., bytes], getattr(import_module(module), function))
        with paused_gc():
            return writer(graph, **options)


_RDF_OPTIONS = ("include_ontology",)

#: Every export format by name.
FORMATS: Mapping[str, ExportFormat] = MappingProxyType(
    {
        f.name: f
        for f in [
            ExportFormat(
                "turtle", "Turtle", ".ttl", "text/turtle", "merged", _RDF_OPTIONS,
                writer="goalgraph.export.turtle:turtle",
            ),
            ExportFormat(
                "trig", "TriG", ".trig", "application/trig", "dataset", _RDF_OPTIONS,
                writer="goalgraph.export.turtle:trig",
            ),
            ExportFormat(
                "jsonld", "JSON-LD", ".jsonld", "application/ld+json", "dataset",
                ("include_ontology", "context_url", "named_graphs"),
                writer="goalgraph.export.jsonld:jsonld",
            ),
            ExportFormat(
                "rdfxml", "RDF/XML", ".rdf", "application/rdf+xml", "merged", _RDF_OPTIONS,
                writer="goalgraph.export.rdfxml:rdfxml",
            ),
            ExportFormat(
                "ntriples", "N-Triples", ".nt", "application/n-triples", "merged", _RDF_OPTIONS,
                writer="goalgraph.export.turtle:ntriples",
            ),
            ExportFormat(
                "nquads", "N-Quads", ".nq", "application/n-quads", "dataset", _RDF_OPTIONS,
                writer="goalgraph.export.turtle:nquads",
            ),
            ExportFormat(
                "csv", "CSV (statements.csv and alignments.csv, zipped)", ".zip", "application/zip",
                "tables", ("bom", "delimiter"), member_media_type="text/csv",
                writer="goalgraph.export.tables:csv_zip",
            ),
            ExportFormat(
                "graphml", "GraphML", ".graphml", "application/graphml+xml", "alignment graph",
                ("include_suggested",),
                writer="goalgraph.export.graphml:graphml",
            ),
            ExportFormat(
                "stratml", "StratML Part 2 (PerformancePlanOrReport)", ".xml", "application/xml", "plan",
                ("plan",), writer="goalgraph.export.stratml:stratml",
            ),
            ExportFormat(
                "archimate", "ArchiMate 3.1 Open Exchange Format", ".xml", "application/xml", "model",
                writer="goalgraph.export.archimate:archimate",
            ),
        ]
    }
)  # fmt: skip

#: The formats the site and the server offer as ``goalgraph{suffix}`` (see
#: :attr:`ExportFormat.is_download`).
DOWNLOADS: tuple[ExportFormat, ...] = tuple(f for f in FORMATS.values() if f.is_download)

# Suffixes that name a format besides each format's own.
_OTHER_SUFFIXES = {
    ".turtle": "turtle",
    ".json": "jsonld",
    ".owl": "rdfxml",
}

#: Every file name suffix that names a format (lower case), and that format's name.
#: Not ``.xml``, which could be StratML or ArchiMate.
SUFFIXES: Mapping[str, str] = MappingProxyType({**{f.suffix: f.name for f in DOWNLOADS}, **_OTHER_SUFFIXES})

# Why a suffix that looks like a format's names none, said with the refusal.
_SUFFIX_HINTS = {
    ".csv": "csv writes two tables: -o FILE.zip, or --format csv -o FOLDER for the two files",
    ".xml": ".xml could be --format stratml or --format archimate",
}


def export_format(name: str) -> ExportFormat:
    """The export format called `name` (case does not matter).

    Raises
    ------
    FormatError
        If goalgraph exports to no format of that name.

    Examples
    --------
    >>> export_format("Turtle").media_type
    'text/turtle'
    """
    found = FORMATS.get(name.lower())
    if found is None:
        raise FormatError(f"no export format {name!r}; the formats are {', '.join(FORMATS)}")
    return found


def format_for_path(path: str | PurePath) -> ExportFormat | None:
    """The format a file name's suffix names (``out.ttl`` → Turtle), or None.

    Examples
    --------
    >>> format_for_path("goals.jsonld").name
    'jsonld'
    >>> format_for_path("goals.txt") is None
    True
    """
    name = SUFFIXES.get(PurePath(path).suffix.lower())
    return None if name is None else FORMATS[name]


def format_for_output(path: str | PurePath) -> ExportFormat:
    """The format a file name's suffix names, for writing there without a format given.

    Raises
    ------
    FormatError
        If the suffix names no format (or there is none), listing those that do:
        a file is never written in a format its name does not say.

    Examples
    --------
    >>> format_for_output("out/goals.nq").name
    'nquads'
    >>> format_for_output("tables.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    goalgraph.export.formats.FormatError: tables.csv: the suffix says no format (.graphml, ...); csv writes ...
    """
    found = format_for_path(path)
    if found is None:
        suffix = PurePath(path).suffix.lower()
        hint = f"; {_SUFFIX_HINTS[suffix]}" if suffix in _SUFFIX_HINTS else ""
        known = ", ".join(sorted(SUFFIXES))
        raise FormatError(f"{path}: the suffix says no format ({known}){hint}; or give --format")
    return found
