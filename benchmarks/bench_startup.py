"""How long `goalgraph --help` takes, against importing rdflib and pyoxigraph.

The command defers its heavy imports, so its help should answer well before the
libraries it uses could even be imported. Run: ``python benchmarks/bench_startup.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 15


def median_seconds(command: list[str]) -> float:
    subprocess.run(command, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    # The command beside this interpreter, so the benchmark measures this checkout's install.
    goalgraph = str(Path(sys.executable).with_name("goalgraph"))
    help_time = median_seconds([goalgraph, "--help"])
    import_time = median_seconds([sys.executable, "-c", "import rdflib, pyoxigraph"])
    print(f"goalgraph --help                        {help_time * 1000:6.0f} ms")
    print(f"python -c 'import rdflib, pyoxigraph'   {import_time * 1000:6.0f} ms")
    print(f"ratio                                   {help_time / import_time:6.2f}")


if __name__ == "__main__":
    main()
