"""The report as a document: sections of headings, paragraphs and tables, in no format yet.

The sections of a report are built once, as these plain values, and then written
out as HTML (:mod:`goalgraph.report.to_html`) or Markdown
(:mod:`goalgraph.report.to_markdown`), so both formats have the same sections,
tables and words. Text in these values is plain text, never markup: each renderer
escapes it for its format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Bar",
    "Block",
    "Cell",
    "Chart",
    "Charts",
    "DefinitionList",
    "Document",
    "Heading",
    "Inline",
    "Paragraph",
    "Phrase",
    "Section",
    "StatusBar",
    "StatusChart",
    "Table",
    "TableRow",
    "TrendChart",
    "TrendPoint",
]


@dataclass(frozen=True)
class Phrase:
    """A run of text with how it is shown.

    Attributes
    ----------
    text : str
        Plain text (escaped by the renderer).
    lang : str or None
        Its language tag, where it differs from the page's or is data.
    strong : bool
        Bold: identifiers, gap markers.
    italic : bool
        Italic: the dataset's translations, as opposed to the sources' own words.
    small : bool
        Smaller type: the second language, notes inside a cell.
    new_line : bool
        Starts on a line of its own (within a cell or paragraph).
    href : str or None
        A link: ``#anchor`` inside the report, or an ``http(s)`` address.
    kind : str or None
        What it is, for styling (``"gap"``, ``"ok"``): a CSS class in HTML.

    Examples
    --------
    >>> Phrase("SM3", strong=True).text
    'SM3'
    """

    text: str
    lang: str | None = None
    strong: bool = False
    italic: bool = False
    small: bool = False
    new_line: bool = False
    href: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Bar:
    """A horizontal bar for a share between 0 and 1, with the number beside it.

    Examples
    --------
    >>> Bar(0.25, "25%").share
    0.25
    """

    share: float
    label: str


#: What a cell or paragraph holds.
Inline = Phrase | Bar
Cell = tuple[Inline, ...]


@dataclass(frozen=True)
class TableRow:
    """A row of a table.

    Attributes
    ----------
    cells : tuple of Cell
        One per column.
    kind : str or None
        What the row is, for styling (``"gap"``): a CSS class in HTML.
    anchor : str or None
        An id that links inside the report point to.
    """

    cells: tuple[Cell, ...]
    kind: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Table:
    """A table with a header row.

    Attributes
    ----------
    header : tuple of str
        The column headings.
    rows : tuple of TableRow
    kind : str or None
        What the table is, for styling (``"matrix"``).
    numeric : frozenset of int
        The columns of numbers, aligned right.
    """

    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    kind: str | None = None
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``kind`` (``"note"``, ``"suggestion"``) styles it."""

    phrases: tuple[Inline, ...]
    kind: str | None = None


@dataclass(frozen=True)
class Heading:
    """A heading inside a section: level 3 or 4 (a section's own title is level 2)."""

    text: str
    level: int = 3
    anchor: str | None = None


@dataclass(frozen=True)
class DefinitionList:
    """Terms and what they mean, in order."""

    items: tuple[tuple[Cell, Cell], ...]


@dataclass(frozen=True)
class StatusBar:
    """One bar of a :class:`StatusChart`: a name and a count per status.

    Attributes
    ----------
    label : str
        Whose bar it is (an organisation's name).
    counts : tuple of int
        One per status of the chart, in the chart's order.
    """

    label: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class StatusChart:
    """Horizontal stacked bars: how many targets of each status, per organisation.

    Attributes
    ----------
    title : str
        What the chart shows (its ``<title>``).
    statuses : tuple of (str, str)
        Each status's key (``"met"`` …, for its colour) and its name in the report's
        language, in the order the bars' segments go.
    bars : tuple of StatusBar

    Examples
    --------
    >>> StatusChart("Targets", (("met", "met"),), (StatusBar("Agency", (2,)),)).bars[0].counts
    (2,)
    """

    title: str
    statuses: tuple[tuple[str, str], ...]
    bars: tuple[StatusBar, ...]


@dataclass(frozen=True)
class TrendPoint:
    """A period of a :class:`TrendChart`: its name, a day in it to place it by, and its figures.

    Attributes
    ----------
    period : str
        The period's name (``"2019"``).
    day : str
        An ISO date that places it in time (its end, else its start); ``""`` for none.
    actual, target : float or None
        The figures (None: none, or in words).
    """

    period: str
    day: str
    actual: float | None
    target: float | None


@dataclass(frozen=True)
class TrendChart:
    """A small line of an indicator's actual figures over the periods, with its targets.

    Attributes
    ----------
    title : str
        The indicator, for the chart's ``<title>`` and caption.
    unit : str
    points : tuple of TrendPoint
        In time order.
    words : tuple of str
        The words the chart writes: the actual line's and the target's names in the legend.
    """

    title: str
    unit: str
    points: tuple[TrendPoint, ...]
    words: tuple[str, str] = ("actual", "target")


Chart = StatusChart | TrendChart


@dataclass(frozen=True)
class Charts:
    """Charts side by side as inline SVG (in Markdown: their figures in words)."""

    charts: tuple[Chart, ...]


Block = Paragraph | Table | Heading | DefinitionList | Charts


@dataclass(frozen=True)
class Section:
    """A numbered part of the report, with its own heading and anchor.

    Attributes
    ----------
    anchor : str
        Its id, the same in every report (``"coverage"``).
    title : str
        Its heading.
    blocks : tuple of Block
    kind : str or None
        What it is, for styling (``"suggestions"``).
    """

    anchor: str
    title: str
    blocks: tuple[Block, ...]
    kind: str | None = None


@dataclass(frozen=True)
class Document:
    """A whole report.

    Attributes
    ----------
    lang : str
        The language of the report's own words (``"da"`` or ``"en"``).
    title : str
        The dataset's title.
    contents_title : str
        The heading of the table of contents.
    sections : tuple of Section
    trail : tuple of Inline
        Where the page stands in a report of several pages: links back to the pages
        above it (a breadcrumb), shown above the title; empty for a report of one page.
    trail_label : str
        What the trail is, for screen readers.
    notice : tuple of Block
        What a reader must know first, shown under the title: that a large graph's
        page leaves the detail out, and how to have it.
    """

    lang: str
    title: str
    contents_title: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
    trail: tuple[Inline, ...] = ()
    trail_label: str = ""
    notice: tuple[Block, ...] = ()
