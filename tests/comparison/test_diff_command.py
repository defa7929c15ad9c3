"""``goalgraph diff``: its sides, its formats, its record, and its refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import goalgraph
from goalgraph.cli import main

from ..conftest import FIXTURES, REPOSITORY

VERSIONS = FIXTURES / "comparison"
OLD, NEW = VERSIONS / "v2020", VERSIONS / "v2021"
BOTH = ("--no-bundled", "--data", str(OLD), "--data", str(NEW))


def diff(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["diff", *map(str, args)], catch_exceptions=False)


def test_two_datasets_as_json() -> None:
    result = diff(OLD, NEW, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["mode"] == "datasets"
    assert [(s["change"], (s["old"] or s["new"])["identifier"]) for s in document["statements"]] == [
        ("removed", "S20-T3"),
        ("added", "S21-T5"),
        ("reworded", "S20-T2"),
        ("unchanged", "S20-T1"),
        ("unchanged", "S20-T4"),
    ]


def test_two_plans_by_title_and_identifier_as_text() -> None:
    result = diff(*BOTH, "Syntetisk mål- og resultatplan 2020", "S-MRP-2021", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Changes from S-MRP-2020 to S-MRP-2021\n")
    assert "  carried over, moved: S20-T4 → S21-T4: Stronger cooperation with the municipalities\n" in result.stdout
    assert "  new gap: S-M2: The ministry furthers a digital administration.\n" in result.stdout


def test_html_to_a_file_and_the_record_beside_it(tmp_path: Path) -> None:
    page, links = tmp_path / "diff.html", tmp_path / "links.ttl"
    result = diff(*BOTH, "S-MRP-2020", "S-MRP-2021", "--format", "html", "-o", page, "--record", links)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote 4 prov:wasRevisionOf link(s) to {links}" in result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "<ins>faglig </ins>" in html
    assert "<script" not in html
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no temporary file left
    dataset = goalgraph.open([OLD, NEW, links], bundled=False)
    assert goalgraph.validate(dataset).conforms


def test_the_record_never_goes_into_the_data(tmp_path: Path) -> None:
    plan = NEW / "plan.ttl"
    before = plan.read_bytes()
    result = diff(OLD, NEW, "--record", plan)
    assert result.exit_code == 2
    assert "is one of the data's own files" in result.stderr
    assert plan.read_bytes() == before
    assert diff(OLD, NEW, "--record", tmp_path / "links.txt").exit_code == 2
    assert not (tmp_path / "links.txt").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((str(OLD), "S-MRP-2021"), "OLD is a dataset"),
        (("S-MRP-2020", str(NEW)), "OLD is a plan"),
        (("--data", str(OLD), str(OLD), str(NEW)), "give the dataset of two plans"),
        ((*BOTH, "S-MRP-2020", "S-MRP-1999"), "no plan matches 'S-MRP-1999'"),
        ((*BOTH, "S-MRP-2020", "S-MRP-2020"), "not with itself"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = diff(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_a_usage_error_is_one_line_on_the_command_line() -> None:
    found = subprocess.run(
        [sys.executable, "-m", "goalgraph", "diff", str(OLD), "S-MRP-2021"],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=120,
    )
    assert found.returncode == 2
    assert found.stdout == ""
    assert found.stderr.count("\n") == 1
    assert found.stderr.startswith("goalgraph: OLD is a dataset")


def test_two_store_folders(tmp_path: Path) -> None:
    for name, folder in (("a", OLD), ("b", NEW)):
        # Loaded by another process, as a user would: the store is free once that process ends.
        command = [sys.executable, "-m", "goalgraph", "load", "--store", str(tmp_path / name), "--no-bundled"]
        loaded = subprocess.run([*command, "--data", str(folder)], capture_output=True, text=True, timeout=120)
        assert loaded.returncode == 0, loaded.stderr
    result = diff(f"store:{tmp_path / 'a'}", f"store:{tmp_path / 'b'}", "--format", "json")
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)["counts"]
    assert counts["statements reworded"] == 1
    assert counts["alignments changed"] == 2
    assert counts["coverage new gap"] == 1


def test_with_the_bundled_data_on_both_sides_the_changes_are_the_same() -> None:
    plain, bundled = diff(OLD, NEW, "--format", "json"), diff(OLD, NEW, "--format", "json", "--bundled")
    assert json.loads(bundled.stdout)["counts"] == json.loads(plain.stdout)["counts"]
