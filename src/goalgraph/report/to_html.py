"""A report document as one self-contained HTML5 page.

Everything the page needs is in it: the CSS in a ``<style>`` element (from
``goalgraph/templates/report.css``), bars as inline SVG, no script, no font, image
or style sheet from anywhere else. Every text from the data is escaped with
:func:`html.escape`, attributes included, so a statement written as markup shows
as the characters it is. Links go only to places in the page or to ``http(s)``
addresses (the statements' sources).
"""

from __future__ import annotations

from html import escape
from importlib.resources import files

from goalgraph.report.document import (
    Bar,
    Block,
    Cell,
    DefinitionList,
    Document,
    Heading,
    Inline,
    Paragraph,
    Phrase,
    Section,
    Table,
)

__all__ = ["report_css", "to_html"]


def report_css() -> str:
    """The report's style sheet, screen and print (``goalgraph/templates/report.css``)."""
    return files("goalgraph").joinpath("templates/report.css").read_text(encoding="utf-8")


def _attribute(name: str, value: str | None) -> str:
    return "" if value is None else f' {name}="{escape(value, quote=True)}"'


def _class(kind: str | None) -> str:
    return _attribute("class", kind)


def _phrase(phrase: Phrase) -> str:
    html = escape(phrase.text, quote=True)
    if phrase.italic:
        html = f"<i>{html}</i>"
    if phrase.strong:
        html = f"<strong>{html}</strong>"
    if phrase.href is not None:
        html = f"<a{_attribute('href', phrase.href)}>{html}</a>"
    if phrase.small:
        html = f"<small{_attribute('lang', phrase.lang)}{_class(phrase.kind)}>{html}</small>"
    elif phrase.lang is not None or phrase.kind is not None:
        html = f"<span{_attribute('lang', phrase.lang)}{_class(phrase.kind)}>{html}</span>"
    return ("<br>" if phrase.new_line else "") + html


def _bar(bar: Bar) -> str:
    # Drawn, not a background colour, so that it prints even where browsers leave
    # backgrounds out; the number beside it says the same in words.
    width = f"{max(0.0, min(bar.share, 1.0)) * 100:.1f}"
    label = escape(bar.label, quote=True)
    return (
        f'<span class="bar"><svg width="90" height="10" viewBox="0 0 100 10" preserveAspectRatio="none" '
        f'role="img" aria-label="{label}">'
        f'<rect x="0" y="0" width="100" height="10" fill="#ffffff" stroke="#000000" stroke-width="1"/>'
        f'<rect x="0" y="0" width="{width}" height="10" fill="#3b3b3b"/></svg> {label}</span>'
    )


def _inline(item: Inline) -> str:
    return _bar(item) if isinstance(item, Bar) else _phrase(item)


def _cell(cell: Cell) -> str:
    return "".join(_inline(item) for item in cell)


def _table(table: Table) -> str:
    def numeric(index: int) -> str:
        return ' class="num"' if index in table.numeric else ""

    head = "".join(f'<th scope="col"{numeric(i)}>{escape(h, quote=True)}</th>' for i, h in enumerate(table.header))
    body = []
    for row in table.rows:
        cells = "".join(f"<td{numeric(i)}>{_cell(cell)}</td>" for i, cell in enumerate(row.cells))
        body.append(f"<tr{_class(row.kind)}{_attribute('id', row.anchor)}>{cells}</tr>")
    rows = "\n".join(body)
    return (
        f'<div class="table"><table{_class(table.kind)}>\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table></div>"
    )


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p{_class(block.kind)}>{_cell(block.phrases)}</p>"
    if isinstance(block, Heading):
        level = min(max(block.level, 3), 6)
        return f"<h{level}{_attribute('id', block.anchor)}>{escape(block.text, quote=True)}</h{level}>"
    if isinstance(block, DefinitionList):
        items = "\n".join(f"<dt>{_cell(term)}</dt><dd>{_cell(meaning)}</dd>" for term, meaning in block.items)
        return f"<dl>\n{items}\n</dl>"
    return _table(block)


def _section(section: Section) -> str:
    classes = " ".join(filter(None, ("report-section", section.kind)))
    blocks = "\n".join(_block(block) for block in section.blocks)
    return (
        f'<section id="{escape(section.anchor, quote=True)}" class="{classes}">\n'
        f"<h2>{escape(section.title, quote=True)}</h2>\n{blocks}\n</section>"
    )


def to_html(document: Document, *, generator: str) -> str:
    """`document` as a self-contained HTML5 page.

    Parameters
    ----------
    document : Document
    generator : str
        The program and version, for ``<meta name="generator">``.

    Returns
    -------
    str

    Examples
    --------
    >>> page = to_html(Document("en", "<Goals>", "Contents"), generator="goalgraph")
    >>> page.startswith("<!doctype html>"), "<title>&lt;Goals&gt;</title>" in page
    (True, True)
    """
    contents = "\n".join(
        f'<li><a href="#{escape(s.anchor, quote=True)}">{escape(s.title, quote=True)}</a></li>'
        for s in document.sections
    )
    sections = "\n".join(_section(section) for section in document.sections)
    title = escape(document.title, quote=True)
    return f"""<!doctype html>
<html lang="{escape(document.lang, quote=True)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{escape(generator, quote=True)}">
<title>{title}</title>
<style>
{report_css().strip()}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
</header>
<nav aria-label="{escape(document.contents_title, quote=True)}">
<h2>{escape(document.contents_title, quote=True)}</h2>
<ol>
{contents}
</ol>
</nav>
<main>
{sections}
</main>
</body>
</html>
"""
