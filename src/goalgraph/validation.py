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
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from goalgraph.labels import label, labels
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import PREFIXES
from goalgraph.querying import select, select_values
from goalgraph.shacl import check_shapes, read_shapes
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
    constraint : URIRef or None
        For SHACL, the constraint component broken (``sh:sourceConstraintComponent``),
        such as ``sh:MinCountConstraintComponent``.
    """

    check: Check
    message: str
    focus: Node | None = None
    focus_label: str | None = None
    path: URIRef | None = None
    value: Node | None = None
    source: str | None = None
    severity: Severity = "violation"
    constraint: URIRef | None = None

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
            "constraint": None if self.constraint is None else str(self.constraint),
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


def validate(dataset: GoalDataset, shapes: Iterable[str | os.PathLike[str] | Graph] = ()) -> ValidationReport:
    """Check a loaded goal graph.

    Three checks run over the union of all its graphs:

    - **dangling references**: a holder, plan, alignment end, member, parent
      organisation or agent that nothing in the dataset describes;
    - **SHACL**: the shapes in ``ontology/shapes.ttl`` (a statement with no
      holder, an alignment with a strength that is not allowed, ...), and any
      extra `shapes`;
    - **cycles** in alignment: A supports B supports ... supports A;
    - **IRIs** under the base namespace whose path would put the resource's page
      elsewhere: a ``..`` segment (``%2e%2e`` too), an empty one, an encoded slash,
      a backslash or a control character (see :func:`goalgraph.site.page_folder`).

    Each check runs as a few queries over the whole graph, and the files and labels
    of the problems' nodes are looked up together: thousands of problems cost
    little more than one.

    Parameters
    ----------
    dataset : GoalDataset
        A dataset from :func:`goalgraph.load`.
    shapes : iterable of paths or rdflib.Graph, optional
        Extra SHACL shapes, as files (Turtle, N-Triples, RDF/XML) or graphs, run
        besides goalgraph's own.

    Returns
    -------
    ValidationReport

    Raises
    ------
    goalgraph.shacl.ShapesError
        If a shapes file cannot be read; the message names the file and line.

    Examples
    --------
    >>> import goalgraph
    >>> report = goalgraph.validate(goalgraph.load())
    >>> report.conforms, report.problems
    (True, ())
    """
    extra = _extra_shapes(shapes)
    dangling = _dangling_references(dataset)
    reported = {(p.focus, p.path, p.value) for p in dangling}
    shacl = [p for p in _shacl_problems(dataset, extra) if (p.focus, p.path, p.value) not in reported]
    problems = _placed(dataset, [*dangling, *shacl, *_cycles(dataset), *_unsafe_iris(dataset)])
    problems.sort(key=lambda p: (p.source or "", str(p.focus), p.message, str(p.value)))
    return ValidationReport(tuple(problems))


def _extra_shapes(shapes: Iterable[str | os.PathLike[str] | Graph]) -> Graph | None:
    """The extra shapes in one graph (each file is read before any check runs, so a bad one fails fast)."""
    merged = None
    for given in shapes:
        merged = Graph() if merged is None else merged
        merged += given if isinstance(given, Graph) else read_shapes(Path(given))
    return merged


def _problem(
    check: Check,
    message: str,
    focus: Node,
    *,
    path: URIRef | None = None,
    value: Node | None = None,
    source: str | None = None,
    severity: Severity = "violation",
    constraint: URIRef | None = None,
) -> Problem:
    """A problem without its label, and without its source unless given: :func:`_placed` adds them."""
    return Problem(
        check=check,
        message=message,
        focus=focus,
        path=path,
        value=value,
        source=source,
        severity=severity,
        constraint=constraint,
    )


def _placed(dataset: GoalDataset, problems: Sequence[Problem]) -> list[Problem]:
    """`problems` with their focus nodes' labels, and the files of those without a source."""
    names = labels(dataset, {p.focus for p in problems if p.focus is not None})
    sources = _sources(dataset, [(p.focus, p.path, p.value) for p in problems if p.source is None and p.focus])
    return [
        replace(
            p,
            focus_label=names.get(p.focus) if p.focus is not None else None,
            source=p.source if p.source is not None else sources.get((p.focus, p.path, p.value)),
        )
        for p in problems
    ]


def _sources(
    dataset: GoalDataset, wanted: Sequence[tuple[Node | None, URIRef | None, Node | None]]
) -> dict[tuple[Node | None, URIRef | None, Node | None], str]:
    """The file that states each offending triple, else the one that describes its node (typed first)."""
    triples = sorted({w for w in wanted if None not in w}, key=str)
    graphs: dict[tuple[Node | None, URIRef | None, Node | None], list[Node]] = {}
    for row in select_values(dataset, "triple-graphs", ["node", "path", "value"], triples):  # type: ignore[arg-type]
        graphs.setdefault((row["node"], row["path"], row["value"]), []).append(row["graph"])
    nodes = sorted({w[0] for w in wanted if w[0] is not None}, key=str)
    node_graphs: dict[Node, list[Node]] = {}
    for row in select_values(dataset, "node-graphs", ["node"], [[n] for n in nodes]):
        node_graphs.setdefault(row["node"], []).append(row["graph"])
    sources = {}
    for key in wanted:
        for graph in graphs.get(key) or node_graphs.get(key[0], []):  # type: ignore[arg-type]
            source = dataset.source_of(graph)  # type: ignore[arg-type]
            if source is not None:
                sources[key] = source.display
                break
    return sources


def _dangling_references(dataset: GoalDataset) -> list[Problem]:
    problems = []
    for row in select(dataset, "dangling-references"):
        source = dataset.source_of(row["graph"])
        problems.append(
            _problem(
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


def _shacl_problems(dataset: GoalDataset, extra: Graph | None = None) -> list[Problem]:
    results = check_shapes(dataset)
    if extra is not None:
        results += check_shapes(dataset, extra)
    return [
        _problem(
            "shacl",
            result.message,
            result.focus,
            path=result.path,
            # SHACL gives the focus node as the value when there is no other: not worth repeating.
            value=None if result.value == result.focus else result.value,
            severity=_SEVERITIES.get(result.severity, "violation"),
            constraint=result.constraint,
        )
        for result in results
    ]


def _cycles(dataset: GoalDataset) -> Iterable[Problem]:
    import networkx as nx  # deferred: needed only here

    links = nx.DiGraph()
    for row in select(dataset, "cycle-links"):
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
            "cycle",
            f"alignment cycle: {steps}; a statement cannot support itself, directly or "
            "through others: remove or reverse one of these links",
            cycle[0],
            source=", ".join(files) or None,
        )


def _unsafe_iris(dataset: GoalDataset) -> Iterable[Problem]:
    """The resources under the base whose page (the IRI's path on a web server) would be elsewhere."""
    base = str(dataset.base)
    # Only the IRIs that might be unsafe, when the base itself is safe and ends a folder (a
    # million IRIs take seconds to check one by one); else every IRI under the base.
    query = "unsafe-iri-candidates" if base.endswith("/") and _safe(base + "x") else "resources-under-base"
    for row in select(dataset, query, base=URIRef(base)):
        try:
            page_folder(str(row["resource"]))
        except PagePathError as error:
            yield _problem(
                "iri",
                f"the IRI cannot be published: {error.reason}; correct it, so that web servers and the "
                "static site (goalgraph export --site) find its page where the IRI says",
                row["resource"],
            )


def _safe(iri: str) -> bool:
    try:
        page_folder(iri)
    except PagePathError:
        return False
    return True


def _rotate_to_smallest(cycle: list[Node]) -> list[Node]:
    """Start a cycle at its smallest IRI, so the same cycle reads the same every run."""
    start = cycle.index(min(cycle, key=str))
    return cycle[start:] + cycle[:start]


def _named(dataset: GoalDataset, node: Node) -> str:
    name = label(dataset, node)
    return json.dumps(name, ensure_ascii=False) if name else _show(node)
