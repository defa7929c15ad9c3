"""The analyst notebooks in notebooks/: committed clean, and each runs top to bottom.

Each notebook is executed with nbclient in a kernel of this very Python (the one
running pytest, so the project's own environment), from a temporary copy of the
notebooks/ folder: whatever a notebook writes lands in a temporary folder, never in
the repository. The notebooks assert what they show (9 rows of coverage, a trace that
reaches JM-M2, an export that round-trips, a bar per organisation...), so a failing
assertion is a failing cell, and a failing cell fails the test with its traceback.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPOSITORY

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = REPOSITORY / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
EXPECTED = ["01-alignment", "02-explore", "03-publish", "04-your-organisation", "05-achievement"]
#: What a cell may take, at most, on a slow CI machine (the slowest takes about a second).
CELL_TIMEOUT = 600


def _read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)


def _files(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_the_notebooks_are_there() -> None:
    assert [path.stem for path in PATHS] == EXPECTED
    assert (NOTEBOOKS / "data" / "kriminalforsorgen.yaml").is_file()


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    notebook = _read(path)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    assert notebook.metadata.kernelspec.language == "python"
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {number} has outputs: clear them before committing"
            assert cell.execution_count is None, f"cell {number} has an execution count: clear it"
        assert "attachments" not in cell or not cell.attachments, f"cell {number} has attachments"


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_notebook_is_small_and_explained(path: Path) -> None:
    """Readable on GitHub: a dozen or two cells, with prose between the code."""
    cells = _read(path).cells
    assert 8 <= len(cells) <= 30
    assert cells[0].cell_type == "markdown"
    assert cells[0].source.startswith("# ")
    assert sum(cell.cell_type == "markdown" for cell in cells) >= len(cells) // 3


@pytest.fixture(scope="module")
def kernel_specs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of kernel specs whose `python3` runs this Python (sys.executable).

    Whatever `python3` kernel the machine has installed elsewhere (another Python,
    another virtual environment) is not used.
    """
    from ipykernel.kernelspec import install

    prefix = tmp_path_factory.mktemp("jupyter")
    install(prefix=str(prefix), kernel_name="python3")
    return prefix / "share" / "jupyter" / "kernels"


def _execute(notebook: Any, folder: Path, kernel_specs: Path) -> None:
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    specs = KernelSpecManager(kernel_dirs=[str(kernel_specs)])
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=specs)
    client = nbclient.NotebookClient(
        notebook, km=manager, timeout=CELL_TIMEOUT, resources={"metadata": {"path": str(folder)}}
    )
    try:
        client.execute(cleanup_kc=True)  # a kernel manager passed in is not shut down unless asked
    finally:
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)


@pytest.mark.slow
def test_kernel_is_this_python(kernel_specs: Path, tmp_path: Path) -> None:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.executable)")])
    _execute(notebook, tmp_path, kernel_specs)
    printed = notebook.cells[0].outputs[0].text.strip()
    assert Path(printed).resolve() == Path(sys.executable).resolve()


def _outputs(notebook: Any, output_type: str, mime: str | None = None) -> list[Any]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == output_type and (mime is None or mime in output.get("data", {})):
                found.append(output)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_notebook_runs(path: Path, kernel_specs: Path, tmp_path: Path) -> None:
    """`pytest --durations=0 tests/test_notebooks.py` shows how long each one takes."""
    copy = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, copy, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    before = _files(copy)
    notebook = _read(copy / path.name)

    _execute(notebook, copy, kernel_specs)  # raises CellExecutionError, with the cell's traceback, on any error

    assert not _outputs(notebook, "error")
    assert _files(copy) - before == set(), "the notebook wrote beside itself: write into a temporary folder"
    if path.stem in ("01-alignment", "05-achievement"):
        assert len(_outputs(notebook, "display_data", "image/png")) == 1  # the scores chart; the trends chart
        assert any("<style" in output.data["text/html"] for output in _outputs(notebook, "execute_result", "text/html"))
    if path.stem in ("02-explore", "04-your-organisation"):
        frames = [
            output
            for output in _outputs(notebook, "execute_result", "text/html")
            if output.data["text/html"].startswith("<iframe srcdoc=")
        ]
        assert len(frames) == (3 if path.stem == "02-explore" else 1)
