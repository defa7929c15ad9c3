"""Check a goal graph: SHACL shapes, dangling references, cycles in alignment, unsafe IRIs.

Syntax errors are found earlier, when files are loaded: :func:`goalgraph.load` raises
:class:`~goalgraph.errors.DataError` naming the file and line, or, asked with
``all_errors=True`` (as ``goalgraph validate`` asks :func:`goalgraph.open`),
:class:`~goalgraph.loading.InvalidFilesError` naming every bad file. What
:func:`validate` finds is reported node by node: each problem names the file the
node is described in, the node's label and IRI, and what to fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rdflib import BNode, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from goalgraph.labels import label
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import PREFIXES
from goalgraph.querying import select
from goalgraph.shacl import check_shapes
from goalgraph.site import PagePathError, page_folder

__all__ = ["Problem", "ValidationReport", "validate"]

Severity = Literal["violation", "warning", "info"]
Check = Literal["shacl", "dangling", "cycle", "iri"]
_SEVERITIES: dict[Node, Severity] = {
    SH.Violation: "violation",
    SH.Warning: "warning",
    SH.Info: "info",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data.

    Attributes
    ----------
    check : {"shacl", "dangling", "cycle", "iri"}
        Which check found it.
    message : str
        What is wrong and how to fix it (for SHACL, the shape's message).
    focus : rdflib term or None
        The node the problem is about.
    focus_label : str or None
        Its label, if it has one.
    path : URIRef or None
        The property concerned.
    value : rdflib term or None
        The offending value.
    source : str or None
        The file the focus node is described in.
    severity : {"violation", "warning", "info"}
        Only violations make the data invalid.
    """

    check: Check
    message: str
    focus: Node | None = None
    focus_label: str | None = None
    path: URIRef | None = None
    value: Node | None = None
    source: str | None = None
    severity: Severity = "violation"

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        level = "" if self.severity == "violation" else f"{self.severity}: "
        node = ""
        if self.focus is not None:
            named = f"{json.dumps(self.focus_label, ensure_ascii=False)} " if self.focus_label else ""
            node = f"{named}{_show(self.focus)}: "
        detail = ""
        if self.path is not None or self.value is not None:
            parts = [_show(term, short=True) for term in (self.path, self.value) if term is not None]
            detail = f" [{' '.join(parts)}]"
        return f"{where}{level}{node}{self.message}{detail}"

    def to_dict(self) -> dict[str, str | None]:
        """The problem as JSON-ready data."""
        return {
            "check": self.check,
            "severity": self.severity,
            "source": self.source,
            "focus": None if self.focus is None else str(self.focus),
            "label": self.focus_label,
            "path": None if self.path is None else str(self.path),
            "value": None if self.value is None else str(self.value),
            "message": self.message,
        }


def _show(term: Node, *, short: bool = False) -> str:
    """`term` as in Turtle; with `short`, IRIs in a known namespace as prefixed names."""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items() if short else ():
            local = term[len(namespace) :]
            if term.startswith(namespace) and re.fullmatch(r"[A-Za-z][\w-]*", local):
                return f"{prefix}:{local}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return json.dumps(str(term), ensure_ascii=False)


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    Attributes
    ----------
    problems : tuple of Problem
        Every problem found, sorted by file and node.
    """

    problems: tuple[Problem, ...]

    @property
    def conforms(self) -> bool:
        """True when no problem is a violation."""
        return not any(p.severity == "violation" for p in self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def to_dict(self) -> dict[str, object]:
        """The report as JSON-ready data: ``{"conforms": ..., "problems": [...]}``."""
        return {"conforms": self.conforms, "problems": [p.to_dict() for p in self.problems]}


def validate(dataset: GoalDataset) -> ValidationReport:
    """Check a loaded goal graph.

    Three checks run over the union of all its graphs:

    - **dangling references**: a holder, plan, alignment end, member, parent
      organisation or agent that nothing in the dataset describes;
    - **SHACL**: the shapes in ``ontology/shapes.ttl`` (a statement with no
      holder, an alignment with a strength that is not allowed, ...);
    - **cycles** in alignment: A supports B supports ... supports A;
    - **IRIs** under the base namespace whose path would put the resource's page
      elsewhere: a ``..`` segment (``%2e%2e`` too), an empty one, an encoded slash,
      a backslash or a control character (see :func:`goalgraph.site.page_folder`).

    Parameters
    ----------
    dataset : GoalDataset
        A dataset from :func:`goalgraph.load`.

    Returns
    -------
    ValidationReport

    Examples
    --------
    >>> import goalgraph
    >>> report = goalgraph.validate(goalgraph.load())
    >>> report.conforms, report.problems
    (True, ())
    """
    dangling = _dangling_references(dataset)
    reported = {(p.focus, p.path, p.value) for p in dangling}
    shacl = [p for p in _shacl_problems(dataset) if (p.focus, p.path, p.value) not in reported]
    problems = [*dangling, *shacl, *_cycles(dataset), *_unsafe_iris(dataset)]
    problems.sort(key=lambda p: (p.source or "", str(p.focus), p.message, str(p.value)))
    return ValidationReport(tuple(problems))


def _source_of(dataset: GoalDataset, node: Node, path: URIRef | None, value: Node | None) -> str | None:
    """The file that states the offending triple, else the one that describes `node`."""
    rows = select(dataset, "triple-graphs", node=node, path=path, value=value) if path and value else []
    for row in rows or select(dataset, "node-graphs", node=node):
        source = dataset.source_of(row["graph"])
        if source is not None:
            return source.display
    return None


def _problem(
    dataset: GoalDataset,
    check: Check,
    message: str,
    focus: Node,
    *,
    path: URIRef | None = None,
    value: Node | None = None,
    source: str | None = None,
    severity: Severity = "violation",
) -> Problem:
    return Problem(
        check=check,
        message=message,
        focus=focus,
        focus_label=label(dataset, focus),
        path=path,
        value=value,
        source=source if source is not None else _source_of(dataset, focus, path, value),
        severity=severity,
    )


def _dangling_references(dataset: GoalDataset) -> list[Problem]:
    problems = []
    for row in select(dataset, "dangling-references"):
        source = dataset.source_of(row["graph"])
        problems.append(
            _problem(
                dataset,
                "dangling",
                f"{_show(row['property'], short=True)} points at a node that nothing in the "
                "dataset describes (a dangling reference: define it, or correct the IRI)",
                row["subject"],
                path=URIRef(row["property"]),
                value=row["value"],
                source=source.display if source else None,
            )
        )
    return problems


def _shacl_problems(dataset: GoalDataset) -> list[Problem]:
    return [
        _problem(
            dataset,
            "shacl",
            result.message,
            result.focus,
            path=result.path,
            # SHACL gives the focus node as the value when there is no other: not worth repeating.
            value=None if result.value == result.focus else result.value,
            severity=_SEVERITIES.get(result.severity, "violation"),
        )
        for result in check_shapes(dataset)
    ]


def _cycles(dataset: GoalDataset) -> Iterable[Problem]:
    import networkx as nx  # deferred: needed only here

    links = nx.DiGraph()
    for row in select(dataset, "supports-links"):
        links.add_edge(row["from"], row["to"])
        links.edges[row["from"], row["to"]].setdefault("graphs", set()).add(row["graph"])
    for component in nx.strongly_connected_components(links):
        if len(component) == 1:
            node = next(iter(component))
            if not links.has_edge(node, node):
                continue
        cycle = _rotate_to_smallest([edge[0] for edge in nx.find_cycle(links.subgraph(component))])
        steps = " → ".join(_named(dataset, node) for node in [*cycle, cycle[0]])
        edges = zip(cycle, [*cycle[1:], cycle[0]], strict=True)
        graphs = set().union(*(links.edges[edge]["graphs"] for edge in edges))
        files = sorted(s.display for s in map(dataset.source_of, graphs) if s is not None)
        yield _problem(
            dataset,
            "cycle",
            f"alignment cycle: {steps}; a statement cannot support itself, directly or "
            "through others: remove or reverse one of these links",
            cycle[0],
            source=", ".join(files) or None,
        )


def _unsafe_iris(dataset: GoalDataset) -> Iterable[Problem]:
    """The resources under the base whose page (the IRI's path on a web server) would be elsewhere."""
    for row in select(dataset, "resources-under-base", base=URIRef(str(dataset.base))):
        try:
            page_folder(str(row["resource"]))
        except PagePathError as error:
            yield _problem(
                dataset,
                "iri",
                f"the IRI cannot be published: {error.reason}; correct it, so that web servers and the "
                "static site (goalgraph export --site) find its page where the IRI says",
                row["resource"],
            )


def _rotate_to_smallest(cycle: list[Node]) -> list[Node]:
    """Start a cycle at its smallest IRI, so the same cycle reads the same every run."""
    start = cycle.index(min(cycle, key=str))
    return cycle[start:] + cycle[:start]


def _named(dataset: GoalDataset, node: Node) -> str:
    name = label(dataset, node)
    return json.dumps(name, ensure_ascii=False) if name else _show(node)
