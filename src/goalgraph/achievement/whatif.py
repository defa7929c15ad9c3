"""What if some targets were missed, or met: which missions and visions would change.

The roll-up (:mod:`goalgraph.achievement.rollup`) is recomputed with the named
statements taken as not met (``miss``) or met (``meet``), whatever their figures
say, and every mission and vision whose status or score changes is listed.

A mission or vision **loses its only support** when everything that supports it
would then stand on missed statements alone: a statement falls when it is missed,
or when it has supporters and all of them fall (a statement nothing supports
stands on its own). This needs no figures: it works on the bundled data too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib.term import IdentifiedNode

from goalgraph.achievement.indicators import IndicatorRow
from goalgraph.achievement.rollup import StatementProgress, roll_up
from goalgraph.achievement.status import MET, NOT_MET
from goalgraph.model import GoalModel

__all__ = ["Change", "WhatIf", "fallen", "what_if"]


@dataclass(frozen=True, slots=True)
class Change:
    """A mission or vision before and after the what-if.

    Attributes
    ----------
    statement : IdentifiedNode
    before, after : StatementProgress
    loses_only_support : bool
        All its support would stand on missed statements.
    """

    statement: IdentifiedNode
    before: StatementProgress
    after: StatementProgress
    loses_only_support: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "statement": str(self.statement),
            "before": {"status": self.before.status, "score": _rounded(self.before.score)},
            "after": {"status": self.after.status, "score": _rounded(self.after.score)},
            "loses_only_support": self.loses_only_support,
        }


def _rounded(score: float | None) -> float | None:
    return None if score is None else round(score, 4)


@dataclass(frozen=True, slots=True)
class WhatIf:
    """What changes when some statements are missed or met.

    Attributes
    ----------
    missed, met : tuple of IdentifiedNode
        What was assumed.
    changes : tuple of Change
        The missions and visions whose status or score changes, or that lose their
        only support, by IRI.
    """

    missed: tuple[IdentifiedNode, ...]
    met: tuple[IdentifiedNode, ...]
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "missed": [str(n) for n in self.missed],
            "met": [str(n) for n in self.met],
            "changes": [c.to_dict() for c in self.changes],
        }


def fallen(model: GoalModel, missed: Iterable[IdentifiedNode]) -> frozenset[IdentifiedNode]:
    """The statements that fall when `missed` are missed (see the module's docstring).

    Examples
    --------
    >>> import goalgraph
    >>> model = goalgraph.read_model(goalgraph.load())
    >>> sm3 = model.by_identifier["SM3"]
    >>> sm3 in fallen(model, [sm3]), model.by_identifier["JM-M2"] in fallen(model, [sm3])
    (True, False)
    """
    supporters: dict[IdentifiedNode, set[IdentifiedNode]] = {}
    supported: dict[IdentifiedNode, set[IdentifiedNode]] = {}
    for start, end in model.edges():
        supporters.setdefault(end, set()).add(start)
        supported.setdefault(start, set()).add(end)
    down = set(missed)
    queue = list(down)
    while queue:  # a statement falls once the last of its supporters has fallen
        node = queue.pop()
        for above in supported.get(node, ()):
            if above not in down and supporters[above] <= down:
                down.add(above)
                queue.append(above)
    return frozenset(down)


def what_if(
    model: GoalModel,
    chosen: Mapping[IdentifiedNode, IndicatorRow | None],
    *,
    miss: Iterable[IdentifiedNode] = (),
    meet: Iterable[IdentifiedNode] = (),
) -> WhatIf:
    """Recompute the roll-up with `miss` not met and `meet` met; list what changes at the top.

    Parameters
    ----------
    model : GoalModel
    chosen : Mapping of IdentifiedNode to IndicatorRow or None
        Each indicator's row for the period, as :func:`~goalgraph.achievement.rollup.roll_up` takes it.
    miss, meet : iterable of IdentifiedNode
        Statements (targets, usually) to take as not met, or met.

    Returns
    -------
    WhatIf
    """
    missed, met = tuple(dict.fromkeys(miss)), tuple(dict.fromkeys(meet))
    before = roll_up(model, chosen)
    assumed = {**dict.fromkeys(met, MET), **dict.fromkeys(missed, NOT_MET)}
    after = roll_up(model, chosen, assumed=assumed)
    down = fallen(model, missed)
    changes = []
    for node in sorted(model.top, key=str):
        old, new = before[node], after[node]
        loses = node in down and node not in missed
        if loses or old.status != new.status or _rounded(old.score) != _rounded(new.score):
            changes.append(Change(node, old, new, loses))
    return WhatIf(missed, met, tuple(changes))
