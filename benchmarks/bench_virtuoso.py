"""goalgraph on triple stores: push, every named query, the analytics, against the embedded store.

For each size, a synthetic goal graph (``goalgraph.synthetic``) is loaded into the
embedded store and pushed (``goalgraph.remote.push``, Graph Store Protocol) into each
store installed here, started on loopback in a temporary folder by
``tests/remote/stores.py``: a throwaway Virtuoso from Debian (``virtuoso-opensource``)
and Oxigraph's server from PyPI (``oxigraph``, in the test extras). Then each named
query (with the parameters of ``bench_queries.py``) and ``goalgraph.analyse`` run on
each, the answers are checked to have the same number of rows, and the median times
are printed with the ratio store ÷ embedded.

A store answers over HTTP in JSON that goalgraph parses in Python, so each of its
times includes the protocol; the embedded store has no such cost. That is the
price of the shared server that many users and processes can query at once.

Run: ``python benchmarks/bench_virtuoso.py [--sizes 10k,100k] [--stores virtuoso,oxigraph] [--json OUT.json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from tests.remote.stores import STORES, installed, running

import goalgraph
from bench_queries import parameters
from common import parse_sizes, timed
from goalgraph.loading import GoalDataset
from goalgraph.named_queries import named_queries, run_query
from goalgraph.remote import Endpoint, RemoteDataset, dataset_graphs, push
from goalgraph.synthetic import organisations_for_triples, synthetic_counts, write_synthetic

#: How the tables name the stores.
NAMES = {"virtuoso": "Virtuoso", "oxigraph": "Oxigraph server"}


def bench(size: int, work: Path, runs: int, stores: list[str]) -> dict[str, Any]:
    organisations = organisations_for_triples(size)
    path = work / f"synthetic-{size}.nt"
    write_synthetic(path, organisations)
    local = goalgraph.load([path], bundled=False)
    params = parameters(organisations)
    queries: dict[str, Any] = {}

    def rows(graph: GoalDataset | RemoteDataset, name: str) -> Callable[[], int]:
        return lambda: len(run_query(graph, name, params.get(name, {})).rows)

    for name in named_queries():
        embedded, found = timed(rows(local, name), runs)
        queries[name] = {"rows": found, "embedded_s": embedded}
    embedded_analysis, _ = timed(lambda: goalgraph.analyse(local), 1)
    pushes: dict[str, float] = {}
    analysis = {"embedded_s": embedded_analysis}
    for store in stores:
        with running(store, work / f"{store}-{size}") as server:
            pushes[f"{store}_s"], graphs = timed(partial(push, dataset_graphs(local), server.writer()), 1)
            remote = RemoteDataset(Endpoint(server.sparql, timeout=600), graphs=graphs)
            for name, times in queries.items():
                seconds, found = timed(rows(remote, name), runs)
                if found != times["rows"]:
                    raise SystemExit(f"{name}: {times['rows']} rows embedded, {found} on {NAMES[store]}")
                times[f"{store}_s"] = seconds
                print(
                    f"  {name}: {times['embedded_s']:.3f} s embedded, {seconds:.3f} s {NAMES[store]}", file=sys.stderr
                )
            analysis[f"{store}_s"], _ = timed(partial(goalgraph.analyse, remote), 1)
    path.unlink()
    return {
        "size": size,
        "triples": synthetic_counts(organisations).triples,
        "push": pushes,
        "queries": queries,
        "analysis": analysis,
    }


def table(results: list[dict[str, Any]], stores: list[str]) -> str:
    names = [NAMES[store] for store in stores]
    head = [
        "triples",
        "what",
        "embedded (s)",
        *(f"{name} (s)" for name in names),
        *(f"{name} ÷ embedded" for name in names),
    ]
    lines = ["| " + " | ".join(head) + " |", "|--:|:--|" + "--:|" * (1 + 2 * len(stores))]
    for result in results:
        triples = f"{result['triples']:,}"
        pushed = [f"{result['push'][f'{store}_s']:.2f}" for store in stores]
        lines.append(f"| {triples} | push (Graph Store Protocol) | | {' | '.join(pushed)} |{' |' * len(stores)}")
        rows = [(f"query {name}", q) for name, q in result["queries"].items()]
        rows.append(("analyse", result["analysis"]))
        for what, times in rows:
            seconds = [times[f"{store}_s"] for store in stores]
            ratios = [f"{s / times['embedded_s']:.1f}×" if times["embedded_s"] else "" for s in seconds]
            cells = [f"{times['embedded_s']:.3f}", *(f"{s:.3f}" for s in seconds), *ratios]
            lines.append(f"| {triples} | {what} | {' | '.join(cells)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10k,100k"), help="triples, e.g. 10k,100k")
    parser.add_argument("--runs", type=int, default=3, help="runs per query (the median is shown)")
    parser.add_argument("--stores", default=",".join(STORES), help="comma-separated: " + ", ".join(STORES))
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args()
    wanted = [store.strip() for store in args.stores.split(",") if store.strip()]
    if unknown := [store for store in wanted if store not in STORES]:
        parser.error(f"no such store: {', '.join(unknown)}")
    stores = [store for store in wanted if installed(store)]
    for store in sorted(set(wanted) - set(stores)):
        print(f"{NAMES[store]} is not installed: left out", file=sys.stderr)
    if not stores:
        raise SystemExit("no triple store is installed: apt-get install virtuoso-opensource, pip install oxigraph")
    with tempfile.TemporaryDirectory(prefix="goalgraph-bench-stores-") as work:
        results = [bench(size, Path(work), args.runs, stores) for size in args.sizes]
    print(table(results, stores))
    if args.json:
        document = {"benchmark": "virtuoso", "stores": stores, "results": results}
        args.json.write_text(json.dumps(document, indent=2) + "\n")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
