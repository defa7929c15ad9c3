"""What a report says, read from a goal graph once: statements, plans, organisations, terms.

:func:`gather` runs the alignment analysis (:func:`goalgraph.analysis.analyse`), the
counts (:func:`goalgraph.stats`) and a few SPARQL files (``sparql/report-*.rq``),
and keeps what the sections need in a :class:`Facts`, which also names things in
the report's language. Nothing here is written back to the graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal as TypingLiteral

from rdflib import Graph, Literal
from rdflib.term import IdentifiedNode, Node

from goalgraph.analysis import Analysis, Organisation, analyse, hierarchy_parents, local_name
from goalgraph.labels import label
from goalgraph.namespaces import GG
from goalgraph.querying import Row, select
from goalgraph.summary import Stats, stats

__all__ = [
    "Dataset",
    "Facts",
    "Language",
    "Plan",
    "Statement",
    "Term",
    "Text",
    "anchor",
    "choose_texts",
    "gather",
    "hierarchy_order",
    "shorten",
    "sortable",
]

#: The languages a report is written in.
Language = TypingLiteral["da", "en"]

# A reference to a statement without an identifier: its text, cut to this length.
_SHORT_TEXT = 40


@dataclass(frozen=True)
class Text:
    """One language-tagged text of a statement or plan.

    Attributes
    ----------
    value : str
    lang : str
        Its language tag, lower case; empty if it has none.
    translated : bool
        True for the dataset's translation (``gg:translation``), False for the
        source's own words (``gg:text``, ``dcterms:title``).
    """

    value: str
    lang: str
    translated: bool


def _language(value: Literal) -> str:
    return (value.language or "").lower()


def choose_texts(texts: Iterable[Text], lang: str) -> tuple[Text | None, Text | None]:
    """The text to show first in `lang`, and one in another language to show beside it.

    The first is the source's own words in `lang`, else a translation into `lang`,
    else the source's words in any language; the second is the best text in a
    language other than the first's, the source's words before a translation.

    Examples
    --------
    >>> da, en = Text("Vi skaber tryghed.", "da", False), Text("We create safety.", "en", True)
    >>> [t.value if t else None for t in choose_texts([da, en], "en")]
    ['We create safety.', 'Vi skaber tryghed.']
    >>> [t.value if t else None for t in choose_texts([da], "en")]
    ['Vi skaber tryghed.', None]
    """
    ordered = sorted(texts, key=lambda t: (t.translated, t.lang, t.value))
    main = next((t for t in ordered if t.lang == lang), None) or (ordered[0] if ordered else None)
    if main is None:
        return None, None
    other = next((t for t in ordered if t.lang != main.lang), None)
    return main, other


@dataclass(frozen=True)
class Statement:
    """A statement as the report shows it.

    Attributes
    ----------
    node : IdentifiedNode
    identifier : str or None
        Its ``dcterms:identifier``.
    type_iri : IdentifiedNode
        Its statement class.
    level : int or None
        The class's ``gg:level``.
    holder, plan : IdentifiedNode or None
    texts : tuple of Text
    """

    node: IdentifiedNode
    identifier: str | None
    type_iri: IdentifiedNode
    level: int | None
    holder: IdentifiedNode | None
    plan: IdentifiedNode | None
    texts: tuple[Text, ...]


@dataclass(frozen=True)
class Plan:
    """A plan: holder, titles (its own and translated), period and source."""

    node: IdentifiedNode
    holder: IdentifiedNode | None
    titles: tuple[Text, ...]
    start: str | None
    end: str | None
    source: str | None


@dataclass(frozen=True)
class Term:
    """A term of the ontology the report explains: a statement class, kind or strength.

    Attributes
    ----------
    node : IdentifiedNode
    group : str
        ``"statement"``, ``"kind"`` or ``"strength"``.
    level : int or None
        A statement class's ``gg:level``.
    weight : float or None
        A strength's ``gg:weight``.
    names, definitions : Mapping of str to str
        By language.
    """

    node: IdentifiedNode
    group: str
    level: int | None
    weight: float | None
    names: Mapping[str, str]
    definitions: Mapping[str, str]


@dataclass(frozen=True)
class Dataset:
    """A dataset description (``dcat:Dataset``, ``void:Dataset``) and who made it."""

    node: IdentifiedNode
    titles: tuple[Text, ...]
    descriptions: tuple[Text, ...]
    agents: Mapping[IdentifiedNode, Mapping[str, str]]


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
    counts : Stats
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

    def organisation_name(self, organisation: Node | None) -> str:
        """An organisation's name in the report's language, else in any, else its IRI's end."""
        if organisation is None:
            return "–"
        known = _organisation_label(self.organisations, organisation, self.lang)
        return known if known is not None else self.name(organisation)

    def term_name(self, term: Node | None) -> str:
        """A statement class's, kind's or strength's name in the report's language."""
        if term is None:
            return ""
        found = self.terms.get(term)
        if found is not None and found.names:
            return _in_language(found.names, self.lang)
        return local_name(term)

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
    return _in_language(found.labels, lang) if found is not None and found.labels else None


def _in_language(names: Mapping[str, str], lang: str) -> str:
    if lang in names:
        return names[lang]
    return names[min(names)]


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis.

    Examples
    --------
    >>> shorten("Kvalitet  i\\nsagsbehandlingen", 12)
    'Kvalitet i …'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


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


def gather(graph: Graph, lang: Language) -> Facts:
    """Read everything a report shows from `graph`.

    Parameters
    ----------
    graph : rdflib.Graph
        A goal graph, usually from :func:`goalgraph.load`.
    lang : {"da", "en"}
        The report's language.

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
    analysis = analyse(graph)
    organisations: Mapping[IdentifiedNode, Organisation] = analysis.graph.graph.get("organisations", {})
    statements = _statements(analysis, select(graph, "report-texts"))
    holders = {s.holder for s in statements.values() if s.holder is not None}
    plans = _plans(select(graph, "report-plans"))
    holders |= {p.holder for p in plans.values() if p.holder is not None}

    def name(organisation: IdentifiedNode) -> str:
        return _organisation_label(organisations, organisation, lang) or local_name(organisation)

    order = tuple(hierarchy_order(organisations, holders, name))
    return Facts(
        lang=lang,
        graph=graph,
        analysis=analysis,
        counts=stats(graph),
        statements=statements,
        plans=plans,
        organisations=organisations,
        order=order,
        rank={organisation: place for place, (organisation, _) in enumerate(order)},
        terms=_terms(select(graph, "report-vocabulary")),
        datasets=_datasets(select(graph, "report-datasets")),
    )


def _statements(analysis: Analysis, text_rows: Iterable[Row]) -> dict[Node, Statement]:
    texts: dict[Node, list[Text]] = {}
    for row in text_rows:
        value = row["value"]
        if isinstance(value, Literal):
            found = Text(str(value), _language(value), row["property"] == GG.translation)
            texts.setdefault(row["statement"], []).append(found)
    statements: dict[Node, Statement] = {}
    for node, data in analysis.graph.nodes(data=True):
        statements[node] = Statement(
            node=node,
            identifier=data.get("identifier"),
            type_iri=data["type_iri"],
            level=data.get("level"),
            holder=data.get("holder"),
            plan=data.get("plan"),
            texts=tuple(texts.get(node, ())),
        )
    return statements


def _text(value: Node | None, translated: bool) -> list[Text]:
    return [Text(str(value), _language(value), translated)] if isinstance(value, Literal) else []


def _plans(rows: Iterable[Row]) -> dict[Node, Plan]:
    titles: dict[IdentifiedNode, dict[Text, None]] = {}
    first: dict[IdentifiedNode, Row] = {}
    for row in rows:
        plan = row["plan"]
        first.setdefault(plan, row)
        found = titles.setdefault(plan, {})
        for text in _text(row["title"], False) + _text(row["translation"], True):
            found[text] = None
    return {
        plan: Plan(
            node=plan,
            holder=row["holder"] if isinstance(row["holder"], IdentifiedNode) else None,
            titles=tuple(titles[plan]),
            start=None if row["start"] is None else str(row["start"]),
            end=None if row["end"] is None else str(row["end"]),
            source=None if row["source"] is None else str(row["source"]),
        )
        for plan, row in first.items()
    }


def _terms(rows: Iterable[Row]) -> dict[Node, Term]:
    terms: dict[Node, Term] = {}
    for row in rows:
        node = row["term"]
        found = terms.get(node)
        if found is None:
            level, weight = row["level"], row["weight"]
            found = terms[node] = Term(
                node=node,
                group=str(row["group"]),
                level=None if level is None else int(level),
                weight=None if weight is None else float(weight),
                names={},
                definitions={},
            )
        for key, target in (("name", found.names), ("definition", found.definitions)):
            value = row[key]
            if isinstance(value, Literal):
                target.setdefault(_language(value), str(value))  # type: ignore[attr-defined]
    return terms


def _datasets(rows: Iterable[Row]) -> tuple[Dataset, ...]:
    found: dict[IdentifiedNode, tuple[dict[Text, None], dict[Text, None], dict[IdentifiedNode, dict[str, str]]]]
    found = {}
    for row in rows:
        titles, descriptions, agents = found.setdefault(row["dataset"], ({}, {}, {}))
        for text in _text(row["title"], False):
            titles[text] = None
        for text in _text(row["description"], False):
            descriptions[text] = None
        agent, name = row["agent"], row["agentName"]
        if isinstance(agent, IdentifiedNode):
            names = agents.setdefault(agent, {})
            if isinstance(name, Literal):
                names.setdefault(_language(name), str(name))
    return tuple(
        Dataset(node, tuple(titles), tuple(descriptions), agents)
        for node, (titles, descriptions, agents) in sorted(found.items(), key=lambda item: str(item[0]))
    )


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
        As in an alignment graph's ``organisations`` attribute.
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
