"""A real Virtuoso for the remote-backend tests: started once, on loopback, in a temporary folder.

Where Virtuoso is not installed the tests skip, except in CI (``CI=true``), where
``.ci/run`` installs it and its absence is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

import goalgraph
from goalgraph.loading import GoalDataset
from goalgraph.remote import Endpoint, RemoteDataset, dataset_graphs, push
from goalgraph.synthetic import write_synthetic

from .virtuoso import DBA, Virtuoso, installed, running_virtuoso

#: Organisations in the synthetic graph pushed beside the bundled one (about 6,000 triples).
SYNTHETIC_ORGANISATIONS = 20


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    if not installed():
        if os.environ.get("CI"):
            pytest.fail("Virtuoso is not installed: .ci/run (scripts/setup) must apt-get install virtuoso-opensource")
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


def writer(server: Virtuoso, *, graph_store: bool = True) -> Endpoint:
    """The endpoint with the rights to write (Debian's default dba account)."""
    user, password = DBA
    return Endpoint(
        server.sparql,
        server.sparql_auth,
        server.graph_store if graph_store else None,
        user=user,
        password=password,
        retries=0,
    )


@pytest.fixture(scope="session")
def bundled_local() -> GoalDataset:
    return goalgraph.load()


@pytest.fixture(scope="session")
def bundled_remote(virtuoso: Virtuoso, bundled_local: GoalDataset) -> RemoteDataset:
    """The bundled dataset pushed into Virtuoso, each source in its graph."""
    graphs = push(dataset_graphs(bundled_local), writer(virtuoso))
    return RemoteDataset(Endpoint(virtuoso.sparql), graphs=graphs)


@pytest.fixture(scope="session")
def synthetic_local(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.ttl"
    write_synthetic(path, SYNTHETIC_ORGANISATIONS, seed=7)
    return goalgraph.load([path], bundled=False)


@pytest.fixture(scope="session")
def synthetic_remote(virtuoso: Virtuoso, synthetic_local: GoalDataset) -> RemoteDataset:
    """The synthetic graph pushed with INSERT DATA in batches (no Graph Store Protocol)."""
    graphs = push(dataset_graphs(synthetic_local), writer(virtuoso, graph_store=False))
    return RemoteDataset(Endpoint(virtuoso.sparql), graphs=graphs)
