"""What the benchmark scripts share: sizes, timing, child processes, reading results."""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import pyoxigraph as ox

# Only the standard library at import: bench_load.py's launcher must stay small, as
# children inherit its peak memory as the floor of their own.

T = TypeVar("T")

#: Debian's Chromium, which the browser benchmarks drive with Playwright (as the tests do),
#: and how they start it: headless, without the sandbox, and calling no Google service.
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def parse_sizes(text: str) -> list[int]:
    """Comma-separated sizes such as ``10000``, ``10_000``, ``10k`` or ``1M``, as ints."""
    sizes = []
    for size in text.split(","):
        match = re.fullmatch(r"\s*(\d[\d_]*)\s*([kKmM]?)\s*", size)
        if not match:
            raise argparse.ArgumentTypeError(f"not a size: {size!r}")
        number = int(match[1].replace("_", ""))
        sizes.append(number * {"": 1, "k": 1_000, "m": 1_000_000}[match[2].lower()])
    return sizes


def timed(action: Callable[[], T], runs: int) -> tuple[float, T]:
    """The median wall time of `runs` calls of `action`, and what the last call returned."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def in_child(script: str, *arguments: str) -> dict[str, Any]:
    """Run `script` with `arguments` in a fresh Python process; return the JSON it prints.

    A fresh process per measurement keeps imports, caches and peak memory apart.
    """
    done = subprocess.run([sys.executable, script, *arguments], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def read_raw(store: ox.Store, text: str) -> int:
    """Run `text` on `store` and read every value of every row, as a program would; the row count."""
    import pyoxigraph

    solutions = store.query(text, use_default_graph_as_union=True)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    names = solutions.variables
    count = 0
    for solution in solutions:
        for name in names:
            solution[name]
        count += 1
    return count
