"""The explorer's review mode, in Chromium, against a real `goalgraph serve --curate` on loopback.

The decisions made here are synthetic test decisions (their rationales say so), written
to a curation file in a temporary folder.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import goalgraph
from goalgraph.curation import CurationFile
from goalgraph.validation import validate
from tests.server.conftest import Server, get, start

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

TOKEN = "synthetic-review-token"
ID = "https://w3id.org/goalgraph/id/"
SM3 = ID + "anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"
AM_T1 = ID + "anklagemyndigheden/2019/target/effektiv-sagsbehandling-af-straffesager"
POL_T1 = ID + "politiet/2019/target/effektiv-sagsbehandling-af-straffesager"
POL_T4 = ID + "politiet/2019/target/bekaempelse-af-indbrud"
TIMEOUT = 60_000


@pytest.fixture(scope="module")
def curation_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("review") / "review.yaml"


@pytest.fixture(scope="module")
def curating(curation_path: Path) -> Iterator[Server]:
    yield from start("--curate", str(curation_path), "--curator", "analyst", "--token", TOKEN)


@dataclass
class Opened:
    context: BrowserContext
    page: Page
    problems: list[str] = field(default_factory=list)


@pytest.fixture
def open_explorer(browser: Browser, curating: Server) -> Iterator[Any]:
    """Open the served explorer (with `fragment`) in a context of its own; problems on its console are kept."""
    opened: list[Opened] = []

    def open_one(fragment: str = "") -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        one = Opened(context, page)

        def route(request_route: Any) -> None:
            url = request_route.request.url
            if url.startswith((curating.url + "/", "data:", "about:")):
                request_route.continue_()
            else:
                one.problems.append(f"asked for {url}")
                request_route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: one.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: one.problems.append(str(error)))
        page.on("dialog", lambda dialog: one.problems.append(f"dialog: {dialog.message}"))
        page.goto(f"{curating.url}/explorer{fragment}")
        page.wait_for_function("() => window.goalgraphExplorer !== undefined", timeout=TIMEOUT)
        opened.append(one)
        return one

    yield open_one
    for one in opened:
        one.context.close()
    for one in opened:
        assert one.problems == []


def review_of(page: Page, iri: str) -> None:
    """Select statement `iri` and wait for its review section to have its suggestions."""
    page.evaluate("iri => goalgraphExplorer.select(iri)", iri)
    page.locator(f'#panel section.review[data-statement="{iri}"][data-loaded="true"]').wait_for(timeout=TIMEOUT)


def suggestion(page: Page, start: str, end: str) -> Any:
    return page.locator(f'#panel li.review-suggestion[data-from="{start}"][data-to="{end}"]')


def reloaded(page: Page, iri: str) -> None:
    """After a decision the page loads again with `iri` selected."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.goalgraphExplorer !== undefined", timeout=TIMEOUT)
    page.locator(f'#panel section.review[data-statement="{iri}"][data-loaded="true"]').wait_for(timeout=TIMEOUT)


def test_without_a_token_the_page_is_read_only(open_explorer: Any) -> None:
    # The resource page's link: the statement's review, opened with no token.
    opened = open_explorer("#review=" + urllib.parse.quote(SM3, safe=""))
    page = opened.page
    assert "Skrivebeskyttet" in page.locator("#review-mode").inner_text()
    page.locator(f'#panel section.review[data-statement="{SM3}"][data-loaded="true"]').wait_for(timeout=TIMEOUT)
    assert page.evaluate("location.hash") == ""
    assert suggestion(page, AM_T1, SM3).count() == 1
    assert page.locator("#panel button.accept").count() == 0
    assert page.locator("#review-search").count() == 0
    page.locator("#language-en").check()
    assert "Read-only" in page.locator("#review-mode").inner_text()


def test_accept_reject_and_add_in_the_page(open_explorer: Any, curating: Server, curation_path: Path) -> None:
    opened = open_explorer(f"#token={TOKEN}")
    page = opened.page
    # The token leaves the address bar for the tab's storage; the server never saw it in a URL.
    assert page.evaluate("location.hash") == ""
    assert page.evaluate("sessionStorage.getItem('goalgraph-curate-token')") == TOKEN
    assert "Gennemsyn" in page.locator("#review-mode").inner_text()

    review_of(page, SM3)
    accepted = suggestion(page, AM_T1, SM3)
    accepted.locator("select.strength").select_option("strong")
    accepted.locator("select.rationale-lang").select_option("en")
    accepted.locator("textarea.rationale").fill("Synthetic test rationale: both aim at good case handling.")
    with page.expect_navigation(timeout=TIMEOUT):
        accepted.locator("button.accept").click()
    reloaded(page, SM3)
    assert suggestion(page, AM_T1, SM3).count() == 0

    rejected = suggestion(page, POL_T1, SM3)
    rejected.locator("input.reason").fill("Synthetic test reason")
    with page.expect_navigation(timeout=TIMEOUT):
        rejected.locator("button.reject").click()
    reloaded(page, SM3)
    assert suggestion(page, POL_T1, SM3).count() == 0

    page.locator("#review-search").fill("indbrud")
    page.locator("#review-find").click()
    page.locator(f'button.review-pick[data-iri="{POL_T4}"]').click()
    form = page.locator("#review-add-form")
    form.locator("select.direction").select_option("in")
    form.locator("select.strength").select_option("weak")
    form.locator("textarea.rationale").fill("Syntetisk testbegrundelse")
    with page.expect_navigation(timeout=TIMEOUT):
        page.locator("#review-add").click()
    reloaded(page, SM3)

    # Reloaded once more from scratch: the accepted and the added link are curated links of
    # SM3, shown in its panel; the rejected suggestion is neither a link nor suggested.
    page.reload()
    page.wait_for_function("() => window.goalgraphExplorer !== undefined", timeout=TIMEOUT)
    review_of(page, SM3)
    panel = page.locator("#panel").inner_text()
    assert "Effektiv sagsbehandling af straffesager" in panel
    assert "Bekæmpelse af indbrud" in panel
    assert "Synthetic test rationale" in panel
    assert suggestion(page, POL_T1, SM3).count() == 0
    assert page.locator("#panel li.review-suggestion").count() == 0

    decisions = CurationFile(curation_path, curator="analyst").decisions()
    assert sorted((str(d.start), str(d.end), d.verdict, d.strength) for d in decisions) == sorted(
        [(AM_T1, SM3, "accepted", "strong"), (POL_T1, SM3, "rejected", None), (POL_T4, SM3, "added", "weak")]
    )
    assert validate(goalgraph.load([curation_path])).conforms


def test_two_pages_deciding_at_once_both_kept(open_explorer: Any, curating: Server, curation_path: Path) -> None:
    status, _, body = get(curating, "/curate/suggestions", {})
    assert status == 200
    found = json.loads(body)["suggestions"]
    first = found[0]
    second = next(s for s in found if not {s["from"], s["to"]} & {first["from"], first["to"]})
    before = len(CurationFile(curation_path, curator="analyst").decisions())
    pages = []
    for chosen in (first, second):
        page = open_explorer(f"#token={TOKEN}").page
        review_of(page, chosen["to"])
        pages.append((page, chosen))
    # Both clicks go out before either page has its answer; a mark on each page goes with its reload.
    for page, chosen in pages:
        page.evaluate("window.beforeDecision = true")
        suggestion(page, chosen["from"], chosen["to"]).locator("button.reject").click()
    for page, chosen in pages:
        page.wait_for_function("() => window.beforeDecision === undefined", timeout=TIMEOUT)
        reloaded(page, chosen["to"])
    decisions = CurationFile(curation_path, curator="analyst").decisions()
    assert len(decisions) == before + 2
    assert {(first["from"], first["to"]), (second["from"], second["to"])} <= {
        (str(d.start), str(d.end)) for d in decisions if d.verdict == "rejected"
    }
