"""The on-disk store: `goalgraph load --store DIR`, then every command with `--store DIR`."""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

import pytest

import goalgraph
from goalgraph.errors import DataError
from goalgraph.export import export
from goalgraph.storage import STORE_FILE, StoreError, load_store, open_store

from .conftest import FIXTURES
from .test_cli import goalgraph as run

STRATEGY = """\
@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<test/goal/{slug}> a gg:Goal ;
    gg:text "{text}"@da ;
    gg:holder <anklagemyndigheden> ;
    dcterms:source <https://example.org/strategy> .
"""


def _strategy(path: Path, slug: str = "one", text: str = "Et mål") -> Path:
    path.write_text(STRATEGY.format(slug=slug, text=text), encoding="utf-8")
    return path


def _closed() -> None:
    """Drop the stores nothing refers to any more, and their locks with them."""
    gc.collect()


def test_a_loaded_store_reopens_with_the_same_dataset(tmp_path: Path) -> None:
    extra = _strategy(tmp_path / "extra.ttl")
    loaded = load_store(tmp_path / "store", [extra])
    expected = export(goalgraph.load([extra]), "nquads")
    assert export(loaded, "nquads") == expected
    del loaded
    _closed()

    reopened = open_store(tmp_path / "store")
    assert export(reopened, "nquads") == expected
    assert goalgraph.stats(reopened) == goalgraph.stats(goalgraph.load([extra]))
    assert [s.graph for s in reopened.sources] == [s.graph for s in goalgraph.load([extra]).sources]
    assert goalgraph.validate(reopened).conforms


def test_loading_a_file_again_replaces_its_graph(tmp_path: Path) -> None:
    extra = _strategy(tmp_path / "extra.ttl", "one")
    store = tmp_path / "store"
    load_store(store, [extra])
    _closed()
    _strategy(extra, "two", "Et andet mål")
    load_store(store, [extra], bundled=False)  # the bundled graphs stay, the file's graph is replaced
    _closed()

    reopened = open_store(store)
    goals = {str(row.goal) for row in reopened.query("SELECT ?goal WHERE { ?goal a gg:Goal }")}
    assert goals == {"https://w3id.org/goalgraph/id/test/goal/two"}
    assert (
        goalgraph.stats(reopened)["statements"]["Mission"] == goalgraph.stats(goalgraph.load())["statements"]["Mission"]
    )
    assert len({s.graph for s in reopened.sources}) == len(reopened.sources)


def test_large_files_are_bulk_loaded_and_a_bad_one_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("goalgraph.storage.BULK_LOAD_BYTES", 1)  # every file takes the bulk path
    extra = _strategy(tmp_path / "extra.ttl")
    store = tmp_path / "store"
    loaded = load_store(store, [extra], progress=False)
    assert export(loaded, "nquads") == export(goalgraph.load([extra]), "nquads")
    before = export(loaded, "nquads")
    del loaded
    _closed()

    extra.write_text(STRATEGY.format(slug="two", text="x") + "\n<broken", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_store(store, [extra], bundled=False, progress=False)
    assert raised.value.path.endswith("extra.ttl")
    assert raised.value.line
    _closed()
    assert export(open_store(store), "nquads") == before


def test_a_syntax_error_names_the_file_and_keeps_the_graph(tmp_path: Path) -> None:
    store = tmp_path / "store"
    load_store(store)
    _closed()
    with pytest.raises(DataError, match=r"syntax-error\.ttl:6"):
        load_store(store, [FIXTURES / "bad" / "syntax-error.ttl"])
    _closed()
    manifest = json.loads((store / STORE_FILE).read_text(encoding="utf-8"))
    assert not any(entry["path"].endswith("syntax-error.ttl") for entry in manifest["sources"])
    assert goalgraph.validate(open_store(store)).conforms


def test_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a goalgraph store and not empty"):
        load_store(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # nothing written into it
    with pytest.raises(StoreError, match=r"not a goalgraph store \(it has no goalgraph\.json"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="no goalgraph store here"):
        open_store(tmp_path / "missing")


def test_a_damaged_database(tmp_path: Path) -> None:
    store = tmp_path / "store"
    load_store(store)
    _closed()
    for file in (store / "oxigraph").iterdir():
        if file.is_file():
            file.write_bytes(b"not rocksdb")
    with pytest.raises(StoreError, match="not an Oxigraph database that can be opened"):
        open_store(store)


def test_readers_and_a_loader_keep_apart(tmp_path: Path) -> None:
    store = tmp_path / "store"
    loading = load_store(store)
    with pytest.raises(StoreError, match="being loaded by another process"):
        open_store(store)
    del loading
    _closed()

    reading = open_store(store)
    also_reading = open_store(store)  # readers share the store
    with pytest.raises(StoreError, match="open in another process"):
        load_store(store)
    assert goalgraph.stats(also_reading) == goalgraph.stats(reading)


def test_the_base_namespace_is_the_stores(tmp_path: Path) -> None:
    store = tmp_path / "store"
    load_store(store, base="https://data.example.org/goals/")
    _closed()
    assert open_store(store).base == "https://data.example.org/goals/"
    with pytest.raises(StoreError, match=r"loaded with the base namespace https://data\.example\.org/goals/"):
        open_store(store, base="https://other.example.org/")


def test_commands_on_a_store(tmp_path: Path) -> None:
    extra = _strategy(tmp_path / "extra.ttl")
    store = tmp_path / "store"
    loaded = run("load", "--store", store, "--data", extra)
    assert loaded.returncode == 0, loaded.stderr
    assert "triples" in loaded.stderr

    for command in (["stats", "--format", "json"], ["query", "coverage", "--format", "csv"], ["trace", "SM3"]):
        from_store = run(*command, "--store", store)
        from_files = run(*command, "--data", extra)
        assert from_store.returncode == 0, from_store.stderr
        assert from_store.stdout == from_files.stdout
    assert run("stats", env={"GOALGRAPH_STORE": str(store)}).stdout == run("stats", "--data", extra).stdout


def test_store_command_errors(tmp_path: Path) -> None:
    missing = run("stats", "--store", tmp_path / "missing")
    assert missing.returncode == 1
    assert "no goalgraph store here" in missing.stderr
    assert "Traceback" not in missing.stderr

    mixed = run("stats", "--store", tmp_path / "missing", "--data", "x.ttl")
    assert mixed.returncode == 2
    assert "goalgraph load --store DIR --data FILE" in mixed.stderr

    no_store = run("load")
    assert no_store.returncode == 2
    assert "--store DIR" in no_store.stderr


def test_a_bad_line_in_a_later_block_is_named_by_its_line_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("goalgraph.storage.BULK_LOAD_BYTES", 1)
    monkeypatch.setattr("goalgraph.storage._BLOCK_BYTES", 200)  # many blocks
    lines = [f"<https://example.org/s{i}> <https://example.org/p> <https://example.org/o> ." for i in range(50)]
    lines[41] = "<https://example.org/s41> <https://example.org/p> ."
    path = tmp_path / "big.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_store(tmp_path / "store", [path], bundled=False, progress=False)
    assert raised.value.line == 42
    _closed()
    lines[41] = "<https://example.org/s41> <https://example.org/p> <https://example.org/o> ."
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(load_store(tmp_path / "store", [path], bundled=False, progress=False)) == 50 + len(
        goalgraph.load(bundled=False)
    )


@pytest.mark.parametrize("command", ["stats", "load"])
def test_a_store_path_that_is_not_a_folder_is_one_message(tmp_path: Path, command: str) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    file = tmp_path / "notes.txt"
    file.write_text("mine")
    too_long = tmp_path / ("s" * 300)
    expected = {
        pipe: "pipe: a named pipe (FIFO), not a folder",
        too_long: "is 300 bytes long; a file name may have at most 255",
        file / "store": "notes.txt/store: " + ("cannot make the store folder" if command == "load" else "no goalgraph"),
    }
    for path, message in expected.items():
        result = run(command, "--store", path, "--no-bundled" if command == "load" else "--format=text", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert message in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "pipe"]  # nothing made
