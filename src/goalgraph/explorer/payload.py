"""The data the page carries: the facts and the network, as JSON-ready values.

Statements, organisations, plans, groups and types refer to each other by their
position in their lists (``"holder": 2`` is the third organisation), which keeps a
5,000-statement page small and lets the page's script index arrays. Texts keep
their language tags (``{"da": ..., "en": ...}``) so the page can switch language
without asking anything.

Keys of the top-level object:

``language``, ``layout``, ``collapsed``, ``collapseAbove``
    How the page starts.
``titles``
    The dataset's title by language.
``organisations``
    ``iri``, ``names``, ``short`` (names as graph labels), ``depth``, ``parent``
    (the organisation it is drawn under in the organisation tree, or absent),
    ``collaboration``, ``colour``.
``plans``
    ``iri``, ``titles``, ``start``, ``end``, ``holder``.
``groups``
    ``iri``, ``names``, ``holder``.
``types``
    The statement types present: ``name``, ``labels``, ``level``, ``shape``, ``dashed``.
``kinds``, ``strengths``
    The names of the alignment kinds and strengths present, by local name.
``statements`` (not for a collapsed graph: see ``compact``)
    ``iri``, ``identifier``, ``labels``, ``short`` (graph labels), ``type``, ``row``,
    ``holder``, ``plan``, ``sources`` (``iri``, ``titles``), ``groups``, ``top``,
    ``joint``.
``alignments`` (not for a collapsed graph: see ``compact``)
    ``iri``, ``from``, ``to``, ``kind``, ``strength``, ``weight``, ``rationale``,
    ``evidence``, ``by``.
``hindrances`` (always, also for a collapsed graph: they are few)
    The hindering links between statements (``gg:polarity gg:hindering``), kept apart
    from ``alignments`` so that no path to the top follows them: ``iri``, ``from``,
    ``to``, ``kind``, ``strength``, ``weight``, ``rationale``, ``evidence``, ``by``.
``achievement``
    Every statement's status and every indicator's series, computed once by
    :func:`goalgraph.progress` (:func:`goalgraph.explorer.statuses.achievement_data`).
``planLinks``
    Alignments from whole plans: ``iri``, ``plan``, ``statement``, ``kind``,
    ``strength``, ``rationale``, ``evidence``.
``compact`` (only for a collapsed graph)
    The statements, their sources and the alignments as columns of numbers, every
    IRI and text once (:func:`goalgraph.explorer.compact.compact_tables`).
``reachesTop``
    The statements (by position) that reach the top through stated and curated
    alignments, the top included: :func:`goalgraph.analysis.depth.depths_to_top`.
``network``
    What pyvis assembled for vis-network: ``nodes``, ``organisationNodes`` (the
    looks of the boxes of a collapsed graph), ``edges`` (``nodes`` and ``edges``
    empty for a collapsed graph, whose page makes what it shows), ``options``;
    ``spacing`` (``node``, ``row``) for the page's hierarchical layout; and ``sizes``
    (``top``, ``joint``, ``other``) and ``dashes``, with which the page makes
    statement nodes itself in a collapsed graph; ``hindering``, the hindering links
    as pyvis assembled them (empty for a collapsed graph).
``styles``
    Colours the script needs: ``ink``, ``path``, ``dimmed``, ``links`` (the link
    styles for the legend), ``hindering`` (the hindering links' styles by kind and
    strength, ``"kind|strength"``) and ``status`` (a fill by status).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.analysis.depth import depths_to_top
from goalgraph.explorer.compact import compact_tables
from goalgraph.explorer.facts import ExplorerFacts, Texts, used_types
from goalgraph.explorer.network import (
    NODE_SIZES,
    NODE_SPACING,
    ROW_SPACING,
    SHAPE_DASHES,
    Language,
    Layout,
    NetworkParts,
    hindering_edge,
    statement_label,
)
from goalgraph.explorer.statuses import achievement_data
from goalgraph.explorer.styles import (
    DIMMED,
    STATUS_COLOURS,
    edge_style,
    organisation_colour,
    shape_of,
    short_label,
)
from goalgraph.model import Alignment, GoalModel, by_language

__all__ = ["INK", "PATH", "payload"]

#: The colour of text on the graph, and of the highlighted path.
INK = "#1f2933"
PATH = "#102a43"

_KIND_ORDER = ("stated", "curated", "suggested")
_STRENGTH_ORDER = ("strong", "moderate", "weak")


def _names(texts: Texts, fallback: str) -> Texts:
    return dict(texts) if texts else {"": fallback}


def _short(texts: Texts, fallback: str) -> Texts:
    return {lang: short_label(text) for lang, text in _names(texts, fallback).items()}


def _link_styles(facts: ExplorerFacts) -> list[dict[str, Any]]:
    """The link styles the legend shows: each kind present, curated by each strength present."""
    present = {(a.kind, a.strength if a.kind == "curated" else None) for a in facts.alignments}
    present |= {(link.kind, link.strength if link.kind == "curated" else None) for link in facts.plan_links}
    kinds = {kind for kind, _ in present} | {"stated", "curated"}
    styles = []
    for kind in _KIND_ORDER:
        if kind not in kinds:
            continue
        strengths: tuple[str | None, ...] = _STRENGTH_ORDER if kind == "curated" else (None,)
        for strength in strengths:
            style = edge_style(kind, strength)
            styles.append(
                {
                    "kind": kind,
                    "strength": strength,
                    "width": style.width,
                    "color": {"color": style.colour, "opacity": style.opacity},
                    "dashes": [6, 5] if style.dashed else False,
                }
            )
    return styles


def _reaching_top(facts: ExplorerFacts) -> list[int]:
    """The positions of the statements that reach the top; suggested alignments are not followed.

    :func:`~goalgraph.analysis.depth.depths_to_top` on a graph of positions: with the
    statements' IRIs as nodes, networkx hashing rdflib terms in Python took longer
    than all the rest of the payload at 72,000 alignments; with positions, 0.3 s.
    """
    position = {s.node: k for k, s in enumerate(facts.statements)}
    accepted = nx.DiGraph()
    accepted.add_nodes_from(range(len(facts.statements)))
    # The explorer's alignments join two of its statements: both ends are positions.
    accepted.add_edges_from(
        (position[a.start], position[a.end])  # type: ignore[index]
        for a in facts.alignments
        if a.kind != "suggested"
    )
    return sorted(depths_to_top(accepted, [k for k, s in enumerate(facts.statements) if s.top]))


def _tree_parents(facts: ExplorerFacts) -> list[int | None]:
    """Each organisation's parent in the tree the page drills down: its nearest shown ancestor.

    Of several parents (a collaboration has its members'), the first in the page's
    order; an ancestor that holds nothing (and so is not shown) is passed through.
    Only an ancestor higher in the hierarchy counts, so a cycle makes no loop.
    """
    rank = {o.node: k for k, o in enumerate(facts.organisations)}
    parents_of = facts.model.hierarchy.parents
    found: list[int | None] = []
    for organisation in facts.organisations:
        depth = facts.depths.get(organisation.node, 0)
        seen: set[IdentifiedNode] = set()
        level = set(parents_of.get(organisation.node, ()))
        parent = None
        while level and parent is None:
            seen |= level
            shown = [rank[p] for p in level if p in rank and facts.depths.get(p, 0) < depth]
            if shown:
                parent = min(shown)
            level = {above for p in level for above in parents_of.get(p, ()) if above not in seen}
        found.append(parent)
    return found


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    """`record` without its empty texts and unset values, which the page reads as absent."""
    return {key: value for key, value in record.items() if value is not None and value != {} and value != []}


def payload(
    facts: ExplorerFacts,
    parts: NetworkParts,
    *,
    lang: Language,
    layout: Layout,
    collapsed: bool,
    collapse_above: int | None,
    whole: GoalModel | None = None,
) -> dict[str, Any]:
    """Everything the page's script reads, JSON-ready.

    Parameters
    ----------
    facts : ExplorerFacts
    parts : NetworkParts
        The network that :func:`goalgraph.explorer.network.assemble` built from `facts`.
    lang, layout, collapsed, collapse_above
        How the page starts.
    whole : GoalModel, optional
        The model whose statuses the page shows, when `facts` is only a part of it
        (a neighbourhood); by default `facts`' own.

    Returns
    -------
    dict

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.explorer.facts import gather
    >>> from goalgraph.explorer.network import assemble
    >>> facts = gather(goalgraph.load())
    >>> parts = assemble(facts, lang="en", layout="hierarchical", collapsed=False)
    >>> data = payload(facts, parts, lang="en", layout="hierarchical", collapsed=False, collapse_above=1500)
    >>> sm3 = next(s for s in data["statements"] if s["identifier"] == "SM3")
    >>> sm3["labels"]["en"], data["organisations"][sm3["holder"]]["names"]["da"]
    ('Quality in case handling', 'Anklagemyndigheden')
    >>> data["types"][sm3["type"]]["shape"], sm3["row"]
    ('triangle', 3)
    """
    organisations = {o.node: k for k, o in enumerate(facts.organisations)}
    plans = {p.node: k for k, p in enumerate(facts.plans)}
    groups = {g.node: k for k, g in enumerate(facts.groups)}
    types = used_types(facts)
    type_index = {t.name: k for k, t in enumerate(types)}
    statement_index = {s.node: k for k, s in enumerate(facts.statements)}
    parents = _tree_parents(facts)

    def organisation_of(node: IdentifiedNode | None) -> int | None:
        return None if node is None else organisations.get(node)

    kinds_present = {a.kind for a in (*facts.alignments, *facts.hindrances)} | {link.kind for link in facts.plan_links}
    strengths_present = {a.strength for a in (*facts.alignments, *facts.hindrances) if a.strength} | {
        link.strength for link in facts.plan_links if link.strength
    }
    return {
        "language": lang,
        "layout": layout,
        "collapsed": collapsed,
        "collapseAbove": collapse_above,
        "titles": facts.titles,
        "organisations": [
            {
                "iri": o.iri,
                "names": _names(by_language(o.names), o.iri),
                "short": _short(by_language(o.names), o.iri.rsplit("/", 1)[-1]),
                "depth": facts.depths.get(o.node, 0),
                "parent": parents[k],
                "collaboration": o.collaboration,
                "colour": organisation_colour(k),
            }
            for k, o in enumerate(facts.organisations)
        ],
        "plans": [
            {
                "iri": p.iri,
                "titles": _names(by_language(p.titles), p.iri),
                "start": p.start,
                "end": p.end,
                "holder": organisation_of(p.holder),
            }
            for p in facts.plans
        ],
        "groups": [
            {"iri": g.iri, "names": by_language(g.names), "holder": organisation_of(g.holder)} for g in facts.groups
        ],
        "types": [
            {
                "name": t.name,
                "labels": _names(by_language(t.names), t.name),
                "level": t.level,
                "shape": shape_of(t.name).shape,
                "dashed": shape_of(t.name).dashed,
            }
            for t in types
        ],
        # Every kind an alignment has is listed (and so filterable), known kinds first.
        "kinds": {
            kind: _names(facts.kinds.get(kind, {}), kind)
            for kind in [k for k in _KIND_ORDER if k in kinds_present | {"curated"}]
            + sorted(kinds_present - set(_KIND_ORDER))
        },
        "strengths": {
            strength: _names(facts.strengths.get(strength, {}), strength)
            for strength in _STRENGTH_ORDER
            if strength in strengths_present | set(_STRENGTH_ORDER)
        },
        "planLinks": [
            {
                "iri": str(link.node),
                "plan": plans[link.plan],
                "statement": statement_index[link.statement],
                "kind": link.kind,
                "strength": link.strength,
                "rationale": by_language(link.alignment.rationale),
                "evidence": by_language(link.alignment.evidence),
            }
            for link in facts.plan_links
        ],
        **(
            {"compact": compact_tables(facts)}
            if collapsed
            else _records(facts, type_index, organisation_of, plans, groups, statement_index)
        ),
        "hindrances": [_alignment_record(a, statement_index) for a in facts.hindrances],
        "achievement": achievement_data(facts, whole),
        "reachesTop": _reaching_top(facts),
        "network": {
            "nodes": parts.nodes,
            "organisationNodes": parts.organisation_nodes,
            "edges": parts.edges,
            "options": parts.options,
            "spacing": {"node": NODE_SPACING, "row": ROW_SPACING},
            "sizes": NODE_SIZES,
            "dashes": SHAPE_DASHES,
            "hindering": parts.hindering_edges,
        },
        "styles": {
            "ink": INK,
            "path": PATH,
            "dimmed": DIMMED,
            "links": _link_styles(facts),
            "hindering": _hindering_styles(facts),
            "status": STATUS_COLOURS,
        },
    }


def _records(
    facts: ExplorerFacts,
    type_index: dict[str, int],
    organisation_of: Callable[[IdentifiedNode | None], int | None],
    plans: dict[IdentifiedNode, int],
    groups: dict[IdentifiedNode, int],
    statement_index: dict[IdentifiedNode, int],
) -> dict[str, Any]:
    """The statements and alignments one record each, as a graph that is not collapsed carries them."""
    return {
        "statements": [
            _compact(
                {
                    "iri": s.iri,
                    "identifier": s.identifier,
                    "labels": s.statement.labels,
                    "short": {language: statement_label(s.statement, language) for language in ("da", "en")},
                    "type": type_index[s.statement.type_name],
                    "row": s.row,
                    "holder": organisation_of(s.statement.holder),
                    "plan": None if s.statement.plan is None else plans.get(s.statement.plan),
                    "sources": [
                        _compact({"iri": source.iri, "titles": by_language(source.titles)})
                        for source in s.statement.sources
                    ],
                    "groups": [groups[g] for g in s.statement.groups if g in groups],
                    "top": s.top,
                    "joint": s.joint,
                }
            )
            for s in facts.statements
        ],
        "alignments": [_alignment_record(a, statement_index) for a in facts.alignments],
    }


def _alignment_record(alignment: Alignment, statement_index: dict[IdentifiedNode, int]) -> dict[str, Any]:
    """An alignment between two statements of the page, as one record."""
    return _compact(
        {
            "iri": alignment.iri,
            "from": statement_index[alignment.start],  # type: ignore[index]
            "to": statement_index[alignment.end],  # type: ignore[index]
            "kind": alignment.kind,
            "strength": alignment.strength,
            "weight": alignment.weight,
            "rationale": by_language(alignment.rationale),
            "evidence": by_language(alignment.evidence),
            "by": by_language(name for agent in alignment.attributed_to for name in agent.names),
        }
    )


def _hindering_styles(facts: ExplorerFacts) -> dict[str, dict[str, Any]]:
    """The look of each kind and strength of hindering link present, by ``"kind|strength"``.

    The page makes a collapsed graph's hindering links from these; the legend shows
    the first (all are red with a bar; they differ in width, as supporting links do).
    """
    looks = {}
    for alignment in facts.hindrances:
        key = f"{alignment.kind}|{alignment.strength or ''}"
        if key not in looks:
            look = hindering_edge(0, alignment.kind, alignment.strength)
            looks[key] = {name: value for name, value in look.items() if name != "id"}
    return dict(sorted(looks.items()))
