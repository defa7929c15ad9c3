"""The explorer in a real browser: what a visitor sees and does (Chromium, through Playwright).

Each test opens a page written to a temporary folder, routes every request (only
``file:``, ``data:`` and ``about:`` may load) and fails if anything else was asked
for, or if the console showed an error, a script threw or a dialog opened (see
``conftest.py``).
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import URIRef

from goalgraph.analysis import alignment_graph, by_identifier, top_statements
from goalgraph.explorer import explore
from goalgraph.explorer.styles import short_label
from goalgraph.loading import GoalDataset
from goalgraph.model import by_language, read_model
from goalgraph.querying import select
from goalgraph.text import fold

from ..conftest import REPOSITORY
from .conftest import VIEWPORT, OpenedPage, OpenPage, wait_until_ready

SM3_DA = "Kvalitet i sagsbehandlingen"
SM3_EN = "Quality in case handling"
JM_M2_DA = "Justitsministeriet er garant for retsstatens grundlæggende principper."
PA_M2_DA = (
    "Anklagemyndigheden skal sammen med politiet sikre, at strafskyldige drages til ansvar, "
    "og at der ikke sker forfølgning af uskyldige."
)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def click_node(opened: OpenedPage, key: str) -> None:
    """Click a node with the mouse, where vis-network drew it."""
    position = opened.evaluate("key => goalgraphExplorer.pagePosition(key)", key)
    opened.page.mouse.click(position["x"], position["y"])


def shown(opened: OpenedPage) -> dict[str, list[str]]:
    """The statements, organisations and alignments the graph shows now."""
    result: dict[str, list[str]] = opened.evaluate("goalgraphExplorer.shown()")
    return result


def counts(opened: OpenedPage) -> dict[str, Any]:
    result: dict[str, Any] = opened.evaluate("goalgraphExplorer.counts()")
    return result


def option_value(opened: OpenedPage, select_id: str, text: str) -> str:
    """The value of the option of a select whose text (without indentation) is `text`."""
    options = opened.evaluate(
        "id => [...document.getElementById(id).options].map(o => [o.value, o.textContent.trim()])", select_id
    )
    return next(value for value, label in options if label == text)


def identifiers(graph: nx.DiGraph, nodes: set[Any]) -> set[str]:
    return {graph.nodes[n]["identifier"] for n in nodes}


def paths_to_top(graph: nx.DiGraph, start: Any) -> set[Any]:
    """What the explorer should light up for `start`: it, and what it reaches that reaches the top."""
    accepted = nx.DiGraph()
    accepted.add_nodes_from(graph)
    accepted.add_edges_from((a, b) for a, b, kind in graph.edges(data="kind") if kind != "suggested")
    top = top_statements(graph)
    reaching = {n for n in accepted if n in top or top & nx.descendants(accepted, n)}
    return {start} | (nx.descendants(accepted, start) & reaching)


# ---------------------------------------------------------------------------
# What the page shows
# ---------------------------------------------------------------------------


def test_counts_in_the_page_are_the_graphs(open_page: OpenPage, pages: dict[str, Path], bundled: GoalDataset) -> None:
    statements = alignment_graph(bundled, include_suggested=True)
    sparql_statements = sum(int(row["count"]) for row in select(bundled, "statement-counts"))
    opened = open_page(pages["bundled"])

    found = counts(opened)
    assert found["statements"] == found["nodes"] == found["shownNodes"] == statements.number_of_nodes()
    # Vores mål's 22 statements and 22 curated links, and the 2019 target plans' 8 and 10.
    assert found["statements"] == sparql_statements == 30
    assert found["alignments"] == found["edges"] == found["shownEdges"] == statements.number_of_edges() == 32
    assert found["collapsed"] is False
    assert opened.page.locator("#counts").inner_text() == (
        "30 målsætninger · 32 sammenhænge · 4 organisationer · 3 planer"
    )
    assert opened.page.title() == "Målene i den danske justitssektor – goalgraph"
    opened.assert_clean()


def test_clicking_a_statement_shows_it_and_lights_its_paths_to_the_top(
    open_page: OpenPage, pages: dict[str, Path], bundled: GoalDataset
) -> None:
    statements = alignment_graph(bundled)
    ids = by_identifier(statements)
    expected_lit = identifiers(statements, paths_to_top(statements, ids["SM3"]))
    assert {"SM3", "PA-M2", "JM-M2"} <= expected_lit
    opened = open_page(pages["bundled"])

    click_node(opened, "SM3")
    panel = opened.page.locator("#panel")
    panel.wait_for(state="visible")
    text = panel.inner_text()
    assert opened.page.locator("#panel h2").inner_text() == SM3_DA
    assert SM3_EN in text
    assert "Anklagemyndigheden" in text
    assert "Anklagemyndighedens virksomhedsstrategi for 2019" in text
    assert "Vores mål" in text
    # The path up to the ministry's mission, through the joint mission.
    first_path = opened.page.locator("#panel ol.paths > li").first.inner_text()
    assert first_path.index(PA_M2_DA) < first_path.index(JM_M2_DA)
    # Only http(s) sources are links.
    assert opened.page.locator("#panel a").get_attribute("href") == "https://anklagemyndigheden.dk/da/vores-maal"

    highlight = opened.evaluate("goalgraphExplorer.highlight()")
    assert highlight["selected"] == "SM3"
    assert set(highlight["lit"]) == expected_lit
    assert set(highlight["dimmed"]) == identifiers(statements, set(statements)) - expected_lit
    assert "FP1" in highlight["dimmed"]

    # Clicking the empty canvas clears the selection.
    opened.page.mouse.click(VIEWPORT["width"] - 420, VIEWPORT["height"] - 20)
    panel.wait_for(state="hidden")
    assert opened.evaluate("goalgraphExplorer.highlight()")["dimmed"] == []
    opened.assert_clean()


def test_each_filter_hides_what_it_should_and_reset_restores(
    open_page: OpenPage, pages: dict[str, Path], hostile_graph: GoalDataset
) -> None:
    statements = alignment_graph(hostile_graph, include_suggested=True)
    every = identifiers(statements, set(statements))
    every_link = {str(data["alignment"]) for _, _, data in statements.edges(data=True)}
    opened = open_page(pages["hostile"])
    page = opened.page
    assert set(shown(opened)["statements"]) == every

    def held_by(name: str) -> set[str]:
        return {data["identifier"] for _, data in statements.nodes(data=True) if data["holder_labels"]["da"] == name}

    # Organisation: only the holder's statements, and no link to what is hidden.
    page.select_option("#filter-organisation", option_value(opened, "filter-organisation", "Politiet"))
    police_targets = {f"POL-T{n}" for n in range(1, 6)}
    assert set(shown(opened)["statements"]) == held_by("Politiet") == {"PA-M1", "XSS1"} | police_targets
    assert sorted(shown(opened)["alignments"]) == [
        "https://w3id.org/goalgraph/id/alignment/pol-t3--tryghed-sikkerhed-fred-og-orden",
        "https://w3id.org/goalgraph/id/alignment/pol-t5--tryghed-sikkerhed-fred-og-orden",
        "https://w3id.org/goalgraph/id/alignment/xss-suggested",
    ]
    page.click("#reset")
    assert set(shown(opened)["statements"]) == every

    # Type: focus points hidden, with their links.
    page.get_by_label("fokuspunkt", exact=True).uncheck()
    assert set(shown(opened)["statements"]) == every - {"FP1", "FP2", "FP3", "FP4"}
    from_focus_points = {
        str(data["alignment"])
        for a, _, data in statements.edges(data=True)
        if statements.nodes[a]["type"] == "FocusPoint"
    }
    assert set(shown(opened)["alignments"]) == every_link - from_focus_points
    page.click("#reset")
    assert page.get_by_label("fokuspunkt", exact=True).is_checked()

    # Plan: the 2019 strategy's ten statements; then those in no plan.
    strategy = "Anklagemyndighedens virksomhedsstrategi for 2019"
    in_plan = {data["identifier"] for _, data in statements.nodes(data=True) if data["plan"] is not None}
    in_strategy = {
        data["identifier"]
        for _, data in statements.nodes(data=True)
        if str(data["plan"]).endswith("/anklagemyndigheden/2019/virksomhedsstrategi")
    }
    page.select_option("#filter-plan", option_value(opened, "filter-plan", strategy))
    assert set(shown(opened)["statements"]) == in_strategy
    assert len(in_strategy) == 10
    assert len(in_plan) == 10 + 8  # and the 2019 target plans' targets
    page.select_option("#filter-plan", "none")
    assert set(shown(opened)["statements"]) == every - in_plan
    page.click("#reset")

    # Kind of link: suggestions off, then curated links off; statements stay.
    page.get_by_label("foreslået", exact=True).uncheck()
    curated = {str(d["alignment"]) for _, _, d in statements.edges(data=True) if d["kind"] == "curated"}
    assert (
        set(shown(opened)["alignments"])
        == curated
        == every_link - {"https://w3id.org/goalgraph/id/alignment/xss-suggested"}
    )
    page.get_by_label("kurateret", exact=True).uncheck()
    assert shown(opened)["alignments"] == []
    assert set(shown(opened)["statements"]) == every

    page.click("#reset")
    assert set(shown(opened)["statements"]) == every
    assert set(shown(opened)["alignments"]) == every_link
    assert page.locator("#filter-organisation").input_value() == ""
    opened.assert_clean()


@pytest.mark.parametrize("query", ["tryghed", "Tryghed", "TRYGHED", "trýghed", "trygt", "TRYGT", "Trygt", "trÿgt"])
def test_search_ignores_case_and_accents(
    open_page: OpenPage, pages: dict[str, Path], bundled: GoalDataset, query: str
) -> None:
    statements = alignment_graph(bundled)
    expected = sorted(
        data["identifier"]
        for _, data in statements.nodes(data=True)
        if any(fold(query) in fold(text) for text in data["labels"].values())
    )
    assert expected  # the words are in the bundled data: tryghed thrice, trygt twice
    opened = open_page(pages["bundled"])

    opened.page.fill("#search", query)
    found = opened.page.locator("#results .identifier").all_inner_texts()
    assert sorted(found) == expected
    assert sorted(opened.evaluate("q => goalgraphExplorer.search(q)", query)) == expected
    # The matches stay lit; the rest dims.
    assert set(opened.evaluate("goalgraphExplorer.highlight()")["lit"]) == set(expected)

    # Enter focuses the first match: selected, with its panel open.
    opened.page.press("#search", "Enter")
    opened.page.locator("#panel").wait_for(state="visible")
    assert opened.evaluate("goalgraphExplorer.highlight()")["selected"] == found[0]
    opened.assert_clean()


def test_search_finds_english_words_and_identifiers_too(open_page: OpenPage, pages: dict[str, Path]) -> None:
    opened = open_page(pages["bundled"])
    opened.page.fill("#search", "SAFE AND SECURE")
    assert sorted(opened.page.locator("#results .identifier").all_inner_texts()) == ["JM-M1", "PA-V2"]
    opened.page.fill("#search", "sm3")
    assert opened.page.locator("#results .identifier").all_inner_texts() == ["SM3"]
    opened.assert_clean()


def test_language_switch_changes_labels(open_page: OpenPage, pages: dict[str, Path]) -> None:
    opened = open_page(pages["bundled"])
    page = opened.page
    assert opened.evaluate("k => goalgraphExplorer.labelOf(k)", "SM3") == short_label(SM3_DA)

    page.click("label[for=language-en]")
    assert opened.evaluate("k => goalgraphExplorer.labelOf(k)", "SM3") == short_label(SM3_EN)
    assert page.locator("#search-label").inner_text() == "Search statements (Danish, English or id)"
    assert page.locator("#counts").inner_text().startswith("30 statements")
    assert page.get_by_label("focus point", exact=True).is_checked()
    assert opened.evaluate("document.documentElement.lang") == "en"
    assert page.title() == "Goals of the Danish justice sector – goalgraph"

    page.click("label[for=language-da]")
    assert opened.evaluate("k => goalgraphExplorer.labelOf(k)", "SM3") == short_label(SM3_DA)
    opened.assert_clean()


def test_page_built_in_english_opens_in_english(open_page: OpenPage, pages: dict[str, Path]) -> None:
    opened = open_page(pages["english"])
    assert opened.evaluate("k => goalgraphExplorer.labelOf(k)", "SM3") == short_label(SM3_EN)
    assert opened.page.locator("#language-en").is_checked()
    opened.assert_clean()


# ---------------------------------------------------------------------------
# Safety
# ---------------------------------------------------------------------------

ELEMENTS_WITH_HANDLERS = (
    "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
)


def test_hostile_texts_show_as_text_and_run_nothing(open_page: OpenPage, pages: dict[str, Path]) -> None:
    opened = open_page(pages["hostile"])
    page = opened.page
    image = "<img src=x onerror=alert(1)>"

    # On the graph: the label is the text itself, drawn on the canvas.
    assert opened.evaluate("k => goalgraphExplorer.labelOf(k)", "XSS1") == short_label(image)
    # In the legend and the organisation filter: the hostile name, literally.
    assert "<b onmouseover=alert(2)>Fjendtlig</b>" in page.locator("#legend-body").inner_text()
    assert "<b onmouseover=alert(2)>Fjendtlig</b>" in page.locator("#filter-organisation").inner_text()

    # In the side panel, reached by search: text, translation and rationale as text.
    page.fill("#search", "img src")
    assert "XSS1" in page.locator("#results .identifier").all_inner_texts()
    page.locator("#results button", has_text="XSS1").click()
    assert page.locator("#panel h2").inner_text() == image
    panel = page.locator("#panel").inner_text()
    assert panel.count(image) == 2  # the text, and its translation
    assert "<img src=y onerror=alert(6)>" in panel  # the suggestion's rationale

    page.fill("#search", "alert(3)")
    page.locator("#results button", has_text="XSS2").click()
    page.locator("#panel h2", has_text="alert(3)").wait_for()
    assert page.locator("#panel h2").inner_text() == "</script><script>alert(3)</script>"
    assert '"><svg onload=alert(4)>' in page.locator("#panel").inner_text()
    # A javascript: source is shown, never linked.
    assert "javascript:alert(5)" in page.locator("#panel").inner_text()
    assert page.locator("#panel a").count() == 0

    page.click("label[for=language-en]")
    assert "<b onmouseover=alert(2)>Hostile</b>" in page.locator("#legend-body").inner_text()

    assert opened.evaluate("document.querySelectorAll('img').length") == 0
    assert opened.evaluate("document.querySelectorAll('script').length") == 3
    assert opened.evaluate(ELEMENTS_WITH_HANDLERS) == 0
    page.wait_for_timeout(200)  # time for an injected handler to fire, if there were one
    assert opened.dialogs == []
    opened.assert_clean()


# ---------------------------------------------------------------------------
# Layouts, size, the notebook
# ---------------------------------------------------------------------------


def test_force_layout_settles_then_stops(open_page: OpenPage, pages: dict[str, Path]) -> None:
    opened = open_page(pages["force"])
    assert opened.evaluate("goalgraphExplorer.network.physics.physicsEnabled") is False
    before = opened.evaluate("goalgraphExplorer.network.getPositions()")
    opened.page.wait_for_timeout(400)
    assert opened.evaluate("goalgraphExplorer.network.getPositions()") == before

    click_node(opened, "SM3")
    opened.page.locator("#panel h2", has_text=SM3_DA).wait_for()
    assert opened.evaluate("goalgraphExplorer.highlight()")["selected"] == "SM3"
    opened.assert_clean()


SYNTHETIC = "https://w3id.org/goalgraph/id/synthetic/org-"
#: The most nodes the first view of a large graph may show.
FIRST_VIEW_NODES = 60


def synthetic_organisation(k: int) -> str:
    return f"{SYNTHETIC}{k:05d}"


def synthetic_ancestry(k: int) -> list[str]:
    """Synthetic organisation k and those above it (organisation i is under (i - 1) // 10), the top first."""
    chain = [k]
    while chain[0] > 0:
        chain.insert(0, (chain[0] - 1) // 10)
    return [synthetic_organisation(x) for x in chain]


def organisation_name(graph: GoalDataset, iri: str, lang: str = "da") -> str:
    names = by_language(read_model(graph).organisations[URIRef(iri)].names)
    return names[lang]


def box_label(opened: OpenedPage, iri: str) -> str:
    """The label of organisation `iri`'s box on the graph."""
    label: str = opened.evaluate("iri => goalgraphExplorer.nodes.get(goalgraphExplorer.boxOf(iri)).label", iri)
    return label


def drill(opened: OpenedPage) -> dict[str, Any]:
    result: dict[str, Any] = opened.evaluate("goalgraphExplorer.drill()")
    return result


def test_large_graph_opens_on_its_organisation_tree_and_folds_by_click(
    open_page: OpenPage, large_page: Path, large_graph: GoalDataset
) -> None:
    statements = alignment_graph(large_graph)
    opened = open_page(large_page)
    page = opened.page

    found = counts(opened)
    assert found["collapsed"] is True
    assert found["statements"] == statements.number_of_nodes() > 20_000
    assert found["alignments"] == statements.number_of_edges()
    # The first view: the top opened (its own statements), the ten organisations under it folded.
    assert 0 < found["shownNodes"] <= FIRST_VIEW_NODES
    assert set(shown(opened)["organisations"]) == {synthetic_organisation(k) for k in range(11)}
    top_own = {
        data["identifier"] for _, data in statements.nodes(data=True) if str(data["holder"]) == SYNTHETIC + "00000"
    }
    assert set(shown(opened)["statements"]) == top_own
    assert drill(opened)["opened"] == [synthetic_organisation(0)]
    assert drill(opened)["breadcrumb"] == ["Overblik"]
    assert "foldet sammen" in page.locator("#notice").inner_text()
    # A box says how many statements are under it in all: 1 + 10 + 100 + 1,000 organisations' worth.
    label = box_label(opened, synthetic_organisation(1))
    under_1 = sum(1 for _, data in statements.nodes(data=True) if _under(str(data["holder"]), 1))
    assert f"\n{under_1:,}".replace(",", ".") in label

    # A real click on a folded organisation opens one level: its statements and the boxes under it.
    five = synthetic_organisation(5)
    own = {data["identifier"] for _, data in statements.nodes(data=True) if str(data["holder"]) == five}
    key = opened.evaluate("iri => goalgraphExplorer.boxOf(iri)", five)
    assert opened.evaluate("k => goalgraphExplorer.nodes.get(k) !== null", key)
    click_node(opened, key)
    page.wait_for_function("goalgraphExplorer.drill().opened.length === 2")
    assert own <= set(shown(opened)["statements"])
    assert {synthetic_organisation(k) for k in range(51, 61)} <= set(shown(opened)["organisations"])
    assert page.locator("#panel h2").inner_text() == organisation_name(large_graph, five)
    assert drill(opened)["breadcrumb"] == [
        "Overblik",
        organisation_name(large_graph, SYNTHETIC + "00000"),
        organisation_name(large_graph, five),
    ]
    assert counts(opened)["shownNodes"] <= 2 * FIRST_VIEW_NODES

    # Clicking it again folds it back.
    click_node(opened, key)
    page.wait_for_function("goalgraphExplorer.drill().opened.length === 1")
    assert not own & set(shown(opened)["statements"])
    assert synthetic_organisation(51) not in shown(opened)["organisations"]
    opened.assert_clean()


def _under(holder: str, k: int) -> bool:
    """Whether synthetic organisation `holder` is k or below it."""
    if not holder.startswith(SYNTHETIC):
        return False
    return synthetic_organisation(k) in synthetic_ancestry(int(holder[len(SYNTHETIC) :]))


def test_search_reveals_a_deep_statement_with_its_path_and_closes_other_folds(
    open_page: OpenPage, large_page: Path, large_graph: GoalDataset
) -> None:
    statements = alignment_graph(large_graph)
    deep = 1_234  # four levels below the top: 0 > 1 > 12 > 123 > 1234
    assert len(synthetic_ancestry(deep)) == 5
    target = sorted(
        data["identifier"]
        for _, data in statements.nodes(data=True)
        if str(data["holder"]) == synthetic_organisation(deep) and "-O" in data["identifier"]
    )[0]
    ids = by_identifier(statements)
    expected_lit = identifiers(statements, paths_to_top(statements, ids[target]))
    assert len(expected_lit) >= 4
    expected_open = {
        iri
        for node in paths_to_top(statements, ids[target])
        for iri in synthetic_ancestry(int(str(statements.nodes[node]["holder"])[len(SYNTHETIC) :]))
    }
    opened = open_page(large_page)
    page = opened.page
    opened.evaluate("iri => goalgraphExplorer.open(iri)", synthetic_organisation(7))
    assert synthetic_organisation(7) in drill(opened)["opened"]

    # Typed as someone would: lower case, into the search box; the hit chosen from the list.
    page.locator("#search").press_sequentially(target.lower())
    page.locator("#results button", has_text=target).first.click()
    page.wait_for_function("k => goalgraphExplorer.revealed(k)", arg=target)
    highlight = opened.evaluate("goalgraphExplorer.highlight()")
    assert highlight["selected"] == target
    assert set(highlight["lit"]) == expected_lit
    assert set(highlight["lit"]) <= set(shown(opened)["statements"])
    # Exactly the folds on its paths are open: the one opened before is closed again.
    assert set(drill(opened)["opened"]) == expected_open
    assert synthetic_organisation(7) not in drill(opened)["opened"]
    assert drill(opened)["breadcrumb"][-1] == organisation_name(large_graph, synthetic_organisation(deep))
    assert page.locator("#panel h2").is_visible()

    # Accents and case do not matter: "opgavelosningen" finds "opgaveløsningen", folded or not.
    page.fill("#search", "OPGAVELOSNINGEN")
    page.wait_for_function("w => document.getElementById('results').textContent.includes(w)", arg="opgaveløsningen")
    assert page.locator("#results button").count() > 0

    # Reset returns to the first view.
    page.click("#reset")
    assert drill(opened)["opened"] == [synthetic_organisation(0)]
    assert counts(opened)["shownNodes"] <= FIRST_VIEW_NODES
    opened.assert_clean()


def test_filters_and_language_work_on_a_large_graph(
    open_page: OpenPage, large_page: Path, large_graph: GoalDataset
) -> None:
    opened = open_page(large_page)
    page = opened.page
    before = box_label(opened, synthetic_organisation(1))

    # Objectives (delmål) hidden: none shown as itself, and the boxes count fewer.
    page.get_by_label("delmål", exact=True).uncheck()
    assert shown(opened)["statements"]
    assert not any("-O" in i for i in shown(opened)["statements"])
    assert box_label(opened, synthetic_organisation(1)) != before
    page.get_by_label("delmål", exact=True).check()

    # One organisation only: it opens, and only its statements show.
    twelve = synthetic_organisation(12)
    page.select_option(
        "#filter-organisation", option_value(opened, "filter-organisation", organisation_name(large_graph, twelve))
    )
    assert twelve in drill(opened)["opened"]
    held = shown(opened)["statements"]
    assert held
    assert all(i.startswith("SYN-12-") for i in held)

    # A kind of link left out: no link of it, bundled or not, is drawn.
    page.click("#reset")
    page.get_by_label("kurateret", exact=True).uncheck()
    page.get_by_label("angivet", exact=True).uncheck()
    assert counts(opened)["shownEdges"] == len(drill(opened)["treeLinks"])
    page.click("#reset")

    # The language switch: labels, boxes and the breadcrumb in English.
    page.click("label[for=language-en]")
    top_mission = opened.evaluate("goalgraphExplorer.shown().statements")[0]
    english = next(s.labels["en"] for s in read_model(large_graph).statements.values() if s.identifier == top_mission)
    assert opened.evaluate("k => goalgraphExplorer.labelOf(k)", top_mission) == short_label(english)
    assert drill(opened)["breadcrumb"] == ["Overview"]
    assert organisation_name(large_graph, synthetic_organisation(1), "en")[:10] in box_label(
        opened, synthetic_organisation(1)
    )
    opened.assert_clean()


def test_hostile_texts_stay_text_in_a_drilled_down_graph(open_page: OpenPage, pages: dict[str, Path]) -> None:
    opened = open_page(pages["hostile-drilled"])
    page = opened.page
    hostile = "<b onmouseover=alert(2)>Fjendtlig</b>"
    k = opened.evaluate("iri => goalgraphExplorer.open(iri)", "https://w3id.org/goalgraph/id/xss/organisation")
    assert k >= 0
    # In the breadcrumb and the panel as text; on its box, in the label drawn on the canvas.
    assert drill(opened)["breadcrumb"][-1] == hostile
    assert page.locator("#breadcrumb").inner_text().endswith(hostile)
    assert page.locator("#panel h2").inner_text() == hostile
    label = opened.evaluate("k => goalgraphExplorer.nodes.get('org-' + k).label", k)
    assert label.startswith("▾ <b")
    assert "onmouseover=alert(2" in label
    page.fill("#search", "alert(3)")
    page.locator("#results button", has_text="XSS2").click()
    page.locator("#panel h2", has_text="alert(3)").wait_for()
    assert opened.evaluate("k => goalgraphExplorer.labelOf(k)", "XSS2") == short_label(
        "</script><script>alert(3)</script>"
    )
    assert opened.evaluate("document.querySelectorAll('img').length") == 0
    assert opened.evaluate(ELEMENTS_WITH_HANDLERS) == 0
    page.wait_for_timeout(200)
    assert opened.dialogs == []
    opened.assert_clean()


def test_notebook_frame_loads_on_its_own(open_page: OpenPage, bundled: GoalDataset, tmp_path: Path) -> None:
    notebook = tmp_path / "notebook.html"
    frame_html = explore(bundled)._repr_html_()
    notebook.write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A notebook</title></head>'
        f"<body><h1>Out[1]:</h1>{frame_html}</body></html>",
        encoding="utf-8",
    )
    opened = open_page(notebook, ready=False)
    frame = opened.page.locator("iframe").element_handle().content_frame()
    assert frame is not None
    wait_until_ready(frame)
    assert frame.evaluate("goalgraphExplorer.counts()")["nodes"] == 30
    assert frame.locator("#title").inner_text() == "Målene i den danske justitssektor"
    # The notebook's own page is untouched by the explorer's styles and scripts.
    assert opened.evaluate("typeof window.goalgraphExplorer") == "undefined"
    assert opened.page.locator("h1").inner_text() == "Out[1]:"
    assert html.unescape(frame_html.split('srcdoc="', 1)[1].split('"', 1)[0]) == explore(bundled).html
    opened.assert_clean()


# ---------------------------------------------------------------------------
# Folding, keyboard, the screenshot
# ---------------------------------------------------------------------------

FOLD_SAMPLES = [
    "Tryghed",
    "TRYGT",
    "trygt og sikkert",
    "Åben og borgerrettet opgaveløsning",
    "AABEN",
    "aaben",
    "A\u030aben",
    "Tværgående samarbejde",
    "Retsforfølge strafbare forhold",
    "Café  Øst",
    "Kvalitet\u00a0i sagsbehandlingen",
    "  Ærø\tRegion Sjælland ",
    "Straße",
    "ŒUVRE",
    "Þórshöfn",
    "Łódź",
    "Đakovo",
    "naïve façade",
    "ΣΊΣΥΦΟΣ",
    "ﬁnans",
    "Forfølgning af uskyldige",
    "",
]


def test_search_folds_text_as_python_does(open_page: OpenPage, pages: dict[str, Path]) -> None:
    opened = open_page(pages["bundled"])
    in_browser = opened.evaluate("samples => samples.map(goalgraphExplorer.fold)", FOLD_SAMPLES)
    assert in_browser == [fold(sample) for sample in FOLD_SAMPLES]
    opened.assert_clean()


def test_controls_are_labelled_and_work_from_the_keyboard(open_page: OpenPage, pages: dict[str, Path]) -> None:
    opened = open_page(pages["bundled"])
    page = opened.page
    unlabelled = opened.evaluate(
        "[...document.querySelectorAll('input, select, button')]"
        ".filter(e => !(e.labels && e.labels.length))"
        ".filter(e => !e.getAttribute('aria-label') && !e.textContent.trim())"
        ".map(e => e.outerHTML)"
    )
    assert unlabelled == []

    page.focus("#search")
    page.keyboard.type("kvalitet i sags")
    page.keyboard.press("Enter")
    page.locator("#panel h2", has_text=SM3_DA).wait_for()
    # A result is a button: Tab reaches it, Enter opens it and moves focus to the panel.
    page.focus("#results button")
    page.keyboard.press("Enter")
    assert opened.evaluate("document.activeElement.tagName") == "H2"
    page.keyboard.press("Escape")
    page.locator("#panel").wait_for(state="hidden")
    opened.assert_clean()


def test_default_view_screenshot(open_page: OpenPage, pages: dict[str, Path]) -> None:
    """The default view of the bundled data, kept for people to look at."""
    opened = open_page(pages["bundled"])
    artifacts = REPOSITORY / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    screenshot = artifacts / "explorer.png"
    opened.page.screenshot(path=str(screenshot))
    shutil.copyfile(screenshot, Path("/tmp") / "goalgraph-explorer.png")
    assert screenshot.stat().st_size > 20_000
    opened.assert_clean()


#: Sub-organisations under the one top organisation of the wide graph: more than a view shows.
WIDE = 60


def wide_turtle() -> str:
    """A ministry over WIDE agencies (as one over 98 municipalities), each with a goal supporting its mission."""
    prefixes = """@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""
    parts = [
        prefixes,
        """<wide/ministry> a org:Organization ; skos:prefLabel "Ministeriet"@da .
<wide/mission> a gg:Mission ; gg:text "Et trygt land"@da ; gg:holder <wide/ministry> ;
    dcterms:source <https://example.org/wide> ; dcterms:identifier "W-M" .
""",
    ]
    for k in range(WIDE):
        parts.append(
            f"""<wide/agency-{k:02d}> a org:Organization ; skos:prefLabel "Styrelse {k:02d}"@da ;
    org:subOrganizationOf <wide/ministry> .
<wide/goal-{k:02d}> a gg:Goal ; gg:text "Mål {k:02d}"@da ; gg:holder <wide/agency-{k:02d}> ;
    dcterms:source <https://example.org/wide> ; dcterms:identifier "W-G{k:02d}" ; gg:supports <wide/mission> .
<wide/alignment-{k:02d}> a gg:Alignment ; gg:from <wide/goal-{k:02d}> ; gg:to <wide/mission> ;
    gg:kind gg:stated ; dcterms:source <https://example.org/wide> .
"""
        )
    return "".join(parts)


def test_an_organisation_with_many_under_it_shows_some_and_a_box_for_the_rest(
    open_page: OpenPage, tmp_path: Path
) -> None:
    import goalgraph
    from goalgraph.explorer import write_explorer

    data = tmp_path / "wide.ttl"
    data.write_text(wide_turtle(), encoding="utf-8")
    page_file = write_explorer(goalgraph.load([data], bundled=False), tmp_path / "wide.html", collapse_above=0)
    opened = open_page(page_file)
    page = opened.page
    shown_children = opened.evaluate("goalgraphExplorer.CHILDREN_SHOWN")
    assert isinstance(shown_children, int)
    first = shown(opened)["organisations"]
    # The ministry and the first agencies; the rest wait behind one "+N more" box.
    assert len(first) == 1 + shown_children < 1 + WIDE
    assert counts(opened)["shownNodes"] <= FIRST_VIEW_NODES
    [more] = drill(opened)["more"]
    label = opened.evaluate("k => goalgraphExplorer.nodes.get(k).label", more)
    assert str(WIDE - shown_children) in label

    # Clicking the box shows the next agencies.
    click_node(opened, more)
    page.wait_for_function(f"goalgraphExplorer.shown().organisations.length === {1 + 2 * shown_children}")
    assert set(first) < set(shown(opened)["organisations"])
    [still_more] = drill(opened)["more"]
    assert str(WIDE - 2 * shown_children) in opened.evaluate("k => goalgraphExplorer.nodes.get(k).label", still_more)
    opened.assert_clean()
