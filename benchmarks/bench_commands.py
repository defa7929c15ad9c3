"""Every command's wall time and peak memory, for this checkout and an earlier one, in the same run.

A refactoring should cost users nothing. This script runs the command line on the
same synthetic goal graph with two source trees (``--before``, for example a git
worktree of the previous commit, and this checkout) and reports each command's time
and peak RSS side by side, with the ratio after ÷ before.

For each size (in triples) the graph is the smallest synthetic graph
(``goalgraph.synthetic.write_synthetic``) with at least that many triples, written
once to a temporary folder as Turtle. Each command runs as
``python -c "from goalgraph.cli import main; main()" COMMAND --no-bundled --data FILE ...``
in a fresh process with ``PYTHONPATH`` set to the tree's ``src`` folder, so nothing
is shared between runs but the file. Wall time is measured around the process
(so it includes start-up and loading, as a user waits for it); peak RSS is the
child's ``ru_maxrss`` from ``os.wait4``. Each figure is the median of ``--runs``
runs (the two trees alternate, so drift on the machine falls on both alike).

Usage::

    git worktree add /tmp/before HEAD~1
    python benchmarks/bench_commands.py --before /tmp/before --sizes 100k,1M --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import parse_sizes

HERE = Path(__file__).resolve().parents[1]
RUN = "import sys; from goalgraph.cli import main; sys.argv[0] = 'goalgraph'; main()"

#: name -> the command's arguments; ``{out}`` is a fresh output folder of the run.
COMMANDS: dict[str, list[str]] = {
    "stats": ["stats"],
    "query orphans": ["query", "orphans", "--format", "csv"],
    "query coverage": ["query", "coverage", "--format", "csv"],
    "analyse": ["analyse", "--format", "json"],
    "validate": ["validate"],
    "explore": ["explore", "-o", "{out}/explorer.html"],
    "report": ["report", "-o", "{out}/report.html"],
    "export turtle": ["export", "--format", "turtle", "-o", "{out}/graph.ttl"],
    "export jsonld": ["export", "--format", "jsonld", "-o", "{out}/graph.jsonld"],
    "export csv": ["export", "--format", "csv", "-o", "{out}/csv"],
    "export graphml": ["export", "--format", "graphml", "-o", "{out}/graph.graphml"],
    "suggest": ["suggest", "--format", "turtle"],
}


def graph_file(size: int, folder: Path) -> tuple[Path, int]:
    """Write the smallest synthetic graph of at least `size` triples; its path and triple count."""
    path = folder / f"synthetic-{size}.ttl"
    code = (
        "import sys; from goalgraph.synthetic import organisations_for_triples, write_synthetic; "
        "print(write_synthetic(sys.argv[1], organisations_for_triples(int(sys.argv[2]))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), str(size)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(HERE / "src")},
    )
    return path, int(done.stdout)


def run_once(tree: Path, arguments: list[str], out: Path) -> tuple[float, float, int]:
    """Run the command once with `tree`'s goalgraph; wall seconds, peak RSS (MiB) and exit status."""
    out.mkdir(parents=True, exist_ok=True)
    argv = [a.replace("{out}", str(out)) for a in arguments]
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "GOALGRAPH_STORE": "", "GOALGRAPH_ENDPOINT": ""}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", RUN, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    assert process.stderr is not None
    process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def measure(trees: dict[str, Path], commands: dict[str, list[str]], data: Path, runs: int) -> list[dict[str, Any]]:
    """Each command on each tree, `runs` times alternating trees; medians per (command, tree)."""
    rows = []
    for name, arguments in commands.items():
        full = [*arguments, "--no-bundled", "--data", str(data)]
        times: dict[str, list[float]] = {label: [] for label in trees}
        peaks: dict[str, float] = dict.fromkeys(trees, 0.0)
        statuses: dict[str, int] = {}
        for _ in range(runs):
            for label, tree in trees.items():
                with tempfile.TemporaryDirectory() as out:
                    seconds, peak, status = run_once(tree, full, Path(out))
                times[label].append(seconds)
                peaks[label] = max(peaks[label], peak)
                statuses[label] = status
        row: dict[str, Any] = {"command": name}
        for label in trees:
            row[f"{label} (s)"] = round(statistics.median(times[label]), 3)
            row[f"{label} peak (MiB)"] = round(peaks[label])
            row[f"{label} exit"] = statuses[label]
        if len(trees) == 2:
            before, after = trees
            row["time ratio"] = round(row[f"{after} (s)"] / row[f"{before} (s)"], 2)
            row["memory ratio"] = round(row[f"{after} peak (MiB)"] / max(row[f"{before} peak (MiB)"], 1), 2)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("100k"), help="triples, e.g. 100k,1M")
    parser.add_argument("--before", type=Path, help="an earlier checkout (its src/ is used)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--commands", help="comma-separated names of COMMANDS (default: all)")
    parser.add_argument("--json", type=Path, help="write the rows here too")
    options = parser.parse_args()
    trees = {"before": options.before.resolve(), "after": HERE} if options.before else {"after": HERE}
    commands = COMMANDS
    if options.commands:
        commands = {name: COMMANDS[name] for name in options.commands.split(",")}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            data, triples = graph_file(size, Path(folder))
            for row in measure(trees, commands, data, options.runs):
                results.append({"triples": triples, **row})
    columns = list(results[0]) if results else []
    print("| " + " | ".join(columns) + " |")
    print("|" + "|".join("--:" if c != "command" else ":--" for c in columns) + "|")
    for row in results:
        print("| " + " | ".join(f"{row[c]:,}" if isinstance(row[c], int) else str(row[c]) for c in columns) + " |")
    if options.json:
        options.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
