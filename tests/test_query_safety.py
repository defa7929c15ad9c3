"""The query check: SERVICE, updates and foreign graphs refused, from the parse tree."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from goalgraph.query_safety import CheckedQuery, RefusedQueryError, check_query, needs_check
from goalgraph.resources import sparql_file

from .conftest import REPOSITORY

#: SPARQL's PN_LOCAL_ESC: the characters a backslash may escape in a prefixed name's local part.
LOCAL_ESCAPES = "_~.-!$&'()*+,;=/?#@%"
SERVICE = "SERVICE <http://127.0.0.1:9/sparql> { ?x ?y ?z }"
PREFIX = "PREFIX ex: <http://example.org/> "


def shipped_queries() -> list[Path]:
    return sorted((REPOSITORY / "src/goalgraph/queries").glob("*.rq")) + sorted(
        sparql_file("labels").parent.glob("*.rq")
    )


@pytest.mark.parametrize("path", shipped_queries(), ids=lambda path: path.name)
def test_every_shipped_query_passes(path: Path) -> None:
    # A check that refused goalgraph's own queries would refuse the users' too.
    assert isinstance(check_query(path.read_text(encoding="utf-8")), CheckedQuery)


@pytest.mark.parametrize(
    ("query", "form", "names_graphs"),
    [
        ("SELECT * WHERE { ?s ?p 'SERVICE' }", "SELECT", False),
        ('SELECT * WHERE { ?s ?p """ SERVICE <http://x/> { } """ }', "SELECT", False),
        ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }", "SELECT", False),
        ("SELECT * WHERE { ?s <http://x/SERVICE> ?o }", "SELECT", False),
        ("ASK { ?s ?p ?o }", "ASK", False),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", False),
        ("DESCRIBE <http://example.org/a>", "DESCRIBE", False),
        ("SELECT * FROM <http://example.org/g> { ?s ?p ?o }", "SELECT", True),
    ],
)
def test_what_is_read(query: str, form: str, names_graphs: bool) -> None:
    assert check_query(query) == CheckedQuery(form, names_graphs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT * {{ {SERVICE} }}",
        "select * { ?s ?p ?o . service <http://127.0.0.1:9/> { ?x ?y ?z } }",
        "SELECT * { SERVICE SILENT <http://127.0.0.1:9/> { ?x ?y ?z } }",
        "SELECT * { BIND (<http://127.0.0.1:9/> AS ?at) SERVICE ?at { ?x ?y ?z } }",
        f"SELECT * {{ {{ ?s ?p ?o }} UNION {{ {SERVICE} }} }}",
        f"SELECT * {{ ?s ?p ?o OPTIONAL {{ {SERVICE} }} }}",
        f"SELECT * {{ ?s ?p ?o MINUS {{ {SERVICE} }} }}",
        f"SELECT * {{ ?s ?p ?o FILTER EXISTS {{ {SERVICE} }} }}",
        f"SELECT * {{ ?s ?p ?o FILTER NOT EXISTS {{ {SERVICE} }} }}",
        f"SELECT * {{ {{ SELECT * {{ {SERVICE} }} }} }}",
        f"SELECT * {{ GRAPH ?g {{ {SERVICE} }} }}",
        f"ASK {{ {SERVICE} }}",
        f"CONSTRUCT {{ ?x ?y ?z }} WHERE {{ {SERVICE} }}",
        f"DESCRIBE ?x WHERE {{ {SERVICE} }}",
        f'SELECT * {{ ?s ?p "\\"" . {SERVICE} }}',
    ],
)
def test_service_is_refused_wherever_it_is(query: str) -> None:
    with pytest.raises(RefusedQueryError, match="SERVICE is not allowed"):
        check_query(query)


@pytest.mark.parametrize(
    "query",
    [
        # rdflib looks for the SERVICE's text anew in the whole query, comments and strings
        # unskipped, and fails where a '#' or a quote comes before it: refused all the same.
        f"# a comment\nSELECT * {{ ?s ?p '#' . {SERVICE} }}",
        f"SELECT * {{ ?s ?p '''\\''' . {SERVICE} }}",
        f"SELECT * {{ ?s ?p <http://x/#> . {SERVICE} }}",
    ],
)
def test_service_the_parser_cannot_place_is_refused(query: str) -> None:
    with pytest.raises(RefusedQueryError):
        check_query(query)


@pytest.mark.parametrize("escaped", LOCAL_ESCAPES)
@pytest.mark.parametrize(
    "template",
    [
        # The SERVICE on the same line as the escape, after it: a tokenizer put out of step by the
        # escape reads it as part of a comment or a string.
        PREFIX + "SELECT * { ?s ex:a\\§b ?o . " + SERVICE + " }",
        PREFIX + "SELECT * { ?s ex:a\\§b ?o .\n" + SERVICE + " }",
        PREFIX + "SELECT * { " + SERVICE + " ?s ex:a\\§b ?o }",
        PREFIX + "SELECT * { ?s ex:\\§ ?o . " + SERVICE + " }",
        PREFIX + "SELECT * { ?s ex:a\\§ ?o . " + SERVICE + " }",
    ],
    ids=["after", "next-line", "before", "alone", "last"],
)
def test_service_is_refused_after_every_escape_in_a_prefixed_name(template: str, escaped: str) -> None:
    # Refused: either the parser sees the SERVICE, or it cannot read the query (and then
    # goalgraph cannot vouch for it); never run.
    # An escaped % begins a percent-encoding in the IRI, so it takes two hex digits after it.
    query = template.replace("§", escaped + ("41" if escaped == "%" else ""))
    # Valid SPARQL: with a GRAPH where the SERVICE is, Oxigraph runs it (on an empty store).
    list(ox.Store().query(query.replace("SERVICE", "GRAPH")))  # type: ignore[arg-type]
    with pytest.raises(RefusedQueryError):
        check_query(query)


@pytest.mark.parametrize("escaped", LOCAL_ESCAPES)
def test_escapes_alone_are_read(escaped: str) -> None:
    query = PREFIX + f"SELECT * {{ ?s ex:a\\{escaped}41 ?o }}"
    assert check_query(query).form == "SELECT"


@pytest.mark.parametrize(
    ("update", "operation"),
    [
        ("INSERT DATA { <a:a> <a:b> <a:c> }", "INSERT DATA"),
        ("DELETE DATA { <a:a> <a:b> <a:c> }", "DELETE DATA"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
        ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
        ("WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
        ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
        ("LOAD SILENT <http://127.0.0.1:9/data.ttl> INTO GRAPH <a:g>", "LOAD"),
        ("CLEAR ALL", "CLEAR"),
        ("DROP GRAPH <a:g>", "DROP"),
        ("CREATE GRAPH <a:g>", "CREATE"),
        ("ADD <a:g> TO <a:h>", "ADD"),
        ("MOVE <a:g> TO <a:h>", "MOVE"),
        ("COPY DEFAULT TO <a:h>", "COPY"),
        ("PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }", "INSERT DATA"),
    ],
)
def test_updates_are_refused_by_name(update: str, operation: str) -> None:
    with pytest.raises(RefusedQueryError, match=f"^{operation} is an update"):
        check_query(update)


GRAPHS = {"http://example.org/g", "http://example.org/h"}


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM <http://example.org/g> { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://example.org/h> { GRAPH ?g { ?s ?p ?o } }",
        "PREFIX ex: <http://example.org/> SELECT * FROM ex:g FROM NAMED ex:h { ?s ?p ?o }",
        "BASE <http://example.org/> SELECT * FROM <g> { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } FROM <http://example.org/g> WHERE { ?s ?p ?o }",
    ],
)
def test_dataset_clauses_of_the_datasets_graphs_are_allowed(query: str) -> None:
    assert check_query(query, GRAPHS).names_graphs


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("SELECT * FROM <http://127.0.0.1:9/elsewhere> { ?s ?p ?o }", "FROM <http://127.0.0.1:9/elsewhere>"),
        ("SELECT * FROM NAMED <file:///etc/passwd> { GRAPH ?g { ?s ?p ?o } }", "FROM NAMED <file:///etc/passwd>"),
        ("PREFIX ex: <http://example.org/> SELECT * FROM ex:gg { ?s ?p ?o }", "FROM <http://example.org/gg>"),
        ("BASE <http://127.0.0.1:9/> SELECT * FROM <g> { ?s ?p ?o }", "FROM <http://127.0.0.1:9/g>"),
        (
            "SELECT * FROM <http://example.org/g> FROM <http://127.0.0.1:9/x> { ?s ?p ?o }",
            "FROM <http://127.0.0.1:9/x>",
        ),
        ("DESCRIBE ?s FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }", "FROM <http://127.0.0.1:9/x>"),
    ],
)
def test_dataset_clauses_outside_the_dataset_are_refused(query: str, named: str) -> None:
    with pytest.raises(RefusedQueryError, match="is not a graph of this dataset") as refused:
        check_query(query, GRAPHS)
    assert named in str(refused.value)


def test_without_a_list_of_graphs_any_graph_may_be_named() -> None:
    assert check_query("SELECT * FROM <http://example.org/any> { ?s ?p ?o }").names_graphs


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000 + " }",
        "SELECT * { ?s ?p ?o FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }",
    ],
    ids=["groups", "parentheses"],
)
def test_deep_nesting_is_refused_not_a_crash(query: str) -> None:
    with pytest.raises(RefusedQueryError, match="nested too deeply"):
        check_query(query)


@pytest.mark.parametrize("query", ["HELLO", "SELECT * WHERE { ?s ?p }", "", "SELECT * WHERE { ?s ?p ?o } }"])
def test_what_is_not_sparql_is_refused_with_its_position(query: str) -> None:
    with pytest.raises(RefusedQueryError, match=r"not valid SPARQL 1\.1") as refused:
        check_query(query)
    assert refused.value.line is not None
    assert refused.value.column is not None


def test_a_service_in_a_users_file_is_refused_and_fetches_nothing(tmp_path: Path) -> None:
    from .listening import Listener
    from .test_cli import goalgraph

    with Listener() as listener:
        (tmp_path / "federated.rq").write_text(
            f"SELECT * WHERE {{\n  BIND (1 AS ?one)\n  SERVICE <{listener.url}> {{ ?s ?p ?o }}\n}}\n"
        )
        result = goalgraph("query", "federated.rq", cwd=tmp_path)
        listener.wait_quiet()
        assert listener.heard == []
    assert result.returncode == 2
    assert result.stderr == (
        "goalgraph: federated.rq: SERVICE is not allowed: "
        "goalgraph answers from its own dataset and does not call other services\n"
    )


def test_an_update_in_a_users_file_is_named(tmp_path: Path) -> None:
    from .test_cli import goalgraph

    (tmp_path / "change.rq").write_text("PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }\n")
    result = goalgraph("query", "change.rq", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "goalgraph: change.rq: INSERT DATA is an update; goalgraph is read-only and runs queries only\n"
    )


@pytest.mark.parametrize(
    ("query", "checked"),
    [
        ("SELECT * { ?s ?p ?o }", False),
        ("SELECT * { ?s <http://example.org/service> ?o }", True),
        ("SELECT * FROM <http://example.org/g> { ?s ?p ?o }", True),
        ("SELECT * { ?s ?p 'Data from the police' }", True),
        ("SELECT * { SERVİCE <http://x.example/> { } }", True),  # a dotted capital I folds to i + dot
        ("SELECT * { ＳＥＲＶＩＣＥ <http://x.example/> { } }", True),  # full-width letters
        ("SELECT * { ſervice <http://x.example/> { } }", True),  # the long s
        ("SELECT * { \\u0053ERVICE <http://x.example/> { } }", True),
        ("SELECT * { ?s ?p '\\U00000046' }", True),
    ],
)
def test_what_could_call_out_is_parsed(query: str, checked: bool) -> None:
    assert needs_check(query) is checked
