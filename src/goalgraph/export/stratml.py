"""Write one plan as a StratML Part 2 document (``goalgraph export --format stratml --plan PLAN``).

The document is a ``PerformancePlanOrReport`` in the namespace
``urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport`` that validates against the
Part 2 schema (``goalgraph/schemas/stratml/PerformancePlanOrReport.xsd``), with its
elements in the schema's order. :func:`goalgraph.importers.stratml.read_stratml`
reads it back to the same graph, for what StratML can carry; a second export of
that graph gives the same bytes.

The mapping (the import's table, in :mod:`goalgraph.importers.stratml`, is its
inverse):

=====================================================  ==========================================
goalgraph                                              StratML
=====================================================  ==========================================
the plan (``gg:Strategy``; ``gg:TargetPlan``)          ``PerformancePlanOrReport``, ``Type``
                                                       ``Strategic_Plan``; ``Performance_Plan``
                                                       (``Performance_Report`` with
                                                       ``dcterms:type stratmlpr:Performance_Report``)
``dcterms:title``, ``dcterms:description``,            ``Name``, ``Description``,
``skos:note``                                          ``OtherInformation``
``gg:periodStart``, ``gg:periodEnd``,                  ``AdministrativeInformation``: ``StartDate``,
``dcterms:issued``, ``dcterms:source``                 ``EndDate``, ``PublicationDate``, ``Source``
the plan's ``gg:holder``                               ``Organization``: ``Name``
                                                       (``skos:prefLabel``), ``Acronym``
                                                       (``skos:altLabel``), ``Description``,
                                                       ``Stakeholder``
the holder's ``gg:Vision`` and ``gg:Mission``          ``Vision``, ``Mission``: their texts,
statements (in this plan or in none)                   joined with a space, one element each
``gg:Value``, ``gg:Principle`` (in the plan; and       ``Value``
the holder's values in no plan)
``gg:Goal``, ``gg:StrategicMarker`` in the plan        ``Goal``
``gg:Objective``, ``gg:Target``, ``gg:FocusPoint``     ``Objective`` within the first goal it
in the plan                                            ``gg:supports``; one that supports none
                                                       is a ``Goal`` of its own
``gg:Indicator`` in the plan                           ``PerformanceIndicator`` within the
                                                       objective it ``gg:measures`` (or
                                                       supports): ``gg:text`` is the
                                                       ``MeasurementDimension``, ``gg:unit`` the
                                                       ``UnitOfMeasurement``
an indicator's ``gg:valueChainStage``,                 attributes ``ValueChainStage``,
``gg:indicatorType``                                   ``PerformanceIndicatorType``
``gg:TargetResult``, ``gg:ActualResult``               ``MeasurementInstance``: ``TargetResult``,
                                                       ``ActualResult``, with ``StartDate``,
                                                       ``EndDate`` (``gg:resultStart``,
                                                       ``gg:resultEnd``), ``NumberOfUnits``
                                                       (``rdf:value``), ``Descriptor``,
                                                       ``Description``
an indicator's stated or curated supporting            ``Relationship`` with ``ReferentIdentifier``
alignment to an element of the document
an indicator's ``gg:Relationship`` (``gg:from`` it)    ``Relationship`` with ``RelationshipType``
                                                       (where it has a ``gg:relationType``) and
                                                       ``ReferentIdentifier``: the identifier of
                                                       its ``gg:to``, or its ``gg:referent``
the ``gg:exchangeIdentifier``, ``skos:prefLabel``      ``Identifier``, ``Name``, ``Description``
and ``gg:evidence`` of those alignments and            of the ``Relationship``
relationships
``gg:text``, ``skos:prefLabel``,                       ``Description``, ``Name``,
``dcterms:identifier``, ``skos:note``                  ``SequenceIndicator``, ``OtherInformation``
``gg:stakeholder``                                     ``Stakeholder`` (with ``Role``)
``gg:exchangeIdentifier``; else ``_`` + uuid5 of the   ``Identifier``
IRI
=====================================================  ==========================================

Texts are those in the plan title's language; that language is written as
``<?goalgraph lang="da"?>`` when it is not English (the schema has no ``xml:lang``).
StratML cannot carry translations, alignments other than nesting and indicators'
relationships (kinds, strengths, rationales, links to other plans), hindering
alignments (``gg:hinders``; StratML has no negative relationship), relationships
from statements other than indicators or from plans (``prov:wasRevisionOf``, plain
``gg:broaderThan`` triples without a ``gg:Relationship``), the value-chain stage of
anything but an indicator, an indicator's ``gg:direction``, ``gg:baseline`` and
``gg:threshold``, a target's ``gg:targetWeight``, a result's reported
``gg:verdict``, a plan's own alignments, purposes and core tasks, or sources per
statement or result; they are left out.

Elements are ordered by their position where their IRI gives one (as imported
IRIs do: ``goal/3``, ``objective/3.2``), else by identifier (``FP1``, ``SM3``,
natural order) and IRI, so the same graph gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from goalgraph.errors import GoalgraphError
from goalgraph.importers.stratml import INDICATOR_TYPES, RELATIONSHIP_TYPES, STAGES, derived_identifier
from goalgraph.namespaces import GG, PREFIXES
from goalgraph.resolving import AmbiguousReferenceError, Candidate, UnknownReferenceError
from goalgraph.text import fold

__all__ = ["SCHEMA_LOCATION", "find_plan", "stratml"]

PART2 = "urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: Where published StratML documents say the Part 2 schema is.
SCHEMA_LOCATION = f"{PART2} http://stratml.us/references/PerformancePlanOrReport20160216.xsd"
_PERFORMANCE_REPORT = URIRef(PART2 + "#Performance_Report")
_STRATML = "urn:ISO:std:iso:17469:tech:xsd:stratml_core#"
_ROLE_TYPES: dict[Node, str] = {
    URIRef(_STRATML + "Performer"): "Performer",
    URIRef(_STRATML + "Beneficiary"): "Beneficiary",
}
_STAKEHOLDER_TYPES: dict[Node, str] = {
    URIRef("http://xmlns.com/foaf/0.1/Person"): "Person",
    URIRef("http://xmlns.com/foaf/0.1/Organization"): "Organization",
    URIRef("http://xmlns.com/foaf/0.1/Group"): "Generic_Group",
}
# The import's tables reversed: concept → StratML's attribute value.
_STAGE_NAMES: dict[Node, str] = {concept: name for name, concept in STAGES.items()}
_INDICATOR_TYPE_NAMES: dict[Node, str] = {concept: name for name, concept in INDICATOR_TYPES.items()}
_RELATIONSHIP_TYPE_NAMES: dict[Node, str] = {concept: name for name, concept in RELATIONSHIP_TYPES.items()}
_PLAN_CLASSES = (GG.Plan, GG.Strategy, GG.TargetPlan)
_GOALS = (GG.Goal, GG.StrategicMarker)
_OBJECTIVES = (GG.Objective, GG.Target, GG.FocusPoint)
_VALUES = (GG.Value, GG.Principle)
_POSITION = re.compile(r"/(?:goal|objective|indicator|value|target|actual|stakeholder|role)/(\d+(?:\.\d+)*)$")
_NCNAME = re.compile(r"[A-Za-z_][\w.\-]*")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def stratml(graph: Graph, *, plan: str | None = None) -> bytes:
    """Write `plan` of `graph` as a StratML Part 2 document.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`.
    plan : str, optional
        The plan: its IRI (also relative to the dataset's base), prefixed name or
        title (in any language, ignoring case and accents). Without it, the
        graph's only plan.

    Returns
    -------
    bytes
        The document, UTF-8.

    Raises
    ------
    GoalgraphError
        If `plan` names no plan or several, if it is left out and the graph holds
        several plans or none (the message lists them), or if the plan has no
        holder or nothing StratML can hold as a goal.

    Examples
    --------
    >>> import goalgraph
    >>> document = stratml(goalgraph.load(), plan="virksomhedsstrategi for 2019")
    >>> b"<Name>Anklagemyndighedens virksomhedsstrategi for 2019</Name>" in document
    True
    """
    return _Writer(graph, find_plan(graph, plan)).document()


def find_plan(graph: Graph, reference: str | None = None) -> URIRef:
    """The plan `reference` names (IRI, prefixed name or title); the only plan if it is None.

    Raises
    ------
    UnknownReferenceError
        If nothing matches, or the graph holds no plan.
    AmbiguousReferenceError
        If several plans match, or `reference` is None and there are several.
    """
    classes = set(_PLAN_CLASSES) | {c for c in graph.transitive_subjects(RDFS.subClassOf, GG.Plan)}
    plans = sorted({p for c in classes for p in graph.subjects(RDF.type, c) if isinstance(p, URIRef)})
    candidates = [Candidate(p, tuple(str(t) for t in _sorted_literals(graph, p, DCTERMS.title))) for p in plans]
    if not plans:
        raise UnknownReferenceError("the graph holds no plan (gg:Plan, gg:Strategy or gg:TargetPlan) to write")
    if reference is None:
        if len(plans) == 1:
            return plans[0]
        raise AmbiguousReferenceError(
            f"the graph holds {len(plans)} plans; choose one with --plan (its IRI, prefixed name or title):",
            candidates,
        )
    text = reference.strip()
    prefix, colon, rest = text.partition(":")
    namespaces = {**{p: str(n) for p, n in graph.namespaces()}, **PREFIXES}
    iris = {text.strip("<>")}
    base = getattr(graph, "base", None)  # a GoalDataset's: IRIs as the data files write them
    if isinstance(base, str):
        iris.add(base + text.strip("<>"))
    if colon and prefix in namespaces:
        iris.add(namespaces[prefix] + rest)
    for plan in plans:
        if str(plan) in iris:
            return plan
    wanted = fold(text)
    for matches in (
        [c for c in candidates if any(fold(name) == wanted for name in c.names)],
        [c for c in candidates if any(wanted in fold(name) for name in c.names)],
    ):
        if len(matches) == 1:
            return matches[0].node
        if matches:
            raise AmbiguousReferenceError(f"{reference!r} matches {len(matches)} plans; say which, by IRI:", matches)
    listed = "\n".join(f"  {c}" for c in candidates[:20])
    raise UnknownReferenceError(f"no plan matches {reference!r}; the plans are:\n{listed}")


def _sorted_literals(graph: Graph, node: Node, predicate: URIRef) -> list[Literal]:
    return sorted(
        {o for o in graph.objects(node, predicate) if isinstance(o, Literal)}, key=lambda o: (o.language or "", str(o))
    )


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts ``SM2`` before ``SM10``."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold()) for part in re.split(r"(\d+)", text) if part
    )


@dataclass
class _Goal:
    node: URIRef
    objectives: list[_Objective] = field(default_factory=list)


@dataclass
class _Objective:
    node: URIRef
    indicators: list[URIRef] = field(default_factory=list)


class _Writer:
    """Collects what the plan's document holds, gives each element its identifier, writes it."""

    def __init__(self, graph: Graph, plan: URIRef) -> None:
        self.graph = graph
        self.plan = plan
        holders = sorted(o for o in graph.objects(plan, GG.holder) if isinstance(o, URIRef))
        if not holders:
            raise GoalgraphError(f"<{plan}> has no holder (gg:holder): StratML needs the plan's organisation")
        self.holder = holders[0]
        titles = _sorted_literals(graph, plan, DCTERMS.title)
        self.lang = next((t.language for t in titles if t.language), "en").lower()
        self.ids: dict[URIRef, str] = {}
        self.used: set[str] = set()

    # Reading the graph -----------------------------------------------------------------

    def refs(self, node: URIRef, predicate: URIRef) -> list[URIRef]:
        """The IRIs `node` points at with `predicate`."""
        return [o for o in self.graph.objects(node, predicate) if isinstance(o, URIRef)]

    def types(self, node: URIRef) -> set[Node]:
        return set(self.graph.objects(node, RDF.type))

    def order(self, nodes: Iterable[URIRef]) -> list[URIRef]:
        def key(node: URIRef) -> tuple[int, tuple[object, ...], tuple[object, ...]]:
            position = _POSITION.search(str(node))
            if position is not None:
                return 0, tuple(int(n) for n in position.group(1).split(".")), _natural(str(node))
            identifier = self.graph.value(node, DCTERMS.identifier)
            return 1, _natural(str(identifier or "")), _natural(str(node))

        return sorted(set(nodes), key=key)

    def text(self, node: Node, predicate: URIRef, *, any_language: bool = False) -> str:
        """The literal of `predicate` in the document's language; with `any_language`, else any."""
        literals = _sorted_literals(self.graph, node, predicate)
        chosen = [o for o in literals if (o.language or self.lang).lower() == self.lang]
        if not chosen and any_language:
            chosen = literals
        return str(chosen[0]) if chosen else ""

    def plain(self, node: Node, predicate: URIRef) -> str:
        values = sorted(str(o) for o in self.graph.objects(node, predicate) if isinstance(o, Literal))
        return values[0] if values else ""

    def identifier(self, node: URIRef) -> str:
        """The node's StratML Identifier: the one it was imported with, else one derived from its IRI."""
        if node not in self.ids:
            kept = [str(o) for o in self.graph.objects(node, GG.exchangeIdentifier) if isinstance(o, Literal)]
            chosen = next((k for k in sorted(kept) if _NCNAME.fullmatch(k) and k not in self.used), None)
            self.ids[node] = chosen or derived_identifier(node)
            self.used.add(self.ids[node])
        return self.ids[node]

    def in_plan(self, classes: tuple[URIRef, ...]) -> list[URIRef]:
        return [
            s
            for s in set(self.graph.subjects(GG.inPlan, self.plan))
            if isinstance(s, URIRef) and self.types(s) & set(classes)
        ]

    def of_holder(self, cls: URIRef) -> list[URIRef]:
        """The holder's statements of `cls` that are in this plan or in none."""
        return self.order(
            s
            for s in set(self.graph.subjects(RDF.type, cls))
            if isinstance(s, URIRef)
            and (s, GG.holder, self.holder) in self.graph
            and set(self.graph.objects(s, GG.inPlan)) <= {self.plan}
        )

    def structure(self) -> list[_Goal]:
        """The plan's goals with their objectives and indicators, in document order."""
        goal_nodes = set(self.in_plan(_GOALS))
        goals: dict[URIRef, _Goal] = {}
        objectives: dict[URIRef, _Objective] = {}
        loose: list[URIRef] = []
        for node in self.order(n for n in self.in_plan(_OBJECTIVES) if n not in goal_nodes):
            parents = self.order(p for p in self.refs(node, GG.supports) if p in goal_nodes)
            if parents:
                objectives[node] = _Objective(node)
                goals.setdefault(parents[0], _Goal(parents[0])).objectives.append(objectives[node])
            else:
                loose.append(node)  # StratML nests objectives in goals: one that supports none is a goal
        for node in self.order([*goal_nodes, *loose]):
            goals.setdefault(node, _Goal(node))
        for indicator in self.order(self.in_plan((GG.Indicator,))):
            parents = self.order(p for p in self.refs(indicator, GG.measures) if p in objectives) or self.order(
                p for p in self.refs(indicator, GG.supports) if p in objectives
            )
            if parents:
                objectives[parents[0]].indicators.append(indicator)
        return [goals[node] for node in self.order(goals)]

    # Writing -----------------------------------------------------------------------------

    def document(self) -> bytes:
        goals = self.structure()
        if not goals:
            raise GoalgraphError(
                f"<{self.plan}> holds no goal, strategic marker, focus point or objective (gg:inPlan): "
                "a StratML document needs at least one Goal"
            )
        missions, visions = self.of_holder(GG.Mission), self.of_holder(GG.Vision)
        # Identifiers first, in document order, so a relationship can name an element written after it.
        self.identifier(self.holder)
        for group in (visions, missions):
            if group:
                self.identifier(group[0])
        for goal in goals:
            self.identifier(goal.node)
            for objective in goal.objectives:
                self.identifier(objective.node)
                for indicator in objective.indicators:
                    self.identifier(indicator)
        self.identifier(self.plan)

        root = ET.Element(_tag("PerformancePlanOrReport"))
        root.set("xmlns", PART2)
        root.set(f"{{{_XSI}}}schemaLocation", SCHEMA_LOCATION)
        root.set("Type", self.plan_type())
        _leaf(root, "Name", self.text(self.plan, DCTERMS.title, any_language=True))
        _leaf(root, "Description", self.text(self.plan, DCTERMS.description), optional=True)
        _leaf(root, "OtherInformation", self.text(self.plan, SKOS.note), optional=True)
        core = ET.SubElement(root, _tag("StrategicPlanCore"))
        self.organisation(core)
        for name, group in (("Vision", visions), ("Mission", missions)):
            if group:
                element = ET.SubElement(core, _tag(name))
                _leaf(element, "Description", " ".join(self.text(s, GG.text, any_language=True) for s in group))
                _leaf(element, "Identifier", self.identifier(group[0]))
        values = self.order([*self.in_plan(_VALUES), *self.of_holder(GG.Value)])
        for value in values:
            element = ET.SubElement(core, _tag("Value"))
            _leaf(element, "Name", self.text(value, SKOS.prefLabel), optional=True)
            _leaf(element, "Description", self.text(value, GG.text, any_language=True), optional=True)
        for goal in goals:
            self.goal(core, goal)
        self.administrative(root)

        ET.indent(root, space="  ")
        body = ET.tostring(root, encoding="unicode")
        instruction = f'<?goalgraph lang="{self.lang}"?>\n' if self.lang != "en" else ""
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{instruction}{body}\n'.encode()

    def plan_type(self) -> str:
        if (self.plan, DCTERMS.type, _PERFORMANCE_REPORT) in self.graph:
            return "Performance_Report"
        types = self.types(self.plan)
        return "Performance_Plan" if GG.TargetPlan in types and GG.Strategy not in types else "Strategic_Plan"

    def organisation(self, core: ET.Element) -> None:
        element = ET.SubElement(core, _tag("Organization"))
        _leaf(element, "Name", self.text(self.holder, SKOS.prefLabel, any_language=True))
        _leaf(element, "Acronym", self.text(self.holder, SKOS.altLabel), optional=True)
        _leaf(element, "Identifier", self.identifier(self.holder))
        _leaf(element, "Description", self.text(self.holder, DCTERMS.description), optional=True)
        self.stakeholders(element, self.holder)

    def stakeholders(self, parent: ET.Element, node: URIRef) -> None:
        for stakeholder in self.order(s for s in self.graph.objects(node, GG.stakeholder) if isinstance(s, URIRef)):
            element = ET.SubElement(parent, _tag("Stakeholder"))
            kinds = sorted(_STAKEHOLDER_TYPES[t] for t in self.types(stakeholder) if t in _STAKEHOLDER_TYPES)
            if kinds:
                element.set("StakeholderTypeType", kinds[0])
            _leaf(element, "Name", self.text(stakeholder, SKOS.prefLabel))
            _leaf(element, "Description", self.text(stakeholder, DCTERMS.description), optional=True)
            for role in self.order(r for r in self.graph.objects(stakeholder, GG.role) if isinstance(r, URIRef)):
                role_element = ET.SubElement(element, _tag("Role"))
                _leaf(role_element, "Name", self.text(role, SKOS.prefLabel))
                _leaf(role_element, "Description", self.text(role, DCTERMS.description), optional=True)
                for role_type in sorted(
                    _ROLE_TYPES[t] for t in self.graph.objects(role, DCTERMS.type) if t in _ROLE_TYPES
                )[:2]:
                    _leaf(role_element, "RoleType", role_type)

    def statement(self, element: ET.Element, node: URIRef, *, name_required: bool) -> None:
        """Name, Description, Identifier, SequenceIndicator, Stakeholder, OtherInformation."""
        _leaf(element, "Name", self.text(node, SKOS.prefLabel), optional=not name_required)
        _leaf(element, "Description", self.text(node, GG.text, any_language=True))
        _leaf(element, "Identifier", self.identifier(node))
        _leaf(element, "SequenceIndicator", self.plain(node, DCTERMS.identifier), optional=True)
        self.stakeholders(element, node)
        _leaf(element, "OtherInformation", self.text(node, SKOS.note), optional=True)

    def goal(self, core: ET.Element, goal: _Goal) -> None:
        element = ET.SubElement(core, _tag("Goal"))
        self.statement(element, goal.node, name_required=True)
        for objective in goal.objectives:
            objective_element = ET.SubElement(element, _tag("Objective"))
            self.statement(objective_element, objective.node, name_required=False)
            for indicator in objective.indicators:
                self.indicator(objective_element, indicator)

    def indicator(self, parent: ET.Element, node: URIRef) -> None:
        element = ET.SubElement(parent, _tag("PerformanceIndicator"))
        for attribute, predicate, names in (
            ("ValueChainStage", GG.valueChainStage, _STAGE_NAMES),
            ("PerformanceIndicatorType", GG.indicatorType, _INDICATOR_TYPE_NAMES),
        ):
            found = sorted(names[o] for o in self.graph.objects(node, predicate) if o in names)
            if found:
                element.set(attribute, found[0])
        _leaf(element, "SequenceIndicator", self.plain(node, DCTERMS.identifier), optional=True)
        _leaf(element, "MeasurementDimension", self.text(node, GG.text, any_language=True))
        _leaf(element, "UnitOfMeasurement", self.plain(node, GG.unit))
        _leaf(element, "Identifier", self.identifier(node))
        targets = self.refs(node, GG.supports)
        for target in self.order(t for t in targets if t in self.ids and t not in (node, self.holder, self.plan)):
            alignment = self.alignment(node, target)
            self.relationship(element, alignment or URIRef(f"{node}--{target}"), self.ids[target], named=alignment)
        for link in self.relationships(node):
            type_names = sorted(_RELATIONSHIP_TYPE_NAMES[t] for t in self.refs(link, GG.relationType))
            relationship = self.relationship(element, link, self.referent(link), named=link)
            if type_names:
                relationship.set("RelationshipType", type_names[0])
        results = [r for r in self.graph.objects(node, GG.result) if isinstance(r, URIRef)]
        aimed = self.order(r for r in results if GG.TargetResult in self.types(r))
        achieved = self.order(r for r in results if GG.ActualResult in self.types(r) and r not in aimed)
        if aimed or achieved:
            instance = ET.SubElement(element, _tag("MeasurementInstance"))
            for kind, group in (("TargetResult", aimed), ("ActualResult", achieved)):
                for result in group:
                    self.result(ET.SubElement(instance, _tag(kind)), result)
        _leaf(element, "OtherInformation", self.text(node, SKOS.note), optional=True)

    def relationship(self, parent: ET.Element, node: URIRef, referent: str, *, named: URIRef | None) -> ET.Element:
        """A ``Relationship`` to `referent`: Identifier of `node`, and the Name and Description of `named`."""
        element = ET.SubElement(parent, _tag("Relationship"))
        _leaf(element, "Identifier", self.identifier(node))
        _leaf(element, "ReferentIdentifier", referent)
        if named is not None:
            _leaf(element, "Name", self.text(named, SKOS.prefLabel), optional=True)
            _leaf(element, "Description", self.text(named, GG.evidence), optional=True)
        return element

    def relationships(self, indicator: URIRef) -> list[URIRef]:
        """The gg:Relationship nodes from `indicator` that say where their other end is."""
        return sorted(
            link
            for link in self.graph.subjects(GG["from"], indicator)
            if isinstance(link, URIRef) and GG.Relationship in self.types(link) and self.referent(link)
        )

    def referent(self, link: URIRef) -> str:
        """A relationship's ReferentIdentifier: the Identifier of its end (here or elsewhere), or its referent."""
        ends = sorted(self.refs(link, GG.to))
        if ends and ends[0] in self.ids:
            return self.ids[ends[0]]
        if ends:  # in another document: the identifier it has, or will have, there
            kept = sorted(str(o) for o in self.graph.objects(ends[0], GG.exchangeIdentifier) if isinstance(o, Literal))
            return kept[0] if kept else derived_identifier(ends[0])
        return self.plain(link, GG.referent)

    def alignment(self, source: URIRef, target: URIRef) -> URIRef | None:
        found = sorted(
            a
            for a in self.graph.subjects(GG["from"], source)
            if isinstance(a, URIRef)
            and (a, GG.to, target) in self.graph
            and (a, GG.kind, GG.suggested) not in self.graph
            # A typed relationship or a hindering alignment between the same ends is written on its own, or not.
            and (a, RDF.type, GG.Relationship) not in self.graph
            and (a, GG.polarity, GG.hindering) not in self.graph
        )
        return found[0] if found else None

    def result(self, element: ET.Element, node: URIRef) -> None:
        _leaf(element, "StartDate", self.plain(node, GG.resultStart), optional=True)
        _leaf(element, "EndDate", self.plain(node, GG.resultEnd), optional=True)
        _leaf(element, "NumberOfUnits", self.plain(node, RDF.value), optional=True)
        name, value = self.text(node, GG.descriptorName), self.text(node, GG.descriptorValue)
        if name or value:
            descriptor = ET.SubElement(element, _tag("Descriptor"))
            _leaf(descriptor, "DescriptorName", name, optional=True)
            _leaf(descriptor, "DescriptorValue", value, optional=True)
        _leaf(element, "Description", self.text(node, DCTERMS.description), optional=True)

    def administrative(self, root: ET.Element) -> None:
        element = ET.SubElement(root, _tag("AdministrativeInformation"))
        _leaf(element, "Identifier", self.identifier(self.plan))
        _leaf(element, "StartDate", self.plain(self.plan, GG.periodStart), optional=True)
        _leaf(element, "EndDate", self.plain(self.plan, GG.periodEnd), optional=True)
        _leaf(element, "PublicationDate", self.plain(self.plan, DCTERMS.issued), optional=True)
        sources = sorted(str(s) for s in self.graph.objects(self.plan, DCTERMS.source) if isinstance(s, URIRef))
        _leaf(element, "Source", sources[0] if sources else "", optional=True)


def _tag(name: str) -> str:
    # Unqualified, under the root's default namespace declaration: ElementTree's
    # default_namespace option refuses unqualified attributes such as Type.
    return name


def _leaf(parent: ET.Element, name: str, text: str, *, optional: bool = False) -> None:
    """A child element holding `text`; left out when `optional` and `text` is empty."""
    if optional and not text:
        return
    ET.SubElement(parent, _tag(name)).text = _NOT_XML.sub("", text)
