"""The triple stores the remote backend is tested against, behind one description.

Each runs on loopback in a temporary folder. Where a store is not installed its
tests skip, except in CI (``CI=true``), where ``.ci/run`` (``scripts/setup``)
installs both and an absence is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from goalgraph.remote import Endpoint

from . import oxigraph, virtuoso

#: The stores, as test ids name them.
STORES = ("virtuoso", "oxigraph")

_MISSING = {
    "virtuoso": ("Virtuoso is not installed", "apt-get install virtuoso-opensource"),
    "oxigraph": ("Oxigraph's server is not installed", "pip install the test extras: oxigraph"),
}


@dataclass(frozen=True)
class Triplestore:
    """A running store: where to query, update and upload, and who may write."""

    name: str
    http: str
    sparql: str
    update: str
    graph_store: str
    #: The account that may write, if the store asks for one (Virtuoso does, Oxigraph's server does not).
    credentials: tuple[str, str] | None

    def writer(self, *, graph_store: bool = True) -> Endpoint:
        """The endpoint with the rights to write, with or without the Graph Store Protocol."""
        user, password = self.credentials or (None, None)
        return Endpoint(
            self.sparql,
            self.update,
            self.graph_store if graph_store else None,
            user=user,
            password=password,
            retries=0,
        )


def installed(name: str) -> bool:
    """Whether the store `name` is installed here."""
    return (virtuoso.installed if name == "virtuoso" else oxigraph.installed)()


def require(name: str) -> None:
    """Skip the test if the store `name` is not installed, or fail it in CI."""
    import pytest  # here: the benchmarks use this module without pytest

    if installed(name):
        return
    missing, remedy = _MISSING[name]
    if os.environ.get("CI"):
        pytest.fail(f"{missing}: .ci/run (scripts/setup) must {remedy}")
    pytest.skip(f"{missing} ({remedy})")


@contextmanager
def running(name: str, folder: Path) -> Iterator[Triplestore]:
    """The store `name` started with its database in `folder`, stopped at the end."""
    if name == "virtuoso":
        with virtuoso.running_virtuoso(folder) as server:
            yield Triplestore(name, server.http, server.sparql, server.sparql_auth, server.graph_store, virtuoso.DBA)
    else:
        with oxigraph.running_oxigraph(folder) as started:
            yield Triplestore(name, started.http, started.sparql, started.update, started.graph_store, None)
