"""How long an ArchiMate exchange file takes to import, and whether the time grows linearly.

Writes synthetic ArchiMate 3.1 exchange files of the given sizes (in MB) to a
temporary folder: a model of stakeholders, goals, outcomes, principles,
requirements and drivers (two elements in five) among business, application and
technology elements, each with a name, documentation and a property; influences,
realizations and associations between them, serving relationships between the
others; and a view with a node for every element. Each file is then imported in a
fresh Python process with ``goalgraph.importers.archimate.read_archimate``, and the
wall time, the statements and alignments read and the peak memory are reported,
with the time per MB so that a quadratic slow-down shows.

Then, for each two successive sizes, how much the time grew against how much the
file grew: linear is about the same factor, quadratic its square. The script fails
(exit status 1) if the time grew more than ``--max-growth`` (3 by default) times as
much as the file: eight times the file in more than 24 times the time. (This check
was a test, ``tests/interop/test_archimate.py``, until timing left the test suite.)

    python benchmarks/bench_import_archimate.py                 # 5 and 50 MB
    python benchmarks/bench_import_archimate.py --sizes 5,50,100 --json benchmarks/results/import-archimate.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

from common import in_child

_MOTIVATION = ("Goal", "Outcome", "Principle", "Requirement", "Driver")
_OTHER = ("BusinessProcess", "BusinessService", "ApplicationComponent", "Node", "BusinessActor", "DataObject")
# One element of each kind in turn: two in five are motivation elements, one in twenty a stakeholder.
_CYCLE = ("Stakeholder", *_MOTIVATION, *_OTHER, *_MOTIVATION[:3], *_OTHER)


def write_model(path: Path, megabytes: float) -> int:
    """Write a synthetic exchange file of about `megabytes` MB to `path`; return its element count."""
    target = int(megabytes * 1e6)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-model">\n'
            '  <name xml:lang="en">Synthetic enterprise</name>\n  <elements>\n'
        )
        # Each element costs about 0.7 kB over the file (element, relationship, view node).
        count = max(len(_CYCLE), target // 700)
        for i in range(count):
            kind = _CYCLE[i % len(_CYCLE)]
            out.write(
                f'    <element identifier="id-e{i}" xsi:type="{kind}">\n'
                f'      <name xml:lang="en">{kind} number {i}: keep the service reliable and affordable</name>\n'
                f'      <name xml:lang="da">{kind} nummer {i}: hold tjenesten pålidelig og billig</name>\n'
                f'      <documentation xml:lang="en">Why element {i} matters, in a sentence or two.</documentation>\n'
                '      <properties><property propertyDefinitionRef="pd-owner"><value>Strategy office</value>'
                "</property></properties>\n    </element>\n"
            )
        out.write("  </elements>\n  <relationships>\n")
        for i in range(count):
            kind = _CYCLE[i % len(_CYCLE)]
            target_index = (i * 7 + 3) % count
            if kind in _MOTIVATION:
                relation, modifier = ("Influence", ' modifier="+"') if i % 3 else ("Realization", "")
            elif kind == "Stakeholder":
                relation, modifier = "Association", ""
            else:
                relation, modifier = "Serving", ""
            out.write(
                f'    <relationship identifier="id-r{i}" source="id-e{i}" target="id-e{target_index}" '
                f'xsi:type="{relation}"{modifier} />\n'
            )
        out.write(
            '  </relationships>\n  <propertyDefinitions>\n    <propertyDefinition identifier="pd-owner" '
            'type="string"><name>owner</name></propertyDefinition>\n  </propertyDefinitions>\n'
            '  <views>\n    <diagrams>\n      <view identifier="id-view" xsi:type="Diagram">\n'
            '        <name xml:lang="en">Everything</name>\n'
        )
        for i in range(count):
            out.write(
                f'        <node identifier="id-n{i}" xsi:type="Element" elementRef="id-e{i}" '
                f'x="{i % 50 * 150}" y="{i // 50 * 80}" w="120" h="55" />\n'
            )
        out.write("      </view>\n    </diagrams>\n  </views>\n</model>\n")
    return count


def measure(path: str) -> None:
    """In the child process: import `path`, print the figures as JSON."""
    import resource
    import time

    from goalgraph.importers.archimate import read_archimate

    start = time.perf_counter()
    graph = read_archimate(path, base="https://w3id.org/goalgraph/id/", progress=lambda done, total: None)
    seconds = time.perf_counter() - start
    summary = graph.summary
    figures = {
        "seconds": seconds,
        "triples": len(graph),
        "statements": sum(summary.statements.values()),
        "alignments": summary.alignments,
        "skipped_elements": sum(summary.skipped_elements.values()),
        "skipped_relationships": sum(summary.skipped_relationships.values()),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(figures))


def growth(results: list[dict[str, float]]) -> list[dict[str, float]]:
    """For each two successive sizes: how many times the file and the time grew, and their quotient."""
    steps = []
    for small, large in itertools.pairwise(results):
        size_factor = large["megabytes"] / small["megabytes"]
        time_factor = large["seconds"] / small["seconds"]
        steps.append(
            {
                "from_mb": small["megabytes"],
                "to_mb": large["megabytes"],
                "size_factor": size_factor,
                "time_factor": time_factor,
                "excess": time_factor / size_factor,
            }
        )
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,50", help="file sizes in MB, comma-separated [5,50]")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--max-growth",
        type=float,
        default=3.0,
        help="fail if the time grows more than this many times as much as the file [3]",
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        measure(arguments.measure)
        return
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (float(s) for s in arguments.sizes.split(",")):
            path = Path(folder) / f"model-{size:g}MB.xml"
            elements = write_model(path, size)
            megabytes = path.stat().st_size / 1e6
            figures = in_child(__file__, "--measure", str(path))
            figures.update(megabytes=megabytes, elements=elements, seconds_per_mb=figures["seconds"] / megabytes)
            results.append(figures)
            print(
                f"{megabytes:6.1f} MB, {elements:,} elements: {figures['seconds']:.2f} s "
                f"({figures['seconds_per_mb'] * 1000:.0f} ms/MB), {figures['statements']:,} statements, "
                f"{figures['alignments']:,} alignments, {figures['triples']:,} triples, "
                f"peak {figures['peak_mib']:.0f} MiB",
                file=sys.stderr,
            )
    steps = growth(results)
    for step in steps:
        print(
            f"{step['from_mb']:.1f} → {step['to_mb']:.1f} MB: the file ×{step['size_factor']:.1f}, "
            f"the time ×{step['time_factor']:.1f} ({step['excess']:.2f} times as much; linear is 1)",
            file=sys.stderr,
        )
    if arguments.json:
        document = {"results": results, "growth": steps, "max_growth": arguments.max_growth}
        arguments.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    too_slow = [step for step in steps if step["excess"] > arguments.max_growth]
    if too_slow:
        sys.exit(f"the import time grew more than {arguments.max_growth:g} times as much as the file")


if __name__ == "__main__":
    main()
