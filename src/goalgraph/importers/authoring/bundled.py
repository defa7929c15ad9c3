"""Identifiers of the bundled dataset, for a helpful message when a file uses one.

Identifiers name things of the same file only; a file that writes ``SM2`` for the
bundled marker is told the IRI to write instead. Read only when that happens.
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from goalgraph.bases import DEFAULT_BASE
from goalgraph.resources import bundled_data_dir

__all__ = ["bundled_identifier"]

_IDENTIFIER = "http://purl.org/dc/terms/identifier"


@cache
def _identifiers() -> dict[str, str]:
    store = ox.Store()
    for path in sorted(bundled_data_dir().glob("*")):
        # The bundled files are Turtle (and YAML, read elsewhere): Oxigraph names the format from the suffix.
        rdf_format = ox.RdfFormat.from_extension(path.suffix.lower().lstrip("."))
        if rdf_format is not None:
            store.load(path=str(path), format=rdf_format, base_iri=DEFAULT_BASE)
    found: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(_IDENTIFIER), None, None):
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
            found.setdefault(quad.object.value, quad.subject.value.removeprefix(DEFAULT_BASE))
    return found


def bundled_identifier(identifier: str) -> str | None:
    """The relative IRI of the bundled statement or plan with `identifier`, if there is one.

    >>> bundled_identifier("SM2")
    'anklagemyndigheden/2019/marker/aaben-og-borgerrettet-opgaveloesning'
    >>> bundled_identifier("NOPE") is None
    True
    """
    return _identifiers().get(identifier) or None
