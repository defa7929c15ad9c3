"""The explorer shows achievement and hindering links (issue 15): the page's data, and the page in Chromium.

The figures are those of the synthetic målrapportering fixture
(``tests/fixtures/achievement/maalrapportering-synthetic.ttl``, made up, every IRI
under example.org/synthetic; its header comment gives the expected statuses), and of
the real StratML performance report in ../shared where it is at hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import goalgraph
from goalgraph.explorer import build_explorer
from goalgraph.explorer.styles import HINDERING, STATUS_COLOURS
from goalgraph.loading import GoalDataset

from ..conftest import REPOSITORY, missing
from .conftest import OpenPage

SYNTHETIC = REPOSITORY / "tests" / "fixtures" / "achievement" / "maalrapportering-synthetic.ttl"
_DATA_BLOCK = re.compile(r'<script type="application/json" id="goalgraph-data">(.*?)</script>', re.DOTALL)

#: A hindering link across organisations, the agency's target against the ministry's
#: mission (synthetic, added to the synthetic fixture for the drilled-down view).
ACROSS_HINDRANCE = """\
@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix s: <https://example.org/synthetic/> .

s:T1 gg:hinders s:M1 .
s:h-T1-M1 a gg:Alignment ; gg:from s:T1 ; gg:to s:M1 ; gg:kind gg:stated ; gg:polarity gg:hindering ;
    gg:strength gg:weak ; dcterms:source s:synthetic-source .
"""

#: A hindering link with markup in its rationale, added to the synthetic fixture (itself synthetic).
HOSTILE_HINDRANCE = """\
@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix s: <https://example.org/synthetic/> .

s:T3 gg:hinders s:O1 .
s:h-T3-O1 a gg:Alignment ; gg:from s:T3 ; gg:to s:O1 ; gg:kind gg:stated ; gg:polarity gg:hindering ;
    gg:strength gg:weak ; dcterms:source s:synthetic-source ;
    gg:rationale "<img src=x onerror=alert(7)>Syntetisk"@da .
"""


def data_of(page: str) -> dict[str, Any]:
    """The JSON the page carries, read as the page's script reads it."""
    match = _DATA_BLOCK.search(page)
    assert match is not None
    data: dict[str, Any] = json.loads(match[1])
    return data


def position(data: dict[str, Any], identifier: str) -> int:
    return next(k for k, s in enumerate(data["statements"]) if s.get("identifier") == identifier)


@pytest.fixture(scope="module")
def synthetic() -> GoalDataset:
    return goalgraph.open([SYNTHETIC], bundled=False)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def synthetic_page(synthetic: GoalDataset) -> str:
    return build_explorer(synthetic)


@pytest.fixture(scope="module")
def page_files(
    tmp_path_factory: pytest.TempPathFactory, synthetic_page: str, synthetic: GoalDataset, bundled: GoalDataset
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("achievement-pages")
    hostile = folder / "hostile-hindrance.ttl"
    hostile.write_text(HOSTILE_HINDRANCE, encoding="utf-8")
    across = folder / "across-hindrance.ttl"
    across.write_text(ACROSS_HINDRANCE, encoding="utf-8")
    pages = {
        "synthetic": synthetic_page,
        "synthetic-drilled": build_explorer(goalgraph.open([SYNTHETIC, across], bundled=False), collapse_above=0),
        "hostile": build_explorer(goalgraph.open([SYNTHETIC, hostile], bundled=False)),
        "bundled": build_explorer(bundled),
    }
    written = {}
    for name, text in pages.items():
        path = folder / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        written[name] = path
    return written


# ---------------------------------------------------------------------------
# The page's data (no browser)
# ---------------------------------------------------------------------------


def test_page_data_holds_the_statuses_of_the_fixture(synthetic_page: str) -> None:
    data = data_of(synthetic_page)
    achievement = data["achievement"]
    found = {s["identifier"]: achievement["statements"].get(str(k)) for k, s in enumerate(data["statements"])}
    # The statuses the fixture's header comment gives, for 2021 (each indicator's latest).
    statuses = {name: found[name]["status"] for name in ("S-I1", "S-I2", "S-I3", "S-T1", "S-T2", "S-T3")}
    assert statuses == {
        "S-I1": "met",
        "S-I2": "partly-met",
        "S-I3": "not-met",
        "S-T1": "met",
        "S-T2": "partly-met",
        "S-T3": "not-met",
    }
    assert found["S-O1"]["score"] == 0.75
    assert found["S-V1"]["score"] == pytest.approx(0.3409, abs=1e-4)
    assert found["S-O1"]["measured"] is False
    # V1's drivers are statements of the page, by position, the largest share first.
    drivers = [(data["statements"][d["statement"]]["identifier"], d["share"]) for d in found["S-V1"]["drivers"]]
    assert drivers[0] == ("S-T3", pytest.approx(0.5455, abs=1e-4))
    assert achievement["judged"] == 9
    assert achievement["results"] == 18


def test_page_data_holds_each_indicators_series(synthetic_page: str) -> None:
    data = data_of(synthetic_page)
    series = data["achievement"]["indicators"][str(position(data, "S-I1"))]
    assert (series["unit"], series["direction"], series["threshold"]) == ("dage", "lower", 35.0)
    assert series["series"]["period"] == ["2019", "2020", "2021"]
    assert series["series"]["target"] == [30.0, 30.0, 30.0]
    assert series["series"]["actual"] == [41.0, 36.0, 29.0]
    # The holder's verdicts as published (none for 2021), and the status that counts.
    assert series["series"]["reported"] == ["not-met", "partly-met", None]
    assert series["series"]["status"] == ["not-met", "partly-met", "met"]
    assert series["movement"] == "toward"
    assert "https://example.org/synthetic/aarsrapport-2021" in series["series"]["sources"][2]


def test_page_data_holds_the_hindering_link(synthetic_page: str) -> None:
    data = data_of(synthetic_page)
    (hindrance,) = data["hindrances"]
    assert data["statements"][hindrance["from"]]["identifier"] == "S-T1"
    assert data["statements"][hindrance["to"]]["identifier"] == "S-T2"
    assert (hindrance["kind"], hindrance["strength"]) == ("curated", "moderate")
    assert hindrance["rationale"]["da"].startswith("Syntetisk: at nedbringe")
    # Not an alignment: no path to the top follows it.
    assert all(a["iri"] != hindrance["iri"] for a in data["alignments"])
    (edge,) = data["network"]["hindering"]
    assert edge["id"] == "h-0"
    assert edge["color"]["color"] == HINDERING
    assert edge["arrows"]["to"]["type"] == "bar"
    assert (edge["from"], edge["to"]) == (hindrance["from"], hindrance["to"])
    assert data["styles"]["status"] == STATUS_COLOURS


def test_a_drilled_down_page_carries_the_hindering_links_for_the_page_to_draw(synthetic: GoalDataset) -> None:
    data = data_of(build_explorer(synthetic, collapse_above=0))
    assert data["collapsed"] is True
    assert len(data["hindrances"]) == 1
    assert data["network"]["hindering"] == []
    assert data["styles"]["hindering"]["curated|moderate"]["arrows"]["to"]["type"] == "bar"


def test_bundled_page_has_no_statuses_and_a_toggle_to_disable(bundled: GoalDataset) -> None:
    page = build_explorer(bundled)
    data = data_of(page)
    # No results are published at hand: none are invented, and nothing is coloured by.
    assert data["achievement"] == {"results": 0, "judged": 0}
    assert data["hindrances"] == []
    assert data["network"]["hindering"] == []
    assert data["styles"]["hindering"] == {}
    assert 'id="status-toggle"' in page
    # The rest of the page's data is as before: every statement and alignment drawn as it was.
    assert len(data["network"]["nodes"]) == 30
    assert len(data["network"]["edges"]) == 32


def test_real_stratml_results_reach_the_page(shared: Path) -> None:
    report = shared / "interop" / "stratml" / "SMLC2023.xml"
    if not report.is_file():
        missing(f"the StratML performance report is not at {report}")
    data = data_of(build_explorer(goalgraph.open([report])))
    achievement = data["achievement"]
    assert achievement["results"] > 0
    actual = [
        value
        for indicator in achievement["indicators"].values()
        for value in indicator["series"]["actual"]
        if isinstance(value, int | float)
    ]
    # Real actual figures over the years; targets mostly in words, so most are no data.
    assert actual
    statuses = [s for indicator in achievement["indicators"].values() for s in indicator["series"]["status"]]
    assert statuses.count("no-data") > len(statuses) / 2


# ---------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------


def click_node(opened: Any, key: str) -> None:
    position = opened.evaluate("key => goalgraphExplorer.pagePosition(key)", key)
    opened.page.mouse.click(position["x"], position["y"])


def test_colour_by_status_fills_nodes_by_status_with_a_legend(open_page: OpenPage, page_files: dict[str, Path]) -> None:
    opened = open_page(page_files["synthetic"])
    page = opened.page
    toggle = page.locator("#status-toggle")
    assert toggle.is_enabled()
    assert not toggle.is_checked()
    before = opened.evaluate("goalgraphExplorer.nodeOf('S-T3')")
    assert before["color"]["background"] != STATUS_COLOURS["not-met"]
    assert page.locator(".legend-status").count() == 0

    page.get_by_label("Farv efter status").check()
    node = opened.evaluate("goalgraphExplorer.nodeOf('S-T3')")
    assert node["color"]["background"] == STATUS_COLOURS["not-met"]
    assert node["label"].startswith("✗ ")
    assert opened.evaluate("goalgraphExplorer.nodeOf('S-T1')")["color"]["background"] == STATUS_COLOURS["met"]
    assert opened.evaluate("goalgraphExplorer.nodeOf('S-O1')")["label"].startswith("◐ ")
    legend = page.locator(".legend-status").inner_text()
    assert "ikke opfyldt" in legend
    assert "delvist opfyldt" in legend
    assert "ingen data" in legend

    page.get_by_label("Farv efter status").uncheck()
    assert opened.evaluate("goalgraphExplorer.nodeOf('S-T3')")["color"]["background"] == before["color"]["background"]
    assert page.locator(".legend-status").count() == 0
    opened.assert_clean()


def test_an_indicators_panel_shows_its_series_and_a_sparkline(open_page: OpenPage, page_files: dict[str, Path]) -> None:
    opened = open_page(page_files["synthetic"])
    page = opened.page
    click_node(opened, "S-I1")
    page.locator("#panel").wait_for(state="visible")
    rows = page.locator("#panel .series-table tbody tr")
    assert rows.count() == 3
    cells = [[cell.strip() for cell in rows.nth(r).inner_text().split("\t")] for r in range(3)]
    assert cells[0][:4] == ["2019", "30", "41", "dage"]
    assert cells[0][4] == "✗ ikke opfyldt"
    assert cells[0][5] == "ikke opfyldt"
    assert cells[1][5] == "delvist opfyldt"
    assert cells[2][:3] == ["2021", "30", "29"]
    assert cells[2][4] == "✓ opfyldt"
    assert cells[2][5] == ""
    assert page.locator("#panel svg.sparkline").count() == 1
    assert page.locator("#panel svg.sparkline circle").count() == 3
    assert page.locator("#panel svg.sparkline polyline").count() == 2
    # A measured target's panel says its status, in words.
    opened.evaluate("goalgraphExplorer.select('S-T3')")
    facts = page.locator("#panel section.achievement dd").all_inner_texts()
    assert [text.strip() for text in facts] == ["✗ ikke opfyldt", "0 %"]
    opened.evaluate("goalgraphExplorer.select('S-V1')")
    facts = page.locator("#panel section.achievement dd").all_inner_texts()
    assert [text.strip() for text in facts] == ["◐ delvist opfyldt", "34 %"]
    # Its drivers, the largest share first: the not-met target, then the two behind the objective.
    drivers = page.locator("#panel ul.drivers > li").all_inner_texts()
    assert len(drivers) == 3
    assert "Tilfredse borgere" in drivers[0]
    assert "55 %" in drivers[0]
    opened.assert_clean()


def test_a_hindering_link_is_red_with_a_bar_and_listed_at_both_ends(
    open_page: OpenPage, page_files: dict[str, Path]
) -> None:
    opened = open_page(page_files["synthetic"])
    page = opened.page
    edge = opened.evaluate("goalgraphExplorer.edges.get('h-0')")
    assert edge["color"]["color"] == HINDERING
    assert edge["arrows"]["to"]["type"] == "bar"
    assert not edge.get("hidden")
    # The network draws what the data set holds.
    drawn = opened.evaluate("goalgraphExplorer.network.body.data.edges.get('h-0').arrows.to.type")
    assert drawn == "bar"
    assert "modvirker" in page.locator("#legend-body").inner_text()

    opened.evaluate("goalgraphExplorer.select('S-T1')")
    out = page.locator("#panel").inner_text()
    assert "Modvirker (1)" in out
    assert "Høj kvalitet i afgørelserne" in out
    assert "grundigheden" in out
    opened.evaluate("goalgraphExplorer.select('S-T2')")
    assert "Modvirkes af (1)" in page.locator("#panel").inner_text()

    # The filter hides hindering links, and reset shows them again.
    page.locator("#kind-hinders").uncheck()
    assert opened.evaluate("goalgraphExplorer.edges.get('h-0').hidden") is True
    page.click("#reset")
    assert opened.evaluate("goalgraphExplorer.edges.get('h-0').hidden") is False
    opened.assert_clean()


def test_hindering_links_in_a_drilled_down_page(open_page: OpenPage, page_files: dict[str, Path]) -> None:
    opened = open_page(page_files["synthetic-drilled"])
    # At first the agency is folded: its hindering link to the ministry's mission is one red link, counted.
    box = opened.evaluate("goalgraphExplorer.boxOf('https://example.org/synthetic/styrelsen')")
    bundles = opened.evaluate("goalgraphExplorer.edges.get({filter: e => String(e.id).startsWith('hagg:')})")
    assert len(bundles) == 1
    assert bundles[0]["from"] == box
    assert bundles[0]["label"] == "1"
    assert bundles[0]["arrows"]["to"]["type"] == "bar"
    assert bundles[0]["color"]["color"] == HINDERING
    assert not bundles[0]["hidden"]
    opened.evaluate("goalgraphExplorer.open('https://example.org/synthetic/styrelsen')")
    edge = opened.evaluate("goalgraphExplorer.edges.get('h-0')")
    assert edge["color"]["color"] == HINDERING
    assert edge["arrows"]["to"]["type"] == "bar"
    opened.assert_clean()


def test_hostile_rationale_of_a_hindering_link_stays_text(open_page: OpenPage, page_files: dict[str, Path]) -> None:
    opened = open_page(page_files["hostile"])
    opened.evaluate("goalgraphExplorer.select('S-T3')")
    panel = opened.page.locator("#panel")
    assert "<img src=x onerror=alert(7)>Syntetisk" in panel.inner_text()
    assert panel.locator("img").count() == 0
    opened.assert_clean()


def test_bundled_page_disables_the_toggle_with_a_note(open_page: OpenPage, page_files: dict[str, Path]) -> None:
    opened = open_page(page_files["bundled"])
    page = opened.page
    assert page.locator("#status-toggle").is_disabled()
    assert page.locator("#status-note").inner_text() == "Ingen resultater i data: intet at farve efter."
    assert page.locator("#kind-hinders").count() == 0
    assert "modvirker" not in page.locator("#legend-body").inner_text()
    opened.evaluate("goalgraphExplorer.setLanguage('en')")
    assert page.locator("#status-toggle-label").inner_text() == "Colour by status"
    assert page.locator("#status-note").inner_text() == "No results in the data: nothing to colour by."
    # Asked to colour anyway (as a script might), the page leaves the holders' colours.
    opened.evaluate("goalgraphExplorer.setStatusColouring(true)")
    assert opened.evaluate("goalgraphExplorer.statuses().byStatus") is False
    opened.assert_clean()


def test_a_neighbourhood_shows_the_whole_graphs_statuses(synthetic: GoalDataset) -> None:
    # V1's neighbourhood without its indicators: its status still rests on their figures.
    data = data_of(build_explorer(synthetic, focus="S-V1", depth=1))
    shown = [s["identifier"] for s in data["statements"]]
    assert "S-I3" not in shown
    statuses = {shown[int(k)]: found["status"] for k, found in data["achievement"]["statements"].items()}
    assert statuses == {"S-V1": "partly-met", "S-O1": "partly-met", "S-T3": "not-met"}
