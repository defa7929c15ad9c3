"""Export a dataset to a file format: :func:`export` for the bytes, :func:`write_export` for a file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from rdflib import Graph

from goalgraph.errors import GoalgraphError, display_path
from goalgraph.export.formats import export_format
from goalgraph.files import output_target, shown_target, write_atomically

__all__ = ["export", "write_export"]


def export(graph: Graph, format: str, **options: Any) -> bytes:
    """The dataset in `format`, as bytes.

    Parameters
    ----------
    graph : rdflib.Graph
        A dataset from :func:`goalgraph.load` (any rdflib graph for the RDF formats).
    format : str
        A name in :data:`~goalgraph.export.FORMATS`: ``turtle``, ``trig``,
        ``jsonld``, ``rdfxml``, ``ntriples``, ``nquads``, ``csv`` (a zip of two
        tables) or ``graphml``.
    **options
        The format's options: ``include_ontology=False`` (RDF formats) leaves the
        ontology's graph out; ``context_url=True`` (JSON-LD) refers to the
        published context instead of embedding it, ``named_graphs=False`` merges
        the graphs; ``bom=False`` and ``delimiter=";"`` (CSV);
        ``include_suggested=False`` (GraphML).

    Returns
    -------
    bytes
        The file's content (UTF-8 text, or a zip archive for CSV).

    Raises
    ------
    FormatError
        For an unknown format, or an option the format does not take.
    GoalgraphError
        If the data holds something the format cannot say (for RDF/XML, a
        property IRI that is no XML name, say).

    Examples
    --------
    >>> import goalgraph
    >>> export(goalgraph.load(), "ntriples", include_ontology=False)[:1]
    b'<'
    """
    return export_format(format).write(graph, **options)


def write_export(graph: Graph, format: str, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write the dataset in `format` to the file `path`, all or nothing.

    The whole export is made before anything is written, and written through a
    temporary file (:func:`~goalgraph.files.write_atomically`), so a failure at any
    point leaves no partial file, and an existing file as it was; a symbolic link
    is written through to its target. For ``csv``, `path` may name an existing
    folder: ``statements.csv`` and ``alignments.csv`` are written into it (each
    file whole; both made before either is written) instead of a zip.

    Parameters
    ----------
    graph : rdflib.Graph
        A dataset from :func:`goalgraph.load`.
    format : str
        As for :func:`export`.
    path : path
        The file to write (or, for ``csv``, a folder).
    **options
        As for :func:`export`.

    Returns
    -------
    Path
        What was written: the file, or the folder.

    Raises
    ------
    GoalgraphError
        If the folder to write in does not exist or cannot be written, if `path`
        (or, for a folder, a table's file in it) is a device, a FIFO, a socket or a
        folder, checked before the export is made; or as :func:`export` raises.

    Examples
    --------
    >>> import goalgraph, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_export(goalgraph.load(), "turtle", folder / "goals.ttl").name
    'goals.ttl'
    >>> sorted(p.name for p in write_export(goalgraph.load(), "csv", folder).glob("*.csv"))
    ['alignments.csv', 'statements.csv']
    """
    chosen = export_format(format)
    chosen.check_options(options)
    target = Path(path)
    if chosen.name == "csv" and target.is_dir():
        from goalgraph.export.tables import TABLES, csv_tables

        # Both files checked (not a FIFO, a device...) before either is written.
        for name in TABLES:
            output_target(target / name)
        tables = csv_tables(graph, **options)
        for name, content in tables.items():
            write_atomically(target / name, content)
        return target
    # Fail before the work, not after it, when there is nowhere to put the result
    # (or it is a device, a FIFO or a folder, which write_atomically refuses).
    final = output_target(target)
    if not final.parent.is_dir():
        raise GoalgraphError(
            f"{shown_target(target, final)}: cannot write here (no folder {display_path(final.parent)})"
        )
    return write_atomically(target, chosen.write(graph, **options))
