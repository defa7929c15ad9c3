"""How the explorer draws things: colours by organisation, shapes by type, links by kind.

One place for the visual vocabulary, so the graph and the legend agree:

- **organisations** get colours from a ten-colour palette (Tableau 10, readable on
  white and distinct for most colour-blind readers), in the order of the hierarchy,
  the top first; past ten the colours repeat, and the legend tells them apart by name;
- **statement types** get shapes, the higher levels the more distinctive ones (a
  star for a mission, a diamond for a vision); types that share a shape with
  another are drawn with a dashed outline;
- **links** point at what they support: stated links solid and dark, curated links
  solid with width and opacity by strength, suggested links thin and dashed; a
  **hindering** link (``gg:polarity gg:hindering``) is red and ends in a bar, not an
  arrowhead, whatever its kind (:func:`hindering_style`);
- **statuses** (colour by status): met green, partly met amber, not met red, no data
  grey (:data:`STATUS_COLOURS`), and never colour alone: the page adds a marker to
  the label and says the status in words in the side panel;
- **labels** on the graph are the statement's text cut to three short lines; the
  full text is in the side panel.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from goalgraph.achievement.status import COLOURS

__all__ = [
    "BACKGROUND",
    "DIMMED",
    "FONT_FACE",
    "HINDERING",
    "PALETTE",
    "STATUS_COLOURS",
    "EdgeStyle",
    "Shape",
    "darker",
    "edge_style",
    "hindering_style",
    "organisation_colour",
    "shape_of",
    "short_label",
]

#: The page's and the canvas's background.
BACKGROUND = "#ffffff"

#: The system's own user-interface font, on every platform; no web font is loaded.
FONT_FACE = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

#: Tableau 10, in its own order.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#e15759",
    "#9c755f",
    "#edc948",
    "#ff9da7",
    "#bab0ac",
)

#: Colours of what is not on the highlighted path: faint, so the path stands out.
DIMMED = {"background": "#eef0f3", "border": "#d9dde3", "font": "#b9c0c8", "edge": "#e4e7eb"}

#: A statement whose holder is unknown (invalid data) is grey.
NO_HOLDER = "#8a94a0"


def organisation_colour(rank: int) -> str:
    """The colour of the organisation that comes `rank`-th in the hierarchy (0 = the top).

    Examples
    --------
    >>> organisation_colour(0), organisation_colour(10)
    ('#4e79a7', '#4e79a7')
    """
    return PALETTE[rank % len(PALETTE)]


def darker(colour: str, amount: float = 0.3) -> str:
    """`colour` (``#rrggbb``) mixed with black by `amount`: outlines and highlights.

    Examples
    --------
    >>> darker("#ffffff", 0.5)
    '#808080'
    """
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in channels)


@dataclass(frozen=True)
class Shape:
    """A vis-network node shape, and whether its outline is dashed."""

    shape: str
    dashed: bool = False


# Shapes whose label sits below them, so labels read the same whatever the shape.
_SHAPES = {
    "Mission": Shape("star"),
    "Vision": Shape("diamond"),
    "Purpose": Shape("hexagon"),
    "CoreTask": Shape("square"),
    "Principle": Shape("triangleDown"),
    "Value": Shape("triangleDown", dashed=True),
    "StrategicMarker": Shape("triangle"),
    "Goal": Shape("triangle", dashed=True),
    "FocusPoint": Shape("dot"),
    "Objective": Shape("dot", dashed=True),
    "Target": Shape("square", dashed=True),
    "Indicator": Shape("hexagon", dashed=True),
}
_OTHER_SHAPE = Shape("dot", dashed=True)


def shape_of(statement_type: str) -> Shape:
    """The shape of statements of a type (a class's local name).

    Examples
    --------
    >>> shape_of("Mission"), shape_of("Goal")
    (Shape(shape='star', dashed=False), Shape(shape='triangle', dashed=True))
    """
    return _SHAPES.get(statement_type, _OTHER_SHAPE)


@dataclass(frozen=True)
class EdgeStyle:
    """How a link is drawn: colour, opacity, width and dashes (vis-network's edge options)."""

    colour: str
    opacity: float
    width: float
    dashed: bool


_STATED = EdgeStyle("#243b53", 0.9, 2.0, False)
_CURATED = {
    "strong": EdgeStyle("#52606d", 0.9, 3.0, False),
    "moderate": EdgeStyle("#52606d", 0.65, 2.0, False),
    "weak": EdgeStyle("#52606d", 0.45, 1.0, False),
}
_SUGGESTED = EdgeStyle("#7b8794", 0.85, 1.5, True)


def edge_style(kind: str, strength: str | None) -> EdgeStyle:
    """How to draw a link of `kind` (stated, curated, suggested) and `strength`.

    A curated link without a strength (invalid data) is drawn as a moderate one.

    Examples
    --------
    >>> edge_style("curated", "weak").width, edge_style("suggested", None).dashed
    (1.0, True)
    """
    if kind == "stated":
        return _STATED
    if kind == "suggested":
        return _SUGGESTED
    return _CURATED.get(strength or "moderate", _CURATED["moderate"])


#: The colour of a hindering link: a red apart from the organisations' Tableau red (#e15759).
HINDERING = "#c0392b"

#: The fill of a statement by its status when the page colours by status: the report's
#: colours (:data:`goalgraph.achievement.status.COLOURS`). Green and red differ in
#: lightness too; the label's marker (✓ ◐ ✗) says it without colour.
STATUS_COLOURS = dict(COLOURS)


def hindering_style(kind: str, strength: str | None) -> EdgeStyle:
    """How to draw a hindering link: red, as wide and as dashed as a supporting one of its kind and strength.

    Examples
    --------
    >>> hindering_style("curated", "strong").colour, hindering_style("curated", "strong").width
    ('#c0392b', 3.0)
    """
    style = edge_style(kind, strength)
    return EdgeStyle(HINDERING, max(style.opacity, 0.75), style.width, style.dashed)


#: Characters per line, and lines, of a label on the graph.
LABEL_WIDTH = 22
LABEL_LINES = 3


def short_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """`text` wrapped to `lines` lines of `width` characters, cut with an ellipsis.

    Examples
    --------
    >>> print(short_label("Justitsministeriet er garant for retsstatens grundlæggende principper."))
    Justitsministeriet er
    garant for retsstatens
    grundlæggende …
    >>> short_label("Kvalitet i sagsbehandlingen")
    'Kvalitet i\\nsagsbehandlingen'
    >>> short_label("en " * 40).count("\\n"), short_label("en " * 40).endswith("…")
    (2, True)
    """
    return "\n".join(
        textwrap.wrap(" ".join(text.split()), width=width, max_lines=lines, placeholder=" …", break_on_hyphens=False)
    )
