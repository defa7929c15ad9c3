"""A static site of the goal graph, for publishing it on any web server.

``goalgraph export --site DIR`` writes::

    DIR/index.html                 what is here, with links
    DIR/explorer.html              the interactive explorer
    DIR/report.html, report.md     the alignment report
    DIR/docs/index.html            the ontology's documentation
    DIR/context.jsonld             goalgraph's JSON-LD context
    DIR/downloads/goalgraph.*      every export (Turtle, TriG, JSON-LD, RDF/XML, ...)
    DIR/{path of each IRI}/index.html and index.ttl
                                   a page and a Turtle description for every
                                   statement, organisation, plan and other resource
                                   under the base namespace

Served at the root of the host its IRIs name (``https://w3id.org/goalgraph/id/X`` at
``/goalgraph/id/X/``), every IRI resolves to its page. The site is built in a
folder beside DIR and moved into place at the end: a failure leaves DIR as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import URIRef

from goalgraph.errors import GoalgraphError, display_path
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import PREFIXES
from goalgraph.querying import bind, query_text, select
from goalgraph.resources import ontology_file

__all__ = ["write_site"]


def write_site(
    dataset: GoalDataset,
    directory: str | os.PathLike[str],
    *,
    lang: str = "da",
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Write the static site of `dataset` into `directory` (replacing what is there).

    Parameters
    ----------
    dataset : GoalDataset
    directory : str or path-like
        The site's folder; its parent must exist.
    lang : {"da", "en"}
        The language of the explorer's labels and of the report.
    progress : callable, optional
        Called with a short note as each part is written.

    Returns
    -------
    Path
        The folder.

    Raises
    ------
    GoalgraphError
        If the parent folder does not exist or cannot be written; nothing changes then.

    Examples
    --------
    >>> import goalgraph, tempfile, pathlib
    >>> site = write_site(goalgraph.load(), pathlib.Path(tempfile.mkdtemp()) / "site")
    >>> (site / "goalgraph/id/politiet/index.html").is_file()
    True
    """
    from goalgraph.docs import build_docs
    from goalgraph.explorer import build_explorer
    from goalgraph.export import DOWNLOADS, export
    from goalgraph.report import build_report
    from goalgraph.server.pages import home_page, resource_page

    target = Path(directory)
    note = progress or (lambda _: None)
    if not target.parent.is_dir():
        raise GoalgraphError(f"{display_path(target)}: its folder does not exist")
    try:
        building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        raise GoalgraphError(f"{display_path(target)}: cannot write here ({error.strerror})") from None
    try:
        from goalgraph import __version__

        files: dict[str, str | bytes] = {
            "index.html": home_page(dataset, __version__, downloads=list(DOWNLOADS), static=True),
            "explorer.html": build_explorer(dataset, lang=lang),  # type: ignore[arg-type]
            "report.html": build_report(dataset, lang=lang, format="html"),  # type: ignore[arg-type]
            "report.md": build_report(dataset, lang=lang, format="markdown"),  # type: ignore[arg-type]
            "docs/index.html": build_docs(),
            "context.jsonld": (Path(__file__).parent / "context.jsonld").read_bytes(),
            "ontology.ttl": ontology_file().read_bytes(),
        }
        for chosen in DOWNLOADS:
            note(f"export {chosen.name}")
            files[f"downloads/goalgraph{chosen.suffix}"] = export(dataset, chosen.name)
        for path, content in files.items():
            _write(building / path, content)
        note("pages")
        describe = query_text("resource-description")
        for row in select(dataset, "resources-under-base", base=URIRef(str(dataset.base))):
            resource = row["resource"]
            folder = building / urlsplit(str(resource)).path.strip("/")
            _write(folder / "index.html", resource_page(dataset, resource))
            description = dataset.oxigraph.query(
                bind(describe, {"resource": resource}), use_default_graph_as_union=True
            )
            assert isinstance(description, ox.QueryTriples)
            _write(folder / "index.ttl", ox.serialize(description, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
        _swap(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return target


def _write(path: Path, content: str | bytes | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content or b"")


def _swap(built: Path, target: Path) -> None:
    """Put the finished site where it belongs, the old one out of the way first."""
    # Pages are readable by the web server, like files written the ordinary way.
    built.chmod(0o755)
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        built.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        built.rename(target)
