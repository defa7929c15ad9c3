"""Load the ontology, the bundled dataset and users' files into one RDF dataset.

Users' files are RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML), or in a
format an importer reads (:mod:`goalgraph.importers`): goalgraph's YAML and CSV
authoring formats, StratML and ArchiMate.

The dataset is an rdflib :class:`~rdflib.Dataset` whose store is Oxigraph (through
oxrdflib): rdflib's API with Oxigraph's parser and SPARQL engine. Files are parsed
by Oxigraph directly into the store, each into a named graph of its own, and the
default graph is the union of all of them, so queries see everything.

Relative IRIs in a file resolve against the dataset's *base namespace*, so the
bundled data (which writes ``<anklagemyndigheden>`` for the prosecution service)
can be served under any domain: pass ``base=``, set ``GOALGRAPH_BASE``, or keep the
default (see :mod:`goalgraph.bases`, which this module re-exports ``DEFAULT_BASE``,
``BASE_ENV`` and ``resolve_base`` from).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast
from uuid import uuid4

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph

from goalgraph.bases import BASE_ENV, DEFAULT_BASE, resolve_base
from goalgraph.errors import DataError, GoalgraphError, SourceError, display_path
from goalgraph.inputs import check_path, describe, shorten
from goalgraph.namespaces import ONTOLOGY_IRI, PREFIXES
from goalgraph.querying import Answer, read_answer
from goalgraph.resources import bundled_data_dir, ontology_file
from goalgraph.xmlcheck import check_entities

__all__ = [
    "BASE_ENV",
    "DEFAULT_BASE",
    "FORMATS",
    "GoalDataset",
    "InvalidFilesError",
    "Source",
    "check_content",
    "data_error",
    "find_sources",
    "load",
    "own_oxigraph",
    "resolve_base",
]

#: The RDF formats goalgraph reads, by file name suffix.
FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Source:
    """One file to load and the named graph it loads into.

    Attributes
    ----------
    path : Path
        The file.
    graph : URIRef
        Its named graph: the ontology's IRI for the ontology, ``{base}graph/{name}``
        for a bundled file, the file's ``file:`` URI for a user's file.
    format : pyoxigraph.RdfFormat or None
        Its RDF format, from its suffix; None for a file an importer reads.
    bundled : bool
        Whether it ships with goalgraph (the ontology or the bundled dataset).
    importer : str or None
        For a file that is not RDF (YAML, CSV, StratML, ArchiMate), the name of the
        :data:`goalgraph.importers.IMPORTERS` entry that reads it.
    """

    path: Path
    graph: URIRef
    format: ox.RdfFormat | None
    bundled: bool = False
    importer: str | None = None

    @property
    def display(self) -> str:
        """The file as shown in messages."""
        return display_path(self.path)


def _format_of(path: Path) -> ox.RdfFormat | None:
    return FORMATS.get(path.suffix.lower())


#: The folder of the bundled data's examples (``data/examples/``): loaded only when named.
EXAMPLES_FOLDER = "examples"

#: Suffixes of the authoring format that a folder given as data is searched for too
#: (CSV and XML files are read only when named: a folder of them may hold anything).
_AUTHORING_SUFFIXES = (".yaml", ".yml")


def _rdf_files(folder: Path) -> list[Path]:
    """The files under `folder` that goalgraph reads, sorted; hidden files and folders left out.

    Symbolic links to folders are not followed (so a link that loops is never walked).

    Raises
    ------
    SourceError
        If a folder under `folder` cannot be read, or a file it would read is not a
        regular file: a named pipe, a socket, a device, or a symbolic link that loops
        or leads nowhere.
    """

    def unreadable(error: OSError) -> None:
        raise SourceError(f"{shorten(error.filename)}: cannot read this folder ({describe(error)})")

    found = []
    for top, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = Path(top, name)
            readable = _format_of(path) is not None or path.suffix.lower() in _AUTHORING_SUFFIXES
            if readable and not name.startswith("."):
                # Refused unopened: reading a named pipe would wait for ever.
                check_path(path, folder=False, missing="a symbolic link to something that does not exist")
                found.append(path)
    return sorted(found)


def _source(path: Path, graph: URIRef, bundled: bool = False) -> Source:
    """The source for `path`: RDF by its suffix, else the importer that reads it."""
    rdf_format = _format_of(path)
    if rdf_format is not None:
        return Source(path, graph, rdf_format, bundled)
    from goalgraph.importers import IMPORTERS, importer_for_path

    found = importer_for_path(path)
    if found is None:
        suffixes = ", ".join(sorted(FORMATS))
        others = ", ".join(IMPORTERS)
        raise SourceError(
            f"{display_path(path)}: cannot tell the format from the suffix {path.suffix!r} "
            f"(goalgraph reads RDF as {suffixes}, and imports {others})"
        )
    return Source(path, graph, None, bundled, importer=found.name)


def find_sources(
    paths: Iterable[PathLike] | PathLike | None = None,
    *,
    bundled: bool = True,
    base: str | None = None,
) -> list[Source]:
    """List the files that :func:`load` would load, in order, with their graphs.

    Parameters
    ----------
    paths : path or iterable of paths, optional
        Files or folders to add. A file is RDF (by its suffix: see :data:`FORMATS`) or
        in a format an importer reads (YAML, CSV, StratML, ArchiMate: see
        :func:`goalgraph.importers.importer_for_path`). A folder adds every RDF and
        YAML file under it (CSV and XML files are read only when named).
    bundled : bool
        Include the bundled dataset. The ontology is always included.
    base : str, optional
        The base namespace (see :func:`resolve_base`).

    Returns
    -------
    list of Source
        In the order given, except that CSV results tables given on their own come
        last, after the files that define their indicators.

    Raises
    ------
    SourceError
        If a path does not exist, cannot be looked at (a name too long, a symbolic
        link that loops), is not a regular file or folder (a named pipe, a socket, a
        device: nothing is opened), a folder holds no file goalgraph reads or a file
        that is not regular, or a file's suffix names no format goalgraph reads.
    """
    base = resolve_base(base)
    sources = [Source(ontology_file(), URIRef(ONTOLOGY_IRI), ox.RdfFormat.TURTLE, bundled=True)]
    if bundled:
        data_dir = bundled_data_dir()
        for path in _rdf_files(data_dir):
            relative = path.relative_to(data_dir)
            if relative.parts[0] == EXAMPLES_FOLDER:
                continue  # examples are loaded by name, never as part of the bundled data
            name = relative.with_suffix("").as_posix()
            sources.append(_source(path, URIRef(f"{base}graph/{name}"), bundled=True))

    if paths is None:
        paths = []
    elif isinstance(paths, str | os.PathLike):
        paths = [paths]
    for given in paths:
        path = Path(given)
        if check_path(path):
            files = _rdf_files(path)
            if not files:
                suffixes = ", ".join(sorted([*FORMATS, *_AUTHORING_SUFFIXES]))
                raise SourceError(f"{given}: no RDF files in this folder (looked for {suffixes})")
        else:
            files = [path]
        for file in files:
            resolved = file.resolve()
            sources.append(_source(resolved, URIRef(resolved.as_uri())))

    unique: dict[Path, Source] = {}
    for source in sources:
        unique.setdefault(source.path.resolve(), source)
    # A results table given on its own finds its indicators in the other files: it loads after them.
    return sorted(unique.values(), key=_is_results_table)


def _is_results_table(source: Source) -> bool:
    if source.importer != "csv":
        return False
    from goalgraph.importers.authoring import is_results_table

    return is_results_table(source.path)


#: The prefix of scratch graphs: a file loaded again goes into one first, then moves over its
#: graph. The name is goalgraph's own, so that a store can tell with certainty one that a
#: killed load left behind (goalgraph.storage removes them).
SCRATCH_PREFIX = "urn:goalgraph:scratch:"


class GoalDataset(Dataset):
    """An rdflib Dataset in an in-memory Oxigraph store, with where its graphs came from.

    Query it as any rdflib Dataset (``ds.query(...)``; the default graph is the
    union of all named graphs), or reach the Oxigraph store itself as
    :attr:`oxigraph` when rdflib's per-triple API is too slow for a job.

    Parameters
    ----------
    base : str, optional
        The base namespace relative IRIs resolve against (see :func:`resolve_base`).
    store : pyoxigraph.Store, optional
        The store to use; a new in-memory one by default. :func:`goalgraph.storage.open_store`
        passes an on-disk one.

    Attributes
    ----------
    base : str
        The base namespace.
    sources : list of Source
        The files loaded so far, one per named graph.
    oxigraph : pyoxigraph.Store
        The store underneath.
    """

    def __init__(self, base: str | None = None, *, store: ox.Store | None = None) -> None:
        # An on-disk store comes from goalgraph.storage; by default the store is in memory.
        self.oxigraph = store if store is not None else ox.Store()
        super().__init__(store=OxigraphStore(store=self.oxigraph), default_union=True)
        self.base = resolve_base(base)
        self.sources: list[Source] = []
        for prefix, namespace in PREFIXES.items():
            self.bind(prefix, namespace, override=True, replace=True)

    def add_source(self, source: Source) -> None:
        """Parse `source` into its named graph, replacing what that graph held.

        The file is parsed in one transaction: on an error the dataset is unchanged.

        Raises
        ------
        DataError
            If the file is not valid RDF in its format, or cannot be read.
        """
        graph = ox.NamedNode(str(source.graph))
        replacing = self.oxigraph.contains_named_graph(graph)
        # A reload goes through a scratch graph, so a failed parse leaves the old content.
        target = ox.NamedNode(f"{SCRATCH_PREFIX}{uuid4()}") if replacing else graph
        try:
            if source.importer is not None:
                self._import(source, target)
            else:
                self._parse(source, target, replacing)
            if replacing:
                self.oxigraph.update(f"MOVE GRAPH <{target.value}> TO GRAPH <{graph.value}>")
        except BaseException:
            if replacing:  # interrupted (Ctrl-C) too: the scratch graph goes, the old content stays
                self.oxigraph.remove_graph(target)
            raise
        self.sources = [s for s in self.sources if s.graph != source.graph] + [source]

    def _import(self, source: Source, target: ox.NamedNode) -> None:
        """Read a non-RDF source with its importer; an error raises before anything is stored."""
        from goalgraph.importers import importer

        if _is_results_table(source):
            from goalgraph.importers.authoring import read_csv

            # Its indicators are in the files loaded before it (find_sources puts it last).
            imported = read_csv(source.path, base=str(self.base), known=self)
        else:
            imported = importer(str(source.importer)).read(source.path, base=str(self.base))
        # N-Triples is the cheapest hand-over: Oxigraph parses it faster than terms convert one by one.
        # An importer that built its graph in an Oxigraph store of its own hands it over as it is.
        inner = own_oxigraph(imported)
        if inner is not None:
            ntriples = inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        else:
            ntriples = imported.serialize(format="nt", encoding="utf-8")
        try:
            self.oxigraph.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=target)
        except MemoryError:
            # A text of more than 16 MiB overflows the parser's buffer (a MemoryError). A bulk
            # load into a store of its own has no such buffer, and extend() adds in one transaction.
            if inner is None:
                inner = ox.Store()
                inner.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES)
            quads = inner.quads_for_pattern(None, None, None, ox.DefaultGraph())
            self.oxigraph.extend(ox.Quad(q.subject, q.predicate, q.object, target) for q in quads)

    def _parse(self, source: Source, target: ox.NamedNode, replacing: bool) -> None:
        try:
            check_content(source)
            self.oxigraph.load(path=str(source.path), format=source.format, base_iri=self.base, to_graph=target)
        except (SyntaxError, MemoryError) as error:
            if replacing:
                self.oxigraph.remove_graph(target)
            raise data_error(source, error) from None
        except OSError as error:
            raise DataError(source.display, error.strerror or str(error)) from None

    def source_of(self, graph: URIRef | str) -> Source | None:
        """The source loaded into named graph `graph`, if any."""
        return next((s for s in self.sources if str(s.graph) == str(graph)), None)

    def answer(self, query: str) -> Answer:
        """Run `query` in Oxigraph, over the union of the named graphs (see :class:`~goalgraph.querying.Backend`).

        Straight to the store, not through rdflib's API: each distinct term of the
        answer becomes an rdflib term once (see :func:`goalgraph.querying.read_answer`).

        Raises
        ------
        SyntaxError
            From Oxigraph, for a malformed query ("error at LINE:COLUMN: ...").
        """
        return read_answer(self.oxigraph.query(query, use_default_graph_as_union=True, prefixes=PREFIXES))

    def oxigraph_store(self) -> ox.Store:
        """The store underneath, read in place (see :class:`~goalgraph.querying.Backend`)."""
        return self.oxigraph

    def in_process(self) -> GoalDataset:
        """The dataset itself: it is held in this process already (a remote one is copied)."""
        return self


def own_oxigraph(graph: Graph) -> ox.Store | None:
    """The Oxigraph store under a plain rdflib graph that has one to itself, else None.

    Such a store (oxrdflib's, as the authoring importer builds) holds exactly the
    graph's triples, in its default graph, so it can be read in place instead of
    triple by triple through rdflib.

    >>> import pyoxigraph as ox
    >>> from oxrdflib import OxigraphStore
    >>> store = OxigraphStore(store=ox.Store())
    >>> own_oxigraph(Graph(store=store, identifier=DATASET_DEFAULT_GRAPH_ID)) is not None
    True
    >>> own_oxigraph(Graph()) is None
    True
    """
    inner = getattr(graph.store, "_inner", None)  # where oxrdflib keeps its store
    if (
        isinstance(inner, ox.Store)
        and next(iter(inner.named_graphs()), None) is None
        and graph.identifier == DATASET_DEFAULT_GRAPH_ID
        and not isinstance(graph, ConjunctiveGraph)
    ):
        return inner
    return None


def check_content(source: Source) -> None:
    """Refuse what Oxigraph would read unsafely, before it parses `source`: entities in RDF/XML.

    Raises
    ------
    DataError
        Naming the file and line (see :mod:`goalgraph.xmlcheck`).
    OSError
        If the file cannot be read.
    """
    if source.format == ox.RdfFormat.RDF_XML:
        check_entities(source.path, source.display)  # Oxigraph expands every entity it finds


_POSITION = re.compile(r"^Parser error (?:at|between) line \d+ column \d+(?: and line \d+ column \d+)?: ")


def data_error(source: Source, error: SyntaxError | MemoryError) -> DataError:
    """The message for Oxigraph's error parsing `source`: a syntax error, or a token too long for it."""
    if isinstance(error, MemoryError):
        return _too_long(source, error)
    message = _POSITION.sub("", str(error.msg))
    if "LoadDocumentCallback" in message:
        message = (
            "the JSON-LD refers to a remote @context; goalgraph does not fetch from the "
            "network, so put the context in the file"
        )
    return DataError(source.display, message, line=error.lineno, column=error.offset)


#: Oxigraph's text parsers hold the token they read (a literal, an IRI) in a buffer of at most this many bytes.
LONGEST_TOKEN = 16 * 1024 * 1024
_BUFFER_FULL = "Reached the buffer maximal size"


def _too_long(source: Source, error: MemoryError) -> DataError:
    """The message for a file with a token longer than Oxigraph's buffer, with where the token starts."""
    if not str(error).startswith(_BUFFER_FULL):
        return DataError(source.display, f"not enough memory to parse it ({error})")
    where = _token_start(source)
    return DataError(
        source.display,
        f"a literal or IRI {'that starts here ' if where else ''}is longer than {LONGEST_TOKEN >> 20} MiB, "
        "more than goalgraph's parser (Oxigraph) reads in Turtle, TriG, N-Triples, N-Quads and JSON-LD; "
        "split the text, or write the file as RDF/XML, which has no such limit",
        line=where[0] if where else None,
        column=where[1] if where else None,
    )


class _CountingReader:
    """A binary file that counts the bytes it hands out, and ends after `limit` of them if given."""

    def __init__(self, file: IO[bytes], limit: int | None = None) -> None:
        self.file = file
        self.limit = limit
        self.done = 0

    def read(self, size: int = -1) -> bytes:
        if self.limit is not None:
            left = self.limit - self.done
            size = left if size < 0 else min(size, left)
        data = self.file.read(size)
        self.done += len(data)
        return data


def _token_start(source: Source) -> tuple[int, int | None] | None:
    """Where the token that overflows Oxigraph's buffer starts (line, column), if it can be told.

    Oxigraph does not say: the file is parsed again, to where the buffer overflows, then
    again, ending a little short of there. In the middle of the token, the parser reports
    an unexpected end of file where the token starts. The JSON parser's buffer may overflow
    further back, so the end moves back, 1 MiB and then twice as far each time, until it does not.
    """
    try:
        with source.path.open("rb") as file:
            reader = _CountingReader(file)
            try:
                for _ in ox.parse(cast(IO[bytes], reader), format=source.format, base_iri=DEFAULT_BASE):
                    pass
                return None
            except MemoryError:
                reached = reader.done
            except SyntaxError:  # not the same parse as the failed one, after all
                return None
            for back in (1, *(1 << shift for shift in range(20, 24))):
                file.seek(0)
                short = cast(IO[bytes], _CountingReader(file, max(0, reached - back)))
                try:
                    for _ in ox.parse(short, format=source.format, base_iri=DEFAULT_BASE):
                        pass
                except MemoryError:
                    continue
                except SyntaxError as error:
                    return (error.lineno, error.offset) if error.lineno else None
                return None
    except OSError:
        pass
    return None


class InvalidFilesError(GoalgraphError):
    """Every file that is not valid in its format, where :func:`load` was asked for all (``all_errors=True``).

    Parameters
    ----------
    errors : sequence of DataError
        One per file, in the order the files load.

    Examples
    --------
    >>> print(InvalidFilesError([DataError("a.ttl", "Unexpected end", line=2), DataError("b.yaml", "no statements")]))
    a.ttl:2: Unexpected end
    b.yaml: no statements
    """

    def __init__(self, errors: Sequence[DataError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(error) for error in self.errors))

    def to_dict(self) -> dict[str, object]:
        """The errors as JSON-ready data, in the shape of a validation report (``"check": "syntax"``)."""
        problems = [{"check": "syntax", "source": e.path, "line": e.line, "message": e.message} for e in self.errors]
        return {"conforms": False, "problems": problems}


def load(
    paths: Iterable[PathLike] | PathLike | None = None,
    *,
    bundled: bool = True,
    base: str | None = None,
    all_errors: bool = False,
) -> GoalDataset:
    """Load the ontology, the bundled dataset and any extra files into a dataset.

    Each file goes into a named graph of its own (see :class:`Source`); TriG,
    N-Quads and JSON-LD files keep the named graphs they declare.

    Parameters
    ----------
    paths : path or iterable of paths, optional
        Extra files or folders: RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD,
        RDF/XML), goalgraph's YAML and CSV authoring formats, StratML or ArchiMate
        (see :func:`find_sources`).
    bundled : bool
        Include the bundled dataset (the ontology is always included).
    base : str, optional
        The base namespace that relative IRIs resolve against.
    all_errors : bool
        Parse every file, and raise :class:`InvalidFilesError` with each bad file's error,
        rather than the first bad file's :class:`~goalgraph.errors.DataError`.

    Returns
    -------
    GoalDataset

    Raises
    ------
    SourceError
        If a path does not exist or holds no file goalgraph reads.
    DataError
        If a file is not valid in its format; the message names the file and line.
    InvalidFilesError
        With `all_errors`, if any file is not valid, naming each.

    Examples
    --------
    >>> import goalgraph
    >>> ds = goalgraph.load()
    >>> len(ds.sources) > 1
    True
    >>> ds.query("ASK { ?s gg:text 'Kvalitet i sagsbehandlingen'@da }").askAnswer
    True
    """
    dataset = GoalDataset(base)
    errors: list[DataError] = []
    for source in find_sources(paths, bundled=bundled, base=dataset.base):
        try:
            dataset.add_source(source)
        except DataError as error:
            if not all_errors:
                raise
            errors.append(error)
    if errors:
        raise InvalidFilesError(errors)
    return dataset
