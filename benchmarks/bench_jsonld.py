"""goalgraph's JSON-LD compaction against PyLD's, on synthetic goal graphs.

goalgraph writes compacted JSON-LD with a compactor of its own
(``goalgraph.export.jsonld``), written for its one context. PyLD is a general
JSON-LD 1.1 processor in Python. For each size (in triples) this script writes a
synthetic goal graph (``goalgraph.synthetic.write_synthetic``) and, in a fresh
Python process per measurement, loads it with ``goalgraph.load`` (not timed) and
writes the dataset (the ontology's graph too, as ``goalgraph export`` does) as
JSON-LD compacted with goalgraph's context, embedded:

- ``goalgraph``: ``goalgraph.export.export(dataset, "jsonld")``, what ``goalgraph
  export --format jsonld`` runs (the writer runs with Python's cyclic garbage
  collector paused, see ``goalgraph.memory``);
- ``pyld``: the same quads (``goalgraph.export.quads.dataset_quads``) turned into
  PyLD's RDF dataset form, ``pyld.jsonld.from_rdf`` (RDF to expanded JSON-LD),
  ``pyld.jsonld.compact`` with the same context, and ``json.dumps`` with the same
  indentation; the time of each step is reported too;
- ``pyld-nquads`` (only with ``--pyld-nquads``): the same, but PyLD reads the
  quads as N-Quads text with its own parser, which checks each new quad against
  every quad of its graph (quadratic: it is kept apart so that it does not hide
  the JSON-LD algorithms' own cost).

PyLD runs with the garbage collector paused too, so that both are measured alike.

Each measurement is given ``--timeout`` seconds (600 by default); one that takes
longer is stopped and reported as not finished in that time.

Both outputs are then read back with pyoxigraph's JSON-LD parser (a third,
independent processor) in a process of its own, and each must give exactly the
dataset's quads; the script stops if either does not.

Usage::

    python benchmarks/bench_jsonld.py [--sizes 100k,1M] [--timeout 600] [--json OUT.json] [--pyld-nquads]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from common import in_child, parse_sizes

ENGINES = ("goalgraph", "pyld")


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------------------
# In child processes
# ---------------------------------------------------------------------------


def generate_child(size: int, path: Path) -> dict[str, Any]:
    """Write a synthetic graph of at least `size` triples to `path` (N-Triples)."""
    from goalgraph.synthetic import organisations_for_triples, write_synthetic

    start = time.perf_counter()
    triples = write_synthetic(path, organisations_for_triples(size), format="ntriples")
    return {"triples": triples, "generate_s": time.perf_counter() - start}


def _pyld_dataset(quads: Any) -> dict[str, list[dict[str, Any]]]:
    """The quads in PyLD's RDF dataset form: graph name ("@default") → triples as dicts."""
    import pyoxigraph as ox

    def term(node: Any) -> dict[str, str]:
        if type(node) is ox.BlankNode:
            return {"type": "blank node", "value": "_:" + node.value}
        return {"type": "IRI", "value": node.value}

    dataset: dict[str, list[dict[str, Any]]] = {}
    for subject, predicate, obj, graph_name in quads:
        if type(obj) is ox.Literal:
            value = {"type": "literal", "value": obj.value, "datatype": obj.datatype.value}
            if obj.language:
                value["language"] = obj.language
        else:
            value = term(obj)
        name = "@default" if type(graph_name) is ox.DefaultGraph else term(graph_name)["value"]
        triple = {"subject": term(subject), "predicate": {"type": "IRI", "value": predicate.value}, "object": value}
        dataset.setdefault(name, []).append(triple)
    return dataset


def pyld_jsonld(dataset: Any, nquads: bool, steps: dict[str, float]) -> bytes:
    """The dataset as JSON-LD compacted by PyLD with goalgraph's context; each step's time into `steps`."""
    import pyoxigraph as ox
    from pyld import jsonld as pyld

    from goalgraph.export.context import context_definition
    from goalgraph.export.quads import dataset_quads

    start = time.perf_counter()

    def lap(step: str) -> None:
        steps[step] = time.perf_counter() - start - sum(steps.values())

    definition = context_definition()
    rdf: Any
    if nquads:
        quads = (ox.Quad(*quad) for quad in dataset_quads(dataset))
        rdf, options = (
            ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8"),
            {"format": "application/n-quads"},
        )
    else:
        rdf, options = _pyld_dataset(dataset_quads(dataset)), {}
    lap("to_pyld_s")
    expanded = pyld.from_rdf(rdf, options)
    del rdf
    lap("from_rdf_s")
    compacted = pyld.compact(expanded, {"@context": definition})
    del expanded
    lap("compact_s")
    data = (json.dumps(compacted, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    lap("dumps_s")
    return data


def run_child(engine: str, path: Path, out: Path) -> dict[str, Any]:
    """Load `path`, write it as compacted JSON-LD to `out` with `engine`; times and memory."""
    import pyld  # noqa: F401  (imported before the clock starts)

    import goalgraph.loading
    from goalgraph.export import export
    from goalgraph.memory import paused_gc

    dataset = goalgraph.load([path], bundled=False)
    quads_in_store = len(dataset.oxigraph)
    loaded = peak_rss_mib()
    steps: dict[str, float] = {}
    start = time.perf_counter()
    if engine == "goalgraph":
        data = export(dataset, "jsonld")
    else:
        with paused_gc():
            data = pyld_jsonld(dataset, engine == "pyld-nquads", steps)
    seconds = time.perf_counter() - start
    out.write_bytes(data)
    return {
        "seconds": seconds,
        "steps": steps,
        "bytes": len(data),
        "quads_in_store": quads_in_store,
        "rss_after_load_mib": loaded,
        "peak_rss_mib": peak_rss_mib(),
    }


def check_child(path: Path, outputs: list[Path]) -> dict[str, Any]:
    """Whether each output, read by pyoxigraph, gives exactly the quads of the dataset loaded from `path`."""
    import pyoxigraph as ox

    import goalgraph.loading

    def canonical(quads: Any) -> ox.Dataset:
        found = ox.Dataset(quads)
        if any(type(q.subject) is ox.BlankNode or type(q.object) is ox.BlankNode for q in found):
            found.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        return found

    expected = canonical(goalgraph.load([path], bundled=False).oxigraph.quads_for_pattern(None, None, None, None))
    verdicts = {}
    for output in outputs:
        with output.open("rb") as data:
            read = canonical(ox.parse(data, format=ox.RdfFormat.JSON_LD))
        verdicts[output.name] = {"same": read == expected, "quads": len(read)}
    return {"expected_quads": len(expected), "outputs": verdicts}


# ---------------------------------------------------------------------------
# The whole benchmark
# ---------------------------------------------------------------------------


def in_child_within(seconds: float, *arguments: str) -> dict[str, Any] | None:
    """Like :func:`common.in_child`, but None if the child takes longer than `seconds`."""
    try:
        done = subprocess.run(
            [sys.executable, __file__, *arguments], capture_output=True, text=True, check=False, timeout=seconds
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def bench_size(size: int, folder: Path, engines: list[str], timeout: float) -> dict[str, Any]:
    path = folder / f"synthetic-{size}.nt"
    made = in_child(__file__, "--generate", str(size), "--path", str(path))
    print(f"{made['triples']:,} triples generated in {made['generate_s']:.1f} s", file=sys.stderr)
    results: dict[str, Any] = {}
    outputs = []
    for engine in engines:
        out = folder / f"{engine}-{size}.jsonld"
        print(f"  {engine} ...", end="", file=sys.stderr, flush=True)
        result = in_child_within(timeout, "--child", engine, "--path", str(path), "--out", str(out))
        if result is None:
            print(f" did not finish in {timeout:g} s", file=sys.stderr)
            results[engine] = {"finished": False, "timeout_s": timeout}
            continue
        print(f" {result['seconds']:.2f} s, {result['bytes'] / 1e6:.1f} MB", file=sys.stderr)
        results[engine] = {"finished": True, **result}
        outputs.append(out)
    checked = in_child(__file__, "--check", str(path), *map(str, outputs))
    wrong = [name for name, verdict in checked["outputs"].items() if not verdict["same"]]
    if wrong:
        raise SystemExit(f"{', '.join(wrong)} do not give the dataset's quads: {checked}")
    print(f"  every output reads back as the dataset's {checked['expected_quads']:,} quads", file=sys.stderr)
    for file in (path, *outputs):
        file.unlink()
    return {"size": size, "triples": made["triples"], "engines": results, "check": checked}


def table(results: list[dict[str, Any]], engines: list[str]) -> str:
    """A Markdown table: per size and engine, the time, the ratio to goalgraph, the output and peak memory."""
    lines = [
        "| triples | engine | seconds | ÷ goalgraph | from_rdf / compact (s) | output (MB) | peak RSS (MiB) |",
        "|--:|:--|--:|--:|:--|--:|--:|",
    ]
    for result in results:
        ours = result["engines"].get("goalgraph", {})
        for engine in engines:
            mine = result["engines"][engine]
            if not mine["finished"]:
                lines.append(f"| {result['quads']:,} | {engine} | did not finish in {mine['timeout_s']:g} s | | | | |")
                continue
            ratio = f"{mine['seconds'] / ours['seconds']:.1f}×" if ours.get("finished") else ""
            steps = mine["steps"]
            parts = f"{steps['from_rdf_s']:.1f} / {steps['compact_s']:.1f}" if steps else ""
            lines.append(
                f"| {result['quads']:,} | {engine} | {mine['seconds']:.2f} | {ratio} | {parts} "
                f"| {mine['bytes'] / 1e6:.1f} | {mine['peak_rss_mib']:.0f} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("100k,1M"), help="triples [100k,1M]")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per measurement [600]")
    parser.add_argument("--pyld-nquads", action="store_true", help="also PyLD reading N-Quads with its own parser")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--check", nargs="+", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.generate:
        print(json.dumps(generate_child(arguments.generate, arguments.path)))
        return
    if arguments.child:
        print(json.dumps(run_child(arguments.child, arguments.path, arguments.out)))
        return
    if arguments.check:
        print(json.dumps(check_child(arguments.check[0], arguments.check[1:])))
        return

    engines = [*ENGINES, "pyld-nquads"] if arguments.pyld_nquads else list(ENGINES)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in arguments.sizes:
            result = bench_size(size, Path(folder), engines, arguments.timeout)
            result["quads"] = result["check"]["expected_quads"]
            results.append(result)
    print(table(results, engines))
    if arguments.json:
        packages = {name: metadata.version(name) for name in ("pyld", "pyoxigraph", "goalgraph")}
        document = {"packages": packages, "timeout_s": arguments.timeout, "results": results}
        arguments.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
