"""What goalgraph writes lands where it says, and nowhere else: through the real command.

The static site stays inside its folder, CSV cells never start a formula, and ``-o``
writes through links and refuses devices, FIFOs and suffixes that name no format.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from goalgraph.export.tables import cell_text

from .test_cli import goalgraph
from .test_files import a_character_device

ID = "https://w3id.org/goalgraph/id/"


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _resource(folder: Path, iri: str) -> Path:
    data = folder / "in" / "outside.ttl"
    data.parent.mkdir()
    data.write_text(f"<{iri}> a <https://example.org/Thing> .\n", encoding="utf-8")
    return data


@pytest.mark.parametrize(
    "path",
    ["a/../../../../../escaped", "a/%2e%2e/%2E%2E/%2e%2e/%2e%2e/%2e%2e/escaped"],
    ids=["dots", "percent-encoded"],
)
def test_the_site_refuses_an_iri_that_leads_outside_and_validate_reports_it(tmp_path: Path, path: str) -> None:
    data = _resource(tmp_path, ID + path)
    (tmp_path / "out").mkdir()
    before = _everything(tmp_path)
    result = goalgraph("export", "--site", tmp_path / "out" / "site", "--data", data, "--no-bundled")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"goalgraph: <{ID}{path}>: cannot have a page in the site: its path has ")
    assert "'..'" in result.stderr
    assert "Traceback" not in result.stderr
    assert _everything(tmp_path) == before
    validated = goalgraph("validate", "--data", data, "--no-bundled")
    assert validated.returncode == 1
    assert validated.stdout.startswith(f"{data}: <{ID}{path}>: the IRI cannot be published: its path has the segment")


def test_export_refuses_a_device_and_a_fifo_and_leaves_them(tmp_path: Path) -> None:
    device = a_character_device(tmp_path)
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    for target, kind in ((device, "a character device"), (fifo, "a named pipe (FIFO)")):
        result = goalgraph("export", "--no-bundled", "--format", "turtle", "-o", target)
        assert result.returncode == 1, result.stderr
        assert result.stderr == f"goalgraph: {target}: {kind}, not a regular file: give the path of a file to write\n"
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_export_writes_through_links(tmp_path: Path) -> None:
    (tmp_path / "goals.ttl").write_text("old")
    (tmp_path / "link.ttl").symlink_to("goals.ttl")
    (tmp_path / "later").mkdir()
    (tmp_path / "dangling.ttl").symlink_to("later/goals.ttl")
    for link in ("link.ttl", "dangling.ttl"):
        result = goalgraph("export", "--no-bundled", "-o", tmp_path / link)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / link).is_symlink()
    for written in (tmp_path / "goals.ttl", tmp_path / "later" / "goals.ttl"):
        assert written.read_text(encoding="utf-8").startswith("@prefix ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling.ttl", "goals.ttl", "later", "link.ttl"]


def test_export_takes_the_format_from_the_suffix_or_refuses(tmp_path: Path) -> None:
    csv_hint = "; csv writes two tables: -o FILE.zip, or --format csv -o FOLDER for the two files"
    for name, hint in (("a.csv", csv_hint), ("goals", "")):
        result = goalgraph("export", "--no-bundled", "-o", tmp_path / name)
        assert result.returncode == 2, result.stderr
        assert f"{name}: the suffix says no format (.graphml, .json, .jsonld, .nq, .nt, " in result.stderr
        assert result.stderr.endswith(f".zip){hint}; or give --format\n")
    assert list(tmp_path.iterdir()) == []
    given = goalgraph("export", "--no-bundled", "--format", "ntriples", "-o", tmp_path / "goals.txt")
    assert given.returncode == 0, given.stderr
    assert (tmp_path / "goals.txt").read_text(encoding="utf-8").startswith("<")


def test_csv_export_neutralises_formulas(tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://127.0.0.1:1/x","click")'
    data = tmp_path / "formulas.ttl"
    data.write_text(
        "@prefix gg: <https://w3id.org/goalgraph/ontology#> .\n"
        f"<https://example.org/s> a gg:Purpose ; gg:text {json.dumps(formula)}@da ; "
        'gg:translation "-2 more cases"@en .\n',
        encoding="utf-8",
    )
    result = goalgraph("export", "--no-bundled", "--data", data, "-o", tmp_path / "tables.zip")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "tables.zip") as archive:
        statements = archive.read("statements.csv").decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(statements, newline=""))
    assert (row["text_da"], row["translation_en"]) == ("'" + formula, "'-2 more cases")
    assert (cell_text(row["text_da"]), cell_text(row["translation_en"])) == (formula, "-2 more cases")
    (tmp_path / "tables").mkdir()
    folder = goalgraph("export", "--no-bundled", "--data", data, "--format", "csv", "-o", tmp_path / "tables")
    assert folder.returncode == 0, folder.stderr
    text = (tmp_path / "tables" / "statements.csv").read_text(encoding="utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text, newline=""))
    assert row["text_da"] == "'" + formula
