"""Run the SHACL shapes over a goal graph, fast enough for large graphs.

pySHACL evaluates a SPARQL-based constraint (``sh:sparql``) once per focus node and
parses its query every time: on a 100,000-triple graph that takes minutes. Here
each SPARQL-based constraint runs once, in Oxigraph, over all its focus nodes: the
shape's targets are joined into the query where ``$this`` would be pre-bound. The
core constraints (``sh:minCount``, ``sh:class``, ``sh:in``, ...) still go to
pySHACL, with the SPARQL-based ones taken out of its copy of the shapes.

``ontology/shapes.ttl`` stays standard SHACL: any SHACL engine gives the same
results, only slower.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from goalgraph.querying import execute, where_start
from goalgraph.resources import shapes_file

__all__ = ["ShapeResult", "check_shapes"]


@dataclass(frozen=True)
class ShapeResult:
    """One SHACL validation result: a focus node that breaks a constraint."""

    focus: Node
    message: str
    path: URIRef | None = None
    value: Node | None = None
    severity: URIRef = SH.Violation


@cache
def _shapes() -> Graph:
    return Graph().parse(shapes_file(), format="turtle")


@cache
def _core_shapes() -> Graph:
    """The shapes without their SPARQL-based constraints, for pySHACL."""
    core = Graph()
    core += _shapes()
    core.remove((None, SH.sparql, None))
    return core


def check_shapes(data: Graph) -> list[ShapeResult]:
    """Validate `data` against goalgraph's shapes.

    Parameters
    ----------
    data : rdflib.Graph
        The data, the ontology included (targets follow its ``rdfs:subClassOf``).
        Usually a :class:`~goalgraph.loading.GoalDataset`, whose default graph is the
        union of its named graphs.

    Returns
    -------
    list of ShapeResult
    """
    return [*_sparql_results(data), *_core_results(data)]


def _core_results(data: Graph) -> Iterator[ShapeResult]:
    import pyshacl  # deferred: slow to import, needed only here

    # pySHACL walks the graph triple by triple: an in-memory copy is much faster
    # for that than going through oxrdflib one pattern at a time.
    union = data.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    assert union is not None
    _conforms, results, _text = pyshacl.validate(
        union, shacl_graph=_core_shapes(), inference="none", allow_warnings=True, allow_infos=True
    )
    assert isinstance(results, Graph)
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        if focus is None:
            continue
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = results.value(result, SH.resultSeverity)
        yield ShapeResult(
            focus=focus,
            message=messages[0] if messages else "does not conform to its shape",
            path=path if isinstance(path, URIRef) else None,
            value=results.value(result, SH.value),
            severity=severity if isinstance(severity, URIRef) else SH.Violation,
        )


def _sparql_results(data: Graph) -> Iterator[ShapeResult]:
    shapes = _shapes()
    for shape, constraint in shapes.subject_objects(SH.sparql):
        message = str(shapes.value(constraint, SH.message) or "does not conform to its shape")
        severity = shapes.value(shape, SH.severity)
        seen = set()
        for query in _constraint_queries(shapes, shape, constraint):
            for found in execute(data, query).rows:
                # As SHACL-SPARQL says: without a ?value, the value is the focus node.
                focus, path = found["this"], found.get("path")
                value = found.get("value") or focus
                if (focus, path, value) in seen:
                    continue
                seen.add((focus, path, value))
                yield ShapeResult(
                    focus=focus,
                    message=message,
                    path=path if isinstance(path, URIRef) else None,
                    value=value,
                    severity=severity if isinstance(severity, URIRef) else SH.Violation,
                )


_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


def _constraint_queries(shapes: Graph, shape: Node, constraint: Node) -> Iterator[str]:
    """The constraint's SELECT once per target of its shape, with the target joined in.

    The target goes first in the query's outermost group, as a subquery binding
    ``?this``; every ``FILTER`` of that group then sees ``?this`` bound, as it would
    be with SHACL's pre-binding of ``$this``.
    """
    select = re.sub(r"\$this\b", "?this", str(shapes.value(constraint, SH.select)))
    prologue = "".join(
        f"PREFIX {shapes.value(declaration, SH.prefix)}: <{shapes.value(declaration, SH.namespace)}>\n"
        for prefixes in shapes.objects(constraint, SH.prefixes)
        for declaration in shapes.objects(prefixes, SH.declare)
    )
    targets = [
        *(f"?this a/<{_SUBCLASS_OF}>* <{c}>" for c in shapes.objects(shape, SH.targetClass)),
        *(f"?this <{p}> ?goalgraph_object" for p in shapes.objects(shape, SH.targetSubjectsOf)),
        *(f"?goalgraph_subject <{p}> ?this" for p in shapes.objects(shape, SH.targetObjectsOf)),
        *(f"VALUES ?this {{ <{n}> }}" for n in shapes.objects(shape, SH.targetNode)),
    ]
    at = where_start(select)
    head, tail = select[:at], select[at:]
    for target in targets:
        yield f"{prologue}{head}\n    {{ SELECT DISTINCT ?this WHERE {{ {target} }} }}\n{tail}"
