"""The base namespace that relative IRIs in the data resolve against.

The bundled data writes ``<anklagemyndigheden>`` for the prosecution service, so it
can be served under any domain: pass ``base=``, set ``GOALGRAPH_BASE``, or keep the
default :data:`DEFAULT_BASE`. A leaf module: the loader, the importers, the remote
and on-disk backends and the generators all resolve the base here, and it imports
nothing of goalgraph but its errors.
"""

from __future__ import annotations

import os
import re

from goalgraph.errors import SourceError

__all__ = ["BASE_ENV", "DEFAULT_BASE", "resolve_base"]

#: The base namespace of dataset IRIs when none is configured.
DEFAULT_BASE = "https://w3id.org/goalgraph/id/"
#: The environment variable that configures the base namespace.
BASE_ENV = "GOALGRAPH_BASE"


def resolve_base(base: str | None = None) -> str:
    """Return the base namespace: `base`, else ``$GOALGRAPH_BASE``, else the default.

    Raises
    ------
    SourceError
        If the base is not an absolute http(s) IRI ending in ``/`` or ``#``.

    Examples
    --------
    >>> resolve_base("https://data.example.org/goals/")
    'https://data.example.org/goals/'
    """
    chosen = base or os.environ.get(BASE_ENV) or DEFAULT_BASE
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", chosen):
        raise SourceError(f"base namespace {chosen!r} must be an absolute http(s) IRI ending in '/' or '#'")
    return chosen
