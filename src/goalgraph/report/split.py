"""The report of a large graph: an index page, and a page per organisation, linked both ways.

One page of a graph of a million triples would be of a hundred megabytes, which no
browser opens comfortably. Above :data:`SPLIT_ABOVE` statements, then, the report is
written to a folder (:func:`write_report_folder`):

``index.html``
    The summary; the organisations down to :data:`INDEX_DEPTH` levels below the top,
    with their scores, each linked to its page; where the data has results, the
    targets by status per organisation and the missions and visions rolled up; the gaps; the orphans counted per
    organisation; the alignment cycles; the matrices of those organisations and of
    the strategic markers × the top visions; suggestions; how to read the report;
    sources.
``organisations/<slug>.html``
    One organisation: a trail of the organisations above it back to the index; the
    organisations it is part of and those below it; its statements by plan and type;
    the coverage of its missions and visions; its orphans; its links across
    organisations (each to the other organisation's page); its matrix; its score and
    those of the organisations below it; its targets against results, and their
    trends, where it has any. The file is named after the organisation
    (:func:`goalgraph.slugs.slug` of its name, ``-2``, ``-3`` … where two would be
    the same).
``without-holder.html``
    Statements no organisation holds, if there are any.

Every page is the one report's page (:mod:`goalgraph.report.to_html`): the same
style sheet inline, no script, every text escaped; links to statements go to the
page that lists them. The folder is written whole or not at all.

A graph above the limit written as one page (``-o report.html``) or as Markdown has
the index's content only, and says so at the top with the command that writes the
folder (:func:`index_document`).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Graph
from rdflib.term import IdentifiedNode, Node

from goalgraph import __version__
from goalgraph.errors import GoalgraphError, display_path
from goalgraph.inputs import shorten
from goalgraph.memory import paused_gc
from goalgraph.report.achievement import (
    Results,
    achievement_glance,
    achievement_index_section,
    achievement_page_section,
    read_results,
)
from goalgraph.report.alignment import (
    Named,
    coverage_order,
    coverage_table,
    cross_organisation_links,
    cross_table,
    matrix_section,
    organisation_matrix,
    orphans_table,
    score_definition,
    score_row,
    scores_table,
)
from goalgraph.report.cells import plain, reference, references, sort_key, text_phrases
from goalgraph.report.document import (
    Block,
    Cell,
    Document,
    Heading,
    Inline,
    Paragraph,
    Phrase,
    Section,
    Table,
    TableRow,
)
from goalgraph.report.facts import LANGUAGES, Facts, Language, anchor, gather
from goalgraph.report.overview import at_a_glance, plan_groups, report_title, summary_section
from goalgraph.report.reading import provenance_section, reading_section
from goalgraph.report.review import (
    SUGGESTION_STATEMENT_LIMIT,
    SUGGESTIONS_SHOWN,
    Suggestions,
    find_suggestions,
    suggestions_section,
)
from goalgraph.report.to_html import Locate, report_css, to_html
from goalgraph.report.words import Words
from goalgraph.slugs import slug

__all__ = [
    "CROSS_LINKS_SHOWN",
    "CYCLES_SHOWN",
    "INDEX_DEPTH",
    "INDEX_ROWS",
    "PARALLEL_ABOVE",
    "SOURCES_SHOWN",
    "SPLIT_ABOVE",
    "index_document",
    "large_notice",
    "unlinked",
    "write_report_folder",
]

#: Above this many statements a report is split into pages: the bundled data (30)
#: stays one page; 100,000 triples (some 6,600 statements) would make a page of
#: about 5 MB, and are split.
SPLIT_ABOVE = 2_000

#: The index lists the organisations down to this many levels below the top.
INDEX_DEPTH = 2

#: The most rows of the index's gaps and orphans tables; the pages have the rest.
INDEX_ROWS = 500

#: The most sources the index lists (a large graph may cite one per plan).
SOURCES_SHOWN = 100

#: The most cycles the index lists.
CYCLES_SHOWN = 100

#: From this many pages on, they are written by a process per core (on Linux).
PARALLEL_ABOVE = 1_000

#: The most links across organisations an organisation's page lists: a ministry whose
#: missions everything supports must not make a page too large to open.
CROSS_LINKS_SHOWN = 500

# The relation the cross-organisation query gives statements in the very same words.
_SAME_WORDS = "same words"
_FOLDER = "organisations"
_WITHOUT_HOLDER = "without-holder.html"
_STYLESHEET = "report.css"
# More processes than this gain little: writing the files becomes the limit.
_MOST_PROCESSES = 4
_INDEX = "index.html"


def unlinked(href: str) -> str | None:
    """Links for a page of the index's content alone: to statements and organisations, none (they are not on it).

    Examples
    --------
    >>> unlinked("#s-b5b10dd0429e"), unlinked("https://example.org")
    (None, 'https://example.org')
    """
    return None if href.startswith(("#s-", "#o-")) else href


def _linked(facts: Facts) -> Named:
    # An organisation's name, linked to its page (the locator makes the link).
    def cell(organisation: Node | None) -> Cell:
        if organisation is None:
            return plain(facts.organisation_name(None))
        return (Phrase(facts.organisation_name(organisation), href=f"#{anchor('o', organisation)}"),)

    return cell


@dataclass(frozen=True)
class _Layout:
    """Which organisations are where: the tree of pages, each page's file, and what each holds."""

    files: dict[Node | None, str]
    parent: dict[Node, Node]
    children: dict[Node, list[IdentifiedNode]]
    depth: dict[Node, int]
    held: dict[Node | None, list[IdentifiedNode]]


def _layout(facts: Facts) -> _Layout:
    files: dict[Node | None, str] = {}
    taken: set[str] = set()
    parent: dict[Node, Node] = {}
    depth: dict[Node, int] = {}
    above: list[IdentifiedNode] = []
    for organisation, level in facts.order:
        # The page's parent is the one above it in the order's tree (an organisation
        # in two parents is listed under the first), so the trail is one path.
        del above[level:]
        if above:
            parent[organisation] = above[-1]
        above.append(organisation)
        depth[organisation] = level
        base = slug(facts.organisation_name(organisation)) or "organisation"
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}-{number}"
        taken.add(name)
        files[organisation] = f"{_FOLDER}/{name}.html"
    children: dict[Node, list[IdentifiedNode]] = {}
    for organisation, _ in facts.order:
        if organisation in parent:
            children.setdefault(parent[organisation], []).append(organisation)
    held: dict[Node | None, list[IdentifiedNode]] = {}
    for statement in facts.statements.values():
        held.setdefault(statement.holder, []).append(statement.node)
    if None in held:
        files[None] = _WITHOUT_HOLDER
    return _Layout(files, parent, children, depth, held)


def _targets(facts: Facts, layout: _Layout) -> dict[str, str]:
    """Each statement's and organisation's anchor, and where it is from the folder: ``organisations/x.html#s-…``."""
    targets = {anchor("o", organisation): file for organisation, file in layout.files.items() if organisation}
    for holder, statements in layout.held.items():
        file = layout.files.get(holder)
        if file is not None:
            for statement in statements:
                name = anchor("s", statement)
                targets[name] = f"{file}#{name}"
    return targets


def _locator(targets: dict[str, str], here: str) -> Locate:
    """How links are written on the page `here` (a path in the folder): relative to it."""
    inside = here.startswith(f"{_FOLDER}/")
    same = f"{_FOLDER}/"

    def locate(href: str) -> str | None:
        if not href.startswith("#"):
            return href
        target = targets.get(href[1:])
        if target is None:
            # A section of this very page.
            return href
        if target.startswith(here) and target[len(here) : len(here) + 1] == "#":
            return target[len(here) :]
        if not inside:
            return target
        # From a page in the organisations' folder: its neighbours by name, the rest one folder up.
        return target[len(same) :] if target.startswith(same) else f"../{target}"

    return locate


#################################################################
# The index
#################################################################


def index_document(
    facts: Facts,
    words: Words,
    *,
    links: int,
    suggestions: Suggestions,
    generated: str,
    suggestions_shown: int = SUGGESTIONS_SHOWN,
    notice: Sequence[Block] = (),
    results: Results | None = None,
) -> Document:
    """The index of a report split into pages, or, with a `notice`, a large graph's page of its summary only.

    Parameters
    ----------
    facts : Facts
    words : Words
    links : int
        How many links across organisations there are.
    suggestions : Suggestions
    generated : str
        The date the report says it was made.
    suggestions_shown : int
    notice : sequence of Block
        What the page says at the top: that the detail per organisation is left out,
        and how to have it. Without it, the page is the index of the pages.
    results : Results, optional
        Targets against results (:func:`goalgraph.report.achievement.read_results`),
        read once for every page; read here if not given.

    Returns
    -------
    Document

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.report.facts import gather
    >>> from goalgraph.report.review import Suggestions
    >>> facts = gather(goalgraph.load(), "en")
    >>> document = index_document(
    ...     facts, Words("en"), links=27, suggestions=Suggestions(None, 30, 0), generated="2025-01-31"
    ... )
    >>> [section.anchor for section in document.sections][:4]
    ['summary', 'scores', 'gaps', 'orphans']
    """
    results = read_results(facts) if results is None else results
    glance = [*at_a_glance(facts, words, links, suggestions), achievement_glance(words, results)]
    summary = summary_section(facts, words, generated=generated, version=__version__, glance=glance)
    if not notice:
        intro = Paragraph((Phrase(words("split_intro", depth=words.number(INDEX_DEPTH))),))
        summary = Section(summary.anchor, summary.title, (intro, *summary.blocks))
    name = _linked(facts)
    near = {organisation for organisation, depth in facts.order if depth <= INDEX_DEPTH}
    achievement = achievement_index_section(facts, words, results)
    sections = (
        summary,
        _index_scores(facts, words, name),
        *((achievement,) if achievement is not None else ()),
        _gaps_section(facts, words, name),
        _orphans_by_organisation(facts, words, name),
        _cycles_section(facts, words),
        matrix_section(facts, words, near),
        suggestions_section(facts, words, suggestions, suggestions_shown),
        reading_section(facts, words),
        provenance_section(facts, words, SOURCES_SHOWN),
    )
    return Document(words.lang, report_title(facts, words), words("contents"), sections, notice=tuple(notice))


def large_notice(words: Words, statements: int, limit: int) -> tuple[Block, ...]:
    """What a large graph's one page says at the top: it leaves out the detail, and the command that writes it all."""
    said = words("large_notice", count=words.number(statements), limit=words.number(limit))
    return (Paragraph((Phrase(said), Phrase(words("split_command"), strong=True, new_line=True)), kind="notice"),)


def _index_scores(facts: Facts, words: Words, name: Named) -> Section:
    intro = words("index_scores_intro", depth=words.number(INDEX_DEPTH))
    blocks: list[Block] = [Paragraph((Phrase(intro),)), Paragraph((Phrase(score_definition(facts, words)),))]
    rows = []
    for organisation, depth in facts.order:
        if depth <= INDEX_DEPTH:
            row = score_row(facts, words, organisation, name)
            # Indented by its depth, so that the tree shows.
            first = (Phrase("\u2003" * depth), *row.cells[0]) if depth else row.cells[0]
            rows.append(TableRow((first, *row.cells[1:])))
    if rows:
        blocks.append(scores_table(words, rows))
    else:
        blocks.append(Paragraph((Phrase(words("no_scores")),), kind="note"))
    return Section("scores", words("index_scores"), tuple(blocks))


def _cut(words: Words, shown: int, total: int) -> list[Block]:
    if shown >= total:
        return []
    return [Paragraph((Phrase(words("rows_cut", shown=words.number(shown), total=words.number(total))),), "note")]


def _gaps_section(facts: Facts, words: Words, name: Named) -> Section:
    blocks: list[Block] = [Paragraph((Phrase(words("coverage_rule")),))]
    gaps = sorted((c for c in facts.analysis.coverage.values() if c.gap), key=lambda c: coverage_order(facts, c))
    if not gaps:
        blocks.append(Paragraph((Phrase(words("no_gaps")),), kind="note"))
    else:
        blocks.append(coverage_table(facts, words, gaps[:INDEX_ROWS], name))
        blocks += _cut(words, min(len(gaps), INDEX_ROWS), len(gaps))
    return Section("gaps", words("gaps"), tuple(blocks))


def _orphans_by_organisation(facts: Facts, words: Words, name: Named) -> Section:
    blocks: list[Block] = [Paragraph((Phrase(words("orphans_intro")),))]
    by_holder: dict[Node | None, list[IdentifiedNode]] = {}
    for orphan in facts.analysis.orphans:
        by_holder.setdefault(facts.statements[orphan].holder, []).append(orphan)
    if not by_holder:
        blocks.append(Paragraph((Phrase(words("no_orphans")),), kind="note"))
        return Section("orphans", words("orphans"), tuple(blocks))
    blocks.append(Paragraph((Phrase(words("orphans_by_organisation")),), kind="note"))
    holders = sorted(by_holder, key=lambda h: facts.rank.get(h, len(facts.rank)) if h is not None else len(facts.rank))
    rows = [
        TableRow(
            (
                name(holder),
                plain(words.number(len(by_holder[holder]))),
                tuple(references(facts, words, by_holder[holder])),
            )
        )
        for holder in holders[:INDEX_ROWS]
    ]
    header = (words("organisation"), words("count"), words("first_of_them"))
    blocks.append(Table(header, tuple(rows), kind="orphans", numeric=frozenset({1})))
    blocks += _cut(words, min(len(holders), INDEX_ROWS), len(holders))
    return Section("orphans", words("orphans"), tuple(blocks))


def _cycles_section(facts: Facts, words: Words) -> Section:
    cycles = facts.analysis.cycles
    blocks: list[Block] = [Paragraph((Phrase(words("cycles_intro")),))]
    if not cycles:
        blocks.append(Paragraph((Phrase(words("no_cycles")),), kind="note"))
        return Section("cycles", words("cycles"), tuple(blocks))
    for cycle in cycles[:CYCLES_SHOWN]:
        phrases: list[Inline] = []
        for statement in (*cycle, cycle[0]):
            if phrases:
                phrases.append(Phrase(" → "))
            phrases.append(reference(facts, statement, strong=False))
        blocks.append(Paragraph(tuple(phrases)))
    if len(cycles) > CYCLES_SHOWN:
        shown = words("cycles_cut", shown=words.number(CYCLES_SHOWN), total=words.number(len(cycles)))
        blocks.append(Paragraph((Phrase(shown),), kind="note"))
    return Section("cycles", words("cycles"), tuple(blocks))


#################################################################
# A page per organisation
#################################################################


@dataclass(frozen=True)
class _Indexes:
    """What each organisation's page shows, found once for all of them."""

    coverage: dict[Node | None, list[IdentifiedNode]]
    orphans: dict[Node | None, list[IdentifiedNode]]
    links: dict[Node | None, list[dict[str, Node | None]]]


def _indexes(facts: Facts, links: Iterable[dict[str, Node | None]]) -> _Indexes:
    coverage: dict[Node | None, list[IdentifiedNode]] = {}
    for covered in facts.analysis.coverage.values():
        coverage.setdefault(facts.statements[covered.statement].holder, []).append(covered.statement)
    orphans: dict[Node | None, list[IdentifiedNode]] = {}
    for orphan in facts.analysis.orphans:
        orphans.setdefault(facts.statements[orphan].holder, []).append(orphan)
    by_holder: dict[Node | None, list[dict[str, Node | None]]] = {}
    for link in links:
        by_holder.setdefault(link["fromHolder"], []).append(link)
        if link["toHolder"] != link["fromHolder"]:
            by_holder.setdefault(link["toHolder"], []).append(link)
    return _Indexes(coverage, orphans, by_holder)


def _cross_blocks(facts: Facts, words: Words, indexes: _Indexes, organisation: Node, name: Named) -> list[Block]:
    links = indexes.links.get(organisation, [])
    blocks: list[Block] = []
    if not links:
        blocks.append(Paragraph((Phrase(words("no_own_cross")),), kind="note"))
        return blocks
    aligned = [link for link in links if str(link["relation"]) != _SAME_WORDS]
    if aligned:
        blocks.append(cross_table(facts, words, aligned[:CROSS_LINKS_SHOWN], name))
        if len(aligned) > CROSS_LINKS_SHOWN:
            cut = words("cross_cut", shown=words.number(CROSS_LINKS_SHOWN), total=words.number(len(aligned)))
            blocks.append(Paragraph((Phrase(cut),), kind="note"))
    # Statements in the same words: one row per statement of this organisation, the
    # others counted and the first named, as a common phrase may be in hundreds.
    same: dict[Node, list[IdentifiedNode]] = {}
    for link in links:
        if str(link["relation"]) == _SAME_WORDS:
            ends = (link["from"], link["to"]) if link["fromHolder"] == organisation else (link["to"], link["from"])
            own, other = ends
            if isinstance(own, IdentifiedNode) and isinstance(other, IdentifiedNode):
                same.setdefault(own, []).append(other)
    if same:
        blocks.append(Heading(words("same_words_as")))
        rows = []
        for own in sorted(same, key=lambda s: sort_key(facts, s)):
            others = same[own]
            cells: tuple[Cell, ...] = (
                (reference(facts, own), *text_phrases(facts, own, other=False, new_line=True)),
                (Phrase(words.number(len(others)), strong=True), Phrase(": "), *references(facts, words, others)),
            )
            rows.append(TableRow(cells))
        header = (words("statement"), words("same_words_elsewhere"))
        blocks.append(Table(header, tuple(rows), kind="cross"))
    return blocks


def _trail(facts: Facts, words: Words, layout: _Layout, organisation: Node | None, title: str) -> tuple[Inline, ...]:
    above: list[Node] = []
    current = organisation
    while current is not None and current in layout.parent:
        current = layout.parent[current]
        above.append(current)
    trail: list[Inline] = [Phrase(title, href=os.path.relpath(_INDEX, _FOLDER))]
    for node in reversed(above):
        trail += [Phrase(" › "), Phrase(facts.organisation_name(node), href=f"#{anchor('o', node)}")]
    return tuple(trail)


def _organisation_document(
    facts: Facts,
    words: Words,
    layout: _Layout,
    indexes: _Indexes,
    organisation: IdentifiedNode,
    title: str,
    results: Results | None = None,
) -> Document:
    name = _linked(facts)
    found = facts.organisations.get(organisation)
    about: list[Block] = []
    for label, others in (
        (words("part_of"), found.parents if found else ()),
        (words("members"), found.members if found else ()),
    ):
        if others:
            linked = sorted(others, key=lambda o: facts.rank.get(o, len(facts.rank)))
            phrases: list[Inline] = [Phrase(f"{label}: ", strong=True)]
            for index, other in enumerate(linked):
                phrases += [*([Phrase(", ")] if index else []), *name(other)]
            about.append(Paragraph(tuple(phrases), kind="note"))
    below = layout.children.get(organisation, [])
    if below:
        phrases = [Phrase(f"{words('sub_organisations')}: ", strong=True)]
        for index, child in enumerate(below):
            phrases += [*([Phrase(", ")] if index else []), *name(child)]
        about.append(Paragraph(tuple(phrases)))
    else:
        about.append(Paragraph((Phrase(words("no_sub_organisations")),), kind="note"))
    # What the tables mean is said once, on the index, not again on thousands of pages.
    about.append(Paragraph((Phrase(words("how_to_read"), href=f"../{_INDEX}#reading"),), kind="note"))

    statements = [facts.statements[s] for s in layout.held.get(organisation, [])]
    if statements or facts.plans_of(organisation):
        held = plan_groups(facts, words, organisation, statements)
    else:
        held = [Paragraph((Phrase(words("no_statements")),), kind="note")]

    covered = sorted(
        (facts.analysis.coverage[s] for s in indexes.coverage.get(organisation, [])),
        key=lambda c: coverage_order(facts, c),
    )
    coverage: list[Block] = []
    if covered:
        coverage.append(coverage_table(facts, words, covered, name))
    else:
        coverage.append(Paragraph((Phrase(words("no_own_missions")),), kind="note"))

    own_orphans = sorted(indexes.orphans.get(organisation, []), key=lambda s: sort_key(facts, s))
    orphans: list[Block] = []
    if own_orphans:
        orphans.append(orphans_table(facts, words, own_orphans, name))
    else:
        orphans.append(Paragraph((Phrase(words("no_own_orphans")),), kind="note"))

    cross = _cross_blocks(facts, words, indexes, organisation, name)

    scores: list[Block] = [Paragraph((Phrase(words("own_scores")),))]
    rows = [score_row(facts, words, organisation, name)]
    rows += [score_row(facts, words, child, name) for child in below]
    scores.append(scores_table(words, rows))

    sections = [
        Section("organisation", words("organisation_section"), tuple(about)),
        Section("statements", words("by_plan"), tuple(held)),
        Section("coverage", words("coverage"), tuple(coverage)),
        Section("orphans", words("orphans"), tuple(orphans)),
        Section("cross-organisation", words("cross"), tuple(cross)),
    ]
    matrix = organisation_matrix(facts, words, statements)
    if matrix:
        sections.append(Section("matrix", words("matrix"), tuple(matrix)))
    sections.append(Section("scores", words("scores"), tuple(scores)))
    achievement = achievement_page_section(facts, words, results, organisation) if results is not None else None
    if achievement is not None:
        sections.append(achievement)
    return Document(
        words.lang,
        facts.organisation_name(organisation),
        words("contents"),
        tuple(sections),
        trail=_trail(facts, words, layout, organisation, title),
        trail_label=words("trail"),
    )


def _without_holder_document(facts: Facts, words: Words, layout: _Layout, title: str) -> Document:
    statements = [facts.statements[s] for s in layout.held.get(None, [])]
    section = Section("statements", words("without_holder"), tuple(plan_groups(facts, words, None, statements)))
    return Document(
        words.lang,
        words("without_holder"),
        words("contents"),
        (section,),
        trail=(Phrase(title, href=_INDEX),),
        trail_label=words("trail"),
    )


#################################################################
# Writing the folder
#################################################################


def write_report_folder(
    graph: Graph,
    folder: str | os.PathLike[str],
    *,
    lang: Language = "da",
    generated: date | None = None,
    suggestions_shown: int = SUGGESTIONS_SHOWN,
    suggestion_statement_limit: int = SUGGESTION_STATEMENT_LIMIT,
    period: str | None = None,
) -> Path:
    """Write the report of `graph` as pages: ``index.html`` and a page per organisation, in `folder`.

    The folder is written whole or not at all: the pages go to a new folder beside
    it, which takes its place once every page is written. An existing `folder`
    must be empty or hold a report written before (its ``index.html`` and
    ``organisations``), which is replaced; nothing else is touched.

    Parameters
    ----------
    graph : rdflib.Graph
        A goal graph, usually from :func:`goalgraph.load`. It is only read.
    folder : str or os.PathLike
        The folder to write; its parent must exist.
    lang, generated, suggestions_shown, suggestion_statement_limit, period
        As for :func:`goalgraph.report.build_report`.

    Returns
    -------
    Path
        The index page written.

    Raises
    ------
    GoalgraphError
        If the parent folder does not exist or cannot be written, or `folder` is a
        file or a folder of something else; nothing is written then.

    Examples
    --------
    >>> import goalgraph, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "report"
    >>> index = write_report_folder(goalgraph.load(), folder, lang="en")
    >>> index.name, "the-danish-police.html" in {p.name for p in (folder / "organisations").iterdir()}
    ('index.html', True)
    >>> 'href="organisations/the-danish-police.html' in index.read_text(encoding="utf-8")
    True
    """
    if lang not in LANGUAGES:
        raise GoalgraphError(f"a report is written in Danish or English (lang 'da' or 'en'), not {lang!r}")
    target = Path(folder)
    _check_folder(target)
    write = _write_page
    with paused_gc():
        # Millions of objects live here, none of them in a cycle worth collecting:
        # the collector's passes over them took seconds.
        words = Words(lang)
        facts = gather(graph, lang)
        links = cross_organisation_links(graph, model=facts.model)
        suggestions = find_suggestions(graph, len(facts.statements), suggestion_statement_limit, model=facts.model)
        generator = f"goalgraph {__version__}"
        layout = _layout(facts)
        targets = _targets(facts, layout)
        # Read once, before the pages are written (in forked processes too).
        results = read_results(facts, period)
        index = index_document(
            facts,
            words,
            links=len(links),
            suggestions=suggestions,
            generated=(generated or date.today()).isoformat(),
            suggestions_shown=suggestions_shown,
            results=results,
        )
        indexes = _indexes(facts, links)
        temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
        try:
            (temporary / _FOLDER).mkdir()
            write(temporary / _STYLESHEET, report_css())
            page = to_html(index, generator=generator, locate=_locator(targets, _INDEX), stylesheet=_STYLESHEET)
            write(temporary / _INDEX, page)
            pages: list[IdentifiedNode | None] = [organisation for organisation, _ in facts.order]
            if None in layout.files:
                pages.append(None)

            def write_pages(part: int, parts: int) -> None:
                for organisation in pages[part::parts]:
                    file = layout.files[organisation]
                    if organisation is None:
                        document = _without_holder_document(facts, words, layout, index.title)
                    else:
                        document = _organisation_document(
                            facts, words, layout, indexes, organisation, index.title, results
                        )
                    sheet = f"../{_STYLESHEET}" if file.startswith(f"{_FOLDER}/") else _STYLESHEET
                    write(
                        temporary / file,
                        to_html(document, generator=generator, locate=_locator(targets, file), stylesheet=sheet),
                    )

            _in_parallel(len(pages), write_pages)
            _replace(temporary, target)
        except BaseException as error:
            shutil.rmtree(temporary, ignore_errors=True)
            if isinstance(error, OSError):
                raise GoalgraphError(f"{display_path(target)}: cannot write ({error.strerror})") from None
            raise
    return target / _INDEX


def _in_parallel(count: int, work: Callable[[int, int], None]) -> None:
    """Run ``work(part, parts)`` for every part: in forked processes, one a core, when there are many pages.

    Writing thousands of pages is most of a large report's time, and each page is
    made from the facts alone, which a forked process shares with its parent.
    Where there is no fork (or one core, or few pages), one part does it all.
    """
    parts = 1
    if count >= PARALLEL_ABOVE and sys.platform == "linux":
        parts = max(1, min(len(os.sched_getaffinity(0)), _MOST_PROCESSES))
    children = []
    for part in range(1, parts):
        child = os.fork()
        if child == 0:  # pragma: no cover - the child's work is measured by the pages it writes
            code = 1
            try:
                work(part, parts)
                code = 0
            except OSError as error:
                # Bad ground (a full disk, a folder made read-only): one line, as the parent would say it.
                where = f" {shorten(error.filename)}" if error.filename else ""
                sys.stderr.write(f"goalgraph: cannot write{where} ({error.strerror or error})\n")
            except BaseException:
                traceback.print_exc()
            finally:
                # Never back into the parent's code (its tests, its clean-up): leave at once.
                os._exit(code)
        children.append(child)
    failed = False
    try:
        work(0, parts)
    finally:
        for child in children:
            _, status = os.waitpid(child, 0)
            failed = failed or os.waitstatus_to_exitcode(status) != 0
    if failed:
        raise GoalgraphError("a process writing the report's pages failed (see above); nothing was written")


def _write_page(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _check_folder(target: Path) -> None:
    if not target.parent.is_dir():
        raise GoalgraphError(f"{display_path(target)}: the folder {display_path(target.parent)} does not exist")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise GoalgraphError(f"{display_path(target)}: not a folder: give the path of a folder to write the report to")
    if target.is_dir():
        names = {p.name for p in target.iterdir()}
        # Only a report written before is replaced: anything else in the folder is someone's.
        if names and not (_INDEX in names and names <= {_INDEX, _FOLDER, _WITHOUT_HOLDER, _STYLESHEET}):
            raise GoalgraphError(
                f"{display_path(target)}: the folder holds other files than a report: give an empty or new folder"
            )


def _replace(temporary: Path, target: Path) -> None:
    # The new folder gets the mode a plainly made folder has (mkdtemp's is private).
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o777 & ~umask)
    if not target.exists():
        os.rename(temporary, target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    os.rename(target, old / "report")
    try:
        os.rename(temporary, target)
    except BaseException:
        os.rename(old / "report", target)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
