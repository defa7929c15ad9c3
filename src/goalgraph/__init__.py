"""goalgraph: organisations' goals as a linked-data knowledge graph.

Load the bundled dataset (the Danish justice sector) and any files of your own,
check them, count what they hold, and ask how the goals align:

>>> import goalgraph
>>> g = goalgraph.open()  # the bundled data; open(files), open(store=DIR) or open(endpoint=URL)
>>> goalgraph.validate(g).conforms
True
>>> goalgraph.stats(g)["statements"]["Mission"]
4
>>> [hop.target.identifier for hop in goalgraph.trace(g, "SM3").paths[0]]
['PA-M2', 'JM-M2']
>>> len(goalgraph.run_query(g, "orphans").rows)
2
>>> model = goalgraph.read_model(g)  # organisations, plans, statements, alignments: read once
>>> model.statements[model.by_identifier["SM3"]].labels["en"]
'Quality in case handling'
>>> analysis = goalgraph.analyse(model)
>>> analysis.gaps  # no gaps: the police's 2019 targets support PA-M1 and PA-V2
[]

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
    "GoalModel",
    "GoalgraphError",
    "Problem",
    "SourceError",
    "Stats",
    "ValidationReport",
    "__version__",
    "analyse",
    "build_docs",
    "build_report",
    "compare",
    "explore",
    "export",
    "find_sources",
    "label",
    "load",
    "open",
    "open_graph",
    "progress",
    "read_model",
    "run_query",
    "stats",
    "suggest",
    "trace",
    "validate",
    "what_if",
    "write_docs",
    "write_export",
    "write_report",
]

_LAZY = {
    "DataError": "goalgraph.errors",
    "GoalgraphError": "goalgraph.errors",
    "SourceError": "goalgraph.errors",
    "GoalDataset": "goalgraph.loading",
    "find_sources": "goalgraph.loading",
    "load": "goalgraph.loading",
    "open": "goalgraph.opening",
    "open_graph": "goalgraph.opening",
    "label": "goalgraph.labels",
    "GoalModel": "goalgraph.model",
    "read_model": "goalgraph.model",
    "Stats": "goalgraph.summary",
    "stats": "goalgraph.summary",
    "Problem": "goalgraph.validation",
    "ValidationReport": "goalgraph.validation",
    "validate": "goalgraph.validation",
    "run_query": "goalgraph.named_queries",
    "trace": "goalgraph.tracing",
    "analyse": "goalgraph.analysis",
    "suggest": "goalgraph.suggestion",
    "compare": "goalgraph.comparison",
    "build_report": "goalgraph.report",
    "write_report": "goalgraph.report",
    "export": "goalgraph.export",
    "write_export": "goalgraph.export",
    "explore": "goalgraph.explorer",
    "build_docs": "goalgraph.docs",
    "progress": "goalgraph.achievement",
    "what_if": "goalgraph.achievement",
    "write_docs": "goalgraph.docs",
}

if TYPE_CHECKING:
    from goalgraph.achievement import progress, what_if
    from goalgraph.analysis import analyse
    from goalgraph.comparison import compare
    from goalgraph.docs import build_docs, write_docs
    from goalgraph.errors import DataError, GoalgraphError, SourceError
    from goalgraph.explorer import explore
    from goalgraph.export import export, write_export
    from goalgraph.labels import label
    from goalgraph.loading import GoalDataset, find_sources, load
    from goalgraph.model import GoalModel, read_model
    from goalgraph.named_queries import run_query
    from goalgraph.opening import open, open_graph
    from goalgraph.report import build_report, write_report
    from goalgraph.suggestion import suggest
    from goalgraph.summary import Stats, stats
    from goalgraph.tracing import trace
    from goalgraph.validation import Problem, ValidationReport, validate


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'goalgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
