"""From a read authoring document (:mod:`.located` values) to a graph of the goalgraph ontology.

Every value is checked where it is read, so each mistake is one message that names
the file, the line and the key. The triples follow the conventions of the bundled
Turtle (``data/vores-maal.ttl``, ``data/alignments-curated.ttl``).

References (``holder``, ``plan``, ``from``, ``to``, ``members``...) are looked up in
this order:

1. an ``identifier`` of a plan or statement in this file (``SM2``, ``AM-T1``);
2. otherwise an IRI: absolute (with a scheme) or relative to the base namespace, so
   ``politiet`` or ``anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen``
   names the bundled data.

Identifiers are looked up in this file only: a reference with a capital letter and
neither ``/`` nor ``:`` (``SM2``) is taken for an identifier, and is an error when
this file does not define it. A result's ``indicator`` is an exception: a results
table read on its own (:class:`Known`) finds its indicators, by identifier or IRI,
in the files loaded with it. Results are read last, once every indicator's unit,
type and plan period is known.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS

from goalgraph.errors import DataError
from goalgraph.importers.authoring.located import Item, Items
from goalgraph.importers.authoring.vocabulary import (
    DIRECTIONS,
    INDICATOR_KEYS,
    INDICATOR_TYPES,
    KEYS,
    KINDS,
    ORGANISATION_TYPES,
    PLAN_SLUGS,
    PLAN_TYPES,
    POLARITIES,
    RELATION_KEYS,
    REQUIRED,
    SECTIONS,
    STAGES,
    STATEMENT_TYPES,
    STRENGTHS,
    TOP_KEYS,
    TYPE_SLUGS,
    VERDICTS,
)
from goalgraph.namespaces import GG
from goalgraph.querying import select
from goalgraph.slugs import slug

__all__ = ["Facts", "Known", "build"]

#: What one entry of each section is called in messages.
_ENTRY = {
    "sources": "source",
    "organisations": "organisation",
    "plans": "plan",
    "groups": "group",
    "statements": "statement",
    "alignments": "alignment",
    "results": "result",
}

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_NOT_IN_IRI = re.compile(r"[\s<>\"{}|\\^`]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_YEAR_SEGMENT = re.compile(r"/(\d{4})/")
_ISO639 = "http://id.loc.gov/vocabulary/iso639-1/"

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def _last_segment(iri: str) -> str:
    """The slug of the last path segment of `iri` (``"x"`` if nothing is left of it)."""
    return slug(iri.rstrip("/").rsplit("/", 1)[-1]) or "x"


@dataclass
class _Entry:
    """One entry of a section while it is being built."""

    section: str
    item: Item
    iri: URIRef | None = None
    holder: URIRef | None = None
    source: URIRef | None = None
    year: int | None = None
    key: str = ""  # what a derived alignment IRI calls it
    period: tuple[str, str] | None = None  # a plan's first and last day
    plan: URIRef | None = None  # a statement's plan
    measures: URIRef | None = None  # what an indicator measures
    triples: list[Triple] = field(default_factory=list)


def build(
    document: Any,
    *,
    file: str,
    base: str,
    progress: Callable[[int], None] | None = None,
    known: Known | None = None,
) -> Graph:
    """Check a read document and turn it into a graph.

    Parameters
    ----------
    document : Item or None
        From :func:`.located.load_yaml` or the CSV reader.
    file : str
        The file, as messages show it.
    base : str
        The base namespace relative IRIs resolve against.
    progress : callable, optional
        Called with the number of entries done, now and then.
    known : Known, optional
        For a results table read on its own: the indicators of the files loaded with it.

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    DataError
        At the first mistake, naming the line and the key.
    """
    return _Builder(file, base, progress, known).build(document)


class _Builder:
    def __init__(
        self, file: str, base: str, progress: Callable[[int], None] | None, known: Known | None = None
    ) -> None:
        self.file = file
        self.base = base
        self.progress = progress
        self.identifiers: dict[str, _Entry] = {}
        self.iris: dict[URIRef, _Entry] = {}
        self.curator: URIRef | None = None
        self.done = 0
        self.known = known
        # What results learn about indicators: the unit a row set, the periods given.
        self.units: dict[URIRef, str] = {}
        self.given: dict[tuple[URIRef, str, str, str], int] = {}

    # ---------------------------------------------------------------- the document

    def build(self, document: Any) -> Graph:
        if document is None:
            document = Item(self.file, "", 1)
        if not isinstance(document, Item):
            raise DataError(self.file, "expected a mapping with sections such as statements: and alignments:", line=1)
        self.unknown_keys(document, TOP_KEYS, "the top of the document")
        sections: dict[str, list[_Entry]] = {}
        for name in SECTIONS:
            entries = document.get(name)
            if entries is None:
                sections[name] = []
                continue
            if not isinstance(entries, Items):
                raise document.error(name, f"expected a list of {name}, each entry starting with '- '")
            sections[name] = [self.entry(name, entries, index) for index in range(len(entries))]
        described: list[Triple] = []
        if isinstance(document.get("curator"), Item):
            self.curator = self.agent(document["curator"], "the curator", described)
        elif "curator" in document:
            self.curator = self.reference(document, "curator", kinds=())
        # Identifiers first, so references can point forward in the file.
        for name in ("plans", "statements"):
            for entry in sections[name]:
                identifier = self.string(entry.item, "identifier")
                if identifier is None:
                    continue
                first = self.identifiers.get(identifier)
                if first is not None:
                    raise entry.item.error(
                        "identifier", f"the identifier {identifier!r} is given twice (first on line {first.item.line})"
                    )
                self.identifiers[identifier] = entry
                entry.key = identifier.lower()
        for name, read in [
            ("sources", self.source),
            ("organisations", self.organisation),
            ("plans", self.plan),
            ("statements", self.statement),
            ("groups", self.group),
            ("alignments", self.alignment),
        ]:
            for entry in sections[name]:
                read(entry)
                self.tick()
        # Links to plans and statements anywhere in the file, once all their IRIs are known.
        for entry in sections["plans"]:
            for target in self.references(entry.item, "coordinated_with", kinds=("plans",)):
                entry.triples.append((self.own(entry), GG.coordinatedWith, target))
            for target in self.references(entry.item, "revision_of", kinds=("plans",)):
                entry.triples.append((self.own(entry), PROV.wasRevisionOf, target))
        for entry in sections["statements"]:
            if "measures" in entry.item:
                entry.measures = self.reference(entry.item, "measures")
                entry.triples.append((self.own(entry), GG.measures, entry.measures))
        for entry in [*sections["plans"], *sections["statements"]]:
            for key, predicate in RELATION_KEYS.items():
                for target in self.references(entry.item, key):
                    if target == entry.iri:
                        raise entry.item.error(key, f"a {_ENTRY[entry.section]} cannot be {key} itself")
                    entry.triples.append((self.own(entry), predicate, target))
        # Results last: they need every indicator's unit, type and plan period. A unit a row
        # gives counts for the indicator's every row, before it too (the mistakes wait for the rows' turn).
        for entry in sections["results"]:
            try:
                facts, unit = self.indicator(entry.item), self.string(entry.item, "unit")
            except DataError:
                continue
            if unit and facts.unit is None:
                self.units.setdefault(facts.iri, unit)
        for entry in sections["results"]:
            self.result(entry)
            self.tick()
        triples = (triple for name in SECTIONS for entry in sections[name] for triple in entry.triples)
        return _graph([*described, *triples])

    def agent(self, item: Item, what: str, triples: list[Triple]) -> URIRef:
        """An agent given as {id, name}: described here (a prov:Agent), so that nothing points at it undescribed."""
        self.unknown_keys(item, ("id", "name"), what)
        iri = self.iri(item, "id")
        triples.append((iri, RDF.type, PROV.Agent))
        called = self.string(item, "name")
        if called:
            triples.append((iri, SKOS.prefLabel, Literal(called)))
        return iri

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % 1000 == 0:
            self.progress(self.done)

    def entry(self, section: str, entries: Items, index: int) -> _Entry:
        item = entries[index]
        where = f"{entries.where}[{index}]"
        if not isinstance(item, Item):
            raise DataError(
                self.file,
                f"{where}: expected a mapping of keys (such as type: and text:) for a {_ENTRY[section]}",
                line=entries.lines[index],
            )
        self.unknown_keys(item, KEYS[section], f"a {_ENTRY[section]}")
        for key in REQUIRED[section]:
            if item.get(key) is None:
                raise self.missing(item, key, _ENTRY[section])
        return _Entry(section, item)

    def unknown_keys(self, item: Item, known: tuple[str, ...], what: str) -> None:
        for key in item:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                raise item.error(key, f"not a key of {what}; {hint}the keys are {', '.join(known)}")

    def missing(self, item: Item, key: str, what: str) -> DataError:
        if item.column_style:
            return item.error(key, f"the cell is empty, but a {what} needs it")
        return item.error(None, f"the required key {key!r} is missing from this {what}")

    # ---------------------------------------------------------------- the sections

    def source(self, entry: _Entry) -> None:
        item = entry.item
        iri = self.claim(entry, self.iri(item, "id"))
        add = entry.triples.append
        add((iri, RDF.type, FOAF.Document))
        add((iri, RDF.type, PROV.Entity))
        self.texts(entry, iri, "title", DCTERMS.title)
        self.texts(entry, iri, "translation", GG.translation)
        self.texts(entry, iri, "description", DCTERMS.description)
        if "publisher" in item:
            add((iri, DCTERMS.publisher, self.reference(item, "publisher", kinds=())))
        if "issued" in item:
            add((iri, DCTERMS.issued, self.date(item, "issued")))
        for code in self.strings(item, "language"):
            if not re.fullmatch(r"[a-z]{2}", code):
                raise item.error("language", f"{code!r} is not a two-letter ISO 639-1 language code such as da or en")
            add((iri, DCTERMS.language, URIRef(_ISO639 + code)))
        for related in self.references(item, "related", kinds=()):
            add((iri, DCTERMS.relation, related))

    def organisation(self, entry: _Entry) -> None:
        item = entry.item
        iri = self.claim(entry, self.iri(item, "id"))
        add = entry.triples.append
        add((iri, RDF.type, self.choice(item, "type", ORGANISATION_TYPES, "an organisation type", "Organization")))
        self.texts(entry, iri, "name", SKOS.prefLabel)
        self.texts(entry, iri, "description", DCTERMS.description)
        for key, predicate in [("part_of", ORG.subOrganizationOf), ("unit_of", ORG.unitOf), ("members", ORG.hasMember)]:
            for target in self.references(item, key, kinds=()):
                add((iri, predicate, target))
        if "homepage" in item:
            add((iri, FOAF.homepage, self.iri(item, "homepage", absolute=True)))

    def plan(self, entry: _Entry) -> None:
        item = entry.item
        plan_type = self.choice(item, "type", PLAN_TYPES, "a plan type")
        entry.holder = self.reference(item, "holder", kinds=())
        start, end = self.period(item)
        entry.period = (start, end)
        entry.year = int(start[:4])
        iri = self.identify(entry, lambda: f"{self.relative(entry.holder)}/{entry.year}/{PLAN_SLUGS[item['type']]}")
        entry.source = self.iri(item, "source")
        add = entry.triples.append
        add((iri, RDF.type, plan_type))
        self.identifier(entry, iri)
        self.texts(entry, iri, "title", DCTERMS.title)
        self.texts(entry, iri, "translation", GG.translation)
        self.texts(entry, iri, "note", SKOS.note)
        add((iri, GG.holder, entry.holder))
        add((iri, GG.periodStart, Literal(start, datatype=XSD.date)))
        add((iri, GG.periodEnd, Literal(end, datatype=XSD.date)))
        add((iri, DCTERMS.source, entry.source))

    def statement(self, entry: _Entry) -> None:
        item = entry.item
        statement_type = self.choice(item, "type", STATEMENT_TYPES, "a statement type")
        plan_iri = self.reference(item, "plan", kinds=("plans",)) if "plan" in item else None
        plan = self.iris.get(plan_iri) if plan_iri is not None else None
        texts = self.language_map(item, "text")
        if "holder" in item:
            entry.holder = self.reference(item, "holder", kinds=())
        elif plan is not None:
            entry.holder = plan.holder
        else:
            raise self.missing(item, "holder", "statement outside a plan of this file")
        if "source" in item:
            entry.source = self.iri(item, "source")
        elif plan is not None:
            entry.source = plan.source
        else:
            raise self.missing(item, "source", "statement outside a plan of this file")
        entry.plan = plan_iri
        if plan is not None:
            entry.year = plan.year
        elif plan_iri is not None and (found := _YEAR_SEGMENT.search(str(plan_iri))):
            entry.year = int(found.group(1))

        def derived() -> str:
            year = f"/{entry.year}" if plan_iri is not None and entry.year else ""
            return f"{self.relative(entry.holder)}{year}/{TYPE_SLUGS[item['type']]}/{slug(texts[0][1]) or 'x'}"

        iri = self.identify(entry, derived)
        add = entry.triples.append
        add((iri, RDF.type, statement_type))
        self.identifier(entry, iri)
        for language, text in texts:
            add((iri, GG.text, Literal(text, lang=language)))
        self.texts(entry, iri, "translation", GG.translation)
        self.texts(entry, iri, "note", SKOS.note)
        add((iri, GG.holder, entry.holder))  # type: ignore[arg-type]
        if plan_iri is not None:
            add((iri, GG.inPlan, plan_iri))
        add((iri, DCTERMS.source, entry.source))  # type: ignore[arg-type]
        self.indicator_facts(entry, iri)

    def indicator_facts(self, entry: _Entry, iri: URIRef) -> None:
        """How an indicator is read, and a statement's stage and weight."""
        item = entry.item
        add = entry.triples.append
        if item["type"] != "Indicator":
            for key in INDICATOR_KEYS:
                if key in item:
                    raise item.error(key, f"only an indicator has a {key}, and this statement is a {item['type']}")
        if "unit" in item:
            unit = self.string(item, "unit")
            if not unit:
                raise item.error("unit", "expected a unit such as procent or antal, got nothing")
            add((iri, GG.unit, Literal(unit)))
        if "direction" in item:
            add((iri, GG.direction, self.choice(item, "direction", DIRECTIONS, "a direction")))
        for key, predicate in [("baseline", GG.baseline), ("threshold", GG.threshold)]:
            if key in item:
                add((iri, predicate, self.number(item, key)))
        if "indicator_type" in item:
            add((iri, GG.indicatorType, self.choice(item, "indicator_type", INDICATOR_TYPES, "an indicator type")))
        if "stage" in item:
            add((iri, GG.valueChainStage, self.choice(item, "stage", STAGES, "a value-chain stage")))
        if "weight" in item:
            weight = self.number(item, "weight")
            if Decimal(weight) <= 0:
                raise item.error("weight", f"a weight is a number above 0, got {_shown(item['weight'])}")
            add((iri, GG.targetWeight, weight))

    def group(self, entry: _Entry) -> None:
        item = entry.item
        iri = self.claim(entry, self.iri(item, "id"))
        add = entry.triples.append
        add((iri, RDF.type, GG.StatementGroup))
        self.texts(entry, iri, "name", SKOS.prefLabel)
        add((iri, GG.holder, self.reference(item, "holder", kinds=())))
        for member in self.references(item, "members"):
            add((iri, SKOS.member, member))

    def alignment(self, entry: _Entry) -> None:
        item = entry.item
        start, end = self.reference(item, "from"), self.reference(item, "to")
        if start == end:
            raise item.error("to", "an alignment cannot link a statement to itself")
        kind_name = item["kind"]
        kind = self.choice(item, "kind", KINDS, "an alignment kind")
        strength = self.choice(item, "strength", STRENGTHS, "a strength") if "strength" in item else None
        by = None
        if isinstance(item.get("by"), Item):
            by = self.agent(item["by"], "who made the alignment (by)", entry.triples)
        elif "by" in item:
            by = self.reference(item, "by", kinds=())
        if kind_name == "curated":
            if strength is None:
                raise self.missing(item, "strength", "curated alignment (strong, moderate or weak)")
            if "rationale" not in item:
                raise self.missing(item, "rationale", "curated alignment")
        if kind_name in ("curated", "rejected"):
            # An analyst's decision says whose it is: its own by, else the file's curator.
            by = by or self.curator
            if by is None:
                raise self.missing(item, "by", f"{kind_name} alignment (or give curator: at the top of the file)")
        if kind_name == "stated" and "source" not in item:
            raise self.missing(item, "source", "stated alignment")

        def derived() -> str:
            folder = f"alignment/{kind_name}" if kind_name in ("suggested", "rejected") else "alignment"
            return f"{folder}/{self.key_of(start)}--{self.key_of(end)}"

        iri = self.identify(entry, derived)
        add = entry.triples.append
        add((iri, RDF.type, GG.Alignment))
        add((iri, GG["from"], start))
        add((iri, GG.to, end))
        add((iri, GG.kind, kind))
        if strength is not None:
            add((iri, GG.strength, strength))
        self.texts(entry, iri, "rationale", GG.rationale)
        self.texts(entry, iri, "evidence", GG.evidence)
        if by is not None:
            add((iri, PROV.wasAttributedTo, by))
        if "source" in item:
            add((iri, DCTERMS.source, self.iri(item, "source")))
        if "score" in item:
            add((iri, GG.score, self.score(item)))
        for term in self.strings(item, "matched"):
            add((iri, GG.matchedTerm, Literal(term)))
        if "created" in item:
            add((iri, DCTERMS.created, self.moment(item, "created")))
        polarity = self.choice(item, "polarity", POLARITIES, "a polarity") if "polarity" in item else None
        if polarity is not None:
            add((iri, GG.polarity, polarity))
        if kind_name not in ("suggested", "rejected"):  # neither is a link until accepted
            add((start, GG.hinders if polarity == GG.hindering else GG.supports, end))

    # ---------------------------------------------------------------- results

    def result(self, entry: _Entry) -> None:
        """One row of results: a target and/or an actual result of an indicator for a period."""
        item = entry.item
        facts = self.indicator(item)
        indicator = facts.iri
        start, end = self.result_period(item)
        if facts.period is not None and not facts.period[0] <= start <= end <= facts.period[1]:
            first, last = facts.period
            raise item.error(
                "period",
                f"{start} to {end} is not within the period of the indicator's plan ({first} to {last})",
            )
        add = entry.triples.append
        unit = facts.unit or self.units.get(indicator)
        if "unit" in item:
            given = self.string(item, "unit")
            if not given:
                raise item.error("unit", "expected a unit such as procent or antal, got nothing")
            if unit is not None and given != unit:
                raise item.error("unit", f"{given!r} is not the indicator's unit, {unit!r}")
            if facts.unit is None:
                # The first row to name a unit gives it to an indicator that has none.
                add((indicator, GG.unit, Literal(given)))
        # A quantitative indicator, or one with a unit (and no type saying otherwise), takes numbers only.
        reason = None
        if facts.indicator_type == GG.quantitative:
            reason = "is quantitative"
        elif facts.indicator_type is None and unit is not None:
            reason = f"has the unit {unit!r}"
        values = {kind: self.result_value(item, kind, reason) for kind in ("target", "actual") if kind in item}
        verdict = self.choice(item, "verdict", VERDICTS, "a verdict", normalise=True) if "verdict" in item else None
        if not values and verdict is None:
            raise item.error(None, "a result needs a target, an actual or a verdict")
        source = self.iri(item, "source")
        period = start[:4] if _whole_year(start, end) else f"{start}--{end}"
        for kind, result_type in [("target", GG.TargetResult), ("actual", GG.ActualResult)]:
            if kind not in values and not (kind == "actual" and verdict is not None):
                continue
            key = kind if kind in item else "verdict"
            earlier = self.given.get((indicator, start, end, kind))
            if earlier is not None:
                raise item.error(key, f"a second {kind} for this indicator and period (the first is on line {earlier})")
            self.given[(indicator, start, end, kind)] = item.line_of(key)
            result = URIRef(f"{indicator}/result/{period}/{kind}")
            add((indicator, GG.result, result))
            add((result, RDF.type, result_type))
            add((result, GG.resultStart, Literal(start, datatype=XSD.date)))
            add((result, GG.resultEnd, Literal(end, datatype=XSD.date)))
            value = values.get(kind)
            if isinstance(value, Literal):
                add((result, RDF.value, value))
            elif value is not None:
                for language, text in value:
                    add((result, DCTERMS.description, Literal(text, lang=language)))
            if kind == "actual" and verdict is not None:
                add((result, GG.verdict, verdict))
            add((result, DCTERMS.source, source))
            self.texts(entry, result, "note", SKOS.note)

    def indicator(self, item: Item) -> Facts:
        """The indicator a result row names: of this file, or of the files loaded with it."""
        value = item.get("indicator")
        if not isinstance(value, str) or not value.strip():
            raise item.error("indicator", f"expected a reference to an indicator, got {_shown(value)}")
        value = value.strip()
        entry = self.identifiers.get(value)
        if entry is None and self.known is not None and "/" not in value and ":" not in value:
            named = self.known.named(value)
            if len(named) > 1:
                raise item.error("indicator", f"{_shown(value)} names {len(named)} indicators; give its IRI")
            if named:
                value = str(named[0])
        if entry is None and "/" not in value and ":" not in value and value != value.lower():
            raise item.error("indicator", f"{_shown(value)} is not the identifier of an indicator{self.elsewhere()}")
        iri = entry.iri if entry is not None else self.resolve(item, "indicator", value)
        entry = self.iris.get(iri) if iri is not None else None
        if entry is not None:
            if entry.section != "statements" or entry.item.get("type") != "Indicator":
                what = entry.item.get("type") if entry.section == "statements" else _ENTRY[entry.section]
                raise item.error("indicator", f"{_shown(value)} is a {what}, not an indicator")
            return self.facts_of(entry)
        found = self.known.facts(iri) if self.known is not None and iri is not None else None
        if found is None:
            raise item.error("indicator", f"{_shown(value)} is not an indicator{self.elsewhere()}")
        return found

    def elsewhere(self) -> str:
        if self.known is not None:
            return " of the files loaded with this results table"
        return (
            " in this file (a results table given on its own finds its indicators in the files loaded with it, "
            "as in goalgraph.load([plan.yaml, results.csv]))"
        )

    def facts_of(self, entry: _Entry) -> Facts:
        item = entry.item
        plan = entry.plan
        if plan is None and entry.measures is not None and (measured := self.iris.get(entry.measures)):
            plan = measured.plan
        plan_entry = self.iris.get(plan) if plan is not None else None
        kind = item.get("indicator_type")
        return Facts(
            self.own(entry),
            self.string(item, "unit"),
            INDICATOR_TYPES.get(kind) if isinstance(kind, str) else None,
            plan_entry.period if plan_entry is not None else None,
        )

    def result_period(self, item: Item) -> tuple[str, str]:
        value = item["period"]
        text = str(value).strip() if isinstance(value, int | str) and not isinstance(value, bool) else ""
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-01-01", f"{text}-12-31"
        found = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})", text)
        try:
            start, end = (date.fromisoformat(day).isoformat() for day in found.groups()) if found else ("", "")
        except ValueError:
            start = end = ""
        if not start:
            raise item.error(
                "period",
                f"expected a year such as 2019 or an interval such as 2019-07-01/2020-06-30, got {_shown(value)}",
            )
        if start > end:
            raise item.error("period", f"the period ends ({end}) before it starts ({start})")
        return start, end

    def result_value(self, item: Item, key: str, reason: str | None) -> Literal | list[tuple[str, str]]:
        value = item[key]
        if isinstance(value, Item):
            if reason is not None:
                raise item.error(key, f"expected a number, as the indicator {reason}; got a text")
            return self.language_map(item, key)
        number = _decimal(value)
        if number is None:
            hint = ""
            if reason is not None:
                hint = f" (the indicator {reason})"
            elif item.column_style:
                hint = f"; for a text, use a column per language, such as {key}_da"
            else:
                hint = f"; for a text, give it by language, such as {key}: {{da: ...}}"
            raise item.error(key, f"expected a number such as 12.5, 12,5 or 85%, got {_shown(value)}{hint}")
        return Literal(number, datatype=XSD.decimal)

    # ---------------------------------------------------------------- IRIs and references

    def claim(self, entry: _Entry, iri: URIRef) -> URIRef:
        """Make `iri` the entry's, unless another entry of the file has it."""
        first = self.iris.get(iri)
        if first is not None:
            key = "id" if "id" in entry.item else None
            given = "" if key else " (derived from the entry; give it an id of its own)"
            raise entry.item.error(
                key, f"the id {self.relative(iri)!r}{given} is already used on line {first.item.line}"
            )
        self.iris[iri] = entry
        entry.iri = iri
        if not entry.key:
            entry.key = _last_segment(iri)
        return iri

    def identify(self, entry: _Entry, derive: Callable[[], str]) -> URIRef:
        if "id" in entry.item:
            return self.claim(entry, self.iri(entry.item, "id"))
        return self.claim(entry, URIRef(urljoin(self.base, derive())))

    def own(self, entry: _Entry) -> URIRef:
        assert entry.iri is not None  # set when the entry was read
        return entry.iri

    def identifier(self, entry: _Entry, iri: URIRef) -> None:
        identifier = self.string(entry.item, "identifier")
        if identifier is not None:
            entry.triples.append((iri, DCTERMS.identifier, Literal(identifier)))

    def relative(self, iri: URIRef | None) -> str:
        text = str(iri)
        return text[len(self.base) :] if text.startswith(self.base) else _last_segment(text)

    def key_of(self, iri: URIRef) -> str:
        entry = self.iris.get(iri)
        return entry.key if entry is not None else _last_segment(iri)

    def iri(self, item: Item, key: str, *, absolute: bool = False) -> URIRef:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            raise item.error(key, f"expected an IRI, got {_shown(value)}")
        return self.resolve(item, key, value.strip(), absolute=absolute)

    def resolve(self, item: Item, key: str, value: str, *, absolute: bool = False) -> URIRef:
        if _NOT_IN_IRI.search(value):
            raise item.error(key, f'{_shown(value)} is not an IRI: it has a space or one of <>"{{}}|\\^`')
        if _SCHEME.match(value):
            return URIRef(value)
        if absolute:
            raise item.error(key, f"{_shown(value)} is not an absolute IRI such as https://example.org/")
        return URIRef(urljoin(self.base, value))

    def reference(self, item: Item, key: str, *, kinds: tuple[str, ...] = ("plans", "statements")) -> URIRef:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            raise item.error(key, f"expected a reference (an identifier or IRI), got {_shown(value)}")
        return self.look_up(item, key, value.strip(), kinds)

    def references(self, item: Item, key: str, *, kinds: tuple[str, ...] = ("plans", "statements")) -> Iterator[URIRef]:
        values = item.get(key)
        if values is None:
            return
        if not isinstance(values, list):
            values = [values]
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise item.error(key, f"expected references (identifiers or IRIs), got {_shown(value)} at {index}")
            yield self.look_up(item, key, value.strip(), kinds)

    def look_up(self, item: Item, key: str, value: str, kinds: tuple[str, ...]) -> URIRef:
        entry = self.identifiers.get(value)
        if entry is not None:
            if entry.section not in kinds:
                wanted = " or ".join(_ENTRY[k] for k in kinds) if kinds else "an organisation, agent or document"
                raise item.error(
                    key, f"{_shown(value)} is the identifier of a {_ENTRY[entry.section]}, not of a {wanted}"
                )
            if entry.iri is None:
                raise item.error(key, f"{_shown(value)} is a {_ENTRY[entry.section]} that cannot be named here")
            return entry.iri
        if "/" not in value and ":" not in value and value != value.lower():
            raise item.error(key, _dangling(value))
        return self.resolve(item, key, value)

    # ---------------------------------------------------------------- values

    def string(self, item: Item, key: str) -> str | None:
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise item.error(key, f"expected a text, got {_shown(value)}")
        return str(value).strip()

    def strings(self, item: Item, key: str) -> list[str]:
        values = item.get(key)
        if values is None:
            return []
        for value in values if isinstance(values, list) else [values]:
            if not isinstance(value, str):
                raise item.error(key, f"expected a text or a list of texts, got {_shown(value)}")
        return [v.strip() for v in (values if isinstance(values, list) else [values])]

    def choice(
        self,
        item: Item,
        key: str,
        choices: dict[str, URIRef],
        what: str,
        default: str | None = None,
        *,
        normalise: bool = False,
    ) -> URIRef:
        value = item.get(key, default)
        if normalise and isinstance(value, str):
            value = " ".join(value.lower().split())  # "Delvist  opfyldt" as written in a report
        if not isinstance(value, str) or value not in choices:
            close = difflib.get_close_matches(str(value), list(choices), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise item.error(key, f"{_shown(value)} is not {what}; {hint}expected one of {', '.join(choices)}")
        return choices[value]

    def language_map(self, item: Item, key: str) -> list[tuple[str, str]]:
        value = item.get(key)
        if not isinstance(value, Item) or not value:
            raise item.error(key, f"expected texts by language tag, such as {{da: ..., en: ...}}; got {_shown(value)}")
        texts = []
        for language, text in value.items():
            if not _LANGUAGE_TAG.fullmatch(language):
                raise value.error(language, f"{language!r} is not a language tag such as da, en or en-GB")
            if not isinstance(text, str) or not text.strip():
                raise value.error(language, f"expected a text, got {_shown(text)}")
            texts.append((language.lower(), " ".join(text.split())))
        return texts

    def texts(self, entry: _Entry, iri: URIRef, key: str, predicate: URIRef) -> None:
        if key in entry.item:
            for language, text in self.language_map(entry.item, key):
                entry.triples.append((iri, predicate, Literal(text, lang=language)))

    def date(self, item: Item, key: str) -> Literal:
        return Literal(self.day(item, key), datatype=XSD.date)

    def moment(self, item: Item, key: str) -> Literal:
        """A day (xsd:date) or a time of day (xsd:dateTime, in UTC where the zone is given)."""
        value = item.get(key)
        if isinstance(value, str) and "T" in value.strip():
            try:
                value = datetime.fromisoformat(value.strip())
            except ValueError:
                raise item.error(key, f"expected a date or a date and time, got {_shown(value)}") from None
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                value = value.astimezone(UTC)
            return Literal(value.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)
        return self.date(item, key)

    def day(self, item: Item, key: str) -> str:
        value = item.get(key)
        if isinstance(value, date) and not isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                pass
        raise item.error(key, f"expected a date as YYYY-MM-DD, got {_shown(value)}")

    def period(self, item: Item) -> tuple[str, str]:
        if "year" in item:
            if "start" in item or "end" in item:
                raise item.error("year", "give either year or start and end, not both")
            year = item["year"]
            if isinstance(year, str) and year.strip().isdigit():
                year = int(year)
            if not isinstance(year, int) or isinstance(year, bool) or not 1000 <= year <= 9999:
                raise item.error("year", f"expected a year such as 2019, got {_shown(year)}")
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        for key in ("start", "end"):
            if key not in item:
                raise self.missing(item, key, "plan (its period: year, or start and end)")
        start, end = self.day(item, "start"), self.day(item, "end")
        if start > end:
            raise item.error("end", f"the period ends ({end}) before it starts ({start})")
        return start, end

    def number(self, item: Item, key: str) -> Literal:
        """A number (``12.5``, Danish ``12,5``, ``85%``) as an xsd:decimal."""
        number = _decimal(item[key])
        if number is None:
            raise item.error(key, f"expected a number such as 12.5, 12,5 or 85%, got {_shown(item[key])}")
        return Literal(number, datatype=XSD.decimal)

    def score(self, item: Item) -> Literal:
        value = item["score"]
        try:
            number = float(value) if not isinstance(value, bool) else None
        except (TypeError, ValueError):
            number = None
        if number is None or not 0 <= number <= 1:
            raise item.error("score", f"expected a number between 0 and 1, got {_shown(value)}")
        return Literal(f"{number:.4f}", datatype=XSD.decimal)


@dataclass(frozen=True)
class Facts:
    """What a result row needs to know of its indicator.

    Attributes
    ----------
    iri : URIRef
        The indicator.
    unit : str or None
        Its gg:unit.
    indicator_type : URIRef or None
        gg:quantitative or gg:qualitative.
    period : tuple of str, or None
        The first and last day of its plan (or of the plan of what it measures), where known.
    """

    iri: URIRef
    unit: str | None
    indicator_type: URIRef | None
    period: tuple[str, str] | None


class Known:
    """The indicators of the files loaded with a results table that is read on its own.

    Parameters
    ----------
    graph : rdflib.Graph
        The data loaded so far (a :class:`~goalgraph.loading.GoalDataset`).

    Examples
    --------
    >>> graph = Graph()
    >>> indicator = URIRef("https://example.org/synthetic/indicator")  # a made-up indicator
    >>> for p, o in [(RDF.type, GG.Indicator), (DCTERMS.identifier, Literal("I1")), (GG.unit, Literal("dage"))]:
    ...     _ = graph.add((indicator, p, o))
    >>> known = Known(graph)
    >>> known.named("I1")
    [rdflib.term.URIRef('https://example.org/synthetic/indicator')]
    >>> known.facts(indicator).unit, known.facts(URIRef("https://example.org/synthetic/other"))
    ('dage', None)
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.found: dict[URIRef, Facts | None] = {}

    def named(self, identifier: str) -> list[URIRef]:
        """The indicators with the dcterms:identifier `identifier`."""
        rows = select(self.graph, "authoring-indicator-named", identifier=Literal(identifier))
        return sorted({row["indicator"] for row in rows if isinstance(row["indicator"], URIRef)})

    def facts(self, iri: URIRef) -> Facts | None:
        """What is known of the indicator `iri`; None if it is no gg:Indicator there."""
        if iri not in self.found:
            rows = select(self.graph, "authoring-indicator", indicator=iri)
            if not rows:
                self.found[iri] = None
            else:
                row = rows[0]
                period = (str(row["start"]), str(row["end"])) if row["start"] and row["end"] else None
                unit = str(row["unit"]) if row["unit"] is not None else None
                kind = row["indicatorType"] if isinstance(row["indicatorType"], URIRef) else None
                self.found[iri] = Facts(iri, unit, kind, period)
        return self.found[iri]


_NUMBER = re.compile(r"([+-]?\d+)(?:[.,](\d+))?\s*%?")


def _decimal(value: Any) -> str | None:
    """The lexical form of a number as an xsd:decimal, or None if `value` is no number.

    >>> [_decimal(v) for v in (12, 12.5, "12,50", " 85 %", "-0.25", "1e3", "abc", True)]
    ['12', '12.5', '12.5', '85', '-0.25', None, None, None]
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        number = Decimal(repr(value))
    elif isinstance(value, str) and (found := _NUMBER.fullmatch(value.strip())):
        whole, fraction = found.groups()
        number = Decimal(f"{whole}.{fraction}" if fraction else whole)
    else:
        return None
    # One spelling per number (12.50 is 12.5), so that equal figures are equal terms.
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _whole_year(start: str, end: str) -> bool:
    """Whether the period is one calendar year (a result for 2019)."""
    return start[:4] == end[:4] and start[4:] == "-01-01" and end[4:] == "-12-31"


def _graph(triples: Iterable[Triple]) -> Graph:
    """The triples in a graph on an Oxigraph store of its own.

    Oxigraph takes the triples in one call, many times faster than rdflib's memory
    store adds them one by one; the loader and the Turtle writer read the store directly.
    """
    store = ox.Store()
    iris: dict[URIRef, ox.NamedNode] = {}

    def iri(term: URIRef) -> ox.NamedNode:
        found = iris.get(term)
        if found is None:
            found = iris[term] = ox.NamedNode(term)
        return found

    def value(term: URIRef | Literal) -> ox.NamedNode | ox.Literal:
        if isinstance(term, URIRef):
            return iri(term)
        if term.language:
            return ox.Literal(term, language=term.language)
        return ox.Literal(term, datatype=iri(term.datatype or XSD.string))

    store.extend(ox.Quad(iri(s), iri(p), value(o)) for s, p, o in triples)
    return Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)


#: How much of a value a message quotes, in characters: a long text is cut, so the message stays readable.
_QUOTED = 80


def _shown(value: Any) -> str:
    """A value as a message quotes it (a long text cut short, with its length).

    >>> _shown("x" * 1000)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (1,000 characters)"
    """
    if value is None:
        return "nothing"
    if isinstance(value, Item):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str) and len(value) > _QUOTED:
        return f"{value[:_QUOTED] + '…'!r} ({len(value):,} characters)"
    return repr(value.isoformat() if isinstance(value, date) else value)


def _dangling(value: str) -> str:
    """The message for an identifier this file does not define, naming the bundled IRI if there is one."""
    message = f"{_shown(value)} is not an identifier in this file (identifiers name things of the same file only)"
    from goalgraph.importers.authoring.bundled import bundled_identifier

    found = bundled_identifier(value)
    if found:
        return f"{message}; the bundled dataset's {value} is {found}: write that"
    return f"{message}; to name something in another file, use its IRI"
