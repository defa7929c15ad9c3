"""The status of an indicator's result for a period: met, partly met, not met, or no data.

The rule, in the words of a Danish annual report's målrapportering:

- A target is **met** (opfyldt) when the actual value is at or beyond it: at or
  above it when higher is better (the default), at or below it when lower is
  better (``gg:direction gg:lowerIsBetter``).
- It is **partly met** (delvist opfyldt) when it is missed but the actual value
  is at or beyond the indicator's threshold (``gg:threshold``); without a
  threshold a target is met or not.
- Otherwise it is **not met** (ikke opfyldt).
- **No data** when the target or the actual value is missing, or either is words
  rather than a number (goalgraph does not judge prose).

>>> status(90, 92)
'met'
>>> status(90, 85, threshold=80), status(90, 75, threshold=80)
('partly-met', 'not-met')
>>> status(30, 28, direction="lower"), status(30, 33, direction="lower", threshold=35)
('met', 'partly-met')
>>> status(None, 12), status("Publication of Part 1", "Published")
('no-data', 'no-data')
"""

from __future__ import annotations

__all__ = ["COLOURS", "MET", "NOT_MET", "NO_DATA", "PARTLY_MET", "SCORES", "STATUSES", "status", "status_of_score"]

MET, PARTLY_MET, NOT_MET, NO_DATA = "met", "partly-met", "not-met", "no-data"
#: Every status, best first.
STATUSES = (MET, PARTLY_MET, NOT_MET, NO_DATA)
#: The colour of each status wherever goalgraph draws one (the report's charts and tables,
#: the explorer's nodes), so a reader who uses both sees one code: light enough for black
#: text on it, and apart in lightness for black-and-white print. Never the only sign: the
#: views write the status in words or with a marker beside it.
COLOURS = {MET: "#4caf50", PARTLY_MET: "#f2b134", NOT_MET: "#d9534f", NO_DATA: "#cfd4da"}
#: What a status counts for when statuses are rolled up (no data counts for nothing).
SCORES = {MET: 1.0, PARTLY_MET: 0.5, NOT_MET: 0.0}
# A rolled-up score this close to 1 or 0 is met or not met: sums of weights are not exact.
_EPSILON = 1e-9


def status(
    target: float | str | None,
    actual: float | str | None,
    *,
    direction: str = "higher",
    threshold: float | None = None,
) -> str:
    """The status of an actual value against its target.

    Parameters
    ----------
    target, actual : float, str or None
        The figures for one period; a str is a value in words.
    direction : {"higher", "lower"}
        Which way is better.
    threshold : float, optional
        From here on a missed target is partly met.

    Returns
    -------
    str
        ``"met"``, ``"partly-met"``, ``"not-met"`` or ``"no-data"``.

    Examples
    --------
    >>> status(100, 100), status(100, 99.5)
    ('met', 'not-met')
    """
    if not isinstance(target, int | float) or not isinstance(actual, int | float):
        return NO_DATA
    better = 1 if direction != "lower" else -1
    if (actual - target) * better >= 0:
        return MET
    if threshold is not None and (actual - threshold) * better >= 0:
        return PARTLY_MET
    return NOT_MET


def status_of_score(score: float | None) -> str:
    """The status of a rolled-up score between 0 and 1: met only at 1, not met only at 0.

    Examples
    --------
    >>> status_of_score(1.0), status_of_score(0.4), status_of_score(0.0), status_of_score(None)
    ('met', 'partly-met', 'not-met', 'no-data')
    """
    if score is None:
        return NO_DATA
    if score >= 1 - _EPSILON:
        return MET
    if score <= _EPSILON:
        return NOT_MET
    return PARTLY_MET
