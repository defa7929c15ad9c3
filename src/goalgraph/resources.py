"""Where the ontology, shapes, bundled data and SPARQL files are.

A wheel carries ``ontology/`` and ``data/`` inside the package (pyproject.toml maps
them there); a source checkout has them at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["bundled_data_dir", "ontology_file", "shapes_file", "sparql_file"]

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _resource_dir(name: str) -> Path:
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"goalgraph is installed without its {name}/ folder")


def ontology_file() -> Path:
    """The goalgraph ontology (OWL, Turtle)."""
    return _resource_dir("ontology") / "goalgraph.ttl"


def shapes_file() -> Path:
    """The SHACL shapes that `goalgraph validate` checks data against."""
    return _resource_dir("ontology") / "shapes.ttl"


def bundled_data_dir() -> Path:
    """The folder of the bundled dataset (the Danish justice sector)."""
    return _resource_dir("data")


def sparql_file(name: str) -> Path:
    """A SPARQL file shipped in the package, by name without ``.rq``."""
    return _PACKAGE_DIR / "sparql" / f"{name}.rq"
