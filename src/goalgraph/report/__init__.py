"""One self-contained report page per dataset, for alignment analysts and managers.

:func:`build_report` reads a goal graph and writes, as HTML or Markdown, a page that
shows the gaps at a glance:

1. a summary: the dataset's title and description, the date, what stands out
   (gaps, orphans, links across organisations, cycles, suggestions) and the counts;
2. every organisation's statements, top of the hierarchy first, by plan (with its
   period) and type (by ``gg:level``), the source's words and the translation;
3. the coverage of every mission and vision: direct and transitive supporters,
   gaps marked with a word and a symbol (not colour alone);
4. orphans: statements that support nothing;
5. links across organisations (the ``cross-organisation`` query), kind and strength;
6. matrices: focus points × strategic markers per organisation, and strategic
   markers × the top visions;
7. each organisation's alignment score and reach share, defined in plain words,
   with bars; then, where the data has results, the achievement section (a
   målrapportering: targets against results, trends, the top rolled up, with
   inline SVG charts; :mod:`goalgraph.report.achievement`);
8. links suggested from shared words (:func:`goalgraph.suggestion.suggest`), the
   best first, marked as machine suggestions awaiting review;
9. how to read the report, with the ontology's definitions;
10. sources and provenance.

**The gap rule** is :attr:`goalgraph.analysis.Analysis.gaps`: a mission or vision is
a gap when no statement supports it, directly or through other statements (stated
or curated alignments; suggestions do not count). A plan grounded in it (a stated
link from a whole plan, as the bundled 2019 strategy has) is shown beside it, but
does not close the gap: it names no statement that carries the mission out. In the
bundled data PA-M1 and PA-V2 are gaps, supported only by the 2019 strategy.

**Size.** Suggestions take time that grows with the square of the number of
statements, so above :data:`SUGGESTION_STATEMENT_LIMIT` statements they are not
computed, and the report says so; long lists inside a cell are cut to a dozen
references with "and N more", and a matrix to 60 rows and 10 columns. The rest runs
in about a second for 100,000 triples.

**Large graphs.** Above :data:`SPLIT_ABOVE` statements one page would be too large
to open comfortably, so the report is written as pages instead
(:func:`write_report_folder`, ``goalgraph report -o DIR/``): an index with the
summary, gaps, orphans per organisation, cycles, the organisations' scores two
levels down and the matrices, and a page per organisation, linked both ways (see
:mod:`goalgraph.report.split`). A graph above the limit written as one page, HTML
or Markdown alike, gets the index's content only, with a notice at the top saying
so and giving the command that writes the pages.

The page is self-contained and safe to open: CSS inline, no script, no remote
resource, every text of the data escaped; output is the same for the same data and
``generated`` date.

>>> import goalgraph
>>> from datetime import date
>>> page = build_report(goalgraph.load(), lang="en", generated=date(2025, 1, 31))
>>> page.startswith("<!doctype html>"), "PA-M1" in page, "<script" in page
(True, True, False)
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Literal

from rdflib import Graph

from goalgraph import __version__
from goalgraph.errors import GoalgraphError, display_path
from goalgraph.files import write_atomically
from goalgraph.report.achievement import achievement_glance, achievement_section, read_results
from goalgraph.report.alignment import (
    coverage_section,
    cross_organisation_links,
    cross_organisation_section,
    matrix_section,
    orphans_section,
    scores_section,
)
from goalgraph.report.document import Document
from goalgraph.report.facts import LANGUAGES, Language, gather
from goalgraph.report.overview import at_a_glance, report_title, statements_section, summary_section
from goalgraph.report.reading import provenance_section, reading_section
from goalgraph.report.review import (
    SUGGESTION_STATEMENT_LIMIT,
    SUGGESTIONS_SHOWN,
    find_suggestions,
    suggestions_section,
)
from goalgraph.report.split import SPLIT_ABOVE, index_document, large_notice, unlinked, write_report_folder
from goalgraph.report.to_html import to_html
from goalgraph.report.to_markdown import to_markdown
from goalgraph.report.words import Words

__all__ = [
    "REPORT_SUFFIXES",
    "SPLIT_ABOVE",
    "SUGGESTIONS_SHOWN",
    "SUGGESTION_STATEMENT_LIMIT",
    "ReportFormat",
    "build_document",
    "build_report",
    "write_report",
    "write_report_folder",
]

ReportFormat = Literal["html", "markdown"]

#: The file name suffixes :func:`write_report` knows, and the format of each.
REPORT_SUFFIXES: dict[str, ReportFormat] = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}


def build_document(
    graph: Graph,
    *,
    lang: Language = "da",
    generated: date | None = None,
    suggestions_shown: int = SUGGESTIONS_SHOWN,
    suggestion_statement_limit: int = SUGGESTION_STATEMENT_LIMIT,
    split_above: int | None = SPLIT_ABOVE,
    period: str | None = None,
) -> Document:
    """The report's sections as a :class:`~goalgraph.report.document.Document`, in no format yet.

    Parameters are those of :func:`build_report`. Above `split_above` statements the
    document has the index's sections only, and a notice at the top
    (:func:`goalgraph.report.split.index_document`).

    Examples
    --------
    >>> import goalgraph
    >>> document = build_document(goalgraph.load(), lang="en")
    >>> [section.anchor for section in document.sections][:4]
    ['summary', 'statements', 'coverage', 'orphans']
    """
    if lang not in LANGUAGES:
        raise GoalgraphError(f"a report is written in Danish or English (lang 'da' or 'en'), not {lang!r}")
    words = Words(lang)
    facts = gather(graph, lang)
    links = cross_organisation_links(graph, model=facts.model)
    suggestions = find_suggestions(graph, len(facts.statements), suggestion_statement_limit, model=facts.model)
    # Targets against results: computed once, from the model the facts already read.
    results = read_results(facts, period)
    statements = len(facts.statements)
    if split_above is not None and statements > split_above:
        return index_document(
            facts,
            words,
            links=len(links),
            suggestions=suggestions,
            generated=(generated or date.today()).isoformat(),
            suggestions_shown=suggestions_shown,
            notice=large_notice(words, statements, split_above),
            results=results,
        )
    glance = [*at_a_glance(facts, words, len(links), suggestions), achievement_glance(words, results)]
    achievement = achievement_section(facts, words, results)
    sections = (
        summary_section(
            facts,
            words,
            generated=(generated or date.today()).isoformat(),
            version=__version__,
            glance=glance,
        ),
        statements_section(facts, words),
        coverage_section(facts, words),
        orphans_section(facts, words),
        cross_organisation_section(facts, words, links),
        matrix_section(facts, words),
        scores_section(facts, words),
        *((achievement,) if achievement is not None else ()),
        suggestions_section(facts, words, suggestions, suggestions_shown),
        reading_section(facts, words),
        provenance_section(facts, words),
    )
    return Document(lang, report_title(facts, words), words("contents"), sections)


def build_report(
    graph: Graph,
    *,
    lang: Language = "da",
    format: ReportFormat = "html",
    generated: date | None = None,
    suggestions_shown: int = SUGGESTIONS_SHOWN,
    suggestion_statement_limit: int = SUGGESTION_STATEMENT_LIMIT,
    split_above: int | None = SPLIT_ABOVE,
    period: str | None = None,
) -> str:
    """The report of a goal graph, as one self-contained HTML page or as Markdown.

    Above `split_above` statements the page (HTML or Markdown alike) has the summary
    only, the content of a split report's index, and says so at the top with the
    command that writes the whole report as pages (:func:`write_report_folder`);
    links to statements, which it does not list, are left out.

    Parameters
    ----------
    graph : rdflib.Graph
        A goal graph, usually from :func:`goalgraph.load`. It is only read.
    lang : {"da", "en"}
        The language of the report's words and of the statements' texts shown first;
        the other language's text stands beside each in smaller type.
    format : {"html", "markdown"}
    generated : datetime.date, optional
        The date the report says it was made; today by default. With the same
        data and date the output is the same, byte for byte.
    suggestions_shown : int
        How many suggested links to show, the best first.
    suggestion_statement_limit : int
        Above this many statements, suggestions are not computed (the report says so).
    split_above : int or None
        Above this many statements the page has the summary only (see above); None
        for no limit.
    period : str, optional
        The period of the achievement section (a year ``"2019"`` or an interval
        ``"2019-07-01/2020-06-30"``); by default each indicator's latest period with data.

    Returns
    -------
    str

    Raises
    ------
    GoalgraphError
        For a language or format other than those above.

    Examples
    --------
    >>> import goalgraph
    >>> from datetime import date
    >>> text = build_report(goalgraph.load(), lang="en", format="markdown", generated=date(2025, 1, 31))
    >>> text.splitlines()[0]
    '# Goals of the Danish justice sector'
    >>> "## Coverage of missions and visions" in text
    True
    """
    if format not in ("html", "markdown"):
        raise GoalgraphError(f"a report is written as 'html' or 'markdown', not {format!r}")
    document = build_document(
        graph,
        lang=lang,
        generated=generated,
        suggestions_shown=suggestions_shown,
        suggestion_statement_limit=suggestion_statement_limit,
        split_above=split_above,
        period=period,
    )
    if format == "markdown":
        return to_markdown(document)
    # A notice is a large graph's: its statements are on no page, so no link points to them.
    return to_html(document, generator=f"goalgraph {__version__}", locate=unlinked if document.notice else None)


def write_report(
    graph: Graph,
    path: str | os.PathLike[str],
    *,
    lang: Language = "da",
    generated: date | None = None,
    suggestions_shown: int = SUGGESTIONS_SHOWN,
    suggestion_statement_limit: int = SUGGESTION_STATEMENT_LIMIT,
    split_above: int | None = SPLIT_ABOVE,
    split: bool = False,
    period: str | None = None,
) -> Path:
    """Write the report of `graph` to `path`, as HTML (``.html``, ``.htm``) or Markdown (``.md``), or as pages.

    The file is written whole or not at all (:func:`goalgraph.files.write_atomically`).
    With `split`, `path` is a folder, written whole or not at all too, with an
    index page and a page per organisation (:func:`write_report_folder`).

    Parameters
    ----------
    graph : rdflib.Graph
    path : str or os.PathLike
        Where to write; its suffix says the format. With `split`, a folder.
    lang, generated, suggestions_shown, suggestion_statement_limit, split_above
        As for :func:`build_report`.
    split : bool
        Write pages to the folder `path`, whatever the size of the graph.
    period : str, optional
        The period of the achievement section, as for :func:`build_report`.

    Returns
    -------
    Path
        The file written (with `split`, the index page).

    Raises
    ------
    GoalgraphError
        If the suffix is none of those above, or the folder does not exist or
        cannot be written; nothing is written then.

    Examples
    --------
    >>> import goalgraph, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> written = write_report(goalgraph.load(), folder / "report.md", lang="en")
    >>> written.read_text(encoding="utf-8").startswith("# Goals of the Danish justice sector")
    True
    """
    if split:
        return write_report_folder(
            graph,
            path,
            lang=lang,
            generated=generated,
            suggestions_shown=suggestions_shown,
            suggestion_statement_limit=suggestion_statement_limit,
            period=period,
        )
    target = Path(path)
    output_format = REPORT_SUFFIXES.get(target.suffix.lower())
    if output_format is None:
        known = ", ".join(REPORT_SUFFIXES)
        suffix = f"the suffix {target.suffix!r}" if target.suffix else "no suffix"
        raise GoalgraphError(
            f"{display_path(target)}: a report is HTML or Markdown, told by the file name's suffix "
            f"({known}); this has {suffix}"
        )
    if not target.parent.is_dir():
        # Checked before the report is built, so a wrong folder fails at once.
        raise GoalgraphError(f"{display_path(target)}: the folder {display_path(target.parent)} does not exist")
    text = build_report(
        graph,
        lang=lang,
        format=output_format,
        generated=generated,
        suggestions_shown=suggestions_shown,
        suggestion_statement_limit=suggestion_statement_limit,
        split_above=split_above,
        period=period,
    )
    return write_atomically(target, text)
