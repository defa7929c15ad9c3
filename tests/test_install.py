"""A plain (non-editable) install carries the ontology and data, and runs from any folder."""

from __future__ import annotations

import json
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPOSITORY


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with goalgraph installed from the checkout, not editable.

    Nothing is downloaded: the dependencies (and the build backend) are this
    environment's, made visible to the new one by a .pth file.
    """
    venv = tmp_path_factory.mktemp("install") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    venv_site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(venv_site) / "outer-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            str(REPOSITORY),
        ],
        check=True,
    )
    return venv


@pytest.mark.slow
def test_stats_from_another_folder(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [installed / "bin" / "goalgraph", "stats", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    counts = json.loads(result.stdout)
    assert counts["statements"]["StrategicMarker"] == 4
    assert counts["statements"]["Target"] == 8  # data/target-plans-2019.yaml, read by the YAML importer
    assert counts["alignments"]["curated"] == 32


@pytest.mark.slow
def test_the_wheel_carries_the_authoring_schema_and_yaml_data(installed: Path, tmp_path: Path) -> None:
    code = (
        "import json, goalgraph.resources as r\n"
        "from goalgraph.importers.authoring import schema_file\n"
        "print(schema_file()); print(json.loads(schema_file().read_text())['title'])\n"
        "print(r.bundled_data_dir() / 'target-plans-2019.yaml')"
    )
    result = subprocess.run(
        [installed / "bin" / "python", "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    schema, title, data = result.stdout.splitlines()
    assert title == "goalgraph authoring format (YAML)"
    for line in (schema, data):
        assert Path(line).is_file(), line
        assert Path(line).is_relative_to(installed), f"{line} is not inside the installed package"


@pytest.mark.slow
def test_installed_package_uses_its_own_copies(installed: Path, tmp_path: Path) -> None:
    code = (
        "import goalgraph.resources as r\n"
        "for path in (r.ontology_file(), r.shapes_file(), r.bundled_data_dir(), r.sparql_file('labels')):\n"
        "    print(path)"
    )
    result = subprocess.run(
        [installed / "bin" / "python", "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    for line in result.stdout.splitlines():
        path = Path(line)
        assert path.exists(), line
        assert path.is_relative_to(installed), f"{line} is not inside the installed package"


@pytest.mark.slow
def test_wheel_contents(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(REPOSITORY),
        ],
        check=True,
    )
    [wheel] = tmp_path.glob("goalgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "goalgraph/py.typed",
        "goalgraph/ontology/goalgraph.ttl",
        "goalgraph/ontology/shapes.ttl",
        "goalgraph/data/vores-maal.ttl",
        "goalgraph/data/alignments-curated.ttl",
        "goalgraph/sparql/labels.rq",
        "goalgraph/queries/trace.rq",
        "goalgraph/context.jsonld",
        "goalgraph/templates/docs.html",
        "goalgraph/templates/report.css",
        "goalgraph/server/query.js",
        "goalgraph/explorer/assets/js/main.js",
        "goalgraph/templates/explorer.html",
    ):
        assert required in names
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]
