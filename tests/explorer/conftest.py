"""Fixtures for the explorer's tests: explorer pages of test graphs, opened in a real browser.

Browser tests drive Debian's Chromium (``/usr/bin/chromium``) with Playwright, through
the session's one ``browser`` (``tests/conftest.py``). Where it is missing they are
skipped with the reason, except under CI (``CI=true``), where a missing browser fails
them: CI installs it (``scripts/setup test``), so its absence there is a fault, not a
reason to pass.

Every page is opened from a file in a temporary folder, with every request routed:
``file:``, ``data:`` and ``about:`` go through, anything else is aborted and
recorded. A test fails if its page asked for anything else, wrote an error to the
console, threw, or opened a dialog (an ``alert`` from injected script would).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import goalgraph
from goalgraph.explorer import build_explorer
from goalgraph.loading import GoalDataset
from goalgraph.synthetic import write_synthetic

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Frame, Page

#: The viewport of every page, and of the screenshot.
VIEWPORT = {"width": 1400, "height": 900}
#: How long a page may take to be ready (load, layout, first drawing), in ms.
READY_TIMEOUT = 60_000
#: Organisations in the large synthetic graph, ten under each (organisation i under
#: (i - 1) // 10): 2,000 give 21,998 statements, so it opens drilled down.
LARGE_ORGANISATIONS = 2_000

#: A small dataset of hostile texts, added to the bundled data: markup in a
#: statement's text, translation and rationale, an organisation's name, and a
#: ``javascript:`` source. Each must show as the text it is and run nothing.
HOSTILE_TURTLE = """\
@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<xss/organisation>
    a org:Organization ;
    skos:prefLabel "<b onmouseover=alert(2)>Fjendtlig</b>"@da , "<b onmouseover=alert(2)>Hostile</b>"@en ;
    org:subOrganizationOf <justitsministeriets-koncern> .

<politiet/goal/xss>
    a gg:Goal ;
    dcterms:identifier "XSS1" ;
    gg:text "<img src=x onerror=alert(1)>"@da ;
    gg:translation "<img src=x onerror=alert(1)>"@en ;
    gg:holder <politiet> ;
    dcterms:source <https://example.org/kilde> .

<xss/goal/script>
    a gg:Goal ;
    dcterms:identifier "XSS2" ;
    gg:text "</script><script>alert(3)</script>"@da ;
    gg:translation "\\"><svg onload=alert(4)>"@en ;
    gg:holder <xss/organisation> ;
    dcterms:source <javascript:alert(5)> .

<alignment/xss-suggested>
    a gg:Alignment ;
    gg:from <politiet/goal/xss> ;
    gg:to <politiet/mission/tryghed-sikkerhed-fred-og-orden> ;
    gg:kind gg:suggested ;
    gg:score 0.5 ;
    gg:rationale "<img src=y onerror=alert(6)>"@en .
"""


@dataclass
class OpenedPage:
    """A page in the browser, and everything it did that a test must not see."""

    page: Page
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, argument: Any = None) -> Any:
        """Run `script` in the explorer's frame (the page itself)."""
        return self.page.evaluate(script, argument)

    def assert_clean(self) -> None:
        """No request left the machine, and no error, exception or dialog happened."""
        assert self.outside_requests == [], f"requests to other hosts: {self.outside_requests}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.page_errors == [], f"uncaught exceptions: {self.page_errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


def wait_until_ready(frame: Page | Frame) -> None:
    """Wait for the explorer to say it is drawn and still (``<html data-ready="true">``)."""
    frame.wait_for_function("document.documentElement.dataset.ready === 'true'", timeout=READY_TIMEOUT)


OpenPage = Callable[..., OpenedPage]


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """Open an HTML file in a fresh browser context, watched; check it stayed clean at the end."""
    contexts: list[BrowserContext] = []
    opened: list[OpenedPage] = []

    def open_file(path: Path, *, ready: bool = True) -> OpenedPage:
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        watched = OpenedPage(page)
        opened.append(watched)

        def route(route: Any) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:", "about:")):
                route.continue_()
            else:
                watched.outside_requests.append(url)
                route.abort()

        # Routed on the context, so frames (the notebook's iframe) are routed too.
        context.route("**/*", route)
        page.on("console", lambda message: message.type == "error" and watched.console_errors.append(message.text))
        page.on("pageerror", lambda error: watched.page_errors.append(str(error)))

        def dialog(opened_dialog: Any) -> None:
            watched.dialogs.append(opened_dialog.message)
            opened_dialog.dismiss()

        page.on("dialog", dialog)
        page.goto(path.as_uri())
        if ready:
            wait_until_ready(page)
        return watched

    yield open_file
    try:
        for watched in opened:
            watched.assert_clean()
    finally:
        for context in contexts:
            context.close()


# ---------------------------------------------------------------------------
# Graphs and pages
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def hostile_graph(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    """The bundled data plus the hostile texts of :data:`HOSTILE_TURTLE`."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.ttl"
    path.write_text(HOSTILE_TURTLE, encoding="utf-8")
    return goalgraph.load([path])


@pytest.fixture(scope="session")
def large_graph(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    """A synthetic graph of 21,998 statements in 2,000 organisations (no bundled data)."""
    path = tmp_path_factory.mktemp("large") / "synthetic.ttl"
    write_synthetic(path, LARGE_ORGANISATIONS)
    return goalgraph.load([path], bundled=False)


def _page_file(folder: Path, name: str, page: str) -> Path:
    path = folder / name
    path.write_text(page, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def pages(
    tmp_path_factory: pytest.TempPathFactory, bundled: GoalDataset, hostile_graph: GoalDataset
) -> dict[str, Path]:
    """Explorer pages written to a temporary folder: bundled (da, en, force) and hostile (also drilled down)."""
    folder = tmp_path_factory.mktemp("pages")
    return {
        "bundled": _page_file(folder, "bundled.html", build_explorer(bundled)),
        "english": _page_file(folder, "english.html", build_explorer(bundled, lang="en")),
        "force": _page_file(folder, "force.html", build_explorer(bundled, layout="force")),
        "hostile": _page_file(folder, "hostile.html", build_explorer(hostile_graph)),
        # The hostile texts in a graph drilled down: in boxes and the breadcrumb.
        "hostile-drilled": _page_file(folder, "hostile-drilled.html", build_explorer(hostile_graph, collapse_above=0)),
    }


@pytest.fixture(scope="session")
def large_page(tmp_path_factory: pytest.TempPathFactory, large_graph: GoalDataset) -> Path:
    """The explorer page of the 21,998-statement graph (drilled down by default)."""
    return _page_file(tmp_path_factory.mktemp("large-page"), "large.html", build_explorer(large_graph))
