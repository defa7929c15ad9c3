"""The graph as vis-network draws it, assembled with pyvis.

:func:`assemble` puts every statement and alignment into a
:class:`pyvis.network.Network` with its visual attributes (shape, colour group, row,
size, label; width, colour, dashes and arrow of a link), sets the layout, physics
and interaction options through pyvis, and takes back the node list, the edge list
and the options, which the page hands to vis-network. pyvis's own page templates
and ``write_html`` are not used: they load Bootstrap (and, by default,
vis-network itself) from content delivery networks and copy a ``lib/`` folder into
the working directory, and the explorer must work offline from one file.

A large graph (above ``collapse_above`` statements) is the exception: its page opens
on the organisation tree and makes the handful of nodes it shows itself, from the
compact data of :mod:`goalgraph.explorer.compact`, so pyvis gives it only the options
(with a colour group per organisation) and no node or link per statement; pyvis adds
a node in time proportional to those it already has, too slow for 66,000.

Node ids are the statements' positions in :attr:`ExplorerFacts.statements` (and
``"org-N"`` for the organisation nodes of a collapsed graph), edge ids the
alignments' positions in :attr:`ExplorerFacts.alignments`: short, and the same as
the indices into the page's data. A hindering link's id is ``"h-J"``, J its position
in :attr:`ExplorerFacts.hindrances`: it is drawn red with a bar at its end
(vis-network's arrow type ``"bar"``) instead of an arrowhead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Literal

from goalgraph.explorer.facts import ExplorerFacts
from goalgraph.explorer.styles import (
    BACKGROUND,
    FONT_FACE,
    NO_HOLDER,
    darker,
    edge_style,
    hindering_style,
    organisation_colour,
    shape_of,
    short_label,
)
from goalgraph.model import Statement

__all__ = [
    "NODE_SIZES",
    "NODE_SPACING",
    "ROW_SPACING",
    "SHAPE_DASHES",
    "Language",
    "Layout",
    "NetworkParts",
    "assemble",
    "hindering_edge",
    "organisation_group",
    "statement_label",
]

#: The languages of the page.
Language = Literal["da", "en"]
#: The layouts: rows by level, or a force-directed layout that settles and stops.
Layout = Literal["hierarchical", "force"]

#: Room between the centres of two nodes in a row, and between two rows, in the
#: hierarchical layout (canvas pixels at zoom 1): a label is at most 22 characters wide.
NODE_SPACING = 165
ROW_SPACING = 115

# Node sizes: the top stands out, the joint missions and visions a little.
_SIZE_TOP, _SIZE_JOINT, _SIZE = 20, 16, 12
_DASHES = [4, 3]
#: The sizes of statement nodes and the dashes of a dashed shape, for the page that makes them itself.
NODE_SIZES = {"top": _SIZE_TOP, "joint": _SIZE_JOINT, "other": _SIZE}
SHAPE_DASHES = _DASHES
_EDGE_DASHES = [6, 5]
# Above this many nodes, vis-network's Kamada-Kawai start for the force layout
# takes longer than the physics it saves.
_IMPROVED_LAYOUT_LIMIT = 150


def statement_label(statement: Statement, lang: str) -> str:
    """The text a statement shows on the graph in `lang`: its words, cut to three short lines.

    Falls back to the other language, then to the identifier, then to the IRI's
    last segment, so no node is without a label.
    """
    other = "en" if lang == "da" else "da"
    labels = statement.labels
    text = labels.get(lang) or labels.get(other) or next(iter(labels.values()), "")
    return short_label(text or statement.identifier or statement.iri.rsplit("/", 1)[-1])


def organisation_group(rank: int | None) -> str:
    """The vis-network group of an organisation's nodes (its colour), by its rank."""
    return "org-none" if rank is None else f"org-{rank}"


@dataclass(frozen=True)
class NetworkParts:
    """What vis-network is given.

    Attributes
    ----------
    nodes : list of dict
        One per statement, in the order of :attr:`ExplorerFacts.statements`; none
        for a collapsed graph, whose page makes the nodes it shows itself.
    organisation_nodes : list of dict
        One per organisation, for the collapsed view (empty when not collapsed):
        its box's look, without a label.
    edges : list of dict
        One per alignment, in the order of :attr:`ExplorerFacts.alignments`; none
        for a collapsed graph.
    options : dict
        vis-network's options, with a group per organisation colour.
    hindering_edges : list of dict
        One per hindering link, in the order of :attr:`ExplorerFacts.hindrances`
        (ids ``"h-0"``, ``"h-1"``...); none for a collapsed graph.
    """

    nodes: list[dict[str, Any]]
    organisation_nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    hindering_edges: list[dict[str, Any]] = field(default_factory=list)


def _new_network() -> Any:
    # pyvis ships no type information: the module is looked up, not imported, so
    # mypy types it as Any rather than failing on it.
    network_class = import_module("pyvis.network").Network
    # cdn_resources does not matter here (no pyvis template is rendered); "in_line"
    # is the one mode that would not point a page at a remote host.
    return network_class(directed=True, bgcolor=BACKGROUND, cdn_resources="in_line")


def _configure(network: Any, layout: Layout, statements: int) -> None:
    """Layout and physics through pyvis's own setters."""
    options = network.options
    network.inherit_edge_colors(False)
    network.toggle_drag_nodes(True)
    # Dragging the view over thousands of links redraws them all on every move.
    network.toggle_hide_edges_on_drag(statements > 1_000)
    if layout == "hierarchical":
        # Still from the first frame: the page places every node in its row itself
        # (see layeredLayout in assets/js/layout.js), so vis-network runs no simulation and
        # no layout of its own.
        network.toggle_physics(False)
        network.set_edge_smooth("cubicBezier")
    else:
        # Settle, then stop (the page turns physics off once stabilisation is done).
        network.toggle_physics(True)
        network.force_atlas_2based(
            gravity=-70,
            central_gravity=0.012,
            spring_length=130,
            spring_strength=0.06,
            damping=0.5,
            overlap=0.6,
        )
        network.toggle_stabilization(True)
        options.physics.stabilization.iterations = 400
        options.physics.stabilization.updateInterval = 25
        network.set_edge_smooth("continuous")


def _options(network: Any, facts: ExplorerFacts, layout: Layout) -> dict[str, Any]:
    options: dict[str, Any] = json.loads(network.options.to_json())
    options.pop("configure", None)
    options.setdefault("layout", {})
    options["layout"]["randomSeed"] = 7
    options["layout"]["improvedLayout"] = layout == "force" and len(facts.statements) <= _IMPROVED_LAYOUT_LIMIT
    if layout == "hierarchical":
        options["edges"]["smooth"].update(forceDirection="vertical", roundness=0.45)
    options["nodes"] = {
        "borderWidth": 1.5,
        "borderWidthSelected": 3,
        "font": {
            "face": FONT_FACE,
            "size": 13,
            "color": "#1f2933",
            # Links run behind labels: a white ground keeps a label legible, and a
            # small gap under the shape leaves room for the arrowhead of a link
            # that arrives from below.
            "background": BACKGROUND,
            "strokeWidth": 0,
            "vadjust": 7,
        },
        "labelHighlightBold": False,
        "chosen": False,
    }
    options["edges"].update(
        arrows={"to": {"enabled": True, "scaleFactor": 0.55}},
        arrowStrikethrough=False,
        selectionWidth=0,
        hoverWidth=0,
        chosen=False,
    )
    options["interaction"].update(
        hover=False,
        keyboard=False,
        multiselect=False,
        navigationButtons=False,
        selectConnectedEdges=False,
        tooltipDelay=3_600_000,
        zoomSpeed=0.7,
    )
    groups: dict[str, Any] = {}
    for rank in range(len(facts.organisations)):
        colour = organisation_colour(rank)
        groups[organisation_group(rank)] = {"color": _node_colour(colour)}
    groups[organisation_group(None)] = {"color": _node_colour(NO_HOLDER)}
    options["groups"] = groups
    return options


def _node_colour(colour: str) -> dict[str, Any]:
    border = darker(colour)
    return {
        "background": colour,
        "border": border,
        "highlight": {"background": colour, "border": darker(colour, 0.55)},
        "hover": {"background": colour, "border": border},
    }


def _tint(colour: str, amount: float = 0.8) -> str:
    """`colour` mixed with white by `amount`: the fill of an organisation's box."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)


def assemble(facts: ExplorerFacts, *, lang: Language, layout: Layout, collapsed: bool) -> NetworkParts:
    """Build the pyvis network of a goal graph's statements and take out what vis-network needs.

    Parameters
    ----------
    facts : ExplorerFacts
        From :func:`goalgraph.explorer.facts.gather`.
    lang : {"da", "en"}
        The language of the labels.
    layout : {"hierarchical", "force"}
    collapsed : bool
        For the drill-down view of a large graph: make only the organisations' boxes
        and the options, and leave the statements and alignments to the page (pyvis
        adds a node in time proportional to the nodes it has, which at tens of
        thousands of statements takes most of a minute).

    Returns
    -------
    NetworkParts

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.explorer.facts import gather
    >>> parts = assemble(gather(goalgraph.load()), lang="da", layout="hierarchical", collapsed=False)
    >>> len(parts.nodes), len(parts.edges), parts.options["physics"]["enabled"]
    (30, 32, False)
    >>> sm3 = next(n for n in parts.nodes if n["label"].startswith("Kvalitet i\\n"))
    >>> sm3["shape"], sm3["level"]
    ('triangle', 3)
    """
    network = _new_network()
    _configure(network, layout, len(facts.statements))
    rank = {o.node: i for i, o in enumerate(facts.organisations)}
    if collapsed:
        # The page makes the few statement nodes and links it shows from the compact
        # data (see goalgraph.explorer.compact); only the organisations' boxes are made here.
        organisation_nodes = [_organisation_node(index) for index in range(len(facts.organisations))]
        return NetworkParts([], organisation_nodes, [], _options(network, facts, layout))

    for index, placed in enumerate(facts.statements):
        statement = placed.statement
        shape = shape_of(statement.type_name)
        attributes: dict[str, Any] = {
            "group": organisation_group(None if statement.holder is None else rank.get(statement.holder)),
            "level": placed.row,
            "size": _SIZE_TOP if statement.top else _SIZE_JOINT if placed.joint else _SIZE,
        }
        if shape.dashed:
            attributes["shapeProperties"] = {"borderDashes": _DASHES}
        network.add_node(index, label=statement_label(statement, lang), shape=shape.shape, **attributes)

    position = {s.node: i for i, s in enumerate(facts.statements)}
    for index, alignment in enumerate(facts.alignments):
        style = edge_style(alignment.kind, alignment.strength)
        network.add_edge(
            position[alignment.start],  # type: ignore[index]
            position[alignment.end],  # type: ignore[index]
            id=index,
            width=style.width,
            color={"color": style.colour, "opacity": style.opacity, "inherit": False},
            dashes=_EDGE_DASHES if style.dashed else False,
        )
    supporting = len(network.edges)
    for index, alignment in enumerate(facts.hindrances):
        network.add_edge(
            position[alignment.start],  # type: ignore[index]
            position[alignment.end],  # type: ignore[index]
            **hindering_edge(index, alignment.kind, alignment.strength),
        )
    edges = list(network.edges)
    return NetworkParts(
        list(network.nodes), [], edges[:supporting], _options(network, facts, layout), edges[supporting:]
    )


def hindering_edge(index: int, kind: str, strength: str | None) -> dict[str, Any]:
    """The look of hindering link `index`: red, ending in a bar where the arrowhead would be.

    Examples
    --------
    >>> edge = hindering_edge(0, "curated", "moderate")
    >>> edge["id"], edge["color"]["color"], edge["arrows"]["to"]["type"]
    ('h-0', '#c0392b', 'bar')
    """
    style = hindering_style(kind, strength)
    return {
        "id": f"h-{index}",
        "width": style.width,
        "color": {"color": style.colour, "opacity": style.opacity, "inherit": False},
        "dashes": _EDGE_DASHES if style.dashed else False,
        "arrows": {"to": {"enabled": True, "type": "bar", "scaleFactor": 0.9}},
    }


def _organisation_node(index: int) -> dict[str, Any]:
    """The look of organisation `index`'s box when its statements are folded into it (the page adds the label)."""
    colour = organisation_colour(index)
    return {
        "id": f"org-{index}",
        "shape": "box",
        "group": organisation_group(index),
        "color": {
            "background": _tint(colour),
            "border": colour,
            "highlight": {"background": _tint(colour, 0.6), "border": darker(colour)},
        },
        "borderWidth": 2,
        "margin": 8,
    }
