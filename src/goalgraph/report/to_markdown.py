"""A report document as Markdown (CommonMark with GitHub's tables).

The same sections and tables as the HTML page. Text from the data is escaped with
backslashes, so it never turns into markup, raw HTML or a table column: ``|`` and
the characters of emphasis, links and HTML are escaped, and line breaks inside a
cell become spaces. A cell's second line (a translation, a note) follows after
" · ". Bars are drawn with block characters; charts are given in figures: a
status chart as a table of its counts, a trend as a line of its periods' figures.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from goalgraph.report.charts import figure
from goalgraph.report.document import (
    Bar,
    Block,
    Cell,
    Charts,
    DefinitionList,
    Document,
    Heading,
    Inline,
    Paragraph,
    Phrase,
    Section,
    StatusChart,
    Table,
    TableRow,
    TrendChart,
)

__all__ = ["escape_markdown", "to_markdown"]

# CommonMark lets a backslash escape any ASCII punctuation; these could start markup.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~!#])")
_BREAKS = re.compile(r"[ \t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# At the start of a line, these would make a heading, list, quote or rule.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)")
_BAR_CELLS = 10
# Characters a link's address keeps as they are; others (spaces, parentheses, |, <, >)
# are percent-encoded, so the address cannot end the link or the table cell early.
_URL_SAFE = ":/?#@!$&'*+,;=%~"


def escape_markdown(text: str) -> str:
    """`text` on one line, with every character that could be markup escaped.

    Examples
    --------
    >>> escape_markdown("<img src=x onerror=alert(1)> | *a*")
    '\\\\<img src=x onerror=alert(1)\\\\> \\\\| \\\\*a\\\\*'
    >>> escape_markdown("1. første\\nanden")
    '1\\\\. første anden'
    """
    # Line breaks of any kind would end a table row: every run of them (and of
    # spaces and tabs) becomes one space. Other spaces (an em space) are kept.
    text = _BREAKS.sub(" ", text)
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m[1] + m[2][:-1] + "\\" + m[2][-1], text)


def _phrase(phrase: Phrase) -> str:
    text = escape_markdown(phrase.text)
    if not text.strip():
        return text
    # Emphasis must hug its text: keep the spaces outside the markers.
    lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text).groups()  # type: ignore[union-attr]
    if phrase.italic:
        core = f"*{core}*"
    if phrase.strong:
        core = f"**{core}**"
    if phrase.href is not None and not phrase.href.startswith("#"):
        core = f"[{core}]({quote(phrase.href, safe=_URL_SAFE)})"
    return f"{lead}{core}{trail}"


def _bar(bar: Bar) -> str:
    filled = round(max(0.0, min(bar.share, 1.0)) * _BAR_CELLS)
    return "█" * filled + "░" * (_BAR_CELLS - filled) + " " + escape_markdown(bar.label)


def _inline(item: Inline) -> str:
    if isinstance(item, Bar):
        return _bar(item)
    separator = " · " if item.new_line else ""
    return separator + _phrase(item)


def _cell(cell: Cell) -> str:
    text = "".join(_inline(item) for item in cell).strip()
    return text.removeprefix("· ").strip()


def _table(table: Table) -> str:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cell or " " for cell in cells) + " |"

    align = ["---:" if i in table.numeric else "---" for i in range(len(table.header))]
    lines = [row([escape_markdown(h) for h in table.header]), "| " + " | ".join(align) + " |"]
    lines += [row([_cell(cell) for cell in r.cells]) for r in table.rows]
    return "\n".join(lines)


def _trend(chart: TrendChart, lang: str) -> str:
    # A trend in words: each period's actual figure, and its target after a slash.
    said = []
    for point in chart.points:
        actual = "–" if point.actual is None else figure(point.actual, lang)
        target = "" if point.target is None else f" / {figure(point.target, lang)}"
        said.append(f"{point.period}: {actual}{target}")
    unit = f" ({chart.unit})" if chart.unit else ""
    words = f"{chart.words[0]} / {chart.words[1]}"
    return f"- {escape_markdown(chart.title + unit)}, {escape_markdown(words)}: {escape_markdown('; '.join(said))}"


def _charts(block: Charts, lang: str) -> str:
    """Charts in Markdown: a status chart as a table of its counts, trends as lines of figures."""
    parts, trends = [], []
    for chart in block.charts:
        if isinstance(chart, StatusChart):
            header = ("", *(name for _, name in chart.statuses))
            rows = tuple(
                TableRow(((Phrase(bar.label),), *((Phrase(str(n)),) for n in bar.counts))) for bar in chart.bars
            )
            parts.append(_table(Table(header, rows, numeric=frozenset(range(1, len(header))))))
        else:
            trends.append(_trend(chart, lang))
    if trends:
        parts.append("\n".join(trends))
    return "\n\n".join(parts)


def _block(block: Block, lang: str = "en") -> str:
    if isinstance(block, Charts):
        return _charts(block, lang)
    if isinstance(block, Paragraph):
        return _cell(block.phrases)
    if isinstance(block, Heading):
        return "#" * min(max(block.level, 3), 6) + " " + escape_markdown(block.text)
    if isinstance(block, DefinitionList):
        return "\n".join(f"- {_cell(term)}: {_cell(meaning)}" for term, meaning in block.items)
    return _table(block)


def _section(section: Section, lang: str) -> str:
    return "\n\n".join([f"## {escape_markdown(section.title)}", *(_block(b, lang) for b in section.blocks)])


def to_markdown(document: Document) -> str:
    """`document` as Markdown.

    Examples
    --------
    >>> print(to_markdown(Document("en", "Goals", "Contents")))
    # Goals
    <BLANKLINE>
    ## Contents
    <BLANKLINE>
    """
    contents = "\n".join(f"{n}. {escape_markdown(s.title)}" for n, s in enumerate(document.sections, 1))
    parts = [f"# {escape_markdown(document.title)}"]
    # A large graph's notice comes first, before the contents, as on the HTML page.
    parts += [_block(block, document.lang) for block in document.notice]
    parts.append(f"## {escape_markdown(document.contents_title)}")
    if contents:
        parts.append(contents)
    parts += [_section(section, document.lang) for section in document.sections]
    return "\n\n".join(parts) + "\n"
