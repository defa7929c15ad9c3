"""The published JSON-LD context (``goalgraph/context.jsonld``) and the prefixes it declares.

The context is goalgraph's one list of short names: the JSON-LD export compacts with
it, and the Turtle and TriG exports take their prefixes from it, so a prefix means
the same namespace in every file goalgraph writes. It is published at
:data:`CONTEXT_URL`; files that refer to it by that address parse offline when the
parser is given the packaged copy (see :func:`context_document`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

__all__ = ["CONTEXT_URL", "context_definition", "context_document", "context_prefixes", "context_text"]

#: Where the context is published.
CONTEXT_URL = "https://w3id.org/goalgraph/context.jsonld"

# The characters an IRI that JSON-LD 1.1 lets a term be a prefix for ends with.
_GEN_DELIMS = tuple(":/?#[]@")


@cache
def context_text() -> str:
    """The packaged ``context.jsonld``, as published."""
    return files("goalgraph").joinpath("context.jsonld").read_text(encoding="utf-8")


@cache
def context_document() -> MappingProxyType[str, Any]:
    """The packaged context as JSON: ``{"@context": {...}}`` (read-only at the top).

    Examples
    --------
    >>> context_document()["@context"]["holder"]
    {'@id': 'gg:holder', '@type': '@id'}
    """
    document: dict[str, Any] = json.loads(context_text())
    return MappingProxyType(document)


def context_definition() -> dict[str, Any]:
    """A fresh copy of the context's term definitions (the value of ``@context``)."""
    definition: dict[str, Any] = json.loads(context_text())["@context"]
    return definition


@cache
def context_prefixes() -> MappingProxyType[str, str]:
    """The prefixes the context declares: prefix → namespace, sorted by prefix.

    A prefix is a term whose definition is an absolute IRI ending in ``/``, ``#`` or
    another of the characters after which JSON-LD 1.1 uses a term as a prefix.

    Examples
    --------
    >>> prefixes = context_prefixes()
    >>> prefixes["gg"], prefixes["skos"]
    ('https://w3id.org/goalgraph/ontology#', 'http://www.w3.org/2004/02/skos/core#')
    >>> "Mission" in prefixes or "holder" in prefixes
    False
    """
    definition = context_definition()
    found = {
        term: value
        for term, value in definition.items()
        if isinstance(value, str)
        and not term.startswith("@")
        and value.endswith(_GEN_DELIMS)
        # An absolute IRI, not a compact one such as "gg:" (whose scheme would be a term).
        and ":" in value
        and value.split(":", 1)[0] not in definition
    }
    return MappingProxyType(dict(sorted(found.items())))
