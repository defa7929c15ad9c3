"""The goal graph as an ArchiMate 3.1 Model Exchange File, for Archi and other ArchiMate tools.

The file (namespace ``http://www.opengroup.org/xsd/archimate/3.0/``, in the element
order of the 3.1 exchange schema) holds:

- every statement as a motivation element: its type from ``dcterms:type`` where an
  ArchiMate import put one there, else the reverse of the import's mapping
  (missions, visions, strategic markers, focus points and goals as Goal; objectives
  and targets as Outcome; purposes as Driver; core tasks and requirements as
  Requirement; indicators as Assessment; principles and values as themselves);
  a ``<name>`` per language (the source's text, else goalgraph's translation) and
  ``dcterms:description`` as ``<documentation>``;
- every organisation (and every agent an alignment is attributed to) as a
  Stakeholder, associated with the statements it holds, and aggregating its
  sub-organisations;
- every alignment between two statements as an Influence (stated and curated, with
  modifier ``++`` for strong and ``+`` for moderate and weak; a hindering one,
  ``gg:polarity gg:hindering``, with ``--`` for strong and ``-`` for moderate and
  weak) or a directed Association (suggested);
- properties that carry what ArchiMate has no place for, so that
  :func:`goalgraph.importers.archimate.read_archimate` reads the file back into the
  same graph: ``iri``, ``type`` (``gg:Mission``), ``text languages`` (which names are
  the source's text, the rest being translations), ``identifier``, ``source``, and
  for alignments ``kind``, ``strength``, ``rationale``, ``evidence``, ``attributed to``,
  ``score`` and ``polarity``;
- one view, "Goal graph by level", with the stakeholders in the first row and the
  statements in rows by their class's ``gg:level`` below, and a connection for every
  relationship.

Plans are not written (ArchiMate's motivation elements have none), nor the
alignments from them. Identifiers are ``id-`` and the version-5 UUID of the IRI (or
of what names a relationship), and everything is sorted, so the same graph gives the
same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import NAMESPACE_URL, uuid5

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS
from rdflib.term import Node

from goalgraph.namespaces import GG, PREFIXES
from goalgraph.querying import execute

__all__ = ["ARCHIMATE_TYPES", "archimate"]

_NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = f"{_NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"

#: The motivation element each statement class is written as (the import's mapping reversed).
ARCHIMATE_TYPES = {
    GG.Mission: "Goal",
    GG.Vision: "Goal",
    GG.StrategicMarker: "Goal",
    GG.FocusPoint: "Goal",
    GG.Goal: "Goal",
    GG.Objective: "Outcome",
    GG.Target: "Outcome",
    GG.Purpose: "Driver",
    GG.CoreTask: "Requirement",
    GG.Requirement: "Requirement",
    GG.Principle: "Principle",
    GG.Value: "Value",
    GG.Indicator: "Assessment",
}
_MOTIVATION = {"Goal", "Outcome", "Principle", "Value", "Meaning", "Requirement", "Constraint", "Driver", "Assessment"}
# The ontology's levels, for a graph given without the ontology.
_LEVELS = {
    GG.Mission: 0, GG.Vision: 0, GG.Purpose: 1, GG.CoreTask: 1, GG.Principle: 1, GG.Value: 1,
    GG.StrategicMarker: 2, GG.Goal: 2, GG.FocusPoint: 3, GG.Objective: 3, GG.Target: 4, GG.Requirement: 4,
    GG.Indicator: 5,
}  # fmt: skip
_TYPE_ORDER = list(ARCHIMATE_TYPES)
_MODIFIERS = {GG.strong: "++", GG.moderate: "+", GG.weak: "+"}
_HINDERING_MODIFIERS: dict[Node | None, str] = {GG.strong: "--", GG.moderate: "-", GG.weak: "-"}
_ORGANISATION_CLASSES = (
    "org:Organization org:FormalOrganization org:OrganizationalUnit org:OrganizationalCollaboration "
    "cv:PublicOrganisation"
)

# Property definitions, in the order they are declared.
_PROPERTIES = (
    "iri", "type", "text languages", "identifier", "source",
    "kind", "strength", "rationale", "evidence", "attributed to", "score", "polarity",
)  # fmt: skip

# Layout of the view: boxes of this size, in rows of at most this many.
_WIDTH, _HEIGHT, _GAP_X, _GAP_Y, _MARGIN, _PER_ROW = 240, 110, 30, 60, 24, 8

# XML 1.0 cannot hold these characters at all, not even escaped.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_PREFIX_LINES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items()) + (
    "PREFIX cv: <http://data.europa.eu/m8g/>\nPREFIX void: <http://rdfs.org/ns/void#>\n"
    "PREFIX dcat: <http://www.w3.org/ns/dcat#>\n"
)
_STATEMENT_TYPES = " ".join(f"<{iri}>" for iri in ARCHIMATE_TYPES)

_STATEMENTS = (
    _PREFIX_LINES
    + f"""SELECT DISTINCT ?s ?type ?level WHERE {{
  ?s a ?type .
  {{ ?type rdfs:subClassOf+ gg:Statement }} UNION {{ VALUES ?type {{ {_STATEMENT_TYPES} }} }}
  FILTER (isIRI(?s))
  OPTIONAL {{ ?type gg:level ?level }}
}}"""
)
_STATEMENT_FACTS = (
    _PREFIX_LINES
    + f"""SELECT DISTINCT ?s ?p ?o WHERE {{
  ?s a ?type .
  {{ ?type rdfs:subClassOf+ gg:Statement }} UNION {{ VALUES ?type {{ {_STATEMENT_TYPES} }} }}
  VALUES ?p {{ gg:text gg:translation dcterms:identifier dcterms:source dcterms:description dcterms:type gg:holder }}
  ?s ?p ?o .
}}"""
)
_ORGANISATIONS = (
    _PREFIX_LINES
    + f"""SELECT DISTINCT ?o ?p ?v WHERE {{
  {{ ?o a ?class .
     {{ ?class rdfs:subClassOf* org:Organization }} UNION {{ VALUES ?class {{ {_ORGANISATION_CLASSES} }} }} }}
  UNION {{ ?statement gg:holder ?o }}
  UNION {{ ?alignment a gg:Alignment ; prov:wasAttributedTo ?o }}
  FILTER (isIRI(?o))
  OPTIONAL {{ VALUES ?p {{ skos:prefLabel org:subOrganizationOf }} ?o ?p ?v }}
}}"""
)
_ALIGNMENTS = (
    _PREFIX_LINES
    + """SELECT DISTINCT ?a ?p ?o WHERE {
  ?a a gg:Alignment ; ?p ?o .
  VALUES ?p {
    gg:from gg:to gg:kind gg:strength gg:rationale gg:evidence prov:wasAttributedTo dcterms:source gg:score gg:polarity
  }
}"""
)
_MODEL_NAMES = (
    _PREFIX_LINES
    + """SELECT DISTINCT ?dataset ?p ?text WHERE {
  ?dataset a ?class ; ?p ?text .
  VALUES ?class { void:Dataset dcat:Dataset }
  VALUES ?p { dcterms:title dcterms:description }
  FILTER (isIRI(?dataset))
}"""
)


@dataclass
class _Element:
    """A statement or organisation as an ArchiMate element."""

    iri: URIRef
    type: str
    names: dict[str, str] = field(default_factory=dict)
    documentation: dict[str, str] = field(default_factory=dict)
    properties: list[tuple[str, list[Literal]]] = field(default_factory=list)
    holders: list[URIRef] = field(default_factory=list)
    parents: list[URIRef] = field(default_factory=list)
    row: int = 0
    rank: tuple[int, str, str] = (0, "", "")

    @property
    def identifier(self) -> str:
        return _identifier(str(self.iri))


@dataclass
class _Relationship:
    identifier: str
    type: str
    source: str
    target: str
    attributes: dict[str, str] = field(default_factory=dict)
    properties: list[tuple[str, list[Literal]]] = field(default_factory=list)


def _identifier(key: str) -> str:
    """A valid xs:ID from anything: ``id-`` and the UUID (version 5) of `key`."""
    return f"id-{uuid5(NAMESPACE_URL, key)}"


def _xml_text(value: object) -> str:
    return _NOT_IN_XML.sub("\ufffd", str(value))


def _short(iri: Node) -> str:
    """``gg:Mission`` for goalgraph's prefixes, else the full IRI."""
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and re.fullmatch(r"[A-Za-z_][\w-]*", text[len(namespace) :]):
            return f"{prefix}:{text[len(namespace) :]}"
    return text


def archimate(graph: Graph) -> bytes:
    """The goal graph as an ArchiMate 3.1 exchange file.

    Parameters
    ----------
    graph : rdflib.Graph
        Usually a :class:`~goalgraph.loading.GoalDataset`.

    Returns
    -------
    bytes
        UTF-8 XML that Archi opens (File › Import › Open Exchange XML Model).

    Examples
    --------
    >>> import goalgraph
    >>> xml = archimate(goalgraph.load())
    >>> b'<element identifier="id-' in xml, b'xsi:type="Stakeholder"' in xml, b'xsi:type="Influence"' in xml
    (True, True, True)
    """
    statements = _statements(graph)
    organisations = _organisations(graph, statements)
    relationships = _holdings(statements, organisations) + _hierarchy(organisations)
    relationships += _alignments(graph, statements)
    names, descriptions = _model_names(graph)
    return _write(names, descriptions, [*organisations.values(), *statements.values()], relationships)


def _by_statement(rows: Iterable[dict[str, Node | None]], key: str) -> dict[Node, list[dict[str, Node | None]]]:
    grouped: dict[Node, list[dict[str, Node | None]]] = defaultdict(list)
    for row in rows:
        node = row[key]
        if node is not None:
            grouped[node].append(row)
    return grouped


def _statements(graph: Graph) -> dict[URIRef, _Element]:
    types: dict[URIRef, list[tuple[URIRef, int]]] = defaultdict(list)
    for row in execute(graph, _STATEMENTS).rows:
        node, type_, level = row["s"], row["type"], row["level"]
        if isinstance(node, URIRef) and isinstance(type_, URIRef):
            number = int(level) if isinstance(level, Literal) else _LEVELS.get(type_, 2)
            types[node].append((type_, number))
    facts = _by_statement(execute(graph, _STATEMENT_FACTS).rows, "s")
    statements: dict[URIRef, _Element] = {}
    for node, found in types.items():
        found.sort(key=lambda pair: (pair[0] not in ARCHIMATE_TYPES, str(pair[0])))
        main, level = found[0]
        values: dict[Node, list[Node]] = defaultdict(list)
        for row in facts.get(node, []):
            values[row["p"]].append(row["o"])  # type: ignore[index,arg-type]
        given = [str(t).removeprefix(_NAMESPACE) for t in values[DCTERMS.type] if str(t).startswith(_NAMESPACE)]
        chosen = next((t for t in sorted(given) if t in _MOTIVATION), ARCHIMATE_TYPES.get(main, "Goal"))
        element = _Element(node, chosen)
        texts = _languages(values[GG.text])
        translations = _languages(values[GG.translation])
        # The exchange format requires a name; a statement without text (invalid data) is named by its IRI.
        element.names = {**translations, **texts} or {"": _last_segment(node)}
        element.documentation = _languages(values[DCTERMS.description])
        element.properties = [("iri", [Literal(str(node))]), ("type", [Literal(" ".join(_short(t) for t, _ in found))])]
        if translations.keys() - texts.keys():
            element.properties.append(("text languages", [Literal(" ".join(sorted(texts)))]))
        identifiers = sorted(str(v) for v in values[DCTERMS.identifier])
        if identifiers:
            element.properties.append(("identifier", [Literal(identifiers[0])]))
        sources = sorted(str(v) for v in values[DCTERMS.source] if isinstance(v, URIRef))
        if sources:
            element.properties.append(("source", [Literal(" ".join(sources))]))
        element.holders = sorted(v for v in values[GG.holder] if isinstance(v, URIRef))
        type_rank = _TYPE_ORDER.index(main) if main in _TYPE_ORDER else len(_TYPE_ORDER)
        element.row = level + 1
        element.rank = (type_rank, identifiers[0] if identifiers else "", str(node))
        statements[node] = element
    return dict(sorted(statements.items(), key=lambda item: (item[1].row, item[1].rank)))


def _last_segment(node: URIRef) -> str:
    return re.split(r"[/#]", str(node).rstrip("/#"))[-1] or str(node)


def _languages(values: Iterable[Node]) -> dict[str, str]:
    """One text per language (the smallest, should there be several), by language."""
    found: dict[str, str] = {}
    for value in sorted(values, key=str):
        if isinstance(value, Literal):
            found.setdefault(value.language or "", str(value))
    return found


def _organisations(graph: Graph, statements: dict[URIRef, _Element]) -> dict[URIRef, _Element]:
    rows = _by_statement(execute(graph, _ORGANISATIONS).rows, "o")
    organisations: dict[URIRef, _Element] = {}
    for node, found in rows.items():
        if not isinstance(node, URIRef):
            continue
        element = _Element(node, "Stakeholder")
        element.names = _languages(row["v"] for row in found if row["p"] == SKOS.prefLabel and row["v"] is not None)
        if not element.names:
            element.names = {"": _last_segment(node)}
        element.parents = sorted(
            row["v"] for row in found if row["p"] == ORG.subOrganizationOf and isinstance(row["v"], URIRef)
        )
        element.properties = [("iri", [Literal(str(node))])]
        element.rank = (0, next(iter(sorted(element.names.values()))), str(node))
        organisations[node] = element
    return dict(sorted(organisations.items(), key=lambda item: item[1].rank))


def _holdings(statements: dict[URIRef, _Element], organisations: dict[URIRef, _Element]) -> list[_Relationship]:
    holdings = []
    for node, statement in statements.items():
        for holder in statement.holders:
            if holder in organisations:
                key = f"{holder} {GG.holder} {node}"
                holdings.append(
                    _Relationship(
                        _identifier(key), "Association", organisations[holder].identifier, statement.identifier
                    )
                )
    return holdings


def _hierarchy(organisations: dict[URIRef, _Element]) -> list[_Relationship]:
    hierarchy = []
    for node, organisation in organisations.items():
        for parent in organisation.parents:
            if parent in organisations:
                key = f"{node} {ORG.subOrganizationOf} {parent}"
                hierarchy.append(
                    _Relationship(
                        _identifier(key), "Aggregation", organisations[parent].identifier, organisation.identifier
                    )
                )
    return hierarchy


def _alignments(graph: Graph, statements: dict[URIRef, _Element]) -> list[_Relationship]:
    relationships = []
    keys_seen: dict[str, int] = defaultdict(int)
    grouped = _by_statement(execute(graph, _ALIGNMENTS).rows, "a")
    # Blank nodes are named by their ends and kind: Oxigraph's blank node labels change from load to load.
    ordered = sorted(grouped.items(), key=lambda item: (isinstance(item[0], BNode), _alignment_key(item[1])))
    for node, rows in ordered:
        values: dict[Node, list[Node]] = defaultdict(list)
        for row in rows:
            values[row["p"]].append(row["o"])  # type: ignore[index,arg-type]
        ends = values[GG["from"]], values[GG.to]
        if len(ends[0]) != 1 or len(ends[1]) != 1 or ends[0][0] not in statements or ends[1][0] not in statements:
            continue  # from a plan, or malformed: validation says which
        supporter, supported = statements[ends[0][0]], statements[ends[1][0]]  # type: ignore[index]
        kind = sorted(values[GG.kind], key=str)[0] if values[GG.kind] else GG.stated
        strength = sorted(values[GG.strength], key=str)[0] if values[GG.strength] else None
        polarity = sorted(values[GG.polarity], key=str)[0] if values[GG.polarity] else None
        if isinstance(node, URIRef):
            identifier = _identifier(str(node))
        else:
            key = _alignment_key(rows)
            keys_seen[key] += 1
            identifier = _identifier(f"{key} {keys_seen[key]}")
        suggested = kind == GG.suggested
        relationship = _Relationship(
            identifier, "Association" if suggested else "Influence", supporter.identifier, supported.identifier
        )
        if suggested:
            relationship.attributes["isDirected"] = "true"
        elif polarity == GG.hindering:
            # ArchiMate's modifier says a hindrance too; without a strength, "-" still shows the sign.
            relationship.attributes["modifier"] = _HINDERING_MODIFIERS.get(strength, "-")
        elif strength in _MODIFIERS:
            relationship.attributes["modifier"] = _MODIFIERS[strength]  # type: ignore[index]
        properties = relationship.properties
        if isinstance(node, URIRef):
            properties.append(("iri", [Literal(str(node))]))
        properties.append(("kind", [Literal(str(kind).removeprefix(str(GG)))]))
        if strength is not None:
            properties.append(("strength", [Literal(str(strength).removeprefix(str(GG)))]))
        for name, predicate in (("rationale", GG.rationale), ("evidence", GG.evidence)):
            texts = _languages(values[predicate])
            if texts:
                properties.append((name, [Literal(text, lang=language or None) for language, text in texts.items()]))
        for name, predicate in (("attributed to", PROV.wasAttributedTo), ("source", DCTERMS.source)):
            iris = sorted(str(v) for v in values[predicate] if isinstance(v, URIRef))
            if iris:
                properties.append((name, [Literal(" ".join(iris))]))
        if values[GG.score]:
            properties.append(("score", [Literal(str(sorted(values[GG.score], key=str)[0]))]))
        if polarity is not None:
            properties.append(("polarity", [Literal(str(polarity).removeprefix(str(GG)))]))
        relationships.append(relationship)
    return relationships


def _alignment_key(rows: list[dict[str, Node | None]]) -> str:
    ends = {str(row["p"]): str(row["o"]) for row in rows if row["p"] in (GG["from"], GG.to, GG.kind)}
    return " ".join(ends.get(str(p), "") for p in (GG["from"], GG.to, GG.kind))


def _model_names(graph: Graph) -> tuple[dict[str, str], dict[str, str]]:
    rows = _by_statement(execute(graph, _MODEL_NAMES).rows, "dataset")
    if not rows:
        return {"en": "goalgraph"}, {}
    found = rows[min(rows, key=str)]
    names = _languages(row["text"] for row in found if row["p"] == DCTERMS.title and row["text"] is not None)
    descriptions = _languages(
        row["text"] for row in found if row["p"] == DCTERMS.description and row["text"] is not None
    )
    return names or {"en": "goalgraph"}, descriptions


def _texts(parent: ET.Element, tag: str, texts: dict[str, str]) -> None:
    for language, text in sorted(texts.items()):
        child = ET.SubElement(parent, tag, {"xml:lang": language} if language else {})
        child.text = _xml_text(text)


def _properties(parent: ET.Element, properties: list[tuple[str, list[Literal]]]) -> None:
    if not properties:
        return
    holder = ET.SubElement(parent, "properties")
    for name, values in sorted(properties, key=lambda item: _PROPERTIES.index(item[0])):
        prop = ET.SubElement(holder, "property", {"propertyDefinitionRef": _definition(name)})
        for value in values:
            ET.SubElement(prop, "value", {"xml:lang": value.language} if value.language else {}).text = _xml_text(value)


def _definition(name: str) -> str:
    return "pd-" + name.replace(" ", "-")


def _write(
    names: dict[str, str], descriptions: dict[str, str], elements: list[_Element], relationships: list[_Relationship]
) -> bytes:
    model_key = " ".join(f"{language}:{name}" for language, name in sorted(names.items()))
    root = ET.Element(
        "model",
        {
            "xmlns": _NAMESPACE,
            "xmlns:xsi": _XSI,
            "xsi:schemaLocation": _SCHEMA_LOCATION,
            "identifier": _identifier(f"goalgraph model {model_key}"),
        },
    )
    _texts(root, "name", names)
    _texts(root, "documentation", descriptions)
    used: set[str] = set()
    if elements:
        holder = ET.SubElement(root, "elements")
        for element in elements:
            node = ET.SubElement(holder, "element", {"identifier": element.identifier, "xsi:type": element.type})
            _texts(node, "name", element.names)
            _texts(node, "documentation", element.documentation)
            _properties(node, element.properties)
            used.update(name for name, _ in element.properties)
    if relationships:
        holder = ET.SubElement(root, "relationships")
        for relationship in relationships:
            attributes = {
                "identifier": relationship.identifier,
                "source": relationship.source,
                "target": relationship.target,
                "xsi:type": relationship.type,
                **relationship.attributes,
            }
            node = ET.SubElement(holder, "relationship", attributes)
            _properties(node, relationship.properties)
            used.update(name for name, _ in relationship.properties)
    if used:
        holder = ET.SubElement(root, "propertyDefinitions")
        for name in _PROPERTIES:
            if name in used:
                definition = ET.SubElement(
                    holder, "propertyDefinition", {"identifier": _definition(name), "type": "string"}
                )
                ET.SubElement(definition, "name", {"xml:lang": "en"}).text = name
    _view(root, model_key, elements, relationships)
    ET.indent(root, space="  ")
    written: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return written + b"\n"


def _view(root: ET.Element, model_key: str, elements: list[_Element], relationships: list[_Relationship]) -> None:
    """One diagram: stakeholders in the first row, then statements in rows by level."""
    diagrams = ET.SubElement(ET.SubElement(root, "views"), "diagrams")
    view = ET.SubElement(
        diagrams, "view", {"identifier": _identifier(f"goalgraph view {model_key}"), "xsi:type": "Diagram"}
    )
    _texts(view, "name", {"en": "Goal graph by level", "da": "Målgraf efter niveau"})
    rows: dict[int, list[_Element]] = defaultdict(list)
    for element in elements:
        rows[element.row].append(element)
    nodes: dict[str, str] = {}
    y = _MARGIN
    for row in sorted(rows):
        members = sorted(rows[row], key=lambda e: e.rank)
        for start in range(0, len(members), _PER_ROW):
            for column, element in enumerate(members[start : start + _PER_ROW]):
                nodes[element.identifier] = "n" + element.identifier
                x = _MARGIN + column * (_WIDTH + _GAP_X)
                ET.SubElement(
                    view,
                    "node",
                    {
                        "identifier": nodes[element.identifier],
                        "elementRef": element.identifier,
                        "xsi:type": "Element",
                        "x": str(x),
                        "y": str(y),
                        "w": str(_WIDTH),
                        "h": str(_HEIGHT),
                    },
                )
            y += _HEIGHT + _GAP_Y
    for relationship in relationships:
        if relationship.source in nodes and relationship.target in nodes:
            ET.SubElement(
                view,
                "connection",
                {
                    "identifier": "c" + relationship.identifier,
                    "relationshipRef": relationship.identifier,
                    "xsi:type": "Relationship",
                    "source": nodes[relationship.source],
                    "target": nodes[relationship.target],
                },
            )
