"""Time from load to a still, clickable graph: goalgraph's explorer against pyvis's default page.

For each size (in statements) the script writes a synthetic goal graph
(goalgraph.synthetic, the smallest with at least that many statements), loads it,
and writes two pages of the same statements and alignments to a temporary folder:

- ``goalgraph``: ``goalgraph.explorer.write_explorer(graph, path)`` with its
  defaults (hierarchical layout, no physics; above 1,500 statements each
  organisation folded into one node);
- ``unfolded``: the same with ``collapse_above=None``, every statement a node, for
  a comparison of like with like;
- ``pyvis``: pyvis's default output, ``Network(directed=True)`` with a node per
  statement (its Danish text as the label) and an edge per alignment, then
  ``write_html`` (run inside the temporary folder, where it writes its ``lib/``):
  force-directed physics (Barnes-Hut), 1,000 stabilisation iterations, dynamic
  smooth edges. ``directed=True`` only adds arrows (an undirected Network checks
  every edge against every other as it is added, which is slow to build, not to draw).

Each page is opened in headless Chromium (Debian's, ``/usr/bin/chromium``) from its
file, in a fresh browser context, with every request routed and nothing reaching
the network. pyvis's page names vis-network on cdnjs (with a Subresource
Integrity hash) and Bootstrap on jsdelivr even in its default ``local`` mode;
offline, the script answers the two vis-network requests with pyvis's own bundled
copy of the same version (9.1.2) and aborts the rest (Bootstrap only styles the
page around the graph). pyvis's bundled script differs byte-wise from cdnjs's, so
the script removes the ``integrity`` attributes from pyvis's page before opening
it; nothing else in it is changed.

**What is timed** (milliseconds from the start of navigation, the browser's
``performance.now()``):

- ``stable``: the graph is drawn and still. A script injected before the page's
  own hooks every ``vis.Network`` the page makes; the graph is still at the first
  ``afterDrawing`` once physics is off (goalgraph's hierarchical page never turns
  it on) or at vis-network's ``stabilized`` event (the simulation has come to rest).
- ``clickable``: then a real mouse click on the node nearest the middle of the
  view (Playwright's mouse, at the node's position on the page) is answered: the
  time of the first ``afterDrawing`` after vis-network's ``click`` event for that
  node, that is, the page has drawn its response (goalgraph's page opens the side
  panel and, in a folded graph, folds the organisation out).

Each figure is the median of ``--runs`` runs (3 by default; pages that take longer
than 60 s are run once). A page that is not still within ``--timeout`` seconds is
reported as ``> timeout``. The target is goalgraph ≤ 0.25× pyvis at 500 and 5,000
statements (clickable).

Usage::

    python benchmarks/bench_explorer.py [--sizes 500,5000] [--runs 3] [--json OUT.json] [--timeout 300]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

from common import CHROMIUM, LAUNCH_ARGUMENTS, parse_sizes

VIEWPORT = {"width": 1400, "height": 900}
SLOW_MS = 60_000
#: The pages compared: goalgraph's default (drilled down above 1,500 statements), goalgraph
#: never folded, and pyvis's default.
ENGINES = ("goalgraph", "unfolded", "pyvis")
# How long to wait for a click to be answered before clicking again.
CLICK_WAIT_MS = 2_000

# Injected before any script of the page: wraps vis.Network (vis-network's UMD
# bundle creates window.vis, then assigns its members) to watch every network made.
HOOK = """
(() => {
  const bench = (window.__bench = {
    iterationsDone: false, shown: null, still: null, clicked: null, clickAt: null, networks: []
  });
  function watch(network) {
    bench.networks.push(network);
    const physicsOff = () => network.physics && network.physics.physicsEnabled === false;
    network.on('stabilizationIterationsDone', () => { bench.iterationsDone = true; });
    network.on('stabilized', () => { if (bench.still === null) bench.still = performance.now(); });
    network.on('afterDrawing', () => {
      const now = performance.now();
      if (bench.shown === null && (physicsOff() || bench.iterationsDone)) bench.shown = now;
      if (bench.still === null && physicsOff()) bench.still = now;
      if (bench.clickAt !== null && bench.clicked === null) bench.clicked = now;
    });
    network.on('click', (params) => {
      if (bench.clickAt === null && params.nodes.length) bench.clickAt = performance.now();
    });
  }
  function wrap(Network) {
    function Watched(container, data, options) {
      const network = new Network(container, data, options);
      watch(network);
      return network;
    }
    Watched.prototype = Network.prototype;
    return Watched;
  }
  let vis;
  Object.defineProperty(window, 'vis', {
    configurable: true,
    get() { return vis; },
    set(value) {
      vis = value;
      let Network = value.Network ? wrap(value.Network) : undefined;
      Object.defineProperty(value, 'Network', {
        configurable: true,
        enumerable: true,
        get() { return Network; },
        set(N) { Network = wrap(N); },
      });
    },
  });
})();
"""

# The node nearest the middle of the view, and where it is on the page.
NODE_TO_CLICK = """
() => {
  const network = window.__bench.networks[window.__bench.networks.length - 1];
  const box = network.body.container.getBoundingClientRect();
  const middle = { x: box.width / 2, y: box.height / 2 };
  const positions = network.getPositions();
  let best = null;
  for (const id of Object.keys(positions)) {
    const node = network.body.nodes[id];
    if (!node || node.options.hidden) continue;
    const at = network.canvasToDOM(positions[id]);
    const distance = Math.hypot(at.x - middle.x, at.y - middle.y);
    if (best === null || distance < best.distance) {
      best = { id, distance, x: box.left + at.x, y: box.top + at.y };
    }
  }
  return best;
}
"""


def statements_for(target: int) -> int:
    """The fewest synthetic organisations whose graph has at least `target` statements."""
    from goalgraph.synthetic import synthetic_counts

    organisations = 1
    while True:
        counts = synthetic_counts(organisations)
        if counts.missions + counts.visions + counts.goals + counts.objectives >= target:
            return organisations
        organisations += 1


def write_pages(folder: Path, organisations: int) -> dict[str, Any]:
    """Write the synthetic graph and both pages; return their paths and the graph's size."""
    import goalgraph
    from goalgraph.analysis import alignment_graph
    from goalgraph.explorer import write_explorer
    from goalgraph.synthetic import write_synthetic

    data = folder / "synthetic.ttl"
    write_synthetic(data, organisations)
    graph = goalgraph.load([data], bundled=False)

    started = time.perf_counter()
    ours = write_explorer(graph, folder / "goalgraph.html")
    ours_build = time.perf_counter() - started
    started = time.perf_counter()
    unfolded = write_explorer(graph, folder / "goalgraph-unfolded.html", collapse_above=None)
    unfolded_build = time.perf_counter() - started

    from pyvis.network import Network

    statements = alignment_graph(graph, include_suggested=True)
    index = {node: i for i, node in enumerate(statements)}
    started = time.perf_counter()
    network = Network(directed=True)
    for node, labels in statements.nodes(data="labels"):
        network.add_node(index[node], label=labels.get("da") or str(node))
    for start, end in statements.edges():
        network.add_edge(index[start], index[end])
    pyvis_folder = folder / "pyvis"
    pyvis_folder.mkdir()
    here = Path.cwd()
    os.chdir(pyvis_folder)  # write_html writes its lib/ folder into the working directory
    try:
        network.write_html("pyvis.html")
    finally:
        os.chdir(here)
    theirs = pyvis_folder / "pyvis.html"
    # Offline, vis-network comes from pyvis's bundled copy, whose bytes differ from
    # the CDN's: without its integrity hash, the browser runs it.
    theirs.write_text(re.sub(r'\s+integrity="[^"]*"', "", theirs.read_text(encoding="utf-8")), encoding="utf-8")
    pyvis_build = time.perf_counter() - started
    return {
        "statements": statements.number_of_nodes(),
        "alignments": statements.number_of_edges(),
        "organisations": organisations,
        "pages": {"goalgraph": ours, "unfolded": unfolded, "pyvis": theirs},
        "build_s": {"goalgraph": ours_build, "unfolded": unfolded_build, "pyvis": pyvis_build},
        "size_bytes": {engine: page.stat().st_size for engine, page in engine_pages(ours, unfolded, theirs)},
    }


def engine_pages(ours: Path, unfolded: Path, theirs: Path) -> list[tuple[str, Path]]:
    return [("goalgraph", ours), ("unfolded", unfolded), ("pyvis", theirs)]


def vis_network_file(name: str) -> bytes:
    return (files("pyvis") / "lib" / "vis-9.1.2" / name).read_bytes()


def measure(browser: Any, page_path: Path, timeout_s: float, *, until_still: bool) -> dict[str, Any]:
    """Open `page_path` once: the times to a drawn graph, an answered click and (optionally) a still graph."""
    context = browser.new_context(viewport=VIEWPORT)
    outside: list[str] = []
    errors: list[str] = []

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        elif url.endswith("/vis-network.min.js"):
            route.fulfill(body=vis_network_file("vis-network.min.js"), content_type="application/javascript")
        elif url.endswith("/vis-network.min.css"):
            route.fulfill(body=vis_network_file("vis-network.css"), content_type="text/css")
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    context.add_init_script(HOOK)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    found: dict[str, Any] = {"shown_ms": None, "clickable_ms": None, "still_ms": None}
    try:
        # Only until the page starts: pyvis's page holds its load event through its whole
        # stabilisation (minutes at 5,000 statements), which the wait below times instead.
        page.goto(page_path.as_uri(), wait_until="commit")
        try:
            page.wait_for_function("window.__bench && window.__bench.shown !== null", timeout=timeout_s * 1000)
        except Exception:
            return {**found, "aborted": outside, "errors": errors}
        # Nodes may still be moving (pyvis's physics): click where the node is now,
        # again, until a click lands on it, as a person would have to.
        deadline = time.monotonic() + timeout_s
        while page.evaluate("window.__bench.clicked") is None:
            if time.monotonic() > deadline:
                return {**found, "aborted": outside, "errors": errors}
            target = page.evaluate(NODE_TO_CLICK)
            page.mouse.click(target["x"], target["y"])
            try:
                page.wait_for_function("window.__bench.clicked !== null", timeout=CLICK_WAIT_MS)
            except Exception:
                continue
        found["shown_ms"] = page.evaluate("window.__bench.shown")
        found["clickable_ms"] = page.evaluate("window.__bench.clicked")
        if until_still:
            try:
                page.wait_for_function("window.__bench.still !== null", timeout=timeout_s * 1000)
                found["still_ms"] = page.evaluate("window.__bench.still")
            except Exception:
                pass
        return {**found, "aborted": outside, "errors": errors}
    finally:
        context.close()


def median_of(runs: list[dict[str, Any]], key: str) -> float | None:
    values = [run[key] for run in runs]
    return None if any(v is None for v in values) else statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[500, 5_000], help="statements, e.g. 500,5k")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds a page may take to be still")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    arguments = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGUMENTS)
        for size in arguments.sizes:
            folder = Path(temporary) / f"size-{size}"
            folder.mkdir()
            written = write_pages(folder, statements_for(size))
            row: dict[str, Any] = {key: value for key, value in written.items() if key != "pages"}
            for engine in ENGINES:
                page = written["pages"][engine]
                runs = [measure(browser, page, arguments.timeout, until_still=True)]
                slow = runs[0]["clickable_ms"] is None or runs[0]["clickable_ms"] > SLOW_MS
                for _ in range(0 if slow else arguments.runs - 1):
                    runs.append(measure(browser, page, arguments.timeout, until_still=False))
                row[engine] = {
                    "shown_ms": median_of(runs, "shown_ms"),
                    "clickable_ms": median_of(runs, "clickable_ms"),
                    # Once, in the first run: it can take minutes for pyvis's physics.
                    "still_ms": runs[0]["still_ms"],
                    "runs": len(runs),
                    "aborted_requests": sorted({url for run in runs for url in run["aborted"]}),
                    "page_errors": sorted({error for run in runs for error in run["errors"]}),
                }
                print(f"  {size:,} statements, {engine}: {row[engine]['clickable_ms']} ms", file=sys.stderr)
            for engine in ("goalgraph", "unfolded"):
                ours, theirs = row[engine]["clickable_ms"], row["pyvis"]["clickable_ms"]
                row[engine]["ratio"] = None if ours is None or theirs is None else ours / theirs
                ours, theirs = row[engine]["still_ms"], row["pyvis"]["still_ms"]
                row[engine]["still_ratio"] = None if ours is None or theirs is None else ours / theirs
            results.append(row)
        browser.close()

    print_table(results, arguments.timeout)
    if arguments.json:
        environment = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "pyvis": metadata.version("pyvis"),
            "playwright": metadata.version("playwright"),
            "goalgraph": metadata.version("goalgraph"),
        }
        arguments.json.write_text(json.dumps({"environment": environment, "results": results}, indent=2) + "\n")
    return 0


def _ms(value: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if value is None else f"{value:,.0f}"


def _ratio(value: float | None, digits: int) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}×"


def print_table(results: list[dict[str, Any]], timeout: float) -> None:
    print()
    print(
        f"{'statements':>10} {'alignments':>10}  {'page':<9} {'MB':>5} {'drawn ms':>9} "
        f"{'clickable ms':>12} {'still ms':>9} {'runs':>4}  {'÷ pyvis (clickable, still)':<26}"
    )
    for row in results:
        for engine in ENGINES:
            found = row[engine]
            ratios = ""
            if engine != "pyvis":
                ratios = f"{_ratio(found['ratio'], 3)}, {_ratio(found['still_ratio'], 4)}"
            print(
                f"{row['statements']:>10,} {row['alignments']:>10,}  {engine:<9} "
                f"{row['size_bytes'][engine] / 1e6:>5.2f} {_ms(found['shown_ms'], timeout):>9} "
                f"{_ms(found['clickable_ms'], timeout):>12} {_ms(found['still_ms'], timeout):>9} "
                f"{found['runs']:>4}  {ratios}"
            )
    for row in results:
        for engine in ENGINES:
            if row[engine]["page_errors"]:
                print(f"note: {engine} at {row['statements']:,}: page errors {row[engine]['page_errors']}")
            if row[engine]["aborted_requests"]:
                print(f"note: {engine} at {row['statements']:,}: aborted {row[engine]['aborted_requests']}")


if __name__ == "__main__":
    sys.exit(main())
