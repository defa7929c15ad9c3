"""Rolling statuses up through the alignments, from the targets that are measured to the top.

A heuristic, as the goal-modelling literature (GRL's quantitative evaluation, OKR
roll-ups) says of every such rule; goalgraph's is simple enough to check by hand:

1. **Measured statements** (a target its indicators measure, an indicator) score
   the mean of their indicators' statuses: met 1, partly met ½, not met 0. An
   indicator with no data for the period counts for nothing.
2. **Every other statement** scores the weighted mean of the statements that
   support it and have a score, minus what its hinderers achieve::

       score = clamp((Σ wᵢ·sᵢ − Σ wⱼ·sⱼ) / Σ wᵢ, 0, 1)

   over supporters i and hinderers j. A link's weight w is its strength's
   ``gg:weight`` (strong 1, moderate 0.6, weak 0.3; a stated link without a
   strength 1) times the supporter's weight in its plan (``gg:targetWeight``
   over the mean of its plan's weights; 1 without one). A met hinderer of the
   same weight as all the supporters together cancels them.
3. A score is **met** at 1, **not met** at 0, **partly met** between; with no
   supporter that has a score, a statement has **no data**.
4. Statements are scored supporters first. Where links form a cycle (invalid
   data, which ``goalgraph validate`` reports), the cycle's statements are
   scored again and again, in IRI order, until their scores settle (at most 100
   rounds), so the answer is the same every run and a cycle never hangs it.

Every score carries its **drivers**: the measured statements it rests on, each
with its share of the score (negative through a hindering link) and whether its
status is calculated from figures or is the holder's reported verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
from rdflib.term import IdentifiedNode

from goalgraph.achievement.indicators import IndicatorRow
from goalgraph.achievement.status import SCORES, status_of_score
from goalgraph.model import GoalModel

__all__ = ["DRIVERS_SHOWN", "Driver", "StatementProgress", "roll_up"]

#: The drivers kept per statement: the largest shares.
DRIVERS_SHOWN = 10
# A cycle's scores are recomputed until they change by less than this, at most this many times.
_EPSILON, _ROUNDS = 1e-9, 100


@dataclass(frozen=True, slots=True)
class Driver:
    """A measured statement that a rolled-up score rests on.

    Attributes
    ----------
    statement : IdentifiedNode
    status : str
    share : float
        How much of the score it accounts for: between -1 and 1, negative when it
        counts through a hindering link.
    calculated : bool
        False when its status is the holder's reported verdict.
    """

    statement: IdentifiedNode
    status: str
    share: float
    calculated: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "statement": str(self.statement),
            "status": self.status,
            "share": round(self.share, 4),
            "calculated": self.calculated,
        }


@dataclass(frozen=True, slots=True)
class StatementProgress:
    """A statement's status for the period.

    Attributes
    ----------
    statement : IdentifiedNode
    status : str
        ``"met"``, ``"partly-met"``, ``"not-met"`` or ``"no-data"``.
    score : float or None
        Between 0 and 1 (None: no data).
    calculated : bool
        False only when the status is one reported verdict passed on as it is.
    measured : bool
        Scored from its own indicators (or assumed, in a what-if), not rolled up.
    drivers : tuple of Driver
        The measured statements behind the score, the largest shares first.
    """

    statement: IdentifiedNode
    status: str
    score: float | None
    calculated: bool
    measured: bool
    drivers: tuple[Driver, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "statement": str(self.statement),
            "status": self.status,
            "score": None if self.score is None else round(self.score, 4),
            "calculated": self.calculated,
            "measured": self.measured,
            "drivers": [d.to_dict() for d in self.drivers],
        }


def _plan_factors(model: GoalModel) -> dict[IdentifiedNode, float]:
    """Each weighted statement's weight over the mean weight of its plan's weighted statements."""
    by_plan: dict[object, list[tuple[IdentifiedNode, float]]] = {}
    for node, statement in model.statements.items():
        if statement.weight is not None and statement.weight > 0:
            by_plan.setdefault(statement.plan, []).append((node, statement.weight))
    factors = {}
    for weighted in by_plan.values():
        mean = sum(w for _, w in weighted) / len(weighted)
        for node, weight in weighted:
            factors[node] = weight / mean
    return factors


def _measured(
    model: GoalModel, chosen: Mapping[IdentifiedNode, IndicatorRow | None]
) -> dict[IdentifiedNode, StatementProgress]:
    """The indicators, and the statements they measure, scored from the chosen rows."""
    rows_of: dict[IdentifiedNode, list[IndicatorRow]] = {}
    found = {}
    for indicator, row in sorted(chosen.items(), key=lambda item: str(item[0])):
        if row is None or not row.has_data:
            continue
        score = SCORES[row.status]
        found[indicator] = StatementProgress(
            indicator, row.status, score, row.calculated, True, (Driver(indicator, row.status, 1.0, row.calculated),)
        )
        for statement in model.indicators[indicator].measures:
            rows_of.setdefault(statement, []).append(row)
    for statement, rows in rows_of.items():
        if statement in found:
            continue  # an indicator measured by another: its own figures come first
        score = sum(SCORES[r.status] for r in rows) / len(rows)
        drivers = tuple(
            Driver(r.indicator, r.status, 1 / len(rows), r.calculated)
            for r in sorted(rows, key=lambda r: str(r.indicator))
        )
        calculated = len(rows) > 1 or rows[0].calculated
        found[statement] = StatementProgress(statement, status_of_score(score), score, calculated, True, drivers)
    return found


def roll_up(
    model: GoalModel,
    chosen: Mapping[IdentifiedNode, IndicatorRow | None],
    *,
    assumed: Mapping[IdentifiedNode, str] | None = None,
) -> dict[IdentifiedNode, StatementProgress]:
    """Every statement's status, from the indicators' rows up through the alignments.

    Parameters
    ----------
    model : GoalModel
    chosen : Mapping of IdentifiedNode to IndicatorRow or None
        Each indicator's row for the period (:func:`~goalgraph.achievement.indicators.chosen_rows`).
    assumed : Mapping of IdentifiedNode to str, optional
        Statements whose status is taken as given (a what-if: ``"met"`` or
        ``"not-met"``), whatever their figures say.

    Returns
    -------
    dict of IdentifiedNode to StatementProgress
        Every statement of the model.
    """
    measured = _measured(model, chosen)
    for node, given in (assumed or {}).items():
        measured[node] = StatementProgress(node, given, SCORES[given], True, True, (Driver(node, given, 1.0, True),))
    factors = _plan_factors(model)
    into: dict[IdentifiedNode, list[tuple[IdentifiedNode, float, int]]] = {}
    links = nx.DiGraph()
    links.add_nodes_from(model.statements)
    for sign, edges in ((1, model.edges()), (-1, model.hindering_edges())):
        for (start, end), alignments in edges.items():
            into.setdefault(end, []).append((start, alignments[0].weight * factors.get(start, 1.0), sign))
            if end not in measured:  # nothing below a measured statement counts for it
                links.add_edge(start, end)
    for found in into.values():
        found.sort(key=lambda link: str(link[0]))
    done: dict[IdentifiedNode, StatementProgress] = {}
    condensed = nx.condensation(links)
    members = condensed.graph["mapping"]
    groups: dict[int, list[IdentifiedNode]] = {}
    for node, group in members.items():
        groups.setdefault(group, []).append(node)
    for group in nx.lexicographical_topological_sort(condensed):
        nodes = sorted(groups[group], key=str)
        if len(nodes) == 1:
            node = nodes[0]
            done[node] = measured[node] if node in measured else _combine(node, into.get(node, ()), done)
        else:
            _settle(nodes, into, measured, done)
    return done


def _settle(
    nodes: list[IdentifiedNode],
    into: Mapping[IdentifiedNode, list[tuple[IdentifiedNode, float, int]]],
    measured: Mapping[IdentifiedNode, StatementProgress],
    done: dict[IdentifiedNode, StatementProgress],
) -> None:
    """Score the statements of a cycle again and again, in IRI order, until their scores settle."""
    for _ in range(_ROUNDS):
        changed = False
        for node in nodes:
            found = measured[node] if node in measured else _combine(node, into.get(node, ()), done)
            before = done.get(node)
            if before is None or before.score is None or found.score is None:
                changed = changed or before is None or before.score != found.score
            elif abs(before.score - found.score) > _EPSILON:
                changed = True
            done[node] = found
        if not changed:
            return


def _combine(
    node: IdentifiedNode,
    links: Iterable[tuple[IdentifiedNode, float, int]],
    done: Mapping[IdentifiedNode, StatementProgress],
) -> StatementProgress:
    support = against = total = 0.0
    parts: list[tuple[StatementProgress, float]] = []
    for child, weight, sign in links:
        found = done.get(child)  # missing: the link closes a cycle
        if found is None or found.score is None or weight <= 0:
            continue
        if sign > 0:
            support += weight * found.score
            total += weight
        else:
            against += weight * found.score
        parts.append((found, sign * weight))
    if total <= 0:
        return StatementProgress(node, status_of_score(None), None, True, False)
    score = min(1.0, max(0.0, (support - against) / total))
    shares: dict[IdentifiedNode, float] = {}
    statuses: dict[IdentifiedNode, Driver] = {}
    for found, weight in parts:
        share = weight / total
        for driver in (
            found.drivers if not found.measured else (Driver(found.statement, found.status, 1.0, found.calculated),)
        ):
            shares[driver.statement] = shares.get(driver.statement, 0.0) + share * driver.share
            statuses[driver.statement] = driver
    kept = sorted(shares, key=lambda d: (-abs(shares[d]), str(d)))[:DRIVERS_SHOWN]
    drivers = tuple(Driver(d, statuses[d].status, shares[d], statuses[d].calculated) for d in kept)
    return StatementProgress(node, status_of_score(score), score, True, False, drivers)
