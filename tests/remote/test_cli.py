"""The command line against a real Virtuoso: `goalgraph push`, then every command with --endpoint.

The commands find the goal graph by looking at every graph the endpoint holds, so
this module has a Virtuoso of its own, holding only what its tests push.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from goalgraph.loading import GoalDataset
from goalgraph.remote import Endpoint

from ..test_cli import goalgraph
from .conftest import writer
from .virtuoso import DBA, Virtuoso, installed, running_virtuoso

USER, PASSWORD = DBA
#: The password as the environment gives it.
WITH_PASSWORD = {"GOALGRAPH_PASSWORD": PASSWORD}
GG = "https://w3id.org/goalgraph/ontology#"
ID = "https://w3id.org/goalgraph/id/"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A Virtuoso for this module alone (the session's holds other tests' graphs too)."""
    if not installed():
        if os.environ.get("CI"):
            pytest.fail("Virtuoso is not installed: .ci/run (scripts/setup) must apt-get install virtuoso-opensource")
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso-cli")) as running:
        yield running


def push_command(server: Virtuoso, *more: str, graph_store: bool = True) -> list[str]:
    """`goalgraph push` into `server` as its dba, with or without the Graph Store Protocol."""
    through = ["--graph-store", server.graph_store] if graph_store else []
    updates = ["--update-endpoint", server.sparql_auth]
    return ["push", "--endpoint", server.sparql, *updates, "--user", USER, *through, *more]


def graph_sizes(server: Virtuoso) -> dict[str, int]:
    """How many triples each of goalgraph's graphs holds in `server` (Virtuoso's own graphs left out)."""
    query = (
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        'FILTER (STRSTARTS(STR(?g), "https://w3id.org/goalgraph/") || STRSTARTS(STR(?g), "urn:goalgraph:")) } '
        "GROUP BY ?g"
    )
    _, body = Endpoint(server.sparql, retries=0).query(query, "application/sparql-results+json")
    rows = json.loads(body)["results"]["bindings"]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def local_sizes(dataset: GoalDataset) -> dict[str, int]:
    store = dataset.oxigraph
    return {graph.value: len(list(store.quads_for_pattern(None, None, None, graph))) for graph in store.named_graphs()}


@pytest.fixture(scope="module")
def pushed(server: Virtuoso) -> CompletedProcess[str]:
    """The bundled dataset pushed through the Graph Store Protocol, the password from the environment."""
    result = goalgraph(*push_command(server), env=WITH_PASSWORD)
    assert result.returncode == 0, result.stderr
    return result


def test_push_through_the_graph_store_protocol(
    pushed: CompletedProcess[str], server: Virtuoso, bundled: GoalDataset
) -> None:
    assert pushed.stdout == ""
    assert "https://w3id.org/goalgraph/ontology (677 triples)" in pushed.stderr
    assert f"pushed 6 graph(s), {len(bundled.oxigraph):,} triples" in pushed.stderr
    assert graph_sizes(server) == local_sizes(bundled)


def test_push_again_with_insert_data_and_a_prompted_password(
    pushed: CompletedProcess[str], server: Virtuoso, bundled: GoalDataset
) -> None:
    before = graph_sizes(server)
    result = goalgraph(*push_command(server, "--password", graph_store=False), input=f"{PASSWORD}\n")
    assert result.returncode == 0, result.stderr
    assert f"password for {USER} at {server.sparql_auth}" in result.stderr
    # Pushing again replaces each graph: the same triples, none twice, no scratch graph left.
    assert graph_sizes(server) == before == local_sizes(bundled)


def test_push_everything_into_one_graph(pushed: CompletedProcess[str], server: Virtuoso, bundled: GoalDataset) -> None:
    everything = "urn:goalgraph:test:everything"
    before = graph_sizes(server)
    try:
        result = goalgraph(*push_command(server, "--graph", everything), env=WITH_PASSWORD)
        assert result.returncode == 0, result.stderr
        assert "pushed 1 graph(s)" in result.stderr
        distinct = {(quad.subject, quad.predicate, quad.object) for quad in bundled.oxigraph}
        assert graph_sizes(server) == before | {everything: len(distinct)}
    finally:
        writer(server).update(f"DROP SILENT GRAPH <{everything}>")


def test_a_wrong_password_is_one_message(pushed: CompletedProcess[str], server: Virtuoso) -> None:
    before = graph_sizes(server)
    for graph_store, refusing in ((True, server.graph_store), (False, server.sparql_auth)):
        result = goalgraph(*push_command(server, graph_store=graph_store), env={"GOALGRAPH_PASSWORD": "not-the-one"})
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        message = result.stderr.splitlines()[-1]
        assert message.startswith(f"goalgraph: {refusing} answered HTTP 401")
        assert [line for line in result.stderr.splitlines() if line.startswith("goalgraph:")] == [message]
        assert "not-the-one" not in result.stderr + result.stdout
    assert graph_sizes(server) == before


def test_a_push_needs_an_endpoint() -> None:
    result = goalgraph("push")
    assert result.returncode == 2
    assert "--endpoint URL" in result.stderr


# --- every command answers the same from the endpoint ------------------------------------------------------

COMMANDS = [
    ["stats"],
    ["stats", "--format", "json"],
    ["query", "coverage"],
    ["query", "statements", "-p", "organisation=Anklagemyndigheden", "--format", "csv"],
    ["query", "alignments", "--format", "json"],
    ["trace", "SM3"],
    ["trace", "Kvalitet i sagsbehandlingen", "--format", "json", "--lang", "en"],
    ["analyse"],
    ["export"],
    ["export", "--format", "nquads"],
    ["validate"],
    ["validate", "--format", "json"],
]


def _side_by_side(*commands: list[str]) -> list[CompletedProcess[str]]:
    """Run the commands at once (say, on the files and on the endpoint)."""
    with ThreadPoolExecutor(len(commands)) as pool:
        return list(pool.map(lambda args: goalgraph(*args), commands))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_command_answers_the_same_from_the_endpoint(
    command: list[str], pushed: CompletedProcess[str], server: Virtuoso
) -> None:
    nowhere = f"{server.http}/nowhere"
    local, remote, misdirected = _side_by_side(
        command, [*command, "--endpoint", server.sparql], [*command, "--endpoint", nowhere]
    )
    assert local.returncode == 0, local.stderr
    assert local.stdout or local.stderr, "the comparison would prove little"
    assert (remote.returncode, remote.stdout, remote.stderr) == (local.returncode, local.stdout, local.stderr)
    # The command did ask the endpoint: a wrong URL fails it at once (HTTP 404 is not retried).
    assert misdirected.returncode == 1
    assert misdirected.stderr.startswith(f"goalgraph: {nowhere} answered HTTP 404")
    assert "Traceback" not in misdirected.stderr


def test_validate_checks_the_endpoints_graph(pushed: CompletedProcess[str], server: Virtuoso) -> None:
    broken = "urn:goalgraph:test:broken"
    # A mission with nothing but its type: no text, holder or source.
    writer(server).update(f"INSERT DATA {{ GRAPH <{broken}> {{ <{ID}broken> a <{GG}Mission> }} }}")
    try:
        result = goalgraph("validate", "--endpoint", server.sparql)
    finally:
        writer(server).update(f"DROP SILENT GRAPH <{broken}>")
    assert result.returncode == 1
    assert f"<{ID}broken>: A statement needs a holder" in result.stdout
    assert "invalid: 3 problem(s)" in result.stderr


def test_the_endpoint_from_the_environment(pushed: CompletedProcess[str], server: Virtuoso) -> None:
    environment = {"GOALGRAPH_ENDPOINT": server.sparql}
    local, remote = (goalgraph("stats", env=env) for env in (None, environment))
    assert remote.returncode == 0
    assert remote.stdout == local.stdout
    # The variable is read: with it, files may not be added.
    refused = goalgraph("stats", "--no-bundled", env=environment)
    assert refused.returncode == 2
    assert f"--endpoint {server.sparql} holds the graph" in refused.stderr


@pytest.mark.parametrize(
    "command", [["report", "--date", "2024-05-01", "-o"], ["explore", "-o"]], ids=lambda c: str(c[0])
)
def test_a_page_is_the_same_from_the_endpoint(
    command: list[str], pushed: CompletedProcess[str], server: Virtuoso, tmp_path: Path
) -> None:
    local_page, remote_page = tmp_path / "local.html", tmp_path / "remote.html"
    local, remote = _side_by_side(
        [*command, str(local_page)], [*command, str(remote_page), "--endpoint", server.sparql]
    )
    assert (local.returncode, remote.returncode) == (0, 0), remote.stderr
    assert local_page.stat().st_size > 10_000
    assert remote_page.read_bytes() == local_page.read_bytes()


def test_no_scratch_graph_is_left_behind(pushed: CompletedProcess[str], server: Virtuoso) -> None:
    assert not [graph for graph in graph_sizes(server) if graph.startswith("urn:goalgraph:push:")]


def test_an_endpoint_with_files_added_is_a_usage_error(server: Virtuoso) -> None:
    result = goalgraph("stats", "--endpoint", server.sparql, "--no-bundled")
    assert result.returncode == 2
    assert "goalgraph push --endpoint URL --data FILE" in result.stderr
