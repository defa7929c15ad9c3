"""The report's achievement section (målrapportering): targets against results, charts as inline SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import goalgraph
from goalgraph.achievement import progress
from goalgraph.errors import GoalgraphError
from goalgraph.loading import GoalDataset
from goalgraph.model import read_model
from goalgraph.report import achievement as achievement_report
from goalgraph.report import build_report, write_report, write_report_folder
from goalgraph.report.charts import STATUS_COLOURS
from goalgraph.report.document import (
    Charts,
    Document,
    Section,
    StatusBar,
    StatusChart,
    TrendChart,
    TrendPoint,
)
from goalgraph.report.to_html import to_html

from .conftest import FIXTURES
from .test_cli import goalgraph as command
from .test_report import Page
from .test_templating import assert_inert

if TYPE_CHECKING:
    from playwright.sync_api import Browser

DAY = date(2025, 1, 31)
SYNTHETIC = FIXTURES / "achievement" / "maalrapportering-synthetic.ttl"
SVG = "{http://www.w3.org/2000/svg}"
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"/><img src=x onerror=alert(2)>'
# SYNTHETIC, for the escaping test only: an organisation, indicator and target named as markup,
# with made-up results. Nothing here is real; every IRI and source is under example.org/synthetic.
HOSTILE_TURTLE = f"""@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix s: <https://example.org/synthetic/hostile/> .

s:org a org:Organization ; skos:prefLabel {SCRIPT + BREAKOUT!r}@en .
s:T a gg:Target ; dcterms:identifier {SCRIPT!r} ; gg:holder s:org ; gg:text {BREAKOUT!r}@en ;
    dcterms:source s:source .
s:I a gg:Indicator ; dcterms:identifier {BREAKOUT!r} ; gg:holder s:org ; gg:text {SCRIPT + BREAKOUT!r}@en ;
    gg:measures s:T ; gg:unit {SCRIPT!r} ; dcterms:source s:source ; gg:result s:t1 , s:a1 , s:t2 , s:a2 .
s:t1 a gg:TargetResult ; rdf:value 10.0 ; gg:resultStart "2019-01-01"^^xsd:date ; gg:resultEnd "2019-12-31"^^xsd:date ;
    dcterms:source s:source .
s:a1 a gg:ActualResult ; rdf:value 8.0 ; gg:resultStart "2019-01-01"^^xsd:date ; gg:resultEnd "2019-12-31"^^xsd:date ;
    dcterms:source <javascript:alert(3)> .
s:t2 a gg:TargetResult ; rdf:value 10.0 ; gg:resultStart "2020-01-01"^^xsd:date ; gg:resultEnd "2020-12-31"^^xsd:date ;
    dcterms:source s:source .
s:a2 a gg:ActualResult ; dcterms:description {SCRIPT!r}@en ;
    gg:resultStart "2020-01-01"^^xsd:date ; gg:resultEnd "2020-12-31"^^xsd:date ; dcterms:source s:source .
"""


@pytest.fixture(scope="module")
def synthetic() -> GoalDataset:
    return goalgraph.open([SYNTHETIC], bundled=False)


@pytest.fixture(scope="module")
def html_da(synthetic: GoalDataset) -> str:
    return build_report(synthetic, lang="da", generated=DAY)


@pytest.fixture(scope="module")
def page_da(html_da: str) -> Page:
    return Page(html_da)


def svgs(html: str) -> list[ET.Element]:
    """Every inline SVG of a page, parsed as XML (so each must be well-formed on its own)."""
    return [ET.fromstring(found) for found in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)]


def charts(html: str, kind: str) -> list[ET.Element]:
    """The charts of one kind ("status-chart", "trend-chart"), by the figure that holds them."""
    found = re.findall(rf'<figure class="chart {kind}">(<svg\b.*?</svg>)', html, flags=re.DOTALL)
    return [ET.fromstring(svg) for svg in found]


def text(element: ET.Element | None) -> str:
    assert element is not None
    return "".join(element.itertext())


#################################################################
# The section on one page
#################################################################


def test_targets_not_met_come_first_with_actual_target_and_verdict(page_da: Page, html_da: str) -> None:
    assert "Målrapportering" in page_da.h2()
    assert page_da.problems == []
    (table,) = page_da.tables_in("achievement", "achievement")
    assert table.header[:6] == ["Status", "Mål", "Indikator", "Periode", "Faktisk / mål", "Indberettet vurdering"]
    statuses = [row.cells[0] for row in table.rows]
    assert statuses == ["✗ ikke opfyldt", "◐ delvist opfyldt", "✓ opfyldt"]
    by_target = table.by_first_word(1)
    # 2021, each indicator's latest period: the figures of the fixture's header comment.
    assert by_target["S-T3"].cells[4] == "79 % / 80 %"
    assert by_target["S-T3"].cells[5] == "✗ ikke opfyldt (som beregnet)"
    assert by_target["S-T2"].cells[4] == "91 % / 95 %"
    assert by_target["S-T1"].cells[4] == "29 dage / 30 dage"
    assert by_target["S-T1"].cells[5] == "ikke indberettet"
    assert all(row.cells[3] == "2021" for row in table.rows)
    assert [sorted(row.classes) for row in table.rows] == [["ach-not-met"], ["ach-partly-met"], ["ach-met"]]
    assert 'href="https://example.org/synthetic/aarsrapport-2021"' in html_da
    assert "Sådan beregnes det" in html_da
    assert "Targets and results" in html_da


def test_the_holder_s_verdict_is_shown_beside_a_calculation_that_disagrees(synthetic: GoalDataset) -> None:
    page = Page(build_report(synthetic, lang="en", generated=DAY, period="2020"))
    (table,) = page.tables_in("achievement", "achievement")
    by_target = table.by_first_word(1)
    # 2020: 36 days against 30 is not met by the rule, but the agency reported it partly met.
    assert by_target["S-T1"].cells[0] == "◐ partly met"
    assert by_target["S-T1"].cells[5] == "◐ partly met (calculated: not met)"
    assert by_target["S-T3"].cells[4] == "78 % / 80 %"
    assert next(row.cells[0] for row in table.rows) == "✗ not met"
    assert all(row.cells[3] == "2020" for row in table.rows)
    with pytest.raises(GoalgraphError, match="a period is a year"):
        build_report(synthetic, period="last year")


def test_missions_and_visions_are_rolled_up_with_their_drivers(page_da: Page) -> None:
    (table,) = page_da.tables_in("achievement", "achievement-top")
    rows = table.by_first_word(1)
    assert set(rows) == {"S-M1", "S-V1"}
    assert rows["S-M1"].cells[0] == "◐ delvist opfyldt"
    assert rows["S-M1"].cells[2] == "0,75"
    assert rows["S-V1"].cells[2] == "0,34"
    drivers = rows["S-V1"].cells[3].split("\n")
    # T3's status is the agency's own verdict; the others are calculated.
    assert drivers[0] == "S-T3 ✗ ikke opfyldt · 55 % · indberettet"
    assert drivers[1:] == ["S-T1 ✓ opfyldt · 23 % · beregnet", "S-T2 ◐ delvist opfyldt · 23 % · beregnet"]


def test_the_status_chart_holds_a_bar_per_organisation_with_its_counts(html_da: str) -> None:
    assert len(svgs(html_da)) >= 4  # every SVG of the page parses as XML: the bars of the scores too
    assert all(svg.tag == f"{SVG}svg" for svg in charts(html_da, "status-chart") + charts(html_da, "trend-chart"))
    (chart,) = charts(html_da, "status-chart")
    assert chart.get("role") == "img"
    assert text(chart.find(f"{SVG}title")) == "Mål efter status pr. organisation"
    (bar,) = chart.iter(f"{SVG}g")
    assert text(bar.find(f"{SVG}title")).startswith("Syntetisk styrelse: opfyldt 1, delvist opfyldt 1")
    segments = bar.findall(f"{SVG}rect")
    colours = {colour: key for key, (colour, _) in STATUS_COLOURS.items()}
    assert [colours[s.get("fill", "")] for s in segments] == ["met", "partly-met", "not-met"]
    # Each segment says its status and count in words, and its count is written on it.
    assert [text(s) for s in segments] == ["opfyldt: 1", "delvist opfyldt: 1", "ikke opfyldt: 1"]
    assert [text(t) for t in bar.findall(f"{SVG}text")] == ["Syntetisk styrelse", "1", "1", "1", "3"]
    widths = [float(s.get("width", "0")) for s in segments]
    assert widths[0] == widths[1] == widths[2] > 0
    legend = [text(t) for t in chart.findall(f"{SVG}text")]
    assert legend == ["opfyldt", "delvist opfyldt", "ikke opfyldt", "ingen data"]


def test_each_indicator_has_a_trend_line_with_its_figures_and_targets(html_da: str) -> None:
    trends = charts(html_da, "trend-chart")
    assert len(trends) == 3
    first = trends[0]
    assert text(first.find(f"{SVG}title")) == "S-I1 Gennemsnitlig sagsbehandlingstid (dage)"
    dots = first.findall(f"{SVG}circle")
    assert [text(d) for d in dots] == ["2019: faktisk 41 dage", "2020: faktisk 36 dage", "2021: faktisk 29 dage"]
    (line,) = first.findall(f"{SVG}polyline[@class='actual']")
    points = [tuple(map(float, p.split(","))) for p in line.get("points", "").split()]
    assert len(points) == 3
    # Falling days: each point lower on the page than the one before (y grows downwards), in time order.
    assert points[0][1] < points[1][1] < points[2][1]
    assert points[0][0] < points[1][0] < points[2][0]
    (target,) = first.findall(f"{SVG}polyline[@class='target']")
    assert target.get("stroke-dasharray")
    assert len(target.get("points", "").split()) == 3
    assert next(text(t) for t in first.findall(f"{SVG}line[@class='target']")) == "2019: mål 30 dage"
    # The axis' ends are labelled: the highest and lowest figure, the first and last period.
    labels = [text(t) for t in first.findall(f"{SVG}text")]
    assert labels[:4] == ["41", "29", "2019", "2021"]
    assert labels[4:] == ["faktisk", "mål"]


def test_the_page_runs_nothing_and_loads_nothing(html_da: str) -> None:
    assert_inert(html_da)
    assert "<script" not in html_da
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!example\.org)""", html_da.split("<main>")[0])


#################################################################
# Escaping
#################################################################


def test_hostile_names_in_the_charts_and_tables_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.ttl"
    path.write_text(HOSTILE_TURTLE, encoding="utf-8")
    graph = goalgraph.open([path], bundled=False)
    html = build_report(graph, lang="en", generated=DAY)
    parsed = assert_inert(html)
    assert SCRIPT not in html
    assert "<img" not in html
    assert not [h for h in parsed.values("href") if (h or "").startswith("javascript:")]
    shown = "".join(parsed.text)
    assert SCRIPT + BREAKOUT in shown
    assert BREAKOUT in shown
    (status,) = charts(html, "status-chart")
    assert SCRIPT + BREAKOUT in text(status)  # the organisation's name, in its bar's title
    (trend,) = charts(html, "trend-chart")
    title = text(trend.find(f"{SVG}title"))
    assert BREAKOUT in title
    assert SCRIPT in title
    assert not [e for svg in svgs(html) for e in svg.iter() if e.tag in (f"{SVG}script", f"{SVG}foreignObject")]
    markdown = build_report(graph, lang="en", format="markdown", generated=DAY)
    # Every < of the data is escaped with a backslash: none starts markup.
    assert SCRIPT not in markdown
    assert not re.search(r"(?<!\\)<", markdown)
    assert "\\<script\\>alert(1)\\</script\\>" in markdown


#################################################################
# Markdown, no results, pages, the command
#################################################################


def test_markdown_has_the_section_as_tables(synthetic: GoalDataset) -> None:
    markdown = build_report(synthetic, lang="en", format="markdown", generated=DAY)
    assert "## Achievement: targets and results" in markdown
    assert "| Status | Target | Indicator | Period | Actual / target | Reported verdict | Sources |" in markdown
    assert "| **✗ not met** | **S-T3** · *Satisfied citizens* | S-I3 *Share of satisfied citizens* | 2021 |" in markdown
    assert "| Synthetic agency | 1 | 1 | 1 | 0 |" in markdown
    assert "- S-I1 Average case processing time (dage), actual / target: 2019: 41 / 30; 2020: 36 / 30" in markdown
    assert "<svg" not in markdown
    not_met, partly, met = (markdown.index(f"**{s}**") for s in ("✗ not met", "◐ partly met", "✓ met"))
    assert not_met < partly < met


def test_without_results_the_section_is_left_out_and_the_summary_says_so(vores_maal: GoalDataset) -> None:
    html = build_report(vores_maal, lang="da", generated=DAY)
    page = Page(html)
    assert "Målrapportering" not in page.h2()
    assert 'id="achievement"' not in html
    assert not charts(html, "status-chart")
    assert not charts(html, "trend-chart")
    assert "Ingen resultater (mål og faktiske tal) i data: ingen målrapportering." in html
    markdown = build_report(vores_maal, lang="en", format="markdown", generated=DAY)
    assert "## Achievement" not in markdown
    assert markdown.count("no achievement to report") == 1


def test_the_split_report_has_the_chart_and_top_on_its_index_and_targets_on_their_pages(
    synthetic: GoalDataset, tmp_path: Path
) -> None:
    index = write_report_folder(synthetic, tmp_path / "report", lang="en", generated=DAY)
    page = index.read_text(encoding="utf-8")
    assert len(charts(page, "status-chart")) == 1
    assert not charts(page, "trend-chart")
    assert Page(page).tables_in("achievement", "achievement-top")
    assert not Page(page).tables_in("achievement", "achievement")
    assert "each organisation&#39;s page lists its targets" in page
    agency = (index.parent / "organisations" / "synthetic-agency.html").read_text(encoding="utf-8")
    (table,) = Page(agency).tables_in("achievement", "achievement")
    assert [row.cells[1].split("\n")[0] for row in table.rows] == ["S-T3", "S-T2", "S-T1"]
    assert len(charts(agency, "trend-chart")) == 3
    assert_inert(agency)
    # The ministry holds the mission and vision only: no targets of its own, no section.
    ministry = (index.parent / "organisations" / "synthetic-ministry.html").read_text(encoding="utf-8")
    assert 'id="achievement"' not in ministry
    # The drivers on the index link to the agency's page, where the targets are.
    assert 'href="organisations/synthetic-agency.html#s-' in page


def test_the_command_takes_a_period(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = command("report", "--no-bundled", "--data", SYNTHETIC, "--period", "2019", "-o", out, "--lang", "en")
    assert result.returncode == 0, result.stderr
    markdown = out.read_text(encoding="utf-8")
    assert "each indicator" not in markdown.split("## Achievement")[1].split("\n\n")[1]
    assert "the period 2019" in markdown
    assert "| 41 dage / 30 dage |" in markdown
    wrong = command("report", "--no-bundled", "--data", SYNTHETIC, "--period", "soon", "-o", tmp_path / "x.md")
    assert wrong.returncode != 0
    assert "a period is a year" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    assert not (tmp_path / "x.md").exists()
    assert write_report(goalgraph.open([SYNTHETIC], bundled=False), tmp_path / "r.html", period="2020").is_file()


#################################################################
# Real results: the StratML Leadership Council's performance report
#################################################################


def test_the_smlc_performance_report_shows_its_real_indicators_with_trend_lines(shared: Path) -> None:
    path = shared / "interop" / "stratml" / "SMLC2023.xml"
    graph = goalgraph.open([path], bundled=False)
    html = build_report(graph, lang="en", generated=DAY)
    model = read_model(graph)
    achievement = progress(model)
    page = Page(html)
    assert page.problems == []
    assert_inert(html)
    (table,) = page.tables_in("achievement", "achievement")
    targets = {m for i in model.indicators.values() for m in i.measures}
    assert len(table.rows) == len(targets) > 10
    # Its targets are words ("Unspecified"): no status is calculated, and none is invented.
    assert {row.cells[0] for row in table.rows} == {"– no data"}
    (status,) = charts(html, "status-chart")
    (bar,) = status.iter(f"{SVG}g")
    assert [text(t) for t in bar.findall(f"{SVG}text")][-1] == str(len(targets))
    drawn = [
        node
        for node, trend in achievement.trends.items()
        if any(isinstance(r.actual, float) or isinstance(r.target, float) for r in trend.series)
    ]
    trends = charts(html, "trend-chart")
    assert len(trends) == len(drawn) >= 7
    plans = next(t for t in trends if "Plans Converted" in text(t.find(f"{SVG}title")))
    dots = [text(d) for d in plans.findall(f"{SVG}circle")]
    # The published count of plans converted to StratML, period by period.
    assert len(dots) >= 8
    assert dots[0].endswith("actual 829 Number")
    assert "http://stratml.us/SMLC2023.xml" in html


#################################################################
# Print
#################################################################


def test_the_section_fits_an_a4_page_when_printed(browser: Browser, html_da: str, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(html_da, encoding="utf-8")
    page = browser.new_page(viewport={"width": 703, "height": 900})  # A4's width less the margins, at 96 dpi
    try:
        page.emulate_media(media="print")
        page.goto(path.as_uri())
        widths = page.eval_on_selector_all("#achievement svg", "svgs => svgs.map(s => s.getBoundingClientRect().right)")
        assert widths
        assert max(widths) <= 703
        assert page.evaluate("document.documentElement.scrollWidth") <= 703
    finally:
        page.close()


def test_the_chart_by_organisation_is_cut_and_says_so(synthetic: GoalDataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(achievement_report, "CHART_BARS", 0)
    html = build_report(synthetic, lang="en", generated=DAY)
    (chart,) = charts(html, "status-chart")
    assert not list(chart.iter(f"{SVG}g"))
    assert "The chart shows the first 0 of 1 organisations with targets measured" in html
    # The table still lists every target.
    (table,) = Page(html).tables_in("achievement", "achievement")
    assert len(table.rows) == 3


def test_every_text_of_a_chart_is_escaped_attributes_included() -> None:
    hostile = SCRIPT + BREAKOUT
    status = StatusChart(hostile, (("met", hostile), (BREAKOUT, hostile)), (StatusBar(hostile, (1, 2)),))
    points = (TrendPoint(hostile, BREAKOUT, 1.0, 2.0), TrendPoint(hostile, "2020-12-31", 3.0, None))
    trend = TrendChart(hostile, hostile, points, (hostile, hostile))
    section = Section("achievement", hostile, (Charts((status, trend)),))
    html = to_html(Document("en", hostile, hostile, (section,)), generator="goalgraph")
    parsed = assert_inert(html)
    assert SCRIPT not in html
    assert "<img" not in html
    drawn = charts(html, "status-chart") + charts(html, "trend-chart")
    assert len(drawn) == 2
    for svg in drawn:
        assert hostile in text(svg.find(f"{SVG}title"))
        # Attributes hold numbers and fixed colours only: nothing of the data reaches them.
        assert not [v for e in svg.iter() for v in e.attrib.values() if "script" in v or "<" in v]
    assert "".join(parsed.text).count(hostile) >= 8
