"""The ontology documentation as one self-contained HTML page.

The page has the ontology's title, description, IRI, namespace, prefix and version;
a table of contents; a section per kind of term (classes, object, datatype and
annotation properties), each term under an anchor named by its local name
(``#Mission``), so that the fragment of a term's IRI finds it when the namespace
is served by this page; then the ontology's concept schemes (alignment kinds and
strengths, each concept anchored too), the mapped standards (BMM, ArchiMate,
StratML) with which goalgraph terms map to each of their concepts, and the
prefixes the page uses.

Everything the page needs is in it: the CSS (``goalgraph/docs/docs.css``) in a
``<style>`` element, no script, font, image or style sheet from elsewhere. Every
text from the ontology is escaped (:func:`html.escape`); links go to anchors in the
page, or to ``http(s)`` IRIs of other vocabularies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from importlib.resources import files
from string import Template
from urllib.parse import quote

from goalgraph import __version__
from goalgraph.docs.model import KINDS, Concept, Scheme, Term, Texts, Vocabulary
from goalgraph.export.context import context_prefixes
from goalgraph.export.names import PrefixedNames

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
    """The page's style sheet (``goalgraph/docs/docs.css``)."""
    return files("goalgraph").joinpath("docs/docs.css").read_text(encoding="utf-8")


def _template() -> Template:
    return Template(files("goalgraph").joinpath("docs/template.html").read_text(encoding="utf-8"))


def _e(text: str) -> str:
    return escape(text, quote=True)


def _anchor(name: str) -> str:
    return _e(quote(name, safe="!$&'()*+,;=:@/?-._~"))


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


def _lang(language: str) -> str:
    return f' lang="{_e(language)}"' if language else ""


class _Writer:
    """Writes the parts of the page, naming IRIs and linking terms of the ontology."""

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

    def reference(self, iri: str) -> str:
        """`iri` as code, linked to its place in the page, or to itself if it is http(s)."""
        code = f"<code>{_e(self.name(iri))}</code>"
        if iri in self.anchors:
            return f'<a href="#{_anchor(self.anchors[iri])}">{code}</a>'
        if _is_web(iri):
            return f'<a href="{_e(iri)}">{code}</a>'
        return code

    def references(self, iris: Iterable[str]) -> str:
        return ", ".join(self.reference(iri) for iri in iris)

    def texts_table(self, rows: Sequence[tuple[str, Texts]]) -> list[str]:
        """Labels, definitions and notes, a column per language."""
        rows = [(heading, texts) for heading, texts in rows if texts]
        if not rows:
            return []
        languages = _languages(*(texts for _, texts in rows))
        out = ['<table class="languages">', "<thead><tr><th></th>"]
        out += [f"<th>{_e(_LANGUAGE_NAMES.get(language, language or 'no language'))}</th>" for language in languages]
        out.append("</tr></thead><tbody>")
        for heading, texts in rows:
            out.append(f"<tr><th>{_e(heading)}</th>")
            for language in languages:
                cell = "<br>".join(_e(text) for text in texts.get(language, []))
                out.append(f"<td{_lang(language)}>{cell}</td>")
            out.append("</tr>")
        out.append("</tbody></table>")
        return out

    def heading(self, iri: str, labels: Texts, kind: str, level: int = 3) -> str:
        label = _first(labels, "en")
        shown = f' <span class="label">{_e(label)}</span>' if label else ""
        name = f"<code>{_e(self.name(iri))}</code>"
        return f'<h{level}>{name}{shown} <span class="kind">{_e(kind)}</span></h{level}>'

    def term(self, term: Term, subterms: Sequence[str]) -> list[str]:
        is_class = term.kind == "class"
        out = [
            f'<article class="term" id="{_e(self.vocabulary.local_name(term.iri))}">',
            self.heading(term.iri, term.labels, term.kind),
            f'<p class="iri"><code>{_e(term.iri)}</code></p>',
        ]
        out += self.texts_table([("Label", term.labels), ("Definition", term.definitions), ("Note", term.notes)])
        facts: list[tuple[str, str]] = []
        if term.supers:
            facts.append(("Sub-class of" if is_class else "Sub-property of", self.references(term.supers)))
        if subterms:
            facts.append(("Super-class of" if is_class else "Super-property of", self.references(subterms)))
        if term.level is not None:
            facts.append(("Level", _e(term.level)))
        if term.domains:
            facts.append(("Domain", self.references(term.domains)))
        if term.ranges:
            facts.append(("Range", self.references(term.ranges)))
        if term.characteristics:
            facts.append(("Characteristics", self.references(term.characteristics)))
        if facts:
            out.append('<dl class="facts">')
            out += [f"<dt>{_e(name)}</dt><dd>{value}</dd>" for name, value in facts]
            out.append("</dl>")
        out += self.mappings(term)
        out.append("</article>")
        return out

    def mappings(self, term: Term) -> list[str]:
        if not term.mappings:
            return []
        ordered = sorted(
            term.mappings,
            key=lambda m: (
                _RELATION_ORDER.index(m.relation) if m.relation in _RELATIONS else 99,
                m.standard or "",
                m.target,
            ),
        )
        out = [
            '<table class="mappings"><caption>Mappings to other standards</caption>',
            "<thead><tr><th>Relation</th><th>Standard</th><th>Term</th></tr></thead><tbody>",
        ]
        for mapping in ordered:
            relation = _RELATIONS.get(mapping.relation, self.name(mapping.relation))
            label = f" {_e(mapping.label)}" if mapping.label else ""
            out.append(
                f"<tr><td>{_e(relation)}</td><td>{_e(mapping.standard or '')}</td>"
                f"<td>{self.reference(mapping.target)}{label}</td></tr>"
            )
        out.append("</tbody></table>")
        return out

    def concept(self, concept: Concept) -> list[str]:
        out = [
            f'<article class="term" id="{_e(self.vocabulary.local_name(concept.iri))}">',
            self.heading(concept.iri, concept.labels, "concept"),
            f'<p class="iri"><code>{_e(concept.iri)}</code></p>',
        ]
        out += self.texts_table([("Label", concept.labels), ("Definition", concept.definitions)])
        if concept.weight is not None:
            out.append(f'<dl class="facts"><dt>Weight</dt><dd>{_e(concept.weight)}</dd></dl>')
        out.append("</article>")
        return out

    def standard(self, scheme: Scheme, mapped_by: dict[str, list[tuple[str, str]]]) -> list[str]:
        """A mapped standard: its concepts, and the ontology's terms that map to each."""
        title = _first(scheme.labels, "en") or self.name(scheme.iri)
        out = [
            f'<section class="standard" id="{_e(self.vocabulary.local_name(scheme.iri))}">',
            f"<h3>{_e(title)}</h3>",
            f'<p class="iri"><code>{_e(self.name(scheme.iri))}</code></p>',
        ]
        if scheme.see_also:
            links = ", ".join(f'<a href="{_e(iri)}">{_e(iri)}</a>' for iri in scheme.see_also if _is_web(iri))
            out.append(f"<p>Described at {links}.</p>")
        out.append("<table><thead><tr><th>Concept</th><th>goalgraph terms</th></tr></thead><tbody>")
        for concept in scheme.concepts:
            label = _first(concept.labels, "en")
            mapped = ", ".join(
                f"{self.reference(term)} ({_e(_RELATIONS.get(relation, self.name(relation)))})"
                for term, relation in mapped_by.get(concept.iri, [])
            )
            named = f"<code>{_e(self.name(concept.iri))}</code>" + (f" {_e(label)}" if label else "")
            out.append(f'<tr id="{_e(self.anchors[concept.iri])}"><td>{named}</td><td>{mapped}</td></tr>')
        out.append("</tbody></table></section>")
        return out

    def prefixes(self) -> list[str]:
        used = sorted(self.names.used)
        out = ['<section id="section-namespaces"><h2>Namespaces</h2>', "<table><thead><tr>"]
        out.append("<th>Prefix</th><th>Namespace</th></tr></thead><tbody>")
        for prefix in used:
            out.append(
                f"<tr><td><code>{_e(prefix)}:</code></td><td><code>{_e(self.names.prefixes[prefix])}</code></td></tr>"
            )
        out.append("</tbody></table></section>")
        return out


def _contents(sections: Sequence[tuple[str, str, Sequence[tuple[str, str]]]]) -> list[str]:
    out = ['<nav id="contents"><h2>Contents</h2><ol>']
    for anchor, title, entries in sections:
        out.append(f'<li><a href="#{_anchor(anchor)}">{_e(title)}</a>')
        if entries:
            out.append('<ol class="terms">')
            out += [f'<li><a href="#{_anchor(target)}"><code>{_e(name)}</code></a></li>' for target, name in entries]
            out.append("</ol>")
        out.append("</li>")
    out.append("</ol></nav>")
    return out


_Section = tuple[str, str, Sequence[tuple[str, str]]]


def _header(vocabulary: Vocabulary, title: str) -> list[str]:
    out = [f"<header><h1>{_e(title)}</h1>"]
    for language in _languages(vocabulary.titles):
        for other in vocabulary.titles[language]:
            if other != title:
                out.append(f'<p class="subtitle"{_lang(language)}>{_e(other)}</p>')
    facts = [
        ("Ontology IRI", f"<code>{_e(vocabulary.iri)}</code>"),
        ("Namespace", f"<code>{_e(vocabulary.namespace)}</code>"),
        ("Preferred prefix", f"<code>{_e(vocabulary.prefix)}:</code>"),
    ]
    if vocabulary.version:
        facts.append(("Version", _e(vocabulary.version)))
    out.append('<dl class="facts">')
    out += [f"<dt>{_e(name)}</dt><dd>{value}</dd>" for name, value in facts]
    out.append("</dl>")
    for language in _languages(vocabulary.descriptions):
        out += [f'<p class="intro"{_lang(language)}>{_e(text)}</p>' for text in vocabulary.descriptions[language]]
    out.append("</header>")
    return out


def _terms(writer: _Writer, sections: list[_Section]) -> list[str]:
    """A section per kind of term, each term anchored by its local name."""
    vocabulary = writer.vocabulary
    subterms: dict[str, list[str]] = {}
    for term in vocabulary.terms:
        for parent in term.supers:
            subterms.setdefault(parent, []).append(term.iri)
    out: list[str] = []
    for kind in KINDS:
        terms = [term for term in vocabulary.terms if term.kind == kind]
        if not terms:
            continue
        title = _SECTION_TITLES[kind]
        anchor = "section-" + title.lower().replace(" ", "-")
        sections.append((anchor, title, [(vocabulary.local_name(t.iri), writer.name(t.iri)) for t in terms]))
        out.append(f'<section id="{_e(anchor)}"><h2>{_e(title)}</h2>')
        for term in terms:
            out += writer.term(term, subterms.get(term.iri, []))
        out.append("</section>")
    return out


def _schemes(writer: _Writer, schemes: Sequence[Scheme], sections: list[_Section]) -> list[str]:
    """A section per concept scheme of the ontology's own (alignment kinds, strengths)."""
    vocabulary = writer.vocabulary
    out: list[str] = []
    for scheme in schemes:
        anchor = vocabulary.local_name(scheme.iri)
        title = _first(scheme.labels, "en") or writer.name(scheme.iri)
        concepts = [c for c in scheme.concepts if vocabulary.owns(c.iri)]
        sections.append(
            (
                anchor,
                title.capitalize(),
                [(vocabulary.local_name(c.iri), writer.name(c.iri)) for c in concepts],
            )
        )
        out.append(f'<section id="{_e(anchor)}">')
        out.append(writer.heading(scheme.iri, scheme.labels, "concept scheme", level=2))
        out += writer.texts_table([("Label", scheme.labels), ("Definition", scheme.definitions)])
        for concept in concepts:
            out += writer.concept(concept)
        out.append("</section>")
    return out


def _standards(writer: _Writer, standards: Sequence[Scheme], sections: list[_Section]) -> list[str]:
    """The mapped standards, each concept with the terms that map to it."""
    if not standards:
        return []
    vocabulary = writer.vocabulary
    mapped_by: dict[str, list[tuple[str, str]]] = {}
    for term in vocabulary.terms:
        for mapping in term.mappings:
            mapped_by.setdefault(mapping.target, []).append((term.iri, mapping.relation))
    entries = [(vocabulary.local_name(s.iri), _first(s.labels, "en") or writer.name(s.iri)) for s in standards]
    sections.append(("section-standards", "Mapped standards", entries))
    out = [
        '<section id="section-standards"><h2>Mapped standards</h2>',
        "<p>These standards publish no RDF; the ontology names their concepts under the standard's "
        "XML namespace or specification address, and maps its own terms to them.</p>",
    ]
    for scheme in standards:
        out += writer.standard(scheme, mapped_by)
    out.append("</section>")
    return out


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
    writer = _Writer(vocabulary)
    title = _first(vocabulary.titles, "en") or vocabulary.iri
    sections: list[_Section] = []
    own = [s for s in vocabulary.schemes if any(vocabulary.owns(c.iri) for c in s.concepts)]
    standards = [s for s in vocabulary.schemes if s not in own and s.concepts]
    main = [
        "<main>",
        *_terms(writer, sections),
        *_schemes(writer, own, sections),
        *_standards(writer, standards, sections),
        *writer.prefixes(),
        "</main>",
    ]
    sections.append(("section-namespaces", "Namespaces", []))
    footer = (
        f"<footer>Generated by goalgraph {_e(__version__)} from the ontology "
        f"<code>{_e(vocabulary.iri)}</code>.</footer>"
    )
    body = "\n".join([*_header(vocabulary, title), *_contents(sections), *main, footer])
    return _template().substitute(title=_e(title), style=docs_css(), body=body, version=_e(__version__))
