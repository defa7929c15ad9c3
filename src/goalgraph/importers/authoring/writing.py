"""From a graph back to the YAML authoring format: for round trips, and Turtle users moving to YAML.

Reading what this writes gives the same triples again, for everything the format
has a place for (statements, plans, organisations, groups, sources, alignments and
their plain ``gg:supports`` or ``gg:hinders``, indicators' facts, typed relationships
as plain triples, and results whose IRIs are the ones reading derives,
``{indicator}/result/{period}/{target|actual}``). Whatever else is said about those things is left
out, and a comment at the top counts it. IRIs under the base namespace are written
relative; references to plans and statements in the same output use their
identifiers where they have one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import yaml
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS
from rdflib.term import Node

from goalgraph.bases import resolve_base
from goalgraph.importers.authoring.vocabulary import (
    DIRECTIONS,
    INDICATOR_TYPES,
    KEYS,
    KINDS,
    ORGANISATION_TYPES,
    PLAN_TYPES,
    POLARITIES,
    RELATION_KEYS,
    STAGES,
    STATEMENT_TYPES,
    STRENGTHS,
    VERDICTS,
)
from goalgraph.namespaces import GG

__all__ = ["to_yaml"]

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_ISO639 = "http://id.loc.gov/vocabulary/iso639-1/"
# The most specific organisation type wins when a node has several.
_ORGANISATION_ORDER = [
    "PublicOrganisation",
    "OrganizationalCollaboration",
    "OrganizationalUnit",
    "FormalOrganization",
    "Organization",
]
_STATEMENT_ORDER = {iri: index for index, iri in enumerate(STATEMENT_TYPES.values())}


def to_yaml(graph: Graph, *, base: str | None = None) -> str:
    """Write the statements, plans, organisations, sources and alignments of `graph` as authoring YAML.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph or a :class:`~goalgraph.loading.GoalDataset` (the ontology in it is skipped).
    base : str, optional
        The base namespace to write IRIs relative to; by default the dataset's, or the default.

    Returns
    -------
    str
        A YAML document that :func:`goalgraph.importers.authoring.read_yaml` reads back.

    Examples
    --------
    >>> from rdflib import Graph
    >>> print(to_yaml(Graph()), end="")
    # goalgraph authoring format: goalgraph import yaml FILE -o FILE.ttl converts it to Turtle.
    {}
    """
    return _Writer(graph, resolve_base(base or getattr(graph, "base", None))).write()


class _Writer:
    def __init__(self, graph: Graph, base: str) -> None:
        self.graph = graph
        self.base = base
        self.covered: set[tuple[Node, Node, Node]] = set()
        self.subjects: set[Node] = set()
        self.identifiers: dict[Node, str] = {}

    def write(self) -> str:
        g = self.graph
        statements = self.typed(STATEMENT_TYPES.values())
        plans = self.typed(PLAN_TYPES.values())
        for thing in [*plans, *statements]:
            identifier = g.value(thing, DCTERMS.identifier)
            if identifier is not None:
                self.identifiers[thing] = str(identifier)
        # Identifiers used twice cannot be references.
        counts = Counter(self.identifiers.values())
        self.identifiers = {thing: i for thing, i in self.identifiers.items() if counts[i] == 1}
        alignments = self.typed([GG.Alignment])
        curators = Counter(g.value(a, PROV.wasAttributedTo) for a in alignments if g.value(a, GG.kind) == GG.curated)
        curators.pop(None, None)
        curator = curators.most_common(1)[0][0] if curators else None
        document: dict[str, Any] = {}
        if curator is not None:
            document["curator"] = self.agent(curator)
        sections = {
            "sources": [self.source(s) for s in self.typed([FOAF.Document])],
            "organisations": [self.organisation(o) for o in self.typed(ORGANISATION_TYPES.values())],
            "plans": [self.plan(p) for p in plans],
            "groups": [self.group(s) for s in self.typed([GG.StatementGroup])],
            "statements": [self.statement(s) for s in sorted(statements, key=self.statement_order)],
            "alignments": [self.alignment(a, curator) for a in alignments],
            "results": [row for s in sorted(statements, key=self.statement_order) for row in self.results(s)],
        }
        document.update({name: entries for name, entries in sections.items() if entries})
        header = ["# goalgraph authoring format: goalgraph import yaml FILE -o FILE.ttl converts it to Turtle."]
        left = Counter(
            self.short(p) for s in self.subjects for p, o in g.predicate_objects(s) if (s, p, o) not in self.covered
        )
        if left:
            listed = ", ".join(f"{p} ({n})" for p, n in sorted(left.items()))
            header.append(f"# Left out, as the format has no place for them: {sum(left.values())} triples: {listed}")
        body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
        return "\n".join(header) + "\n" + body

    # ---------------------------------------------------------------- helpers

    def typed(self, types: Iterable[URIRef]) -> list[Node]:
        found = {s for t in types for s in self.graph.subjects(RDF.type, t) if isinstance(s, URIRef)}
        return sorted(found, key=str)

    def agent(self, iri: Node) -> str | dict[str, str]:
        """An agent: its name, or {id, name} where it is described as a prov:Agent (as reading {id, name} makes it)."""
        if (iri, RDF.type, PROV.Agent) not in self.graph:
            return self.name(iri)
        described = {"id": self.name(iri)}
        self.covered.add((iri, RDF.type, PROV.Agent))
        name = self.graph.value(iri, SKOS.prefLabel)
        if isinstance(name, Literal) and not name.language:
            self.covered.add((iri, SKOS.prefLabel, name))
            described["name"] = str(name)
        return described

    def name(self, iri: Node) -> str:
        text = str(iri)
        return text[len(self.base) :] if text.startswith(self.base) and len(text) > len(self.base) else text

    def reference(self, iri: Node) -> str:
        return self.identifiers.get(iri) or self.name(iri)

    def short(self, predicate: Node) -> str:
        return self.graph.namespace_manager.normalizeUri(predicate) if isinstance(predicate, URIRef) else str(predicate)

    def take(self, subject: Node, predicate: URIRef) -> list[Node]:
        """Every value of `predicate` on `subject`, marked as written."""
        self.subjects.add(subject)
        values = sorted(
            self.graph.objects(subject, predicate), key=lambda o: (getattr(o, "language", "") or "", str(o))
        )
        for value in values:
            self.covered.add((subject, predicate, value))
        return values

    def one(self, subject: Node, predicate: URIRef) -> Node | None:
        values = self.graph.value(subject, predicate)
        if values is not None:
            self.subjects.add(subject)
            self.covered.add((subject, predicate, values))
        return values

    def texts(self, entry: dict[str, Any], key: str, subject: Node, predicate: URIRef) -> None:
        found: dict[str, str] = {}
        for value in self.graph.objects(subject, predicate):
            if isinstance(value, Literal) and value.language and value.language not in found:
                found[value.language] = str(value)
                self.covered.add((subject, predicate, value))
        if found:
            entry[key] = dict(sorted(found.items(), key=lambda pair: (pair[0] != "da", pair[0])))

    def kind_of(self, subject: Node, choices: dict[str, URIRef], order: list[str] | None = None) -> str:
        names = [name for name in (order or list(choices)) if (subject, RDF.type, choices[name]) in self.graph]
        self.covered.update((subject, RDF.type, choices[name]) for name in names)
        return names[0]

    def named(
        self, entry: dict[str, Any], key: str, subject: Node, predicate: URIRef, choices: dict[str, URIRef]
    ) -> None:
        """The value of `predicate`, written as its name among `choices` (left out if it has none there)."""
        value = self.graph.value(subject, predicate)
        name = next((name for name, iri in choices.items() if iri == value), None)
        if name is not None:
            self.one(subject, predicate)
            entry[key] = name

    def number(self, entry: dict[str, Any], key: str, subject: Node, predicate: URIRef) -> None:
        value = self.graph.value(subject, predicate)
        written = _number(value)
        if written is not None:
            self.one(subject, predicate)
            entry[key] = written

    def relations(self, entry: dict[str, Any], subject: Node) -> None:
        for key, predicate in RELATION_KEYS.items():
            self.refs(entry, key, subject, predicate, many=True)

    def refs(self, entry: dict[str, Any], key: str, subject: Node, predicate: URIRef, *, many: bool = False) -> None:
        values = sorted(self.reference(v) for v in self.take(subject, predicate))
        if values:
            entry[key] = values if many or len(values) > 1 else values[0]

    # ---------------------------------------------------------------- sections

    def source(self, s: Node) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.name(s)}
        self.take(s, RDF.type)  # foaf:Document and prov:Entity, as reading writes them
        self.texts(entry, "title", s, DCTERMS.title)
        self.texts(entry, "translation", s, GG.translation)
        self.texts(entry, "description", s, DCTERMS.description)
        self.refs(entry, "publisher", s, DCTERMS.publisher)
        issued = self.one(s, DCTERMS.issued)
        if isinstance(issued, Literal):
            entry["issued"] = issued.toPython()
        languages = [str(v).removeprefix(_ISO639) for v in self.take(s, DCTERMS.language)]
        if languages:
            entry["language"] = languages if len(languages) > 1 else languages[0]
        self.refs(entry, "related", s, DCTERMS.relation, many=True)
        return entry

    def organisation(self, o: Node) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.name(o), "type": self.kind_of(o, ORGANISATION_TYPES, _ORGANISATION_ORDER)}
        self.texts(entry, "name", o, SKOS.prefLabel)
        self.texts(entry, "description", o, DCTERMS.description)
        self.refs(entry, "part_of", o, ORG.subOrganizationOf)
        self.refs(entry, "unit_of", o, ORG.unitOf)
        self.refs(entry, "members", o, ORG.hasMember, many=True)
        homepage = self.one(o, FOAF.homepage)
        if homepage is not None:
            entry["homepage"] = str(homepage)
        return entry

    def plan(self, p: Node) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.name(p)}
        identifier = self.one(p, DCTERMS.identifier)
        if identifier is not None:
            entry["identifier"] = str(identifier)
        entry["type"] = self.kind_of(p, PLAN_TYPES)
        self.texts(entry, "title", p, DCTERMS.title)
        self.texts(entry, "translation", p, GG.translation)
        self.texts(entry, "note", p, SKOS.note)
        self.refs(entry, "holder", p, GG.holder)
        start, end = self.one(p, GG.periodStart), self.one(p, GG.periodEnd)
        first, last = (v.toPython() if isinstance(v, Literal) else None for v in (start, end))
        if isinstance(first, date) and isinstance(last, date):
            if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
                entry["year"] = first.year
            else:
                entry["start"], entry["end"] = first, last
        source = self.one(p, DCTERMS.source)
        if source is not None:
            entry["source"] = self.name(source)
        self.refs(entry, "coordinated_with", p, GG.coordinatedWith)
        self.refs(entry, "revision_of", p, PROV.wasRevisionOf)
        self.relations(entry, p)
        return entry

    def group(self, s: Node) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.name(s)}
        self.take(s, RDF.type)
        self.texts(entry, "name", s, SKOS.prefLabel)
        self.refs(entry, "holder", s, GG.holder)
        self.refs(entry, "members", s, SKOS.member, many=True)
        return entry

    def statement_order(self, s: Node) -> tuple[str, str, int, str, str]:
        g = self.graph
        level = min((_STATEMENT_ORDER.get(t, 99) for t in g.objects(s, RDF.type)), default=99)  # type: ignore[call-overload]
        holder, plan = g.value(s, GG.holder), g.value(s, GG.inPlan)
        return str(holder or ""), str(plan or ""), level, self.identifiers.get(s, ""), str(s)

    def statement(self, s: Node) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.name(s)}
        identifier = self.one(s, DCTERMS.identifier)
        if identifier is not None:
            entry["identifier"] = str(identifier)
        entry["type"] = self.kind_of(s, STATEMENT_TYPES)
        self.refs(entry, "holder", s, GG.holder)
        self.refs(entry, "plan", s, GG.inPlan)
        self.texts(entry, "text", s, GG.text)
        self.texts(entry, "translation", s, GG.translation)
        self.texts(entry, "note", s, SKOS.note)
        source = self.one(s, DCTERMS.source)
        if source is not None:
            entry["source"] = self.name(source)
        self.refs(entry, "measures", s, GG.measures)
        if entry["type"] == "Indicator":
            unit = self.graph.value(s, GG.unit)
            if isinstance(unit, Literal) and str(unit).strip():
                self.one(s, GG.unit)
                entry["unit"] = str(unit)
            self.named(entry, "direction", s, GG.direction, DIRECTIONS)
            self.number(entry, "baseline", s, GG.baseline)
            self.number(entry, "threshold", s, GG.threshold)
            self.named(entry, "indicator_type", s, GG.indicatorType, INDICATOR_TYPES)
        self.named(entry, "stage", s, GG.valueChainStage, STAGES)
        self.number(entry, "weight", s, GG.targetWeight)
        self.relations(entry, s)
        return entry

    def alignment(self, a: Node, curator: Node | None) -> dict[str, Any]:
        g = self.graph
        entry: dict[str, Any] = {"id": self.name(a)}
        self.take(a, RDF.type)
        start, end = self.one(a, GG["from"]), self.one(a, GG.to)
        entry["from"], entry["to"] = self.reference(start or URIRef("")), self.reference(end or URIRef(""))
        kind = self.one(a, GG.kind)
        entry["kind"] = next((name for name, iri in KINDS.items() if iri == kind), str(kind))
        strength = self.one(a, GG.strength)
        if strength is not None:
            entry["strength"] = next((name for name, iri in STRENGTHS.items() if iri == strength), str(strength))
        self.texts(entry, "rationale", a, GG.rationale)
        self.texts(entry, "evidence", a, GG.evidence)
        by = self.one(a, PROV.wasAttributedTo)
        if by is not None and not (kind == GG.curated and by == curator):
            entry["by"] = self.agent(by)
        source = self.one(a, DCTERMS.source)
        if source is not None:
            entry["source"] = self.name(source)
        score = self.one(a, GG.score)
        if isinstance(score, Literal):
            entry["score"] = float(score)
        matched = [str(v) for v in self.take(a, GG.matchedTerm)]
        if matched:
            entry["matched"] = matched
        created = self.one(a, DCTERMS.created)
        if isinstance(created, Literal):
            entry["created"] = created.toPython()
        polarity = g.value(a, GG.polarity)
        self.named(entry, "polarity", a, GG.polarity, POLARITIES)
        plain = GG.hinders if polarity == GG.hindering else GG.supports
        if kind in (GG.stated, GG.curated) and start is not None and end is not None and (start, plain, end) in g:
            self.covered.add((start, plain, end))
        return entry

    def results(self, indicator: Node) -> list[dict[str, Any]]:
        """The result rows of `indicator`: one per period, or two where target and actual differ in source or note."""
        g = self.graph
        if (indicator, RDF.type, GG.Indicator) not in g:
            return []
        periods: dict[tuple[date, date], dict[str, Node]] = {}
        for result in g.objects(indicator, GG.result):
            self.subjects.add(result)  # what is not written of it is counted as left out
            kind = "target" if (result, RDF.type, GG.TargetResult) in g else "actual"
            if kind == "actual" and (result, RDF.type, GG.ActualResult) not in g:
                continue
            start, end = (_day(g.value(result, p)) for p in (GG.resultStart, GG.resultEnd))
            if start is None or end is None or g.value(result, DCTERMS.source) is None:
                continue
            # Only results named as reading names them: another name would not come back.
            if URIRef(f"{indicator}/result/{_period_slug(start, end)}/{kind}") != result:
                continue
            periods.setdefault((start, end), {})[kind] = result
        rows: list[dict[str, Any]] = []
        for (start, end), found in sorted(periods.items()):
            period: int | str = start.year if _period_slug(start, end) == str(start.year) else f"{start}/{end}"
            parts = [self.result_row(indicator, period, found)]
            if len(found) == 2 and parts[0] is None:
                parts = [self.result_row(indicator, period, {kind: r}) for kind, r in found.items()]
            rows.extend(row for row in parts if row is not None)
        return rows

    def result_row(self, indicator: Node, period: int | str, found: dict[str, Node]) -> dict[str, Any] | None:
        """One row for the results in `found`, or None if they differ in source or note (they need a row each)."""
        g = self.graph
        sources = {g.value(r, DCTERMS.source) for r in found.values()}
        notes = {frozenset(g.objects(r, SKOS.note)) for r in found.values()}
        if len(sources) > 1 or len(notes) > 1:
            return None
        row: dict[str, Any] = {"indicator": self.reference(indicator), "period": period}
        for kind in ("target", "actual"):
            result = found.get(kind)
            if result is None:
                continue
            self.covered.add((indicator, GG.result, result))
            self.take(result, RDF.type)
            self.one(result, GG.resultStart)
            self.one(result, GG.resultEnd)
            value = _number(g.value(result, RDF.value))
            if value is not None:
                self.one(result, RDF.value)
                row[kind] = value
            else:
                self.texts(row, kind, result, DCTERMS.description)
            if kind == "actual":
                verdict = g.value(result, GG.verdict)
                name = next((name for name, iri in VERDICTS.items() if iri == verdict), None)
                if name is not None:
                    self.one(result, GG.verdict)
                    row["verdict"] = name
            source = self.one(result, DCTERMS.source)
            row["source"] = self.name(source or URIRef(""))
            self.texts(row, "note", result, SKOS.note)
        return {key: row[key] for key in KEYS["results"] if key in row}


def _day(value: Node | None) -> date | None:
    found = value.toPython() if isinstance(value, Literal) else None
    return found if isinstance(found, date) else None


def _period_slug(start: date, end: date) -> str:
    """How a result's IRI names its period: ``2019`` for a calendar year, else ``2019-07-01--2020-06-30``."""
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    return f"{start}--{end}"


def _number(value: Node | None) -> int | float | str | None:
    """An xsd:decimal as YAML writes it: an integer, a float that reads back the same, else its text.

    >>> _number(Literal("12.5", datatype=XSD.decimal)), _number(Literal("20", datatype=XSD.decimal))
    (12.5, 20)
    """
    if not isinstance(value, Literal) or value.datatype != XSD.decimal:
        return None
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return None
    if not number.is_finite():
        return None
    if number == number.to_integral_value() and "." not in str(value):
        return int(number)
    as_float = float(number)
    return as_float if repr(as_float) == str(value) else str(value)
