"""The ontology's documentation: one self-contained HTML page, made from the ontology.

>>> import tempfile, pathlib
>>> page = write_docs(pathlib.Path(tempfile.mkdtemp()) / "docs")
>>> page.name, '<article class="term" id="Mission">' in page.read_text(encoding="utf-8")
('index.html', True)

See :mod:`goalgraph.docs.page` for what the page holds and
:mod:`goalgraph.docs.model` for the SPARQL that reads it.
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph, URIRef

from goalgraph.errors import GoalgraphError, SourceError, display_path
from goalgraph.files import write_atomically
from goalgraph.inputs import check_path
from goalgraph.loading import FORMATS, GoalDataset, Source, load

__all__ = ["build_docs", "write_docs"]

#: The page's file name in the folder :func:`write_docs` writes.
PAGE = "index.html"


def _ontology_graph(ontology: Graph | str | os.PathLike[str] | None) -> Graph:
    if ontology is None:
        return load(bundled=False)
    if isinstance(ontology, Graph):
        return ontology
    path = Path(ontology)
    check_path(path, folder=False, missing="no such file")  # a pipe, device or over-long name: one message
    rdf_format = FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise SourceError(f"{ontology}: cannot tell the RDF format from the suffix {path.suffix!r}")
    # The file alone, not beside the packaged ontology, so the page shows what it says.
    dataset = GoalDataset()
    dataset.add_source(Source(path.resolve(), URIRef(path.resolve().as_uri()), rdf_format))
    return dataset


def build_docs(*, ontology: Graph | str | os.PathLike[str] | None = None) -> str:
    """The ontology's documentation page, as HTML.

    Parameters
    ----------
    ontology : rdflib.Graph or path, optional
        The ontology: a graph that holds it, or an RDF file of it. By default, the
        ontology goalgraph ships (``ontology/goalgraph.ttl``).

    Returns
    -------
    str
        A self-contained HTML5 page.

    Raises
    ------
    SourceError
        If `ontology` names a file that does not exist or whose format is unknown.
    DataError
        If that file is not valid RDF.

    Examples
    --------
    >>> html = build_docs()
    >>> html.startswith("<!DOCTYPE html>") and 'id="StrategicMarker"' in html
    True
    """
    from goalgraph.docs.model import read_vocabulary
    from goalgraph.docs.page import render

    return render(read_vocabulary(_ontology_graph(ontology)))


def write_docs(directory: str | os.PathLike[str], *, ontology: Graph | str | os.PathLike[str] | None = None) -> Path:
    """Write the documentation page as ``index.html`` in `directory`, made if need be.

    The page is written whole or not at all (:func:`~goalgraph.files.write_atomically`).

    Parameters
    ----------
    directory : path
        The folder; it and any missing parent folders are made.
    ontology : rdflib.Graph or path, optional
        As for :func:`build_docs`.

    Returns
    -------
    Path
        The page written.

    Raises
    ------
    GoalgraphError
        If the folder cannot be made or written in.
    """
    folder = Path(directory)
    html = build_docs(ontology=ontology)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GoalgraphError(f"{display_path(folder)}: cannot make this folder ({error.strerror})") from None
    return write_atomically(folder / PAGE, html)
