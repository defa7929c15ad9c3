"""Achievement in the explorer: each statement's status and each indicator's series, for the page.

:func:`achievement_data` asks :func:`goalgraph.progress` once, when the page is
built, and puts what the page shows into its data (nothing is fetched later):

- ``results``: how many results (targets and actual figures) the data holds, and
  ``judged``: how many statements have a status other than no data. With none
  (the bundled data publishes no results, and none are invented) the page's
  "Colour by status" toggle is disabled, with a note saying why.
- ``statements``: by statement position (a string, as JSON keys are), the
  statements that have a status: ``status``, ``score`` (0 to 1), ``calculated``
  (False: the holder's reported verdict passed on), ``measured`` (scored from its
  own indicators rather than rolled up) and ``drivers`` (``statement`` by
  position, ``status``, ``share``, ``calculated``; drivers outside the page are
  left out). A statement not listed has no data.
- ``indicators``: by the indicator's position, ``unit``, ``direction``,
  ``baseline``, ``threshold``, ``movement`` and its ``series`` as columns (one
  list per field: ``period``, ``start``, ``end``, ``target``, ``actual``,
  ``status``, ``calculated``, ``reported``, ``sources``), in time order; a value in
  words is a string, a missing one null.
"""

from __future__ import annotations

from typing import Any

from goalgraph.achievement import progress
from goalgraph.explorer.facts import ExplorerFacts
from goalgraph.model import GoalModel

__all__ = ["SERIES_COLUMNS", "achievement_data"]

#: The columns of an indicator's series in the page's data, in order.
SERIES_COLUMNS = ("period", "start", "end", "target", "actual", "status", "calculated", "reported", "sources")


def achievement_data(facts: ExplorerFacts, whole: GoalModel | None = None) -> dict[str, Any]:
    """The statuses and series the explorer page shows, JSON-ready.

    Parameters
    ----------
    facts : ExplorerFacts
        From :func:`goalgraph.explorer.facts.gather`; its model is read, not changed.
    whole : GoalModel, optional
        The model to ask :func:`goalgraph.progress` about when `facts` show only a
        part of it (a neighbourhood): a status rests on what is not shown too. By
        default `facts`' own model.

    Returns
    -------
    dict
        ``results`` and ``judged`` always; ``statements`` and ``indicators`` when
        there are results (see the module's docstring).

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.explorer.facts import gather
    >>> achievement_data(gather(goalgraph.load()))  # no results are published at hand
    {'results': 0, 'judged': 0}
    """
    model = whole if whole is not None else facts.model
    if not model.results:
        return {"results": 0, "judged": 0}
    found = progress(model)
    position = {placed.node: k for k, placed in enumerate(facts.statements)}
    statements: dict[str, Any] = {}
    for node, state in sorted(found.statements.items(), key=lambda item: str(item[0])):
        if node not in position or state.score is None:
            continue
        statements[str(position[node])] = {
            "status": state.status,
            "score": round(state.score, 4),
            "calculated": state.calculated,
            "measured": state.measured,
            "drivers": [
                {
                    "statement": position[driver.statement],
                    "status": driver.status,
                    "share": round(driver.share, 4),
                    "calculated": driver.calculated,
                }
                for driver in state.drivers
                if driver.statement in position
            ],
        }
    indicators: dict[str, Any] = {}
    for node, indicator in sorted(model.indicators.items(), key=lambda item: str(item[0])):
        if node not in position:
            continue
        trend = found.trends.get(node)
        rows = trend.series if trend is not None else ()
        indicators[str(position[node])] = {
            "unit": indicator.unit,
            "direction": indicator.direction,
            "baseline": indicator.baseline,
            "threshold": indicator.threshold,
            "movement": trend.movement if trend is not None else "unknown",
            "series": {
                "period": [row.period for row in rows],
                "start": [row.start for row in rows],
                "end": [row.end for row in rows],
                "target": [row.target for row in rows],
                "actual": [row.actual for row in rows],
                "status": [row.status for row in rows],
                "calculated": [row.calculated_status for row in rows],
                "reported": [row.reported for row in rows],
                "sources": [list(row.sources) for row in rows],
            },
        }
    judged = len(statements)
    return {"results": len(model.results), "judged": judged, "statements": statements, "indicators": indicators}
