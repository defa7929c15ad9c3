"""Throughput of `goalgraph serve` under many clients on loopback.

Starts the server on the bundled data (or a synthetic graph with ``--organisations``),
then runs CLIENTS threads that each send QUERIES queries over HTTP, and prints the
errors (there should be none), the throughput and the latency percentiles.

With ``--parsed``, each query carries a comment of its own with the word "from" in
it, so the endpoint's check parses every one with rdflib (see
``goalgraph.query_safety.needs_check``) instead of passing it unparsed: the cost of
the check when every query could call out.

Run: ``python benchmarks/bench_server.py [--clients 20] [--queries 50] [--parsed]``.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

GG = "PREFIX gg: <https://w3id.org/goalgraph/ontology#> "
QUERIES = [
    GG + "SELECT ?s ?t WHERE { ?s gg:text ?t } LIMIT 100",
    GG + "SELECT (COUNT(*) AS ?n) WHERE { ?s gg:supports+ ?t }",
    GG + "CONSTRUCT { ?a gg:supports ?b } WHERE { ?a gg:supports ?b }",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ask(url: str, query: str) -> tuple[bool, float]:
    start = time.perf_counter()
    try:
        address = url + "/sparql?" + urllib.parse.urlencode({"query": query})
        with urllib.request.urlopen(address, timeout=60) as response:
            response.read()
            ok = response.status == 200
    except (urllib.error.URLError, OSError):
        ok = False
    return ok, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--queries", type=int, default=50, help="queries per client")
    parser.add_argument("--organisations", type=int, default=0, help="serve a synthetic graph of this many")
    parser.add_argument("--parsed", action="store_true", help="make the endpoint parse every query")
    args = parser.parse_args()

    port = free_port()
    command = [sys.executable, "-m", "goalgraph", "serve", "--port", str(port)]
    with tempfile.TemporaryDirectory() as folder:
        if args.organisations:
            from goalgraph.synthetic import write_synthetic

            path = Path(folder) / "synthetic.ttl"
            triples = write_synthetic(path, args.organisations)
            command += ["--no-bundled", "--data", str(path)]
            print(f"serving a synthetic graph of {triples:,} triples")
        server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                if ask(url, "ASK {}")[0]:
                    break
                time.sleep(0.2)
            work = [QUERIES[i % len(QUERIES)] for i in range(args.clients * args.queries)]
            if args.parsed:
                work = [f"# query {i}, from the benchmark\n{query}" for i, query in enumerate(work)]
            start = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                results = list(pool.map(lambda q: ask(url, q), work))
            elapsed = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(10)
    errors = sum(not ok for ok, _ in results)
    latencies = sorted(seconds for _, seconds in results)
    print(f"{args.clients} clients × {args.queries} queries = {len(work)} queries in {elapsed:.1f} s")
    print(f"errors: {errors}")
    print(f"throughput: {len(work) / elapsed:.0f} queries/s")
    print(
        f"latency: median {statistics.median(latencies) * 1000:.0f} ms, "
        f"95th percentile {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
