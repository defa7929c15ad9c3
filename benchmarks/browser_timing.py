"""How fast an explorer page is in a real browser: ready, first view, a search hit revealed.

:func:`measure_explorer` opens an explorer page (``goalgraph explore -o page.html``)
in headless Chromium through Playwright, launched as the explorer's browser tests
launch it (``tests/conftest.py``), and times what a visitor waits for:

- **ready**: from asking for the page to the explorer saying it is drawn and still
  (``<html data-ready="true">``);
- **first view**: how many nodes are on screen then;
- **search**: from typing a query into the search box to its first hit revealed,
  selected, with its paths to the top lit (the hit is chosen from the result list,
  as a visitor would).

Run it on a file::

    .venv/bin/python benchmarks/browser_timing.py page.html "SYN-4444-G1-O1"

It prints the measurements as JSON. Requests that would leave the machine are
aborted (the page makes none).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from common import CHROMIUM, LAUNCH_ARGUMENTS

VIEWPORT = {"width": 1400, "height": 900}
TIMEOUT_MS = 120_000


def measure_explorer(page_path: Path, query: str) -> dict[str, Any]:
    """Open the explorer page at `page_path` in Chromium and time it.

    Parameters
    ----------
    page_path : Path
        An explorer page.
    query : str
        What to type into the search box; its first hit is revealed.

    Returns
    -------
    dict
        ``ready_seconds``, ``first_view_nodes`` (nodes on screen when ready),
        ``search_seconds`` (typing to the first hit revealed with its paths lit),
        ``hit`` (its identifier), ``revealed_nodes`` (nodes on screen then),
        ``page_megabytes`` and ``errors`` (console errors and uncaught exceptions).

    Raises
    ------
    RuntimeError
        If the query finds nothing.
    """
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGUMENTS)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(("file:", "data:", "about:")) else route.abort()
                ),
            )
            page = context.new_page()
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))

            started = time.perf_counter()
            page.goto(Path(page_path).resolve().as_uri(), timeout=TIMEOUT_MS)
            page.wait_for_function("() => document.documentElement.dataset.ready === 'true'", timeout=TIMEOUT_MS)
            ready = time.perf_counter() - started
            first_view = page.evaluate("goalgraphExplorer.counts().shownNodes")

            started = time.perf_counter()
            page.fill("#search", query)
            first_hit = page.locator("#results button.statement-link").first
            first_hit.wait_for(timeout=TIMEOUT_MS)
            hit = int(first_hit.get_attribute("data-statement") or "-1")
            if hit < 0:
                raise RuntimeError(f"the search for {query!r} found nothing")
            first_hit.click()
            page.wait_for_function("i => goalgraphExplorer.revealed(i)", arg=hit, timeout=TIMEOUT_MS)
            searched = time.perf_counter() - started
            found = page.evaluate("goalgraphExplorer.highlight()")
            revealed_nodes = page.evaluate("goalgraphExplorer.counts().shownNodes")
        finally:
            browser.close()
    return {
        "ready_seconds": round(ready, 3),
        "first_view_nodes": first_view,
        "search_seconds": round(searched, 3),
        "hit": found["selected"],
        "lit": len(found["lit"]),
        "revealed_nodes": revealed_nodes,
        "page_megabytes": round(Path(page_path).stat().st_size / 1e6, 2),
        "errors": errors,
    }


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: browser_timing.py PAGE.html QUERY")
    print(json.dumps(measure_explorer(Path(sys.argv[1]), sys.argv[2]), indent=2, ensure_ascii=False))
