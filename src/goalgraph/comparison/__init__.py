"""Comparing plans and versions: what was kept, dropped, reworded and added.

``goalgraph diff OLD NEW`` and :func:`compare`: two datasets (last year's files and
this year's, two stores, two endpoints) or two plans (this year's target plan
against last year's), with the statements, alignments and coverage that changed,
written as text, JSON or a self-contained HTML page (:mod:`goalgraph.comparison.writing`),
and the matches recorded as ``prov:wasRevisionOf`` links.

>>> import goalgraph
>>> goalgraph.compare(goalgraph.open(), goalgraph.open()).statements
()
"""

from __future__ import annotations

from goalgraph.comparison.comparing import (
    AlignmentChange,
    Comparison,
    ComparisonArgumentsError,
    CoverageChange,
    Node,
    PlanChange,
    StatementChange,
    compare,
)
from goalgraph.comparison.matching import SIMILARITY_THRESHOLD, Match, match_by_words
from goalgraph.comparison.wording import Op, similarity, word_diff, words_text

__all__ = [
    "SIMILARITY_THRESHOLD",
    "AlignmentChange",
    "Comparison",
    "ComparisonArgumentsError",
    "CoverageChange",
    "Match",
    "Node",
    "Op",
    "PlanChange",
    "StatementChange",
    "compare",
    "match_by_words",
    "similarity",
    "word_diff",
    "words_text",
]
