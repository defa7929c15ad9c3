"""Trends: an indicator's figures over the periods, and whether they are moving toward its target.

Moving **toward** the target means the latest actual figure is better than the
one before (higher, or lower when lower is better), **away** that it is worse,
**flat** that it is the same; **unknown** with fewer than two figures. The gap
is the latest figure less the latest numeric target (positive: beyond it when
higher is better).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.term import IdentifiedNode

from goalgraph.achievement.indicators import IndicatorRow

__all__ = ["Trend", "trend"]


@dataclass(frozen=True, slots=True)
class Trend:
    """An indicator's series and its movement.

    Attributes
    ----------
    indicator : IdentifiedNode
    series : tuple of IndicatorRow
        Every period, in time order.
    movement : str
        ``"toward"``, ``"away"``, ``"flat"`` or ``"unknown"``.
    latest, previous, target : float or None
        The last two actual figures and the latest numeric target.
    """

    indicator: IdentifiedNode
    series: tuple[IndicatorRow, ...]
    movement: str
    latest: float | None = None
    previous: float | None = None
    target: float | None = None

    @property
    def gap(self) -> float | None:
        """The latest figure less the latest target (None without both)."""
        return None if self.latest is None or self.target is None else self.latest - self.target

    def to_dict(self) -> dict[str, object]:
        return {
            "indicator": str(self.indicator),
            "movement": self.movement,
            "latest": self.latest,
            "previous": self.previous,
            "target": self.target,
            "series": [{"period": r.period, "target": r.target, "actual": r.actual} for r in self.series],
        }


def trend(indicator: IdentifiedNode, rows: tuple[IndicatorRow, ...], direction: str = "higher") -> Trend:
    """The trend of an indicator from its rows.

    Parameters
    ----------
    indicator : IdentifiedNode
    rows : tuple of IndicatorRow
        Its rows in time order (:func:`~goalgraph.achievement.indicators.indicator_rows`).
    direction : {"higher", "lower"}

    Returns
    -------
    Trend

    Examples
    --------
    >>> from rdflib import URIRef
    >>> from goalgraph.achievement.indicators import IndicatorRow
    >>> i = URIRef("https://example.org/synthetic/processing-days")
    >>> rows = tuple(
    ...     IndicatorRow(i, None, str(y), None, None, 30.0, a, "days", "x", "x", None, ())
    ...     for y, a in [(2019, 41.0), (2020, 36.0)]
    ... )
    >>> t = trend(i, rows, "lower")
    >>> t.movement, t.gap
    ('toward', 6.0)
    """
    figures = [r.actual for r in rows if isinstance(r.actual, int | float)]
    targets = [r.target for r in rows if isinstance(r.target, int | float)]
    target = float(targets[-1]) if targets else None
    if len(figures) < 2:
        latest = float(figures[-1]) if figures else None
        return Trend(indicator, rows, "unknown", latest, None, target)
    latest, previous = float(figures[-1]), float(figures[-2])
    better = (latest - previous) * (1 if direction != "lower" else -1)
    movement = "toward" if better > 0 else "away" if better < 0 else "flat"
    return Trend(indicator, rows, movement, latest, previous, target)
