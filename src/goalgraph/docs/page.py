"""The ontology documentation as one self-contained HTML page.

The page has the ontology's title, description, IRI, namespace, prefix and version;
a table of contents; a section per kind of term (classes, object, datatype and
annotation properties), each term under an anchor named by its local name
(``#Mission``), so that the fragment of a term's IRI finds it when the namespace
is served by this page; then the ontology's concept schemes (alignment kinds and
strengths, each concept anchored too), the mapped standards (BMM, ArchiMate,
StratML) with which goalgraph terms map to each of their concepts, and the
prefixes the page uses.

Everything the page needs is in it: the CSS (``goalgraph/templates/docs.css``) in a
``<style>`` element, no script, font, image or style sheet from elsewhere. This
module lays the vocabulary out as plain values (names, link targets, texts by
language); the template ``goalgraph/templates/docs.html`` makes them HTML, its
autoescape escaping every text from the ontology. Links go to anchors in the page,
or to ``http(s)`` IRIs of other vocabularies.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files
from typing import NamedTuple
from urllib.parse import quote

from goalgraph import __version__
from goalgraph.docs.model import KINDS, Concept, Scheme, StandardMapping, Term, Texts, Vocabulary
from goalgraph.export.context import context_prefixes
from goalgraph.export.names import PrefixedNames
from goalgraph.templating import render as render_template

__all__ = ["docs_css", "render"]

_LANGUAGE_NAMES = {"en": "English", "da": "Dansk"}
_SECTION_TITLES = {
    "class": "Classes",
    "object property": "Object properties",
    "datatype property": "Datatype properties",
    "annotation property": "Annotation properties",
}
_RELATIONS = {
    "http://www.w3.org/2004/02/skos/core#exactMatch": "exact match",
    "http://www.w3.org/2004/02/skos/core#closeMatch": "close match",
    "http://www.w3.org/2004/02/skos/core#broadMatch": "broad match",
    "http://www.w3.org/2004/02/skos/core#narrowMatch": "narrow match",
    "http://www.w3.org/2004/02/skos/core#relatedMatch": "related match",
    "http://www.w3.org/2000/01/rdf-schema#subClassOf": "sub-class of",
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf": "sub-property of",
}
_RELATION_ORDER = list(_RELATIONS)


def docs_css() -> str:
    """The page's style sheet (``goalgraph/templates/docs.css``)."""
    return files("goalgraph").joinpath("templates/docs.css").read_text(encoding="utf-8")


class _Reference(NamedTuple):
    """An IRI as the page names it, and where that name links (None: nowhere)."""

    name: str
    href: str | None


class _Heading(NamedTuple):
    name: str
    label: str | None
    kind: str


class _TextsTable(NamedTuple):
    """Texts in a column per language: the columns' (tag, heading), and each row's heading and cells."""

    languages: list[tuple[str, str]]
    rows: list[tuple[str, list[tuple[str, list[str]]]]]


class _Mapping(NamedTuple):
    relation: str
    standard: str
    target: _Reference
    label: str | None


class _Article(NamedTuple):
    """A term of the ontology or a concept of its schemes."""

    anchor: str
    heading: _Heading
    iri: str
    texts: _TextsTable | None
    facts: list[tuple[str, str | list[_Reference]]]
    mappings: list[_Mapping]


class _Section(NamedTuple):
    """A section of terms, or one of the ontology's concept schemes (`heading` its title)."""

    anchor: str
    title: str
    heading: _Heading | None
    texts: _TextsTable | None
    articles: list[_Article]


class _Row(NamedTuple):
    """A mapped standard's concept, with the terms (and how) that map to it."""

    anchor: str
    name: str
    label: str | None
    mapped: list[tuple[_Reference, str]]


class _Standard(NamedTuple):
    anchor: str
    title: str
    name: str
    described: bool
    see_also: list[str]
    concepts: list[_Row]


class _Entry(NamedTuple):
    """An entry of the contents: a section, and the terms in it."""

    href: str
    title: str
    terms: list[tuple[str, str]]


def _href(anchor: str) -> str:
    """A link to `anchor` in the page, percent-encoded where a fragment must be."""
    return "#" + quote(anchor, safe="!$&'()*+,;=:@/?-._~")


def _languages(*texts: Texts) -> list[str]:
    """English and Danish first, then any other language, then untagged text."""
    found = {language for t in texts for language in t}
    rest = sorted(found - {"en", "da", ""})
    return [language for language in ("en", "da", *rest, "") if language in found]


def _first(texts: Texts, *languages: str) -> str | None:
    for language in (*languages, *sorted(texts)):
        if texts.get(language):
            return texts[language][0]
    return None


def _is_web(iri: str) -> bool:
    return iri.startswith(("http://", "https://"))


def _in_languages(texts: Texts) -> list[tuple[str, str]]:
    """Each text with its language, the languages in the page's order."""
    return [(language, text) for language in _languages(texts) for text in texts[language]]


class _Layout:
    """Lays the vocabulary out for the template, naming IRIs and linking terms of the ontology."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        prefixes = dict(context_prefixes())
        prefixes[vocabulary.prefix] = vocabulary.namespace
        self.names = PrefixedNames(prefixes)
        # Where each thing the page describes is: a term of the ontology under its local
        # name (so that its IRI's fragment finds it), a mapped standard's concept under
        # its prefixed name (which has a colon, so no local name can be the same).
        self.anchors: dict[str, str] = {term.iri: vocabulary.local_name(term.iri) for term in vocabulary.terms}
        for scheme in vocabulary.schemes:
            self.anchors[scheme.iri] = vocabulary.local_name(scheme.iri)
            for concept in scheme.concepts:
                own = vocabulary.owns(concept.iri)
                self.anchors[concept.iri] = vocabulary.local_name(concept.iri) if own else self.name(concept.iri)

    def name(self, iri: str) -> str:
        short = self.names.shorten(iri)
        return short if short is not None else f"<{iri}>"

    def reference(self, iri: str) -> _Reference:
        """`iri` named, linked to its place in the page, or to itself if it is http(s)."""
        if iri in self.anchors:
            return _Reference(self.name(iri), _href(self.anchors[iri]))
        return _Reference(self.name(iri), iri if _is_web(iri) else None)

    def references(self, iris: Sequence[str]) -> list[_Reference]:
        return [self.reference(iri) for iri in iris]

    def relation(self, iri: str) -> str:
        return _RELATIONS.get(iri, self.name(iri))

    def heading(self, iri: str, labels: Texts, kind: str) -> _Heading:
        return _Heading(self.name(iri), _first(labels, "en"), kind)

    def texts_table(self, rows: Sequence[tuple[str, Texts]]) -> _TextsTable | None:
        """Labels, definitions and notes, a column per language (None: there are none)."""
        rows = [(heading, texts) for heading, texts in rows if texts]
        if not rows:
            return None
        languages = _languages(*(texts for _, texts in rows))
        return _TextsTable(
            [(language, _LANGUAGE_NAMES.get(language, language or "no language")) for language in languages],
            [(heading, [(language, texts.get(language, [])) for language in languages]) for heading, texts in rows],
        )

    def term(self, term: Term, subterms: Sequence[str]) -> _Article:
        is_class = term.kind == "class"
        facts: list[tuple[str, str | list[_Reference]]] = []
        if term.supers:
            facts.append(("Sub-class of" if is_class else "Sub-property of", self.references(term.supers)))
        if subterms:
            facts.append(("Super-class of" if is_class else "Super-property of", self.references(subterms)))
        if term.level is not None:
            facts.append(("Level", term.level))
        if term.domains:
            facts.append(("Domain", self.references(term.domains)))
        if term.ranges:
            facts.append(("Range", self.references(term.ranges)))
        if term.characteristics:
            facts.append(("Characteristics", self.references(term.characteristics)))
        return _Article(
            self.vocabulary.local_name(term.iri),
            self.heading(term.iri, term.labels, term.kind),
            term.iri,
            self.texts_table([("Label", term.labels), ("Definition", term.definitions), ("Note", term.notes)]),
            facts,
            [self.mapping(mapping) for mapping in sorted(term.mappings, key=_mapping_order)],
        )

    def mapping(self, mapping: StandardMapping) -> _Mapping:
        return _Mapping(
            self.relation(mapping.relation), mapping.standard or "", self.reference(mapping.target), mapping.label
        )

    def concept(self, concept: Concept) -> _Article:
        return _Article(
            self.vocabulary.local_name(concept.iri),
            self.heading(concept.iri, concept.labels, "concept"),
            concept.iri,
            self.texts_table([("Label", concept.labels), ("Definition", concept.definitions)]),
            [("Weight", concept.weight)] if concept.weight is not None else [],
            [],
        )

    def standard(self, scheme: Scheme, mapped_by: dict[str, list[tuple[str, str]]]) -> _Standard:
        """A mapped standard: its concepts, and the ontology's terms that map to each."""
        return _Standard(
            self.vocabulary.local_name(scheme.iri),
            _first(scheme.labels, "en") or self.name(scheme.iri),
            self.name(scheme.iri),
            bool(scheme.see_also),
            [iri for iri in scheme.see_also if _is_web(iri)],
            [
                _Row(
                    self.anchors[concept.iri],
                    self.name(concept.iri),
                    _first(concept.labels, "en"),
                    [
                        (self.reference(term), self.relation(relation))
                        for term, relation in mapped_by.get(concept.iri, [])
                    ],
                )
                for concept in scheme.concepts
            ],
        )


def _mapping_order(mapping: StandardMapping) -> tuple[int, str, str]:
    relation = _RELATION_ORDER.index(mapping.relation) if mapping.relation in _RELATIONS else 99
    return relation, mapping.standard or "", mapping.target


def _kinds(layout: _Layout, contents: list[_Entry]) -> list[_Section]:
    """A section per kind of term, each term anchored by its local name."""
    vocabulary = layout.vocabulary
    subterms: dict[str, list[str]] = {}
    for term in vocabulary.terms:
        for parent in term.supers:
            subterms.setdefault(parent, []).append(term.iri)
    sections = []
    for kind in KINDS:
        terms = [term for term in vocabulary.terms if term.kind == kind]
        if not terms:
            continue
        title = _SECTION_TITLES[kind]
        anchor = "section-" + title.lower().replace(" ", "-")
        entries = [(_href(vocabulary.local_name(t.iri)), layout.name(t.iri)) for t in terms]
        contents.append(_Entry(_href(anchor), title, entries))
        articles = [layout.term(term, subterms.get(term.iri, [])) for term in terms]
        sections.append(_Section(anchor, title, None, None, articles))
    return sections


def _schemes(layout: _Layout, schemes: Sequence[Scheme], contents: list[_Entry]) -> list[_Section]:
    """A section per concept scheme of the ontology's own (alignment kinds, strengths)."""
    vocabulary = layout.vocabulary
    sections = []
    for scheme in schemes:
        anchor = vocabulary.local_name(scheme.iri)
        title = _first(scheme.labels, "en") or layout.name(scheme.iri)
        concepts = [c for c in scheme.concepts if vocabulary.owns(c.iri)]
        entries = [(_href(vocabulary.local_name(c.iri)), layout.name(c.iri)) for c in concepts]
        contents.append(_Entry(_href(anchor), title.capitalize(), entries))
        sections.append(
            _Section(
                anchor,
                title,
                layout.heading(scheme.iri, scheme.labels, "concept scheme"),
                layout.texts_table([("Label", scheme.labels), ("Definition", scheme.definitions)]),
                [layout.concept(concept) for concept in concepts],
            )
        )
    return sections


def _standards(layout: _Layout, standards: Sequence[Scheme], contents: list[_Entry]) -> list[_Standard]:
    """The mapped standards, each concept with the terms that map to it."""
    if not standards:
        return []
    vocabulary = layout.vocabulary
    mapped_by: dict[str, list[tuple[str, str]]] = {}
    for term in vocabulary.terms:
        for mapping in term.mappings:
            mapped_by.setdefault(mapping.target, []).append((term.iri, mapping.relation))
    entries = [(_href(vocabulary.local_name(s.iri)), _first(s.labels, "en") or layout.name(s.iri)) for s in standards]
    contents.append(_Entry(_href("section-standards"), "Mapped standards", entries))
    return [layout.standard(scheme, mapped_by) for scheme in standards]


def render(vocabulary: Vocabulary) -> str:
    """The documentation page of `vocabulary`, as HTML.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.docs.model import read_vocabulary
    >>> page = render(read_vocabulary(goalgraph.load(bundled=False)))
    >>> '<article class="term" id="Mission">' in page
    True
    """
    layout = _Layout(vocabulary)
    title = _first(vocabulary.titles, "en") or vocabulary.iri
    contents: list[_Entry] = []
    own = [s for s in vocabulary.schemes if any(vocabulary.owns(c.iri) for c in s.concepts)]
    standards = [s for s in vocabulary.schemes if s not in own and s.concepts]
    kinds = _kinds(layout, contents)
    schemes = _schemes(layout, own, contents)
    mapped = _standards(layout, standards, contents)
    contents.append(_Entry(_href("section-namespaces"), "Namespaces", []))
    # Last: the prefixes that naming everything above has used.
    namespaces = [(prefix, layout.names.prefixes[prefix]) for prefix in sorted(layout.names.used)]
    return render_template(
        "docs.html",
        lang="en",
        title=title,
        version=__version__,
        vocabulary=vocabulary,
        subtitles=[(language, text) for language, text in _in_languages(vocabulary.titles) if text != title],
        descriptions=_in_languages(vocabulary.descriptions),
        contents=contents,
        kinds=kinds,
        schemes=schemes,
        standards=mapped,
        namespaces=namespaces,
    )
