"""What the query check costs: rdflib's SPARQL parser on each named query, beside Oxigraph.

Before the endpoint runs a query (and before ``goalgraph query FILE.rq`` runs a
user's file) it parses it with rdflib to refuse SERVICE, updates and foreign graphs
(``goalgraph.query_safety.check_query``). rdflib's parser is pure Python; this
measures, for every named query's text:

- **check**: ``check_query(text)``, the median of several runs;
- **raw**: the same text bound with its example parameters, run by a
  ``pyoxigraph.Store`` holding the bundled dataset, every value of every row read
  (parse, plan and evaluate, in Rust);

and prints both with their ratio. The endpoint keeps its last 1,024 verdicts, so a
query sent again is not parsed again, and a named query's shipped text is parsed
once, whatever its parameters.

Run: ``python benchmarks/bench_query_check.py [--runs 5] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

import pyoxigraph as ox

import goalgraph
from common import read_raw, timed
from goalgraph.named_queries import named_queries
from goalgraph.query_safety import check_query
from goalgraph.querying import bind
from goalgraph.resolving import resolve

#: Example parameters for the queries that need them, valid in the bundled dataset.
PARAMETERS = {
    "trace": {"statement": "SM3"},
    "search": {"term": "tryghed"},
    "matrix": {"rows": "StrategicMarker", "columns": "Vision"},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (the median is kept)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    dataset = goalgraph.load()
    store = ox.Store()
    store.extend(dataset.oxigraph)
    rows = []
    print(f"{'query':<20} {'chars':>6} {'check (ms)':>11} {'raw (ms)':>9} {'check ÷ raw':>12}")
    for name, query in named_queries().items():
        given = PARAMETERS.get(name, {})
        kinds = {p.name: p.kind for p in query.parameters}
        bindings = {key: resolve(dataset, value, kinds[key]) for key, value in given.items()}
        bound = bind(query.text, bindings)
        check_seconds, _ = timed(partial(check_query, query.text), args.runs)
        answer = store.query(bound, use_default_graph_as_union=True)
        if isinstance(answer, ox.QuerySolutions):
            raw_seconds, _ = timed(partial(read_raw, store, bound), args.runs)
        else:
            raw_seconds, _ = timed(partial(store.query, bound, use_default_graph_as_union=True), args.runs)
        rows.append({"query": name, "chars": len(query.text), "check_s": check_seconds, "raw_s": raw_seconds})
        ratio = check_seconds / raw_seconds if raw_seconds else float("inf")
        print(
            f"{name:<20} {len(query.text):>6} {check_seconds * 1000:>11.1f} {raw_seconds * 1000:>9.1f} {ratio:>12.1f}"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"python": sys.version.split()[0], "queries": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
