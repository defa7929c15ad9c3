"""The neighbourhood of a statement or an organisation, for an explorer of one part of a graph.

``goalgraph explore --focus SM3 --depth 2`` shows one statement in its context: the
statement, every statement on its paths up to the top (what it supports, directly
or through others), and what supports it down `depth` levels. Focused on an
organisation, the same is done for every statement it holds. Only accepted links
(stated and curated) are followed, as a trace follows them; suggestions between
two statements that are shown are shown too.

The neighbourhood is a :class:`~goalgraph.model.GoalModel` of its own, so the
explorer draws it as it draws any model. What stays: the statements above, the
alignments between them and from plans to them, the plans they are in or that
support them, the organisations holding them with the organisations above those
(so the hierarchy keeps its top), and their groups cut to the members shown. Which statements are the top is the whole
graph's: the neighbourhood of a marker still ends at the ministry's missions.

>>> import goalgraph
>>> model = goalgraph.read_model(goalgraph.load())
>>> marker = next(node for node, s in model.statements.items() if s.identifier == "SM3")
>>> part = neighbourhood(model, [marker], depth=1)
>>> len(part.statements) < len(model.statements), marker in part.statements
(True, True)
>>> all(s.top for s in part.statements.values() if s.level == 0 and s.holder in part.top_organisations)
True
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from rdflib import Graph
from rdflib.term import IdentifiedNode, Node

from goalgraph.errors import GoalgraphError
from goalgraph.model import GoalModel, StatementGroup
from goalgraph.resolving import AmbiguousReferenceError, ReferenceKind, UnknownReferenceError, resolve

__all__ = ["FocusError", "focus_statements", "neighbourhood"]


class FocusError(GoalgraphError):
    """The focus names nothing to focus on (a usage error: exit status 2)."""

    exit_code = 2


def focus_statements(graph: Graph, model: GoalModel, reference: str) -> frozenset[IdentifiedNode]:
    """The statements a focus names: one statement, or every statement an organisation holds.

    Parameters
    ----------
    graph : rdflib.Graph
        The goal graph `model` was read from, to resolve names in.
    model : GoalModel
    reference : str
        A statement or an organisation: its IRI, prefixed name, identifier or name
        in either language (as :func:`goalgraph.resolving.resolve` takes them).

    Returns
    -------
    frozenset of IdentifiedNode

    Raises
    ------
    FocusError
        If it names neither, or an organisation that holds no statement.
    AmbiguousReferenceError
        If it could be several statements or organisations.

    Examples
    --------
    >>> import goalgraph
    >>> data = goalgraph.load()
    >>> model = goalgraph.read_model(data)
    >>> [model.statements[n].identifier for n in focus_statements(data, model, "Quality in case handling")]
    ['SM3']
    >>> len(focus_statements(data, model, "Anklagemyndigheden")) > 5
    True
    """
    found: dict[str, Node] = {}
    failures: dict[str, GoalgraphError] = {}
    kinds: tuple[ReferenceKind, ...] = ("statement", "organisation")
    for kind in kinds:
        try:
            found[kind] = resolve(graph, reference, kind)
        except (UnknownReferenceError, AmbiguousReferenceError) as error:
            failures[kind] = error
    if len(found) == 2 and found["statement"] != found["organisation"]:
        raise FocusError(
            f"{reference!r} names both a statement (<{found['statement']}>) and an organisation "
            f"(<{found['organisation']}>): give the IRI or identifier of the one you mean"
        )
    if "statement" in found and found["statement"] in model.statements:
        return frozenset({found["statement"]})  # type: ignore[arg-type]
    if "organisation" in found:
        held = frozenset(node for node, s in model.statements.items() if s.holder == found["organisation"])
        if not held:
            raise FocusError(f"the organisation <{found['organisation']}> holds no statement to focus on")
        return held
    ambiguous = [error for error in failures.values() if isinstance(error, AmbiguousReferenceError)]
    if ambiguous:
        raise ambiguous[0]
    raise FocusError(f"no statement or organisation matches {reference!r}; give its IRI, identifier or name")


def neighbourhood(model: GoalModel, focus: Collection[IdentifiedNode], *, depth: int = 1) -> GoalModel:
    """The part of `model` around `focus`: paths up to the top, supporters down `depth` levels.

    Parameters
    ----------
    model : GoalModel
    focus : collection of IdentifiedNode
        Statements of `model`.
    depth : int
        How many levels of supporters to keep below the focus (0: none).

    Returns
    -------
    GoalModel
        A model of its own with the statements kept and what they need.

    Raises
    ------
    FocusError
        If `depth` is negative or a focus node is not a statement of `model`.
    """
    if depth < 0:
        raise FocusError(f"the depth is how many levels of supporters to show: 0 or more, not {depth}")
    unknown = [node for node in focus if node not in model.statements]
    if unknown:
        raise FocusError(f"<{unknown[0]}> is not a statement of this graph")
    up: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    down: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for start, end in model.edges():
        up.setdefault(start, []).append(end)
        down.setdefault(end, []).append(start)
    kept = set(_reachable(focus, up))
    level = set(focus)
    for _ in range(depth):
        level = {supporter for node in level for supporter in down.get(node, ())} - kept
        kept |= level
    return _restricted(model, kept)


def _reachable(
    start: Iterable[IdentifiedNode], links: dict[IdentifiedNode, list[IdentifiedNode]]
) -> set[IdentifiedNode]:
    """Every node reachable from `start` (itself included) along `links`."""
    seen = set(start)
    stack = list(seen)
    while stack:
        for following in links.get(stack.pop(), ()):
            if following not in seen:
                seen.add(following)
                stack.append(following)
    return seen


def _restricted(model: GoalModel, kept: set[IdentifiedNode]) -> GoalModel:
    statements = {node: s for node, s in model.statements.items() if node in kept}
    # Links from a whole plan to a kept statement stay, with their plan: the side panel lists them.
    alignments = {
        node: a for node, a in model.alignments.items() if a.end in kept and (a.start in kept or a.start in model.plans)
    }
    plans_used = {s.plan for s in statements.values() if s.plan is not None}
    plans_used |= {a.start for a in alignments.values() if a.start is not None and a.start in model.plans}
    groups = {
        node: StatementGroup(group.node, group.names, group.holder, tuple(m for m in group.members if m in kept))
        for node, group in model.groups.items()
        if any(member in kept for member in group.members)
    }
    holders = {s.holder for s in statements.values() if s.holder is not None}
    holders |= {g.holder for g in groups.values() if g.holder is not None}
    organisations = _with_ancestors(model, holders)
    return GoalModel(
        organisations={node: o for node, o in model.organisations.items() if node in organisations},
        plans={node: p for node, p in model.plans.items() if node in plans_used},
        statements=statements,
        alignments=alignments,
        groups=groups,
        terms=model.terms,
        agents=model.agents,
        datasets=model.datasets,
        results=model.results,
        # Hindering links between kept statements are shown as in the whole graph.
        hindrances={node: h for node, h in model.hindrances.items() if h.start in kept and h.end in kept},
        indicators={node: i for node, i in model.indicators.items() if node in kept},
    )


def _with_ancestors(model: GoalModel, organisations: set[IdentifiedNode]) -> set[IdentifiedNode]:
    """`organisations` and every organisation above them, and the members of the collaborations among them."""
    parents = model.hierarchy.parents
    found = set(organisations)
    stack = list(found)
    while stack:
        node = stack.pop()
        organisation = model.organisations.get(node)
        above = [*parents.get(node, ()), *(organisation.members if organisation is not None else ())]
        for parent in above:
            if parent not in found:
                found.add(parent)
                stack.append(parent)
    return found
