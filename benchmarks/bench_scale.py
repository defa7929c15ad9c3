"""What people see of a large graph: validate, report and explore against ``stats``, at 10k to 1M triples.

For each size the synthetic graph (``goalgraph.synthetic``) is written once, then
each command runs in a fresh process on it, as a user runs it (wall time around
the process, peak RSS from ``os.wait4``), ``stats`` first as the yardstick of the
same run: every other figure is also given as a multiple of it.

- ``validate``: every check (shapes, references, cycles, IRIs);
- ``report (split)``: ``report -o DIR/``, the index and a page per organisation:
  the index's size, the largest page's size, and the time Chromium takes to open
  each of the two (``load`` event, from a ``file:`` URL);
- ``report (one page)``: ``report -o FILE.html``, which above the split threshold is
  the summary with a notice;
- ``explore``: the page's size, then in Chromium (:mod:`browser_timing`) the time
  to ready, the number of nodes in the first view, and the time from typing a
  search for the deepest organisation's first objective to it shown with its path.

Then how each figure grows from one size to the next, beside the growth of the size.

Run: ``python benchmarks/bench_scale.py [--sizes 10k,100k,1M] [--json FILE]``.
Chromium figures need Playwright and ``/usr/bin/chromium``; without them they are
left out.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_commands import graph_file, run_once
from common import CHROMIUM, LAUNCH_ARGUMENTS, parse_sizes

HERE = Path(__file__).resolve().parents[1]

#: name -> arguments; ``{out}`` is the run's output folder.
COMMANDS: dict[str, list[str]] = {
    "stats": ["stats"],
    "validate": ["validate"],
    "report (split)": ["report", "-o", "{out}/report/"],
    "report (one page)": ["report", "-o", "{out}/report.html"],
    "explore": ["explore", "-o", "{out}/explorer.html"],
}


def deepest_objective(data: Path) -> str:
    """The identifier of the first objective of the last (deepest) organisation of a synthetic graph."""
    last = None
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            if 'dcterms:identifier "SYN-' in line and "-O1" in line:
                last = line.split('"')[1]
    if last is None:
        raise SystemExit(f"{data}: no objective identifier found")
    return last.rsplit("-G", 1)[0] + "-G1-O1"


def open_time(path: Path) -> float:
    """Seconds for Chromium to open `path` (a ``file:`` URL) to its ``load`` event."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGUMENTS)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load")
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def measure_size(size: int, folder: Path, chromium: bool) -> dict[str, Any]:
    data, triples = graph_file(size, folder)
    row: dict[str, Any] = {"triples": triples}
    for name, arguments in COMMANDS.items():
        out = folder / f"out-{size}"
        seconds, peak, status = run_once(HERE, [*arguments, "--no-bundled", "--data", str(data)], out)
        if status != 0 and name != "validate":
            raise SystemExit(f"{name} failed at {triples:,} triples (exit {status})")
        row[f"{name} (s)"] = round(seconds, 2)
        row[f"{name} peak (MiB)"] = round(peak)
        if name != "stats":
            row[f"{name} ÷ stats"] = round(seconds / row["stats (s)"], 1)
        print(f"{triples:,} {name}: {seconds:.2f} s, {peak:.0f} MiB", file=sys.stderr, flush=True)
    out = folder / f"out-{size}"
    report = out / "report"
    pages = sorted((p for p in report.rglob("*.html") if p.name != "index.html"), key=lambda p: p.stat().st_size)
    row["report pages"] = len(pages) + 1
    row["report index (MB)"] = round((report / "index.html").stat().st_size / 1e6, 2)
    row["report largest page (MB)"] = round(pages[-1].stat().st_size / 1e6, 2)
    row["report one page (MB)"] = round((out / "report.html").stat().st_size / 1e6, 2)
    row["explorer page (MB)"] = round((out / "explorer.html").stat().st_size / 1e6, 2)
    if chromium:
        from browser_timing import measure_explorer

        row["report index open (s)"] = round(open_time(report / "index.html"), 2)
        row["report largest page open (s)"] = round(open_time(pages[-1]), 2)
        found = measure_explorer(out / "explorer.html", deepest_objective(data))
        found.pop("page_megabytes", None)  # the size is above, from the file
        row.update({f"explorer {key}": value for key, value in found.items()})
    print(json.dumps(row), file=sys.stderr, flush=True)
    return row


def growth(rows: list[dict[str, Any]]) -> list[str]:
    """Lines saying how each timed figure grows from one size to the next."""
    lines = []
    for before, after in itertools.pairwise(rows):
        factor = after["triples"] / before["triples"]
        parts = [
            f"{key.removesuffix(' (s)')} ×{after[key] / before[key]:.1f}"
            for key in after
            if key.endswith("(s)") and isinstance(before.get(key), int | float) and before[key] > 0
        ]
        lines.append(f"{before['triples']:,} → {after['triples']:,} triples (×{factor:.0f}): " + ", ".join(parts))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10k,100k,1M"), help="triples")
    parser.add_argument("--json", type=Path, help="write the rows here too")
    options = parser.parse_args()
    chromium = CHROMIUM.exists()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            rows.append(measure_size(size, Path(folder), chromium))
    columns = list(dict.fromkeys(key for row in rows for key in row))
    print("| figure | " + " | ".join(f"{row['triples']:,} triples" for row in rows) + " |")
    print("|:--|" + "--:|" * len(rows))
    for column in columns[1:]:
        print(f"| {column} | " + " | ".join(str(row.get(column, "")) for row in rows) + " |")
    print()
    for line in growth(rows):
        print(line)
    if options.json:
        options.json.write_text(json.dumps({"results": rows}, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
