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
this file does not define it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
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
    KEYS,
    KINDS,
    ORGANISATION_TYPES,
    PLAN_SLUGS,
    PLAN_TYPES,
    REQUIRED,
    SECTIONS,
    STATEMENT_TYPES,
    STRENGTHS,
    TOP_KEYS,
    TYPE_SLUGS,
)
from goalgraph.namespaces import GG
from goalgraph.slugs import slug

__all__ = ["build"]

#: What one entry of each section is called in messages.
_ENTRY = {
    "sources": "source",
    "organisations": "organisation",
    "plans": "plan",
    "groups": "group",
    "statements": "statement",
    "alignments": "alignment",
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
    triples: list[Triple] = field(default_factory=list)


def build(document: Any, *, file: str, base: str, progress: Callable[[int], None] | None = None) -> Graph:
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

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    DataError
        At the first mistake, naming the line and the key.
    """
    return _Builder(file, base, progress).build(document)


class _Builder:
    def __init__(self, file: str, base: str, progress: Callable[[int], None] | None) -> None:
        self.file = file
        self.base = base
        self.progress = progress
        self.identifiers: dict[str, _Entry] = {}
        self.iris: dict[URIRef, _Entry] = {}
        self.curator: URIRef | None = None
        self.done = 0

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
        if "curator" in document:
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
        for entry in sections["statements"]:
            if "measures" in entry.item:
                entry.triples.append((self.own(entry), GG.measures, self.reference(entry.item, "measures")))
        return _graph(triple for name in SECTIONS for entry in sections[name] for triple in entry.triples)

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
        by = self.reference(item, "by", kinds=()) if "by" in item else None
        if kind_name == "curated":
            if strength is None:
                raise self.missing(item, "strength", "curated alignment (strong, moderate or weak)")
            if "rationale" not in item:
                raise self.missing(item, "rationale", "curated alignment")
            by = by or self.curator
            if by is None:
                raise self.missing(item, "by", "curated alignment (or give curator: at the top of the file)")
        if kind_name == "stated" and "source" not in item:
            raise self.missing(item, "source", "stated alignment")

        def derived() -> str:
            folder = "alignment/suggested" if kind_name == "suggested" else "alignment"
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
            add((iri, DCTERMS.created, self.date(item, "created")))
        if kind_name != "suggested":
            add((start, GG.supports, end))

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

    def choice(self, item: Item, key: str, choices: dict[str, URIRef], what: str, default: str | None = None) -> URIRef:
        value = item.get(key, default)
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

    def score(self, item: Item) -> Literal:
        value = item["score"]
        try:
            number = float(value) if not isinstance(value, bool) else None
        except (TypeError, ValueError):
            number = None
        if number is None or not 0 <= number <= 1:
            raise item.error("score", f"expected a number between 0 and 1, got {_shown(value)}")
        return Literal(f"{number:.4f}", datatype=XSD.decimal)


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
