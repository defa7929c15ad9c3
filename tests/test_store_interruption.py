"""A load that is killed or interrupted leaves the store as it was, or with the file loaded in full.

`goalgraph load` runs in a real process on an N-Triples file generated here, and gets
SIGKILL (as from ``kill -9``, or the kernel's out-of-memory killer) or SIGINT (Ctrl-C)
partway through. Then the store must open as the old state or the new one, and nothing
the dead load left may stay in the database once the store has been opened again.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

import goalgraph
from goalgraph.loading import SCRATCH_PREFIX
from goalgraph.namespaces import ONTOLOGY_IRI
from goalgraph.storage import DATABASE, STORE_FILE, StoreError, load_store, open_store

from .conftest import REPOSITORY
from .test_cli import SETTINGS
from .test_cli import goalgraph as run

EX = "https://example.org/interrupted/"
#: Triples of the ontology, which every load loads.
ONTOLOGY = len(goalgraph.load(bundled=False).oxigraph)
#: Lines of each version of the file (about 400 kB).
TRIPLES = {1: 4_000, 2: 4_400}
#: Files of more than 64 kB are bulk-loaded, in blocks of 16 kB (not 1 MB and 16 MB), so that
#: this small file loads as a file of gigabytes does, in many steps, and a kill lands in one.
SMALL_BULK = {"BULK_LOAD_BYTES": 64 * 1024, "_BLOCK_BYTES": 16 * 1024}
#: `goalgraph load` with those settings.
COMMAND = (
    "import goalgraph.storage as storage; "
    + "".join(f"storage.{name} = {value}; " for name, value in SMALL_BULK.items())
    + "from goalgraph.cli import main; main(prog_name='goalgraph')"
)


def _write(path: Path, version: int) -> Path:
    """The file in `version`: each triple says which version it belongs to."""
    lines = (f'<{EX}s{i}> <{EX}version> "version {version} of triple {i}" .\n' for i in range(TRIPLES[version]))
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in SETTINGS and k != "GOALGRAPH_TOKEN"}


@dataclass
class Loading:
    """A `goalgraph load` under way."""

    process: subprocess.Popen[str]
    #: When the ontology (the first source) had loaded and the file's load began.
    began: float

    def stop(self, number: signal.Signals, after: float) -> str:
        """Send signal `number` `after` seconds into the file's load; what it wrote to stderr."""
        time.sleep(max(0.0, self.began + after - time.monotonic()))
        if self.process.poll() is None:
            self.process.send_signal(number)
        _, stderr = self.process.communicate(timeout=120)
        return stderr


def _start(store: Path, data: Path) -> Loading:
    process = subprocess.Popen(
        [sys.executable, "-c", COMMAND, "load", "--store", str(store), "--no-bundled", "--data", str(data)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        cwd=REPOSITORY,
        env=_environment(),
    )
    assert process.stderr is not None
    first = process.stderr.readline()
    assert first.startswith("loaded "), first
    assert "goalgraph.ttl" in first, first
    return Loading(process, time.monotonic())


def _duration(store: Path, data: Path) -> float:
    """Seconds the file's load takes to the end, on a copy of `store` (the copy then holds the new state)."""
    copy = store.with_name(f"{store.name}-measured")
    shutil.copytree(store, copy)
    loading = _start(copy, data)
    assert loading.process.wait(timeout=120) == 0
    return time.monotonic() - loading.began


@contextmanager
def _database(store: Path) -> Iterator[ox.Store]:
    """The store's database as it is on disk, read with Oxigraph alone (goalgraph would tidy it)."""
    database = ox.Store.read_only(str(store / DATABASE))
    yield database
    del database


def _graph_sizes(store: Path) -> dict[str, int]:
    with _database(store) as database:
        return {
            str(graph): sum(1 for _ in database.quads_for_pattern(None, None, None, graph))
            for graph in database.named_graphs()
        }


def _listed(store: Path) -> set[str]:
    return {f"<{name}>" for name in json.loads((store / STORE_FILE).read_text(encoding="utf-8"))["graphs"]}


@dataclass(frozen=True)
class State:
    """What the store holds, as goalgraph opens it."""

    triples: int
    #: The version of the file the store holds (0: none), and whether its graph holds that version only.
    version: int
    whole: bool
    listed: bool


def _state(store: Path, data: Path) -> State:
    dataset = open_store(store)
    graph = ox.NamedNode(data.resolve().as_uri())
    found = {
        str(quad.object).split()[1]  # "version 2 of triple 7"
        for quad in dataset.oxigraph.quads_for_pattern(None, ox.NamedNode(f"{EX}version"), None, graph)
    }
    size = sum(1 for _ in dataset.oxigraph.quads_for_pattern(None, None, None, graph))
    version = int(found.pop()) if len(found) == 1 else (0 if not found else -1)
    listed = any(str(source.graph) == graph.value for source in dataset.sources)
    state = State(len(dataset.oxigraph), version, size == TRIPLES.get(version, 0), listed)
    del dataset
    gc.collect()  # let go of the store and its lock
    return state


def _old_or_new(state: State, old: int, new: int) -> None:
    """`state` is the store with the file in version `old` (0: without it) or in version `new`, whole."""
    assert state.version in (old, new), state
    assert state.whole, state
    assert state.listed == (state.version != 0), "goalgraph.json lists the file exactly when the store holds it"
    assert state.triples == ONTOLOGY + TRIPLES.get(state.version, 0), state


@pytest.fixture
def small_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same settings in this process, for the stores the tests start from."""
    for name, value in SMALL_BULK.items():
        monkeypatch.setattr(f"goalgraph.storage.{name}", value)


def _old_store(tmp_path: Path, *, reload: bool) -> tuple[Path, Path, float]:
    """The file (version 2), the store before its load (with version 1 if `reload`), and how long the load takes."""
    data = tmp_path / "goals.nt"
    old_store = tmp_path / "old"
    assert load_store(old_store, [_write(data, 1)] if reload else [], bundled=False, progress=False)
    gc.collect()
    _write(data, 2)
    return data, old_store, _duration(old_store, data)


def _killed_load(tmp_path: Path, fractions: tuple[float, ...], *, reload: bool) -> list[dict[str, int]]:
    """Kill the load at `fractions` of its duration, each time in a copy of the old store; check each.

    Returns the database's graphs (and their sizes) that each kill left, before goalgraph opened it again.
    """
    data, old_store, took = _old_store(tmp_path, reload=reload)
    left = []
    for trial, fraction in enumerate(fractions):
        store = tmp_path / f"trial-{trial}"
        shutil.copytree(old_store, store)
        stderr = _start(store, data).stop(signal.SIGKILL, fraction * took)
        assert "Traceback" not in stderr
        left.append(_graph_sizes(store))
        _old_or_new(_state(store, data), 1 if reload else 0, 2)
        # Opening removed whatever the dead load left: the database holds what goalgraph.json lists.
        assert set(_graph_sizes(store)) == _listed(store)
    # And a load after that finishes the job, leaving no scratch graph.
    finished = run("load", "--store", store, "--no-bundled", "--data", data)
    assert finished.returncode == 0, finished.stderr
    _old_or_new(_state(store, data), 2, 2)
    assert set(_graph_sizes(store)) == _listed(store) == {f"<{ONTOLOGY_IRI}>", f"<{data.resolve().as_uri()}>"}
    return left


@pytest.mark.usefixtures("small_bulk")
def test_a_load_killed_while_it_replaces_a_file_leaves_the_old_file_or_the_new(tmp_path: Path) -> None:
    # A quarter in, the new version is going into a scratch graph; at three quarters, the
    # scratch graph is whole and being moved over the old one.
    left = _killed_load(tmp_path, (0.25, 0.75), reload=True)
    scratch = [graph for graphs in left for graph in graphs if graph.startswith(f"<{SCRATCH_PREFIX}")]
    assert scratch, f"no kill landed while the file was loading (graphs left: {left})"


@pytest.mark.usefixtures("small_bulk")
def test_a_first_load_killed_partway_leaves_the_store_without_the_file_or_with_all_of_it(tmp_path: Path) -> None:
    # A new file is loaded in place, block by block: a kill leaves part of it in its graph.
    data_graph = f"<{(tmp_path / 'goals.nt').resolve().as_uri()}>"
    left = _killed_load(tmp_path, (0.2, 0.6), reload=False)
    partial = [graphs[data_graph] for graphs in left if 0 < graphs.get(data_graph, 0) < TRIPLES[2]]
    assert partial, f"no kill left the file partly loaded (graphs left: {left})"


@pytest.mark.usefixtures("small_bulk")
@pytest.mark.parametrize("reload", [False, True], ids=["first-load", "reload"])
def test_ctrl_c_during_a_load_leaves_the_store_as_it_was_and_says_so(tmp_path: Path, reload: bool) -> None:
    data, store, took = _old_store(tmp_path, reload=reload)
    loading = _start(store, data)
    stderr = loading.stop(signal.SIGINT, 0.3 * took)
    assert loading.process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "Aborted!" not in stderr
    assert stderr.splitlines()[-1].startswith(f"goalgraph: interrupted; {store} holds each file reported loaded")
    # The load removed what it had written before it stopped: nothing is left for the next open.
    assert set(_graph_sizes(store)) == _listed(store)
    _old_or_new(_state(store, data), 1 if reload else 0, 1 if reload else 0)


def _store_with_leftovers(tmp_path: Path) -> tuple[Path, int]:
    """A store, and in its database what a killed load leaves: a scratch graph and a graph being filled."""
    store = tmp_path / "store"
    dataset = load_store(store, bundled=False, progress=False)
    size = len(dataset.oxigraph)
    triple = f"<{EX}s> <{EX}p> <{EX}o> .".encode()
    dataset.oxigraph.load(triple, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(f"{SCRATCH_PREFIX}1"))
    dataset.oxigraph.bulk_load(triple, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(f"{EX}half-loaded"))
    del dataset
    gc.collect()
    return store, size


def test_a_reader_removes_what_a_killed_load_left_before_it_reads(tmp_path: Path) -> None:
    store, size = _store_with_leftovers(tmp_path)
    notes: list[str] = []
    dataset = open_store(store, on_cleanup=notes.append)
    assert len(dataset.oxigraph) == size
    assert {str(graph) for graph in dataset.oxigraph.named_graphs()} == {f"<{ONTOLOGY_IRI}>"}
    assert notes == [
        f"{store.resolve()}: removing 2 graph(s) an interrupted load left (partly loaded: {EX}half-loaded)"
    ]
    also = open_store(store, on_cleanup=notes.append)  # a second reader finds nothing to remove
    assert len(also.oxigraph) == size
    assert len(notes) == 1


def test_a_load_removes_what_a_killed_load_left_and_says_so(tmp_path: Path) -> None:
    store, size = _store_with_leftovers(tmp_path)
    result = run("load", "--store", store, "--no-bundled")
    assert result.returncode == 0, result.stderr
    assert "removing 2 graph(s) an interrupted load left" in result.stderr.splitlines()[0]
    assert f"{size:,} triples" in result.stderr
    assert set(_graph_sizes(store)) == _listed(store) == {f"<{ONTOLOGY_IRI}>"}


def test_stats_does_not_count_what_a_killed_load_left(tmp_path: Path) -> None:
    store, size = _store_with_leftovers(tmp_path)
    result = run("stats", "--store", store, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["triples"] == size


def test_a_reader_that_cannot_remove_the_leftovers_refuses_rather_than_show_them(tmp_path: Path) -> None:
    store, _ = _store_with_leftovers(tmp_path)
    import fcntl

    # Another process holds the store open to read (a goalgraph from before leftovers were removed).
    with (store / "goalgraph.lock").open("a+b") as other:
        fcntl.flock(other, fcntl.LOCK_SH)
        with pytest.raises(StoreError, match="an interrupted load left part of a file in the store"):
            open_store(store)
    assert len(open_store(store).oxigraph) == ONTOLOGY


def test_a_store_of_version_1_loses_its_scratch_graphs_and_keeps_its_other_graphs(tmp_path: Path) -> None:
    store, size = _store_with_leftovers(tmp_path)
    manifest = json.loads((store / STORE_FILE).read_text(encoding="utf-8"))
    del manifest["graphs"]  # version 1 did not list them: only scratch graphs are known leftovers
    (store / STORE_FILE).write_text(json.dumps(manifest | {"goalgraph-store": 1}), encoding="utf-8")
    assert len(open_store(store).oxigraph) == size + 1
    gc.collect()
    assert load_store(store, bundled=False, progress=False)
    gc.collect()
    upgraded = json.loads((store / STORE_FILE).read_text(encoding="utf-8"))
    assert upgraded["goalgraph-store"] == 2
    assert set(upgraded["graphs"]) == {ONTOLOGY_IRI, f"{EX}half-loaded"}
