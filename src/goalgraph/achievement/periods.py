"""Periods of results: how they are named, and which one a user means.

A result's period is a start and an end date (``gg:resultStart``,
``gg:resultEnd``); a calendar year is named by its number, other periods as an
ISO 8601 interval, open ends as ``..``:

>>> label("2019-01-01", "2019-12-31"), label("2019-07-01", "2020-06-30")
('2019', '2019-07-01/2020-06-30')
>>> label(None, "2009-12-17"), label(None, None)
('../2009-12-17', '')
"""

from __future__ import annotations

import re

from goalgraph.errors import GoalgraphError

__all__ = ["PeriodError", "check_period", "covers", "label", "matches"]

_YEAR = re.compile(r"\d{4}")
# What a user may name: a year, or an interval of dates, either end open (..).
_PERIOD = re.compile(r"\d{4}|(\d{4}-\d{2}-\d{2}|\.\.)/(\d{4}-\d{2}-\d{2}|\.\.)")


class PeriodError(GoalgraphError):
    """A period that is neither a year nor an interval of dates (a usage error: exit status 2)."""

    exit_code = 2


def check_period(period: str) -> str:
    """`period` if it names a period: a year, or an ISO 8601 interval of dates.

    Raises
    ------
    PeriodError
        Otherwise, saying what a period is.

    Examples
    --------
    >>> check_period("2019"), check_period("2019-07-01/2020-06-30"), check_period("../2009-12-17")
    ('2019', '2019-07-01/2020-06-30', '../2009-12-17')
    >>> try:
    ...     check_period("last year")
    ... except PeriodError as error:
    ...     print(error)
    a period is a year (2019) or an interval of dates (2019-07-01/2020-06-30), not 'last year'
    """
    if not _PERIOD.fullmatch(period):
        raise PeriodError(f"a period is a year (2019) or an interval of dates (2019-07-01/2020-06-30), not {period!r}")
    return period


def label(start: str | None, end: str | None) -> str:
    """The name of the period from `start` to `end` (ISO dates; either may be missing).

    Parameters
    ----------
    start, end : str or None

    Returns
    -------
    str
        ``"2019"`` for a calendar year, ``"start/end"`` otherwise, ``".."`` for an
        open end, ``""`` for a result without a period.

    Examples
    --------
    >>> label("2019-01-01", None)
    '2019-01-01/..'
    """
    if start and end:
        if start[4:] == "-01-01" and end[4:] == "-12-31" and start[:4] == end[:4]:
            return start[:4]
        return f"{start}/{end}"
    if start or end:
        return f"{start or '..'}/{end or '..'}"
    return ""


def matches(period: str, start: str | None, end: str | None) -> bool:
    """Whether the period a user names (``2019`` or an interval) is the result's.

    A year matches a period named by it, and any period that ends in it (a
    report for 2019-07-01/2019-12-31 is a 2019 result).

    Examples
    --------
    >>> matches("2019", "2019-01-01", "2019-12-31"), matches("2019", "2018-07-01", "2019-06-30")
    (True, True)
    >>> matches("2019", "2019-01-01", "2020-06-30"), matches("2019-07-01/2020-06-30", "2019-07-01", "2020-06-30")
    (False, True)
    """
    if period == label(start, end):
        return True
    return bool(_YEAR.fullmatch(period)) and (end or start or "")[:4] == period


def covers(start: str | None, end: str | None, day: str | None) -> bool:
    """Whether the period from `start` to `end` holds `day` (a period with no dates holds every day).

    Examples
    --------
    >>> covers("2011-01-01", "2011-12-31", "2011-06-30"), covers(None, None, "2030-01-01")
    (True, True)
    >>> covers("2011-01-01", "2011-12-31", "2012-01-26")
    False
    """
    if day is None:
        return start is None and end is None
    return (start is None or start <= day) and (end is None or day <= end)
