"""An indicator's results as rows: one per period, its target beside its actual value and a status.

Targets and actual results are paired by period. An actual result whose period
has no target of its own is judged against the target whose period holds the
actual period's end, or else a target with no period (a standing target, as
StratML documents often give). A period with only a target is a row with no data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib.term import IdentifiedNode

from goalgraph.achievement.periods import covers, label, matches
from goalgraph.achievement.status import NO_DATA, status
from goalgraph.model import Indicator, Result, preferred_text

__all__ = ["IndicatorRow", "chosen_rows", "indicator_rows"]


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One indicator in one period: target, actual value, and status.

    Attributes
    ----------
    indicator : IdentifiedNode
    statement : IdentifiedNode or None
        What the indicator measures (the first by IRI, if several).
    period, start, end : str, str or None, str or None
        The period's name (:func:`~goalgraph.achievement.periods.label`) and dates.
    target, actual : float, str or None
        A figure, or the value in words.
    unit : str or None
    status : str
        ``"met"``, ``"partly-met"``, ``"not-met"`` or ``"no-data"``: the holder's reported
        verdict where there is one, else :attr:`calculated_status`.
    calculated_status : str
        What goalgraph calculates from the figures (:func:`~goalgraph.achievement.status.status`).
    reported : str or None
        The holder's own verdict (``gg:verdict``), as published.
    sources : tuple of str
        Where the figures and the verdict are published.
    """

    indicator: IdentifiedNode
    statement: IdentifiedNode | None
    period: str
    start: str | None
    end: str | None
    target: float | str | None
    actual: float | str | None
    unit: str | None
    status: str
    calculated_status: str
    reported: str | None
    sources: tuple[str, ...]

    @property
    def calculated(self) -> bool:
        """Whether :attr:`status` is goalgraph's calculation (False: the holder's reported verdict)."""
        return self.reported is None

    @property
    def has_data(self) -> bool:
        """Whether the row has a status: figures to judge, or a reported verdict."""
        return self.status != NO_DATA

    def to_dict(self) -> dict[str, object]:
        """The row as JSON-ready data: the issue's keys first, then the rest."""
        return {
            "indicator": str(self.indicator),
            "statement": None if self.statement is None else str(self.statement),
            "period": self.period,
            "target": self.target,
            "actual": self.actual,
            "unit": self.unit,
            "status": self.status,
            "calculated": self.calculated,
            "calculated_status": self.calculated_status,
            "reported": self.reported,
            "start": self.start,
            "end": self.end,
            "sources": list(self.sources),
        }


def _value(result: Result | None) -> float | str | None:
    if result is None:
        return None
    if result.value is not None:
        return result.value
    words = preferred_text(result.descriptions)
    if words is None and result.descriptors:
        words = result.descriptors[0][1].value
    return words


def indicator_rows(indicator: Indicator, results: Mapping[IdentifiedNode, Result]) -> tuple[IndicatorRow, ...]:
    """Every period of an indicator, in time order.

    Parameters
    ----------
    indicator : Indicator
    results : Mapping of IdentifiedNode to Result
        The model's results (:attr:`goalgraph.model.GoalModel.results`).

    Returns
    -------
    tuple of IndicatorRow

    Examples
    --------
    >>> from rdflib import URIRef
    >>> from goalgraph.model import Indicator, Result
    >>> i = URIRef("https://example.org/synthetic/indicator")
    >>> found = {
    ...     URIRef(f"{i}/{n}"): Result(URIRef(f"{i}/{n}"), i, kind, f"{y}-01-01", f"{y}-12-31", value=v)
    ...     for n, kind, y, v in [(1, "target", 2019, 90.0), (2, "actual", 2019, 92.0), (3, "target", 2020, 95.0)]
    ... }
    >>> rows = indicator_rows(Indicator(i, results=tuple(found)), found)
    >>> [(r.period, r.target, r.actual, r.status) for r in rows]
    [('2019', 90.0, 92.0, 'met'), ('2020', 95.0, None, 'no-data')]
    """
    own = [results[node] for node in indicator.results if node in results]
    targets = [r for r in own if r.kind == "target"]
    periods: dict[tuple[str | None, str | None], tuple[list[Result], list[Result]]] = {}
    for result in own:
        found = periods.setdefault((result.start, result.end), ([], []))
        found[0 if result.kind == "target" else 1].append(result)
    statement = indicator.measures[0] if indicator.measures else None
    rows, judged = [], set()
    for (start, end), (period_targets, period_actuals) in periods.items():
        for actual in period_actuals:
            target = period_targets[0] if period_targets else _covering(targets, actual)
            if target is not None:
                judged.add(target.node)
            rows.append(_row(indicator, statement, start, end, target, actual))
    for (start, end), (period_targets, period_actuals) in periods.items():
        # A period with targets only is a row of its own, unless its target is judged in another's.
        if not period_actuals and not all(t.node in judged for t in period_targets):
            rows.append(_row(indicator, statement, start, end, period_targets[0], None))
    rows.sort(key=lambda r: (r.end or r.start or "", r.start or "", r.period))
    return tuple(rows)


def _covering(targets: list[Result], actual: Result | None) -> Result | None:
    if actual is None:
        return None
    day = actual.end or actual.start
    dated = [t for t in targets if (t.start or t.end) and covers(t.start, t.end, day)]
    if dated:
        return max(dated, key=lambda t: (t.start or "", str(t.node)))
    standing = [t for t in targets if not (t.start or t.end)]
    return min(standing, key=lambda t: str(t.node)) if standing else None


def _row(
    indicator: Indicator,
    statement: IdentifiedNode | None,
    start: str | None,
    end: str | None,
    target: Result | None,
    actual: Result | None,
) -> IndicatorRow:
    calculated = status(_value(target), _value(actual), direction=indicator.direction, threshold=indicator.threshold)
    reported = actual.verdict if actual is not None else None
    sources = sorted({s.iri for r in (target, actual) if r is not None for s in r.sources})
    return IndicatorRow(
        indicator=indicator.node,
        statement=statement,
        period=label(start, end),
        start=start,
        end=end,
        target=_value(target),
        actual=_value(actual),
        unit=indicator.unit,
        status=reported or calculated,
        calculated_status=calculated,
        reported=reported,
        sources=tuple(sources),
    )


def chosen_rows(rows: tuple[IndicatorRow, ...], period: str | None = None) -> IndicatorRow | None:
    """The row that speaks for an indicator: the period asked for, else the latest with data.

    Parameters
    ----------
    rows : tuple of IndicatorRow
        An indicator's rows, in time order.
    period : str, optional
        ``2019`` or an interval (:func:`~goalgraph.achievement.periods.matches`).

    Returns
    -------
    IndicatorRow or None
        None when the indicator has no row for `period`, or no rows.
    """
    if period is not None:
        found = [r for r in rows if matches(period, r.start, r.end)]
        with_data = [r for r in found if r.has_data]
        return (with_data or found)[-1] if found else None
    with_data = [r for r in rows if r.has_data]
    return (with_data or list(rows))[-1] if rows else None
