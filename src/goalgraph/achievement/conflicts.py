"""Conflicts: where a strategy works against itself.

Two kinds, computed from the stated and curated links (suggestions are not links):

- **supports and hinders**: a statement that supports another, directly or through
  others, and also hinders it, directly or through a statement it supports
  (X ─supports→ … → Y and X ─supports→ … ─hinders→ Y);
- **hinders from a strong supporter**: a hindering link from a statement that is
  itself a strong supporter of the top: it reaches a mission or vision through
  links of weight 1 only (strong, or stated without a strength).

Each conflict names both paths, so an analyst can see where the trade-off lies.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib.term import IdentifiedNode

from goalgraph.model import GoalModel

__all__ = ["HINDERS_FROM_STRONG_SUPPORTER", "SUPPORTS_AND_HINDERS", "Conflict", "conflicts"]

SUPPORTS_AND_HINDERS = "supports-and-hinders"
HINDERS_FROM_STRONG_SUPPORTER = "hinders-from-strong-supporter"
# A link this strong or more is strong (strong is 1; a stated link without a strength is too).
_STRONG = 1.0 - 1e-9


@dataclass(frozen=True, slots=True)
class Conflict:
    """A statement whose links pull both ways.

    Attributes
    ----------
    kind : str
        ``"supports-and-hinders"`` or ``"hinders-from-strong-supporter"``.
    statement : IdentifiedNode
        Where both paths start.
    target : IdentifiedNode
        What it hinders (and, for the first kind, also supports).
    supporting : tuple of IdentifiedNode
        The supporting path, `statement` first: to `target`, or (second kind) to the top.
    hindering : tuple of IdentifiedNode
        The hindering path, `statement` first, `target` last; its last link hinders.
    """

    kind: str
    statement: IdentifiedNode
    target: IdentifiedNode
    supporting: tuple[IdentifiedNode, ...]
    hindering: tuple[IdentifiedNode, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "statement": str(self.statement),
            "target": str(self.target),
            "supporting": [str(n) for n in self.supporting],
            "hindering": [str(n) for n in self.hindering],
        }


def _paths_up_to(
    end: IdentifiedNode, supporters: Mapping[IdentifiedNode, list[IdentifiedNode]]
) -> dict[IdentifiedNode, tuple[IdentifiedNode, ...]]:
    """Every statement that reaches `end` through supporting links, with a shortest path to it."""
    paths: dict[IdentifiedNode, tuple[IdentifiedNode, ...]] = {end: (end,)}
    queue = deque([end])
    while queue:
        node = queue.popleft()
        for supporter in supporters.get(node, ()):
            if supporter not in paths:
                paths[supporter] = (supporter, *paths[node])
                queue.append(supporter)
    return paths


def conflicts(model: GoalModel) -> tuple[Conflict, ...]:
    """The conflicts of a goal model (see the module's docstring).

    Parameters
    ----------
    model : GoalModel

    Returns
    -------
    tuple of Conflict
        By kind, then statement and target IRI.

    Examples
    --------
    >>> import goalgraph
    >>> conflicts(goalgraph.read_model(goalgraph.load()))  # the bundled data has no hindering links
    ()
    """
    hindering = model.hindering_edges()
    if not hindering:
        return ()
    supporters: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    strong: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for (start, end), alignments in model.edges().items():
        supporters.setdefault(end, []).append(start)
        if alignments[0].weight >= _STRONG:
            strong.setdefault(end, []).append(start)
    for found in (*supporters.values(), *strong.values()):
        found.sort(key=str)
    found_conflicts: dict[tuple[str, IdentifiedNode, IdentifiedNode], Conflict] = {}
    # Strong supporters of the top, each with a path of strong links to it.
    to_top: dict[IdentifiedNode, tuple[IdentifiedNode, ...]] = {}
    for top in sorted(model.top, key=str):
        for node, path in _paths_up_to(top, strong).items():
            if node != top:
                to_top.setdefault(node, path)
    for hinderer, target in sorted(hindering, key=lambda pair: (str(pair[0]), str(pair[1]))):
        below_hinderer = _paths_up_to(hinderer, supporters)
        below_target = _paths_up_to(target, supporters)
        for node in sorted(below_hinderer.keys() & below_target.keys(), key=str):
            if node == target:
                continue
            key = (SUPPORTS_AND_HINDERS, node, target)
            if key not in found_conflicts:
                found_conflicts[key] = Conflict(
                    SUPPORTS_AND_HINDERS, node, target, below_target[node], (*below_hinderer[node], target)
                )
        if hinderer in to_top:
            key = (HINDERS_FROM_STRONG_SUPPORTER, hinderer, target)
            found_conflicts[key] = Conflict(
                HINDERS_FROM_STRONG_SUPPORTER, hinderer, target, to_top[hinderer], (hinderer, target)
            )
    return tuple(found_conflicts[key] for key in sorted(found_conflicts, key=lambda k: (k[0], str(k[1]), str(k[2]))))
