"""Named queries: the analysts' questions as documented, parameterised SPARQL files.

Each question of ``domain.md`` (what an organisation states, trace, coverage,
orphans, matrix, cross-organisation links, joint statements, search, provenance)
is a ``.rq`` file in ``goalgraph/queries/`` whose header says what it answers::

    # title: Trace a statement to the top
    # description: The statements a statement supports, ...
    # param statement (statement, required): the statement to trace
    # pivot: row column link            (optional: show the table as a cross-table)

A parameter's kind says how its value is read (see
:func:`goalgraph.resolving.resolve`): ``statement``, ``organisation`` and ``plan``
take an IRI, prefixed name, identifier or name; ``term`` an ontology term such as
``StrategicMarker``; ``text`` and ``language`` a literal. Values are bound with
:func:`goalgraph.querying.bind`, never pasted into the query.

Users' own ``.rq`` files run the same way; their header is optional.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast, get_args

from pyparsing import ParseException
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from goalgraph.errors import GoalgraphError, display_path
from goalgraph.inputs import check_path, describe
from goalgraph.query_safety import RefusedQueryError, check_query, needs_check, update_operation
from goalgraph.querying import bind, execute
from goalgraph.resolving import ReferenceKind, resolve

if TYPE_CHECKING:
    import pandas

__all__ = ["NamedQuery", "Parameter", "QueryError", "QueryResult", "find_query", "named_queries", "run_query"]

_QUERIES_DIR = Path(__file__).resolve().parent / "queries"
_PARAM = re.compile(r"# param (\w+) \((\w+)(, required)?\): (.+)")
_KINDS = set(get_args(ReferenceKind))


class QueryError(GoalgraphError):
    """A query that cannot run as asked: unknown, malformed, or missing a parameter (exit 2)."""

    exit_code = 2


@dataclass(frozen=True)
class Parameter:
    """A parameter of a named query: ``--param NAME=VALUE``."""

    name: str
    kind: ReferenceKind
    required: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with its header read.

    Attributes
    ----------
    name : str
        The file name without ``.rq``.
    title, description : str
        From the header (``# title:``, ``# description:``).
    parameters : tuple of Parameter
        From ``# param`` lines.
    pivot : tuple of str or None
        ``(row, column, cell)`` variables, when the header asks for a cross-table.
    text : str
        The query.
    path : Path
        Its file.
    """

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str
    path: Path
    pivot: tuple[str, str, str] | None = None

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called `name`, if the query declares one."""
        return next((p for p in self.parameters if p.name == name), None)


@dataclass
class QueryResult:
    """What a query answered.

    Attributes
    ----------
    query : NamedQuery
    variables : list of str
        The columns of a SELECT, without those of parameters that were given
        (their value is the same on every row) or that no row binds.
    rows : list of dict
        A SELECT's solutions, variable name → RDF term (None where unbound).
    ask : bool or None
        An ASK query's answer.
    graph : rdflib.Graph or None
        A CONSTRUCT or DESCRIBE query's triples.
    """

    query: NamedQuery
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node | None]] = field(default_factory=list)
    ask: bool | None = None
    graph: Graph | None = None

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame of strings (IRIs and literals' text).

        Needs pandas: ``pip install "goalgraph[notebooks]"``.
        """
        try:
            import pandas
        except ImportError:
            raise GoalgraphError('to_dataframe() needs pandas: pip install "goalgraph[notebooks]"') from None
        records = [{v: None if row[v] is None else str(row[v]) for v in self.variables} for row in self.rows]
        return pandas.DataFrame.from_records(records, columns=self.variables)


def read_query(path: Path, name: str | None = None) -> NamedQuery:
    """Read a ``.rq`` file and its header.

    Raises
    ------
    QueryError
        If the file cannot be read or is not UTF-8 text, or a ``# param`` line is
        malformed or names an unknown kind.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise QueryError(f"{display_path(path)}: cannot read it ({describe(error, 'no such file')})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(path, raw, error.start) from None
    header: dict[str, str] = {}
    parameters = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        if line.startswith("# param"):
            match = _PARAM.fullmatch(line.strip())
            if not match or match[2] not in _KINDS:
                kinds = ", ".join(sorted(_KINDS))
                raise QueryError(
                    f"{display_path(path)}:{number}: a parameter is declared as "
                    f"'# param NAME (KIND[, required]): description' with KIND one of {kinds}"
                )
            kind = cast(ReferenceKind, match[2])
            parameters.append(Parameter(match[1], kind, bool(match[3]), match[4].strip()))
        elif ":" in line:
            key, _, value = line[1:].partition(":")
            header.setdefault(key.strip().lower(), value.strip())
    pivot = header.get("pivot", "").split()
    return NamedQuery(
        name=name or path.stem,
        title=header.get("title", path.stem),
        description=header.get("description", ""),
        parameters=tuple(parameters),
        text=text,
        path=path,
        pivot=(pivot[0], pivot[1], pivot[2]) if len(pivot) == 3 else None,
    )


def _not_utf8(path: Path, raw: bytes, offset: int) -> QueryError:
    """The message for a query file whose byte at `offset` is not UTF-8, with its line and column."""
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - raw.rfind(b"\n", 0, offset)
    return QueryError(
        f"{display_path(path)}:{line}: not UTF-8 text: the byte 0x{raw[offset]:02x} (column {column}) cannot "
        "start or continue a UTF-8 character; a query is read as UTF-8 text (is this file a query?)"
    )


@cache
def named_queries() -> dict[str, NamedQuery]:
    """The queries shipped with goalgraph, by name.

    Examples
    --------
    >>> sorted(named_queries())[:4]
    ['alignments', 'conflicts', 'coverage', 'cross-organisation']
    """
    return {path.stem: read_query(path) for path in sorted(_QUERIES_DIR.glob("*.rq"))}


def find_query(name_or_path: str) -> NamedQuery:
    """A shipped query by name, or a user's ``.rq`` file by path.

    Raises
    ------
    QueryError
        If there is no such query; the message lists the closest names.
    """
    shipped = named_queries()
    if name_or_path in shipped:
        return shipped[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".rq" or os.path.exists(path):  # os.path.exists is False for a name too long
        # A named pipe or device is refused unopened: reading one could wait for ever.
        check_path(path, folder=False, missing="no such file", error=QueryError)
        return read_query(path)
    close = difflib.get_close_matches(name_or_path, list(shipped), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise QueryError(f"no query named {name_or_path!r}{hint} (goalgraph query --list shows them all)")


def _binding(graph: Graph, query: NamedQuery, name: str, value: str) -> Node:
    parameter = query.parameter(name)
    if parameter is not None:
        return resolve(graph, value, parameter.kind)
    if query.parameters or query.path.parent == _QUERIES_DIR:
        accepted = ", ".join(p.name for p in query.parameters) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {name!r} (it takes: {accepted})")
    # A user's query without declarations: <...> is an IRI, anything else text.
    return URIRef(value[1:-1]) if value.startswith("<") and value.endswith(">") else Literal(value)


def run_query(graph: Graph, query: NamedQuery | str, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a named query (or a user's ``.rq`` file) with parameters.

    Parameters
    ----------
    graph : rdflib.Graph
        The goal graph, usually from :func:`goalgraph.load`.
    query : NamedQuery or str
        A query, a shipped query's name, or the path of a ``.rq`` file.
    params : mapping of str to str, optional
        Parameter values as a person writes them (``{"statement": "SM3"}``).

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryError
        For an unknown query or parameter, a missing required parameter, or a
        malformed query (with the file, line and column).
    goalgraph.resolving.UnknownReferenceError, goalgraph.resolving.AmbiguousReferenceError
        If a parameter names nothing, or several things.

    Examples
    --------
    >>> import goalgraph
    >>> result = run_query(goalgraph.load(), "trace", {"statement": "SM3"})
    >>> len(result.rows) > 0, "statement" in result.variables
    (True, False)
    """
    if isinstance(query, str):
        query = find_query(query)
    params = dict(params or {})
    for parameter in query.parameters:
        if parameter.required and parameter.name not in params:
            raise QueryError(f"query {query.name!r} needs --param {parameter.name}=... ({parameter.description})")
    users = query.path.parent != _QUERIES_DIR
    if users and needs_check(query.text):
        # A user's file that could call out is parsed before it runs: Oxigraph would fetch a SERVICE.
        try:
            check_query(query.text)
        except RefusedQueryError as error:
            where = display_path(query.path) + (f":{error.line}" if error.line else "")
            raise QueryError(f"{where}: {error.reason}" + (f" (column {error.column})" if error.line else "")) from None
    bindings = {name: _binding(graph, query, name, value) for name, value in params.items()}
    try:
        answer = execute(graph, bind(query.text, bindings))
    except (SyntaxError, ParseException) as error:
        update = update_operation(query.text) if users else None
        if update is not None:
            raise QueryError(f"{display_path(query.path)}: {RefusedQueryError.for_update(update)}") from None
        raise QueryError(_syntax_message(query, error)) from None
    if answer.boolean is not None:
        return QueryResult(query, ask=answer.boolean)
    if answer.graph is not None:
        return QueryResult(query, graph=answer.graph)
    declared = {p.name for p in query.parameters} | set(params)
    variables = [
        v
        for v in answer.variables
        if v not in params and (v not in declared or any(row[v] is not None for row in answer.rows))
    ]
    if variables == answer.variables:
        return QueryResult(query, variables, answer.rows)
    return QueryResult(query, variables, [{v: row[v] for v in variables} for row in answer.rows])


def _syntax_message(query: NamedQuery, error: Exception) -> str:
    where = display_path(query.path)
    message = str(error)
    found = re.search(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if found:
        return f"{where}:{found[1]}: {found[3].strip()} (column {found[2]})"
    if isinstance(error, ParseException):
        return f"{where}:{error.lineno}: {error.msg} (column {error.col})"
    return f"{where}: {message}"
