"""The report: one self-contained page per dataset, as HTML or Markdown, that shows the gaps."""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
from markupsafe import escape
from rdflib import Literal
from rdflib.namespace import RDFS
from rdflib.query import ResultRow
from rdflib.term import Node

import goalgraph
from goalgraph.analysis import Analysis, analyse, by_identifier
from goalgraph.errors import GoalgraphError
from goalgraph.loading import GoalDataset
from goalgraph.named_queries import run_query
from goalgraph.namespaces import GG
from goalgraph.report import SPLIT_ABOVE, build_report, split, write_report, write_report_folder
from goalgraph.report.alignment import cross_organisation_links
from goalgraph.report.facts import gather
from goalgraph.report.to_markdown import escape_markdown
from goalgraph.suggestion import suggest, suggestions_to_turtle
from goalgraph.synthetic import write_synthetic

from .explorer.conftest import HOSTILE_TURTLE
from .test_cli import goalgraph as command

if TYPE_CHECKING:
    from playwright.sync_api import Browser

DAY = date(2025, 1, 31)
XSS = "<img src=x onerror=alert(1)>"
# Elements that have no end tag in HTML.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# SVG elements that the page writes self-closed (<rect .../>).
SELF_CLOSED = {"rect"}


@dataclass
class ParsedRow:
    classes: set[str]
    cells: list[str] = field(default_factory=list)


@dataclass
class ParsedTable:
    section: str | None
    classes: set[str]
    header: list[str] = field(default_factory=list)
    rows: list[ParsedRow] = field(default_factory=list)

    def by_first_word(self, column: int = 0) -> dict[str, ParsedRow]:
        """The rows by the first word of a cell (a statement's identifier)."""
        return {re.split(r"[\s·]", row.cells[column].strip())[0]: row for row in self.rows}


class Page(HTMLParser):
    """An HTML page read with the standard library's parser: elements, headings, tables, nesting problems."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str]] = []
        self.tables: list[ParsedTable] = []
        self.problems: list[str] = []
        self.styles: list[str] = []
        self._stack: list[str] = []
        self._section: str | None = None
        self._heading: list[str] | None = None
        self._cell: list[str] | None = None
        self._row: ParsedRow | None = None
        self._in_head = False
        self._in_style = False
        self.feed(text)
        self.close()
        if self._stack:
            self.problems.append(f"unclosed: {self._stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        classes = set((attributes.get("class") or "").split())
        if tag not in VOID:
            self._stack.append(tag)
        if tag == "section":
            self._section = attributes.get("id")
        elif tag in ("h1", "h2", "h3", "h4"):
            self._heading = []
        elif tag == "table":
            self.tables.append(ParsedTable(self._section, classes))
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = ParsedRow(classes)
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")
        elif tag == "style":
            self._in_style = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self._stack or self._stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self._stack[-1:] or 'nothing'}")
        else:
            self._stack.pop()
        if tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            self.headings.append((tag, "".join(self._heading).strip()))
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.cells.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if self._in_head:
                table.header = self._row.cells
            else:
                table.rows.append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        for buffer in (self._heading, self._cell):
            if buffer is not None:
                buffer.append(data)
        if self._in_style:
            self.styles.append(data)

    def tables_in(self, section: str, kind: str | None = None) -> list[ParsedTable]:
        """The tables of a section (by its id), of one kind (CSS class) if given."""
        return [t for t in self.tables if t.section == section and (kind is None or kind in t.classes)]

    def h2(self) -> list[str]:
        return [text for tag, text in self.headings if tag == "h2"]


def column(graph: GoalDataset, query: str) -> list[str]:
    """The values of a one-variable SELECT query, as strings."""
    return [str(cast(ResultRow, row)[0]) for row in graph.query(query)]


@pytest.fixture(scope="module")
def analysis(vores_maal: GoalDataset) -> Analysis:
    return analyse(vores_maal)


@pytest.fixture(scope="module")
def ids(analysis: Analysis) -> dict[Node | None, str]:
    """Statement IRI → identifier."""
    return {node: key for key, node in by_identifier(analysis.graph).items()}


@pytest.fixture(scope="module")
def html_da(vores_maal: GoalDataset) -> str:
    return build_report(vores_maal, lang="da", generated=DAY)


@pytest.fixture(scope="module")
def html_en(vores_maal: GoalDataset) -> str:
    return build_report(vores_maal, lang="en", generated=DAY)


@pytest.fixture(scope="module")
def page_da(html_da: str) -> Page:
    return Page(html_da)


@pytest.fixture(scope="module")
def page_en(html_en: str) -> Page:
    return Page(html_en)


@pytest.fixture(scope="module")
def markdown_en(vores_maal: GoalDataset) -> str:
    return build_report(vores_maal, lang="en", format="markdown", generated=DAY)


@pytest.fixture(scope="module")
def with_xss(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    """The vores_maal data and a statement (and holder, and source) that are markup."""
    path = tmp_path_factory.mktemp("xss") / "xss.ttl"
    path.write_text(
        f"""@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<test/ond> a org:Organization ; skos:prefLabel "<script>alert(2)</script> | Ond"@da ;
    org:subOrganizationOf <justitsministeriets-koncern> .
<test/xss> a gg:Goal ; dcterms:identifier "XSS-1" ;
    gg:text "{XSS}"@da ; gg:translation "*not bold* | [a link](javascript:alert(3))"@en ;
    gg:holder <test/ond> ; dcterms:source <javascript:alert(4)> .
""",
        encoding="utf-8",
    )
    return goalgraph.load([path])


#################################################################
# What the page shows, on the Vores mål part of the bundled data (domain.md's seed and the
# gaps it leaves; the 2019 target plans fill them)
#################################################################


def test_every_statement_s_danish_text_is_on_the_page(vores_maal: GoalDataset, html_da: str, html_en: str) -> None:
    texts = column(vores_maal, "SELECT ?text WHERE { ?s gg:text ?text FILTER (LANG(?text) = 'da') }")
    assert len(texts) == 22
    for text in texts:
        assert escape(str(text)) in html_da
        assert escape(str(text)) in html_en


def test_the_language_chosen_comes_first_and_translations_are_in_italics(html_da: str, html_en: str) -> None:
    # Danish: the source's words, upright, then the English translation, smaller and in italics.
    assert '<span lang="da">Vi arbejder for retfærdighed</span><br><small lang="en"><i>We work' in html_da
    # English: the translation first (in italics), the Danish source smaller beside it.
    assert '<span lang="en"><i>We work for justice</i></span><br><small lang="da">Vi arbejder' in html_en


def test_organisations_come_in_hierarchy_order_top_first(page_da: Page) -> None:
    headings = [text for tag, text in page_da.headings if tag == "h3"]
    assert headings.index("Justitsministeriets koncern") < headings.index("Anklagemyndigheden")
    assert headings.index("Anklagemyndigheden") < headings.index("Den Centrale Anklagemyndighed")
    plan = "Anklagemyndighedens virksomhedsstrategi for 2019 (2019)"
    assert ("h4", plan) in page_da.headings


def test_the_header_has_the_title_date_and_counts(vores_maal: GoalDataset, page_da: Page, html_da: str) -> None:
    assert ("h1", "Målene i den danske justitssektor") in page_da.headings
    assert "2025-01-31" in html_da
    counts = page_da.tables_in("summary", "counts")[0]
    triples = f"{goalgraph.stats(vores_maal)['triples']:,}".replace(",", ".")  # Danish thousands
    assert ["tripler", triples] in [row.cells for row in counts.rows]
    assert ["målsætninger", "22"] in [row.cells for row in counts.rows]


def test_the_coverage_table_has_a_row_per_mission_and_vision_with_its_supporters(
    page_en: Page, analysis: Analysis, ids: dict[Node | None, str]
) -> None:
    (table,) = page_en.tables_in("coverage", "coverage")
    rows = table.by_first_word(1)
    assert set(rows) == {ids[s] for s in analysis.coverage}

    def listed(cell: str) -> set[str]:
        return set() if cell == "0" else {name.strip() for name in cell.split(":", 1)[1].split(",")}

    for statement, covered in analysis.coverage.items():
        row = rows[ids[statement]]
        assert listed(row.cells[3]) == {ids[s] for s in covered.direct}
        assert listed(row.cells[4]) == {ids[s] for s in covered.transitive - covered.direct}


def test_gaps_are_marked_with_a_word_and_a_symbol_not_colour_alone(
    page_en: Page, page_da: Page, analysis: Analysis, ids: dict[Node | None, str]
) -> None:
    assert sorted(ids[s] for s in analysis.gaps) == ["PA-M1", "PA-V2"]
    for page, word in ((page_en, "GAP"), (page_da, "HUL")):
        (table,) = page.tables_in("coverage", "coverage")
        gaps = {name for name, row in table.by_first_word(1).items() if "gap" in row.classes}
        assert gaps == {"PA-M1", "PA-V2"}
        for name in gaps:
            status = table.by_first_word(1)[name].cells[0]
            assert f"✗ {word}" in status
        # Gaps come first; covered rows say so in words too.
        assert {row.cells[1].split()[0] for row in table.rows[:2]} == gaps
        assert all("✓" in row.cells[0] for row in table.rows[2:])
    status = page_en.tables_in("coverage")[0].by_first_word(1)["PA-M1"].cells[0]
    assert "supported only by a plan" in status


def test_orphans_are_listed(page_en: Page) -> None:
    (table,) = page_en.tables_in("orphans", "orphans")
    assert sorted(table.by_first_word()) == ["AM-P", "X2"]


def test_cross_organisation_links_are_those_of_the_query(vores_maal: GoalDataset, page_en: Page) -> None:
    (table,) = page_en.tables_in("cross-organisation", "cross")
    assert len(table.rows) == len(run_query(vores_maal, "cross-organisation").rows) == 20
    links = {(row.cells[0].split("\n")[0], row.cells[2].split("\n")[0]): row.cells[4:] for row in table.rows}
    assert links["FP2", "JM-V1"] == ["curated alignment", "weak"]
    assert links["PA-M1", "JM-M1"] == ["curated alignment", "strong"]


def matrix(table: ParsedTable) -> dict[tuple[str, str], str]:
    """A parsed cross-table as (row identifier, column identifier) → cell."""
    return {
        (row.cells[0].split("\n")[0], column): cell
        for row in table.rows
        for column, cell in zip(table.header[1:], row.cells[1:], strict=True)
    }


def test_the_focus_point_by_marker_matrix(page_en: Page, page_da: Page) -> None:
    cells = matrix(page_en.tables_in("matrix", "matrix")[0])
    assert cells["FP3", "SM3"] == "strong"
    assert cells["FP4", "SM1"] == "strong"
    assert cells["FP4", "SM4"] == "moderate"
    assert cells["FP1", "SM1"] == ""
    assert matrix(page_da.tables_in("matrix", "matrix")[0])["FP3", "SM3"] == "stærk"


def test_the_matrix_says_what_the_matrix_query_says(
    vores_maal: GoalDataset, page_en: Page, ids: dict[Node | None, str]
) -> None:
    shown = matrix(page_en.tables_in("matrix", "matrix")[0])
    rows = run_query(vores_maal, "matrix", {"organisation": "Anklagemyndigheden"}).rows
    assert len(rows) == len(shown) == 16
    for row in rows:
        assert shown[ids[row["row"]], ids[row["column"]]] == str(row["link"])
    markers = run_query(vores_maal, "matrix", {"rows": "StrategicMarker", "columns": "Vision"}).rows
    by_vision = matrix(page_en.tables_in("matrix", "matrix")[1])
    top = {(ids[row["row"]], ids[row["column"]]): str(row["link"]) for row in markers}
    assert by_vision == {key: link for key, link in top.items() if key[1].startswith("JM-")}
    assert by_vision["SM1", "JM-V2"] == "strong"


def test_scores_for_each_organisation_with_bars(page_da: Page, analysis: Analysis) -> None:
    (table,) = page_da.tables_in("scores", "scores")
    rows = {row.cells[0]: row.cells for row in table.rows}
    assert {"Anklagemyndigheden", "Politiet", "Politiet og anklagemyndigheden"} <= set(rows)
    assert rows["Anklagemyndigheden"][1:6] == ["14", "14", "11", "0,76", "79 %"]
    assert rows["Politiet og anklagemyndigheden"][4:6] == ["0,80", "100 %"]
    assert rows["Politiet"][4:6] == ["1,00", "100 %"]
    # The group holds only top statements: nothing to score, said in words.
    assert "intet at give score" in rows["Justitsministeriets koncern"][5]
    bars = [attrs for tag, attrs in page_da.elements if tag == "svg"]
    assert len(bars) == 2 * 3
    assert {"role": "img"}.items() <= bars[0].items()


def test_the_score_is_defined_in_plain_words(html_en: str) -> None:
    assert escape("average strength of its statements' best paths") in html_en
    assert "strong 1.0, moderate 0.6, weak 0.3" in html_en


def test_suggestions_are_marked_as_machine_suggestions(vores_maal: GoalDataset, page_en: Page, html_en: str) -> None:
    section = next(attrs for tag, attrs in page_en.elements if tag == "section" and attrs["id"] == "suggestions")
    assert "suggestions" in (section.get("class") or "").split()
    assert "Machine suggestions, not curated" in html_en
    (table,) = page_en.tables_in("suggestions", "suggestions")
    best = suggest(vores_maal, limit=20)
    assert len(table.rows) == len(best) > 0
    assert all("suggestion" in row.classes and "suggestion" in row.cells[4] for row in table.rows)
    first = table.rows[0].cells
    assert (first[2].split("\n")[0], first[3].split("\n")[0]) == ("FP4", "X1")
    assert "tværgående (da)" in first[4]


def test_the_reading_section_explains_and_the_provenance_names_the_source(page_en: Page, html_en: str) -> None:
    assert "How to read this report" in page_en.h2()
    (types,) = page_en.tables_in("reading", "terms")[:1]
    assert types.rows[0].cells[:2] == ["0", "mission"]
    (sources,) = page_en.tables_in("provenance", "sources")
    assert sources.rows[0].cells == ["https://anklagemyndigheden.dk/da/vores-maal", "Vores mål", "22"]
    assert '<a href="https://anklagemyndigheden.dk/da/vores-maal">' in html_en


#################################################################
# A self-contained, valid, safe page
#################################################################


def test_the_page_is_html5_with_its_language_and_charset(html_da: str, html_en: str, page_da: Page) -> None:
    assert html_da.startswith('<!doctype html>\n<html lang="da">\n<head>\n<meta charset="utf-8">')
    assert '<html lang="en">' in html_en
    assert page_da.problems == []
    assert [tag for tag, _ in page_da.headings].count("h1") == 1
    ids = [attrs["id"] for _, attrs in page_da.elements if attrs.get("id")]
    assert len(ids) == len(set(ids))
    for _, attrs in page_da.elements:
        href = attrs.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_nothing_is_loaded_from_elsewhere_and_there_is_no_script(vores_maal: GoalDataset, page_da: Page) -> None:
    sources = set(column(vores_maal, "SELECT DISTINCT ?source WHERE { ?s dcterms:source ?source }"))
    tags = {tag for tag, _ in page_da.elements}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "base", "form"}
    for tag, attrs in page_da.elements:
        assert "src" not in attrs, tag
        assert "srcset" not in attrs, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = attrs.get("href")
        if href is not None and not href.startswith("#"):
            assert tag == "a", href
            assert href in sources, href
    style = "".join(page_da.styles)
    assert style
    for remote in ("url(", "@import", "http"):
        assert remote not in style


def test_text_from_the_data_is_escaped(with_xss: GoalDataset) -> None:
    html = build_report(with_xss, lang="da", generated=DAY)
    page = Page(html)
    assert escape(XSS) in html
    assert "&lt;img src=x" in html
    assert not {"img", "script"} & {tag for tag, _ in page.elements}
    assert page.problems == []
    assert "&lt;script&gt;alert(2)&lt;/script&gt; | Ond" in html
    # A source that is not a web address is shown, never linked.
    assert "javascript:alert(4)" in html
    assert all(not (attrs.get("href") or "").startswith("javascript") for _, attrs in page.elements)


def test_the_markdown_escapes_text_from_the_data(with_xss: GoalDataset) -> None:
    markdown = build_report(with_xss, lang="en", format="markdown", generated=DAY)
    assert "<img" not in markdown.replace("\\<img", "")
    assert "\\<img src=x onerror=alert(1)\\>" in markdown
    assert "\\*not bold\\* \\| \\[a link\\](javascript:alert(3))" in markdown
    assert "](javascript" not in markdown.replace("\\](javascript", "")


def test_the_same_data_and_date_give_the_same_page(vores_maal: GoalDataset, html_da: str) -> None:
    assert build_report(vores_maal, lang="da", generated=DAY) == html_da
    later = build_report(vores_maal, lang="da", generated=date(2026, 2, 1))
    assert later != html_da
    assert later.replace("2026-02-01", "2025-01-31") == html_da


#################################################################
# Markdown
#################################################################


def test_markdown_has_the_same_section_headings(page_en: Page, markdown_en: str) -> None:
    headings = [line[3:] for line in markdown_en.splitlines() if line.startswith("## ")]
    assert headings == [escape_markdown(text) for text in page_en.h2()]
    assert markdown_en.startswith("# Goals of the Danish justice sector\n")


def test_markdown_tables_are_well_formed(markdown_en: str) -> None:
    tables: list[list[str]] = []
    previous = ""
    for line in markdown_en.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    assert len(tables) >= 10
    for table in tables:
        assert re.fullmatch(r"\| (---:?|:?---)( \| (---:?|:?---))* \|", table[1]), table[1]
        pipes = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
        assert len(pipes) == 1, table
        assert all(row.endswith(" |") for row in table)


def test_markdown_shows_the_matrix_and_the_gaps(markdown_en: str) -> None:
    fp4 = next(line for line in markdown_en.splitlines() if line.startswith("| **FP4** · *Cross-cutting"))
    assert fp4.endswith("| strong |   |   | moderate |")
    gaps = [line for line in markdown_en.splitlines() if line.startswith("| **✗ GAP**")]
    assert len(gaps) == 2


#################################################################
# Writing files, and graphs other than the vores_maal one
#################################################################


def test_write_report_writes_html_and_markdown(vores_maal: GoalDataset, tmp_path: Path) -> None:
    html = write_report(vores_maal, tmp_path / "report.html", lang="en", generated=DAY)
    htm = write_report(vores_maal, tmp_path / "report.HTM", lang="en", generated=DAY)
    md = write_report(vores_maal, tmp_path / "report.md", lang="en", generated=DAY)
    assert html.read_text(encoding="utf-8") == build_report(vores_maal, lang="en", generated=DAY)
    assert htm.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert md.read_text(encoding="utf-8") == build_report(vores_maal, lang="en", format="markdown", generated=DAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.HTM", "report.html", "report.md"]


@pytest.mark.parametrize("name", ["report.pdf", "report", "report.html.txt"])
def test_write_report_refuses_a_suffix_it_does_not_know(vores_maal: GoalDataset, tmp_path: Path, name: str) -> None:
    with pytest.raises(GoalgraphError, match=re.escape(name)) as raised:
        write_report(vores_maal, tmp_path / name)
    assert ".html" in str(raised.value)
    assert ".md" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_write_report_into_a_missing_folder_fails_and_leaves_nothing(vores_maal: GoalDataset, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.html"
    with pytest.raises(GoalgraphError, match="does not exist"):
        write_report(vores_maal, target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("option", "value"), [("lang", "de"), ("format", "pdf")])
def test_an_unknown_language_or_format_is_refused(vores_maal: GoalDataset, option: str, value: str) -> None:
    with pytest.raises(GoalgraphError, match=value):
        build_report(vores_maal, **{option: value})  # type: ignore[arg-type]


def test_a_synthetic_graph_shows_each_organisation(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.ttl"
    write_synthetic(path, 30)
    graph = goalgraph.load([path], bundled=False)
    names = column(
        graph,
        "SELECT ?name WHERE { ?o a/rdfs:subClassOf* org:Organization ; skos:prefLabel ?name "
        "FILTER (LANG(?name) = 'da') }",
    )
    assert len(set(names)) == 30
    html = build_report(graph, lang="da", generated=DAY)
    page = Page(html)
    headings = {text for tag, text in page.headings if tag == "h3"}
    assert set(names) <= headings
    assert page.problems == []
    # No focus points and no markers in synthetic data: said briefly, no crash.
    assert "Datasættet har ingen fokuspunkter." in html
    # Links across organisations, each relation in Danish (seed 0 has texts in the same words).
    (cross,) = page.tables_in("cross-organisation", "cross")
    assert len(cross.rows) == len(run_query(graph, "cross-organisation").rows)
    assert {row.cells[4] for row in cross.rows} == {
        "angivet sammenhæng",
        "kurateret sammenhæng",
        "samme ordlyd",
    }
    markdown = build_report(graph, lang="en", format="markdown", generated=DAY)
    assert markdown.count("\n## ") == len(page.h2())


def test_a_graph_with_nothing_in_it_still_makes_a_report() -> None:
    graph = goalgraph.load(bundled=False)
    html = build_report(graph, lang="en", generated=DAY)
    assert Page(html).problems == []
    for words in (
        "goalgraph report",
        "The dataset has no statements.",
        "The dataset has no missions or visions.",
        "No orphans",
        "No links join statements of different organisations.",
        "The dataset has no focus points.",
        "No organisation holds statements.",
        "No suggestions",
    ):
        assert words in html
    assert build_report(graph, format="markdown").startswith("# goalgraph-rapport\n")


def test_a_graph_without_plans(tmp_path: Path) -> None:
    path = tmp_path / "small.ttl"
    path.write_text(
        """@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<m> a org:Organization ; skos:prefLabel "Ministeriet"@da .
<s> a org:Organization ; skos:prefLabel "Styrelsen"@da ; org:subOrganizationOf <m> .
<m/mission> a gg:Mission ; gg:holder <m> ; gg:text "Et trygt samfund"@da .
<s/goal> a gg:Goal ; gg:holder <s> ; gg:text "Færre indbrud"@da .
<s/marker> a gg:StrategicMarker ; gg:holder <s> ; gg:text "Tryghed i hjemmet"@da .
""",
        encoding="utf-8",
    )
    html = build_report(goalgraph.load([path], bundled=False), lang="da", generated=DAY)
    page = Page(html)
    (coverage,) = page.tables_in("coverage", "coverage")
    # No identifiers: statements are named by their text.
    assert coverage.rows[0].cells[1].startswith("Et trygt samfund")
    assert "gap" in coverage.rows[0].classes
    (orphans,) = page.tables_in("orphans", "orphans")
    assert {row.cells[0] for row in orphans.rows} == {"Færre indbrud", "Tryghed i hjemmet"}
    assert "Datasættet har ingen strategiske pejlemærker og topvisioner at krydse." in html


def test_suggestions_are_left_out_of_a_large_graph_and_the_report_says_so(vores_maal: GoalDataset) -> None:
    html = build_report(vores_maal, lang="en", generated=DAY, suggestion_statement_limit=10)
    assert "Not computed for this dataset: it has 22 statements, more than 10" in html
    assert Page(html).tables_in("suggestions") == []


def test_suggestions_stored_in_the_data_are_listed_for_review(vores_maal: GoalDataset, tmp_path: Path) -> None:
    stored = suggest(vores_maal, limit=2)
    path = tmp_path / "suggested.ttl"
    path.write_text(suggestions_to_turtle(stored, created=DAY), encoding="utf-8")
    graph = goalgraph.load([path])
    page = Page(build_report(graph, lang="en", generated=DAY))
    assert "Suggestions stored in the data" in {text for tag, text in page.headings if tag == "h3"}
    tables = page.tables_in("suggestions", "suggestions")
    assert len(tables[-1].rows) == 2
    # Stored suggestions are not suggested again.
    assert len(tables[0].rows) == len(suggest(graph, limit=20))


def test_statement_types_are_read_from_the_ontology(vores_maal: GoalDataset, page_da: Page) -> None:
    names = {str(o) for o in vores_maal.objects(GG.StrategicMarker, RDFS.label) if isinstance(o, Literal)}
    (types,) = page_da.tables_in("reading", "terms")[:1]
    assert "strategisk pejlemærke" in names
    assert ["2", "strategisk pejlemærke"] in [row.cells[:2] for row in types.rows]


def test_long_lists_and_wide_matrices_are_cut_and_say_so(
    vores_maal: GoalDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("goalgraph.report.cells.LIST_LIMIT", 2)
    monkeypatch.setattr("goalgraph.report.alignment.MATRIX_COLUMNS", 2)
    html = build_report(vores_maal, lang="en", generated=DAY)
    page = Page(html)
    rows = page.tables_in("coverage", "coverage")[0].by_first_word(1)
    # JM-M2 has five supporters through others: the first two (by holder, level) named, the rest counted.
    assert rows["JM-M2"].cells[4] == "5: AM-K, SM3 and 3 more"
    by_vision = page.tables_in("matrix", "matrix")[1]
    assert by_vision.header == ["", "JM-V1", "JM-V2"]
    assert "Shown: 4 of 4 rows and 2 of 3 columns" in html


# ---------------------------------------------------------------------------
# A large graph's report: an index page and a page per organisation
# ---------------------------------------------------------------------------

#: Organisations in the synthetic graph of the split report: 150 give some 1,650 statements.
SPLIT_ORGANISATIONS = 150


class Links(HTMLParser):
    """A page's ids, links, trail and first heading, read with the standard library's parser."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.trail: list[str] = []
        self.stylesheets: list[str] = []
        self.h1 = ""
        self._in_trail = False
        self._in_h1 = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "a" and attributes.get("href") is not None:
            self.hrefs.append(str(attributes["href"]))
            if self._in_trail:
                self.trail.append(str(attributes["href"]))
        elif tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append(str(attributes["href"]))
        elif tag == "nav" and "trail" in (attributes.get("class") or ""):
            self._in_trail = True
        elif tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_trail = False
        elif tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1 += data


@dataclass
class SplitReport:
    graph: GoalDataset
    folder: Path
    pages: dict[Path, str]

    def parsed(self, path: Path) -> Links:
        return Links(self.pages[path])


@pytest.fixture(scope="module")
def split_graph(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    """The bundled data, a synthetic graph of 150 organisations, and hostile texts (see tests/explorer)."""
    folder = tmp_path_factory.mktemp("split-graph")
    write_synthetic(folder / "synthetic.ttl", SPLIT_ORGANISATIONS)
    (folder / "hostile.ttl").write_text(HOSTILE_TURTLE, encoding="utf-8")
    return goalgraph.load([folder / "synthetic.ttl", folder / "hostile.ttl"])


@pytest.fixture(scope="module")
def split_report(split_graph: GoalDataset, tmp_path_factory: pytest.TempPathFactory) -> SplitReport:
    folder = tmp_path_factory.mktemp("split") / "report"
    index = write_report_folder(split_graph, folder, lang="da", generated=DAY)
    assert index == folder / "index.html"
    pages = {path: path.read_text(encoding="utf-8") for path in folder.rglob("*.html")}
    return SplitReport(split_graph, folder, pages)


def test_the_bundled_report_stays_one_page_as_it_was(vores_maal: GoalDataset, html_da: str) -> None:
    assert len(vores_maal.query("SELECT ?s WHERE { ?s a/rdfs:subClassOf* gg:Statement }")) < SPLIT_ABOVE
    assert build_report(vores_maal, lang="da", generated=DAY, split_above=None) == html_da
    assert 'class="notice"' not in html_da
    assert "statements" in {anchor for tag, attributes in Page(html_da).elements if (anchor := attributes.get("id"))}


def test_links_across_organisations_are_the_query_s_rows(vores_maal: GoalDataset, split_graph: GoalDataset) -> None:
    for graph in (vores_maal, split_graph):
        assert cross_organisation_links(graph) == run_query(graph, "cross-organisation").rows


def test_the_split_report_has_an_index_and_a_page_per_organisation(split_report: SplitReport) -> None:
    facts = gather(split_report.graph, "da")
    organisations = [organisation for organisation, _ in facts.order]
    pages = sorted((split_report.folder / "organisations").iterdir())
    assert len(pages) == len(organisations) > SPLIT_ORGANISATIONS
    # Each page is named after its organisation, uniquely, in the folder and nowhere else.
    assert all(page.suffix == ".html" and page.stem.replace("-", "").isalnum() for page in pages)
    headings = [split_report.parsed(page).h1 for page in pages]
    assert sorted(headings) == sorted(facts.organisation_name(o) for o in organisations)
    assert {p.name for p in split_report.folder.iterdir()} == {"index.html", "organisations", "report.css"}


def test_every_link_of_every_page_leads_to_a_page_and_place_that_exist(split_report: SplitReport) -> None:
    folder = split_report.folder.resolve()
    ids = {path.resolve(): split_report.parsed(path).ids for path in split_report.pages}
    checked = 0
    for path in split_report.pages:
        parsed = split_report.parsed(path)
        assert (path.parent / parsed.stylesheets[0]).resolve() == folder / "report.css"
        for href in parsed.hrefs:
            if href.startswith(("https://", "http://")):
                continue  # the statements' sources
            address, _, fragment = href.partition("#")
            target = (path.parent / address).resolve() if address else path.resolve()
            assert target.is_relative_to(folder), f"{path.name}: {href} leaves the report"
            assert target in ids, f"{path.name}: {href} leads to no page"
            assert not fragment or fragment in ids[target], f"{path.name}: {href} leads to no place on its page"
            checked += 1
    assert checked > 10 * len(split_report.pages)


def test_pages_link_back_to_the_index_and_their_parents_link_to_them(split_report: SplitReport) -> None:
    index = split_report.folder / "index.html"
    from_index = set(split_report.parsed(index).hrefs)
    for path in (split_report.folder / "organisations").iterdir():
        parsed = split_report.parsed(path)
        assert parsed.trail[0] == "../index.html"
        if len(parsed.trail) == 1:
            # A top organisation: the index links to it.
            assert f"organisations/{path.name}" in from_index
        else:
            # Its parent's page (the last in the trail) links to it, and so on up.
            parent = split_report.parsed(path.parent / parsed.trail[-1])
            assert path.name in parent.hrefs
    # The index reaches the organisations two levels down; the rest are reached through their parents.
    synthetic = [href for href in from_index if "nr-" in href and "#" not in href]
    assert 1 + 10 + 100 <= len(set(synthetic)) < SPLIT_ORGANISATIONS


def test_the_index_counts_orphans_per_organisation_and_keeps_the_detail_off(split_report: SplitReport) -> None:
    page = Page(split_report.pages[split_report.folder / "index.html"])
    assert page.problems == []
    sections = [attributes.get("id") for tag, attributes in page.elements if tag == "section"]
    assert sections[:6] == ["summary", "scores", "gaps", "orphans", "cycles", "matrix"]
    assert "statements" not in sections
    (orphans,) = page.tables_in("orphans", "orphans")
    assert [cell for cell in orphans.header] == ["Organisation", "Antal", "De første af dem"]
    assert sum(int(row.cells[1].replace(".", "")) for row in orphans.rows) == len(analyse(split_report.graph).orphans)


def test_no_page_has_a_script_and_hostile_texts_are_shown_as_text(split_report: SplitReport) -> None:
    every = "\n".join(split_report.pages.values())
    assert "<script" not in every.lower()
    assert XSS not in every
    assert "onmouseover=alert" not in every.replace("&lt;b onmouseover=alert(2)&gt;", "")
    assert 'href="javascript:' not in every
    hostile = split_report.folder / "organisations" / "b-onmouseover-alert-2-fjendtlig-b.html"
    assert split_report.parsed(hostile).h1 == "<b onmouseover=alert(2)>Fjendtlig</b>"
    assert escape(XSS) in split_report.pages[split_report.folder / "organisations" / "politiet.html"]
    for page in split_report.pages.values():
        assert Page(page).problems == []


def test_the_folder_is_written_whole_or_not_at_all(
    split_graph: GoalDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[Path] = []
    original = split._write_page

    def fail_midway(path: Path, text: str) -> None:
        if len(written) == 40:
            raise OSError(28, "No space left on device")
        written.append(path)
        original(path, text)

    monkeypatch.setattr(split, "_write_page", fail_midway)
    with pytest.raises(GoalgraphError, match="cannot write"):
        write_report_folder(split_graph, tmp_path / "report")
    assert len(written) == 40
    assert list(tmp_path.iterdir()) == []


def test_an_earlier_report_is_replaced_but_another_folder_is_left_alone(
    vores_maal: GoalDataset, tmp_path: Path
) -> None:
    target = tmp_path / "report"
    write_report_folder(vores_maal, target, lang="en")
    (target / "organisations" / "gone.html").write_text("old", encoding="utf-8")
    write_report(vores_maal, target, lang="da", split=True)
    assert not (target / "organisations" / "gone.html").exists()
    assert '<html lang="da">' in (target / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(GoalgraphError, match="other files than a report"):
        write_report_folder(vores_maal, mine)
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    with pytest.raises(GoalgraphError, match="does not exist"):
        write_report_folder(vores_maal, tmp_path / "missing" / "report")


def test_a_large_graph_on_one_page_says_so_and_gives_the_summary_only(split_graph: GoalDataset) -> None:
    html = build_report(split_graph, lang="en", generated=DAY, split_above=1_000)
    page = Page(html)
    assert page.problems == []
    notice = html.split('<div class="notice">')[1].split("</div>")[0]
    assert "This dataset is large" in notice
    assert "goalgraph report --split -o report/" in notice
    sections = [attributes.get("id") for tag, attributes in page.elements if tag == "section"]
    assert "statements" not in sections
    assert "gaps" in sections
    # Statements are on no page: nothing links to them.
    assert 'href="#s-' not in html
    assert 'href="#o-' not in html
    assert len(html) < len(build_report(split_graph, lang="en", generated=DAY, split_above=None)) / 3
    markdown = build_report(split_graph, lang="da", format="markdown", generated=DAY, split_above=1_000)
    assert markdown.splitlines()[2].startswith("Dette datasæt er stort")


def test_the_split_report_opens_in_chromium(browser: Browser, split_report: SplitReport) -> None:
    context = browser.new_context()
    outside: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((split_report.folder / "index.html").as_uri())
        assert page.locator("h1").inner_text() == page.title()
        # The shared style sheet applies: section headings are underlined with a rule.
        assert page.evaluate("getComputedStyle(document.querySelector('main h2')).borderBottomStyle") == "solid"
        page.locator("#scores a", has_text="Politiet").first.click()
        page.wait_for_url("**/organisations/politiet.html")
        assert page.locator("h1").inner_text() == "Politiet"
        assert page.locator("nav.trail a").first.get_attribute("href") == "../index.html"
        assert page.locator("#statements tr[id]").count() > 0
        assert page.evaluate("document.scripts.length") == 0
        assert errors == []
        assert outside == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def synthetic_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic-cli") / "synthetic.ttl"
    write_synthetic(path, 30)
    return path


def test_the_command_writes_pages_to_a_folder(synthetic_file: Path, tmp_path: Path) -> None:
    result = command("report", "-o", f"{tmp_path / 'report'}/", "--data", synthetic_file, "--date", "2026-01-31")
    assert result.returncode == 0, result.stderr
    assert "organisation page(s)" in result.stderr
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "Rapporten er delt i sider" in index
    assert len(list((tmp_path / "report" / "organisations").iterdir())) == 30 + 6
    # --split with a folder that has no slash, into the one written before: replaced.
    again = command("report", "--split", "-o", tmp_path / "report", "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert len(list((tmp_path / "report" / "organisations").iterdir())) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_the_command_above_the_limit_writes_the_summary_and_says_so(synthetic_file: Path, tmp_path: Path) -> None:
    result = command("report", "-o", tmp_path / "r.html", "--data", synthetic_file, "--split-above", "100")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'class="notice"' in page
    assert "goalgraph report --split -o rapport/" in page
    below = command("report", "--split-above", "100000", "--data", synthetic_file, "--lang", "en")
    assert 'class="notice"' not in below.stdout
    assert "Statements by organisation" in below.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--split"], "--split writes pages to a folder"),
        (["--split", "-o", "report", "--format", "markdown"], "a report of pages is HTML"),
    ],
)
def test_pages_without_a_folder_or_as_markdown_are_usage_errors(args: list[str], said: str, tmp_path: Path) -> None:
    result = command("report", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert said in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_pages_written_by_several_processes_are_those_written_by_one(
    vores_maal: GoalDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = write_report_folder(vores_maal, tmp_path / "one", lang="en", generated=DAY).parent
    monkeypatch.setattr(split, "PARALLEL_ABOVE", 1)
    monkeypatch.setattr(split.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    monkeypatch.setattr(split.sys, "platform", "linux")
    several = write_report_folder(vores_maal, tmp_path / "several", lang="en", generated=DAY).parent
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(several) for p in several.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (several / f).read_bytes() for f in files)

    def fail(path: Path, text: str) -> None:
        if path.name == "the-danish-police.html":
            raise ValueError("a page that cannot be written")
        path.write_text(text, encoding="utf-8")

    # Whichever process meets the failure, nothing is left of the folder.
    monkeypatch.setattr(split, "_write_page", fail)
    with pytest.raises((GoalgraphError, ValueError)):
        write_report_folder(vores_maal, tmp_path / "failed", lang="en")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "several"]


def test_a_page_process_that_cannot_write_says_so_in_one_line(
    vores_maal: GoalDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(split, "PARALLEL_ABOVE", 1)
    monkeypatch.setattr(split.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(split.sys, "platform", "linux")

    def full(path: Path, text: str) -> None:
        if path.parent.name == "organisations":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        path.write_text(text, encoding="utf-8")

    monkeypatch.setattr(split, "_write_page", full)
    with pytest.raises(GoalgraphError, match=r"cannot write|failed"):
        write_report_folder(vores_maal, tmp_path / "report", lang="en")
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert "No space left on device" in err
    assert list(tmp_path.iterdir()) == []
