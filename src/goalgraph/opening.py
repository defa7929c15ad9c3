"""One way to open a goal graph: files in memory, an on-disk store, or a SPARQL endpoint.

:func:`open_graph`, also ``goalgraph.open``, returns the graph a notebook or the
command line works on, whichever of the three keeps it; every function of the
package takes any of them (they share :class:`goalgraph.querying.Backend`)::

    goalgraph.open()                                   # the bundled dataset, in memory
    goalgraph.open(["national/", "extra.yaml"])        # with files of your own added
    goalgraph.open(store="goals.db")                   # what `goalgraph load --store` filled
    goalgraph.open(endpoint="http://localhost:8890/sparql", user="dba", password=getpass.getpass)

Arguments that do not go together raise :class:`ArgumentsError`, whose message names
the arguments, and whose :attr:`~ArgumentsError.command_line` names the options the
command line has for them.

>>> import goalgraph
>>> g = goalgraph.open()
>>> len(g.sources) > 1
True
>>> goalgraph.open(store="goals.db", endpoint="http://localhost:8890/sparql")
Traceback (most recent call last):
...
goalgraph.opening.ArgumentsError: give store= or endpoint=, not both
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal, overload

from goalgraph.errors import GoalgraphError
from goalgraph.loading import PathLike, load

if TYPE_CHECKING:
    from goalgraph.loading import GoalDataset
    from goalgraph.remote import Endpoint, RemoteDataset

__all__ = ["ArgumentsError", "open_endpoint", "open_graph"]


class ArgumentsError(GoalgraphError):
    """Arguments that do not go together: a usage error (exit status 2).

    Parameters
    ----------
    message : str
        What is wrong, naming the Python arguments (``store=``).
    command_line : str
        The same, naming the command line's options (``--store``), as ``goalgraph`` says it.
    """

    exit_code = 2

    def __init__(self, message: str, *, command_line: str) -> None:
        super().__init__(message)
        self.command_line = command_line


def open_endpoint(
    url: str,
    *,
    update_url: str | None = None,
    graph_store_url: str | None = None,
    user: str | None = None,
    password: Callable[[str], str] | None = None,
) -> Endpoint:
    """A SPARQL endpoint to read (and, with `update_url`, write), its URLs checked first.

    The password comes from ``GOALGRAPH_PASSWORD``, else from calling `password` with a
    prompt (when a `user` is given); a bearer token from ``GOALGRAPH_TOKEN``. Secrets
    are never arguments (see :meth:`goalgraph.remote.Endpoint.from_environment`).

    Raises
    ------
    goalgraph.remote.EndpointError
        If a URL is not an http(s) URL with a host and no credentials in it; before
        any password is asked for.
    """
    from goalgraph.remote import Endpoint  # deferred: the HTTP client is needed only here

    return Endpoint.from_environment(
        url, update_url=update_url, graph_store_url=graph_store_url, user=user, ask_password=password
    )


@overload
def open_graph(
    data: Iterable[PathLike] | PathLike = (),
    *,
    store: PathLike | None = None,
    endpoint: str | None = None,
    bundled: bool = True,
    base: str | None = None,
    user: str | None = None,
    password: Callable[[str], str] | None = None,
    in_process: Literal[True],
    all_errors: bool = False,
    on_cleanup: Callable[[str], None] | None = None,
) -> GoalDataset: ...


@overload
def open_graph(
    data: Iterable[PathLike] | PathLike = (),
    *,
    store: PathLike | None = None,
    endpoint: str | None = None,
    bundled: bool = True,
    base: str | None = None,
    user: str | None = None,
    password: Callable[[str], str] | None = None,
    in_process: bool = False,
    all_errors: bool = False,
    on_cleanup: Callable[[str], None] | None = None,
) -> GoalDataset | RemoteDataset: ...


def open_graph(
    data: Iterable[PathLike] | PathLike = (),
    *,
    store: PathLike | None = None,
    endpoint: str | None = None,
    bundled: bool = True,
    base: str | None = None,
    user: str | None = None,
    password: Callable[[str], str] | None = None,
    in_process: bool = False,
    all_errors: bool = False,
    on_cleanup: Callable[[str], None] | None = None,
) -> GoalDataset | RemoteDataset:
    """Open the goal graph: the files (with the bundled dataset), a store folder, or an endpoint.

    Named ``open_graph`` here, so that this module, and ``from goalgraph.opening import *``,
    keep Python's own ``open``. The package offers it as ``goalgraph.open`` too, the
    short name a notebook uses (``import goalgraph; goalgraph.open(...)``): an
    attribute of the package, it hides the builtin only where ``from goalgraph import *``
    is written, which brings it in as ``open``.

    Parameters
    ----------
    data : path or iterable of paths, optional
        Files or folders to add to the bundled dataset: RDF (Turtle, TriG, N-Triples,
        N-Quads, JSON-LD, RDF/XML), goalgraph's YAML and CSV authoring formats,
        StratML and ArchiMate (see :func:`goalgraph.loading.find_sources`).
    store : path, optional
        A store folder that :func:`goalgraph.storage.load_store` (``goalgraph load
        --store``) filled: opened read-only, nothing parsed.
    endpoint : str, optional
        The query URL of a SPARQL 1.1 endpoint holding the graph (see
        :func:`goalgraph.remote.push`).
    bundled : bool
        Include the bundled dataset (the ontology is always loaded). Files only.
    base : str, optional
        The base namespace relative IRIs resolve against (see :func:`goalgraph.bases.resolve_base`);
        a store must have been loaded with it.
    user : str, optional
        The user name at the endpoint.
    password : callable, optional
        Asked, with a prompt, for the endpoint's password when `user` is given and
        ``GOALGRAPH_PASSWORD`` is not set (``getpass.getpass`` will do).
    in_process : bool
        Return the graph held in this process: an endpoint's graph is copied here
        (one request per graph), for work that reads every triple (exporting,
        validating, serving).
    all_errors : bool
        Files: parse every one, and raise one :class:`~goalgraph.loading.InvalidFilesError`
        with every file's syntax error, not the first file's alone.
    on_cleanup : callable, optional
        Store: told, in a sentence, what a killed load left and is being removed.

    Returns
    -------
    GoalDataset or RemoteDataset
        Either answers through :class:`goalgraph.querying.Backend`.

    Raises
    ------
    ArgumentsError
        For `store` and `endpoint` together, or either with `data` or ``bundled=False``.
    goalgraph.errors.SourceError, goalgraph.errors.DataError, goalgraph.loading.InvalidFilesError
        As :func:`goalgraph.load`.
    goalgraph.storage.StoreError
        As :func:`goalgraph.storage.open_store`.
    goalgraph.remote.EndpointError
        For an endpoint URL that is not one, or that holds no goalgraph data.
    """
    paths = [data] if isinstance(data, str | os.PathLike) else list(data)
    if store and endpoint:
        raise ArgumentsError("give store= or endpoint=, not both", command_line="give --store or --endpoint, not both")
    if (store or endpoint) and (paths or not bundled):
        if store:
            where, adding = f"--store {store}", "goalgraph load --store DIR --data FILE"
            message = f"store={os.fspath(store)!r} holds the graph: add files to it with goalgraph.storage.load_store()"
        else:
            where, adding = f"--endpoint {endpoint}", "goalgraph push --endpoint URL --data FILE"
            message = f"endpoint={endpoint!r} holds the graph: add files to it with goalgraph.remote.push()"
        raise ArgumentsError(message, command_line=f"{where} holds the graph: add files to it with `{adding}`")
    graph: GoalDataset | RemoteDataset
    if store:
        from goalgraph.storage import open_store

        graph = open_store(store, base=base, on_cleanup=on_cleanup)
    elif endpoint:
        from goalgraph.remote import RemoteDataset

        graph = RemoteDataset(open_endpoint(endpoint, user=user, password=password), base=base)
    else:
        graph = load(paths, bundled=bundled, base=base, all_errors=all_errors)
    return graph.in_process() if in_process else graph


#: ``goalgraph.open``: :func:`open_graph` by its short name (left out of ``__all__``: see there).
open = open_graph
