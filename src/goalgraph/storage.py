"""A goal graph kept on disk: parse once with ``goalgraph load``, open in milliseconds after.

A *store folder* holds an Oxigraph database (``oxigraph/``) and ``goalgraph.json``,
which records the base namespace and the files loaded, each in its named graph::

    $ goalgraph load --store goals.db --data national/      # parse, once
    $ goalgraph stats --store goals.db                      # open: no parsing
    $ goalgraph serve --store goals.db

Loading a file again replaces its named graph; every other graph stays. Large files
are bulk-loaded (Oxigraph writes its sorted tables straight to disk) with a progress
bar. A file that fails to parse leaves the store as it was.

Readers open the store read-only, so several can share it. Oxigraph does not allow a
reader while a writer has the database open, so a lock file keeps the two apart: a
load waits for nobody and refuses while the store is open elsewhere, and a reader
refuses while a load is running, each with a message saying so.

A load that is killed (``kill -9``, a crash) or interrupted (Ctrl-C) leaves the store as
it was before the file it was loading, or with that file loaded in full.
``goalgraph.json`` is the record of what the store holds: it lists every named graph,
and is written, atomically, only once a file has loaded in full. A graph the database
holds and the record does not list is part of an unfinished load (a graph being filled
in place, or a scratch graph, named under :data:`~goalgraph.loading.SCRATCH_PREFIX`): the
next process to open the store removes it before anything reads it, a reader taking the
writer's lock for as long as that takes.
"""

from __future__ import annotations

import contextlib
import json
import stat
import time
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, cast
from uuid import uuid4

import pyoxigraph as ox
from rdflib import URIRef

from goalgraph.bases import resolve_base
from goalgraph.errors import DataError, GoalgraphError, display_path
from goalgraph.files import write_atomically
from goalgraph.inputs import describe, file_kind, shorten
from goalgraph.loading import SCRATCH_PREFIX, GoalDataset, PathLike, Source, check_content, data_error, find_sources
from goalgraph.progressbar import Progress, ProgressReader

__all__ = ["DATABASE", "STORE_FILE", "StoreError", "is_store", "load_store", "open_store"]

#: The file that marks a folder as a goalgraph store and lists what it holds.
STORE_FILE = "goalgraph.json"
#: The Oxigraph database, inside the store folder.
DATABASE = "oxigraph"
_LOCK = "goalgraph.lock"
#: Version 2 lists the store's graphs ("graphs"). goalgraph before it would load into such a
#: store without listing what it adds (which a later open would take for leftovers): it refuses 2.
_VERSION = 2
#: Version 1 lists no graphs: there, only scratch graphs are known leftovers.
_READABLE = (1, 2)
#: Files at least this large are bulk-loaded with a progress bar (into an on-disk store, one
#: transaction is ten times slower at 100,000 triples); smaller ones load in one transaction.
BULK_LOAD_BYTES = 1024 * 1024
_BLOCK_BYTES = 16 * 1024 * 1024
_LINE_BASED = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)


class StoreError(GoalgraphError):
    """A store folder that cannot be used: missing, not a store, or in use."""


def _is_folder(folder: Path) -> bool:
    """Whether `folder` exists; StoreError if it is not a folder or cannot be looked at (a name too long)."""
    try:
        mode = folder.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise StoreError(f"{shorten(display_path(folder))}: {describe(error)}") from None
    if not stat.S_ISDIR(mode):
        shown = shorten(display_path(folder))
        raise StoreError(f"{shown}: {file_kind(mode)}, not a folder; a store is a folder (goalgraph load --store DIR)")
    return True


def _lock(folder: Path, *, exclusive: bool) -> IO[bytes] | None:
    """Take the store's lock (shared to read, exclusive to load) or raise StoreError."""
    try:
        import fcntl
    except ImportError:  # not POSIX: Oxigraph's own lock still keeps two writers apart
        return None
    try:
        handle = (folder / _LOCK).open("a+b")
    except OSError as error:
        raise StoreError(f"{display_path(folder)}: cannot open the store's lock file ({describe(error)})") from None
    try:
        fcntl.flock(handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        where = display_path(folder)
        if exclusive:
            raise StoreError(
                f"{where}: the store is open in another process (a goalgraph serve, or another command); "
                "stop it, then load again"
            ) from None
        raise StoreError(
            f"{where}: the store is being loaded by another process; try again when it has finished"
        ) from None
    return handle


def _read_manifest(folder: Path) -> dict[str, Any]:
    where = display_path(folder)
    if not _is_folder(folder):
        raise StoreError(f"{where}: no goalgraph store here (fill one with: goalgraph load --store {where})")
    manifest = folder / STORE_FILE
    if not manifest.is_file():
        raise StoreError(f"{where}: not a goalgraph store (it has no {STORE_FILE}; make one with goalgraph load)")
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{display_path(manifest)}: unreadable ({error})") from None
    if not isinstance(data, dict) or data.get("goalgraph-store") not in _READABLE:
        raise StoreError(f"{display_path(manifest)}: not a goalgraph store description (version {_VERSION})")
    graphs = data.get("graphs", [])
    if not isinstance(graphs, list) or not all(isinstance(graph, str) for graph in graphs):
        raise StoreError(f"{display_path(manifest)}: unreadable (its graphs are not a list of names)")
    return data


def _graph_name(graph: ox.NamedNode | ox.BlankNode) -> str:
    """A named graph as goalgraph.json lists it: its IRI, or ``_:id`` for a blank node."""
    return graph.value if isinstance(graph, ox.NamedNode) else str(graph)


def _leftovers(database: ox.Store, manifest: dict[str, Any]) -> list[ox.NamedNode | ox.BlankNode]:
    """The graphs in the database that no finished load put there: an interrupted load left them.

    goalgraph.json lists every graph of the store as it stood when its last file had loaded
    in full, and is written after the database, so a graph it does not list belongs to a
    load that did not finish. It takes one listing of the graphs, not of their triples.
    """
    listed = manifest.get("graphs")
    committed = set(listed) if listed is not None else None
    found = []
    for graph in database.named_graphs():
        name = _graph_name(graph)
        if name.startswith(SCRATCH_PREFIX) or (committed is not None and name not in committed):
            found.append(graph)
    return found


def _remove_leftovers(
    folder: Path,
    database: ox.Store,
    manifest: dict[str, Any],
    on_cleanup: Callable[[str], None] | None,
) -> None:
    """Remove what an interrupted load left in the (writable) database, saying so first: it can take a while."""
    leftovers = _leftovers(database, manifest)
    if not leftovers:
        return
    if on_cleanup is not None:
        named = [_graph_name(graph) for graph in leftovers if not _graph_name(graph).startswith(SCRATCH_PREFIX)]
        partly = f" (partly loaded: {', '.join(named[:3])}{', ...' if len(named) > 3 else ''})" if named else ""
        on_cleanup(f"{display_path(folder)}: removing {len(leftovers)} graph(s) an interrupted load left{partly}")
    for graph in leftovers:
        database.remove_graph(graph)
    # Into the database's files: left in its write-ahead log, the removals would be replayed
    # by every read-only open (10 s after half a million triples were removed).
    database.flush()


def _tidy(folder: Path, on_cleanup: Callable[[str], None] | None) -> None:
    """Remove what an interrupted load left, under the writer's lock, as the next load would."""
    try:
        handle = _lock(folder, exclusive=True)
    except StoreError:
        raise StoreError(
            f"{display_path(folder)}: an interrupted load left part of a file in the store, which cannot be "
            "removed while another process has the store open; stop it, then try again"
        ) from None
    try:
        database = _open_database(folder, read_only=False)
        _remove_leftovers(folder, database, _read_manifest(folder), on_cleanup)
        del database  # closed now, so that this process can open it to read
    finally:
        if handle is not None:
            handle.close()


def _open_reading(
    folder: Path, on_cleanup: Callable[[str], None] | None
) -> tuple[ox.Store, IO[bytes] | None, dict[str, Any]]:
    """Open the database read-only, once no graph that an interrupted load left is in it."""
    for _ in range(2):  # twice: another load could have run, and been killed, in between
        manifest = _read_manifest(folder)
        database, handle = _open_locked(folder, read_only=True)
        if not _leftovers(database, manifest):
            return database, handle, manifest
        # A reader cannot write, and must not see them: let go, remove them as a writer, open again.
        del database
        if handle is not None:
            handle.close()
        _tidy(folder, on_cleanup)
    raise StoreError(f"{display_path(folder)}: loads keep being interrupted; try again when none is running")


def _stored_base(folder: Path, manifest: dict[str, Any], base: str | None) -> str:
    """The store's base namespace; StoreError if `base` is given and differs from it."""
    stored = str(manifest["base"])
    if base is not None and resolve_base(base) != stored:
        raise StoreError(
            f"{display_path(folder)}: loaded with the base namespace {stored}, not {base}; "
            "load into a new folder to change it"
        )
    return stored


def _source(entry: dict[str, Any]) -> Source:
    extension = entry.get("format")
    return Source(
        Path(entry["path"]),
        URIRef(entry["graph"]),
        ox.RdfFormat.from_extension(extension) if extension else None,
        bool(entry.get("bundled")),
        importer=entry.get("importer"),
    )


def _entry(source: Source) -> dict[str, Any]:
    return {
        "path": str(source.path),
        "graph": str(source.graph),
        "format": source.format.file_extension if source.format is not None else None,
        "importer": source.importer,
        "bundled": source.bundled,
    }


def _open_database(folder: Path, *, read_only: bool) -> ox.Store:
    try:
        if read_only:
            return ox.Store.read_only(str(folder / DATABASE))
        return ox.Store(str(folder / DATABASE))
    except (OSError, RuntimeError) as error:  # RocksDB reports corruption as a RuntimeError
        message = str(error)
        if "lock" in message.lower():
            raise StoreError(f"{display_path(folder)}: the store is open in another process ({message})") from None
        raise StoreError(f"{display_path(folder)}: not an Oxigraph database that can be opened ({message})") from None


def _open_locked(folder: Path, *, read_only: bool) -> tuple[ox.Store, IO[bytes] | None]:
    """Take the lock (shared to read, exclusive to write), then open the database under it."""
    handle = _lock(folder, exclusive=not read_only)
    try:
        return _open_database(folder, read_only=read_only), handle
    except StoreError:
        if handle is not None:
            handle.close()
        raise


def _keep_lock(dataset: GoalDataset, handle: IO[bytes] | None) -> None:
    """Hold the lock as long as the dataset lives."""
    if handle is not None:
        weakref.finalize(dataset, handle.close)


def open_store(
    folder: PathLike, *, base: str | None = None, on_cleanup: Callable[[str], None] | None = None
) -> GoalDataset:
    """Open a store folder read-only, as a :class:`~goalgraph.loading.GoalDataset`.

    What a killed load left in the store is removed first (see the module's notes),
    under the writer's lock; that is the only time opening writes.

    Parameters
    ----------
    folder : path
        A folder that :func:`load_store` filled.
    base : str, optional
        Must be the base namespace the store was loaded with, if given.
    on_cleanup : callable, optional
        Told, in a sentence, what a killed load left and is being removed.

    Returns
    -------
    GoalDataset
        With the store's base and sources; writing to it fails.

    Raises
    ------
    StoreError
        If the folder is missing, is not a goalgraph store, is being loaded, or was
        loaded with another base namespace; or a killed load left data in it that
        cannot be removed now (the store is open elsewhere).
    """
    folder = Path(folder)
    stored_base = _stored_base(folder, _read_manifest(folder), base)
    database, handle, manifest = _open_reading(folder, on_cleanup)
    dataset = GoalDataset(stored_base, store=database)
    dataset.sources = [_source(entry) for entry in manifest.get("sources", [])]
    _keep_lock(dataset, handle)
    return dataset


def load_store(
    folder: PathLike,
    paths: Iterable[PathLike] | PathLike | None = None,
    *,
    bundled: bool = True,
    base: str | None = None,
    progress: bool | None = None,
    on_source: Callable[[Source, float], None] | None = None,
    on_cleanup: Callable[[str], None] | None = None,
) -> GoalDataset:
    """Load the ontology, the bundled dataset and `paths` into a store folder.

    The folder is made if missing. Each file replaces its named graph; graphs of
    files loaded before and not named now stay. What a killed load left is removed
    first; an interrupted one (Ctrl-C) removes what it left itself.

    Parameters
    ----------
    folder : path
        The store folder.
    paths : path or iterable of paths, optional
        Files or folders to load, as for :func:`goalgraph.load`.
    bundled : bool
        Load the bundled dataset too (the ontology is always loaded).
    base : str, optional
        The base namespace; an existing store keeps the one it has.
    progress : bool, optional
        Show a progress bar for large files; by default when standard error is a terminal.
    on_source : callable, optional
        Called with each source and the seconds it took, once loaded.
    on_cleanup : callable, optional
        Told, in a sentence, what an interrupted load left and is being removed.

    Returns
    -------
    GoalDataset
        The store, open for writing until the dataset is dropped.

    Raises
    ------
    StoreError
        If the folder is not empty and not a goalgraph store, is not a folder, or is in use.
    SourceError, DataError
        As :func:`goalgraph.load`; files loaded before the bad one stay loaded,
        and the bad one's graph is as it was.
    """
    folder = Path(folder)
    exists = _is_folder(folder)
    try:
        fresh = not (exists and (folder / STORE_FILE).exists())
        if fresh and exists and any(folder.iterdir()):
            raise StoreError(
                f"{display_path(folder)}: not a goalgraph store and not empty; name a new folder for the store"
            )
    except OSError as error:
        raise StoreError(f"{display_path(folder)}: cannot look into the folder ({describe(error)})") from None
    if not fresh:
        manifest = _read_manifest(folder)
        base = _stored_base(folder, manifest, base)
        loaded = {entry["graph"]: entry for entry in manifest.get("sources", [])}
    else:
        manifest = {"goalgraph-store": _VERSION, "base": resolve_base(base), "sources": [], "graphs": []}
        loaded = {}
    sources = find_sources(paths, bundled=bundled, base=base)  # every path checked before anything is written
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "part of the path is a file" if isinstance(error, NotADirectoryError) else describe(error)
        raise StoreError(f"{display_path(folder)}: cannot make the store folder ({reason})") from None
    database, handle = _open_locked(folder, read_only=False)
    dataset = GoalDataset(base, store=database)
    _keep_lock(dataset, handle)

    def record() -> None:
        # Written after the database, so that it lists a file, and its graphs, only once it
        # has loaded in full: any other graph is what an interrupted load left (see _leftovers).
        described = {
            **manifest,
            "goalgraph-store": _VERSION,
            "sources": list(loaded.values()),
            "graphs": sorted(_graph_name(graph) for graph in database.named_graphs()),
        }
        write_atomically(folder / STORE_FILE, json.dumps(described, indent=2, ensure_ascii=False) + "\n")
        manifest.update(described)

    try:
        _remove_leftovers(folder, database, manifest, on_cleanup)
        record()  # a goalgraph store from now on, even if the first file fails, that lists its graphs
        for source in sources:
            started = time.perf_counter()
            if source.format is not None and source.path.stat().st_size >= BULK_LOAD_BYTES:
                _bulk_load(dataset, source, progress)
                dataset.sources = [s for s in dataset.sources if s.graph != source.graph] + [source]
            else:
                dataset.add_source(source)
            loaded[str(source.graph)] = _entry(source)
            record()
            if on_source is not None:
                on_source(source, time.perf_counter() - started)
    except BaseException as error:
        try:
            # Interrupted (Ctrl-C) or failed: what the unfinished file left goes now. If that
            # fails or is interrupted too, the next open removes it.
            with contextlib.suppress(Exception):
                _remove_leftovers(folder, database, manifest, on_cleanup)
        finally:
            # Let go of the store and its locks now, not when the error is forgotten: its
            # traceback would keep the frames that hold the store alive (a caller that goes
            # on to load again would find the store still locked).
            del dataset, database
            if handle is not None:
                handle.close()
        if isinstance(error, GoalgraphError):  # a message for the user: no traceback needed
            error.__context__ = None  # the parser's error, whose traceback holds the store too
            raise error.with_traceback(None) from None
        raise
    dataset.sources = [_source(entry) for entry in loaded.values()]
    dataset.oxigraph.flush()
    return dataset


def _bulk_load(dataset: GoalDataset, source: Source, progress: bool | None) -> None:
    """Bulk-load a large file into its graph; a failure leaves the store as it was.

    Bulk loading is not one transaction. A new graph is loaded in place and dropped
    if the file turns out bad; a graph that exists is replaced through a scratch
    graph moved over it once the file has loaded (a copy, so slower, but the old
    content stays whole until the new is). If the process is killed on the way,
    neither is in goalgraph.json yet, and the next open removes them.
    """
    store = dataset.oxigraph
    graph = ox.NamedNode(str(source.graph))
    replacing = store.contains_named_graph(graph)
    target = ox.NamedNode(f"{SCRATCH_PREFIX}{uuid4()}") if replacing else graph
    size = source.path.stat().st_size
    try:
        check_content(source)  # entities in RDF/XML, before Oxigraph expands them
        with source.path.open("rb") as file, Progress(f"loading {source.display}", size, enabled=progress) as bar:
            if source.format in _LINE_BASED:
                # Whole lines in large blocks: Oxigraph parses a block in parallel, and the bar
                # moves block by block (a third faster than reading through a file object).
                lines_before = 0
                while block := file.read(_BLOCK_BYTES):
                    block += file.readline()
                    try:
                        store.bulk_load(block, format=source.format, base_iri=dataset.base, to_graph=target)
                    except SyntaxError as error:
                        if error.lineno is not None:  # counted from the block's start: count from the file's
                            error.lineno += lines_before
                        raise
                    lines_before += block.count(b"\n")
                    bar.advance(len(block))
            else:
                reader = cast(IO[bytes], ProgressReader(file, bar))
                store.bulk_load(reader, format=source.format, base_iri=dataset.base, to_graph=target)
    except (SyntaxError, MemoryError) as error:  # MemoryError: a literal longer than the parser's buffer
        store.remove_graph(target)
        raise data_error(source, error) from None
    except OSError as error:
        store.remove_graph(target)
        raise DataError(source.display, error.strerror or str(error)) from None
    if replacing:
        store.update(f"DROP SILENT GRAPH <{graph.value}> ; MOVE GRAPH <{target.value}> TO GRAPH <{graph.value}>")


def is_store(folder: PathLike) -> bool:
    """Whether `folder` is a goalgraph store folder."""
    try:
        return (Path(folder) / STORE_FILE).is_file() and (Path(folder) / DATABASE).is_dir()
    except OSError:  # a name too long, say: no store there
        return False
