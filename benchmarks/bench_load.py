"""Load and query synthetic goal graphs with raw pyoxigraph, goalgraph and rdflib.

For each size (in triples), writes a synthetic goal graph (goalgraph.synthetic) to a
temporary folder, then, in a fresh Python process per run so that peak memory is
that run's alone, loads it with one engine and runs one transitive query:

- ``raw``: ``pyoxigraph.Store().load(path=..., format=..., base_iri=..., to_graph=...)``,
  queried with ``store.query(q, use_default_graph_as_union=True)``;
- ``goalgraph``: ``goalgraph.load([path], bundled=False)`` (which also loads the
  ontology), queried with ``ds.query(q)``;
- ``rdflib``: ``rdflib.Dataset(default_union=True)``, then
  ``.graph(IRI).parse(path, format=..., publicID=base)`` into rdflib's default
  in-memory store, queried with ``ds.query(q)``.

The three engines must return the same count; the script stops if they do not.

Usage::

    python benchmarks/bench_load.py [--sizes 10k,100k] [--json OUT.json]
                                    [--format turtle|ntriples] [--runs N] [--rdflib-all]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import sys
import tempfile
import time
from importlib import import_module, metadata
from pathlib import Path
from typing import Any, Literal

from common import in_child, parse_sizes

# This process imports nothing heavy, not even goalgraph: on Linux a child started by
# fork and exec inherits the parent's peak RSS as its own ru_maxrss, so a big parent
# would hide small children's peaks. Generating the graphs happens in a child too.

Format = Literal["turtle", "ntriples"]

ENGINES = ("raw", "goalgraph", "rdflib")

#: The transitive query each engine runs: pairs (statement, mission) where the
#: statement supports the mission directly or through other statements.
QUERY = """PREFIX gg: <https://w3id.org/goalgraph/ontology#>
SELECT (COUNT(*) AS ?n) WHERE { ?s gg:supports+ ?top . ?top a gg:Mission }"""

# rdflib parses and queries in pure Python: above this size it takes minutes, so it
# runs only when asked (--rdflib-all).
RDFLIB_LIMIT = 200_000
# Up to this size each measurement is the median of three runs; above it, one run.
REPEAT_LIMIT = 200_000

SUFFIX: dict[Format, str] = {"turtle": ".ttl", "ntriples": ".nt"}


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# ---------------------------------------------------------------------------
# In child processes: generate a graph, or load and query it with one engine
# ---------------------------------------------------------------------------


def generate_child(size: int, path: Path, format: Format) -> dict[str, Any]:
    """Write a synthetic graph of at least `size` triples to `path`."""
    from goalgraph.loading import DEFAULT_BASE
    from goalgraph.synthetic import organisations_for_triples, write_synthetic

    organisations = organisations_for_triples(size)
    start = time.perf_counter()
    triples = write_synthetic(path, organisations, format=format)
    return {
        "organisations": organisations,
        "triples": triples,
        "generate_s": time.perf_counter() - start,
        "base": DEFAULT_BASE,
    }


def run_child(engine: str, path: Path, base: str) -> dict[str, float | int]:
    """Load `path` with `engine`, run :data:`QUERY`, and return times, memory and the count."""
    graph_iri = path.resolve().as_uri()
    turtle = path.suffix == ".ttl"
    # Imports come before the clock starts (rdflib's SPARQL and parser plugins too,
    # which it would otherwise import on first use): they cost the same at every size.
    if engine == "raw":
        import pyoxigraph as ox

        imported = peak_rss_mib()
        start = time.perf_counter()
        store = ox.Store()
        store.load(
            path=str(path),
            format=ox.RdfFormat.TURTLE if turtle else ox.RdfFormat.N_TRIPLES,
            base_iri=base,
            to_graph=ox.NamedNode(graph_iri),
        )
        loaded = time.perf_counter()
        solutions = store.query(QUERY, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        count = int(next(iter(solutions))["n"].value)
        triples = len(store)
    elif engine == "goalgraph":
        import goalgraph.loading  # `import goalgraph` alone would defer this to the first load

        imported = peak_rss_mib()
        start = time.perf_counter()
        dataset = goalgraph.load([path], bundled=False, base=base)
        loaded = time.perf_counter()
        count = int(next(iter(dataset.query(QUERY)))[0])  # type: ignore[arg-type,index]
        triples = len(dataset.oxigraph)
    elif engine == "rdflib":
        from rdflib import Dataset, URIRef

        for plugin in ("parsers.notation3", "parsers.ntriples", "sparql.processor"):
            import_module(f"rdflib.plugins.{plugin}")

        imported = peak_rss_mib()
        start = time.perf_counter()
        rdf = Dataset(default_union=True)
        rdf.graph(URIRef(graph_iri)).parse(str(path), format="turtle" if turtle else "nt", publicID=base)
        loaded = time.perf_counter()
        count = int(next(iter(rdf.query(QUERY)))[0])  # type: ignore[arg-type,index]
        triples = len(rdf)
    else:
        raise ValueError(f"unknown engine {engine!r}")
    queried = time.perf_counter()
    return {
        "load_s": loaded - start,
        "query_s": queried - loaded,
        "count": count,
        "triples_in_store": triples,
        "rss_after_imports_mib": imported,
        "peak_rss_mib": peak_rss_mib(),
    }


# ---------------------------------------------------------------------------
# The whole benchmark
# ---------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """Facts about this machine and the software measured."""
    cpu = platform.processor() or platform.machine()
    memory = None
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.exists():
        names = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), flags=re.MULTILINE)
        cpu = names[0] if names else cpu
    if meminfo.exists():
        total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), flags=re.MULTILINE)
        memory = round(int(total[1]) / 1024**2, 1) if total else None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gib": memory,
        "packages": {name: metadata.version(name) for name in ("pyoxigraph", "oxrdflib", "rdflib", "goalgraph")},
    }


def summarise(runs: list[dict[str, float | int]]) -> dict[str, Any]:
    return {
        "runs": len(runs),
        "load_s": statistics.median(float(run["load_s"]) for run in runs),
        "query_s": statistics.median(float(run["query_s"]) for run in runs),
        "peak_rss_mib": max(float(run["peak_rss_mib"]) for run in runs),
        "rss_after_imports_mib": max(float(run["rss_after_imports_mib"]) for run in runs),
        "count": int(runs[0]["count"]),
        "triples_in_store": int(runs[0]["triples_in_store"]),
        "all": runs,
    }


def bench_size(size: int, folder: Path, format: Format, runs: int | None, rdflib_all: bool) -> dict[str, Any]:
    path = folder / f"synthetic-{size}{SUFFIX[format]}"
    made = in_child(__file__, "--generate", str(size), "--path", str(path), "--format", format)
    organisations, triples, generated, base = (
        made["organisations"],
        made["triples"],
        made["generate_s"],
        made["base"],
    )
    file_bytes = path.stat().st_size
    repeat = runs or (3 if size <= REPEAT_LIMIT else 1)
    print(
        f"{triples:,} triples ({organisations:,} organisations, {file_bytes / 1e6:.1f} MB "
        f"{format}) generated in {generated:.2f} s; {repeat} run(s) per engine",
        file=sys.stderr,
    )

    engines: dict[str, Any] = {}
    skipped: list[str] = []
    for engine in ENGINES:
        if engine == "rdflib" and size > RDFLIB_LIMIT and not rdflib_all:
            skipped.append(engine)
            continue
        results = []
        for run in range(repeat):
            print(f"  {engine} run {run + 1}/{repeat} ...", end="", file=sys.stderr, flush=True)
            results.append(in_child(__file__, "--child", engine, "--path", str(path), "--base", base))
            print(f" {results[-1]['load_s']:.2f} s", file=sys.stderr)
        engines[engine] = summarise(results)
    path.unlink()

    counts = {engine: result["count"] for engine, result in engines.items()}
    if len(set(counts.values())) != 1:
        raise SystemExit(f"the engines disagree on the query's count: {counts}")
    return {
        "size": size,
        "triples": triples,
        "organisations": organisations,
        "format": format,
        "file_bytes": file_bytes,
        "generate_s": generated,
        "count": next(iter(counts.values())),
        "engines": engines,
        "skipped": skipped,
    }


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}×" if denominator else "n/a"


def table(results: list[dict[str, Any]]) -> str:
    """A Markdown table of the results, with ratios goalgraph/raw and rdflib/goalgraph."""
    lines = [
        "| triples | engine | load (s) | query (s) | peak RSS (MiB) | after imports (MiB) "
        "| load ratio | query ratio | RSS ratio |",
        "|--:|:--|--:|--:|--:|--:|:--|:--|:--|",
    ]
    versus = {"goalgraph": "raw", "rdflib": "goalgraph"}
    for result in results:
        engines = result["engines"]
        for engine in ENGINES:
            if engine not in engines:
                lines.append(f"| {result['triples']:,} | {engine} | skipped | | | | | | |")
                continue
            mine = engines[engine]
            cells = [
                f"{result['triples']:,}",
                engine,
                f"{mine['load_s']:.3f}",
                f"{mine['query_s']:.3f}",
                f"{mine['peak_rss_mib']:.0f}",
                f"{mine['rss_after_imports_mib']:.0f}",
            ]
            other = engines.get(versus.get(engine, ""))
            if other is None:
                cells += ["", "", ""]
            else:
                name = f" vs {versus[engine]}"
                cells += [
                    ratio(mine["load_s"], other["load_s"]) + name,
                    ratio(mine["query_s"], other["query_s"]) + name,
                    ratio(mine["peak_rss_mib"], other["peak_rss_mib"]) + name,
                ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default="10k,100k",
        help="comma-separated sizes in triples, such as 10000,100k,1M (default: 10k,100k)",
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--format", choices=["turtle", "ntriples"], default="turtle")
    parser.add_argument("--runs", type=int, help="runs per engine (default: 3 up to 200k triples, else 1)")
    parser.add_argument(
        "--rdflib-all",
        action="store_true",
        help=f"run rdflib above {RDFLIB_LIMIT:,} triples too (slow)",
    )
    # The child processes' modes.
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.generate:
        print(json.dumps(generate_child(args.generate, args.path, args.format)))
        return
    if args.child:
        print(json.dumps(run_child(args.child, args.path, args.base)))
        return

    results = []
    with tempfile.TemporaryDirectory(prefix="goalgraph-bench-") as folder:
        for size in args.sizes:
            results.append(bench_size(size, Path(folder), args.format, args.runs, args.rdflib_all))

    facts = machine()
    # Children inherit this process's peak as a floor (see the imports above); say if
    # that floor could have hidden any child's own peak.
    launcher = peak_rss_mib()
    lowest = min(engine["rss_after_imports_mib"] for result in results for engine in result["engines"].values())
    facts["launcher_peak_rss_mib"] = launcher
    print()
    print(f"Query: {' '.join(QUERY.split())}")
    print(
        f"Python {facts['python']} on {facts['cpus']} CPU(s) ({facts['cpu']}); "
        + ", ".join(f"{name} {version}" for name, version in facts["packages"].items())
    )
    print()
    print(table(results))
    print()
    for result in results:
        print(
            f"{result['triples']:,} triples: {result['organisations']:,} organisations, generated in "
            f"{result['generate_s']:.2f} s; the query counts {result['count']:,} in every engine"
        )
        if result["skipped"]:
            print(
                f"  skipped {', '.join(result['skipped'])}: above {RDFLIB_LIMIT:,} triples rdflib runs "
                "only with --rdflib-all"
            )
    print()
    if launcher < lowest:
        print(
            f"The launching process peaked at {launcher:.0f} MiB, less than any child after its imports "
            f"({lowest:.0f} MiB or more): the peaks above are the children's own."
        )
    else:
        print(f"WARNING: the launching process peaked at {launcher:.0f} MiB, so a child's peak may be its.")
    if args.json:
        report = {"machine": facts, "query": QUERY, "results": results}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
