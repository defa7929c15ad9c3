"""Read StratML (ISO 17469-1 Part 1 and the Part 2 PerformancePlanOrReport) into goalgraph's model.

``goalgraph import stratml FILE`` and ``--data FILE.xml`` use :func:`read_stratml`.
Elements are matched by local name within either StratML namespace
(``urn:ISO:std:iso:17469:tech:xsd:stratml_core``, Part 1, root ``StrategicPlan``;
``urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport``, Part 2, root
``PerformancePlanOrReport``) or none, prefixed or by default namespace, and in any
order: published documents do not always keep the schema's order.

The mapping (the export, :mod:`goalgraph.export.stratml`, is its inverse):

====================================  ===================================================
StratML                               goalgraph
====================================  ===================================================
root ``Name``                         the plan's ``dcterms:title``
root ``Type``                         ``Strategic_Plan`` (and Part 1): ``gg:Strategy``;
                                      ``Performance_Plan``: ``gg:TargetPlan``;
                                      ``Performance_Report``: ``gg:TargetPlan`` with
                                      ``dcterms:type stratmlpr:Performance_Report``
``Description`` / ``OtherInformation``  ``dcterms:description`` / ``skos:note`` (of the
                                      element they sit in)
``AdministrativeInformation``         ``StartDate``/``EndDate``: ``gg:periodStart``/
                                      ``gg:periodEnd``; ``PublicationDate``:
                                      ``dcterms:issued``; ``Source``: ``dcterms:source``
                                      of the plan and every node from the file (the
                                      file's ``file:`` URI when there is none)
``Organization`` (the first)          ``org:Organization``, the ``gg:holder`` of the
                                      plan and its statements: ``Name``:
                                      ``skos:prefLabel``, ``Acronym``: ``skos:altLabel``
``Vision``, ``Mission``               ``gg:Vision``, ``gg:Mission``: ``Description`` is
                                      the ``gg:text``
``Value``                             ``gg:Value``
``Goal``                              ``gg:Goal``
``Objective``                         ``gg:Objective`` that ``gg:supports`` its goal
                                      (a stated ``gg:Alignment``)
``PerformanceIndicator``              ``gg:Indicator`` that ``gg:measures`` its
                                      objective: ``MeasurementDimension`` is the
                                      ``gg:text``, ``UnitOfMeasurement`` ``gg:unit``;
                                      attribute ``ValueChainStage`` (``Input``,
                                      ``Input_Processing``, ``Output``,
                                      ``Output_Processing``, ``Outcome``):
                                      ``gg:valueChainStage`` (``gg:input``,
                                      ``gg:inputProcessing``...);
                                      ``PerformanceIndicatorType``
                                      (``Quantitative``, ``Qualitative``):
                                      ``gg:indicatorType``
``TargetResult``, ``ActualResult``    ``gg:TargetResult``, ``gg:ActualResult`` (via
                                      ``gg:result``): ``StartDate``/``EndDate``:
                                      ``gg:resultStart``/``gg:resultEnd``;
                                      ``NumberOfUnits``: ``rdf:value``; ``Descriptor``
                                      (the schema allows one): ``gg:descriptorName``,
                                      ``gg:descriptorValue``; ``Description``:
                                      ``dcterms:description``; and the document's
                                      ``dcterms:source``
``Relationship`` without              a stated ``gg:Alignment`` (and ``gg:supports``)
``RelationshipType``                  from the indicator to each ``ReferentIdentifier``
                                      that names a statement of the same document
``Relationship`` with                 a ``gg:Relationship`` (``gg:from`` the indicator,
``RelationshipType``                  ``gg:to`` the statement or plan the
(``Broader_Than``,                    ``ReferentIdentifier`` names,
``Narrower_Than``, ``Peer_To``)       ``gg:relationType`` ``gg:broaderThan``,
                                      ``gg:narrowerThan``, ``gg:peerOf``) and the plain
                                      triple (indicator ``gg:broaderThan`` statement)
a ``ReferentIdentifier`` that names   a ``gg:Relationship`` with ``gg:referent`` the
no statement or plan of the document  identifier as it is (and ``gg:relationType``
(an element of another document)      when typed); an untyped one to the plan is a
                                      ``gg:Relationship`` without type
``Identifier``, ``Name``,             of a relationship (on the alignment or
``Description`` of a                  relationship of its first referent, for the
``Relationship``                      identifier): ``gg:exchangeIdentifier``,
                                      ``skos:prefLabel``, ``gg:evidence``
``Stakeholder``, ``Role``             ``gg:Stakeholder`` (``foaf:Person``,
                                      ``foaf:Organization`` or ``foaf:Group`` by
                                      ``StakeholderTypeType``) via ``gg:stakeholder``;
                                      ``gg:role`` to a ``prov:Role``, ``RoleType``:
                                      ``dcterms:type stratml:Performer``/``Beneficiary``
``Name`` of a value, goal, objective  ``skos:prefLabel``
``SequenceIndicator``                 ``dcterms:identifier``
``Identifier``                        ``gg:exchangeIdentifier`` (written back as is)
====================================  ===================================================

A statement's ``gg:text`` is its ``Description``, or its ``Name`` when that is
empty (for an indicator, the ``MeasurementDimension``), or failing both its
``SequenceIndicator``, or its position (``1.2``): every statement has a text.
Empty elements (the blank ``Stakeholder`` and ``Value`` templates of the StratML
forms, a ``Relationship`` without a ``ReferentIdentifier``) are skipped. Not
carried: ``Submitter`` (personal contact details) and further ``Organization``
elements.

Texts carry the document's language: ``xml:lang`` on the root, else the
``<?goalgraph lang="da"?>`` instruction the export writes (the StratML schema has
no place for a language), else English.

IRIs: the organisation is ``{base}stratml/{organisation}``; the plan
``{base}stratml/{organisation}/{plan}`` (slugs of their names, :func:`goalgraph.slugs.slug`, at
most 60 characters); below the plan,
``goal/1``, ``objective/1.2``, ``indicator/1.2.1`` (positions in the document),
``mission``, ``vision``, ``value/3``; results ``…/target/1`` and ``…/actual/1``;
stakeholders ``…/stakeholder/1``; alignments ``alignment/objective-1.2--goal-1``;
relationships ``relationship/indicator-1.2.1--broader-than--goal-3`` (the type left
out when there is none; a referent in another document as ``referent-`` and its
identifier's slug, with a hash of it when the slug differs from it).

The file is parsed with defusedxml (no DTD, no entities, no external references)
and read one goal at a time, so memory and time grow linearly with its size.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, SKOS, XSD

from goalgraph.errors import DataError, display_path
from goalgraph.namespaces import GG
from goalgraph.progressbar import Progress
from goalgraph.slugs import slug

__all__ = [
    "INDICATOR_TYPES",
    "PART1",
    "PART2",
    "RELATIONSHIP_TYPES",
    "STAGES",
    "STRATML",
    "STRATMLPR",
    "derived_identifier",
    "read_stratml",
]

#: The namespace of StratML Part 1 (ISO 17469-1), root element ``StrategicPlan``.
PART1 = "urn:ISO:std:iso:17469:tech:xsd:stratml_core"
#: The namespace of StratML Part 2, root element ``PerformancePlanOrReport``.
PART2 = "urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport"
#: The ontology names StratML's concepts under their XML namespace (see ontology/goalgraph.ttl).
STRATML = PART1 + "#"
STRATMLPR = PART2 + "#"

_NAMESPACES = frozenset({PART1, PART2, ""})
_ROOTS = ("PerformancePlanOrReport", "StrategicPlan")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Where an element starts, kept on it while the document is read, for messages.
_LINE = "{urn:goalgraph:stratml}line"
_CHUNK = 1 << 16
# StratML's organisation and plan slugs have always been cut at 60 characters, not the
# 80 of goalgraph.slugs: kept, so that a file imported again gets the IRIs it had.
_SLUG_LIMIT = 60

_STAKEHOLDER_TYPES = {"Person": FOAF.Person, "Organization": FOAF.Organization, "Generic_Group": FOAF.Group}
_ROLE_TYPES = {"Performer": URIRef(STRATML + "Performer"), "Beneficiary": URIRef(STRATML + "Beneficiary")}
PERFORMANCE_REPORT = URIRef(STRATMLPR + "Performance_Report")
_PLAN_TYPES = {"Strategic_Plan": GG.Strategy, "Performance_Plan": GG.TargetPlan, "Performance_Report": GG.TargetPlan}
#: StratML's attribute values (Part 2 schema enumerations) and the ontology's concepts.
STAGES = {
    "Input": GG.input,
    "Input_Processing": GG.inputProcessing,
    "Output": GG.output,
    "Output_Processing": GG.outputProcessing,
    "Outcome": GG.outcome,
}
INDICATOR_TYPES = {"Quantitative": GG.quantitative, "Qualitative": GG.qualitative}
RELATIONSHIP_TYPES = {"Broader_Than": GG.broaderThan, "Narrower_Than": GG.narrowerThan, "Peer_To": GG.peerOf}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What the hash in the IRI of a relationship to another document's element is made under.
_REFERENTS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:goalgraph:stratml:referent")
_LANG = re.compile(r"""lang\s*=\s*["']([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)["']""")


def derived_identifier(node: URIRef | str) -> str:
    """The StratML Identifier the export gives `node` when it has none: ``_`` and the uuid5 of its IRI.

    Examples
    --------
    >>> derived_identifier("https://w3id.org/goalgraph/id/politiet")
    '_1b1011cb-b4fb-50cd-a644-673c8ca0d98b'
    """
    return f"_{uuid.uuid5(uuid.NAMESPACE_URL, str(node))}"


def local(element: Element) -> str:
    """The local name of `element`, or "" if it is in a namespace other than StratML's."""
    namespace, _, name = element.tag[1:].rpartition("}") if element.tag.startswith("{") else ("", "", element.tag)
    return name if namespace in _NAMESPACES else ""


def children(element: Element, name: str) -> Iterator[Element]:
    """The children of `element` called `name` (in a StratML namespace or none)."""
    return (child for child in element if local(child) == name)


def child(element: Element, name: str) -> Element | None:
    """The first child of `element` called `name`, or None."""
    return next(children(element, name), None)


def text_of(element: Element | None, name: str | None = None) -> str:
    """The text of `element` (or of its child `name`), white space normalised; "" if absent."""
    if element is not None and name is not None:
        element = child(element, name)
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def read_stratml(path: str | Path, *, base: str, progress: bool | None = None) -> Graph:
    """Read the StratML document `path` into a graph of the goalgraph ontology.

    Parameters
    ----------
    path : str or Path
        A StratML Part 1 (``StrategicPlan``) or Part 2 (``PerformancePlanOrReport``)
        document.
    base : str
        The base namespace the new IRIs are minted under (``{base}stratml/...``).
    progress : bool, optional
        Show a progress bar on standard error; by default when it is a terminal.

    Returns
    -------
    rdflib.Graph
        The plan, its organisation, statements, indicators and results, stakeholders
        and alignments (see the module's mapping table).

    Raises
    ------
    DataError
        If the file cannot be read, is not well-formed XML, declares a DTD or
        entities, is not StratML, lacks a required name, or holds a date or number
        that is not one; with the line where the parser or the element says.
    """
    path = Path(path)
    shown = display_path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as file, Progress(f"importing {shown}", size, enabled=progress) as bar:
            document = _Document(path, shown, base)
            parser = DefusedXMLParser(target=document, forbid_dtd=True, forbid_entities=True, forbid_external=True)
            document.parser = parser
            try:
                while chunk := file.read(_CHUNK):
                    parser.feed(chunk)
                    bar.advance(len(chunk))
                parser.close()
            except ParseError as error:
                line, column = error.position
                message = re.sub(r": line \d+, column \d+$", "", str(error))
                raise DataError(shown, f"not well-formed XML: {message}", line=line, column=column + 1) from None
            except DefusedXmlException as error:
                raise DataError(shown, _refusal(error), line=document.line()) from None
    except OSError as error:
        raise DataError(shown, error.strerror or str(error)) from None
    return document.finish()


def _refusal(error: DefusedXmlException) -> str:
    kind = type(error).__name__
    what = {
        "DTDForbidden": "a document type declaration (DTD)",
        "EntitiesForbidden": "an entity declaration",
        "ExternalReferenceForbidden": "a reference to an external resource",
    }.get(kind, "a construct goalgraph does not read")
    return f"refused: the file has {what}; StratML needs none, and goalgraph does not expand or fetch them"


@dataclass
class _Context:
    """What the statements of one document share."""

    plan: URIRef
    holder: URIRef
    lang: str


@dataclass(frozen=True)
class _Relationship:
    """One referent of a StratML Relationship, waiting for the end of the document."""

    indicator: URIRef
    referent: str
    #: The relationship's own Identifier: with its first referent only.
    identifier: str
    name: str
    description: str
    #: gg:broaderThan, gg:narrowerThan, gg:peerOf; None when the Relationship has no RelationshipType.
    type: URIRef | None


@dataclass
class _Document:
    """The parser's target: builds the element tree, one goal at a time, and maps it to RDF.

    Goals are mapped and dropped as soon as each ends, so a large document never
    stands in memory whole; what must wait for the end of the document (its
    dates and source, the referents of relationships) is kept as lists of IRIs.
    """

    path: Path
    shown: str
    base: str
    parser: DefusedXMLParser | None = None
    # rdflib's plain store: without contexts to keep, it adds and serialises triples faster.
    graph: Graph = field(default_factory=lambda: Graph(store="SimpleMemory"))
    builder: TreeBuilder = field(default_factory=TreeBuilder)
    stack: list[Element] = field(default_factory=list)
    instruction_lang: str | None = None
    context: _Context | None = None
    goals: int = 0
    #: Every node that gets the document's source at the end.
    sourced: list[URIRef] = field(default_factory=list)
    #: StratML Identifier → the node it names, for relationships.
    identified: dict[str, URIRef] = field(default_factory=dict)
    #: The relationships of indicators, to resolve at the end.
    relationships: list[_Relationship] = field(default_factory=list)
    root: Element | None = None

    # The parser's target interface ------------------------------------------------

    def start(self, tag: str, attributes: dict[str, str]) -> Element:
        attributes = dict(attributes)
        attributes[_LINE] = str(self.line() or 0)
        element = self.builder.start(tag, attributes)
        if not self.stack:
            self._check_root(element)
            self.root = element
        self.stack.append(element)
        return element

    def end(self, tag: str) -> Element:
        element = self.builder.end(tag)
        self.stack.pop()
        if local(element) == "Goal" and self.stack and local(self.stack[-1]) == "StrategicPlanCore":
            self._goal(element)
            self.stack[-1].remove(element)
        return element

    def data(self, text: str) -> None:
        self.builder.data(text)

    def pi(self, target: str, text: str) -> None:
        if target == "goalgraph" and (found := _LANG.search(text)):
            self.instruction_lang = found.group(1).lower()

    def close(self) -> Element:
        return self.builder.close()

    # Helpers ------------------------------------------------------------------------

    def line(self) -> int | None:
        parser = self.parser.parser if self.parser is not None else None
        return int(parser.CurrentLineNumber) if parser is not None else None

    def error(self, element: Element | None, message: str) -> DataError:
        line = int(element.get(_LINE, "0")) if element is not None else 0
        return DataError(self.shown, message, line=line or None)

    def _check_root(self, element: Element) -> None:
        namespace, _, name = element.tag[1:].rpartition("}") if element.tag.startswith("{") else ("", "", element.tag)
        if name not in _ROOTS or namespace not in _NAMESPACES:
            found = f"<{name}>" + (f" in namespace {namespace}" if namespace else "")
            raise self.error(
                element,
                f"not a StratML document: the root element is {found}; StratML's is <PerformancePlanOrReport> "
                f"({PART2}) or <StrategicPlan> ({PART1})",
            )

    def add(self, subject: URIRef, predicate: URIRef, value: URIRef | Literal) -> None:
        self.graph.add((subject, predicate, value))

    def literal(self, text: str) -> Literal:
        assert self.context is not None
        return Literal(text, lang=self.context.lang)

    def date(self, element: Element | None) -> Literal | None:
        """The date in `element` as an xsd:date; None if it is absent or empty."""
        value = text_of(element)
        if not value:
            return None
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            date.fromisoformat(value)
        except ValueError:
            name = local(element) if element is not None else "date"
            raise self.error(element, f"<{name}> {value!r} is not a date (StratML writes YYYY-MM-DD)") from None
        return Literal(value, datatype=XSD.date)

    # The plan and its organisation ------------------------------------------------------

    def _plan(self) -> _Context:
        """Map what precedes the goals: the plan, its organisation, vision, mission and values."""
        if self.context is not None:
            return self.context
        root = self.root
        assert root is not None
        title = text_of(root, "Name")
        if not title:
            raise self.error(child(root, "Name") or root, "the plan has no <Name>: StratML requires one, its title")
        core = child(root, "StrategicPlanCore")
        organisation = child(core, "Organization") if core is not None else None
        org_name = text_of(organisation, "Name") or text_of(organisation, "Acronym")
        if organisation is None or not org_name:
            raise self.error(
                organisation if organisation is not None else core if core is not None else root,
                "the plan names no <Organization> with a <Name>: goalgraph needs it as the holder of the statements",
            )
        lang = root.get(_XML_LANG) or self.instruction_lang or "en"
        holder = URIRef(f"{self.base}stratml/{slug(org_name, _SLUG_LIMIT) or 'organisation'}")
        plan = URIRef(f"{holder}/{slug(title, _SLUG_LIMIT) or 'plan'}")
        self.context = context = _Context(plan, holder, lang.lower())

        kind = root.get("Type", "Strategic_Plan") if local(root) == "PerformancePlanOrReport" else "Strategic_Plan"
        if kind not in _PLAN_TYPES:
            raise self.error(root, f"Type={kind!r} is not a StratML plan type ({', '.join(_PLAN_TYPES)})")
        self.add(plan, RDF.type, _PLAN_TYPES[kind])
        if kind == "Performance_Report":
            self.add(plan, DCTERMS.type, PERFORMANCE_REPORT)
        self.add(plan, DCTERMS.title, self.literal(title))
        self.add(plan, GG.holder, holder)
        self._described(plan, root)
        self.sourced.append(plan)

        self.add(holder, RDF.type, URIRef("http://www.w3.org/ns/org#Organization"))
        if name := text_of(organisation, "Name"):
            self.add(holder, SKOS.prefLabel, self.literal(name))
        if acronym := text_of(organisation, "Acronym"):
            self.add(holder, SKOS.altLabel if text_of(organisation, "Name") else SKOS.prefLabel, self.literal(acronym))
        self._identified(holder, organisation)
        if description := text_of(organisation, "Description"):
            self.add(holder, DCTERMS.description, self.literal(description))
        self._stakeholders(holder, organisation, f"{plan}/stakeholder")

        if core is not None:
            for name, kind_of in (("Vision", GG.Vision), ("Mission", GG.Mission)):
                found = child(core, name)
                if found is not None and (text := text_of(found, "Description")):
                    node = URIRef(f"{plan}/{name.lower()}")
                    self._statement(node, kind_of, text)
                    self._identified(node, found)
            position = 0
            for value in children(core, "Value"):
                name, description = text_of(value, "Name"), text_of(value, "Description")
                if name or description:
                    position += 1
                    node = URIRef(f"{plan}/value/{position}")
                    self._statement(node, GG.Value, description or name)
                    if name:
                        self.add(node, SKOS.prefLabel, self.literal(name))
        return context

    def _described(self, node: URIRef, element: Element) -> None:
        if description := text_of(element, "Description"):
            self.add(node, DCTERMS.description, self.literal(description))
        if note := text_of(element, "OtherInformation"):
            self.add(node, SKOS.note, self.literal(note))

    def _identified(self, node: URIRef, element: Element) -> None:
        identifier = text_of(element, "Identifier")
        # Identifiers are unique in a document: a repeated one is a slip and names its first element.
        if identifier and identifier not in self.identified:
            self.identified[identifier] = node
            # The one the export derives from this IRI needs no keeping: it will be derived again.
            if identifier != derived_identifier(node):
                self.add(node, GG.exchangeIdentifier, Literal(identifier))

    def _statement(self, node: URIRef, kind: URIRef, text: str) -> None:
        context = self.context
        assert context is not None
        self.add(node, RDF.type, kind)
        self.add(node, GG.text, self.literal(text))
        self.add(node, GG.holder, context.holder)
        self.add(node, GG.inPlan, context.plan)
        self.sourced.append(node)

    def _supports(
        self, source: URIRef, target: URIRef, name: str = "", evidence: str = "", identifier: str = ""
    ) -> None:
        """A stated alignment from `source` to `target`, with its plain gg:supports triple."""
        context = self.context
        assert context is not None
        alignment = URIRef(f"{context.plan}/alignment/{self._end(source)}--{self._end(target)}")
        self.add(source, GG.supports, target)
        self.add(alignment, RDF.type, GG.Alignment)
        self.add(alignment, GG["from"], source)
        self.add(alignment, GG.to, target)
        self.add(alignment, GG.kind, GG.stated)
        self.add(alignment, PROV.wasAttributedTo, context.holder)
        self._named(alignment, name, evidence, identifier)

    def _named(self, node: URIRef, name: str, evidence: str, identifier: str) -> None:
        """A StratML relationship's Name, Description and Identifier, and the document's source, on `node`."""
        if name:
            self.add(node, SKOS.prefLabel, self.literal(name))
        if evidence:
            self.add(node, GG.evidence, self.literal(evidence))
        if identifier and identifier != derived_identifier(node):
            self.add(node, GG.exchangeIdentifier, Literal(identifier))
        self.sourced.append(node)

    def _end(self, node: URIRef) -> str:
        """`node` as it appears in the IRI of a link: ``objective-1.2``, ``plan``."""
        context = self.context
        assert context is not None
        if node == context.plan:
            return "plan"
        return str(node).removeprefix(f"{context.plan}/").replace("/", "-")

    def _relationship(self, relationship: _Relationship, target: URIRef | None) -> None:
        """A gg:Relationship from the indicator to `target`, or to the referent of another document when None."""
        context = self.context
        assert context is not None
        source, kind = relationship.indicator, relationship.type
        if target is not None:
            other = self._end(target)
        else:
            # The identifier as it is where it is a slug already, else its slug and a hash, so none collide.
            referent = relationship.referent
            other = "referent-" + (
                slug(referent, _SLUG_LIMIT)
                if slug(referent, _SLUG_LIMIT) == referent
                else "-".join(filter(None, (slug(referent, _SLUG_LIMIT), uuid.uuid5(_REFERENTS, referent).hex[:8])))
            )
        typed = f"--{slug(kind.removeprefix(str(GG)).replace('Than', ' than').replace('Of', ' of'))}" if kind else ""
        node = URIRef(f"{context.plan}/relationship/{self._end(source)}{typed}--{other}")
        self.add(node, RDF.type, GG.Relationship)
        self.add(node, GG["from"], source)
        if target is not None:
            self.add(node, GG.to, target)
            if kind is not None:
                self.add(source, kind, target)
        else:
            self.add(node, GG.referent, Literal(relationship.referent))
        if kind is not None:
            self.add(node, GG.relationType, kind)
        self.add(node, PROV.wasAttributedTo, context.holder)
        self._named(node, relationship.name, relationship.description, relationship.identifier)

    def _stakeholders(self, subject: URIRef, element: Element | None, prefix: str) -> None:
        if element is None:
            return
        position = 0
        for stakeholder in children(element, "Stakeholder"):
            name, description = text_of(stakeholder, "Name"), text_of(stakeholder, "Description")
            roles = [
                (text_of(role, "Name"), text_of(role, "Description"), [text_of(t) for t in children(role, "RoleType")])
                for role in children(stakeholder, "Role")
            ]
            roles = [(n, d, [t for t in types if t]) for n, d, types in roles if n or d or any(types)]
            if not (name or description or roles):
                continue  # the blank template of the StratML forms
            position += 1
            node = URIRef(f"{prefix}/{position}")
            self.add(subject, GG.stakeholder, node)
            self.add(node, RDF.type, GG.Stakeholder)
            if kind := _STAKEHOLDER_TYPES.get(stakeholder.get("StakeholderTypeType", "")):
                self.add(node, RDF.type, kind)
            if name:
                self.add(node, SKOS.prefLabel, self.literal(name))
            if description:
                self.add(node, DCTERMS.description, self.literal(description))
            for number, (role_name, role_description, types) in enumerate(roles, 1):
                role = URIRef(f"{node}/role/{number}")
                self.add(node, GG.role, role)
                self.add(role, RDF.type, PROV.Role)
                if role_name:
                    self.add(role, SKOS.prefLabel, self.literal(role_name))
                if role_description:
                    self.add(role, DCTERMS.description, self.literal(role_description))
                for role_type in types:
                    if role_type not in _ROLE_TYPES:
                        raise self.error(stakeholder, f"<RoleType> {role_type!r} is not Performer or Beneficiary")
                    self.add(role, DCTERMS.type, _ROLE_TYPES[role_type])

    # Goals, objectives, indicators -------------------------------------------------------

    def _goal(self, element: Element) -> None:
        context = self._plan()
        self.goals += 1
        key = str(self.goals)
        goal = URIRef(f"{context.plan}/goal/{key}")
        self._element(goal, GG.Goal, element, key)
        for number, objective_element in enumerate(children(element, "Objective"), 1):
            objective_key = f"{key}.{number}"
            objective = URIRef(f"{context.plan}/objective/{objective_key}")
            self._element(objective, GG.Objective, objective_element, objective_key)
            self._supports(objective, goal)
            for indicator_number, indicator in enumerate(children(objective_element, "PerformanceIndicator"), 1):
                self._indicator(indicator, objective, f"{objective_key}.{indicator_number}")

    def _element(self, node: URIRef, kind: URIRef, element: Element, key: str) -> None:
        """A goal or objective: its text, name, sequence, notes, identifier and stakeholders."""
        name, description = text_of(element, "Name"), text_of(element, "Description")
        sequence = text_of(element, "SequenceIndicator")
        self._statement(node, kind, description or name or sequence or key)
        if name:
            self.add(node, SKOS.prefLabel, self.literal(name))
        if sequence:
            self.add(node, DCTERMS.identifier, Literal(sequence))
        if note := text_of(element, "OtherInformation"):
            self.add(node, SKOS.note, self.literal(note))
        self._identified(node, element)
        self._stakeholders(node, element, f"{node}/stakeholder")

    def _indicator(self, element: Element, objective: URIRef, key: str) -> None:
        context = self.context
        assert context is not None
        node = URIRef(f"{context.plan}/indicator/{key}")
        sequence = text_of(element, "SequenceIndicator")
        self._statement(node, GG.Indicator, text_of(element, "MeasurementDimension") or sequence or key)
        self.add(node, GG.measures, objective)
        if sequence:
            self.add(node, DCTERMS.identifier, Literal(sequence))
        if unit := text_of(element, "UnitOfMeasurement"):
            self.add(node, GG.unit, Literal(unit))
        if note := text_of(element, "OtherInformation"):
            self.add(node, SKOS.note, self.literal(note))
        for attribute, concepts, predicate in (
            ("ValueChainStage", STAGES, GG.valueChainStage),
            ("PerformanceIndicatorType", INDICATOR_TYPES, GG.indicatorType),
        ):
            if concept := self._attribute(element, attribute, concepts):
                self.add(node, predicate, concept)
        self._identified(node, element)
        for relationship in children(element, "Relationship"):
            # The relationship's own identifier goes with its first referent's alignment.
            own = text_of(relationship, "Identifier")
            relation = self._attribute(relationship, "RelationshipType", RELATIONSHIP_TYPES)
            for referent in children(relationship, "ReferentIdentifier"):
                if identifier := text_of(referent):
                    name, description = text_of(relationship, "Name"), text_of(relationship, "Description")
                    self.relationships.append(_Relationship(node, identifier, own, name, description, relation))
                    own = ""
        counts = {"TargetResult": 0, "ActualResult": 0}
        for instance in children(element, "MeasurementInstance"):
            for result in instance:
                kind = local(result)
                if kind in counts and self._has_content(result):
                    counts[kind] += 1
                    self._result(node, result, kind, counts[kind])

    def _attribute(self, element: Element, name: str, concepts: dict[str, URIRef]) -> URIRef | None:
        """The concept the attribute `name` of `element` names; None when it is absent or empty."""
        value = " ".join(element.get(name, "").split())
        if not value:
            return None
        if value not in concepts:
            allowed = ", ".join(concepts)
            raise self.error(element, f"{name}={value!r} is not one of StratML's values ({allowed})")
        return concepts[value]

    @staticmethod
    def _has_content(result: Element) -> bool:
        return any(text_of(result, name) for name in ("StartDate", "EndDate", "NumberOfUnits", "Description")) or any(
            text_of(descriptor, name)
            for descriptor in children(result, "Descriptor")
            for name in ("DescriptorName", "DescriptorValue")
        )

    def _result(self, indicator: URIRef, element: Element, kind: str, number: int) -> None:
        node = URIRef(f"{indicator}/{'target' if kind == 'TargetResult' else 'actual'}/{number}")
        self.add(indicator, GG.result, node)
        self.add(node, RDF.type, GG[kind])
        self.sourced.append(node)  # a figure needs its source (the shapes ask for it)
        start, end = self.date(child(element, "StartDate")), self.date(child(element, "EndDate"))
        if start is not None:
            self.add(node, GG.resultStart, start)
        if end is not None:
            self.add(node, GG.resultEnd, end)
        if units := text_of(element, "NumberOfUnits"):
            try:
                amount = Decimal(units)
                if not amount.is_finite():
                    raise InvalidOperation(units)
            except InvalidOperation:
                raise self.error(
                    child(element, "NumberOfUnits"), f"<NumberOfUnits> {units!r} is not a number"
                ) from None
            self.add(node, RDF.value, Literal(units, datatype=XSD.decimal))
        descriptor = child(element, "Descriptor")
        if descriptor_name := text_of(descriptor, "DescriptorName"):
            self.add(node, GG.descriptorName, self.literal(descriptor_name))
        if descriptor_value := text_of(descriptor, "DescriptorValue"):
            self.add(node, GG.descriptorValue, self.literal(descriptor_value))
        if description := text_of(element, "Description"):
            self.add(node, DCTERMS.description, self.literal(description))

    # The end of the document --------------------------------------------------------------

    def finish(self) -> Graph:
        """Map what comes after the goals (dates, source), resolve relationships, return the graph."""
        root = self.root
        if root is None:
            raise DataError(self.shown, "not well-formed XML: no element found")
        if child(root, "StrategicPlanCore") is None:
            raise self.error(root, "the plan has no <StrategicPlanCore>: StratML requires one, with its goals")
        context = self._plan()
        administrative = child(root, "AdministrativeInformation")
        source: URIRef = URIRef(self.path.resolve().as_uri())
        if administrative is not None:
            start, end = self.date(child(administrative, "StartDate")), self.date(child(administrative, "EndDate"))
            if start is not None:
                self.add(context.plan, GG.periodStart, start)
            if end is not None:
                self.add(context.plan, GG.periodEnd, end)
            if start is not None and end is not None and end < start:
                raise self.error(administrative, f"the plan ends ({end}) before it starts ({start})")
            issued = self.date(child(administrative, "PublicationDate"))
            if issued is not None:
                self.add(context.plan, DCTERMS.issued, issued)
            given = text_of(administrative, "Source")
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", given):
                source = URIRef(given)
            self._identified(context.plan, administrative)
        # A referent may come later in the document than its relationship, so they wait for the end.
        for relationship in self.relationships:
            target = self.identified.get(relationship.referent)
            if target is None or target in (relationship.indicator, context.holder):
                # Another document's element (or one that is no statement): kept as the identifier it gives.
                self._relationship(relationship, None)
            elif relationship.type is None and target != context.plan:
                self._supports(
                    relationship.indicator, target, relationship.name, relationship.description, relationship.identifier
                )
            else:
                self._relationship(relationship, target)
        for node in self.sourced:
            self.add(node, DCTERMS.source, source)
        self.graph.bind("gg", GG)
        return self.graph
