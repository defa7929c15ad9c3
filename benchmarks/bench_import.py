"""How long importing other formats takes: a real StratML plan, and generated ones up to ~50 MB.

Each format has a function ``bench_FORMAT(sizes) -> list of rows``; ``main`` runs the
ones asked for and prints a table. The generated files double in size, so a linear
import shows as a constant time per MB.

Run: ``python benchmarks/bench_import.py [--formats stratml] [--sizes 3,12,50] [--real FILE.xml]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHARED_STRATML = Path(__file__).resolve().parents[2] / "shared" / "interop" / "stratml" / "HHISAP2025.xml"


def write_stratml(path: Path, megabytes: float) -> int:
    """A synthetic StratML Part 2 document of about `megabytes` MB; returns the number of goals."""
    goal_template = """    <Goal>
      <Name>Goal {g}</Name>
      <Description>Make district {g} safer, cleaner and better connected by the end of the period.</Description>
      <Identifier>_goal-{g}</Identifier>
      <SequenceIndicator>{g}</SequenceIndicator>
      <Stakeholder StakeholderTypeType="Organization"><Name>District council {g}</Name><Description/>
        <Role><Name>Partner</Name><Description>Works on it</Description><RoleType>Performer</RoleType></Role>
      </Stakeholder>
      <OtherInformation>Agreed with the residents of district {g} at the annual meeting.</OtherInformation>
{objectives}    </Goal>
"""
    objective_template = """      <Objective>
        <Name>Objective {g}.{o}</Name>
        <Description>Reach the agreed level for measure {o} in district {g}.</Description>
        <Identifier>_objective-{g}-{o}</Identifier>
        <SequenceIndicator>{g}.{o}</SequenceIndicator>
        <PerformanceIndicator ValueChainStage="Outcome" PerformanceIndicatorType="Quantitative">
          <SequenceIndicator>{g}.{o}.1</SequenceIndicator>
          <MeasurementDimension>Measure {o} in district {g}</MeasurementDimension>
          <UnitOfMeasurement>Number</UnitOfMeasurement>
          <Identifier>_indicator-{g}-{o}</Identifier>
          <Relationship><Identifier>_relationship-{g}-{o}</Identifier><ReferentIdentifier>_goal-1</ReferentIdentifier></Relationship>
          <MeasurementInstance>
            <TargetResult><StartDate>2024-01-01</StartDate><EndDate>2024-12-31</EndDate><NumberOfUnits>{o}0</NumberOfUnits></TargetResult>
            <ActualResult><StartDate>2024-01-01</StartDate><EndDate>2024-12-31</EndDate><NumberOfUnits>{o}1</NumberOfUnits>
              <Descriptor><DescriptorName>Status</DescriptorName><DescriptorValue>Met</DescriptorValue></Descriptor>
              <Description>Reached in the autumn.</Description></ActualResult>
          </MeasurementInstance>
        </PerformanceIndicator>
      </Objective>
"""
    head = """<?xml version="1.0" encoding="UTF-8"?>
<PerformancePlanOrReport xmlns="urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport" Type="Performance_Report">
  <Name>Synthetic city performance report</Name>
  <StrategicPlanCore>
    <Organization><Name>Synthetic City</Name></Organization>
    <Mission><Description>We serve the city.</Description></Mission>
"""
    tail = """  </StrategicPlanCore>
  <AdministrativeInformation><StartDate>2024-01-01</StartDate><EndDate>2024-12-31</EndDate>
    <Source>https://example.org/synthetic-city/report</Source></AdministrativeInformation>
</PerformancePlanOrReport>
"""
    target = int(megabytes * 1_000_000)
    goals = 0
    with path.open("w", encoding="utf-8") as file:
        file.write(head)
        written = len(head)
        while written < target:
            goals += 1
            objectives = "".join(objective_template.format(g=goals, o=o) for o in range(1, 6))
            block = goal_template.format(g=goals, objectives=objectives)
            file.write(block)
            written += len(block)
        file.write(tail)
    return goals


def bench_stratml(sizes: list[float], real: Path | None = SHARED_STRATML) -> list[dict[str, Any]]:
    """Import a real StratML file and generated ones of `sizes` MB; time, triples, MB/s."""
    from goalgraph.importers.stratml import read_stratml

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        files = [(real.name, real)] if real is not None and real.is_file() else []
        for size in sizes:
            path = Path(folder) / f"synthetic-{size:g}MB.xml"
            write_stratml(path, size)
            files.append((path.name, path))
        for name, path in files:
            start = time.perf_counter()
            graph = read_stratml(path, base="https://w3id.org/goalgraph/id/")
            seconds = time.perf_counter() - start
            megabytes = path.stat().st_size / 1e6
            rows.append({"format": "stratml", "file": name, "MB": megabytes, "triples": len(graph),
                         "seconds": seconds, "MB/s": megabytes / seconds})  # fmt: skip
    return rows


def bench_archimate(sizes: list[float]) -> list[dict[str, Any]]:
    """Import generated ArchiMate exchange files of `sizes` MB (see bench_import_archimate.py)."""
    from bench_import_archimate import write_model
    from goalgraph.importers.archimate import read_archimate

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"synthetic-{size:g}MB.xml"
            write_model(path, size)
            start = time.perf_counter()
            graph = read_archimate(path, base="https://w3id.org/goalgraph/id/", progress=lambda done, total: None)
            seconds = time.perf_counter() - start
            megabytes = path.stat().st_size / 1e6
            rows.append({"format": "archimate", "file": path.name, "MB": megabytes, "triples": len(graph),
                         "seconds": seconds, "MB/s": megabytes / seconds})  # fmt: skip
    return rows


BENCHMARKS: dict[str, Callable[[list[float]], list[dict[str, Any]]]] = {
    "stratml": bench_stratml,
    "archimate": bench_archimate,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default=",".join(BENCHMARKS), help="comma-separated: " + ", ".join(BENCHMARKS))
    parser.add_argument("--sizes", default="3,12,50", help="generated file sizes in MB, comma-separated")
    arguments = parser.parse_args()
    sizes = [float(s) for s in arguments.sizes.split(",")]
    print(f"{'format':9} {'file':28} {'MB':>7} {'triples':>10} {'seconds':>8} {'MB/s':>6}")
    for name in arguments.formats.split(","):
        for row in BENCHMARKS[name](sizes):
            print(f"{row['format']:9} {row['file']:28} {row['MB']:7.2f} {row['triples']:10,} "
                  f"{row['seconds']:8.2f} {row['MB/s']:6.2f}")  # fmt: skip
            sys.stdout.flush()


if __name__ == "__main__":
    main()
