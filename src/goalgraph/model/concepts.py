"""The concepts of a goal graph, one frozen dataclass each, and the model that holds them.

Every node is an rdflib term (``node``), with its IRI as a string in ``iri``;
words are tuples of :class:`Text` (``texts``, ``names``, ``titles``,
``rationale``...), each with its language and whether it is the source's own
words or the dataset's translation. :func:`by_language`, :func:`in_language` and
:func:`choose_texts` pick from them the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from rdflib.term import IdentifiedNode, Node

from goalgraph.model.hierarchy import Hierarchy, top_of

__all__ = [
    "DEFAULT_WEIGHT",
    "TYPE_ORDER",
    "Agent",
    "Alignment",
    "Dataset",
    "GoalModel",
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
    "in_language",
    "local_name",
    "preferred_text",
    "texts_of",
]

#: The weight of an alignment with neither a strength nor a score (a stated link:
#: the source says so, without reservation).
DEFAULT_WEIGHT = 1.0

#: Within a level, statement classes in the order a strategy presents them (the ontology's order).
TYPE_ORDER = (
    "Mission",
    "Vision",
    "Purpose",
    "CoreTask",
    "Principle",
    "Value",
    "StrategicMarker",
    "Goal",
    "FocusPoint",
    "Objective",
    "Target",
    "Indicator",
)

# Accepted alignments come before suggestions when two link the same statements.
_KIND_RANK = {"stated": 0, "curated": 0, "suggested": 1, "rejected": 3}

_EMPTY: Mapping[Any, Any] = MappingProxyType({})


def local_name(iri: object) -> str:
    """The last segment of an IRI: ``gg:FocusPoint`` → ``"FocusPoint"``.

    Examples
    --------
    >>> local_name("https://w3id.org/goalgraph/ontology#FocusPoint")
    'FocusPoint'
    """
    return str(iri).split("#")[-1].split("/")[-1]


#################################################################
# Words
#################################################################


@dataclass(frozen=True, slots=True)
class Text:
    """One language-tagged text: a statement's words, a name, a title, a rationale.

    Attributes
    ----------
    value : str
    lang : str
        Its language tag, lower case; empty if it has none.
    translated : bool
        True for the dataset's translation (``gg:translation``), False for the
        source's own words (``gg:text``, ``dcterms:title``, a name).
    """

    value: str
    lang: str
    translated: bool = False


def _text_order(text: Text) -> tuple[bool, str, str]:
    return text.translated, text.lang, text.value


def texts_of(texts: Iterable[Text]) -> tuple[Text, ...]:
    """`texts` without repeats, in a stable order: own words first, then by language and value."""
    return tuple(sorted(set(texts), key=_text_order))


def by_language(texts: Iterable[Text]) -> dict[str, str]:
    """One text per language: the source's own words before a translation, then the smallest.

    Examples
    --------
    >>> by_language([Text("b", "da"), Text("a", "da", True), Text("c", "en", True), Text("a", "en", True)])
    {'da': 'b', 'en': 'a'}
    """
    found: dict[str, Text] = {}
    for text in texts:
        known = found.get(text.lang)
        if known is None or (text.translated, text.value) < (known.translated, known.value):
            found[text.lang] = text
    return {lang: found[lang].value for lang in sorted(found)}


def in_language(texts: Iterable[Text], lang: str) -> str | None:
    """The text in `lang` (own words first), else the one of the smallest language tag; None if none."""
    found = by_language(texts)
    if not found:
        return None
    return found[lang] if lang in found else found[min(found)]


def preferred_text(texts: Iterable[Text], lang: str = "en") -> str | None:
    """The text in `lang`, else the first by language and value: a rationale to show alone.

    Examples
    --------
    >>> preferred_text([Text("kun på dansk", "da")])
    'kun på dansk'
    """
    ordered = sorted(texts, key=lambda t: (t.lang != lang, t.lang, t.value))
    return ordered[0].value if ordered else None


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
    ordered = sorted(texts, key=_text_order)
    main = next((t for t in ordered if t.lang == lang), None) or (ordered[0] if ordered else None)
    if main is None:
        return None, None
    other = next((t for t in ordered if t.lang != main.lang), None)
    return main, other


#################################################################
# The concepts
#################################################################


class _Named:
    """``iri``: a node's IRI (or blank node id) as a string."""

    __slots__ = ()
    node: Node

    @property
    def iri(self) -> str:
        return str(self.node)


@dataclass(frozen=True, slots=True)
class Agent(_Named):
    """Who something is attributed to (``prov:wasAttributedTo``): an analyst, a program, an office."""

    node: IdentifiedNode
    names: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class Source(_Named):
    """Where a statement, plan or alignment comes from (``dcterms:source``).

    `node` is an IRI, or a literal where the data gives the source as text.
    """

    node: Node
    titles: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation(_Named):
    """An organisation (``org:Organization`` or a subclass) and its place among the others.

    Attributes
    ----------
    node : IdentifiedNode
    names : tuple of Text
        ``skos:prefLabel``, and ``foaf:name`` or ``rdfs:label`` in a language that
        has no preferred name.
    parents : frozenset of IdentifiedNode
        What it is a sub-organisation or unit of (``org:subOrganizationOf``,
        ``org:unitOf`` or their inverses), as the data says (see
        :attr:`GoalModel.hierarchy` for the hierarchy that is used).
    members : frozenset of IdentifiedNode
        Its members (``org:hasMember``), as an ``org:OrganizationalCollaboration`` has.
    collaboration : bool
        Typed ``org:OrganizationalCollaboration``, or with members: its statements are joint.
    """

    node: IdentifiedNode
    names: tuple[Text, ...] = ()
    parents: frozenset[IdentifiedNode] = frozenset()
    members: frozenset[IdentifiedNode] = frozenset()
    collaboration: bool = False


@dataclass(frozen=True, slots=True)
class Plan(_Named):
    """A plan (``gg:Plan`` or a subclass: a strategy, a target plan) that statements belong to.

    Attributes
    ----------
    node : IdentifiedNode
    holder : IdentifiedNode or None
    titles : tuple of Text
        ``dcterms:title`` (the source's words) and ``gg:translation``.
    start, end : str or None
        Its period, as the data writes the dates (``2019-01-01``).
    sources : tuple of Source
        Its ``dcterms:source``.
    identifier : str or None
        Its ``dcterms:identifier`` (a target plan's ``AM-2019``).
    """

    node: IdentifiedNode
    holder: IdentifiedNode | None = None
    titles: tuple[Text, ...] = ()
    start: str | None = None
    end: str | None = None
    sources: tuple[Source, ...] = ()
    identifier: str | None = None


@dataclass(frozen=True, slots=True)
class Statement(_Named):
    """A goal statement: a mission, vision, purpose, goal, target, indicator...

    Attributes
    ----------
    node : IdentifiedNode
    type : IdentifiedNode
        Its statement class (a subclass of ``gg:Statement``); of several, the one
        with the highest ``gg:level``.
    level : int or None
        The class's ``gg:level`` (0 for a mission or vision ... 5 for an indicator).
    identifier : str or None
        Its ``dcterms:identifier``.
    holder, plan : IdentifiedNode or None
        ``gg:holder`` and ``gg:inPlan``.
    texts : tuple of Text
        ``gg:text`` (the source's words) and ``gg:translation``, in every language.
    sources : tuple of Source
    names : tuple of Text
        A short name beside the text (``skos:prefLabel``), as a StratML goal's ``Name``.
    groups : tuple of IdentifiedNode
        The statement groups it is a member of.
    top : bool
        One of the top: the missions and visions of the highest organisations
        (see :mod:`goalgraph.model.hierarchy`).
    measures : tuple of IdentifiedNode
        What an indicator measures (``gg:measures``).
    stage : str or None
        Its value-chain stage (``gg:valueChainStage``'s local name: ``"output"``, ``"outcome"``...).
    weight : float or None
        A target's weight in its plan (``gg:targetWeight``), as the plan gives it.
    """

    node: IdentifiedNode
    type: IdentifiedNode
    level: int | None = None
    identifier: str | None = None
    holder: IdentifiedNode | None = None
    plan: IdentifiedNode | None = None
    texts: tuple[Text, ...] = ()
    sources: tuple[Source, ...] = ()
    names: tuple[Text, ...] = ()
    groups: tuple[IdentifiedNode, ...] = ()
    top: bool = False
    measures: tuple[IdentifiedNode, ...] = ()
    stage: str | None = None
    weight: float | None = None

    @property
    def type_name(self) -> str:
        """The local name of its class: ``"StrategicMarker"``."""
        return local_name(self.type)

    @property
    def labels(self) -> dict[str, str]:
        """Its words by language, the source's own before a translation (see :func:`by_language`)."""
        return by_language(self.texts)


@dataclass(frozen=True, slots=True)
class StatementGroup(_Named):
    """A statement group (``gg:StatementGroup``): the sentences of one mission or vision."""

    node: IdentifiedNode
    names: tuple[Text, ...] = ()
    holder: IdentifiedNode | None = None
    members: tuple[IdentifiedNode, ...] = ()


@dataclass(frozen=True, slots=True)
class Alignment(_Named):
    """A ``gg:Alignment``: `start` supports `end`, and where that is said.

    Attributes
    ----------
    node : IdentifiedNode
    start, end : IdentifiedNode or None
        ``gg:from`` (a statement, or a plan) and ``gg:to`` (a statement).
    kind : str
        The provenance, ``gg:kind``'s local name: ``"stated"`` (a source says so),
        ``"curated"`` (an analyst's reading), ``"suggested"`` (a program's
        proposal) or ``"rejected"`` (a suggestion an analyst turned down: never a
        link); empty if the data gives none (which ``goalgraph validate`` reports).
    strength : str or None
        ``"strong"``, ``"moderate"``, ``"weak"`` (``gg:strength``'s local name).
    weight : float
        The strength's ``gg:weight``; with no strength, a suggestion's score, else
        :data:`DEFAULT_WEIGHT`.
    score : float or None
        A suggestion's ``gg:score``.
    rationale, evidence : tuple of Text
        Why (``gg:rationale``) and the source's words that state it (``gg:evidence``).
    attributed_to : tuple of Agent
        Who asserted it (``prov:wasAttributedTo``).
    sources : tuple of Source
    matched_terms : tuple of str
        A suggestion's shared stems (``gg:matchedTerm``).
    polarity : str
        ``"supporting"`` (also when the data gives none) or ``"hindering"``
        (``gg:polarity``): a hindering alignment works against its end
        (:attr:`GoalModel.hindrances`).
    """

    node: IdentifiedNode
    start: IdentifiedNode | None
    end: IdentifiedNode | None
    kind: str
    strength: str | None = None
    weight: float = DEFAULT_WEIGHT
    score: float | None = None
    rationale: tuple[Text, ...] = ()
    evidence: tuple[Text, ...] = ()
    attributed_to: tuple[Agent, ...] = ()
    sources: tuple[Source, ...] = ()
    matched_terms: tuple[str, ...] = ()
    polarity: str = "supporting"

    @property
    def hindering(self) -> bool:
        """Works against its end (``gg:polarity gg:hindering``)."""
        return self.polarity == "hindering"

    @property
    def provenance(self) -> str:
        """Stated, curated or suggested: the same as :attr:`kind`."""
        return self.kind

    @property
    def accepted(self) -> bool:
        """Stated or curated: a link the analysis follows (a suggestion is not, until accepted)."""
        return self.kind in ("stated", "curated")

    def rank(self) -> tuple[int, float, str]:
        """Which of several alignments between two statements is the edge: the smallest rank."""
        return _KIND_RANK.get(self.kind, 2), -self.weight, str(self.node)


@dataclass(frozen=True, slots=True)
class PlanLink:
    """An alignment from a plan (or anything but a statement) to a statement.

    A plan is not a statement, so these links are not edges between statements;
    the bundled data says the prosecution service's 2019 strategy as a whole is
    grounded in the group's and the joint mission and vision.

    Attributes
    ----------
    alignment : Alignment
    plan_titles : tuple of Text
        The plan's titles, if the data describes it as a plan.
    """

    alignment: Alignment
    plan_titles: tuple[Text, ...] = ()

    @property
    def node(self) -> IdentifiedNode:
        return self.alignment.node

    @property
    def plan(self) -> IdentifiedNode:
        assert self.alignment.start is not None
        return self.alignment.start

    @property
    def statement(self) -> IdentifiedNode:
        assert self.alignment.end is not None
        return self.alignment.end

    @property
    def kind(self) -> str:
        return self.alignment.kind

    @property
    def strength(self) -> str | None:
        return self.alignment.strength

    @property
    def weight(self) -> float:
        return self.alignment.weight

    @property
    def plan_labels(self) -> dict[str, str]:
        """The plan's title and its translation, by language."""
        return by_language(self.plan_titles)

    def to_dict(self) -> dict[str, Any]:
        """The link as JSON-ready data, IRIs as strings."""
        return {
            "plan": str(self.plan),
            "plan_labels": self.plan_labels,
            "statement": str(self.statement),
            "kind": self.kind,
            "strength": self.strength,
            "weight": self.weight,
            "rationale": preferred_text(self.alignment.rationale),
            "alignment": str(self.node),
        }


@dataclass(frozen=True, slots=True)
class Term(_Named):
    """A term of the ontology's vocabulary: a statement class, an alignment kind or strength.

    Attributes
    ----------
    node : IdentifiedNode
    group : str
        ``"statement"``, ``"kind"`` or ``"strength"``.
    level : int or None
        A statement class's ``gg:level``.
    weight : float or None
        A strength's ``gg:weight``.
    names, definitions : tuple of Text
        ``rdfs:label`` (a class) or ``skos:prefLabel`` (a kind, a strength), and
        ``skos:definition``.
    """

    node: IdentifiedNode
    group: str
    level: int | None = None
    weight: float | None = None
    names: tuple[Text, ...] = ()
    definitions: tuple[Text, ...] = ()

    @property
    def name(self) -> str:
        """Its local name: ``"StrategicMarker"``, ``"curated"``, ``"strong"``."""
        return local_name(self.node)


@dataclass(frozen=True, slots=True)
class Dataset(_Named):
    """A dataset description (``dcat:Dataset``, ``void:Dataset``) and who made it."""

    node: IdentifiedNode
    titles: tuple[Text, ...] = ()
    descriptions: tuple[Text, ...] = ()
    agents: tuple[Agent, ...] = ()


@dataclass(frozen=True, slots=True)
class Indicator(_Named):
    """How an indicator (a ``gg:Indicator`` statement) is read: unit, direction, baseline, threshold.

    The indicator's words, holder and plan are its :class:`Statement` (same node).

    Attributes
    ----------
    node : IdentifiedNode
    measures : tuple of IdentifiedNode
        The statements it measures (``gg:measures``).
    unit : str or None
        ``gg:unit`` (``"Number"``, ``"%"``, ``"dage"``).
    direction : str
        ``"higher"`` (``gg:higherIsBetter``, also when the data gives none) or
        ``"lower"`` (``gg:lowerIsBetter``).
    baseline, threshold : float or None
        ``gg:baseline``; ``gg:threshold``, from which a missed target counts as partly met.
    kind : str or None
        ``"quantitative"`` or ``"qualitative"`` (``gg:indicatorType``).
    results : tuple of IdentifiedNode
        Its results (``gg:result``), keys of :attr:`GoalModel.results`, by period.
    """

    node: IdentifiedNode
    measures: tuple[IdentifiedNode, ...] = ()
    unit: str | None = None
    direction: str = "higher"
    baseline: float | None = None
    threshold: float | None = None
    kind: str | None = None
    results: tuple[IdentifiedNode, ...] = ()


@dataclass(frozen=True, slots=True)
class Result(_Named):
    """A result of an indicator for a period: a target set (``gg:TargetResult``) or a result reached.

    Attributes
    ----------
    node : IdentifiedNode
    indicator : IdentifiedNode or None
        The indicator whose result it is (``gg:result``).
    kind : str
        ``"target"`` or ``"actual"`` (``gg:ActualResult``).
    start, end : str or None
        The period (``gg:resultStart``, ``gg:resultEnd``) as the data writes the dates.
    value : float or None
        The figure (``rdf:value``) in the indicator's unit.
    descriptions : tuple of Text
        The result in words (``dcterms:description``), as a text value or beside the figure.
    descriptors : tuple of (Text, Text)
        StratML's rating: what is rated (``gg:descriptorName``) and the rating.
    verdict : str or None
        The holder's own reported verdict (``gg:verdict``): ``"met"``, ``"partly-met"``
        or ``"not-met"``.
    sources : tuple of Source
        Where the figure or verdict is published (``dcterms:source``).
    """

    node: IdentifiedNode
    indicator: IdentifiedNode | None = None
    kind: str = "actual"
    start: str | None = None
    end: str | None = None
    descriptors: tuple[tuple[Text, Text], ...] = ()
    value: float | None = None
    descriptions: tuple[Text, ...] = ()
    verdict: str | None = None
    sources: tuple[Source, ...] = ()


#################################################################
# The model
#################################################################


@dataclass(frozen=True, eq=False)
class GoalModel:
    """One goal graph, read once: organisations, plans, statements, alignments and terms.

    Every mapping is keyed by node. What is derived (the hierarchy, the top, the
    links from plans, the edges between statements) is computed on first use and
    kept. Two models are equal only if they are the same object (so a model can
    key a cache).

    Attributes
    ----------
    organisations, plans, statements, alignments, groups, terms, agents : Mapping
        By node; organisations, plans and groups by IRI, the rest in the order the
        store answers (the same for the same data).
    datasets : tuple of Dataset
    hindrances : Mapping of IdentifiedNode to Alignment
        The hindering alignments (``gg:polarity gg:hindering``), kept apart from
        :attr:`alignments` so that nothing counts them as support by mistake.
    indicators : Mapping of IdentifiedNode to Indicator
        How each indicator is read, by the indicator's node.
    results : Mapping of IdentifiedNode to Result
        The indicators' target and actual results.
    """

    organisations: Mapping[IdentifiedNode, Organisation] = field(default_factory=dict)
    plans: Mapping[IdentifiedNode, Plan] = field(default_factory=dict)
    statements: Mapping[IdentifiedNode, Statement] = field(default_factory=dict)
    alignments: Mapping[IdentifiedNode, Alignment] = field(default_factory=dict)
    groups: Mapping[IdentifiedNode, StatementGroup] = field(default_factory=dict)
    terms: Mapping[IdentifiedNode, Term] = field(default_factory=dict)
    agents: Mapping[IdentifiedNode, Agent] = field(default_factory=dict)
    datasets: tuple[Dataset, ...] = ()
    results: Mapping[IdentifiedNode, Result] = field(default_factory=lambda: _EMPTY)
    hindrances: Mapping[IdentifiedNode, Alignment] = field(default_factory=lambda: _EMPTY)
    indicators: Mapping[IdentifiedNode, Indicator] = field(default_factory=lambda: _EMPTY)

    def __repr__(self) -> str:
        return (
            f"<GoalModel: {len(self.organisations)} organisations, {len(self.plans)} plans, "
            f"{len(self.statements)} statements, {len(self.alignments)} alignments>"
        )

    # -- The organisation hierarchy and the top ------------------------------------

    @cached_property
    def hierarchy(self) -> Hierarchy:
        """The organisation hierarchy: parents, children, roots and depths."""
        return Hierarchy.of(self.organisations)

    @cached_property
    def top_organisations(self) -> frozenset[IdentifiedNode]:
        """The organisations whose missions and visions are the top."""
        return top_of(self.hierarchy, ((s.type, s.holder) for s in self.statements.values()))

    @cached_property
    def top(self) -> frozenset[IdentifiedNode]:
        """The top statements: the missions and visions of the top organisations."""
        return frozenset(node for node, statement in self.statements.items() if statement.top)

    # -- Alignments ------------------------------------------------------------------

    def edges(
        self, *, include_suggested: bool = False
    ) -> dict[tuple[IdentifiedNode, IdentifiedNode], tuple[Alignment, ...]]:
        """The alignments between two statements, by pair, the one that is the edge first.

        An alignment is an edge when both ends are statements and it has a kind;
        suggestions only with `include_suggested`, rejected suggestions never. Of several between the same two
        statements, the accepted one (stated or curated) comes before a suggestion,
        then the one of greatest weight, then the first by IRI.
        """
        statements = self.statements
        pairs: dict[tuple[IdentifiedNode, IdentifiedNode], list[Alignment]] = {}
        for alignment in self.alignments.values():
            start, end, kind = alignment.start, alignment.end, alignment.kind
            if start is None or end is None or not kind or end not in statements or start not in statements:
                continue
            if kind == "rejected" or (not include_suggested and kind not in ("stated", "curated")):
                continue
            pairs.setdefault((start, end), []).append(alignment)
        return {
            pair: (found[0],) if len(found) == 1 else tuple(sorted(found, key=Alignment.rank))
            for pair, found in pairs.items()
        }

    def hindering_edges(self) -> dict[tuple[IdentifiedNode, IdentifiedNode], tuple[Alignment, ...]]:
        """The stated or curated hindering alignments between two statements, by pair, strongest first."""
        statements = self.statements
        pairs: dict[tuple[IdentifiedNode, IdentifiedNode], list[Alignment]] = {}
        for alignment in self.hindrances.values():
            start, end = alignment.start, alignment.end
            if (
                start is not None
                and end is not None
                and start in statements
                and end in statements
                and alignment.accepted
            ):
                pairs.setdefault((start, end), []).append(alignment)
        return {pair: tuple(sorted(found, key=Alignment.rank)) for pair, found in pairs.items()}

    @cached_property
    def plan_links(self) -> tuple[PlanLink, ...]:
        """The alignments from something other than a statement (a plan) to a statement, by plan."""
        statements, plans = self.statements, self.plans
        links = []
        for alignment in self.alignments.values():
            start, end = alignment.start, alignment.end
            if start is None or end is None or alignment.kind in ("", "rejected") or end not in statements:
                continue
            if start not in statements:
                plan = plans.get(start)
                links.append(PlanLink(alignment, plan.titles if plan is not None else ()))
        links.sort(key=lambda link: (str(link.plan), str(link.statement), str(link.node)))
        return tuple(links)

    # -- The vocabulary ----------------------------------------------------------------

    @cached_property
    def statement_types(self) -> tuple[Term, ...]:
        """The statement classes, by level, then in the ontology's order (:data:`TYPE_ORDER`)."""

        def order(term: Term) -> tuple[bool, int, int, str]:
            name = term.name
            rank = TYPE_ORDER.index(name) if name in TYPE_ORDER else len(TYPE_ORDER)
            return term.level is None, term.level or 0, rank, name

        return tuple(sorted((t for t in self.terms.values() if t.group == "statement"), key=order))

    @cached_property
    def kinds(self) -> dict[str, Term]:
        """The alignment kinds by local name (``"curated"``)."""
        return {t.name: t for t in sorted(self.terms.values(), key=str) if t.group == "kind"}

    @cached_property
    def strengths(self) -> dict[str, Term]:
        """The alignment strengths by local name (``"strong"``)."""
        return {t.name: t for t in sorted(self.terms.values(), key=str) if t.group == "strength"}

    # -- Looking things up ---------------------------------------------------------------

    def words(self, node: Node | None) -> tuple[Text, ...]:
        """What a node says or is called: a statement's texts and names, a plan's titles, a name."""
        if node is None:
            return ()
        if not isinstance(node, IdentifiedNode):
            return ()
        statement = self.statements.get(node)
        if statement is not None:
            return statement.texts + statement.names
        plan = self.plans.get(node)
        if plan is not None:
            return plan.titles
        for named in (self.organisations, self.agents, self.groups, self.terms):
            found = named.get(node)
            if found is not None:
                return found.names
        return ()

    @cached_property
    def by_identifier(self) -> dict[str, IdentifiedNode]:
        """The statements by their ``dcterms:identifier`` (if two share one, the last by IRI)."""
        return {s.identifier: node for node, s in self.statements.items() if s.identifier is not None}
