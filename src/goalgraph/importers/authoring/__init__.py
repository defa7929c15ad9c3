"""goalgraph's authoring format: strategies written by hand in YAML, or as a CSV pair.

A YAML document has up to six sections, each a list, and a default ``curator``::

    curator: agent/goalgraph          # who curated the alignments that do not say `by`
    sources:        [{id, title, translation, description, publisher, issued, language, related}]
    organisations:  [{id, type, name, description, part_of, unit_of, members, homepage}]
    plans:          [{id, identifier, type, title, translation, note, holder, year | start + end,
                      source, coordinated_with}]
    groups:         [{id, name, holder, members}]
    statements:     [{id, identifier, type, holder, plan, text, translation, note, source, measures}]
    alignments:     [{id, from, to, kind, strength, rationale, evidence, by, source, score,
                      matched, created}]

Texts are mappings from language tag to text (``text: {da: ..., en: ...}``):
``text`` and a plan's or source's ``title`` are the source's words, verbatim;
``translation`` is the dataset authors'; ``note`` (``skos:note``) is the authors'
own note or summary, never source text. A statement in a plan of the same file
takes the plan's holder and source unless it gives its own. IRIs (``id``) are
relative to the base namespace or absolute; without an ``id`` a readable one is
derived (``{holder}/{year}/{type}/{words of the text}``, æ → ae, ø → oe, å → aa).
References are explained in :mod:`.building`; the CSV pair in :mod:`.tables`. The
JSON Schema ``goalgraph/schemas/goalgraph-authoring.schema.json`` describes the
YAML for editors.

>>> import goalgraph
>>> from goalgraph.importers.authoring import to_yaml
>>> print(to_yaml(goalgraph.load(["data/target-plans-2019.yaml"])).count("kind: curated") > 0)
True
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph

from goalgraph.errors import display_path
from goalgraph.importers.authoring.building import build
from goalgraph.importers.authoring.located import load_yaml
from goalgraph.importers.authoring.tables import alignments_path, read_tables
from goalgraph.importers.authoring.writing import to_yaml
from goalgraph.memory import paused_gc
from goalgraph.progress import Progress
from goalgraph.slugs import slug

__all__ = ["alignments_path", "read_csv", "read_yaml", "schema_file", "slug", "to_yaml"]


def read_yaml(path: str | Path, *, base: str, progress: bool | None = None) -> Graph:
    """Read a strategy in the YAML authoring format into a graph of the goalgraph ontology.

    Parameters
    ----------
    path : str or Path
        The YAML file.
    base : str
        The base namespace relative IRIs resolve against.
    progress : bool, optional
        Show progress on standard error; by default when it is a terminal.

    Returns
    -------
    rdflib.Graph
        With absolute IRIs.

    Raises
    ------
    goalgraph.errors.DataError
        At the first mistake: the file, the line, the key and what is wrong.

    Examples
    --------
    >>> g = read_yaml("data/target-plans-2019.yaml", base="https://w3id.org/goalgraph/id/")
    >>> len(g) > 100
    True
    """
    path = Path(path)
    with paused_gc():
        document = load_yaml(path, progress=progress)
        return _build(document, path, base, progress)


def read_csv(path: str | Path, *, base: str, progress: bool | None = None) -> Graph:
    """Read a statements table, and the alignments table beside it, into a graph.

    Parameters
    ----------
    path : str or Path
        The statements table; its alignments table is found by :func:`alignments_path`.
    base : str
        The base namespace relative IRIs resolve against.
    progress : bool, optional
        Show progress on standard error; by default when it is a terminal.

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    goalgraph.errors.DataError
        If a header is wrong or a cell is (the file, the row's line and the column).
    """
    path = Path(path)
    with paused_gc():
        return _build(read_tables(path), path, base, progress)


def _build(document: object, path: Path, base: str, progress: bool | None) -> Graph:
    shown = display_path(path)
    enabled = sys.stderr.isatty() if progress is None else progress
    sections = [v for v in document.values() if isinstance(v, list)] if isinstance(document, dict) else []
    entries = sum(len(section) for section in sections)
    if not enabled or entries < 10_000:
        return build(document, file=shown, base=base)
    # The bar counts the file's bytes, as the parsing bar did: entries done as a share of them.
    size = path.stat().st_size
    with Progress(f"converting {shown}", size, enabled=True) as bar:
        return build(
            document, file=shown, base=base, progress=lambda done: bar.advance(size * done // entries - bar.done)
        )


def schema_file() -> Path:
    """The JSON Schema of the YAML authoring format, shipped in the package."""
    return Path(__file__).resolve().parents[2] / "schemas" / "goalgraph-authoring.schema.json"
