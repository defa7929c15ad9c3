"""The pages' templates: text from the data is text in every kind of page, and a missing value is an error."""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup
from rdflib import URIRef

import goalgraph
from goalgraph.docs.model import Concept, Scheme, StandardMapping, Term, Vocabulary
from goalgraph.docs.page import render as render_docs
from goalgraph.pages import _Alignment, _Suggested, _Text, _Value, home_page, resource_page
from goalgraph.report.document import (
    Bar,
    DefinitionList,
    Document,
    Heading,
    Paragraph,
    Phrase,
    Section,
    Table,
    TableRow,
)
from goalgraph.report.to_html import to_html
from goalgraph.templating import environment, render, render_string

SCRIPT = "<script>alert(1)</script>"
# A value that would end an attribute and start an event handler if it were not escaped.
BREAKOUT = '"onmouseover=alert(2) x="'
HOSTILE = SCRIPT + BREAKOUT
SOURCE = Path(__file__).resolve().parents[1] / "src" / "goalgraph"


class Parsed(HTMLParser):
    """Every element with its attributes, and the text, as a browser's parser would read them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def values(self, attribute: str) -> list[str | None]:
        return [attrs[attribute] for _, attrs in self.elements if attribute in attrs]


def assert_inert(page: str) -> Parsed:
    """No script element, no event handler: the page runs nothing the data brought."""
    parsed = Parsed(page)
    assert "script" not in {tag for tag, _ in parsed.elements}
    handlers = [(tag, name) for tag, attrs in parsed.elements for name in attrs if name.startswith("on")]
    assert handlers == []
    return parsed


def test_text_is_escaped_quotes_included() -> None:
    # Quotes too, so that a value never ends an attribute (markupsafe's escape, as autoescape does it).
    assert render_string("{{ text }}", text="<b> & \"q\" 'a'") == "&lt;b&gt; &amp; &#34;q&#34; &#39;a&#39;"
    assert render_string("{{ text }}", text=Markup("<b>trusted</b>")) == "<b>trusted</b>"
    assert render_string("{{ number }} {{ nothing }}", number=1.5, nothing=None) == "1.5 None"


def test_a_missing_value_is_an_error() -> None:
    with pytest.raises(jinja2.UndefinedError):
        render_string("<p>{{ missing }}</p>")
    with pytest.raises(jinja2.UndefinedError):
        render("report.html", document=Document("en", "Goals", "Contents"), lang="en", title="Goals")
    with pytest.raises(jinja2.UndefinedError):
        render("resource.html", lang="da", title="x", resource="x", texts=[], facts=[])


def test_every_template_compiles() -> None:
    names = set(environment().list_templates())
    assert {"base.html", "report.html", "docs.html", "home.html", "resource.html", "query.html"} <= names
    for name in names:
        if name.endswith(".html"):
            environment().get_template(name)


def test_the_report_escapes_text_and_attributes() -> None:
    hostile = Phrase(HOSTILE, lang=BREAKOUT, kind=BREAKOUT, href="https://example.org/" + BREAKOUT)
    table = Table(
        (HOSTILE, "n"),
        (TableRow(((hostile, Bar(0.5, HOSTILE)), (Phrase("1"),)), kind=BREAKOUT, anchor=BREAKOUT),),
        kind=BREAKOUT,
        numeric=frozenset({1}),
    )
    blocks = (
        Paragraph((hostile, Phrase(HOSTILE, small=True, italic=True, strong=True, new_line=True)), kind=BREAKOUT),
        Heading(HOSTILE, anchor=BREAKOUT),
        DefinitionList((((Phrase(HOSTILE),), (hostile,)),)),
        table,
    )
    document = Document(BREAKOUT, HOSTILE, HOSTILE, (Section(BREAKOUT, HOSTILE, blocks, kind="x"),))
    page = to_html(document, generator=HOSTILE)
    parsed = assert_inert(page)
    assert SCRIPT not in page
    # Each attribute holds the whole value, quote and all: nothing broke out of it.
    assert parsed.values("lang").count(BREAKOUT) == 4  # the page, and the phrase in three places
    assert "https://example.org/" + BREAKOUT in parsed.values("href")
    assert parsed.values("id").count(BREAKOUT) == 3  # the section, the heading, the row
    assert HOSTILE in parsed.values("aria-label")
    assert HOSTILE in parsed.values("content")
    text = "".join(parsed.text)
    assert text.count(HOSTILE) >= 8


def test_the_docs_escape_text_and_attributes() -> None:
    namespace = "https://example.org/onto#"
    thing = namespace + "Thing" + BREAKOUT
    vocabulary = Vocabulary(
        iri="https://example.org/onto",
        namespace=namespace,
        prefix="ex",
        version=HOSTILE,
        titles={"en": [HOSTILE], "da": [SCRIPT]},
        descriptions={"en": [HOSTILE], BREAKOUT: [HOSTILE]},
        terms=[
            Term(
                iri=thing,
                kind="class",
                labels={"en": [HOSTILE]},
                definitions={"da": [HOSTILE]},
                level=HOSTILE,
                mappings=[
                    StandardMapping("https://example.org/rel", "https://example.org/other" + BREAKOUT, HOSTILE, HOSTILE)
                ],
            )
        ],
        schemes=[
            Scheme(
                iri=namespace + "Kinds",
                labels={"en": [HOSTILE]},
                concepts=[Concept(iri=namespace + "kind" + BREAKOUT, labels={"en": [HOSTILE]}, weight=HOSTILE)],
            )
        ],
    )
    page = render_docs(vocabulary)
    parsed = assert_inert(page)
    assert SCRIPT not in page
    assert "Thing" + BREAKOUT in parsed.values("id")
    assert "kind" + BREAKOUT in parsed.values("id")
    assert BREAKOUT in parsed.values("lang")
    assert "https://example.org/other" + BREAKOUT in parsed.values("href")
    assert "".join(parsed.text).count(HOSTILE) >= 6


def test_resource_and_home_pages_escape_text_from_the_data(tmp_path: Path) -> None:
    data = tmp_path / "hostile.ttl"
    data.write_text(
        "@prefix gg: <https://w3id.org/goalgraph/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        f"<test/hostile> a gg:Goal ; gg:text {HOSTILE!r}@da ; skos:prefLabel {HOSTILE!r}@da ;\n"
        f"    dcterms:identifier {HOSTILE!r} ; dcterms:source <javascript:alert(3)> .\n",
        encoding="utf-8",
    )
    dataset = goalgraph.load(data, bundled=False)
    page = resource_page(dataset, URIRef("https://w3id.org/goalgraph/id/test/hostile"))
    parsed = assert_inert(page)
    assert SCRIPT not in page
    assert "".join(parsed.text).count(HOSTILE) >= 3  # the title, the text, the identifier
    assert not [href for href in parsed.values("href") if (href or "").startswith("javascript:")]
    assert_inert(home_page(dataset, HOSTILE, static=True))
    assert_inert(home_page(dataset, HOSTILE))


def test_the_resource_template_escapes_attributes() -> None:
    page = render(
        "resource.html",
        lang="da",
        title=HOSTILE,
        resource=HOSTILE,
        texts=[_Text(BREAKOUT, BREAKOUT, HOSTILE)],
        facts=[(HOSTILE, [_Value(HOSTILE, BREAKOUT), _Value(HOSTILE)])],
        alignments=[_Alignment(True, _Value(HOSTILE, BREAKOUT), HOSTILE, HOSTILE, HOSTILE)],
        suggestions=[_Suggested(False, _Value(HOSTILE, BREAKOUT), HOSTILE, HOSTILE)],
        review_href=BREAKOUT,
    )
    parsed = assert_inert(page)
    assert parsed.values("href").count(BREAKOUT) == 4
    assert BREAKOUT in parsed.values("class")
    assert BREAKOUT in parsed.values("lang")


def test_the_site_does_not_import_the_server() -> None:
    tree = ast.parse((SOURCE / "site.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert "goalgraph.pages" in imported
    assert not [name for name in imported if name.startswith("goalgraph.server")]


def test_no_page_module_builds_html_from_strings() -> None:
    # An f-string that starts with a tag (not the "<{iri}>" that names an IRI in text).
    tag = re.compile(r"""f["']<[a-zA-Z/!]""")
    for module in ("report/to_html.py", "docs/page.py", "pages.py", "server/pages.py", "server/app.py", "site.py"):
        text = (SOURCE / module).read_text(encoding="utf-8")
        assert "html.escape" not in text, module
        assert "from html import" not in text, module
        assert not tag.search(text), module
