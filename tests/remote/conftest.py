"""Real triple stores for the remote-backend tests: each started once, on loopback, in a temporary folder.

Every test that takes :func:`store` (or what is pushed into it) runs against each of
:data:`~tests.remote.stores.STORES`: Virtuoso from Debian and Oxigraph's server
from PyPI. Where one is not installed its tests skip, except in CI (``CI=true``),
where ``.ci/run`` installs both and an absence is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import goalgraph
from goalgraph.loading import GoalDataset
from goalgraph.remote import Endpoint, RemoteDataset, dataset_graphs, push
from goalgraph.synthetic import write_synthetic

from .stores import STORES, Triplestore, require, running

#: Organisations in the synthetic graph pushed beside the bundled one (about 6,000 triples).
SYNTHETIC_ORGANISATIONS = 20
#: A synthetic target plan with results over three years and a hindering link.
ACHIEVEMENT = Path(__file__).resolve().parents[1] / "fixtures" / "achievement" / "maalrapportering-synthetic.ttl"


@pytest.fixture(scope="session", params=STORES)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Triplestore]:
    name = str(request.param)
    require(name)
    with running(name, tmp_path_factory.mktemp(name)) as server:
        yield server


@pytest.fixture(scope="session")
def bundled_local() -> GoalDataset:
    return goalgraph.load()


@pytest.fixture(scope="session")
def bundled_remote(store: Triplestore, bundled_local: GoalDataset) -> RemoteDataset:
    """The bundled dataset pushed into the store, each source in its graph."""
    graphs = push(dataset_graphs(bundled_local), store.writer())
    return RemoteDataset(Endpoint(store.sparql), graphs=graphs)


@pytest.fixture(scope="session")
def synthetic_local(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.ttl"
    write_synthetic(path, SYNTHETIC_ORGANISATIONS, seed=7)
    return goalgraph.load([path], bundled=False)


@pytest.fixture(scope="session")
def synthetic_remote(store: Triplestore, synthetic_local: GoalDataset) -> RemoteDataset:
    """The synthetic graph pushed with INSERT DATA in batches (no Graph Store Protocol)."""
    graphs = push(dataset_graphs(synthetic_local), store.writer(graph_store=False))
    return RemoteDataset(Endpoint(store.sparql), graphs=graphs)


@pytest.fixture(scope="session")
def achievement_local() -> GoalDataset:
    return goalgraph.load([ACHIEVEMENT], bundled=False)


@pytest.fixture(scope="session")
def achievement_remote(store: Triplestore, achievement_local: GoalDataset) -> RemoteDataset:
    """The synthetic target plan with results, pushed through the Graph Store Protocol."""
    graphs = push(dataset_graphs(achievement_local), store.writer())
    return RemoteDataset(Endpoint(store.sparql), graphs=graphs)
