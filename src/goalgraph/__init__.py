"""goalgraph: organisations' goals as a linked-data knowledge graph.

Load the bundled dataset (the Danish justice sector) and any files of your own,
check them, and count what they hold:

>>> import goalgraph
>>> g = goalgraph.load()
>>> goalgraph.validate(g).conforms
True
>>> goalgraph.stats(g)["statements"]["Mission"]
4

The names below are imported on first use, so ``import goalgraph`` (and the
``goalgraph`` command's start-up) stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "GoalDataset",
    "GoalgraphError",
    "Problem",
    "SourceError",
    "Stats",
    "ValidationReport",
    "__version__",
    "find_sources",
    "label",
    "load",
    "stats",
    "validate",
]

_LAZY = {
    "DataError": "goalgraph.errors",
    "GoalgraphError": "goalgraph.errors",
    "SourceError": "goalgraph.errors",
    "GoalDataset": "goalgraph.loading",
    "find_sources": "goalgraph.loading",
    "load": "goalgraph.loading",
    "label": "goalgraph.labels",
    "Stats": "goalgraph.summary",
    "stats": "goalgraph.summary",
    "Problem": "goalgraph.validation",
    "ValidationReport": "goalgraph.validation",
    "validate": "goalgraph.validation",
}

if TYPE_CHECKING:
    from goalgraph.errors import DataError, GoalgraphError, SourceError
    from goalgraph.labels import label
    from goalgraph.loading import GoalDataset, find_sources, load
    from goalgraph.summary import Stats, stats
    from goalgraph.validation import Problem, ValidationReport, validate


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'goalgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
