"""Achievement: are the goals being reached? Targets and results over the periods, rolled up.

:func:`progress` reads every indicator's target and actual results (StratML's,
or a performance unit's spreadsheet in the authoring format), gives each period
a status (:mod:`~goalgraph.achievement.status`), scores every statement from its
indicators and rolls the scores up through the alignments to the missions and
visions (:mod:`~goalgraph.achievement.rollup`), with the trend of each indicator
(:mod:`~goalgraph.achievement.trends`). :func:`~goalgraph.achievement.conflicts.conflicts`
finds where links pull both ways, and :func:`what_if` what changes at the top when
targets are missed or met. Nothing is written to the graph: statuses are computed
when asked, never stored.

>>> import goalgraph
>>> achievement = goalgraph.progress(goalgraph.open())
>>> achievement.indicators  # the bundled data has no published results: none are invented
()
>>> sorted({goalgraph.progress(goalgraph.open()).statements[s].status for s in achievement.top})
['no-data']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.term import IdentifiedNode

from goalgraph.achievement.conflicts import Conflict, conflicts
from goalgraph.achievement.indicators import IndicatorRow, chosen_rows, indicator_rows
from goalgraph.achievement.periods import PeriodError, check_period
from goalgraph.achievement.rollup import Driver, StatementProgress, roll_up
from goalgraph.achievement.status import STATUSES, status
from goalgraph.achievement.trends import Trend, trend
from goalgraph.achievement.whatif import Change, WhatIf
from goalgraph.achievement.whatif import what_if as _what_if_model
from goalgraph.model import GoalModel, read_model
from goalgraph.resolving import ReferenceKind, UnknownReferenceError, resolve

__all__ = [
    "STATUSES",
    "Achievement",
    "Change",
    "Conflict",
    "Driver",
    "IndicatorRow",
    "PeriodError",
    "StatementProgress",
    "Trend",
    "WhatIf",
    "conflicts",
    "find",
    "progress",
    "status",
    "what_if",
]


@dataclass(frozen=True)
class Achievement:
    """What :func:`progress` finds.

    Attributes
    ----------
    period : str or None
        The period asked for (None: each indicator's latest with data).
    indicators : tuple of IndicatorRow
        Every indicator and period (only `period`'s when one was asked for), by
        indicator IRI and time.
    statements : Mapping of IdentifiedNode to StatementProgress
        Every statement's status (no data for most where few are measured).
    trends : Mapping of IdentifiedNode to Trend
        Each indicator's series and movement.
    top : tuple of IdentifiedNode
        The missions and visions the roll-up ends in, by IRI.
    chosen : Mapping of IdentifiedNode to IndicatorRow or None
        The row that speaks for each indicator in the roll-up.
    organisations : frozenset of IdentifiedNode or None
        When asked for one organisation: it and the organisations below it, whose
        indicators and statements are listed (the roll-up is the whole graph's).
    """

    period: str | None
    indicators: tuple[IndicatorRow, ...]
    statements: Mapping[IdentifiedNode, StatementProgress]
    trends: Mapping[IdentifiedNode, Trend]
    top: tuple[IdentifiedNode, ...]
    chosen: Mapping[IdentifiedNode, IndicatorRow | None] = field(default_factory=dict)
    organisations: frozenset[IdentifiedNode] | None = None
    holders: Mapping[IdentifiedNode, IdentifiedNode | None] = field(default_factory=dict)

    def with_data(self) -> list[StatementProgress]:
        """The statements with a status (not no-data), and the top always, by IRI.

        When :attr:`organisations` is given, only theirs (and the top).
        """
        top, kept = set(self.top), self.organisations
        return [
            found
            for node, found in sorted(self.statements.items(), key=lambda item: str(item[0]))
            if node in top or (found.score is not None and (kept is None or self.holders.get(node) in kept))
        ]

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: ``indicators`` (one per indicator and period) and ``statements`` (those with data, and the top).

        Examples
        --------
        >>> import goalgraph
        >>> sorted(goalgraph.progress(goalgraph.open()).to_dict())
        ['indicators', 'period', 'statements', 'top', 'trends']
        """
        return {
            "period": self.period,
            "indicators": [row.to_dict() for row in self.indicators],
            "statements": [found.to_dict() for found in self.with_data()],
            "trends": [t.to_dict() for _, t in sorted(self.trends.items(), key=lambda item: str(item[0]))],
            "top": [str(node) for node in self.top],
        }


def _model(data: Graph | GoalModel) -> GoalModel:
    return data if isinstance(data, GoalModel) else read_model(data)


def _chosen(
    model: GoalModel, period: str | None
) -> tuple[dict[IdentifiedNode, tuple[IndicatorRow, ...]], dict[IdentifiedNode, IndicatorRow | None]]:
    series = {node: indicator_rows(indicator, model.results) for node, indicator in model.indicators.items()}
    return series, {node: chosen_rows(rows, period) for node, rows in series.items()}


def find(data: Graph | GoalModel, model: GoalModel, reference: object, kind: ReferenceKind) -> IdentifiedNode:
    """A statement or organisation of `model` that a user names.

    By node, IRI or identifier first (no scan of every label); then, when `data` is
    a graph, as :func:`goalgraph.resolving.resolve` finds it (a prefixed name, a label).

    Parameters
    ----------
    data : rdflib.Graph or GoalModel
        The graph `model` was read from, or the model itself.
    model : GoalModel
    reference : IRI, node or str
    kind : {"statement", "organisation"}

    Returns
    -------
    IdentifiedNode

    Raises
    ------
    goalgraph.resolving.UnknownReferenceError
        If nothing in the model matches.

    Examples
    --------
    >>> import goalgraph
    >>> g = goalgraph.open()
    >>> model = goalgraph.read_model(g)
    >>> find(g, model, "SM3", "statement") == find(g, model, "Kvalitet i sagsbehandlingen", "statement")
    True
    """
    known: Mapping[IdentifiedNode, object] = model.statements if kind == "statement" else model.organisations
    if isinstance(reference, IdentifiedNode) and reference in known:
        return reference
    text = str(reference)
    if kind == "statement" and text in model.by_identifier:
        return model.by_identifier[text]
    if ":" in text and not any(c.isspace() for c in text) and URIRef(text) in known:
        return URIRef(text)
    if isinstance(data, Graph):
        found = resolve(data, text, kind)
        if isinstance(found, IdentifiedNode) and found in known:
            return found
    raise UnknownReferenceError(f"no {kind} {text!r} in the graph (give its IRI or identifier)")


def _below(model: GoalModel, organisation: IdentifiedNode) -> frozenset[IdentifiedNode]:
    found, queue = {organisation}, [organisation]
    while queue:
        for child in model.hierarchy.children.get(queue.pop(), ()):
            if child not in found:
                found.add(child)
                queue.append(child)
    return frozenset(found)


def progress(data: Graph | GoalModel, *, period: str | None = None, organisation: object | None = None) -> Achievement:
    """Targets against results per indicator and period, and every statement's status, rolled up.

    Parameters
    ----------
    data : rdflib.Graph or GoalModel
        A dataset (:func:`goalgraph.open`) or its model (:func:`goalgraph.read_model`).
    period : str, optional
        ``"2019"`` or an interval ``"2019-07-01/2020-06-30"``: only that period's rows,
        and the roll-up from them. By default every period is listed and each
        indicator's latest period with data is rolled up.
    organisation : IRI, node or name, optional
        List only the indicators and statements of this organisation and those below it.

    Returns
    -------
    Achievement

    Raises
    ------
    goalgraph.resolving.UnknownReferenceError
        If `organisation` is not in the graph.
    PeriodError
        If `period` is neither a year nor an interval of dates.

    Examples
    --------
    >>> import goalgraph
    >>> found = goalgraph.progress(goalgraph.open(), period="2019")
    >>> found.period, len(found.top)
    ('2019', 5)
    """
    if period is not None:
        check_period(period)
    model = _model(data)
    series, chosen = _chosen(model, period)
    rows = tuple(
        row
        for node in sorted(series, key=str)
        for row in series[node]
        if period is None or row is chosen[node] or (row.period == period)
    )
    trends = {node: trend(node, rows_of, model.indicators[node].direction) for node, rows_of in series.items()}
    statements = roll_up(model, chosen)
    kept = None if organisation is None else _below(model, find(data, model, organisation, "organisation"))
    holders = {node: s.holder for node, s in model.statements.items()}
    if kept is not None:
        rows = tuple(row for row in rows if holders.get(row.indicator) in kept)
    top = tuple(sorted(model.top, key=str))
    return Achievement(period, rows, statements, trends, top, chosen, kept, holders)


def what_if(
    data: Graph | GoalModel,
    *,
    miss: Iterable[object] = (),
    meet: Iterable[object] = (),
    period: str | None = None,
) -> WhatIf:
    """What changes at the top if the statements in `miss` were not met and those in `meet` were.

    Parameters
    ----------
    data : rdflib.Graph or GoalModel
    miss, meet : iterable of IRI, node or identifier
        The targets (or any statements) to assume missed, or met.
    period : str, optional
        The period whose figures the rest keep (see :func:`progress`).

    Returns
    -------
    WhatIf

    Raises
    ------
    goalgraph.resolving.UnknownReferenceError
        If a statement is not in the graph.

    Examples
    --------
    >>> import goalgraph
    >>> found = goalgraph.what_if(goalgraph.open(), miss=["SM2", "X1"])  # all that supports JM-V3
    >>> [(c.after.status, c.loses_only_support) for c in found.changes]
    [('not-met', True)]
    """
    if period is not None:
        check_period(period)
    model = _model(data)
    _, chosen = _chosen(model, period)
    return _what_if_model(
        model,
        chosen,
        miss=[find(data, model, ref, "statement") for ref in miss],
        meet=[find(data, model, ref, "statement") for ref in meet],
    )
