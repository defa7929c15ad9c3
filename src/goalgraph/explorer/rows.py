"""The rows of the hierarchical layout: the top first, then joint statements, then the rest by level.

A statement's row comes from its class's ``gg:level`` (missions and visions 0;
purposes, core tasks, principles and values 1; strategic markers and goals 2; focus
points and objectives 3; targets 4; indicators 5) and, among missions and visions,
from whose they are:

1. the top: the missions and visions of the highest organisation
   (:func:`goalgraph.analysis.top_statements`);
2. joint missions and visions: held by a collaboration, or in a statement group
   that a collaboration holds (the police's and the prosecution's joint mission);
3. other organisations' own missions and visions;
4. then one row per level below, whoever holds the statement (a joint purpose sits
   with the other purposes);
5. last, statements whose class has no level.

Rows that nothing occupies are left out, so the rows are numbered 0, 1, 2... without
gaps, which is what vis-network's hierarchical layout takes as node levels.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from typing import TypeVar

__all__ = ["statement_rows"]

K = TypeVar("K", bound=Hashable)

# Where among level-0 statements each kind of holder goes.
_TOP, _JOINT, _OWN = 0, 1, 2
# Below every level there is: statements of a class without a gg:level.
_NO_LEVEL = 1_000


def statement_rows(levels: Mapping[K, int | None], *, top: Collection[K], joint: Collection[K]) -> dict[K, int]:
    """Each statement's row in the hierarchical layout, from 0 at the top.

    Parameters
    ----------
    levels : Mapping
        Each statement's ``gg:level`` (None if its class has none).
    top : collection
        The top statements.
    joint : collection
        The joint statements.

    Returns
    -------
    dict
        Statement → row; the rows in use are numbered 0, 1, 2... without gaps.

    Examples
    --------
    >>> levels = {"JM-M1": 0, "PA-V1": 0, "AM-K": 1, "SM3": 2, "FP3": 3}
    >>> statement_rows(levels, top={"JM-M1"}, joint={"PA-V1"})
    {'JM-M1': 0, 'PA-V1': 1, 'AM-K': 2, 'SM3': 3, 'FP3': 4}
    >>> statement_rows({"M": 0, "T": 4, "X": None}, top=set(), joint=set())
    {'M': 0, 'T': 1, 'X': 2}
    """

    def key(statement: K, level: int | None) -> tuple[int, int]:
        if level is None:
            return _NO_LEVEL, 0
        if level == 0:
            return 0, _TOP if statement in top else _JOINT if statement in joint else _OWN
        return level, 0

    keys = {statement: key(statement, level) for statement, level in levels.items()}
    numbered = {k: row for row, k in enumerate(sorted(set(keys.values())))}
    return {statement: numbered[k] for statement, k in keys.items()}
