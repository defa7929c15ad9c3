"""Every named query on synthetic goal graphs: goalgraph against raw pyoxigraph and rdflib.

For each size, the same synthetic graph (``goalgraph.synthetic``) is loaded three
ways, and each named query runs with the same parameters through:

- **goalgraph**: ``goalgraph.named_queries.run_query`` on ``goalgraph.load()`` (rdflib's
  API on Oxigraph; includes resolving parameters, binding and converting every
  row to rdflib terms);
- **raw**: the same bound query text on a ``pyoxigraph.Store``, every value of every
  row read (as pyoxigraph terms);
- **rdflib**: the same bound query text on ``rdflib.Dataset(default_union=True)``,
  rdflib's own SPARQL engine, with a time limit per query.

The script checks that the three give the same number of rows, and prints the
median time of several runs with the ratios goalgraph ÷ raw and rdflib ÷ goalgraph.

Run: ``python benchmarks/bench_queries.py [--sizes 10k,100k] [--rdflib-limit 60]``.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

import goalgraph
from common import parse_sizes, read_raw, timed
from goalgraph.loading import DEFAULT_BASE
from goalgraph.named_queries import NamedQuery, find_query, named_queries, run_query
from goalgraph.querying import bind
from goalgraph.resolving import resolve
from goalgraph.resources import ontology_file
from goalgraph.synthetic import organisations_for_triples, write_synthetic

BASE = DEFAULT_BASE


def parameters(size_organisations: int) -> dict[str, dict[str, str]]:
    """Parameters for the queries that need them, valid in any synthetic graph."""
    deepest = size_organisations - 1
    return {
        "trace": {"statement": f"<{BASE}synthetic/org-{deepest:05d}/goal/1/objective/1>"},
        "search": {"term": "tryghed"},
        "statements": {"organisation": f"<{BASE}synthetic/org-00001>"},
        # A matrix crosses every row statement with every column statement: one organisation's.
        "matrix": {"rows": "Objective", "columns": "Goal", "organisation": f"<{BASE}synthetic/org-00001>"},
    }


class TimeLimitError(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def stop(signum: int, frame: Any) -> None:
        raise TimeLimitError

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def count_goalgraph(dataset: goalgraph.GoalDataset, query: NamedQuery, params: dict[str, str]) -> int:
    return len(run_query(dataset, query, params).rows)


def count_rdflib(dataset: rdflib.Dataset, text: str) -> int:
    return len(list(dataset.query(text)))


def load_all(path: Path) -> tuple[goalgraph.GoalDataset, ox.Store, rdflib.Dataset, dict[str, float]]:
    times = {}
    start = time.perf_counter()
    dataset = goalgraph.load(path, bundled=False)
    times["goalgraph"] = time.perf_counter() - start
    start = time.perf_counter()
    raw = ox.Store()
    for file, graph in ((ontology_file(), "urn:ontology"), (path, path.resolve().as_uri())):
        raw.load(path=str(file), format=ox.RdfFormat.TURTLE, base_iri=BASE, to_graph=ox.NamedNode(graph))
    times["raw"] = time.perf_counter() - start
    start = time.perf_counter()
    memory = rdflib.Dataset(default_union=True)
    memory.graph(rdflib.URIRef("urn:ontology")).parse(ontology_file(), format="turtle")
    memory.graph(rdflib.URIRef(path.resolve().as_uri())).parse(path, format="turtle", publicID=BASE)
    times["rdflib"] = time.perf_counter() - start
    return dataset, raw, memory, times


def bench(size: int, repeats: int, rdflib_limit: float, skip_rdflib: bool) -> dict[str, Any]:
    organisations = organisations_for_triples(size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.ttl"
        triples = write_synthetic(path, organisations)
        dataset, raw, memory, load_times = load_all(path)
    rows = []
    params = parameters(organisations)
    for name in named_queries():
        query = find_query(name)
        given = params.get(name, {})
        bindings = {p: resolve(dataset, v, query.parameter(p).kind) for p, v in given.items()}  # type: ignore[union-attr]
        text = bind(query.text, bindings)
        ours, ours_rows = timed(partial(count_goalgraph, dataset, query, given), repeats)
        theirs, raw_rows = timed(partial(read_raw, raw, text), repeats)
        row: dict[str, Any] = {"query": name, "rows": ours_rows, "goalgraph": ours, "raw": theirs}
        assert raw_rows == ours_rows, (name, raw_rows, ours_rows)
        if not skip_rdflib:
            try:
                with time_limit(rdflib_limit):
                    slow, slow_rows = timed(partial(count_rdflib, memory, text), 1)
                assert slow_rows == ours_rows, (name, slow_rows, ours_rows)
                row["rdflib"] = slow
            except TimeLimitError:
                row["rdflib"] = None
                row["rdflib_over"] = rdflib_limit
            except Exception as error:  # rdflib's engine fails some valid queries: record it
                row["rdflib"] = None
                row["rdflib_error"] = f"{type(error).__name__}: {error}"[:80]
        rows.append(row)
    return {"triples": triples, "organisations": organisations, "load": load_times, "queries": rows}


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def show(result: dict[str, Any]) -> None:
    load = result["load"]
    print(f"\n{result['triples']:,} triples ({result['organisations']:,} organisations)")
    print(f"load: goalgraph {load['goalgraph']:.2f} s, raw {load['raw']:.2f} s, rdflib {load['rdflib']:.2f} s")
    columns = (
        ("rows", 8),
        ("raw s", 9),
        ("goalgraph s", 12),
        ("÷ raw", 7),
        ("rdflib s", 10),
        ("÷ goalgraph", 12),
    )
    print(f"{'query':<20}" + "".join(f" {name:>{width}}" for name, width in columns))
    for row in result["queries"]:
        ratio = row["goalgraph"] / row["raw"] if row["raw"] else float("nan")
        slow = row.get("rdflib")
        if slow is not None:
            against = f"{slow / row['goalgraph']:.1f}×"
        elif "rdflib_over" in row:
            against = f"> {row['rdflib_over'] / row['goalgraph']:.0f}×"
        elif "rdflib_error" in row:
            against = "fails"
        else:
            against = "skipped"
        rdflib_time = seconds(slow) if "rdflib_over" not in row else f"> {row['rdflib_over']:.0f}"
        print(
            f"{row['query']:<20} {row['rows']:>8,} {seconds(row['raw']):>9} {seconds(row['goalgraph']):>12}"
            f" {ratio:>6.2f}× {rdflib_time:>10} {against:>12}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k", help="triples per graph, comma-separated (10k, 100k, 1M)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per query for goalgraph and raw (median)")
    parser.add_argument("--rdflib-limit", type=float, default=60, help="seconds allowed to rdflib per query")
    parser.add_argument("--rdflib-max", default="100k", help="largest size rdflib runs at")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args()

    results = []
    for size in parse_sizes(args.sizes):
        result = bench(size, args.repeats, args.rdflib_limit, skip_rdflib=size > parse_sizes(args.rdflib_max)[0])
        show(result)
        results.append(result)
        sys.stdout.flush()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
