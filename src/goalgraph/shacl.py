"""Run SHACL shapes over a goal graph, at the speed of the store.

pySHACL walks the graph node by node, in Python, over an in-memory copy of it: on
a million triples that takes minutes and gigabytes. Here each constraint of a shape
is compiled to one set-based SPARQL query, which Oxigraph answers once for all the
shape's focus nodes: the targets become a subquery binding ``?this``, the path a
SPARQL property path binding ``?value``, and the constraint a template from
``sparql/shacl/`` (``min-count.rq``, ``class.rq``, ...) or, for the tests of a value
node alone (``sh:datatype``, ``sh:in``, ``sh:or``, ...), a filter expression.

What the compiler handles:

- node and property shapes; paths of every SHACL kind (predicate, inverse,
  sequence, alternative, zero-or-more, one-or-more, zero-or-one);
- targets ``sh:targetClass`` (following ``rdfs:subClassOf*``), ``sh:targetNode``,
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, and implicit class targets;
- ``sh:severity``, ``sh:message`` (else pySHACL's default message), ``sh:deactivated``;
- ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype`` (an ill-typed literal,
  such as ``"2020-02-30"^^xsd:date``, fails it as in pySHACL, for the types SPARQL
  casts to: ``xsd:integer``, ``decimal``, ``float``, ``double``, ``boolean``, ``date``,
  ``time``, ``dateTime``; of other types only the datatype is compared), ``sh:nodeKind``, ``sh:in``,
  ``sh:hasValue``, ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:minExclusive``,
  ``sh:maxExclusive``, ``sh:minLength``, ``sh:maxLength``, ``sh:pattern``,
  ``sh:languageIn``, ``sh:uniqueLang``, ``sh:equals``, ``sh:disjoint``,
  ``sh:lessThan``, ``sh:lessThanOrEquals``;
- ``sh:or``, ``sh:and``, ``sh:not``, ``sh:xone`` and ``sh:node`` of shapes without a path
  whose constraints are among the tests of a value node alone (``sh:class``,
  ``sh:datatype``, ``sh:in``, ... and these five again);
- SPARQL-based constraints (``sh:sparql``): the shape's targets are joined into the
  query where ``$this`` would be pre-bound.

A shape with anything else (``sh:closed``, ``sh:qualifiedValueShape``, ``sh:node`` of a
shape with a path, a constraint component of its own, a blank node as a target or
an ``sh:in`` value, ...) goes to pySHACL, that shape alone, with its SPARQL-based
constraints. pySHACL gets an in-memory copy of the whole data (what a shape needs
cannot be told in general: its paths and nested shapes reach anywhere); the copy
is made only when some shape needs it.

The queries run one after the other: pyoxigraph answers must be dropped on the
thread that made them, which threads do not promise when a logged warning keeps a
frame alive (rdflib logs one for each ill-typed literal it reads).

``ontology/shapes.ttl`` stays standard SHACL: any SHACL engine gives the same
results, only slower (``tests/test_shacl.py`` holds goalgraph to pySHACL's answers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from goalgraph.errors import DataError, GoalgraphError, SourceError, display_path
from goalgraph.inputs import shorten
from goalgraph.loading import check_content, data_error, find_sources
from goalgraph.progressbar import Progress
from goalgraph.querying import execute, from_oxigraph, query_text, sparql_term, where_start
from goalgraph.resources import shapes_file

__all__ = ["ShapeResult", "ShapesError", "check_shapes", "read_shapes", "shapes_graph"]


@dataclass(frozen=True)
class ShapeResult:
    """One SHACL validation result: a focus node that breaks a constraint.

    Attributes
    ----------
    focus : rdflib term
        The focus node (``sh:focusNode``).
    message : str
        The shape's ``sh:message``, else pySHACL's default message.
    path : URIRef or None
        The path, when it is a single property (``sh:resultPath``).
    value : rdflib term or None
        The offending value (``sh:value``).
    severity : URIRef
        ``sh:Violation``, ``sh:Warning`` or ``sh:Info``.
    constraint : URIRef or None
        The constraint component (``sh:sourceConstraintComponent``), such as
        ``sh:MinCountConstraintComponent``.
    shape : rdflib term or None
        The shape the constraint belongs to (``sh:sourceShape``).
    """

    focus: Node
    message: str
    path: URIRef | None = None
    value: Node | None = None
    severity: URIRef = SH.Violation
    constraint: URIRef | None = None
    shape: Node | None = None


class ShapesError(DataError):
    """A shapes file that cannot be read: the command line's usage error (exit status 2)."""

    exit_code = 2

    @classmethod
    def of(cls, error: DataError | SourceError, path: Path) -> ShapesError:
        """The loader's error for shapes file `path`, as a shapes error naming the file (and line)."""
        if isinstance(error, DataError):
            return cls(error.path, error.message, line=error.line, column=error.column)
        # A path error reads "PATH: what is wrong" (goalgraph.inputs.check_path).
        prefix = f"{shorten(path)}: "
        text = str(error)
        return cls(shorten(path), text[len(prefix) :]) if text.startswith(prefix) else cls(display_path(path), text)


@cache
def shapes_graph() -> Graph:
    """goalgraph's own shapes, ``ontology/shapes.ttl``, parsed once.

    >>> len(shapes_graph()) > 100
    True
    """
    return Graph().parse(shapes_file(), format="turtle")


def read_shapes(path: Path) -> Graph:
    """Read a file of SHACL shapes, in any RDF format goalgraph loads (by its suffix), or a folder of them.

    Parameters
    ----------
    path : Path
        The file (Turtle, N-Triples, RDF/XML, ...), or a folder of such files.

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    ShapesError
        If the file cannot be read, is not a regular file, is not valid RDF or
        declares entities goalgraph does not expand; the message names the file and line.

    Examples
    --------
    >>> from goalgraph.resources import shapes_file
    >>> len(read_shapes(shapes_file())) == len(shapes_graph())
    True
    """
    # Found and read as data files are (goalgraph.loading): only regular files, entities in
    # RDF/XML checked before Oxigraph expands them, errors with the file and line.
    try:
        found = [source for source in find_sources([path], bundled=False) if not source.bundled]
        graph = Graph()
        for source in found:
            if source.format is None:
                raise ShapesError(source.display, "not a shapes file: give RDF, such as Turtle (.ttl)")
            check_content(source)
            try:
                quads = ox.parse(path=source.path, format=source.format, base_iri=source.path.as_uri())
                for quad in quads:
                    graph.add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object)))
            except (SyntaxError, MemoryError) as error:
                raise data_error(source, error) from None
            except OSError as error:
                raise DataError(source.display, error.strerror or str(error)) from None
    except (SourceError, DataError) as error:
        raise ShapesError.of(error, path) from None
    if not any(graph.triples((None, None, None))):
        raise ShapesError(display_path(path), "no shapes: the file is empty")
    return graph


def check_shapes(data: Graph, shapes: Graph | None = None) -> list[ShapeResult]:
    """Validate `data` against SHACL shapes, goalgraph's own by default.

    Each constraint runs as one query over all its focus nodes (see the module's
    docstring); on a terminal, standard error shows how many have run.

    Parameters
    ----------
    data : rdflib.Graph
        The data, the ontology included (targets follow its ``rdfs:subClassOf``).
        Usually a :class:`~goalgraph.loading.GoalDataset`, whose default graph is the
        union of its named graphs.
    shapes : rdflib.Graph, optional
        The shapes; ``ontology/shapes.ttl`` by default.

    Returns
    -------
    list of ShapeResult

    Examples
    --------
    >>> import goalgraph
    >>> check_shapes(goalgraph.load())
    []
    """
    shapes = shapes_graph() if shapes is None else shapes
    plan = _compile(shapes)
    results: list[ShapeResult] = []
    # One query after the other, not in threads: see the module's docstring.
    count = len(plan.queries) + len(plan.sparql) + bool(plan.fallback)
    with Progress("validating: SHACL", total=count, unit="queries") as steps:
        for query in plan.queries:
            results.extend(query.run(data))
            steps.advance(1)
        for shape, constraint in plan.sparql:
            results.extend(_sparql_results(data, shapes, shape, constraint))
            steps.advance(1)
        if plan.fallback:
            results.extend(_pyshacl_results(data, shapes, plan.fallback))
            steps.advance(1)
    return results


# ---------------------------------------------------------------------------
# The compiler


class _UnsupportedError(Exception):
    """A shape the compiler leaves to pySHACL."""


Message = Callable[[Node, Node | None], str]


@dataclass
class _Query:
    """One compiled constraint: its query and how to read its rows as results."""

    text: str
    shape: Node
    constraint: URIRef
    path: URIRef | None
    severity: URIRef
    message: Message
    node_level: bool = False

    def run(self, data: Graph) -> Iterator[ShapeResult]:
        seen = set()
        for row in execute(data, self.text).rows:
            focus, value = row["this"], row.get("value")
            if value is None and self.node_level and self.constraint not in _NO_VALUE:
                value = focus
            if (focus, value) in seen:
                continue
            seen.add((focus, value))
            yield ShapeResult(
                focus=focus,
                message=self.message(focus, value),
                path=self.path,
                value=value,
                severity=self.severity,
                constraint=self.constraint,
                shape=self.shape,
            )


@dataclass
class _Plan:
    queries: list[_Query] = field(default_factory=list)
    sparql: list[tuple[Node, Node]] = field(default_factory=list)
    fallback: list[Node] = field(default_factory=list)


# The constraints whose results have no sh:value, even on a node shape.
_NO_VALUE = {
    SH.MinCountConstraintComponent,
    SH.MaxCountConstraintComponent,
    SH.UniqueLangConstraintComponent,
    SH.HasValueConstraintComponent,
}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _compile(shapes: Graph) -> _Plan:
    plan = _Plan()
    for shape in _shapes_with_targets(shapes):
        if _deactivated(shapes, shape):
            continue
        try:
            queries = _shape_queries(shapes, shape, _focus(shapes, shape))
        except _UnsupportedError:
            plan.fallback.append(shape)  # the whole shape, its SPARQL-based constraints too
            continue
        plan.queries.extend(queries)
        plan.sparql.extend((shape, c) for c in shapes.objects(shape, SH.sparql))
    return plan


def _shapes_with_targets(shapes: Graph) -> list[Node]:
    found = {s for target in _TARGETS for s in shapes.subjects(target, None)}
    for kind in (SH.NodeShape, SH.PropertyShape):
        found.update(s for s in shapes.subjects(RDF.type, kind) if (s, RDF.type, RDFS.Class) in shapes)
    return sorted(found, key=str)


def _deactivated(shapes: Graph, shape: Node) -> bool:
    return any(isinstance(v, Literal) and v.value is True for v in shapes.objects(shape, SH.deactivated))


def _focus(shapes: Graph, shape: Node) -> str:
    """A subquery binding ``?this`` to every focus node of `shape`, each once.

    (Matching the targets inline, without a subquery, is quicker for a shape of few
    focus nodes and slower for one of many: about as quick in all, on a million triples.)
    """
    classes = list(shapes.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes:  # an implicit class target
        classes.append(shape)
    patterns = [
        *(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* {_term(c)} ." for c in classes),
        *(f"?this {_term(p)} ?goalgraph_o ." for p in shapes.objects(shape, SH.targetSubjectsOf)),
        *(f"?goalgraph_s {_term(p)} ?this ." for p in shapes.objects(shape, SH.targetObjectsOf)),
    ]
    nodes = list(shapes.objects(shape, SH.targetNode))
    if nodes:
        patterns.append(f"VALUES ?this {{ {' '.join(_term(n) for n in nodes)} }}")
    union = " UNION ".join(f"{{ {p} }}" for p in patterns)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def _shape_queries(shapes: Graph, shape: Node, focus: str) -> list[_Query]:
    """The queries of `shape` and of its property shapes, for the focus nodes `focus` binds."""
    queries = _constraint_queries(shapes, shape, focus)
    for prop in shapes.objects(shape, SH.property):
        if not _deactivated(shapes, prop):
            queries.extend(_constraint_queries(shapes, prop, focus))
    return queries


# Parameters that are not constraints, or that belong to a constraint named by another.
_NOT_CONSTRAINTS = {
    RDF.type, SH.path, SH.message, SH.severity, SH.deactivated, SH.name, SH.description, SH.order,
    SH.group, SH.defaultValue, SH.property, SH.sparql, SH.flags, SH.declare, SH.prefixes,
    *_TARGETS, RDFS.label, RDFS.comment, RDFS.isDefinedBy, RDFS.seeAlso,
}  # fmt: skip


def _constraint_queries(shapes: Graph, shape: Node, focus: str) -> list[_Query]:
    path_node = shapes.value(shape, SH.path)
    path = None if path_node is None else _path(shapes, path_node)
    values = f"?this {path} ?value ." if path else "BIND (?this AS ?value)"

    def value_of(variable: str) -> str:
        return f"?this {path} ?{variable} ." if path else f"BIND (?this AS ?{variable})"

    severity = shapes.value(shape, SH.severity)
    messages = sorted(str(m) for m in shapes.objects(shape, SH.message))
    queries = []
    for parameter, argument in sorted(shapes.predicate_objects(shape), key=lambda pair: (str(pair[0]), str(pair[1]))):
        if parameter in _NOT_CONSTRAINTS or not str(parameter).startswith(str(SH)):
            continue
        classes = _only_classes(shapes, argument) if parameter == SH["or"] else None
        if classes:
            union = " UNION ".join(f"{{ ?value <{RDF.type}>/<{RDFS.subClassOf}>* {_term(c)} }}" for c in classes)
            template, slots = "or-class", {"classes": union}
        elif parameter in _NODE_TESTS:
            template, slots = "value-test", {"test": _node_test(shapes, shape, parameter, argument, "?value")}
        elif path and parameter == SH.uniqueLang:
            if not (isinstance(argument, Literal) and argument.value is True):
                continue
            template, slots = "unique-lang", {"value_of_other": value_of("other")}
        elif path and parameter in (SH.minCount, SH.maxCount):
            count = _count(argument)
            template = ("min-count" if parameter == SH.minCount else "max-count") + ("-one" if count == "1" else "")
            slots = {"count": count, "value_of_other": value_of("other")}
        elif parameter == SH.hasValue:
            template, slots = "has-value", {"value": _term(argument)}
        elif parameter in _PAIR_TEMPLATES:
            slots = {"property": _term(argument), "value_of_other": value_of("other")}
            template = _PAIR_TEMPLATES[URIRef(str(parameter))]
        elif parameter == SH["class"]:
            template, slots = "class", {"class": _term(argument)}
        else:
            raise _UnsupportedError(f"{parameter} on {shape}")
        text = query_text(f"shacl/{template}")
        for name, slot in {"focus": focus, "values": values, "value_of": value_of("value"), **slots}.items():
            text = text.replace("{{" + name + "}}", slot)
        component = _COMPONENTS[URIRef(str(parameter))]
        queries.append(
            _Query(
                text=text,
                shape=shape,
                constraint=component,
                path=path_node if isinstance(path_node, URIRef) else None,
                severity=severity if isinstance(severity, URIRef) else SH.Violation,
                message=_fixed(messages[0]) if messages else _default_message(shapes, shape, parameter, argument),
                node_level=path is None,
            )
        )
    return queries


_PAIR_TEMPLATES = {
    SH.equals: "equals",
    SH.disjoint: "disjoint",
    SH.lessThan: "less-than",
    SH.lessThanOrEquals: "less-than-or-equals",
}
_COMPONENTS = {
    SH[name[0].lower() + name[1:]]: SH[f"{name}ConstraintComponent"]
    for name in [
        *("MinCount", "MaxCount", "UniqueLang", "HasValue", "Equals", "Disjoint", "LessThan", "LessThanOrEquals"),
        *("Class", "Datatype", "NodeKind", "In", "MinInclusive", "MaxInclusive", "MinExclusive", "MaxExclusive"),
        *("MinLength", "MaxLength", "Pattern", "LanguageIn", "Or", "And", "Not", "Xone", "Node"),
    ]
}


def _only_classes(shapes: Graph, members: Node) -> list[Node] | None:
    """The classes of an ``sh:or`` list whose shapes each say only ``sh:class`` (one), else None."""
    classes = []
    for member in Collection(shapes, members):
        said = [(p, o) for p, o in shapes.predicate_objects(member) if p != RDF.type]
        if len(said) != 1 or said[0][0] != SH["class"]:
            return None
        classes.append(said[0][1])
    return classes or None


def _count(argument: Node) -> str:
    if not (isinstance(argument, Literal) and isinstance(argument.value, int)):
        raise _UnsupportedError(f"a count that is not an integer: {argument!r}")
    return str(argument.value)


def _fixed(message: str) -> Message:
    return lambda _focus, _value: message


def _path(shapes: Graph, node: Node) -> str:
    """A SHACL path as a SPARQL property path."""
    if isinstance(node, URIRef):
        return _term(node)
    if (node, RDF.first, None) in shapes:
        return "(" + "/".join(_path(shapes, step) for step in Collection(shapes, node)) + ")"
    for key, form in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+")):
        inner = shapes.value(node, key)
        if inner is not None:
            return "(" + form.format(_path(shapes, inner)) + ")"
    inner = shapes.value(node, SH.zeroOrOnePath)
    if inner is not None:
        return f"({_path(shapes, inner)}?)"
    alternatives = shapes.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(shapes, step) for step in Collection(shapes, alternatives)) + ")"
    raise _UnsupportedError(f"not a SHACL path: {node!r}")


def _term(term: Node) -> str:
    """`term` written in SPARQL; a blank node cannot be, so its shape goes to pySHACL."""
    try:
        return sparql_term(term)
    except GoalgraphError as error:
        raise _UnsupportedError(str(error)) from None


# Datatypes whose ill-typed literals pySHACL rejects, and that SPARQL can cast to: a literal
# that does not cast is ill-typed ("2020-13-01"^^xsd:date).
_CASTS = {XSD.integer, XSD.decimal, XSD.float, XSD.double, XSD.boolean, XSD.date, XSD.time, XSD.dateTime}
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_NODE_TESTS = {
    SH.datatype, SH.nodeKind, SH["in"], *_COMPARISONS, SH.minLength, SH.maxLength, SH.pattern, SH.languageIn,
    SH["or"], SH["and"], SH["not"], SH.xone, SH.node,
}  # fmt: skip


def _node_test(shapes: Graph, shape: Node, parameter: Node, argument: Node, v: str, depth: int = 0) -> str:
    """A SPARQL expression true when the node `v` passes the constraint, false (never an error) when not."""
    if depth > 8:
        raise _UnsupportedError("shapes nested too deep (or recursive)")
    if parameter == SH.datatype:
        if argument == RDF.langString:
            test = f'isLiteral({v}) && LANG({v}) != ""'
        elif argument == RDFS.Literal:
            test = f"isLiteral({v})"
        else:
            test = f"isLiteral({v}) && sameTerm(DATATYPE({v}), {_term(argument)})"
            if argument in _CASTS:
                test += f" && isLiteral({_term(argument)}({v}))"
    elif parameter == SH.nodeKind:
        if argument not in _NODE_KINDS:
            raise _UnsupportedError(f"not a node kind: {argument!r}")
        test = _NODE_KINDS[URIRef(str(argument))].format(v=v)
    elif parameter == SH["in"]:
        test = " || ".join(f"sameTerm({v}, {_term(item)})" for item in Collection(shapes, argument)) or "false"
    elif parameter in _COMPARISONS:
        test = f"{v} {_COMPARISONS[URIRef(str(parameter))]} {_term(argument)}"
    elif parameter in (SH.minLength, SH.maxLength):
        test = f"!isBlank({v}) && STRLEN(STR({v})) {'>=' if parameter == SH.minLength else '<='} {_count(argument)}"
    elif parameter == SH.pattern:
        flags = "".join(f", {_term(Literal(str(f)))}" for f in shapes.objects(shape, SH.flags))
        test = f"!isBlank({v}) && REGEX(STR({v}), {_term(Literal(str(argument)))}{flags})"
    elif parameter == SH.languageIn:
        ranges = [_term(Literal(str(item))) for item in Collection(shapes, argument)]
        test = f"isLiteral({v}) && ({' || '.join(f'langMatches(LANG({v}), {r})' for r in ranges) or 'false'})"
    elif parameter == SH["class"]:
        test = f"EXISTS {{ {v} <{RDF.type}>/<{RDFS.subClassOf}>* {_term(argument)} }}"
    elif parameter == SH.hasValue:
        test = f"sameTerm({v}, {_term(argument)})"
    elif parameter in (SH["or"], SH["and"], SH.xone):
        members = [_conforms(shapes, member, v, depth + 1) for member in Collection(shapes, argument)]
        if parameter == SH.xone:
            test = "(" + " + ".join(f"IF({m}, 1, 0)" for m in members) + ") = 1" if members else "false"
        else:
            joiner = " || " if parameter == SH["or"] else " && "
            test = joiner.join(members) or ("false" if parameter == SH["or"] else "true")
    elif parameter == SH["not"]:
        test = f"!{_conforms(shapes, argument, v, depth + 1)}"
    elif parameter == SH.node:
        test = _conforms(shapes, argument, v, depth + 1)
    else:
        raise _UnsupportedError(f"{parameter} in a nested shape")
    return f"COALESCE({test}, false)"


def _conforms(shapes: Graph, shape: Node, v: str, depth: int) -> str:
    """An expression true when node `v` conforms to `shape`, a shape without a path."""
    if _deactivated(shapes, shape):
        return "true"
    if shapes.value(shape, SH.path) is not None or (shape, SH.property, None) in shapes:
        raise _UnsupportedError(f"a nested shape with a path: {shape!r}")
    tests = [
        _node_test(shapes, shape, parameter, argument, v, depth)
        for parameter, argument in sorted(shapes.predicate_objects(shape), key=lambda pair: str(pair[0]))
        if parameter not in _NOT_CONSTRAINTS and str(parameter).startswith(str(SH))
    ]
    return "(" + (" && ".join(tests) or "true") + ")"


def _default_message(shapes: Graph, shape: Node, parameter: Node, argument: Node) -> Message:
    """pySHACL's message for a result of a shape without ``sh:message`` (its wording, its way of showing nodes)."""

    def message(focus: Node, value: Node | None) -> str:
        from pyshacl.rdfutil.stringify import stringify_node  # deferred: slow to import, rarely needed

        data = Graph()

        def shown(node: Node, graph: Graph = shapes) -> str:
            return str(stringify_node(graph, node))

        name = str(parameter)[len(str(SH)) :]
        path = shapes.value(shape, SH.path)
        on = f"{shown(focus, data)}->{shown(path)}" if path is not None else shown(focus, data)
        if name in ("minCount", "maxCount"):
            return f"{'Less' if name == 'minCount' else 'More'} than {argument} values on {on}"
        if name in ("or", "and", "xone"):
            listed = " , ".join(shown(member) for member in Collection(shapes, argument))
            verb = {"or": "one or more shapes in", "and": "all shapes in", "xone": "exactly one shape in"}[name]
            return f"Node {shown(value or focus, data)} must conform to {verb} {listed}"
        comparisons = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
        pairs = {"equals": "!=", "disjoint": "==", "lessThan": "<=", "lessThanOrEquals": "<"}
        simple = {
            "class": f"Value does not have class {shown(argument)}",
            "datatype": f"Value is not Literal with datatype {shown(argument)}",
            "nodeKind": f"Value is not of Node Kind {shown(argument)}",
            "minLength": f"String length not >= {shown(argument, data)}",
            "maxLength": f"String length not <= {shown(argument, data)}",
            "pattern": f"Value does not match pattern '{argument}'",
            "uniqueLang": "More than one String shares the same Language",
            "not": f"Node {shown(value or focus, data)} must not conform to shape {shown(argument)}",
            "node": f"Value does not conform to Shape {shown(argument)}. See details for more information.",
        }
        if name in simple:
            return simple[name]
        if name in comparisons:
            return f"Value is not {comparisons[name]} {shown(argument)}"
        if name in pairs:
            return f"Value of {shown(focus, data)}->{shown(argument)} {pairs[name]} {shown(value or focus, data)}"
        if name == "in":
            # A set, built as pySHACL builds it, so that it lists the values in the same order.
            in_list = [shown(item) for item in set(Collection(shapes, argument))]
            return f"Value {shown(value or focus, data)} not in list {in_list}"
        if name == "hasValue":
            if path is not None:
                return f"Node {on} does not contain a value in the set: {[shown(argument)]}"
            return f"Node {shown(focus, data)} value is not a in the set of values: {[shown(argument)]}"
        if name == "languageIn":
            return f"String language is not in {shown(Literal(str(next(iter(Collection(shapes, argument))))))}"
        return f"does not conform to {shown(shape)}"

    return message


# ---------------------------------------------------------------------------
# SPARQL-based constraints and the rest


def _sparql_results(data: Graph, shapes: Graph, shape: Node, constraint: Node) -> Iterator[ShapeResult]:
    message = str(shapes.value(constraint, SH.message) or "does not conform to its shape")
    severity = shapes.value(shape, SH.severity)
    seen = set()
    for query in _sparql_queries(shapes, shape, constraint):
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
                constraint=SH.SPARQLConstraintComponent,
                shape=shape,
            )


def _sparql_queries(shapes: Graph, shape: Node, constraint: Node) -> Iterator[str]:
    """The constraint's SELECT with the shape's targets joined in.

    The targets go first in the query's outermost group, as a subquery binding
    ``?this``; every ``FILTER`` of that group then sees ``?this`` bound, as it would
    be with SHACL's pre-binding of ``$this``.
    """
    select = re.sub(r"\$this\b", "?this", str(shapes.value(constraint, SH.select)))
    prologue = "".join(
        f"PREFIX {shapes.value(declaration, SH.prefix)}: <{shapes.value(declaration, SH.namespace)}>\n"
        for prefixes in shapes.objects(constraint, SH.prefixes)
        for declaration in shapes.objects(prefixes, SH.declare)
    )
    at = where_start(select)
    yield f"{prologue}{select[:at]}\n    {_focus(shapes, shape)}\n{select[at:]}"


def _pyshacl_results(data: Graph, shapes: Graph, fallback: Sequence[Node]) -> Iterator[ShapeResult]:
    """pySHACL's results for the shapes in `fallback` alone (the others lose their targets and SPARQL)."""
    import pyshacl  # deferred: slow to import, needed only here

    kept = set(fallback)
    only = Graph()
    for triple in shapes:
        subject, predicate, _ = triple
        if subject not in kept and (predicate == SH.sparql or predicate in _TARGETS):
            continue
        if subject not in kept and predicate == RDF.type and triple[2] == RDFS.Class:
            continue
        only.add(triple)
    # pySHACL walks the graph triple by triple: an in-memory copy is much faster for
    # that than going through oxrdflib one pattern at a time.
    union = data.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    assert union is not None
    try:
        _conforms, results, _text = pyshacl.validate(
            union, shacl_graph=only, inference="none", allow_warnings=True, allow_infos=True
        )
    except Exception as error:  # pySHACL's own errors for shapes it cannot read
        raise GoalgraphError(f"the shapes cannot be used: {error}") from None
    assert isinstance(results, Graph)
    for result in results.objects(None, SH.result):  # not those nested in them (sh:detail)
        focus = results.value(result, SH.focusNode)
        if focus is None:
            continue
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = results.value(result, SH.resultSeverity)
        component = results.value(result, SH.sourceConstraintComponent)
        source = results.value(result, SH.sourceShape)
        yield ShapeResult(
            focus=focus,
            message=messages[0] if messages else "does not conform to its shape",
            path=path if isinstance(path, URIRef) else None,
            value=results.value(result, SH.value),
            severity=severity if isinstance(severity, URIRef) else SH.Violation,
            constraint=component if isinstance(component, URIRef) else None,
            shape=source if isinstance(source, URIRef | BNode) else None,
        )
