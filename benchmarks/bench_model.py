"""Reading the model of a goal graph, against the readers it replaced.

goalgraph reads a goal graph once into one model (``goalgraph.model.read_model``:
organisations and their hierarchy, plans, statements with every text, alignments
of every kind, the vocabulary, datasets), which the analysis, the explorer, the
report, the CSV and GraphML exports and the suggestions all take. Before, each
read the graph its own way. For each size (in triples) the script writes a
synthetic goal graph (``goalgraph.synthetic``) and times, each in a fresh Python
process after the graph is loaded (the load is not timed):

- ``read_model``: ``goalgraph.model.read_model(graph)``;
- ``alignment_graph``: ``goalgraph.analysis.alignment_graph(graph)`` (now the
  model plus the networkx graph built from it);
- ``explorer``: ``goalgraph.explorer.facts.gather(graph)``, what the explorer
  page shows (now taken from the model);
- ``report``: ``goalgraph.report.facts.gather(graph, "en")``, what the report
  shows, the whole alignment analysis included (now from the model).

With ``--before SRC`` (the ``src`` folder of a checkout of the code before the
model, such as a git worktree of an earlier commit) the same readers are timed
with that code too (``PYTHONPATH=SRC``), the two runs of each reader one after
the other so that the machine's load is alike for both. The target: reading the
model costs no more than the slowest of the old readers.

Each figure is the median of 3 runs up to 200,000 triples, else of 1 (``--runs``).

Usage::

    python benchmarks/bench_model.py [--sizes 100k,1M] [--before /tmp/base/src] [--runs N] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import parse_sizes, timed

#: What is timed, in this order; ``read_model`` only exists after the change.
READERS = ("read_model", "alignment_graph", "explorer", "report")
REPEAT_LIMIT = 200_000
REPOSITORY = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------------------
# In a child process
# ---------------------------------------------------------------------------


def child(reader: str, path: Path, runs: int) -> dict[str, Any]:
    """Load `path`, then time `reader` on it; what the code it imported is, and the time."""
    import goalgraph

    graph = goalgraph.load([path], bundled=False)
    if reader == "read_model":
        from goalgraph.model import read_model

        seconds, model = timed(lambda: read_model(graph), runs)
        size = {"statements": len(model.statements), "alignments": len(model.alignments)}
    elif reader == "alignment_graph":
        from goalgraph.analysis import alignment_graph

        seconds, statements = timed(lambda: alignment_graph(graph), runs)
        size = {"statements": statements.number_of_nodes(), "alignments": statements.number_of_edges()}
    elif reader == "explorer":
        from goalgraph.explorer.facts import gather

        seconds, facts = timed(lambda: gather(graph), runs)
        size = {"statements": len(facts.statements), "alignments": len(facts.alignments)}
    else:
        from goalgraph.report.facts import gather as gather_report

        seconds, found = timed(lambda: gather_report(graph, "en"), runs)
        size = {"statements": len(found.statements), "alignments": found.analysis.graph.number_of_edges()}
    return {"s": seconds, "code": str(Path(goalgraph.__file__).parents[1]), **size}


# ---------------------------------------------------------------------------
# The whole benchmark
# ---------------------------------------------------------------------------


def run_child(reader: str, path: Path, runs: int, source: Path) -> dict[str, Any]:
    """Time `reader` in a fresh process that imports goalgraph from `source`."""
    environment = {**os.environ, "PYTHONPATH": str(source)}
    arguments = [sys.executable, __file__, "--child", reader, "--path", str(path), "--runs", str(runs)]
    done = subprocess.run(arguments, capture_output=True, text=True, check=False, env=environment)
    if done.returncode != 0:
        raise RuntimeError(f"{reader} with {source} failed:\n{done.stderr}")
    found: dict[str, Any] = json.loads(done.stdout)
    if Path(found["code"]).resolve() != source.resolve():
        raise RuntimeError(f"{reader} ran the code in {found['code']}, not in {source}")
    return found


def bench_size(size: int, folder: Path, runs: int | None, before: Path | None) -> dict[str, Any]:
    from goalgraph.synthetic import organisations_for_triples, write_synthetic

    path = folder / f"synthetic-{size}.ttl"
    organisations = organisations_for_triples(size)
    triples = write_synthetic(path, organisations)
    repeat = runs or (3 if size <= REPEAT_LIMIT else 1)
    print(f"{triples:,} triples ({organisations:,} organisations); {repeat} run(s) each", file=sys.stderr)
    result: dict[str, Any] = {"size": size, "triples": triples, "runs": repeat, "after": {}, "before": {}}
    for reader in READERS:
        for code, source in (("before", before), ("after", REPOSITORY / "src")):
            if source is None or (code == "before" and reader == "read_model"):
                continue
            print(f"  {reader}, {code} ...", end="", file=sys.stderr, flush=True)
            result[code][reader] = run_child(reader, path, repeat, source)
            print(f" {result[code][reader]['s']:.3f} s", file=sys.stderr)
    path.unlink()
    return result


def seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| triples | reader | before (s) | after (s) | after ÷ before |",
        "|--:|:--|--:|--:|--:|",
    ]
    for result in results:
        for reader in READERS:
            before = result["before"].get(reader, {}).get("s")
            after = result["after"].get(reader, {}).get("s")
            ratio = f"{after / before:.2f}×" if before and after else ""
            lines.append(f"| {result['triples']:,} | `{reader}` | {seconds(before)} | {seconds(after)} | {ratio} |")
    return "\n".join(lines)


def verdicts(results: list[dict[str, Any]]) -> list[str]:
    """Whether reading the model costs no more than the slowest of the old readers, per size."""
    said = []
    for result in results:
        old = {reader: found["s"] for reader, found in result["before"].items()}
        model = result["after"]["read_model"]["s"]
        if not old:
            continue
        slowest = max(old, key=lambda reader: old[reader])
        met = "met" if model <= old[slowest] else "NOT met"
        said.append(
            f"{result['triples']:,} triples: read_model {model:.3f} s, the slowest old reader "
            f"({slowest}) {old[slowest]:.3f} s: target {met}"
        )
    return said


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default="100k", help="sizes in triples (default 100k)")
    parser.add_argument("--before", type=Path, help="the src folder of the code to compare with")
    parser.add_argument("--runs", type=int, help="runs per measurement (default: 3 up to 200k triples, else 1)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--child", choices=READERS, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child, args.path, args.runs or 1)))
        return
    if args.before is not None and not (args.before / "goalgraph").is_dir():
        parser.error(f"{args.before} holds no goalgraph package")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="goalgraph-bench-model-") as folder:
        results = [bench_size(size, Path(folder), args.runs, args.before) for size in args.sizes]
    print()
    print("Reading a goal graph (median seconds, the load not counted):\n")
    print(table(results))
    for line in verdicts(results):
        print(f"\n{line}")
    print(f"\n({time.perf_counter() - started:.0f} s in all)")
    if args.json:
        args.json.write_text(json.dumps({"results": results}, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
