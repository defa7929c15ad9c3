"""How long a large YAML authoring file takes to import, at two sizes: linear or not.

Writes synthetic authoring files (organisations, plans, statements with Danish and
English texts, curated alignments between them) of about 5 and 50 MB, then times
``read_yaml`` (parse and convert) and ``goalgraph.load`` (which also puts the graph
into Oxigraph) on each, each in a fresh process. Run:
``python benchmarks/bench_authoring.py [--sizes 5,50] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_WORDS = [
    *("tryghed", "sikkerhed", "kvalitet", "effektiv", "sagsbehandling", "borgere", "samarbejde"),
    *("digitalisering", "kriminalitet", "forebyggelse", "retssikkerhed", "åbenhed", "ansvar", "indsats"),
    *("færre", "hurtigere", "bedre", "styrket", "koncern", "udvikling"),
]


def write_file(path: Path, megabytes: float) -> int:
    """Write an authoring file of about `megabytes` MB; return its number of statements."""
    target = megabytes * 1_000_000
    with path.open("w", encoding="utf-8") as out:
        out.write("curator: agent/goalgraph\norganisations:\n")
        organisations = max(1, int(megabytes * 4))
        for o in range(organisations):
            out.write(f"  - id: bench/org-{o}\n    type: PublicOrganisation\n    name: {{da: Myndighed {o}}}\n")
        out.write("plans:\n")
        for o in range(organisations):
            out.write(
                f"  - identifier: P{o}\n    type: Strategy\n    title: {{da: Strategi {o}}}\n"
                f"    holder: bench/org-{o}\n    year: 2024\n    source: https://example.org/strategy/{o}\n"
            )
        out.write("statements:\n")
        n = 0
        while out.tell() < target * 0.7:
            words = " ".join(_WORDS[(n * 7 + k * 3) % len(_WORDS)] for k in range(6))
            out.write(
                f"  - identifier: S{n}\n    type: {'Goal' if n % 5 == 0 else 'Objective'}\n"
                f"    plan: P{n % organisations}\n"
                f"    text: {{da: 'Mål {n}: {words}'}}\n"
                f"    translation: {{en: 'Goal {n}: the English of {words}'}}\n"
            )
            n += 1
        out.write("alignments:\n")
        a = 0
        while out.tell() < target and a + 1 < n:
            a += 1
            source, goal = a, (a // 5) * 5
            if source == goal:
                continue
            out.write(
                f"  - from: S{source}\n    to: S{goal}\n    kind: curated\n    strength: moderate\n"
                f"    rationale: {{en: 'objective {source} serves goal {goal}'}}\n"
            )
    return n


_MEASURE = """
import json, sys, time
import goalgraph
from goalgraph.importers.authoring import read_yaml
path, what = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if what == "read":
    size = len(read_yaml(path, base="https://w3id.org/goalgraph/id/", progress=False))
else:
    size = len(goalgraph.load([path], bundled=False).oxigraph)
print(json.dumps({"seconds": time.perf_counter() - start, "triples": size}))
"""


def measure(path: Path, what: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), what], capture_output=True, text=True, check=True
    )
    return dict(json.loads(result.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="5,50", help="file sizes in MB, comma-separated")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-authoring-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in [float(s) for s in args.sizes.split(",")]:
        path = folder / f"authoring-{size:g}mb.yaml"
        statements = write_file(path, size)
        megabytes = path.stat().st_size / 1e6
        read = measure(path, "read")
        loaded = measure(path, "load")
        rows.append((megabytes, statements, read, loaded))
        print(
            f"{megabytes:6.1f} MB  {statements:>8,} statements  {read['triples']:>10,.0f} triples  "
            f"read_yaml {read['seconds']:6.1f} s ({megabytes / read['seconds']:.2f} MB/s)  "
            f"load {loaded['seconds']:6.1f} s",
            flush=True,
        )
    if len(rows) > 1:
        (small, _, small_read, _), (large, _, large_read, _) = rows[0], rows[-1]
        ratio = (large_read["seconds"] / small_read["seconds"]) / (large / small)
        print(f"time per MB, largest against smallest: {ratio:.2f}× (1.00 = linear)")


if __name__ == "__main__":
    main()
