"""goalgraph on Virtuoso: push, every named query, the analytics, against the embedded store.

For each size, a synthetic goal graph (``goalgraph.synthetic``) is loaded into the
embedded store and pushed (``goalgraph.remote.push``, Graph Store Protocol) into a
throwaway Virtuoso from Debian (``virtuoso-opensource``) on loopback, started in a
temporary folder by ``tests/remote/virtuoso.py``. Then each named query (with the
parameters of ``bench_queries.py``) and ``goalgraph.analyse`` run on both, the
answers are checked to have the same number of rows, and the median times are
printed with the ratio Virtuoso ÷ embedded.

Virtuoso answers over HTTP in JSON that goalgraph parses in Python, so each of its
times includes the protocol; the embedded store has no such cost. That is the
price of the shared server that many users and processes can query at once.

Run: ``python benchmarks/bench_virtuoso.py [--sizes 10k,100k] [--json OUT.json]``
(needs ``virtuoso-t``: ``apt-get install virtuoso-opensource``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from tests.remote.virtuoso import DBA, installed, running_virtuoso

import goalgraph
from bench_queries import parameters
from common import parse_sizes, timed
from goalgraph.named_queries import named_queries, run_query
from goalgraph.remote import Endpoint, RemoteDataset, dataset_graphs, push
from goalgraph.synthetic import organisations_for_triples, synthetic_counts, write_synthetic


def bench(size: int, work: Path, runs: int) -> dict[str, Any]:
    organisations = organisations_for_triples(size)
    path = work / f"synthetic-{size}.nt"
    write_synthetic(path, organisations)
    local = goalgraph.load([path], bundled=False)
    with running_virtuoso(work / f"virtuoso-{size}") as server:
        writer = Endpoint(server.sparql, server.sparql_auth, server.graph_store, user=DBA[0], password=DBA[1])
        pushed, graphs = timed(lambda: push(dataset_graphs(local), writer), 1)
        remote = RemoteDataset(Endpoint(server.sparql, timeout=600), graphs=graphs)
        params = parameters(organisations)
        queries: dict[str, Any] = {}
        for name in named_queries():
            given = params.get(name, {})
            embedded, local_rows = timed(lambda n=name, g=given: len(run_query(local, n, g).rows), runs)
            virtuoso, remote_rows = timed(lambda n=name, g=given: len(run_query(remote, n, g).rows), runs)
            if local_rows != remote_rows:
                raise SystemExit(f"{name}: {local_rows} rows embedded, {remote_rows} on Virtuoso")
            queries[name] = {"rows": local_rows, "embedded_s": embedded, "virtuoso_s": virtuoso}
            print(f"  {name}: {embedded:.3f} s embedded, {virtuoso:.3f} s Virtuoso", file=sys.stderr)
        embedded_analysis, _ = timed(lambda: goalgraph.analyse(local), 1)
        virtuoso_analysis, _ = timed(lambda: goalgraph.analyse(remote), 1)
    path.unlink()
    return {
        "size": size,
        "triples": synthetic_counts(organisations).triples,
        "push_s": pushed,
        "queries": queries,
        "analysis": {"embedded_s": embedded_analysis, "virtuoso_s": virtuoso_analysis},
    }


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| triples | what | embedded (s) | Virtuoso (s) | Virtuoso ÷ embedded |", "|--:|:--|--:|--:|--:|"]
    for result in results:
        triples = f"{result['triples']:,}"
        lines.append(f"| {triples} | push (Graph Store Protocol) | | {result['push_s']:.2f} | |")
        rows = [(f"query {name}", q) for name, q in result["queries"].items()]
        rows.append(("analyse", result["analysis"]))
        for what, times in rows:
            ratio = times["virtuoso_s"] / times["embedded_s"] if times["embedded_s"] else float("nan")
            lines.append(
                f"| {triples} | {what} | {times['embedded_s']:.3f} | {times['virtuoso_s']:.3f} | {ratio:.1f}× |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("10k,100k"), help="triples, e.g. 10k,100k")
    parser.add_argument("--runs", type=int, default=3, help="runs per query (the median is shown)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args()
    if not installed():
        raise SystemExit("Virtuoso is not installed: apt-get install virtuoso-opensource")
    with tempfile.TemporaryDirectory(prefix="goalgraph-bench-virtuoso-") as work:
        results = [bench(size, Path(work), args.runs) for size in args.sizes]
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps({"benchmark": "virtuoso", "results": results}, indent=2) + "\n")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
