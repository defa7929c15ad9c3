"""The report's charts laid out for SVG: every position and every label computed here, drawn by the template.

A chart of the document (:class:`~goalgraph.report.document.StatusChart`,
:class:`~goalgraph.report.document.TrendChart`) becomes a drawing: rectangles,
lines and texts at coordinates in the chart's own units (its ``viewBox``), so
that ``report.html`` only writes them out, and the page scales them to the width
of the screen or the A4 page. Texts stay plain text: the template escapes them.
Nothing is told by colour alone: each segment of a bar has its count written in
it (or in its ``<title>`` where it is too narrow), and the legend names each
colour; the target line is dashed, the actual line solid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from goalgraph.achievement.status import COLOURS
from goalgraph.report.document import StatusChart, TrendChart, TrendPoint

__all__ = [
    "STATUS_COLOURS",
    "BarDrawing",
    "Key",
    "Mark",
    "Segment",
    "StatusDrawing",
    "TrendDrawing",
    "draw",
    "draw_status",
    "draw_trend",
    "figure",
]

#: Each status's fill (the explorer's too, :data:`goalgraph.achievement.status.COLOURS`)
#: and the colour of a count written on it.
STATUS_COLOURS: dict[str, tuple[str, str]] = {status: (fill, "#000000") for status, fill in COLOURS.items()}
# The status chart's geometry, in its viewBox units (about a pixel each on screen).
_WIDTH = 640.0
_LABEL_WIDTH = 200.0
_BAR_AREA = 380.0
_ROW = 24.0
_BAR = 15.0
_LEGEND = 26.0
# An average character's width at the charts' font size: enough to place labels apart.
_CHAR = 6.6
_LABEL_CHARS = 30
# The trend chart's plot area.
_TREND_WIDTH, _TREND_HEIGHT = 300.0, 134.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 58.0, 290.0, 12.0, 92.0


def figure(value: float, lang: str) -> str:
    """A figure as the report writes it: thousands grouped, at most two decimals, the language's marks.

    Examples
    --------
    >>> figure(5008.0, "da"), figure(5008.0, "en"), figure(91.25, "da"), figure(0.5, "en")
    ('5.008', '5,008', '91,25', '0.5')
    """
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "da":
        # Swap the marks: 1,234.5 is 1.234,5 in Danish.
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _short(text: str, width: int = _LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class Segment:
    """A part of a bar: one status's count."""

    x: float
    width: float
    fill: str
    ink: str
    name: str
    count: int
    #: Whether the count fits inside the segment (else it is only in the title).
    labelled: bool

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass(frozen=True)
class BarDrawing:
    """A bar: its row, its (shortened) label, its segments, and the total at its end."""

    y: float
    label: str
    name: str
    segments: tuple[Segment, ...]
    total: int
    total_x: float
    summary: str

    @property
    def text_y(self) -> float:
        """The baseline of the texts on the bar's row."""
        return round(self.y + 11.5, 1)


@dataclass(frozen=True)
class Mark:
    """A legend entry, a point or an axis label: where, what colour, what words, which end of them is at x."""

    x: float
    y: float
    fill: str
    text: str
    anchor: str = "start"

    @property
    def swatch(self) -> tuple[float, float]:
        """Where a legend entry's colour square goes: before its words."""
        return round(self.x - 16, 1), round(self.y - 10, 1)

    @property
    def span(self) -> tuple[float, float]:
        """A target's tick: from a little left of the point to a little right."""
        return round(self.x - 6, 1), round(self.x + 6, 1)


@dataclass(frozen=True)
class StatusDrawing:
    """A :class:`~goalgraph.report.document.StatusChart` laid out."""

    kind = "status"
    title: str
    width: float
    height: float
    label_end: float
    bar_height: float
    legend: tuple[Mark, ...]
    bars: tuple[BarDrawing, ...]


class Key(NamedTuple):
    """A trend's legend: two short lines, each with its words after it."""

    actual_from: float
    actual_to: float
    actual_text: float
    target_from: float
    target_to: float
    target_text: float
    line_y: float
    text_y: float


@dataclass(frozen=True)
class TrendDrawing:
    """A :class:`~goalgraph.report.document.TrendChart` laid out.

    ``actual`` and ``target`` are polyline points (``"x,y x,y"``, empty for fewer
    than two); ``dots`` and ``ticks`` mark each figure with its words for a title.
    """

    kind = "trend"
    title: str
    width: float
    height: float
    plot: tuple[float, float, float, float]
    actual: str
    target: str
    dots: tuple[Mark, ...]
    ticks: tuple[Mark, ...]
    labels: tuple[Mark, ...]
    legend: tuple[str, str]
    caption: str

    @property
    def axes(self) -> str:
        """The axes as polyline points: up the left side and along the bottom."""
        left, top, right, bottom = self.plot
        return f"{left},{top} {left},{bottom} {right},{bottom}"

    @property
    def key(self) -> Key:
        """Where the legend goes: below the axis, the actual's line and then the target's."""
        y = _TREND_HEIGHT - 8
        return Key(_LEFT, _LEFT + 18, _LEFT + 22, _LEFT + 120, _LEFT + 138, _LEFT + 142, y - 4, y)


def draw_status(chart: StatusChart, lang: str) -> StatusDrawing:
    """Lay out a status chart: a row per bar, segments in the chart's order of statuses, scaled to the largest total.

    Examples
    --------
    >>> from goalgraph.report.document import StatusBar
    >>> chart = StatusChart("t", (("met", "met"), ("not-met", "not met")), (StatusBar("A", (3, 1)),))
    >>> drawing = draw_status(chart, "en")
    >>> [(s.name, s.count, s.width) for s in drawing.bars[0].segments]
    [('met', 3, 285.0), ('not met', 1, 95.0)]
    """
    largest = max((sum(bar.counts) for bar in chart.bars), default=0) or 1
    legend, x = [], _LABEL_WIDTH + 16
    for key, name in chart.statuses:
        legend.append(Mark(round(x, 1), 14.0, STATUS_COLOURS.get(key, STATUS_COLOURS["no-data"])[0], name))
        x += 28 + _CHAR * len(name)
    bars = []
    for row, bar in enumerate(chart.bars):
        y = _LEGEND + row * _ROW
        x, segments = _LABEL_WIDTH, []
        for (key, name), count in zip(chart.statuses, bar.counts, strict=True):
            if count <= 0:
                continue
            width = count / largest * _BAR_AREA
            fill, ink = STATUS_COLOURS.get(key, STATUS_COLOURS["no-data"])
            fits = width >= 6 + _CHAR * len(str(count))
            segments.append(Segment(round(x, 1), round(width, 1), fill, ink, name, count, fits))
            x += width
        total = sum(bar.counts)
        summary = ", ".join(f"{name} {count}" for (_, name), count in zip(chart.statuses, bar.counts, strict=True))
        bars.append(BarDrawing(y, _short(bar.label), bar.label, tuple(segments), total, round(x + 6, 1), summary))
    height = _LEGEND + len(bars) * _ROW + 4
    return StatusDrawing(chart.title, _WIDTH, height, _LABEL_WIDTH - 8, _BAR, tuple(legend), tuple(bars))


def _places(points: tuple[TrendPoint, ...]) -> list[float]:
    """Each point's place along the x axis, between 0 and 1: by its day, else by its order."""
    try:
        days = [date.fromisoformat(p.day).toordinal() for p in points]
    except ValueError:
        days = []
    if len(points) == 1:
        return [0.5]
    if days and max(days) > min(days):
        return [(d - min(days)) / (max(days) - min(days)) for d in days]
    return [i / (len(points) - 1) for i in range(len(points))]


def _when(point: TrendPoint) -> str:
    # An interval's name is too long for the axis: its day (its end) stands for it there.
    return point.period if len(point.period) <= 10 or not point.day else point.day


def draw_trend(chart: TrendChart, lang: str) -> TrendDrawing:
    """Lay out a trend: the actual figures joined by a line, the targets dashed, the axis' ends labelled.

    Examples
    --------
    >>> points = (TrendPoint("2019", "2019-12-31", 41.0, 30.0), TrendPoint("2021", "2021-12-31", 29.0, 30.0))
    >>> drawing = draw_trend(TrendChart("Days", "days", points), "en")
    >>> drawing.actual, [m.text for m in drawing.labels]
    ('58.0,12.0 290.0,92.0', ['41', '29', '2019', '2021'])
    """
    figures = [v for p in chart.points for v in (p.actual, p.target) if v is not None]
    low, high = (min(figures), max(figures)) if figures else (0.0, 1.0)
    if low == high:
        # One value: the line in the middle, the axis a step either side.
        step = abs(low) * 0.1 or 1.0
        low, high = low - step, high + step
    places = _places(chart.points)
    unit = f" {chart.unit}" if chart.unit else ""

    def at(place: float, value: float) -> tuple[float, float]:
        x = _LEFT + place * (_RIGHT - _LEFT)
        y = _BOTTOM - (value - low) / (high - low) * (_BOTTOM - _TOP)
        return round(x, 1), round(y, 1)

    dots, ticks, actual, target = [], [], [], []
    for place, point in zip(places, chart.points, strict=True):
        if point.actual is not None:
            x, y = at(place, point.actual)
            actual.append(f"{x},{y}")
            said = f"{point.period}: {chart.words[0]} {figure(point.actual, lang)}{unit}"
            dots.append(Mark(x, y, "", said))
        if point.target is not None:
            x, y = at(place, point.target)
            target.append(f"{x},{y}")
            ticks.append(Mark(x, y, "", f"{point.period}: {chart.words[1]} {figure(point.target, lang)}{unit}"))
    labels = (
        # The axis' ends in figures alone: the unit is in the caption, where a long one fits.
        Mark(_LEFT - 4, _TOP + 4, "", figure(high, lang), "end"),
        Mark(_LEFT - 4, _BOTTOM + 3, "", figure(low, lang), "end"),
        Mark(_LEFT, _BOTTOM + 14, "", _when(chart.points[0]) if chart.points else ""),
        Mark(_RIGHT, _BOTTOM + 14, "", _when(chart.points[-1]) if len(chart.points) > 1 else "", "end"),
    )
    return TrendDrawing(
        chart.title,
        _TREND_WIDTH,
        _TREND_HEIGHT,
        (_LEFT, _TOP, _RIGHT, _BOTTOM),
        " ".join(actual) if len(actual) > 1 else "",
        " ".join(target) if len(target) > 1 else "",
        tuple(dots),
        tuple(ticks),
        labels,
        chart.words,
        f"{chart.title} ({chart.unit})" if chart.unit else chart.title,
    )


def draw(chart: StatusChart | TrendChart, lang: str) -> StatusDrawing | TrendDrawing:
    """Lay out any chart (see :func:`draw_status` and :func:`draw_trend`).

    Examples
    --------
    >>> draw(TrendChart("x", "", ()), "en").kind
    'trend'
    """
    return draw_status(chart, lang) if isinstance(chart, StatusChart) else draw_trend(chart, lang)
