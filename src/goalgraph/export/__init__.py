"""Exports: the dataset as RDF files, JSON-LD, CSV tables, GraphML, StratML and ArchiMate.

>>> import goalgraph
>>> from goalgraph.export import FORMATS, export
>>> sorted(FORMATS)
['archimate', 'csv', 'graphml', 'jsonld', 'nquads', 'ntriples', 'rdfxml', 'stratml', 'trig', 'turtle']
>>> FORMATS["jsonld"].media_type, FORMATS["jsonld"].suffix
('application/ld+json', '.jsonld')
>>> export(goalgraph.load(), "turtle").startswith(b"@prefix archimate:")
True

Every RDF format carries the whole dataset: every named graph, the ontology's
included unless ``include_ontology=False``. TriG, N-Quads and JSON-LD keep each
source file in its named graph; Turtle, N-Triples and RDF/XML merge them. Turtle,
TriG, N-Triples and N-Quads are sorted, and every format gives the same bytes for
the same data, so versions diff well. See :mod:`goalgraph.export.turtle`,
:mod:`~goalgraph.export.jsonld`, :mod:`~goalgraph.export.rdfxml`,
:mod:`~goalgraph.export.tables` (CSV) and :mod:`~goalgraph.export.graphml`.
"""

from __future__ import annotations

from goalgraph.export.context import CONTEXT_URL
from goalgraph.export.exporting import export, write_export
from goalgraph.export.formats import (
    DOWNLOADS,
    FORMATS,
    SUFFIXES,
    ExportFormat,
    FormatError,
    export_format,
    format_for_output,
    format_for_path,
)

__all__ = [
    "CONTEXT_URL",
    "DOWNLOADS",
    "FORMATS",
    "SUFFIXES",
    "ExportFormat",
    "FormatError",
    "export",
    "export_format",
    "format_for_output",
    "format_for_path",
    "write_export",
]
