"""The command line against real triple stores: `goalgraph push`, then every command with --endpoint.

The commands find the goal graph by looking at every graph the endpoint holds, so
this module has stores of its own (Virtuoso and Oxigraph's server), holding only
what its tests push.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from goalgraph.loading import GoalDataset
from goalgraph.remote import Endpoint

from ..test_cli import goalgraph
from .stores import STORES, Triplestore, require, running

GG = "https://w3id.org/goalgraph/ontology#"
ID = "https://w3id.org/goalgraph/id/"


@pytest.fixture(scope="module", params=STORES)
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Triplestore]:
    """A store for this module alone (the session's holds other tests' graphs too)."""
    name = str(request.param)
    require(name)
    with running(name, tmp_path_factory.mktemp(f"{name}-cli")) as started:
        yield started


def push_command(server: Triplestore, *more: str, graph_store: bool = True) -> list[str]:
    """`goalgraph push` into `server` (as its writer, if it has accounts), with or without the Graph Store Protocol."""
    through = ["--graph-store", server.graph_store] if graph_store else []
    updates = ["--update-endpoint", server.update]
    user = ["--user", server.credentials[0]] if server.credentials else []
    return ["push", "--endpoint", server.sparql, *updates, *user, *through, *more]


def with_password(server: Triplestore) -> dict[str, str]:
    """The environment that gives the writing account's password, if the store asks for one."""
    return {"GOALGRAPH_PASSWORD": server.credentials[1]} if server.credentials else {}


def graph_sizes(server: Triplestore) -> dict[str, int]:
    """How many triples each of goalgraph's graphs holds in `server` (the store's own graphs left out)."""
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
def pushed(server: Triplestore) -> CompletedProcess[str]:
    """The bundled dataset pushed through the Graph Store Protocol, the password from the environment."""
    result = goalgraph(*push_command(server), env=with_password(server))
    assert result.returncode == 0, result.stderr
    return result


def test_push_through_the_graph_store_protocol(
    pushed: CompletedProcess[str], server: Triplestore, bundled: GoalDataset
) -> None:
    assert pushed.stdout == ""
    ontology = local_sizes(bundled)["https://w3id.org/goalgraph/ontology"]
    assert f"https://w3id.org/goalgraph/ontology ({ontology:,} triples)" in pushed.stderr
    assert f"pushed 6 graph(s), {len(bundled.oxigraph):,} triples" in pushed.stderr
    assert graph_sizes(server) == local_sizes(bundled)


def test_push_again_with_insert_data_and_a_prompted_password(
    pushed: CompletedProcess[str], server: Triplestore, bundled: GoalDataset
) -> None:
    before = graph_sizes(server)
    if server.credentials:
        user, password = server.credentials
        result = goalgraph(*push_command(server, "--password", graph_store=False), input=f"{password}\n")
        assert f"password for {user} at {server.update}" in result.stderr
    else:
        result = goalgraph(*push_command(server, graph_store=False))
    assert result.returncode == 0, result.stderr
    # Pushing again replaces each graph: the same triples, none twice, no scratch graph left.
    assert graph_sizes(server) == before == local_sizes(bundled)


def test_push_everything_into_one_graph(
    pushed: CompletedProcess[str], server: Triplestore, bundled: GoalDataset
) -> None:
    everything = "urn:goalgraph:test:everything"
    before = graph_sizes(server)
    try:
        result = goalgraph(*push_command(server, "--graph", everything), env=with_password(server))
        assert result.returncode == 0, result.stderr
        assert "pushed 1 graph(s)" in result.stderr
        distinct = {(quad.subject, quad.predicate, quad.object) for quad in bundled.oxigraph}
        assert graph_sizes(server) == before | {everything: len(distinct)}
    finally:
        server.writer().update(f"DROP SILENT GRAPH <{everything}>")


# Only Virtuoso has accounts: Oxigraph's server takes every request, so it has no wrong password.
@pytest.mark.parametrize("server", ["virtuoso"], indirect=True)
def test_a_wrong_password_is_one_message(pushed: CompletedProcess[str], server: Triplestore) -> None:
    assert server.credentials, f"{server.name} should ask for a password"
    before = graph_sizes(server)
    for graph_store, refusing in ((True, server.graph_store), (False, server.update)):
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
    # By IRI: Oxigraph's server once answered "nothing in the dataset is <...>" (its default graph is not the union).
    ["trace", f"<{ID}anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen>"],
    ["suggest"],
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
    command: list[str], pushed: CompletedProcess[str], server: Triplestore
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


#: Queries of the user's own, which read the default graph or name graphs: the goal graph's, in every store.
OWN_QUERIES = {
    "graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "default": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "types": "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY ?type",
    "ask": "ASK { ?s a gg:Mission }",
    # Virtuoso answered a CONSTRUCT with SPARQL JSON results while they were welcome (now asked for RDF).
    "construct": "CONSTRUCT { ?s a gg:Mission } WHERE { ?s a gg:Mission }",
}


@pytest.mark.parametrize("name", OWN_QUERIES)
def test_a_query_of_ones_own_answers_the_same_from_the_endpoint(
    name: str, pushed: CompletedProcess[str], server: Triplestore, tmp_path: Path
) -> None:
    path = tmp_path / f"{name}.rq"
    path.write_text(OWN_QUERIES[name] + "\n", encoding="utf-8")
    command = ["query", str(path), "--format", "csv"]
    local, remote = _side_by_side(command, [*command, "--endpoint", server.sparql])
    assert local.returncode == 0, local.stderr
    assert local.stdout.strip()
    assert (remote.returncode, sorted(remote.stdout.splitlines())) == (0, sorted(local.stdout.splitlines()))


def test_validate_checks_the_endpoints_graph(pushed: CompletedProcess[str], server: Triplestore) -> None:
    broken = "urn:goalgraph:test:broken"
    # A mission with nothing but its type: no text, holder or source.
    server.writer().update(f"INSERT DATA {{ GRAPH <{broken}> {{ <{ID}broken> a <{GG}Mission> }} }}")
    try:
        result = goalgraph("validate", "--endpoint", server.sparql)
    finally:
        server.writer().update(f"DROP SILENT GRAPH <{broken}>")
    assert result.returncode == 1
    assert f"<{ID}broken>: A statement needs a holder" in result.stdout
    assert "invalid: 3 problem(s)" in result.stderr


def test_the_endpoint_from_the_environment(pushed: CompletedProcess[str], server: Triplestore) -> None:
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
    command: list[str], pushed: CompletedProcess[str], server: Triplestore, tmp_path: Path
) -> None:
    local_page, remote_page = tmp_path / "local.html", tmp_path / "remote.html"
    local, remote = _side_by_side(
        [*command, str(local_page)], [*command, str(remote_page), "--endpoint", server.sparql]
    )
    assert (local.returncode, remote.returncode) == (0, 0), remote.stderr
    assert local_page.stat().st_size > 10_000
    assert remote_page.read_bytes() == local_page.read_bytes()


def test_no_scratch_graph_is_left_behind(pushed: CompletedProcess[str], server: Triplestore) -> None:
    assert not [graph for graph in graph_sizes(server) if graph.startswith("urn:goalgraph:push:")]


def test_an_endpoint_with_files_added_is_a_usage_error(server: Triplestore) -> None:
    result = goalgraph("stats", "--endpoint", server.sparql, "--no-bundled")
    assert result.returncode == 2
    assert "goalgraph push --endpoint URL --data FILE" in result.stderr
