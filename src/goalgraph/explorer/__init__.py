"""The explorer: a goal graph as one interactive, offline HTML page.

For visual explorers (managers, new staff, citizens, journalists): the whole
picture at once, the top organisation's missions and visions at the top, then the
joint ones, then each organisation's purposes, core tasks, markers, focus points
and targets in rows (:mod:`~goalgraph.explorer.rows`); colour by organisation,
shape by type, links by kind (:mod:`~goalgraph.explorer.styles`). In the page:

- click a statement: a side panel with its Danish text and English translation,
  type, holder, plan and period, source, its paths to the top and its alignments
  in and out (kind, strength, rationale); its paths to the top light up and the
  rest dims;
- hindering links (:attr:`GoalModel.hindrances <goalgraph.model.GoalModel.hindrances>`)
  are drawn red with a bar at their end, in the legend, the filters and the panel of
  both ends; no path to the top follows them;
- "Colour by status" fills the statements by their status from
  :func:`goalgraph.progress` (computed once when the page is built,
  :mod:`~goalgraph.explorer.statuses`), with a marker on each label and the status in
  words in the panel, which for an indicator shows its series as a table and a
  sparkline; with no results in the data the toggle is disabled, with a note;
- filter by organisation, type, plan and kind of link; search in Danish or English,
  ignoring case and accents (the rules of :func:`goalgraph.text.fold`); switch
  between Danish and English; reset the view;
- above ``collapse_above`` statements the page drills down the organisation tree
  (``org:subOrganizationOf``): it opens on the top organisation(s), opened, and the
  organisations under them, each folded into one box with the statements under it
  in all and a bar of the share that reaches the top; the alignments between boxes
  are drawn as one link per pair, with their count, in the style of the strongest.
  A click on a box opens one level (its own statements and the boxes under it; the
  first 24, then a "+N more" box) and a second click folds it back; a breadcrumb
  shows where you are. Choosing a search hit opens exactly the folds on its paths to
  the top. Such a page carries its statements compactly
  (:mod:`~goalgraph.explorer.compact`): each IRI and text once, numbers elsewhere.

The graph is assembled with pyvis (:mod:`~goalgraph.explorer.network`; for a
large graph only its options, the page making the few nodes it shows) and drawn
by vis-network, both inlined with the data (:mod:`~goalgraph.explorer.page`):
the file loads nothing from anywhere and writes nothing beside itself. In the
hierarchical layout the page places the nodes itself, row by row (a layered
layout: each row ordered by its neighbours so that fewer links cross, too long a
row wrapped), so vis-network runs no physics and no layout of its own and the
graph is still from its first frame; the force layout lets vis-network's physics
settle the graph, then turns it off.

>>> import goalgraph
>>> from goalgraph.explorer import build_explorer
>>> page = build_explorer(goalgraph.load(), lang="en")
>>> page.startswith("<!doctype html>"), "Quality in case handling" in page
(True, True)
>>> page == build_explorer(goalgraph.load(), lang="en")  # the same data, the same bytes
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from rdflib import Graph

from goalgraph.errors import GoalgraphError
from goalgraph.explorer.facts import gather
from goalgraph.explorer.focus import focus_statements, neighbourhood
from goalgraph.explorer.network import Language, Layout, assemble
from goalgraph.explorer.page import render_page
from goalgraph.explorer.payload import payload
from goalgraph.files import write_atomically
from goalgraph.model import read_model
from goalgraph.templating import render

__all__ = [
    "COLLAPSE_ABOVE",
    "Explorer",
    "Language",
    "Layout",
    "build_explorer",
    "explore",
    "write_explorer",
]

#: Above this many statements, the page drills down the organisation tree instead of
#: showing everything. At 1,500 a hierarchical layout of every statement still takes
#: well under a second in a browser and its rows are still wide enough to read when
#: zoomed in.
COLLAPSE_ABOVE = 1_500

_NOSCRIPT = {
    "da": "Denne side viser målgrafen med JavaScript. Slå scripts til i browseren for at se den.",
    "en": "This page draws the goal graph with JavaScript. Turn on scripts in the browser to see it.",
}


def _check(lang: str, layout: str, collapse_above: int | None) -> None:
    if lang not in get_args(Language):
        raise GoalgraphError(f"unknown language {lang!r}: choose da or en")
    if layout not in get_args(Layout):
        raise GoalgraphError(f"unknown layout {layout!r}: choose hierarchical or force")
    if collapse_above is not None and collapse_above < 0:
        raise GoalgraphError(f"collapse_above must be 0 or more, not {collapse_above}")


def build_explorer(
    graph: Graph,
    *,
    lang: Language = "da",
    layout: Layout = "hierarchical",
    collapse_above: int | None = COLLAPSE_ABOVE,
    focus: str | None = None,
    depth: int = 1,
    review: bool = False,
) -> str:
    """The explorer page of a goal graph: one self-contained HTML document.

    Parameters
    ----------
    graph : rdflib.Graph
        A dataset from :func:`goalgraph.load`; it is only read.
    lang : {"da", "en"}
        The language the page opens in (it can switch in the page).
    layout : {"hierarchical", "force"}
        Rows by level, still from the first frame (physics off); or a
        force-directed layout that settles, then stops.
    collapse_above : int or None
        Drill down the organisation tree when the graph has more statements than
        this (see the module's docstring); None shows everything, whatever the size.
    focus : str, optional
        A statement or an organisation (IRI, identifier or name): show only its
        neighbourhood, the paths up to the top and the supporters down `depth`
        levels (:mod:`goalgraph.explorer.focus`).
    depth : int
        With `focus`, how many levels of supporters to show.
    review : bool
        The review mode of ``goalgraph serve --curate``: a statement's panel lists
        its pending suggestions to accept or reject, and takes links of one's own
        (the page then talks to the server that serves it; see
        :func:`goalgraph.explorer.page.render_page`).

    Returns
    -------
    str
        The page. The same graph and arguments give the same text.

    Raises
    ------
    GoalgraphError
        For an unknown language or layout, or a negative `collapse_above`;
        :class:`~goalgraph.explorer.focus.FocusError` for a focus that names no
        statement or organisation, or a negative depth.

    Examples
    --------
    >>> import goalgraph
    >>> page = build_explorer(goalgraph.load(), layout="force")
    >>> '"layout":"force"' in page, "Kvalitet i sagsbehandlingen" in page
    (True, True)
    >>> part = build_explorer(goalgraph.load(), lang="en", focus="SM3", depth=0)
    >>> "Kvalitet i sagsbehandlingen" in part, "Bekæmpelse af indbrud" in part
    (True, False)
    """
    _check(lang, layout, collapse_above)
    whole = read_model(graph)
    shown = whole if focus is None else neighbourhood(whole, focus_statements(graph, whole, focus), depth=depth)
    facts = gather(shown)
    collapsed = collapse_above is not None and len(facts.statements) > collapse_above
    parts = assemble(facts, lang=lang, layout=layout, collapsed=collapsed)
    # Statuses are the whole graph's, also in a neighbourhood: they rest on what is not shown too.
    data = payload(
        facts, parts, lang=lang, layout=layout, collapsed=collapsed, collapse_above=collapse_above, whole=whole
    )
    title = facts.titles.get(lang) or next(iter(facts.titles.values()), "goalgraph")
    return render_page(data=data, lang=lang, title=title, noscript=_NOSCRIPT[lang], review=review)


def write_explorer(
    graph: Graph,
    path: str | os.PathLike[str],
    *,
    lang: Language = "da",
    layout: Layout = "hierarchical",
    collapse_above: int | None = COLLAPSE_ABOVE,
    focus: str | None = None,
    depth: int = 1,
) -> Path:
    """Write the explorer page of `graph` to `path` (UTF-8), whole or not at all.

    Nothing else is written: no ``lib/`` folder, no copy of vis-network.

    Parameters
    ----------
    graph : rdflib.Graph
    path : str or os.PathLike
        The HTML file to write; its folder must exist.
    lang, layout, collapse_above, focus, depth
        As for :func:`build_explorer`.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    GoalgraphError
        As :func:`build_explorer` does, or if the folder does not exist or cannot
        be written (then nothing is written).

    Examples
    --------
    >>> import goalgraph, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> written = write_explorer(goalgraph.load(), folder / "explorer.html")
    >>> written.name, sorted(p.name for p in folder.iterdir())
    ('explorer.html', ['explorer.html'])
    """
    return write_atomically(
        path, build_explorer(graph, lang=lang, layout=layout, collapse_above=collapse_above, focus=focus, depth=depth)
    )


@dataclass(frozen=True)
class Explorer:
    """An explorer page, for Jupyter and for saving.

    In a notebook it shows itself inline (:meth:`_repr_html_`) in an ``<iframe>``
    whose ``srcdoc`` holds the page, so its scripts and styles are kept apart from
    the notebook's, and a notebook exported to HTML still shows it without any
    network.

    Attributes
    ----------
    html : str
        The page.
    height : int
        The height of the inline frame, in CSS pixels.
    """

    html: str
    height: int = 720

    def _repr_html_(self) -> str:
        """The page in a sandboxed inline frame: scripts run, in an origin of their own."""
        return render("notebook-frame.html", page=self.html, height=self.height).rstrip("\n")

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to `path` (UTF-8), whole or not at all; return the file."""
        return write_atomically(path, self.html)


def explore(
    graph: Graph,
    *,
    lang: Language = "da",
    layout: Layout = "hierarchical",
    collapse_above: int | None = COLLAPSE_ABOVE,
    focus: str | None = None,
    depth: int = 1,
) -> Explorer:
    """The explorer of `graph`, to show inline in Jupyter or save.

    Parameters
    ----------
    graph : rdflib.Graph
    lang, layout, collapse_above, focus, depth
        As for :func:`build_explorer`.

    Returns
    -------
    Explorer

    Examples
    --------
    >>> import goalgraph
    >>> explorer = explore(goalgraph.load())
    >>> frame = explorer._repr_html_()
    >>> frame.startswith("<iframe srcdoc="), "<script" in frame, "&lt;script" in frame
    (True, False, True)
    """
    return Explorer(
        build_explorer(graph, lang=lang, layout=layout, collapse_above=collapse_above, focus=focus, depth=depth)
    )
