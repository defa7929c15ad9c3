"""What a report says, read from a goal graph once: statements, plans, organisations, terms.

:func:`gather` reads the model of the graph (:func:`goalgraph.model.read_model`),
runs the alignment analysis on it (:func:`goalgraph.analysis.analyse`) and the
counts (:func:`goalgraph.stats`), and keeps what the sections need in a
:class:`Facts`, which also names things in the report's language. Nothing here is
written back to the graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal as TypingLiteral
from typing import cast

from rdflib import Graph
from rdflib.term import IdentifiedNode, Node

from goalgraph.analysis import Analysis, analyse, hierarchy_parents
from goalgraph.labels import label
from goalgraph.model import (
    Dataset,
    GoalModel,
    Organisation,
    Plan,
    Statement,
    Term,
    Text,
    choose_texts,
    in_language,
    local_name,
    read_model,
)
from goalgraph.summary import Stats, stats

__all__ = [
    "LANGUAGES",
    "Facts",
    "Language",
    "anchor",
    "gather",
    "hierarchy_order",
    "shorten",
    "sortable",
]

#: The languages a report is written in.
Language = TypingLiteral["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")

# A reference to a statement without an identifier: its text, cut to this length.
_SHORT_TEXT = 40


@dataclass(frozen=True)
class Facts:
    """Everything a report shows, with its names in the report's language.

    Attributes
    ----------
    lang : {"da", "en"}
    graph : rdflib.Graph
        The goal graph (for the names of the rare node that is neither a statement,
        a plan nor an organisation).
    analysis : Analysis
        The alignment analysis (:func:`goalgraph.analysis.analyse`), without the
        centrality and clusters, which no report shows.
    counts : Stats
    model : GoalModel
        The model the report was made from.
    statements : Mapping of Node to Statement
        By IRI (keyed by Node, so any term from a query can look one up).
    plans : Mapping of Node to Plan
    organisations : Mapping of IdentifiedNode to Organisation
    order : tuple of (IdentifiedNode, int)
        Organisations and other holders in hierarchy order, top first, each with
        its depth below a root.
    rank : Mapping of Node to int
        Each organisation's place in `order`, for sorting by it.
    terms : Mapping of Node to Term
    datasets : tuple of Dataset
    """

    lang: Language
    graph: Graph = field(repr=False)
    model: GoalModel = field(repr=False)
    analysis: Analysis = field(repr=False)
    counts: Stats
    statements: Mapping[Node, Statement] = field(repr=False)
    plans: Mapping[Node, Plan] = field(repr=False)
    organisations: Mapping[IdentifiedNode, Organisation] = field(repr=False)
    order: tuple[tuple[IdentifiedNode, int], ...] = field(repr=False)
    rank: Mapping[Node, int] = field(repr=False)
    terms: Mapping[Node, Term] = field(repr=False)
    datasets: tuple[Dataset, ...] = field(repr=False)
    # Names looked up with label(), one query each: kept, as the same few recur.
    _names: dict[Node, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _organisation_names: dict[Node, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _term_names: dict[Node, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: Statements' sort keys (goalgraph.report.cells.sort_key), kept: a large report sorts them often.
    sort_keys: dict[Node, tuple[int, int, str, str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def plans_of(self, holder: Node | None) -> list[Plan]:
        """The plans `holder` holds (None: those without a holder), in the model's order."""
        return self._plans_by_holder.get(holder, [])

    @cached_property
    def _plans_by_holder(self) -> dict[Node | None, list[Plan]]:
        # Made once: looking through every plan for each of thousands of organisations
        # took most of a large report's time.
        found: dict[Node | None, list[Plan]] = {}
        for plan in self.plans.values():
            found.setdefault(plan.holder, []).append(plan)
        return found

    def organisation_name(self, organisation: Node | None) -> str:
        """An organisation's name in the report's language, else in any, else its IRI's end."""
        if organisation is None:
            return "–"
        # Kept: a large report names each organisation on many pages.
        name = self._organisation_names.get(organisation)
        if name is None:
            known = _organisation_label(self.organisations, organisation, self.lang)
            name = self._organisation_names[organisation] = known if known is not None else self.name(organisation)
        return name

    def term_name(self, term: Node | None) -> str:
        """A statement class's, kind's or strength's name in the report's language."""
        if term is None:
            return ""
        name = self._term_names.get(term)
        if name is None:
            found = self.terms.get(term)
            known = in_language(found.names, self.lang) if found is not None else None
            name = self._term_names[term] = known if known is not None else local_name(term)
        return name

    def texts(self, statement: Node) -> tuple[Text | None, Text | None]:
        """A statement's text to show first, and the one in the other language."""
        found = self.statements.get(statement)
        return choose_texts(found.texts if found else (), self.lang)

    def reference(self, statement: Node) -> str:
        """A short name for a statement: its identifier, else the start of its text."""
        found = self.statements.get(statement)
        if found is not None and found.identifier:
            return found.identifier
        if found is not None:
            main, _ = choose_texts(found.texts, self.lang)
            if main is not None:
                return shorten(main.value, _SHORT_TEXT)
        if statement in self.plans:
            return self.plan_title(statement)
        return self.name(statement)

    def plan_title(self, plan: Node) -> str:
        """A plan's title in the report's language (its own words first)."""
        found = self.plans.get(plan)
        main, _ = choose_texts(found.titles if found else (), self.lang)
        return main.value if main is not None else self.name(plan)

    def name(self, node: Node) -> str:
        """Any node's best name (see :func:`goalgraph.label`), else its IRI's last part."""
        if node not in self._names:
            self._names[node] = label(self.graph, node, self.lang) or local_name(node)
        return self._names[node]


def _organisation_label(
    organisations: Mapping[IdentifiedNode, Organisation], organisation: Node, lang: str
) -> str | None:
    found = organisations.get(organisation) if isinstance(organisation, IdentifiedNode) else None
    return in_language(found.names, lang) if found is not None else None


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis.

    Examples
    --------
    >>> shorten("Kvalitet  i\\nsagsbehandlingen", 12)
    'Kvalitet i …'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@lru_cache(maxsize=1 << 18)
def anchor(prefix: str, node: Node) -> str:
    """A stable id for a node's place in the report: `prefix` and a hash of its IRI.

    Examples
    --------
    >>> from rdflib import URIRef
    >>> anchor("s", URIRef("https://example.org/a"))
    's-b5b10dd0429e'
    """
    return f"{prefix}-{hashlib.sha256(str(node).encode()).hexdigest()[:12]}"


#################################################################
# Reading the graph
#################################################################


def gather(graph: Graph, lang: Language, *, model: GoalModel | None = None) -> Facts:
    """Read everything a report shows from `graph`.

    Parameters
    ----------
    graph : rdflib.Graph
        A goal graph, usually from :func:`goalgraph.load`.
    lang : {"da", "en"}
        The report's language.
    model : GoalModel, optional
        The graph's model, if it has been read already (:func:`goalgraph.model.read_model`).

    Returns
    -------
    Facts

    Examples
    --------
    >>> import goalgraph
    >>> facts = gather(goalgraph.load(), "en")
    >>> [facts.organisation_name(o) for o, depth in facts.order if depth == 0]
    ['the Ministry of Justice group']
    """
    model = read_model(graph) if model is None else model
    organisations = model.organisations
    holders = {s.holder for s in model.statements.values() if s.holder is not None}
    holders |= {p.holder for p in model.plans.values() if p.holder is not None}

    def name(organisation: IdentifiedNode) -> str:
        return _organisation_label(organisations, organisation, lang) or local_name(organisation)

    order = tuple(hierarchy_order(organisations, holders, name))
    return Facts(
        lang=lang,
        graph=graph,
        model=model,
        analysis=_analysis(model),
        counts=stats(graph),
        statements=cast(Mapping[Node, Statement], model.statements),
        plans=cast(Mapping[Node, Plan], model.plans),
        organisations=organisations,
        order=order,
        rank={organisation: place for place, (organisation, _) in enumerate(order)},
        terms=cast(Mapping[Node, Term], model.terms),
        datasets=model.datasets,
    )


def _analysis(model: GoalModel) -> Analysis:
    """The analysis a report shows: :func:`goalgraph.analysis.analyse`'s, without centrality and clusters.

    The report shows neither, and betweenness centrality alone is a second of a
    million triples' report.
    """
    return analyse(model, leave_out=("centrality", "clusters"))


def sortable(name: str) -> str:
    """`name` as it sorts: case folded, without a leading English article.

    Examples
    --------
    >>> sorted(["the Danish Police", "Ministry of Justice"], key=sortable)
    ['the Danish Police', 'Ministry of Justice']
    """
    folded = name.casefold()
    for article in ("the ", "an ", "a "):
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def hierarchy_order(
    organisations: Mapping[IdentifiedNode, Organisation],
    holders: Iterable[IdentifiedNode],
    name: Callable[[IdentifiedNode], str],
) -> list[tuple[IdentifiedNode, int]]:
    """Organisations top first: each root, then the organisations below it, depth first.

    Siblings go by name. Organisations that no root leads to (those in a cycle of
    the hierarchy) and holders that are not described as organisations follow, by
    name.

    Parameters
    ----------
    organisations : Mapping of IdentifiedNode to Organisation
        As in :attr:`goalgraph.model.GoalModel.organisations`.
    holders : iterable of IdentifiedNode
        Holders of statements or plans, so that undescribed ones are listed too.
    name : callable
        Gives an organisation's name, for sorting siblings.

    Returns
    -------
    list of (IdentifiedNode, int)
        Each organisation with its depth, 0 for a root.

    Examples
    --------
    >>> from rdflib import URIRef
    >>> a, b = URIRef("https://example.org/a"), URIRef("https://example.org/b")
    >>> known = {a: Organisation(a), b: Organisation(b, parents=frozenset({a}))}
    >>> [(str(o)[-1], depth) for o, depth in hierarchy_order(known, [], str)]
    [('a', 0), ('b', 1)]
    """
    parents = hierarchy_parents(organisations)
    children: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for organisation, above in parents.items():
        for parent in above:
            children.setdefault(parent, []).append(organisation)

    def by_name(nodes: Iterable[IdentifiedNode]) -> list[IdentifiedNode]:
        return sorted(nodes, key=lambda node: (sortable(name(node)), str(node)))

    order: list[tuple[IdentifiedNode, int]] = []
    seen: set[IdentifiedNode] = set()
    for root in by_name(o for o, above in parents.items() if not above):
        # Depth first without recursion: a deep hierarchy must not hit Python's limit.
        stack = [(root, 0)]
        while stack:
            organisation, depth = stack.pop()
            if organisation in seen:
                continue
            seen.add(organisation)
            order.append((organisation, depth))
            below = by_name(c for c in children.get(organisation, ()) if c not in seen)
            stack.extend((child, depth + 1) for child in reversed(below))
    rest = (set(organisations) | set(holders)) - seen
    order.extend((organisation, 0) for organisation in by_name(rest))
    return order
