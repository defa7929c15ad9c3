"""Queries run in worker processes, so a runaway query can be stopped.

Oxigraph cannot interrupt a query once it runs, and a thread cannot be killed. So
the endpoint keeps a few worker processes, each with the dataset open read-only
from an on-disk copy, and sends each query to an idle one. A query that outlives
the time limit gets its worker killed and replaced; the other workers go on
answering in the meantime.

Each worker is also held to a memory limit (a query that grows past it ends its
worker, which is replaced) and, on Linux, is cut off from the network: it starts
in a network namespace of its own with no interfaces up, so even a query that got
past the check could not make Oxigraph fetch a ``SERVICE`` URL. The check itself
(:func:`goalgraph.query_safety.check_query`) also runs in a worker, under the time
limit, as rdflib's parser can take seconds on a long query.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import hashlib
import multiprocessing
import os
import sys
from collections.abc import Collection
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

import pyoxigraph as ox

from goalgraph.namespaces import PREFIXES
from goalgraph.query_safety import CheckedQuery, RefusedQueryError, check_query, needs_check, update_operation

__all__ = [
    "FormNotAcceptableError",
    "QueryFailedError",
    "QueryMemoryError",
    "QueryPool",
    "QueryTimeoutError",
    "ResultTooLargeError",
    "isolate_network",
]


class QueryTimeoutError(Exception):
    """The query ran past the time limit and was stopped."""


class ResultTooLargeError(Exception):
    """The result would be larger than the endpoint sends."""


class QueryFailedError(Exception):
    """The SPARQL engine refused or failed the query; the message is its own."""


class QueryMemoryError(QueryFailedError):
    """The query needed more memory than a worker may use, and was stopped."""


class FormNotAcceptableError(Exception):
    """The query answered with results (or a graph), a kind of format the client accepts none of.

    Attributes
    ----------
    kind : {"results", "graph"}
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(kind)


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection


#: The first item of a message that tells a worker to open another store (None pickles as itself).
_REOPEN = None

_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000


def isolate_network() -> bool:
    """Move this process into a new, empty network namespace; whether that worked.

    Linux only. As root a network namespace alone is made; otherwise a user
    namespace with it, which unprivileged processes may make where the kernel
    allows (Debian does). Must run before the process starts threads: the kernel
    refuses a new user namespace to a multi-threaded process.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    flags = _CLONE_NEWNET if os.geteuid() == 0 else _CLONE_NEWUSER | _CLONE_NEWNET
    return bool(libc.unshare(flags) == 0)


def _serve(store_path: str, connection: Connection, graphs: list[str], memory_bytes: int | None, isolate: bool) -> None:
    """A worker's life: cut itself off, open the store read-only, then answer until told to stop."""
    isolated = isolate_network() if isolate else False
    if memory_bytes is not None:
        import resource

        # The data segment (heap and private mappings), not the address space: RocksDB maps
        # its files, which would count against an address-space limit for nothing.
        resource.setrlimit(resource.RLIMIT_DATA, (memory_bytes, memory_bytes))

    store = ox.Store.read_only(store_path)
    verdicts = _Verdicts(frozenset(graphs))
    connection.send(("ready", isolated))
    while True:
        request = connection.recv()
        if request is None:
            return
        if request[0] is _REOPEN:
            # A newer copy of the data (serve --curate, after a decision): the old store closes as it goes.
            store = ox.Store.read_only(request[1])
            verdicts = _Verdicts(frozenset(request[2]))
            connection.send(("ready", isolated))
            continue
        try:
            connection.send(_answer(store, verdicts, *request))
        except MemoryError:
            connection.send(("memory", None))


def _answer(
    store: ox.Store,
    verdicts: _Verdicts,
    query: str,
    result_type: str | None,
    graph_type: str | None,
    max_bytes: int,
    check: bool,
) -> tuple[object, ...]:
    """One query's reply: ("ok", body, media type), or what went wrong."""
    union = True
    if check and needs_check(query):
        verdict = verdicts.of(query)
        if isinstance(verdict, RefusedQueryError):
            return ("refused", str(verdict))
        union = not verdict.names_graphs
    try:
        answer = store.query(query, use_default_graph_as_union=union)
        if isinstance(answer, ox.QueryTriples):
            if graph_type is None:
                return ("not acceptable", "graph")
            # The module's serialize, unlike the result's, writes prefixes: Turtle people can read.
            body = ox.serialize(answer, format=ox.RdfFormat.from_media_type(graph_type), prefixes=PREFIXES)
            media_type = graph_type
        else:
            if result_type is None:
                return ("not acceptable", "results")
            body = answer.serialize(format=ox.QueryResultsFormat.from_media_type(result_type))
            media_type = result_type
    except SyntaxError as error:
        # Oxigraph's query parser does not read updates; say what it was, not just where it failed.
        update = update_operation(query) if check else None
        if update is not None:
            return ("refused", str(RefusedQueryError.for_update(update)))
        return ("syntax", str(error))
    except MemoryError:
        raise
    except Exception as error:  # the engine's own errors go back to the client as text
        return ("failed", f"{type(error).__name__}: {error}")
    assert body is not None
    if len(body) > max_bytes:
        return ("too large", len(body))
    return ("ok", body, media_type)


class _Verdicts:
    """The check's verdicts on the queries it parsed, the last few kept (a query is often sent again)."""

    def __init__(self, graphs: frozenset[str], size: int = 256) -> None:
        self.graphs = graphs
        self._size = size
        self._kept: dict[bytes, CheckedQuery | RefusedQueryError] = {}

    def of(self, query: str) -> CheckedQuery | RefusedQueryError:
        key = hashlib.sha256(query.encode()).digest()
        if key not in self._kept:
            try:
                self._kept[key] = check_query(query, self.graphs)
            except RefusedQueryError as error:
                self._kept[key] = error
            if len(self._kept) > self._size:
                del self._kept[next(iter(self._kept))]
        return self._kept[key]


class QueryPool:
    """Worker processes that check and answer SPARQL queries on a read-only store.

    Parameters
    ----------
    store_path : Path
        An Oxigraph store on disk, which no process writes while the pool runs.
    workers : int
        How many queries may run at once.
    timeout : float
        Seconds a query (or its check) may run before its worker is killed.
    max_bytes : int
        The largest serialised result sent back.
    graphs : collection of str
        The dataset's named graphs, which FROM and FROM NAMED may name.
    memory_bytes : int, optional
        The most memory a worker may take (its data segment); None for no limit.
    isolate_network : bool
        Cut the workers off from the network where the system allows it.

    Attributes
    ----------
    network_isolated : bool
        Whether every worker started so far is cut off from the network.
    """

    def __init__(
        self,
        store_path: Path,
        *,
        workers: int = 2,
        timeout: float = 10.0,
        max_bytes: int = 50_000_000,
        graphs: Collection[str] = (),
        memory_bytes: int | None = None,
        isolate_network: bool = True,
    ) -> None:
        self.store_path = store_path
        self.size = workers
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.memory_bytes = memory_bytes
        self.network_isolated = isolate_network
        self._graphs = sorted(graphs)
        self._isolate = isolate_network
        # Spawned, not forked: a fork would copy the parent's threads' locks mid-use.
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe()
        arguments = (str(self.store_path), child, self._graphs, self.memory_bytes, self._isolate)
        process = self._context.Process(target=_serve, args=arguments, daemon=True)
        process.start()
        child.close()
        reply = parent.recv() if parent.poll(60) else None
        if not (isinstance(reply, tuple) and reply[0] == "ready"):
            process.kill()
            raise RuntimeError(f"a query worker could not open the store at {self.store_path}")
        self.network_isolated = self.network_isolated and bool(reply[1])
        worker = _Worker(process, parent)
        self._all.append(worker)
        return worker

    async def start(self) -> None:
        """Start the workers (each opens the store)."""
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        started = await asyncio.gather(*(loop.run_in_executor(None, self._start_worker) for _ in range(self.size)))
        for worker in started:
            self._idle.put_nowait(worker)

    async def stop(self) -> None:
        """Stop every worker."""
        for worker in self._all:
            with contextlib.suppress(OSError, ValueError):  # already gone
                worker.connection.send(None)
            worker.process.join(timeout=1)
            if worker.process.is_alive():
                worker.process.kill()
        self._all.clear()

    async def reopen(self, store_path: Path, graphs: Collection[str]) -> None:
        """Have every worker open the store at `store_path` instead, with the named graphs `graphs`.

        Each worker is taken as it comes back idle (a query waiting for one gets it
        first: the queue serves in order), told, and put back; the others go on
        answering meanwhile. When this returns, every worker answers from the new store,
        and the old one may be deleted.

        Raises
        ------
        RuntimeError
            If a worker could not open the new store (it is replaced, on the new store).
        """
        assert self._idle is not None, "start() the pool first"
        self.store_path = store_path
        self._graphs = sorted(graphs)
        loop = asyncio.get_running_loop()
        for _ in range(self.size):
            worker = await self._idle.get()
            try:
                worker.connection.send((_REOPEN, str(store_path), self._graphs))
                answered = await loop.run_in_executor(None, worker.connection.poll, 60)
                reply = worker.connection.recv() if answered else None
            except (EOFError, OSError):
                reply = None
            if isinstance(reply, tuple) and reply[0] == "ready":
                self._idle.put_nowait(worker)
            else:
                await self._replace(worker)  # a new worker opens the new store

    async def run(
        self, query: str, *, result_type: str | None = None, graph_type: str | None = None, check: bool = True
    ) -> tuple[bytes, str]:
        """Check `query`, run it in an idle worker, and return its serialised result.

        Parameters
        ----------
        query : str
            A SPARQL query.
        result_type, graph_type : str or None
            The media type to serialise a SELECT's or ASK's results to, and a
            CONSTRUCT's or DESCRIBE's graph to; None where the client accepts none.
        check : bool
            Check the query first (:mod:`goalgraph.query_safety`); False only for
            goalgraph's own queries (a named query bound with escaped terms).

        Returns
        -------
        bytes, str
            The body and its media type.

        Raises
        ------
        goalgraph.query_safety.RefusedQueryError
            For SERVICE, an update, or FROM outside the dataset.
        FormNotAcceptableError
            If the query's form answers in a kind of format the client accepts none of.
        QueryTimeoutError, QueryMemoryError, ResultTooLargeError, QueryFailedError, SyntaxError
        """
        match await self._ask((query, result_type, graph_type, self.max_bytes, check)):
            case ("ok", bytes() as body, str() as media_type):
                return body, media_type
            case ("refused", message):
                raise RefusedQueryError(str(message))
            case ("not acceptable", kind):
                raise FormNotAcceptableError(str(kind))
            case reply:
                raise self._failure(reply)

    async def _ask(self, request: tuple[object, ...]) -> tuple[object, ...]:
        """Send `request` to an idle worker and wait, at most the time limit, for its reply."""
        assert self._idle is not None, "start() the pool first"
        worker = await self._idle.get()
        loop = asyncio.get_running_loop()
        try:
            worker.connection.send(request)
            answered = await loop.run_in_executor(None, worker.connection.poll, self.timeout)
        except BaseException:
            await self._replace(worker)
            raise
        if not answered:
            await self._replace(worker)
            raise QueryTimeoutError(f"the query ran longer than {self.timeout:g} s and was stopped")
        try:
            reply: tuple[object, ...] = worker.connection.recv()
        except (EOFError, OSError):
            # The worker died; with a memory limit, most likely the allocator aborted at it.
            await self._replace(worker)
            return ("memory", None) if self.memory_bytes else ("failed", "the query worker stopped unexpectedly")
        self._idle.put_nowait(worker)
        return reply

    def _failure(self, reply: tuple[object, ...]) -> Exception:
        match reply:
            case ("syntax", message):
                return SyntaxError(message)
            case ("too large", size):
                return ResultTooLargeError(
                    f"the result is {size:,} bytes, more than the {self.max_bytes:,} this endpoint sends; "
                    "narrow the query or add LIMIT"
                )
            case ("memory", _):
                limit = f" ({self.memory_bytes / 2**20:,.0f} MiB)" if self.memory_bytes else ""
                return QueryMemoryError(
                    f"the query needed more memory than a query may use here{limit} and was stopped; "
                    "narrow it, or add LIMIT"
                )
            case (_, message):
                return QueryFailedError(str(message))
        return QueryFailedError("the query worker gave no answer")

    async def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(timeout=5)
        self._all.remove(worker)
        loop = asyncio.get_running_loop()
        assert self._idle is not None
        self._idle.put_nowait(await loop.run_in_executor(None, self._start_worker))


def default_workers() -> int:
    """Two at least, so a slow query never holds up the rest; else one per core."""
    return max(2, os.cpu_count() or 1)
