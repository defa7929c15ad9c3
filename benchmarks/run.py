"""The whole benchmark suite in one command: every benchmark at 10k, 100k and 1M triples.

Runs, one after the other, each in processes of its own:

- ``bench_load.py``: load time, peak memory and a transitive query; goalgraph, raw
  pyoxigraph and rdflib's memory store (rdflib up to 200k triples);
- ``bench_store.py``: the on-disk store: fill, reopen (against parsing again);
- ``bench_queries.py``: every named query; goalgraph, raw pyoxigraph, rdflib;
- ``bench_model.py``: reading the model of the graph (``goalgraph.read_model``);
- ``bench_analysis.py``: the alignment graph and its analytics;
- ``bench_commands.py``: every command's time and peak memory, as a user runs it
  (``--before DIR`` compares with another checkout; not used here);
- ``bench_scale.py``: validate, the report (split and one page) and the explorer
  against ``stats``, with page sizes and, in Chromium, opening and search times;
- ``bench_jsonld.py``: the JSON-LD export against PyLD's compaction;
- ``bench_progress.py``: ``progress``, ``what_if`` and ``conflicts`` on synthetic
  results (10 years per indicator), and ``goalgraph progress --format json``,
  against ``stats``;
- ``bench_explorer.py``: the explorer's HTML at matching numbers of statements
  (in Chromium: needs Playwright and ``/usr/bin/chromium``);
- ``bench_virtuoso.py``: push, named queries and analytics on Virtuoso and Oxigraph's
  server against the embedded store (those installed; at most 100k triples).

Each writes its table to standard output and its JSON to ``benchmarks/results/``;
then this script prints how each cost grows with size (the factor from one size
to the next, beside the factor of the sizes themselves: close to it is linear).

Run: ``python benchmarks/run.py [--sizes 10k,100k,1M] [--skip explorer,virtuoso]``.
A full run at 1M takes about 45 minutes on two cores.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
RESULTS = HERE / "results"
#: Statements per triple in the synthetic graphs (about 166 triples per organisation,
#: 11 statements), to size the explorer benchmark like the others.
STATEMENTS_PER_TRIPLE = 11 / 166


def _arguments(name: str, sizes: str) -> list[str]:
    if name == "explorer":
        from common import parse_sizes

        statements = [max(100, round(size * STATEMENTS_PER_TRIPLE)) for size in parse_sizes(sizes)]
        return ["--sizes", ",".join(map(str, statements))]
    if name == "virtuoso":
        from common import parse_sizes

        small = [size for size in parse_sizes(sizes) if size <= 100_000] or [10_000]
        return ["--sizes", ",".join(map(str, small))]
    return ["--sizes", sizes]


BENCHMARKS = [
    "load",
    "store",
    "queries",
    "model",
    "analysis",
    "commands",
    "scale",
    "jsonld",
    "progress",
    "explorer",
    "virtuoso",
]


def _found(program: str) -> bool:
    """Whether `program` is on the PATH or beside this Python (a virtualenv's bin)."""
    return shutil.which(program) is not None or (Path(sys.executable).parent / program).exists()


def run(name: str, sizes: str) -> dict[str, Any] | None:
    """Run ``bench_{name}.py``; its JSON, or None if it cannot run here."""
    arguments = _arguments(name, sizes)
    if name == "virtuoso":
        # The triple stores that are here: Virtuoso from Debian, Oxigraph's server from the test extras.
        stores = [store for store, program in (("virtuoso", "virtuoso-t"), ("oxigraph", "oxigraph")) if _found(program)]
        if not stores:
            print("\n## virtuoso: skipped (neither virtuoso-t nor oxigraph is installed)", flush=True)
            return None
        arguments += ["--stores", ",".join(stores)]
    output = RESULTS / f"{name}.json"
    command = [sys.executable, str(HERE / f"bench_{name}.py"), *arguments, "--json", str(output)]
    print(f"\n## {name}: {' '.join(command[1:])}", flush=True)
    done = subprocess.run(command, check=False)
    if done.returncode != 0:
        print(f"   {name} failed (exit {done.returncode})", flush=True)
        return None
    result: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return result


def growth(values: list[tuple[int, float]]) -> str:
    """``×9.8 (size ×10)`` for each step between successive sizes."""
    steps = []
    for (small, before), (large, after) in itertools.pairwise(values):
        if before > 0:
            steps.append(f"×{after / before:.1f} (size ×{large / small:.0f})")
    return ", ".join(steps) or "one size"


def summary(results: dict[str, Any]) -> str:
    """How the main costs grow with size, from the benchmarks' JSON."""
    lines = ["| cost | growth from one size to the next |", "|:--|:--|"]
    load = results.get("load")
    if load:
        for engine in ("goalgraph", "raw"):
            points = [(r["triples"], r["engines"][engine]["load_s"]) for r in load["results"] if engine in r["engines"]]
            lines.append(f"| load ({engine}) | {growth(points)} |")
    store = results.get("store")
    if store:
        for step in ("fill", "reopen"):
            points = [(r["triples"], r["steps"][step]["seconds"]) for r in store["results"]]
            lines.append(f"| store {step} | {growth(points)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,1M", help="triples, comma-separated")
    parser.add_argument("--skip", default="", help="benchmarks to leave out, comma-separated: " + ", ".join(BENCHMARKS))
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    RESULTS.mkdir(exist_ok=True)
    skipped = {name.strip() for name in args.skip.split(",") if name.strip()}
    results = {name: run(name, args.sizes) for name in BENCHMARKS if name not in skipped}
    print("\n## growth\n")
    print(summary(results))
    failed = [name for name, result in results.items() if result is None and name != "virtuoso"]
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
