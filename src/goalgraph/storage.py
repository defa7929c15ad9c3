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
"""

from __future__ import annotations

import json
import time
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, cast
from uuid import uuid4

import pyoxigraph as ox
from rdflib import URIRef

from goalgraph.errors import DataError, GoalgraphError, display_path
from goalgraph.files import write_atomically
from goalgraph.loading import GoalDataset, PathLike, Source, _data_error, find_sources, resolve_base
from goalgraph.progress import Progress, ProgressReader

__all__ = ["DATABASE", "STORE_FILE", "StoreError", "is_store", "load_store", "open_store"]

#: The file that marks a folder as a goalgraph store and lists what it holds.
STORE_FILE = "goalgraph.json"
#: The Oxigraph database, inside the store folder.
DATABASE = "oxigraph"
_LOCK = "goalgraph.lock"
_VERSION = 1
#: Files at least this large are bulk-loaded with a progress bar (into an on-disk store, one
#: transaction is ten times slower at 100,000 triples); smaller ones load in one transaction.
BULK_LOAD_BYTES = 1024 * 1024
_BLOCK_BYTES = 16 * 1024 * 1024
_LINE_BASED = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)


class StoreError(GoalgraphError):
    """A store folder that cannot be used: missing, not a store, or in use."""


def _lock(folder: Path, *, exclusive: bool) -> IO[bytes] | None:
    """Take the store's lock (shared to read, exclusive to load) or raise StoreError."""
    try:
        import fcntl
    except ImportError:  # not POSIX: Oxigraph's own lock still keeps two writers apart
        return None
    handle = (folder / _LOCK).open("a+b")
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
    if not folder.is_dir():
        raise StoreError(f"{where}: no goalgraph store here (fill one with: goalgraph load --store {where})")
    manifest = folder / STORE_FILE
    if not manifest.is_file():
        raise StoreError(f"{where}: not a goalgraph store (it has no {STORE_FILE}; make one with goalgraph load)")
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{display_path(manifest)}: unreadable ({error})") from None
    if not isinstance(data, dict) or data.get("goalgraph-store") != _VERSION:
        raise StoreError(f"{display_path(manifest)}: not a goalgraph store description (version {_VERSION})")
    return data


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


def open_store(folder: PathLike, *, base: str | None = None) -> GoalDataset:
    """Open a store folder read-only, as a :class:`~goalgraph.loading.GoalDataset`.

    Parameters
    ----------
    folder : path
        A folder that :func:`load_store` filled.
    base : str, optional
        Must be the base namespace the store was loaded with, if given.

    Returns
    -------
    GoalDataset
        With the store's base and sources; writing to it fails.

    Raises
    ------
    StoreError
        If the folder is missing, is not a goalgraph store, is being loaded, or was
        loaded with another base namespace.
    """
    folder = Path(folder)
    manifest = _read_manifest(folder)
    stored_base = _stored_base(folder, manifest, base)
    database, handle = _open_locked(folder, read_only=True)
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
) -> GoalDataset:
    """Load the ontology, the bundled dataset and `paths` into a store folder.

    The folder is made if missing. Each file replaces its named graph; graphs of
    files loaded before and not named now stay.

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

    Returns
    -------
    GoalDataset
        The store, open for writing until the dataset is dropped.

    Raises
    ------
    StoreError
        If the folder is not empty and not a goalgraph store, or is in use.
    SourceError, DataError
        As :func:`goalgraph.load`; files loaded before the bad one stay loaded,
        and the bad one's graph is as it was.
    """
    folder = Path(folder)
    fresh = not (folder / STORE_FILE).exists()
    if fresh and folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StoreError(
            f"{display_path(folder)}: not a goalgraph store and not empty; name a new folder for the store"
        )
    if not fresh:
        manifest = _read_manifest(folder)
        base = _stored_base(folder, manifest, base)
        loaded = {entry["graph"]: entry for entry in manifest.get("sources", [])}
    else:
        manifest = {"goalgraph-store": _VERSION, "base": resolve_base(base)}
        loaded = {}
    sources = find_sources(paths, bundled=bundled, base=base)  # every path checked before anything is written
    folder.mkdir(parents=True, exist_ok=True)
    database, handle = _open_locked(folder, read_only=False)
    dataset = GoalDataset(base, store=database)
    _keep_lock(dataset, handle)

    def record() -> None:
        manifest["sources"] = list(loaded.values())
        write_atomically(folder / STORE_FILE, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")

    if not loaded:
        record()  # the folder is a goalgraph store from now on, even if the first file fails
    try:
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
    content stays whole until the new is).
    """
    store = dataset.oxigraph
    graph = ox.NamedNode(str(source.graph))
    replacing = store.contains_named_graph(graph)
    target = ox.NamedNode(f"urn:uuid:{uuid4()}") if replacing else graph
    size = source.path.stat().st_size
    try:
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
    except SyntaxError as error:
        store.remove_graph(target)
        raise _data_error(source, error) from None
    except OSError as error:
        store.remove_graph(target)
        raise DataError(source.display, error.strerror or str(error)) from None
    if replacing:
        store.update(f"DROP SILENT GRAPH <{graph.value}> ; MOVE GRAPH <{target.value}> TO GRAPH <{graph.value}>")


def is_store(folder: PathLike) -> bool:
    """Whether `folder` is a goalgraph store folder."""
    return (Path(folder) / STORE_FILE).is_file() and (Path(folder) / DATABASE).is_dir()
