"""The ontology documentation: every term anchored, in both languages, with its mappings; self-contained."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from goalgraph.docs import build_docs, write_docs
from goalgraph.errors import GoalgraphError, SourceError
from goalgraph.namespaces import GG
from goalgraph.resources import ontology_file

XSS = '<script>alert("x")</script> & <b>'
# Elements that load something from elsewhere, and the attributes that would.
LOADING = {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source", "base"}
KINDS = [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty]
MAPPINGS = [SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch]


class Page(HTMLParser):
    """The page as the standard library's parser reads it: elements, ids, links, the text in each article."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.articles: dict[str, list[str]] = {}
        self.style = ""
        self._article: str | None = None
        self._depth = 0
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "article":
            self._article, self._depth = str(values["id"]), 0
            self.articles[self._article] = []
        elif self._article is not None and tag not in {"br", "meta"}:
            self._depth += 1
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article = None
        elif self._article is not None:
            self._depth -= 1
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        if self._article is not None:
            self.articles[self._article].append(data)

    def article_text(self, anchor: str) -> str:
        return " ".join(" ".join(self.articles[anchor]).split())


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    graph.parse(ontology_file(), format="turtle")
    return graph


@pytest.fixture(scope="module")
def page() -> Page:
    return Page(build_docs())


def _terms(ontology: Graph) -> set[URIRef]:
    return {
        term
        for kind in KINDS
        for term in ontology.subjects(RDF.type, kind)
        if isinstance(term, URIRef) and term.startswith(str(GG))
    }


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def test_every_class_and_property_has_an_anchor_labels_and_definitions(ontology: Graph, page: Page) -> None:
    terms = _terms(ontology)
    assert len(terms) > 35
    for term in terms:
        anchor = term[len(str(GG)) :]
        assert anchor in page.articles, anchor
        text = page.article_text(anchor)
        for language in ("en", "da"):
            for predicate in (RDFS.label, SKOS.definition):
                values = [v for v in ontology.objects(term, predicate) if isinstance(v, Literal)]
                found = [v for v in values if v.language == language]
                assert found, (anchor, predicate, language)
                assert all(_squeeze(str(v)) in text for v in found), (anchor, predicate, language)


def test_every_mapping_is_shown_with_its_standard(ontology: Graph, page: Page) -> None:
    shown = 0
    for term in _terms(ontology):
        text = page.article_text(term[len(str(GG)) :])
        for mapping in MAPPINGS:
            for target in ontology.objects(term, mapping):
                prefixed = ontology.namespace_manager.normalizeUri(target)
                assert prefixed in text, (term, target)
                scheme = ontology.value(target, SKOS.inScheme)
                if scheme is not None:
                    assert str(ontology.value(scheme, SKOS.prefLabel)) in text
                shown += 1
    assert shown >= 60
    mission = page.article_text("Mission")
    assert "close match OMG Business Motivation Model 1.3 bmm:Mission Mission" in mission
    assert "sub-class of W3C PROV-O prov:Entity" in page.article_text("Statement")
    assert "W3C Organization Ontology (ORG) org:purpose" in page.article_text("Purpose")


def test_facts_of_classes_and_properties(page: Page) -> None:
    assert "Level 0" in page.article_text("Mission")
    assert "Sub-class of gg:Statement" in page.article_text("Mission")
    holder = page.article_text("holder")
    assert "Range org:Organization" in holder
    kind = page.article_text("kind")
    assert "Domain gg:Alignment" in kind
    assert "owl:FunctionalProperty" in kind


def test_alignment_kinds_strengths_and_standards_have_anchors(page: Page) -> None:
    for concept in ("stated", "curated", "suggested", "strong", "moderate", "weak"):
        assert concept in page.articles
    assert "Weight 0.6" in page.article_text("moderate")
    assert {"AlignmentKinds", "Strengths", "BMM", "ArchiMateMotivation", "StratML", "bmm:Goal"} <= page.ids


def test_namespace_prefix_and_contents(page: Page) -> None:
    html = build_docs()
    assert "https://w3id.org/goalgraph/ontology#" in html
    assert "<code>gg:</code>" in html
    assert "contents" in page.ids
    internal = [link[1:] for link in page.links if link.startswith("#")]
    assert len(internal) > 100
    assert set(internal) <= page.ids  # every link in the page finds its place
    assert all(link.startswith(("#", "https://", "http://")) for link in page.links)


def test_nothing_is_loaded_from_elsewhere(page: Page) -> None:
    assert not LOADING & set(page.tags)
    assert not [name for name, _ in page.attributes if name in {"src", "srcset", "style"} or name.startswith("on")]
    assert page.style.strip()
    assert "url(" not in page.style
    assert "@import" not in page.style


def test_text_from_the_ontology_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "hostile.ttl"
    graph = Graph()
    ontology, term = URIRef("https://example.org/onto"), URIRef("https://example.org/onto#Thing")
    graph.add((ontology, RDF.type, OWL.Ontology))
    graph.add((ontology, URIRef("http://purl.org/vocab/vann/preferredNamespaceUri"), Literal(str(ontology) + "#")))
    graph.add((ontology, URIRef("http://purl.org/dc/terms/title"), Literal(XSS, lang="en")))
    graph.add((term, RDF.type, OWL.Class))
    graph.add((term, RDFS.label, Literal(XSS, lang="en")))
    graph.add((term, SKOS.definition, Literal('"quoted" & <i>', lang="da")))
    graph.add((term, SKOS.closeMatch, URIRef("javascript:alert(1)")))
    graph.serialize(path, format="turtle")
    html = build_docs(ontology=path)
    assert "<script>" not in html
    assert "<b>" not in html
    assert "<i>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;" in html
    parsed = Page(html)
    assert "script" not in parsed.tags
    assert XSS in parsed.article_text("Thing")
    assert not any(link.startswith("javascript:") for link in parsed.links)


def test_write_docs_makes_the_folder_and_writes_index_html(tmp_path: Path) -> None:
    page = write_docs(tmp_path / "site" / "ontology")
    assert page == tmp_path / "site" / "ontology" / "index.html"
    assert page.read_text(encoding="utf-8") == build_docs()
    assert [p.name for p in page.parent.iterdir()] == ["index.html"]


def test_write_docs_errors(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(GoalgraphError, match="cannot make this folder"):
        write_docs(blocker / "docs")
    with pytest.raises(SourceError, match="no such file"):
        build_docs(ontology=tmp_path / "missing.ttl")
