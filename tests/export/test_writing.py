"""write_export: all or nothing, through links, never onto devices; the format from the suffix; at scale."""

from __future__ import annotations

import csv
import io
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

import goalgraph
from goalgraph.errors import GoalgraphError
from goalgraph.export import FORMATS, SUFFIXES, FormatError, export, format_for_output, write_export
from goalgraph.export import turtle as turtle_module
from goalgraph.export.tables import csv_tables
from goalgraph.loading import GoalDataset
from goalgraph.synthetic import synthetic_counts, write_synthetic

from ..test_files import a_character_device
from .conftest import RDF_FORMATS, parsed

# Formats that need an option to write the bundled data: StratML writes one of its plans.
OPTIONS = {"stratml": {"plan": "Anklagemyndighedens virksomhedsstrategi for 2019"}}


@pytest.mark.parametrize("name", FORMATS)
def test_writes_the_export(bundled: GoalDataset, tmp_path: Path, name: str) -> None:
    target = tmp_path / f"goals{FORMATS[name].suffix}"
    assert write_export(bundled, name, target, **OPTIONS.get(name, {})) == target
    assert target.read_bytes() == export(bundled, name, **OPTIONS.get(name, {}))
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_missing_folder_is_an_error_and_leaves_nothing(bundled: GoalDataset, tmp_path: Path) -> None:
    with pytest.raises(GoalgraphError, match=r"nowhere/goals\.ttl: cannot write here"):
        write_export(bundled, "turtle", tmp_path / "nowhere" / "goals.ttl")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_midway_leaves_no_partial_file(
    bundled: GoalDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_blocks(*args: object, **kwargs: object) -> Iterator[str]:
        yield "<https://example.org/half> "
        raise RuntimeError("interrupted")

    monkeypatch.setattr(turtle_module, "_blocks", failing_blocks)
    target = tmp_path / "goals.ttl"
    with pytest.raises(RuntimeError, match="interrupted"):
        write_export(bundled, "turtle", target)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_old_file(
    bundled: GoalDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "goals.nq"
    target.write_text("old")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(GoalgraphError, match="No space left on device"):
        write_export(bundled, "nquads", target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["goals.nq"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    path = tmp_path_factory.mktemp("synthetic") / "sixty.ttl"
    write_synthetic(path, 60)
    return goalgraph.load([path], bundled=False)


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_a_synthetic_graph_reads_back_in_every_rdf_format(synthetic: GoalDataset, name: str) -> None:
    rdf_format, _ = RDF_FORMATS[name]
    assert len(synthetic.oxigraph) > 10_000
    assert len(parsed(export(synthetic, name), rdf_format)) == len(synthetic.oxigraph)


def test_a_synthetic_graph_as_tables_and_graphml(synthetic: GoalDataset) -> None:
    counts = synthetic_counts(60)
    statements = counts.missions + counts.visions + counts.goals + counts.objectives
    with zipfile.ZipFile(io.BytesIO(export(synthetic, "csv"))) as archive:
        tables = {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}
    assert len(list(csv.DictReader(io.StringIO(tables["statements.csv"], newline="")))) == statements
    assert len(list(csv.DictReader(io.StringIO(tables["alignments.csv"], newline="")))) == (
        counts.stated + counts.curated
    )
    graph = nx.read_graphml(io.BytesIO(export(synthetic, "graphml")))
    assert graph.number_of_nodes() == statements
    assert graph.number_of_edges() == counts.stated + counts.curated


def test_a_fifo_among_the_tables_is_refused_before_anything_is_written(bundled: GoalDataset, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "alignments.csv")
    with pytest.raises(GoalgraphError, match=r"alignments\.csv: a named pipe \(FIFO\), not a regular file"):
        write_export(bundled, "csv", tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["alignments.csv"]  # no statements.csv either
    assert stat.S_ISFIFO((tmp_path / "alignments.csv").lstat().st_mode)


def test_a_link_to_a_folder_of_tables_and_a_link_among_them(bundled: GoalDataset, tmp_path: Path) -> None:
    (tmp_path / "tables").mkdir()
    (tmp_path / "kept.csv").write_text("old")
    (tmp_path / "tables" / "statements.csv").symlink_to("../kept.csv")
    (tmp_path / "link").symlink_to("tables")
    assert write_export(bundled, "csv", tmp_path / "link") == tmp_path / "link"
    assert (tmp_path / "tables" / "statements.csv").is_symlink()
    assert (tmp_path / "kept.csv").read_bytes() == csv_tables(bundled)["statements.csv"]
    assert (tmp_path / "tables" / "alignments.csv").read_bytes() == csv_tables(bundled)["alignments.csv"]


def test_a_device_is_refused_before_the_export_is_made(
    bundled: GoalDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = a_character_device(tmp_path)

    def never(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the export was made for a file that cannot be written")

    monkeypatch.setattr(turtle_module, "turtle", never)
    with pytest.raises(GoalgraphError, match="a character device, not a regular file"):
        write_export(bundled, "turtle", device)
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("goals.ttl", "turtle"), ("GOALS.JSONLD", "jsonld"), ("goals.owl", "rdfxml"), ("tables.zip", "csv")],
)
def test_the_suffix_names_the_format(name: str, expected: str) -> None:
    assert format_for_output(name).name == expected


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("a.csv", "csv writes two tables: -o FILE.zip, or --format csv -o FOLDER"),
        ("goals.xml", ".xml could be --format stratml or --format archimate"),
        ("goals.txt", ""),
        ("goals", ""),
    ],
)
def test_a_suffix_that_names_no_format_is_refused(name: str, hint: str) -> None:
    with pytest.raises(FormatError) as raised:
        format_for_output(name)
    message = str(raised.value)
    assert message.startswith(f"{name}: the suffix says no format (")
    for suffix in SUFFIXES:
        assert suffix in message
    assert hint in message
    assert message.endswith("; or give --format")
    assert raised.value.exit_code == 2
