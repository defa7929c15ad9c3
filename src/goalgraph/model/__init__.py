"""One typed model of a goal graph, read once, that every part of goalgraph takes.

:func:`read_model` reads a goal graph with a few SPARQL queries
(``sparql/model-*.rq``) into a :class:`GoalModel`: its organisations with their
hierarchy, plans, statements with their texts in every language, alignments of
every kind, statement groups, the vocabulary of statement classes, alignment
kinds and strengths, agents and dataset descriptions; the hindering alignments
apart; and the indicators with their target and actual results. The analysis
(:func:`goalgraph.analysis.alignment_graph`), the explorer, the report, the
CSV and GraphML exports, the suggestions and the achievement roll-up all take
it, the way every networkx algorithm takes one graph.

>>> import goalgraph
>>> from goalgraph.model import read_model, by_language
>>> model = read_model(goalgraph.load())
>>> politiet = next(o for o in model.organisations.values() if o.iri.endswith("/politiet"))
>>> by_language(politiet.names)["en"], model.hierarchy.depths[politiet.node]
('the Danish Police', 1)
>>> sorted({a.kind for a in model.alignments.values()})
['curated', 'stated']
"""

from __future__ import annotations

from goalgraph.model.concepts import (
    DEFAULT_WEIGHT,
    TYPE_ORDER,
    Agent,
    Alignment,
    Dataset,
    GoalModel,
    Indicator,
    Organisation,
    Plan,
    PlanLink,
    Result,
    Source,
    Statement,
    StatementGroup,
    Term,
    Text,
    by_language,
    choose_texts,
    in_language,
    local_name,
    preferred_text,
    texts_of,
)
from goalgraph.model.hierarchy import MISSION_OR_VISION, Hierarchy, hierarchy_parents, top_of
from goalgraph.model.reading import read_model

__all__ = [
    "DEFAULT_WEIGHT",
    "MISSION_OR_VISION",
    "TYPE_ORDER",
    "Agent",
    "Alignment",
    "Dataset",
    "GoalModel",
    "Hierarchy",
    "Indicator",
    "Organisation",
    "Plan",
    "PlanLink",
    "Result",
    "Source",
    "Statement",
    "StatementGroup",
    "Term",
    "Text",
    "by_language",
    "choose_texts",
    "hierarchy_parents",
    "in_language",
    "local_name",
    "preferred_text",
    "read_model",
    "texts_of",
    "top_of",
]
