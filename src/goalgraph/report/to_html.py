"""A report document as self-contained HTML5 pages.

Everything a page needs is in it: the CSS in a ``<style>`` element (from
``goalgraph/templates/report.css``), bars and charts as inline SVG
(:mod:`goalgraph.report.charts`), no script, no font, image
or style sheet from anywhere else. The page is the template
``goalgraph/templates/report.html``, whose autoescape escapes every text from the
data, attributes included, so a statement written as markup shows as the characters
it is. Links go only to places in the report or to ``http(s)`` addresses (the
statements' sources).

The sections' blocks reach the template as one flat stream of steps
(:func:`steps`: open a table, a cell, write a phrase …) that it writes in a single
loop: a report of a large graph has hundreds of thousands of cells, and a macro
call for each (as the template had) took several times as long.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib.resources import files

from goalgraph.report.charts import draw
from goalgraph.report.document import Bar, Block, Charts, DefinitionList, Document, Heading, Inline, Paragraph
from goalgraph.templating import render

__all__ = ["Locate", "Step", "report_css", "steps", "to_html"]

#: Where a link of the document goes on the page written: the ``href`` to write, or
#: None to write the text without a link (its target is on no page written).
Locate = Callable[[str], str | None]

#: One step of writing blocks: what to write (a short name the template knows: an
#: element to open or close, a text) and up to two values for it (a text, a
#: class, an id, a link).
Step = tuple[str, object, object]


def report_css() -> str:
    """The report's style sheet, screen and print (``goalgraph/templates/report.css``)."""
    return files("goalgraph").joinpath("templates/report.css").read_text(encoding="utf-8")


def to_html(document: Document, *, generator: str, locate: Locate | None = None, stylesheet: str | None = None) -> str:
    """`document` as a self-contained HTML5 page.

    Parameters
    ----------
    document : Document
    generator : str
        The program and version, for ``<meta name="generator">``.
    locate : callable, optional
        Gives each link's ``href`` on this page (see :data:`Locate`): for a report
        split into pages, where a statement's anchor is on another page. By default
        links are written as the document gives them.
    stylesheet : str, optional
        The address of ``report.css`` beside the page (the pages of a split report
        share it); by default the style sheet is inside the page.

    Returns
    -------
    str

    Examples
    --------
    >>> page = to_html(Document("en", "<Goals>", "Contents"), generator="goalgraph")
    >>> page.startswith("<!doctype html>"), "<title>&lt;Goals&gt;</title>" in page
    (True, True)
    """
    return render(
        "report.html",
        document=document,
        generator=generator,
        lang=document.lang,
        title=document.title,
        sections=[(section, steps(section.blocks, locate, document.lang)) for section in document.sections],
        trail=list(_inline(document.trail, locate)),
        notice=steps(document.notice, locate, document.lang),
        stylesheet=stylesheet,
    )


def steps(blocks: Iterable[Block], locate: Locate | None = None, lang: str = "en") -> Iterator[Step]:
    """The steps that write `blocks`, for the template's loop; `lang` writes the charts' figures.

    Examples
    --------
    >>> from goalgraph.report.document import Phrase
    >>> [step[0] for step in steps([Paragraph((Phrase("Tekst", strong=True),), kind="note")])]
    ['p', 'strong', 'text', '/strong', '/p']
    """
    for block in blocks:
        if isinstance(block, Paragraph):
            yield "p", block.kind, None
            yield from _inline(block.phrases, locate)
            yield "/p", None, None
        elif isinstance(block, Heading):
            yield "heading", block, min(max(block.level, 3), 6)
        elif isinstance(block, Charts):
            # Laid out here, drawn by the template's macros: a few per page, unlike cells.
            yield "charts", [draw(chart, lang) for chart in block.charts], None
        elif isinstance(block, DefinitionList):
            yield "dl", None, None
            for term, meaning in block.items:
                yield "dt", None, None
                yield from _inline(term, locate)
                yield "dd", None, None
                yield from _inline(meaning, locate)
                yield "/dd", None, None
            yield "/dl", None, None
        else:
            numeric = block.numeric
            yield "table", block.kind, None
            for index, heading in enumerate(block.header):
                yield "th", heading, index in numeric
            yield "tbody", None, None
            for row in block.rows:
                yield "tr", row.kind, row.anchor
                for index, cell in enumerate(row.cells):
                    yield "td", index in numeric, None
                    yield from _inline(cell, locate)
                    yield "/td", None, None
                yield "/tr", None, None
            yield "/table", None, None


def _inline(items: Iterable[Inline], locate: Locate | None) -> Iterator[Step]:
    # A phrase in its wrappers from the outermost: small (or span), link, strong,
    # italic. Decided here, so that the template only writes each step.
    for item in items:
        if isinstance(item, Bar):
            # The bar's length, in hundredths of its width.
            yield "bar", item.label, "%.1f" % (max(0.0, min(item.share, 1.0)) * 100)
            continue
        href = item.href
        if href is not None and locate is not None:
            href = locate(href)
        if item.new_line:
            yield "br", None, None
        wrapper = "small" if item.small else "span" if item.lang is not None or item.kind is not None else None
        if wrapper is not None:
            yield wrapper, item.lang, item.kind
        if href is not None:
            yield "a", href, None
        if item.strong:
            yield "strong", None, None
        if item.italic:
            yield "i", None, None
        yield "text", item.text, None
        if item.italic:
            yield "/i", None, None
        if item.strong:
            yield "/strong", None, None
        if href is not None:
            yield "/a", None, None
        if wrapper is not None:
            yield f"/{wrapper}", None, None
