"""The on-disk store: fill it once (``goalgraph load --store``), reopen it in a fraction of a parse.

For each size a synthetic goal graph (``goalgraph.synthetic``, N-Triples) is
written to a temporary folder, then, each step in a fresh Python process:

- **parse**: ``goalgraph.load([path], bundled=False)``, the in-memory dataset every
  command builds without ``--store``; and raw Oxigraph's ``Store().load(path=...)``;
- **fill**: ``goalgraph.storage.load_store(dir, [path], bundled=False)`` (bulk-loaded
  above 32 MB) and raw Oxigraph's ``Store(dir).bulk_load(path=...)``;
- **reopen**: ``goalgraph.storage.open_store(dir)`` then one query that touches the
  data (the number of missions), as a command does; and raw
  ``Store.read_only(dir)`` with the same query.

It prints the times, peak memory, the reopen ÷ parse ratio (the goal: at most 10%
at a million triples) and the ratios goalgraph ÷ raw.

Run: ``python benchmarks/bench_store.py [--sizes 10k,100k,1M] [--json OUT.json]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from common import in_child, parse_sizes

COUNT = "PREFIX gg: <https://w3id.org/goalgraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?m a gg:Mission }"
STEPS = ("parse", "parse-raw", "fill", "fill-raw", "reopen", "reopen-raw")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(step: str, path: Path, folder: Path) -> dict[str, Any]:
    """One measurement, in this (fresh) process."""
    import pyoxigraph as ox

    import goalgraph
    from goalgraph.storage import load_store, open_store

    started = time.perf_counter()
    if step == "parse":
        loaded = goalgraph.load([path], bundled=False)
        took = time.perf_counter() - started
        count = int(next(iter(loaded.query(COUNT)))[0])
    elif step == "parse-raw":
        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        took = time.perf_counter() - started
        count = int(next(iter(store.query(COUNT)))[0].value)
    elif step == "fill":
        filled = load_store(folder, [path], bundled=False, progress=False)
        took = time.perf_counter() - started
        count = int(next(iter(filled.query(COUNT)))[0])
    elif step == "fill-raw":
        store = ox.Store(str(folder))
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        took = time.perf_counter() - started
        count = int(next(iter(store.query(COUNT)))[0].value)
    elif step == "reopen":
        reopened = open_store(folder)
        count = int(next(iter(reopened.query(COUNT)))[0])
        took = time.perf_counter() - started
    else:
        store = ox.Store.read_only(str(folder))
        count = int(next(iter(store.query(COUNT)))[0].value)
        took = time.perf_counter() - started
    return {"seconds": took, "count": count, "peak_rss_mib": _peak_mib()}


def measure(size: int, work: Path) -> dict[str, Any]:
    from goalgraph.synthetic import organisations_for_triples, synthetic_counts, write_synthetic

    organisations = organisations_for_triples(size)
    path = work / f"synthetic-{size}.nt"
    write_synthetic(path, organisations)
    triples = synthetic_counts(organisations).triples
    results: dict[str, Any] = {}
    for step in STEPS:
        folder = work / ("raw-store" if step.endswith("-raw") else "store")
        print(f"  {triples:,} triples: {step} ...", end="", file=sys.stderr, flush=True)
        results[step] = in_child(__file__, "--child", step, "--path", str(path), "--folder", str(folder))
        print(f" {results[step]['seconds']:.3f} s", file=sys.stderr)
    for folder in ("store", "raw-store"):
        shutil.rmtree(work / folder)
    path.unlink()
    counts = {step: result["count"] for step, result in results.items()}
    if len(set(counts.values())) != 1:
        raise SystemExit(f"the steps disagree on the number of missions: {counts}")
    return {"size": size, "triples": triples, "steps": results}


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| triples | parse (s) | fill store (s) | reopen (s) | reopen ÷ parse | fill ÷ raw | reopen ÷ raw "
        "| peak RSS parse / fill / reopen (MiB) |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for result in results:
        steps = result["steps"]

        def seconds(step: str, steps: dict[str, Any] = steps) -> float:
            return float(steps[step]["seconds"])

        lines.append(
            f"| {result['triples']:,} | {seconds('parse'):.3f} | {seconds('fill'):.3f} | {seconds('reopen'):.3f} "
            f"| {seconds('reopen') / seconds('parse'):.1%} | {seconds('fill') / seconds('fill-raw'):.2f}× "
            f"| {seconds('reopen') / seconds('reopen-raw'):.2f}× "
            f"| {steps['parse']['peak_rss_mib']:.0f} / {steps['fill']['peak_rss_mib']:.0f} "
            f"/ {steps['reopen']['peak_rss_mib']:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10k,100k"), help="triples, e.g. 10k,1M")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--child", choices=STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.path, args.folder)))
        return
    with tempfile.TemporaryDirectory(prefix="goalgraph-bench-store-") as work:
        results = [measure(size, Path(work)) for size in args.sizes]
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps({"benchmark": "store", "results": results}, indent=2) + "\n")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
