"""Achievement at scale: ``progress``, ``what_if`` and ``conflicts`` against ``stats``, at 100k and 1M triples.

For each size the synthetic graph (``goalgraph.synthetic.write_synthetic`` with
``results_periods``, 10 by default: an indicator per objective with a target and an
actual result for each of 10 years, weights, verdicts and a hindering link in every
tenth organisation) is written once, as Turtle, then measured two ways:

- **the Python API**, in a fresh process after the graph is loaded (the load is
  not timed): ``goalgraph.stats(dataset)`` (the yardstick), ``read_model``,
  ``progress(model)``, ``progress(dataset)`` (the model read again inside),
  ``Achievement.to_dict`` with ``json.dumps`` (what ``--format json`` writes),
  ``what_if(model, miss=[...])`` (the top organisation's first objective) and
  ``conflicts(model)``; each the median of ``--runs`` runs, with the process's
  peak RSS;
- **the command**, as a user runs it, each in a fresh process (wall time around
  the process, load included; peak RSS from ``os.wait4``): ``goalgraph stats``,
  ``goalgraph progress --format json`` and ``goalgraph whatif --miss ... --format
  json``.

Every time is also given as a multiple of ``stats`` of the same run and kind.

Run: ``python benchmarks/bench_progress.py [--sizes 100k,1M] [--periods 10]
[--folder /tmp/gg-scale] [--json FILE]``. With ``--folder`` the graphs are kept
there (and reused when already written with the same size and periods).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench_commands import run_once
from common import parse_sizes, timed

HERE = Path(__file__).resolve().parents[1]
#: The statement the what-if misses: the first objective of the top organisation.
MISSED = "SYN-0-G1-O1"
#: name -> the command's arguments (the data options are added).
COMMANDS: dict[str, list[str]] = {
    "stats": ["stats"],
    "progress --format json": ["progress", "--format", "json"],
    "whatif --format json": ["whatif", "--miss", MISSED, "--format", "json"],
}


def graph_file(size: int, periods: int, folder: Path) -> tuple[Path, int, int]:
    """The smallest synthetic graph with results of at least `size` triples: path, triples, organisations.

    Written in a child process (so this one stays small); reused if already there.
    """
    path = folder / f"synthetic-results-{periods}-{size}.ttl"
    code = (
        "import os, sys; from goalgraph.synthetic import organisations_for_triples, synthetic_counts, write_synthetic; "
        "path, size, periods = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]); "
        "n = organisations_for_triples(size, results_periods=periods); "
        "triples = synthetic_counts(n, results_periods=periods).triples if os.path.exists(path) "
        "else write_synthetic(path, n, results_periods=periods); "
        "print(triples, n)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), str(size), str(periods)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(HERE / "src")},
    )
    triples, organisations = map(int, done.stdout.split())
    return path, triples, organisations


# ---------------------------------------------------------------------------
# In a child process
# ---------------------------------------------------------------------------


def child(path: Path, runs: int) -> dict[str, Any]:
    """Load `path` and time the API calls on it; seconds per call, counts, and peak RSS."""
    import goalgraph
    from goalgraph.achievement import conflicts

    dataset = goalgraph.load([path], bundled=False)
    seconds: dict[str, float] = {}
    seconds["stats"], _ = timed(lambda: goalgraph.stats(dataset), runs)
    seconds["read_model"], model = timed(lambda: goalgraph.read_model(dataset), runs)
    seconds["progress(model)"], found = timed(lambda: goalgraph.progress(model), runs)
    seconds["progress(dataset)"], _ = timed(lambda: goalgraph.progress(dataset), runs)
    seconds["to_dict + json"], text = timed(lambda: json.dumps(found.to_dict(), ensure_ascii=False, indent=2), runs)
    seconds["what_if"], changed = timed(lambda: goalgraph.what_if(model, miss=[MISSED]), runs)
    seconds["conflicts"], found_conflicts = timed(lambda: conflicts(model), runs)
    statuses: dict[str, int] = {}
    for row in found.indicators:
        statuses[row.status] = statuses.get(row.status, 0) + 1
    return {
        "seconds": {name: round(value, 4) for name, value in seconds.items()},
        "indicators": len(model.indicators),
        "results": len(model.results),
        "rows": len(found.indicators),
        "statuses": statuses,
        "statements with data": sum(1 for s in found.statements.values() if s.score is not None),
        "json (MB)": round(len(text.encode("utf-8")) / 1e6, 2),
        "what_if changes": len(changed.changes),
        "conflicts": len(found_conflicts),
        "peak RSS (MiB)": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


# ---------------------------------------------------------------------------
# The launcher
# ---------------------------------------------------------------------------


def api(path: Path, runs: int) -> dict[str, Any]:
    """:func:`child` in a fresh process."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--runs", str(runs)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(HERE / "src")},
    )
    if done.returncode != 0:
        raise SystemExit(f"the API run failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def commands(path: Path, folder: Path) -> dict[str, dict[str, float]]:
    """Each of :data:`COMMANDS` once, as a user runs it: seconds and peak RSS."""
    found = {}
    for name, arguments in COMMANDS.items():
        seconds, peak, status = run_once(HERE, [*arguments, "--no-bundled", "--data", str(path)], folder / "out")
        if status != 0:
            raise SystemExit(f"goalgraph {' '.join(arguments)} failed (exit {status})")
        found[name] = {"seconds": round(seconds, 2), "peak RSS (MiB)": round(peak)}
        print(f"  {name}: {seconds:.2f} s, {peak:.0f} MiB", file=sys.stderr, flush=True)
    return found


def measure(size: int, periods: int, folder: Path, runs: int) -> dict[str, Any]:
    path, triples, organisations = graph_file(size, periods, folder)
    print(f"{triples:,} triples ({organisations:,} organisations): {path}", file=sys.stderr, flush=True)
    found = api(path, runs)
    print(f"  API: {json.dumps(found['seconds'])}", file=sys.stderr, flush=True)
    return {
        "triples": triples,
        "organisations": organisations,
        "periods": periods,
        "file (MB)": round(path.stat().st_size / 1e6, 1),
        "api": found,
        "commands": commands(path, folder),
    }


def table(rows: list[dict[str, Any]]) -> str:
    """The rows as Markdown: each call's seconds and its multiple of ``stats``."""
    lines = [
        "| triples | what | seconds | ÷ stats | peak RSS (MiB) |",
        "|--:|:--|--:|--:|--:|",
    ]
    for row in rows:
        seconds = row["api"]["seconds"]
        for name, value in seconds.items():
            ratio = "" if name == "stats" else f"{value / seconds['stats']:.1f}×"
            lines.append(f"| {row['triples']:,} | API {name} | {value:.3f} | {ratio} | |")
        lines.append(f"| {row['triples']:,} | API process peak | | | {row['api']['peak RSS (MiB)']} |")
        found = row["commands"]
        for name, value in found.items():
            ratio = "" if name == "stats" else f"{value['seconds'] / found['stats']['seconds']:.1f}×"
            peak = value["peak RSS (MiB)"]
            lines.append(f"| {row['triples']:,} | `goalgraph {name}` | {value['seconds']:.2f} | {ratio} | {peak} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("100k,1M"), help="triples")
    parser.add_argument("--periods", type=int, default=10, help="years of results per indicator")
    parser.add_argument("--folder", type=Path, help="keep the graphs here (default: a temporary folder)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each API call (the median is reported)")
    parser.add_argument("--json", type=Path, help="write the rows here too")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(child(options.child, options.runs)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for size in options.sizes:
            rows.append(measure(size, options.periods, folder, options.runs))
    print(table(rows))
    print()
    for row in rows:
        api_found = row["api"]
        print(
            f"{row['triples']:,} triples, {row['organisations']:,} organisations, {row['file (MB)']} MB: "
            f"{api_found['indicators']:,} indicators, {api_found['results']:,} results, {api_found['rows']:,} rows "
            f"{api_found['statuses']}, {api_found['statements with data']:,} statements with a status, "
            f"JSON {api_found['json (MB)']} MB, what-if changes {api_found['what_if changes']}, "
            f"conflicts {api_found['conflicts']}"
        )
    if options.json:
        options.json.write_text(json.dumps({"results": rows}, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
