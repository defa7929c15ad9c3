"""ArchiMate: the motivation elements of an Open Group exchange file, as goalgraph statements.

Reads the ArchiMate Model Exchange File Format, 3.x (namespace
``http://www.opengroup.org/xsd/archimate/3.0/``, names in ``<name xml:lang>``) and
2.1 (``http://www.opengroup.org/xsd/archimate``, names in ``<label>``), and keeps
what goalgraph models: the motivation elements and the relationships between them.
Elements of the other layers (business, application, technology, physical,
strategy, implementation and migration, and the composites and junctions) are
skipped, and so is every relationship with an end among them; the
:class:`ArchiMateSummary` counts what was skipped and ``goalgraph import archimate``
prints it.

==================  ==========================================================
ArchiMate           goalgraph
==================  ==========================================================
Goal                ``gg:Goal``
Outcome             ``gg:Objective``
Principle           ``gg:Principle``
Value               ``gg:Value``
Meaning             ``gg:Value`` (goalgraph has no class for interpretations)
Requirement         ``gg:Requirement``
Constraint          ``gg:Requirement`` (ArchiMate: a kind of requirement)
Driver              ``gg:Purpose`` (the ontology's mapping: why goals are set)
Assessment          ``gg:Indicator`` (the ontology's mapping: a finding, measured)
Stakeholder         ``org:Organization``, a holder
Influence +, ++, 1–10  a stated ``gg:Alignment`` and ``gg:supports``, source to
                    target; strength ``++`` and 7–10 strong, ``+`` and 4–6
                    moderate, 1–3 weak
Influence -, --,    a stated hindering ``gg:Alignment`` (``gg:polarity
−1…−10              gg:hindering``) and ``gg:hinders``, source to target;
                    strength ``--`` and −7…−10 strong, ``-`` and −4…−6
                    moderate, −1…−3 weak
Influence 0         skipped and counted as a "neutral influence": it says the
                    source has no effect on the target, which is no alignment
                    (writing one, of either polarity, would claim an effect)
Realization         a stated alignment, source (the means) to target
Aggregation,        a stated alignment from the part (target) to the whole
Composition         (source); between two stakeholders, ``org:subOrganizationOf``
Association         a ``gg:suggested`` alignment for an analyst to review (it says
                    that two elements relate, not that one supports the other);
                    between a stakeholder and a statement, the holder
==================  ==========================================================

Every statement keeps its ArchiMate type in ``dcterms:type`` (``archimate:Constraint``),
its names as ``gg:text`` in their ``xml:lang`` and its documentation as
``dcterms:description``. A statement associated with exactly one stakeholder is
held by it; every other statement is held by an ``org:Organization`` named after the
model, at ``{base}archimate/{model}``. Statements, stakeholders and alignments get
IRIs ``{base}archimate/{model}/{identifier}``; ``dcterms:source`` is the file.

Properties that goalgraph's own ArchiMate export writes (``iri``, ``type``,
``text languages``, ``identifier``, ``source``, ``kind``, ``strength``, ``rationale``,
``evidence``, ``attributed to``, ``score``, ``polarity``) take precedence over the
defaults above (an explicit ``strength`` over the modifier's, ``polarity`` over its sign),
so an exported goal graph comes back with the same IRIs, types, texts, translations
and alignments, even after a round through Archi.

The file is parsed with defusedxml as a stream: a DTD (and so entity expansion and
external entities) is refused, and a file of any size is read in one pass.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatLocator
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl

from defusedxml import DefusedXmlException
from defusedxml.expatreader import create_parser
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS, XSD

from goalgraph.errors import DataError, display_path
from goalgraph.memory import paused_gc
from goalgraph.namespaces import GG, PREFIXES
from goalgraph.slugs import slug

__all__ = [
    "ARCHIMATE",
    "LAYERS",
    "MOTIVATION_TYPES",
    "NAMESPACE_2_1",
    "NAMESPACE_3",
    "ArchiMateGraph",
    "ArchiMateSummary",
    "read_archimate",
]

NAMESPACE_3 = "http://www.opengroup.org/xsd/archimate/3.0/"
NAMESPACE_2_1 = "http://www.opengroup.org/xsd/archimate"
#: The namespace the ontology names ArchiMate's concepts under (``archimate:Goal``).
ARCHIMATE = NAMESPACE_3
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XML = "http://www.w3.org/XML/1998/namespace"

#: The motivation elements that become statements, and their goalgraph class.
MOTIVATION_TYPES: Mapping[str, URIRef] = {
    "Goal": GG.Goal,
    "Outcome": GG.Objective,
    "Principle": GG.Principle,
    "Value": GG.Value,
    "Meaning": GG.Value,
    "Requirement": GG.Requirement,
    "Constraint": GG.Requirement,
    "Driver": GG.Purpose,
    "Assessment": GG.Indicator,
}
_STAKEHOLDER = "Stakeholder"

# The element types of each other layer (2.1's names too).
_LAYER_TYPES = {
    "Business": (
        "BusinessActor",
        "BusinessRole",
        "BusinessCollaboration",
        "BusinessInterface",
        "BusinessProcess",
        "BusinessFunction",
        "BusinessInteraction",
        "BusinessEvent",
        "BusinessService",
        "BusinessObject",
        "Contract",
        "Representation",
        "Product",
    ),
    "Application": (
        "ApplicationComponent",
        "ApplicationCollaboration",
        "ApplicationInterface",
        "ApplicationFunction",
        "ApplicationInteraction",
        "ApplicationProcess",
        "ApplicationEvent",
        "ApplicationService",
        "DataObject",
    ),
    "Technology": (
        "Node",
        "Device",
        "SystemSoftware",
        "TechnologyCollaboration",
        "TechnologyInterface",
        "Path",
        "CommunicationNetwork",
        "TechnologyFunction",
        "TechnologyProcess",
        "TechnologyInteraction",
        "TechnologyEvent",
        "TechnologyService",
        "Artifact",
        "InfrastructureInterface",
        "InfrastructureFunction",
        "InfrastructureService",
        "Network",
        "CommunicationPath",
    ),
    "Physical": (
        "Equipment",
        "Facility",
        "DistributionNetwork",
        "Material",
    ),
    "Strategy": (
        "Resource",
        "Capability",
        "ValueStream",
        "CourseOfAction",
    ),
    "Implementation and migration": (
        "WorkPackage",
        "Deliverable",
        "ImplementationEvent",
        "Plateau",
        "Gap",
    ),
}
#: The layer of every other element type (2.1's names too), for the skip count.
LAYERS: Mapping[str, str] = {name: layer for layer, names in _LAYER_TYPES.items() for name in names}
_OTHER_LAYER = "Other"  # composites (Grouping, Location), junctions, and types goalgraph does not know

# 2.1's relationship names, as 3.x names them.
_RELATIONSHIP_NAMES = {"Realisation": "Realization", "Specialisation": "Specialization", "UsedBy": "Serving"}

_SUPPORTING = ("Influence", "Realization", "Aggregation", "Composition")
# The modifier's sign (1 supports, -1 hinders, 0 no influence) and strength.
_MODIFIERS = {"++": (1, GG.strong), "+": (1, GG.moderate), "--": (-1, GG.strong), "-": (-1, GG.moderate)}
_POLARITIES = {"supporting": GG.supporting, "hindering": GG.hindering}
_KINDS = {"stated": GG.stated, "curated": GG.curated, "suggested": GG.suggested}
_STRENGTH_NAMES = {"strong": GG.strong, "moderate": GG.moderate, "weak": GG.weak}

# Why a relationship was skipped, as the summary words it (after the count, and after "relationship(s)").
_OUTSIDE = "with an end outside the motivation layer"
_NEUTRAL_INFLUENCE = "neutral influence"
_UNMAPPED = "of a type goalgraph does not map between these elements"

#: How many bytes are parsed between two progress reports.
_CHUNK = 1 << 20

Progress = Callable[[int, int], None]


@dataclass
class ArchiMateSummary:
    """What an import read, and what it skipped.

    Attributes
    ----------
    path : str
        The file, as shown to the user.
    model : str
        The model's name.
    version : str
        ``"3.x"`` or ``"2.1"``.
    statements : collections.Counter
        Statements by ArchiMate type.
    organisations : int
        Stakeholders read, plus the model's organisation where it holds statements.
    alignments : int
        Relationships read as alignments, supporting or hindering.
    hindrances : int
        Those of them that hinder (``gg:polarity gg:hindering``).
    skipped_elements : collections.Counter
        Elements of other layers, by layer (``"Business"``...).
    skipped_relationships : collections.Counter
        Relationships not read, by reason.
    """

    path: str
    model: str = ""
    version: str = ""
    statements: Counter[str] = field(default_factory=Counter)
    organisations: int = 0
    alignments: int = 0
    hindrances: int = 0
    skipped_elements: Counter[str] = field(default_factory=Counter)
    skipped_relationships: Counter[str] = field(default_factory=Counter)

    def message(self) -> str:
        """What was read and what was skipped, in one line.

        Examples
        --------
        >>> summary = ArchiMateSummary("model.xml", statements=Counter(Goal=2))
        >>> summary.skipped_elements.update({"Business": 2, "Technology": 1})
        >>> summary.skipped_relationships[_OUTSIDE] += 4
        >>> print(summary.message())  # doctest: +NORMALIZE_WHITESPACE
        model.xml: read 2 statements (Goal: 2), 0 organisations and 0 alignments; skipped 3 elements of other
        layers (Business: 2, Technology: 1) and 4 relationships with an end outside the motivation layer
        """
        statements = sum(self.statements.values())
        kinds = ", ".join(f"{kind}: {n:,}" for kind, n in sorted(self.statements.items(), key=_by_count))
        text = f"{self.path}: read {statements:,} statement{_s(statements)}" + (f" ({kinds})" if kinds else "")
        text += f", {self.organisations:,} organisation{_s(self.organisations)}"
        text += f" and {self.alignments:,} alignment{_s(self.alignments)}"
        text += f" ({self.hindrances:,} hindering); " if self.hindrances else "; "
        layers = ", ".join(f"{layer}: {n:,}" for layer, n in sorted(self.skipped_elements.items(), key=_by_count))
        elements = sum(self.skipped_elements.values())
        text += f"skipped {elements:,} element{_s(elements)} of other layers"
        if layers:
            text += f" ({layers})"
        relationships = sum(self.skipped_relationships.values())
        reasons = sorted(self.skipped_relationships.items(), key=_by_count)
        text += f" and {relationships:,} relationship{_s(relationships)}"
        if len(reasons) == 1 and reasons[0][0] != _NEUTRAL_INFLUENCE:
            text += f" {reasons[0][0]}"
        elif reasons:
            text += " (" + ", ".join(_counted(n, reason) for reason, n in reasons) + ")"
        return text


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _counted(n: int, reason: str) -> str:
    return f"{n:,} {reason}{_s(n)}" if reason == _NEUTRAL_INFLUENCE else f"{n:,} {reason}"


class ArchiMateGraph(Graph):
    """The goalgraph graph an ArchiMate file gives, with the import's :class:`ArchiMateSummary`.

    ``notes`` holds the lines ``goalgraph import`` prints on standard error.
    """

    summary: ArchiMateSummary

    @property
    def notes(self) -> tuple[str, ...]:
        """Messages for the user: what the import skipped."""
        return (self.summary.message(),)


@dataclass
class _Concept:
    """An element or relationship of the file, with what goalgraph reads of it."""

    identifier: str
    type: str
    line: int
    names: list[tuple[str, str]] = field(default_factory=list)
    documentation: list[tuple[str, str]] = field(default_factory=list)
    properties: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    source: str = ""
    target: str = ""
    modifier: str = ""


class _Reader(ContentHandler):
    """Streams the exchange file, keeping motivation elements and their relationships.

    Elements of other layers are kept as their layer only, relationships with an end
    among them as nothing but a count (and the two ends, to check they exist).
    """

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.namespace = ""
        self.depth = 0
        self.section = ""  # the child of <model> being read: elements, relationships...
        self.model_names: list[tuple[str, str]] = []
        self.language = ""  # the model's xml:lang, else the metadata's dc:language
        self.motivation: dict[str, _Concept] = {}
        self.other_layers: dict[str, str] = {}
        self.relationships: list[_Concept] = []
        self.relationship_ids: set[str] = set()
        self.ends: list[tuple[str, str, str, int]] = []  # id, source, target, line of every relationship
        self.property_names: dict[str, str] = {}
        self.concept: _Concept | None = None
        self.property_ref = ""
        self.property_values: list[tuple[str, str]] = []
        self.definition = ""
        self.text: list[str] | None = None
        self.text_language = ""
        self.languages: list[str] = []
        self.locator: Any = None

    # The parser's position, for messages.
    def setDocumentLocator(self, locator: Any) -> None:  # noqa: N802 (SAX's name)
        self.locator = locator

    def line(self) -> int:
        return int(self.locator.getLineNumber()) if self.locator is not None else 0

    def fail(self, message: str, line: int | None = None) -> DataError:
        return DataError(self.path, message, line=line if line is not None else self.line())

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl) -> None:  # noqa: N802
        namespace, local = name
        self.depth += 1
        inherited = self.languages[-1] if self.languages else ""
        self.languages.append(attrs.get((_XML, "lang"), inherited))
        if self.depth == 1:
            self._start_model(namespace or "", local, attrs)
            return
        if self.depth == 2:
            self.section = local if namespace == self.namespace else ""
            if local in ("name", "label") and namespace == self.namespace:
                self._start_text()
            return
        if self.section == "elements":
            self._start_in_elements(local, attrs)
        elif self.section == "relationships":
            self._start_in_relationships(local, attrs)
        elif self.section in ("propertyDefinitions", "propertydefs"):
            self._start_in_definitions(local, attrs)
        elif self.section == "metadata" and local == "language" and not self.language:
            self._start_text()

    def _start_model(self, namespace: str, local: str, attrs: AttributesNSImpl) -> None:
        if local != "model" or namespace not in (NAMESPACE_3, NAMESPACE_2_1):
            found = f"<{local}>" + (f" in namespace {namespace}" if namespace else " in no namespace")
            raise self.fail(
                f"not an ArchiMate exchange file: the root element is {found}, expected <model> in "
                f"{NAMESPACE_3} (3.x) or {NAMESPACE_2_1} (2.1)"
            )
        self.namespace = namespace
        self.language = self.languages[-1]

    def _start_text(self) -> None:
        self.text = []
        self.text_language = self.languages[-1]

    def _concept(self, kind: str, attrs: AttributesNSImpl) -> _Concept:
        identifier = attrs.get((None, "identifier"), "").strip()
        if not identifier:
            raise self.fail(f"this <{kind}> has no identifier attribute; every {kind} needs one")
        if identifier in self.motivation or identifier in self.other_layers or identifier in self.relationship_ids:
            raise self.fail(f"the identifier {identifier!r} is used twice; identifiers must be unique")
        given = attrs.get((_XSI, "type"), "").strip()
        if not given:
            raise self.fail(f"the {kind} {identifier!r} has no xsi:type saying what it is")
        return _Concept(identifier, given.rpartition(":")[2], self.line())

    def _start_in_elements(self, local: str, attrs: AttributesNSImpl) -> None:
        if self.depth == 3 and local == "element":
            concept = self._concept("element", attrs)
            if concept.type in MOTIVATION_TYPES or concept.type == _STAKEHOLDER:
                self.concept = self.motivation[concept.identifier] = concept
            else:
                self.other_layers[concept.identifier] = LAYERS.get(concept.type, _OTHER_LAYER)
                self.concept = None
        elif self.concept is not None:
            self._start_in_concept(local, attrs)

    def _start_in_relationships(self, local: str, attrs: AttributesNSImpl) -> None:
        if self.depth == 3 and local == "relationship":
            concept = self._concept("relationship", attrs)
            concept.type = _relationship_type(concept.type)
            self.relationship_ids.add(concept.identifier)
            for end in ("source", "target"):
                value = attrs.get((None, end), "").strip()
                if not value:
                    raise self.fail(f"the relationship {concept.identifier!r} has no {end} attribute")
                setattr(concept, end, value)
            self.ends.append((concept.identifier, concept.source, concept.target, concept.line))
            # Elements come before relationships, so whether both ends are motivation elements is known.
            if concept.source in self.motivation and concept.target in self.motivation:
                # 3.1 calls it modifier; the 3.0 drafts influenceQualifier.
                modifier = attrs.get((None, "modifier")) or attrs.get((None, "influenceQualifier")) or ""
                concept.modifier = modifier.strip()
                self.concept = concept
                self.relationships.append(concept)
            else:
                self.concept = None
        elif self.concept is not None:
            self._start_in_concept(local, attrs)

    def _start_in_concept(self, local: str, attrs: AttributesNSImpl) -> None:
        if self.depth == 4 and local in ("name", "label", "documentation"):
            self._start_text()
        elif self.depth == 5 and local == "property":
            self.property_ref = attrs.get((None, "propertyDefinitionRef"), "") or attrs.get((None, "identifierref"), "")
            self.property_values = []
        elif self.depth == 6 and local == "value":
            self._start_text()

    def _start_in_definitions(self, local: str, attrs: AttributesNSImpl) -> None:
        if self.depth == 3 and local in ("propertyDefinition", "propertydef"):
            self.definition = attrs.get((None, "identifier"), "")
            if attrs.get((None, "name")):  # 2.1 names a definition in an attribute
                self.property_names[self.definition] = attrs.get((None, "name"), "")
        elif self.depth == 4 and local == "name" and self.definition not in self.property_names:
            self._start_text()

    def characters(self, content: str) -> None:
        if self.text is not None:
            self.text.append(content)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        local = name[1]
        if self.text is not None:
            raw = "".join(self.text)
            # Names are one line (gg:text normalises white space); documentation keeps its paragraphs.
            text = raw.strip() if local in ("documentation", "value") else " ".join(raw.split())
            self._end_text(local, text, self.text_language)
            self.text = None
        if self.depth == 3:
            self.concept = None
        if self.depth == 5 and local == "property" and self.concept is not None:
            self.concept.properties.append((self.property_ref, self.property_values))
        self.depth -= 1
        self.languages.pop()

    def _end_text(self, local: str, text: str, language: str) -> None:
        if self.depth == 2:
            self.model_names.append((language, text))
        elif self.section == "metadata":
            self.language = self.language or text
        elif self.section in ("propertyDefinitions", "propertydefs"):
            self.property_names.setdefault(self.definition, text)
        elif self.concept is not None and local == "value":
            self.property_values.append((language, text))
        elif self.concept is not None and local == "documentation":
            self.concept.documentation.append((language, text))
        elif self.concept is not None:
            self.concept.names.append((language, text))

    def check_ends(self) -> None:
        """Raise DataError for the first relationship whose end is in neither elements nor relationships."""
        for identifier, source, target, line in self.ends:
            for end in (source, target):
                known = end in self.motivation or end in self.other_layers or end in self.relationship_ids
                if not known:
                    raise self.fail(
                        f"the relationship {identifier!r} points at {end!r}, which is no element or "
                        "relationship of the model",
                        line,
                    )


def _relationship_type(given: str) -> str:
    """3.x's name of a relationship type: ``RealisationRelationship`` (2.1) → ``Realization``."""
    name = given.removesuffix("Relationship")
    return _RELATIONSHIP_NAMES.get(name, name)


def read_archimate(path: str | Path, *, base: str, progress: Progress | None = None) -> ArchiMateGraph:
    """Read the motivation elements of an ArchiMate exchange file into a goalgraph graph.

    Parameters
    ----------
    path : str or Path
        An ArchiMate Model Exchange File (3.x or 2.1).
    base : str
        The base namespace the IRIs of the model's elements are made under.
    progress : callable, optional
        Called as ``progress(bytes_read, total_bytes)`` while the file is parsed; by
        default a bar is drawn on standard error when it is a terminal.

    Returns
    -------
    ArchiMateGraph
        An rdflib graph of statements, organisations and alignments, with the
        import's :class:`ArchiMateSummary` as ``.summary``.

    Raises
    ------
    goalgraph.errors.DataError
        If the file is not well-formed XML, declares a DTD or entities, is not an
        ArchiMate exchange file, or is inconsistent (an element or relationship
        without an identifier, a relationship to an unknown element); the message
        names the file and the line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> model = pathlib.Path(tempfile.mkdtemp()) / "model.xml"
    >>> _ = model.write_text(
    ...     '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"'
    ...     ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><name xml:lang="en">Shop</name>'
    ...     '<elements><element identifier="g" xsi:type="Goal"><name xml:lang="en">Happy customers</name></element>'
    ...     '<element identifier="a" xsi:type="BusinessActor"><name>Clerk</name></element></elements></model>')
    >>> graph = read_archimate(model, base="https://example.org/", progress=lambda done, total: None)
    >>> print(*graph.objects(None, GG.text))
    Happy customers
    >>> graph.summary.message().endswith("skipped 1 element of other layers (Business: 1) and 0 relationships")
    True
    """
    file = Path(path)
    reader = _Reader(display_path(file))
    with paused_gc():
        _parse(file, reader, progress)
        reader.check_ends()
        return _Builder(reader, file, base).graph()


def _parse(file: Path, reader: _Reader, progress: Progress | None) -> None:
    parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(reader)
    reader.setDocumentLocator(ExpatLocator(parser))  # parse() would set it; feed() does not
    try:
        total = file.stat().st_size
        with file.open("rb") as stream:
            if progress is None:
                from goalgraph.progressbar import Progress as Bar

                with Bar(f"reading {file.name}", total) as bar:
                    _feed(parser, stream, lambda done, _total: bar.advance(done - bar.done), total)
            else:
                _feed(parser, stream, progress, total)
    except OSError as error:
        raise DataError(reader.path, f"cannot read the file ({error.strerror})") from None
    except SAXParseException as error:
        message = error.getMessage()
        column = error.getColumnNumber()
        raise DataError(
            reader.path,
            f"not well-formed XML: {message}",
            line=error.getLineNumber(),
            column=column + 1 if column is not None else None,
        ) from None
    except DefusedXmlException as error:
        raise DataError(
            reader.path,
            f"refused: {_refusal(error)}; an ArchiMate exchange file needs none, and goalgraph reads no DTD, "
            "expands no entity and fetches nothing",
            line=reader.line() or None,
        ) from None


def _feed(parser: Any, stream: Any, progress: Progress, total: int) -> None:
    done = 0
    while chunk := stream.read(_CHUNK):
        parser.feed(chunk)
        done += len(chunk)
        progress(done, total)
    parser.close()


def _refusal(error: DefusedXmlException) -> str:
    name = type(error).__name__
    return {
        "DTDForbidden": "the file declares a DTD (<!DOCTYPE ...>), which could define entities",
        "EntitiesForbidden": "the file declares an entity (<!ENTITY ...>), as an entity-expansion attack does",
        "ExternalReferenceForbidden": "the file refers to an external entity, which would be fetched",
    }.get(name, str(error))


class _Builder:
    """Turns what :class:`_Reader` kept into goalgraph triples."""

    def __init__(self, reader: _Reader, file: Path, base: str) -> None:
        self.reader = reader
        name = next((text for _, text in reader.model_names if text), "") or file.stem
        self.model_namespace = f"{base}archimate/{slug(name) or 'model'}"
        self.language = reader.language or "und"
        self.file_source = URIRef(file.resolve().as_uri())
        self.summary = ArchiMateSummary(reader.path, name, "3.x" if reader.namespace == NAMESPACE_3 else "2.1")
        self.out = ArchiMateGraph()
        self.out.summary = self.summary
        for prefix, namespace in PREFIXES.items():
            self.out.bind(prefix, namespace)
        self.out.bind("archimate", ARCHIMATE)
        self.nodes: dict[str, URIRef] = {}

    def properties(self, concept: _Concept) -> dict[str, list[tuple[str, str]]]:
        """The concept's properties by definition name (lower case), values with their language."""
        found: dict[str, list[tuple[str, str]]] = {}
        for ref, values in concept.properties:
            key = self.reader.property_names.get(ref, ref).strip().lower()
            found.setdefault(key, []).extend(values)
        return found

    def node(self, concept: _Concept, given: Mapping[str, list[tuple[str, str]]]) -> URIRef:
        iri = _first(given.get("iri"))
        return URIRef(iri) if iri else URIRef(f"{self.model_namespace}/{_segment(concept.identifier)}")

    def graph(self) -> ArchiMateGraph:
        out, summary = self.out, self.summary
        for layer in self.reader.other_layers.values():
            summary.skipped_elements[layer] += 1
        stakeholders: dict[str, URIRef] = {}
        statements: dict[str, URIRef] = {}
        for concept in self.reader.motivation.values():
            given = self.properties(concept)
            node = self.nodes[concept.identifier] = self.node(concept, given)
            if concept.type == _STAKEHOLDER:
                stakeholders[concept.identifier] = node
                self.organisation(node, concept.names)
            else:
                statements[concept.identifier] = node
                self.statement(node, concept, given)
        holders = self.holders(stakeholders, statements)
        held = {association for _, association in holders.values()}
        for relationship in self.reader.relationships:
            self.relationship(relationship, stakeholders, statements, held)
        outside = len(self.reader.ends) - len(self.reader.relationships)
        if outside:
            summary.skipped_relationships[_OUTSIDE] += outside
        model_holder = URIRef(self.model_namespace)
        held_by_model = [node for identifier, node in statements.items() if identifier not in holders]
        for node in held_by_model:
            out.add((node, GG.holder, model_holder))
        if held_by_model:
            self.organisation(model_holder, self.reader.model_names or [(self.language, summary.model)])
        for identifier, (holder, _) in holders.items():
            out.add((statements[identifier], GG.holder, holder))
        return out

    def organisation(self, node: URIRef, names: list[tuple[str, str]]) -> None:
        self.out.add((node, RDF.type, ORG.Organization))
        for language, text in _one_per_language(names, self.language):
            self.out.add((node, SKOS.prefLabel, Literal(text, lang=language)))
        self.summary.organisations += 1

    def statement(self, node: URIRef, concept: _Concept, given: Mapping[str, list[tuple[str, str]]]) -> None:
        out = self.out
        types = [_expand(name) for _, value in given.get("type", []) for name in value.split()]
        for type_ in types or [MOTIVATION_TYPES[concept.type]]:
            out.add((node, RDF.type, type_))
        out.add((node, DCTERMS.type, URIRef(ARCHIMATE + concept.type)))
        text_languages = {name for _, value in given.get("text languages", []) for name in value.split()}
        for language, text in _one_per_language(concept.names, self.language):
            translated = text_languages and language not in text_languages
            out.add((node, GG.translation if translated else GG.text, Literal(text, lang=language)))
        for language, text in _one_per_language(concept.documentation, self.language):
            out.add((node, DCTERMS.description, Literal(text, lang=language)))
        identifier = _first(given.get("identifier"))
        if identifier:
            out.add((node, DCTERMS.identifier, Literal(identifier)))
        self.sources(node, given)
        self.summary.statements[concept.type] += 1

    def sources(self, node: URIRef, given: Mapping[str, list[tuple[str, str]]]) -> None:
        sources = [value for _, text in given.get("source", []) for value in text.split()]
        for source in sources or [self.file_source]:
            self.out.add((node, DCTERMS.source, URIRef(source)))

    def holders(self, stakeholders: dict[str, URIRef], statements: dict[str, URIRef]) -> dict[str, tuple[URIRef, str]]:
        """Statement → (its holder, the association that says so), where exactly one stakeholder is associated."""
        found: dict[str, list[tuple[URIRef, str]]] = {}
        for relationship in self.reader.relationships:
            if relationship.type != "Association":
                continue
            ends = (relationship.source, relationship.target)
            for stakeholder, statement in (ends, ends[::-1]):
                if stakeholder in stakeholders and statement in statements:
                    found.setdefault(statement, []).append((stakeholders[stakeholder], relationship.identifier))
        return {statement: pairs[0] for statement, pairs in found.items() if len(pairs) == 1}

    def relationship(
        self,
        concept: _Concept,
        stakeholders: dict[str, URIRef],
        statements: dict[str, URIRef],
        held: set[str],
    ) -> None:
        summary = self.summary
        source, target = concept.source, concept.target
        if source in stakeholders and target in stakeholders and concept.type in ("Aggregation", "Composition"):
            self.out.add((stakeholders[target], ORG.subOrganizationOf, stakeholders[source]))
            return
        if source in stakeholders or target in stakeholders:
            if concept.identifier not in held:  # an association that names the holder is read as such
                summary.skipped_relationships[_UNMAPPED] += 1
            return
        given = self.properties(concept)
        kind = _KINDS.get((_first(given.get("kind")) or "").lower())
        strength = _STRENGTH_NAMES.get((_first(given.get("strength")) or "").lower())
        polarity = _POLARITIES.get((_first(given.get("polarity")) or "").lower())
        if concept.type == "Influence":
            sign, modifier_strength = _modifier(concept.modifier)
            if sign == 0:
                summary.skipped_relationships[_NEUTRAL_INFLUENCE] += 1
                return
            # The modifier's sign counts even in goalgraph's own export (edited in Archi, say), unless a property says.
            if polarity is None and sign < 0:
                polarity = GG.hindering
            if kind is None:
                strength = strength or modifier_strength
        if kind is None:
            if concept.type in _SUPPORTING:
                kind = GG.stated
            elif concept.type == "Association":
                kind = GG.suggested
            else:
                summary.skipped_relationships[_UNMAPPED] += 1
                return
        supporter, supported = statements[source], statements[target]
        if concept.type in ("Aggregation", "Composition"):
            supporter, supported = supported, supporter  # the part supports the whole
        self.alignment(self.node(concept, given), supporter, supported, kind, strength, polarity, given)

    def alignment(
        self,
        node: URIRef,
        supporter: URIRef,
        supported: URIRef,
        kind: URIRef,
        strength: URIRef | None,
        polarity: URIRef | None,
        given: Mapping[str, list[tuple[str, str]]],
    ) -> None:
        out = self.out
        out.add((node, RDF.type, GG.Alignment))
        out.add((node, GG["from"], supporter))
        out.add((node, GG.to, supported))
        out.add((node, GG.kind, kind))
        if strength is not None:
            out.add((node, GG.strength, strength))
        if polarity is not None:
            out.add((node, GG.polarity, polarity))
        hindering = polarity == GG.hindering
        if kind != GG.suggested:
            out.add((supporter, GG.hinders if hindering else GG.supports, supported))
        for key, predicate in (("rationale", GG.rationale), ("evidence", GG.evidence)):
            for language, text in _one_per_language(given.get(key, []), self.language):
                out.add((node, predicate, Literal(text, lang=language)))
        for _, text in given.get("attributed to", []):
            for agent in text.split():
                out.add((node, PROV.wasAttributedTo, URIRef(agent)))
        score = _first(given.get("score"))
        if score:
            out.add((node, GG.score, Literal(score, datatype=XSD.decimal)))
        if kind == GG.stated or given.get("source"):
            self.sources(node, given)
        self.summary.alignments += 1
        self.summary.hindrances += hindering


def _modifier(modifier: str) -> tuple[int, URIRef | None]:
    """An influence's sign (1 supports, -1 hinders, 0 none) and strength from its modifier.

    ``++``/``--`` strong, ``+``/``-`` moderate; a number by its sign, and by thirds of
    1–10 for its strength; anything else (or none) supports, with no strength, unless
    it starts with ``-``.

    Examples
    --------
    >>> [(sign, str(s).rpartition("#")[2]) for sign, s in map(_modifier, ("++", "-", "-8", "5", "-2", "0", ""))]
    [(1, 'strong'), (-1, 'moderate'), (-1, 'strong'), (1, 'moderate'), (-1, 'weak'), (0, 'None'), (1, 'None')]
    """
    if modifier in _MODIFIERS:
        return _MODIFIERS[modifier]
    if re.fullmatch(r"[+-]?\d+", modifier):
        number = int(modifier)
        size = abs(number)
        sign = (number > 0) - (number < 0)
        return sign, (GG.strong if size >= 7 else GG.moderate if size >= 4 else GG.weak) if sign else None
    return (-1 if modifier.startswith("-") else 1), None


def _first(values: list[tuple[str, str]] | None) -> str:
    return values[0][1].strip() if values else ""


def _one_per_language(texts: list[tuple[str, str]], default: str) -> list[tuple[str, str]]:
    """The first non-empty text in each language (goalgraph's shapes allow one per language)."""
    seen: dict[str, str] = {}
    for language, text in texts:
        if text:
            seen.setdefault(language or default, text)
    return list(seen.items())


def _segment(identifier: str) -> str:
    """An identifier as an IRI path segment (xs:ID allows little else than letters, digits, ``-._``)."""
    return re.sub(r"[^A-Za-z0-9._~-]", lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), identifier)


def _expand(name: str) -> URIRef:
    """``gg:Mission`` → the full IRI, by goalgraph's prefixes; a full IRI as it is."""
    prefix, _, local = name.partition(":")
    return URIRef(PREFIXES[prefix] + local) if prefix in PREFIXES and not local.startswith("//") else URIRef(name)
