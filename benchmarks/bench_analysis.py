"""Build the alignment graph and run the alignment analytics on synthetic goal graphs.

For each size (in triples), writes a synthetic goal graph (goalgraph.synthetic) to a
temporary folder and, in a fresh Python process per engine, measures:

1. **The SPARQL that builds the alignment graph** (through the model,
   ``goalgraph.model.read_model``): its three large queries ``model-statements``,
   ``model-alignments`` and ``model-organisations`` (``src/goalgraph/sparql/``), each
   run and read to its last row, in

   - ``raw``: ``pyoxigraph.Store`` with the file and the ontology loaded, queried with
     ``store.query(q, use_default_graph_as_union=True)``;
   - ``goalgraph``: ``goalgraph.load([path], bundled=False)`` (which loads the
     ontology too), queried through ``goalgraph.querying.select``, that is
     ``ds.query`` (rdflib's API on Oxigraph), as ``alignment_graph`` does;
   - ``rdflib``: ``rdflib.Dataset(default_union=True)`` with the same two files
     parsed into rdflib's in-memory store, queried with ``ds.query`` (rdflib's own
     SPARQL engine); up to 200,000 triples unless ``--rdflib-all``.

   The query text is the same for all three: the file's text (they take no
   parameter). The engines must return the same number of rows.

2. **The analytics** (goalgraph only): ``alignment_graph`` (the model's queries plus
   the Python that makes the model and the networkx graph), then each analytic of
   ``goalgraph.analysis`` on the built graph, ``analyse`` on the built graph (all of
   them together) and ``Analysis.to_dict``. For comparison, networkx's own
   ``betweenness_centrality`` with the same distances, on graphs of up to
   ``--networkx-limit`` statements (it is quadratic: about 40 s at 6,600 statements).

Each figure is the median of 3 runs up to 200,000 triples, else of 1 (``--runs``).

Usage::

    python benchmarks/bench_analysis.py [--sizes 10k,100k] [--json OUT.json] [--runs N]
                                        [--rdflib-all] [--networkx-limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import tempfile
import time
from functools import partial
from importlib import import_module, metadata
from pathlib import Path
from typing import Any

from common import in_child, parse_sizes, read_raw, timed

ENGINES = ("raw", "goalgraph", "rdflib")
QUERIES = ("model-statements", "model-alignments", "model-organisations")
#: The parameters each query is run with (as a VALUES block for raw and rdflib).
PARAMETERS: dict[str, dict[str, str]] = {}

RDFLIB_LIMIT = 200_000
REPEAT_LIMIT = 200_000
NETWORKX_LIMIT = 2_000

REPOSITORY = Path(__file__).resolve().parents[1]


def query_with_parameters(name: str) -> str:
    """The text of query `name` with its parameters bound as goalgraph binds them."""
    from rdflib import Literal

    from goalgraph.querying import bind, query_text

    bindings = {var: Literal(value == "true") for var, value in PARAMETERS.get(name, {}).items()}
    return bind(query_text(name), bindings)


# ---------------------------------------------------------------------------
# In child processes
# ---------------------------------------------------------------------------


def raw_child(path: Path, base: str, runs: int) -> dict[str, Any]:
    import pyoxigraph as ox

    from goalgraph.resources import ontology_file

    start = time.perf_counter()
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=base, to_graph=ox.NamedNode(path.as_uri()))
    store.load(
        path=str(ontology_file()),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode("https://w3id.org/goalgraph/ontology"),
    )
    loaded = time.perf_counter() - start

    queries = {}
    for name in QUERIES:
        text = query_with_parameters(name)
        seconds, rows = timed(partial(read_raw, store, text), runs)
        queries[name] = {"s": seconds, "rows": rows}
    return {"load_s": loaded, "queries": queries}


def rdflib_child(path: Path, base: str, runs: int) -> dict[str, Any]:
    from rdflib import Dataset, URIRef

    from goalgraph.resources import ontology_file

    for plugin in ("parsers.notation3", "sparql.processor"):
        import_module(f"rdflib.plugins.{plugin}")
    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.graph(URIRef(path.as_uri())).parse(str(path), format="turtle", publicID=base)
    dataset.graph(URIRef("https://w3id.org/goalgraph/ontology")).parse(str(ontology_file()), format="turtle")
    loaded = time.perf_counter() - start
    queries = {}
    for name in QUERIES:
        text = query_with_parameters(name)
        seconds, rows = timed(lambda: len(list(dataset.query(text))), runs)  # noqa: B023
        queries[name] = {"s": seconds, "rows": rows}
    return {"load_s": loaded, "queries": queries}


def goalgraph_child(path: Path, base: str, runs: int, networkx_limit: int) -> dict[str, Any]:
    import networkx as nx
    from rdflib import Literal

    import goalgraph.loading
    from goalgraph import analysis
    from goalgraph.querying import select

    start = time.perf_counter()
    dataset = goalgraph.loading.load([path], bundled=False, base=base)
    loaded = time.perf_counter() - start
    queries = {}
    for name in QUERIES:
        bindings = {var: Literal(value == "true") for var, value in PARAMETERS.get(name, {}).items()}
        seconds, rows = timed(lambda: len(select(dataset, name, **bindings)), runs)  # noqa: B023
        queries[name] = {"s": seconds, "rows": rows}

    steps: dict[str, float] = {}
    steps["alignment_graph"], statements = timed(lambda: analysis.alignment_graph(dataset), runs)
    steps["top_statements"], top = timed(lambda: analysis.top_statements(statements), runs)
    steps["depths_to_top"], _ = timed(lambda: analysis.depths_to_top(statements, top), runs)
    steps["path_counts_to_top"], _ = timed(lambda: analysis.path_counts_to_top(statements, top), runs)
    steps["strongest_paths_to_top"], _ = timed(lambda: analysis.strongest_paths_to_top(statements, top), runs)
    steps["reach"], reached = timed(lambda: analysis.reach(statements, top), runs)
    steps["coverage"], _ = timed(lambda: analysis.coverage(statements), runs)
    steps["alignment_betweenness"], ours = timed(lambda: analysis.alignment_betweenness(statements), runs)
    steps["alignment_cycles"], _ = timed(lambda: analysis.alignment_cycles(statements), runs)
    steps["clusters"], _ = timed(lambda: analysis.clusters(statements), runs)
    steps["orphans"], _ = timed(lambda: analysis.orphans(statements), runs)
    steps["organisation_scores"], _ = timed(lambda: analysis.organisation_scores(statements, reached, top), runs)
    steps["analyse"], result = timed(lambda: analysis.analyse(statements), runs)
    steps["to_dict"], _ = timed(result.to_dict, runs)

    networkx_s = None
    if statements.number_of_nodes() <= networkx_limit:
        distance = nx.DiGraph()
        distance.add_nodes_from(statements)
        distance.add_edges_from((a, b, {"d": 1 / w}) for a, b, w in statements.edges(data="weight"))
        networkx_s, theirs = timed(lambda: nx.betweenness_centrality(distance, weight="d"), runs)
        if max(abs(theirs[s] - ours[s]) for s in statements) > 1e-12:
            raise SystemExit("alignment_betweenness differs from networkx's betweenness_centrality")
    return {
        "load_s": loaded,
        "queries": queries,
        "statements": statements.number_of_nodes(),
        "alignments": statements.number_of_edges(),
        "top": len(top),
        "steps": steps,
        "networkx_betweenness_s": networkx_s,
    }


# ---------------------------------------------------------------------------
# The whole benchmark
# ---------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """Facts about this machine and the software measured."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), flags=re.MULTILINE)
        cpu = names[0] if names else cpu
    packages = ("pyoxigraph", "oxrdflib", "rdflib", "networkx", "goalgraph")
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "packages": {name: metadata.version(name) for name in packages},
    }


def bench_size(size: int, folder: Path, runs: int | None, rdflib_all: bool, networkx_limit: int) -> dict[str, Any]:
    from goalgraph.loading import DEFAULT_BASE
    from goalgraph.synthetic import organisations_for_triples, write_synthetic

    path = folder / f"synthetic-{size}.ttl"
    organisations = organisations_for_triples(size)
    triples = write_synthetic(path, organisations)
    repeat = runs or (3 if size <= REPEAT_LIMIT else 1)
    print(f"{triples:,} triples ({organisations:,} organisations); {repeat} run(s) each", file=sys.stderr)
    engines: dict[str, Any] = {}
    for engine in ENGINES:
        if engine == "rdflib" and size > RDFLIB_LIMIT and not rdflib_all:
            continue
        print(f"  {engine} ...", end="", file=sys.stderr, flush=True)
        arguments = ["--child", engine, "--path", str(path), "--base", DEFAULT_BASE, "--runs", str(repeat)]
        engines[engine] = in_child(__file__, *arguments, "--networkx-limit", str(networkx_limit))
        print(" done", file=sys.stderr)
    path.unlink()
    for name in QUERIES:
        rows = {engine: found["queries"][name]["rows"] for engine, found in engines.items()}
        if len(set(rows.values())) != 1:
            raise SystemExit(f"the engines disagree on the rows of {name}: {rows}")
    return {
        "size": size,
        "triples": triples,
        "organisations": organisations,
        "runs": repeat,
        "engines": engines,
    }


def ratio(numerator: float | None, denominator: float | None) -> str:
    return f"{numerator / denominator:.2f}×" if numerator and denominator else ""


def seconds(value: float | None) -> str:
    return "skipped" if value is None else f"{value:.3f}"


def query_table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| triples | query | rows | raw (s) | goalgraph (s) | goalgraph ÷ raw | rdflib (s) | rdflib ÷ goalgraph |",
        "|--:|:--|--:|--:|--:|--:|--:|--:|",
    ]
    for result in results:
        engines = result["engines"]
        for name in [*QUERIES, "total"]:
            times: dict[str, float | None] = {}
            for engine in ENGINES:
                found = engines.get(engine)
                if found is None:
                    times[engine] = None
                elif name == "total":
                    times[engine] = sum(q["s"] for q in found["queries"].values())
                else:
                    times[engine] = found["queries"][name]["s"]
            rows = (
                sum(q["rows"] for q in engines["goalgraph"]["queries"].values())
                if name == "total"
                else engines["goalgraph"]["queries"][name]["rows"]
            )
            label = f"**{name}**" if name == "total" else f"`{name}`"
            lines.append(
                f"| {result['triples']:,} | {label} | {rows:,} | {seconds(times['raw'])} "
                f"| {seconds(times['goalgraph'])} | {ratio(times['goalgraph'], times['raw'])} "
                f"| {seconds(times['rdflib'])} | {ratio(times['rdflib'], times['goalgraph'])} |"
            )
    return "\n".join(lines)


def analytics_table(results: list[dict[str, Any]]) -> str:
    heads = [f"{r['triples']:,} triples" for r in results]
    lines = ["| step | " + " | ".join(heads) + " |", "|:--|" + "--:|" * len(results)]
    found = [r["engines"]["goalgraph"] for r in results]
    lines.append(
        "| statements / alignments | " + " | ".join(f"{f['statements']:,} / {f['alignments']:,}" for f in found) + " |"
    )
    for step in found[0]["steps"]:
        lines.append(f"| `{step}` | " + " | ".join(seconds(f["steps"][step]) for f in found) + " |")
    cells = []
    for f in found:
        theirs = f["networkx_betweenness_s"]
        cells.append(
            "skipped" if theirs is None else f"{theirs:.3f} ({theirs / f['steps']['alignment_betweenness']:.0f}× ours)"
        )
    lines.append("| networkx `betweenness_centrality`, same distances | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default="10k,100k", help="sizes in triples (default 10k,100k)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--runs", type=int, help="runs per measurement (default: 3 up to 200k triples, else 1)")
    parser.add_argument("--rdflib-all", action="store_true", help=f"run rdflib above {RDFLIB_LIMIT:,} triples too")
    parser.add_argument(
        "--networkx-limit",
        type=int,
        default=NETWORKX_LIMIT,
        help=f"run networkx's betweenness up to this many statements (default {NETWORKX_LIMIT:,})",
    )
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        runs = args.runs or 1
        if args.child == "raw":
            print(json.dumps(raw_child(args.path, args.base, runs)))
        elif args.child == "rdflib":
            print(json.dumps(rdflib_child(args.path, args.base, runs)))
        else:
            print(json.dumps(goalgraph_child(args.path, args.base, runs, args.networkx_limit)))
        return

    with tempfile.TemporaryDirectory(prefix="goalgraph-bench-") as folder:
        results = [
            bench_size(size, Path(folder), args.runs, args.rdflib_all, args.networkx_limit) for size in args.sizes
        ]
    facts = machine()
    print()
    print(
        f"Python {facts['python']} on {facts['cpus']} CPU(s) ({facts['cpu']}); "
        + ", ".join(f"{name} {version}" for name, version in facts["packages"].items())
    )
    print("\nSPARQL that builds the alignment graph (median seconds to run and read all rows):\n")
    print(query_table(results))
    print("\nAnalytics on the built graph, goalgraph (median seconds):\n")
    print(analytics_table(results))
    skipped = [r["triples"] for r in results if "rdflib" not in r["engines"]]
    if skipped:
        print(f"\nrdflib skipped above {RDFLIB_LIMIT:,} triples (use --rdflib-all).")
    if args.json:
        args.json.write_text(json.dumps({"machine": facts, "results": results}, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
