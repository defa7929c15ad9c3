"""Queries run in worker processes, so a runaway query can be stopped.

Oxigraph cannot interrupt a query once it runs, and a thread cannot be killed. So
the endpoint keeps a few worker processes, each with the dataset open read-only
from an on-disk copy, and sends each query to an idle one. A query that outlives
the time limit gets its worker killed and replaced; the other workers go on
answering in the meantime.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

__all__ = ["QueryFailedError", "QueryPool", "QueryTimeoutError", "ResultTooLargeError"]


class QueryTimeoutError(Exception):
    """The query ran past the time limit and was stopped."""


class ResultTooLargeError(Exception):
    """The result would be larger than the endpoint sends."""


class QueryFailedError(Exception):
    """The SPARQL engine refused or failed the query; the message is its own."""


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection


def _serve(store_path: str, connection: Connection) -> None:
    """A worker's life: open the store read-only, then answer queries until told to stop."""
    import pyoxigraph as ox

    from goalgraph.namespaces import PREFIXES

    store = ox.Store.read_only(store_path)
    connection.send(("ready",))
    while True:
        request = connection.recv()
        if request is None:
            return
        query, result_format, max_bytes, union = request
        try:
            answer = store.query(query, use_default_graph_as_union=union)
            if isinstance(answer, ox.QueryTriples):
                # The module's serialize, unlike the result's, writes prefixes: Turtle people can read.
                rdf_format = ox.RdfFormat.from_media_type(result_format)
                body = ox.serialize(answer, format=rdf_format, prefixes=PREFIXES)
            else:
                body = answer.serialize(format=ox.QueryResultsFormat.from_media_type(result_format))
        except SyntaxError as error:
            connection.send(("syntax", str(error)))
            continue
        except Exception as error:  # the engine's own errors go back to the client as text
            connection.send(("failed", f"{type(error).__name__}: {error}"))
            continue
        assert body is not None
        if len(body) > max_bytes:
            connection.send(("too large", len(body)))
        else:
            connection.send(("ok", body))


class QueryPool:
    """Worker processes that answer SPARQL queries on a read-only store.

    Parameters
    ----------
    store_path : Path
        An Oxigraph store on disk, which no process writes while the pool runs.
    workers : int
        How many queries may run at once.
    timeout : float
        Seconds a query may run before its worker is killed.
    max_bytes : int
        The largest serialised result sent back.
    """

    def __init__(
        self, store_path: Path, *, workers: int = 2, timeout: float = 10.0, max_bytes: int = 50_000_000
    ) -> None:
        self.store_path = store_path
        self.size = workers
        self.timeout = timeout
        self.max_bytes = max_bytes
        # Spawned, not forked: a fork would copy the parent's threads' locks mid-use.
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(str(self.store_path), child), daemon=True)
        process.start()
        child.close()
        if not parent.poll(60) or parent.recv() != ("ready",):
            process.kill()
            raise RuntimeError(f"a query worker could not open the store at {self.store_path}")
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

    async def run(self, query: str, result_format: str, *, union: bool = True) -> bytes:
        """Run `query` in an idle worker and return its serialised result.

        Parameters
        ----------
        query : str
            A checked, read-only SPARQL query.
        result_format : str
            The media type to serialise to (a SPARQL results format for SELECT and
            ASK, an RDF format for CONSTRUCT and DESCRIBE).
        union : bool
            Whether the default graph is the union of all graphs; a query with
            FROM or FROM NAMED chooses its own.

        Raises
        ------
        QueryTimeoutError, ResultTooLargeError, QueryFailedError, SyntaxError
        """
        assert self._idle is not None, "start() the pool first"
        worker = await self._idle.get()
        loop = asyncio.get_running_loop()
        try:
            worker.connection.send((query, result_format, self.max_bytes, union))
            answered = await loop.run_in_executor(None, worker.connection.poll, self.timeout)
        except BaseException:
            await self._replace(worker)
            raise
        if not answered:
            await self._replace(worker)
            raise QueryTimeoutError(f"the query ran longer than {self.timeout:g} s and was stopped")
        reply = worker.connection.recv()
        self._idle.put_nowait(worker)
        match reply:
            case ("ok", bytes() as body):
                return body
            case ("syntax", message):
                raise SyntaxError(message)
            case ("too large", size):
                raise ResultTooLargeError(
                    f"the result is {size:,} bytes, more than the {self.max_bytes:,} this endpoint sends; "
                    "narrow the query or add LIMIT"
                )
            case (_, message):
                raise QueryFailedError(str(message))
        raise QueryFailedError("the query worker gave no answer")

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
