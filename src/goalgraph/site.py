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

**Page paths**: a page's folder is its IRI's path, each segment percent-decoded as
a web server decodes it to find the file (:func:`page_folder`). An IRI whose path
would lead elsewhere is refused, and nothing is written: a ``.`` or ``..`` segment
(``%2e%2e`` too), an empty one (``//``), a slash, backslash or control character
(NUL, ``%00``) in a segment, bytes that are not UTF-8, or a page that would replace
one of the site's own files. Each folder is checked, once resolved, to lie inside
the site's folder. ``goalgraph validate`` reports the first kinds by node and file.

A run that is killed leaves its building folder (``.DIR.xxxxxxxx``) beside DIR,
with a marker file in it that names the process; the next run removes those whose
process is gone, and empty ones, and nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote_to_bytes, urlsplit

import pyoxigraph as ox
from rdflib import URIRef

from goalgraph.errors import GoalgraphError, display_path
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import PREFIXES
from goalgraph.querying import bind, query_text, select
from goalgraph.resources import ontology_file

__all__ = ["PagePathError", "page_folder", "write_site"]

# The file in a building folder that says a run of goalgraph is building it.
_MARKER = ".goalgraph-building"
# An empty building folder younger than this may be a run that has not yet written
# its marker: left alone.
_EMPTY_GRACE_SECONDS = 60
# The longest file name most file systems take, in bytes.
_NAME_MAX = 255
# The site's own files and folders, whose place no page may take (casefolded).
_OWN = frozenset(
    name.casefold()
    for name in (
        "index.html", "explorer.html", "report.html", "report.md", "docs", "context.jsonld", "ontology.ttl",
        "downloads", _MARKER,
    )
)  # fmt: skip
# Control characters: NUL, line breaks, tabs, DEL and the C1 range.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


class PagePathError(GoalgraphError):
    """An IRI whose path cannot be a folder of the site: it would lead elsewhere.

    Attributes
    ----------
    iri : str
        The IRI.
    reason : str
        What is wrong with it, as a clause: "its path has ...".
    """

    def __init__(self, iri: str, reason: str, *, validated: bool = True) -> None:
        self.iri = iri
        self.reason = reason
        # Only what page_folder finds is what goalgraph validate reports too.
        listed = " (goalgraph validate lists every such IRI with its file)" if validated else ""
        super().__init__(f"<{iri}>: cannot have a page in the site: {reason}; correct the IRI{listed}")


def page_folder(iri: str) -> PurePosixPath:
    """The folder of `iri`'s page, relative to the site's folder.

    It is the IRI's path, each segment percent-decoded as web servers decode a
    request's path to find the file; a query and a fragment play no part.

    Raises
    ------
    PagePathError
        If the path has a segment that file systems or web servers take for another
        place: ``.`` or ``..`` (also percent-encoded), an empty segment (``a//b``),
        a ``/`` (``%2F``), a backslash or a control character (NUL, ``%00``) in a
        segment, percent-encoded bytes that are not UTF-8, or a segment too long to
        be a file name.

    Examples
    --------
    >>> page_folder("https://w3id.org/goalgraph/id/politiet/")
    PurePosixPath('goalgraph/id/politiet')
    >>> page_folder("https://w3id.org/goalgraph/id/caf%C3%A9#it")
    PurePosixPath('goalgraph/id/café')
    >>> page_folder("https://w3id.org/goalgraph/id/a/%2E%2E/x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    goalgraph.site.PagePathError: <...>: cannot have a page in the site: its path has the segment '..' ...
    """
    # urlsplit drops tabs and line breaks: look for them before it does.
    if _CONTROL.search(iri):
        raise PagePathError(iri, "it has a control character (such as NUL, a tab or a line break)")
    path = urlsplit(iri).path
    segments = path.removeprefix("/").split("/")
    folder: list[str] = []
    for number, written in enumerate(segments, start=1):
        try:
            segment = unquote_to_bytes(written).decode("utf-8") if "%" in written else written
        except UnicodeDecodeError:
            raise PagePathError(
                iri, f"its path has the segment {written!r}, whose percent-encoded bytes are not UTF-8"
            ) from None
        shown = f"its path has the segment {segment!r}" + (f" (written {written!r})" if written != segment else "")
        if segment in (".", ".."):
            where = "this folder again" if segment == "." else "the folder above"
            raise PagePathError(iri, f"{shown}, which leads to {where}")
        if not segment:
            # A trailing slash names the same page; an empty segment elsewhere is no folder.
            if number == len(segments):
                continue
            raise PagePathError(iri, "its path has an empty segment (//), which is no folder")
        if "/" in segment or "\\" in segment:
            raise PagePathError(iri, f"{shown}, with a folder separator (/ or \\) in it")
        if _CONTROL.search(segment):
            raise PagePathError(iri, f"{shown}, with a control character (such as NUL) in it")
        if len(segment.encode("utf-8")) > _NAME_MAX:
            raise PagePathError(
                iri, f"its path has a segment of more than {_NAME_MAX} bytes, too long to name a folder"
            )
        folder.append(segment)
    return PurePosixPath(*folder)


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
        The site's folder (or a link to it, which is kept); its parent must exist.
    lang : {"da", "en"}
        The language of the explorer's labels and of the report.
    progress : callable, optional
        Called with a short note as each part is written.

    Returns
    -------
    Path
        The folder, as given.

    Raises
    ------
    GoalgraphError
        If the parent folder does not exist or cannot be written, `directory` is a
        file, or it is a folder holding files that are not a goalgraph site;
        nothing changes then.
    PagePathError
        If a resource's IRI would put its page elsewhere (see :func:`page_folder`)
        or in place of the site's own files; checked before anything is written.

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
    from goalgraph.pages import home_page, resource_page
    from goalgraph.report import build_report

    given = Path(directory)
    # A link to the site's folder is written through: the folder is replaced, the link kept.
    target = Path(os.path.realpath(given))
    note = progress or (lambda _: None)
    if not target.parent.is_dir():
        raise GoalgraphError(f"{display_path(given)}: its folder does not exist")
    if not target.name or target.is_symlink() or (target.exists() and not target.is_dir()):
        # As given: a loop of links (what realpath leaves a link) has no resolved path to show.
        raise GoalgraphError(f"{given}: not a folder the site can have to itself")
    if target.is_dir() and not _replaceable(target):
        # The site replaces the whole folder: `--site ~` must not take a home folder with it.
        raise GoalgraphError(
            f"{display_path(given)}: holds files that are not a goalgraph site, and the site replaces "
            "the whole folder; name a new or empty folder, or one an earlier --site wrote"
        )
    # Every page's folder, checked before anything is written.
    pages = _pages(dataset)
    _remove_leftovers(target)
    try:
        building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        raise GoalgraphError(f"{display_path(given)}: cannot write here ({error.strerror})") from None
    try:
        from goalgraph import __version__

        # Says whose this folder is, should the run be killed (see _remove_leftovers).
        _write(building / _MARKER, f"goalgraph is building a site: process {os.getpid()} on {socket.gethostname()}\n")
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
        root = building.resolve()
        for resource, relative in pages:
            folder = (root / relative).resolve()
            # The last word on where a page goes: inside the site, whatever the path said.
            if folder == root or not folder.is_relative_to(root):
                raise PagePathError(
                    str(resource), "its page would be written outside the site's folder", validated=False
                )
            description = dataset.oxigraph.query(
                bind(describe, {"resource": resource}), use_default_graph_as_union=True
            )
            assert isinstance(description, ox.QueryTriples)
            turtle = ox.serialize(description, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
            try:
                _write(folder / "index.html", resource_page(dataset, resource))
                _write(folder / "index.ttl", turtle)
            except OSError as error:
                raise GoalgraphError(
                    f"<{resource}>: cannot write its page {relative}/index.html ({error.strerror})"
                ) from None
        (building / _MARKER).unlink()
        _swap(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return given


def _pages(dataset: GoalDataset) -> list[tuple[URIRef, PurePosixPath]]:
    """Each resource under the base and the folder of its page, every folder checked."""
    pages = []
    for row in select(dataset, "resources-under-base", base=URIRef(str(dataset.base))):
        resource = URIRef(row["resource"])
        folder = page_folder(str(resource))
        first = folder.parts[0].casefold() if folder.parts else ""
        # Casefolded: on macOS and Windows, Docs is docs.
        if first in _OWN or not first:
            own = first or "index.html"
            raise PagePathError(str(resource), f"its page would replace the site's own {own}", validated=False)
        pages.append((resource, folder))
    return pages


def _write(path: Path, content: str | bytes | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content or b"")


def _replaceable(folder: Path) -> bool:
    """Whether `folder` is empty or a site goalgraph wrote (its home page, explorer, report and downloads)."""
    try:
        names = {entry.name for entry in os.scandir(folder)}
    except OSError:
        return False
    return not names or {"index.html", "explorer.html", "report.html", "downloads"} <= names


def _remove_leftovers(target: Path) -> None:
    """Remove the building folders that killed runs left beside `target`.

    Only goalgraph's own: a real folder (not a link) named as :func:`tempfile.mkdtemp`
    names one (``.site.`` and 8 characters), owned by this user, and either empty
    for a minute or marked by a run of goalgraph on this host whose process is gone.
    """
    name = re.compile(re.escape(f".{target.name}.") + "[a-z0-9_]{8}")
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        try:
            if not name.fullmatch(entry.name) or not entry.is_dir(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                continue
            folder = Path(entry.path)
            if _abandoned(folder / _MARKER):
                shutil.rmtree(folder)
            elif time.time() - info.st_mtime > _EMPTY_GRACE_SECONDS:
                folder.rmdir()  # fails unless empty: what is in it may be someone's
        except OSError:
            continue


def _abandoned(marker: Path) -> bool:
    """Whether `marker` is one a run of goalgraph on this host wrote, whose process has ended."""
    try:
        if marker.is_symlink() or not marker.is_file():
            return False
        text = marker.read_text(encoding="utf-8")[:1000]
    except (OSError, UnicodeDecodeError):
        return False
    found = re.fullmatch(r"goalgraph is building a site: process (\d+) on (.+)\n", text)
    if found is None or found[2] != socket.gethostname():
        return False
    return not _running(int(found[1]))


def _running(pid: int) -> bool:
    """Whether process `pid` runs; True where that cannot be asked safely."""
    # On Windows os.kill(pid, 0) would send Ctrl-C, not ask.
    if os.name != "posix" or pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


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
