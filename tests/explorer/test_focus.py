"""The neighbourhood of a statement or organisation (``goalgraph explore --focus``).

What the model-based neighbourhood keeps is checked against SPARQL property paths
over the plain ``gg:supports`` triples, answered by Oxigraph: an independent way to
the same statements.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.term import IdentifiedNode

import goalgraph
from goalgraph.explorer.focus import FocusError, focus_statements, neighbourhood
from goalgraph.loading import GoalDataset
from goalgraph.model import GoalModel
from goalgraph.querying import execute
from goalgraph.synthetic import write_synthetic

GG = "https://w3id.org/goalgraph/ontology#"


@pytest.fixture(scope="module")
def model(bundled: GoalDataset) -> GoalModel:
    return goalgraph.read_model(bundled)


def by_identifier(model: GoalModel, identifier: str) -> IdentifiedNode:
    return next(node for node, s in model.statements.items() if s.identifier == identifier)


def along(data: GoalDataset, path: str, node: IdentifiedNode, *, upward: bool) -> set[IdentifiedNode]:
    """The statements `path` leads to from `node` (upward) or that lead by it to `node`."""
    pattern = f"<{node}> {path} ?other" if upward else f"?other {path} <{node}>"
    rows = execute(data, f"PREFIX gg: <{GG}> SELECT DISTINCT ?other WHERE {{ {pattern} }}").rows
    return {row["other"] for row in rows}  # type: ignore[misc]


@pytest.mark.parametrize("identifier", ["SM3", "SM1", "FP2", "JM-M1"])
@pytest.mark.parametrize("depth", [0, 1, 2])
def test_a_statement_keeps_its_paths_up_and_supporters_down_to_the_depth(
    bundled: GoalDataset, model: GoalModel, identifier: str, depth: int
) -> None:
    focus = by_identifier(model, identifier)
    part = neighbourhood(model, [focus], depth=depth)
    expected = {focus} | along(bundled, "gg:supports+", focus, upward=True)
    for levels in range(1, depth + 1):
        expected |= along(bundled, "/".join(["gg:supports"] * levels), focus, upward=False)
    # A whole plan supports some statements too: it is kept as a plan, not as a statement.
    assert set(part.statements) == {node for node in expected if node in model.statements}
    assert {node for node in expected if node in model.plans} <= set(part.plans)
    # Every alignment shown has both ends shown (or comes from a plan whose statements are shown).
    for alignment in part.alignments.values():
        assert alignment.end in part.statements
        assert alignment.start in part.statements or alignment.start in part.plans


def test_the_top_stays_the_whole_graphs(model: GoalModel) -> None:
    part = neighbourhood(model, [by_identifier(model, "SM3")], depth=0)
    assert part.top
    assert part.top <= model.top
    assert all(model.statements[node].top == s.top for node, s in part.statements.items())
    # The holders of what is kept are there, and every organisation above them.
    for statement in part.statements.values():
        assert statement.holder in part.organisations
        for parent in model.hierarchy.parents.get(statement.holder, ()):  # type: ignore[arg-type]
            assert parent in part.organisations


def test_an_organisation_focuses_on_every_statement_it_holds(bundled: GoalDataset, model: GoalModel) -> None:
    police = next(node for node, o in model.organisations.items() if str(node).endswith("/politiet"))
    held = {node for node, s in model.statements.items() if s.holder == police}
    assert focus_statements(bundled, model, str(police)) == held
    assert held <= set(neighbourhood(model, held, depth=0).statements)


@pytest.mark.parametrize(
    ("reference", "message"),
    [("no such thing at all", "no statement or organisation matches"), ("https://example.org/x", "matches")],
)
def test_a_focus_that_names_nothing_is_refused(
    bundled: GoalDataset, model: GoalModel, reference: str, message: str
) -> None:
    with pytest.raises(FocusError, match=message):
        focus_statements(bundled, model, reference)


def test_a_negative_depth_or_a_node_that_is_no_statement_is_refused(model: GoalModel) -> None:
    with pytest.raises(FocusError, match="0 or more"):
        neighbourhood(model, [by_identifier(model, "SM3")], depth=-1)
    with pytest.raises(FocusError, match="is not a statement"):
        neighbourhood(model, [URIRef("https://example.org/nothing")])


def test_a_deep_statement_of_a_large_graph_gives_a_small_page(tmp_path: Path) -> None:
    from goalgraph.explorer import build_explorer

    write_synthetic(tmp_path / "large.ttl", 400)
    data = goalgraph.load(tmp_path / "large.ttl", bundled=False)
    model = goalgraph.read_model(data)
    deepest = max(model.hierarchy.depths, key=lambda o: (model.hierarchy.depths[o], str(o)))
    objective = next(node for node, s in sorted(model.statements.items(), key=str) if s.holder == deepest)
    part = neighbourhood(model, [objective], depth=1)
    assert len(part.statements) < len(model.statements) / 20
    assert set(part.statements) == {objective} | along(data, "gg:supports+", objective, upward=True) | along(
        data, "gg:supports", objective, upward=False
    )
    identifier = model.statements[objective].identifier
    assert identifier is not None
    page = build_explorer(data, focus=identifier, depth=1)
    for node in part.statements:
        assert str(node) in page
    assert str(next(iter(set(model.statements) - set(part.statements)))) not in page


def test_the_command_writes_the_neighbourhood_only(tmp_path: Path) -> None:
    from ..test_cli import goalgraph as run

    page = tmp_path / "sm3.html"
    result = run("explore", "--focus", "Quality in case handling", "--depth", "0", "-o", page)
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "Kvalitet i sagsbehandlingen" in html
    assert "Bekæmpelse af indbrud" not in html  # POL-T4 is on no path of SM3


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--focus", "no such thing at all"], "no statement or organisation matches 'no such thing at all'"),
        (["--focus", "SM3", "--depth", "-1"], "-1 is not in the range x>=0"),
    ],
)
def test_the_command_refuses_a_bad_focus_and_writes_nothing(tmp_path: Path, arguments: list[str], message: str) -> None:
    from ..test_cli import goalgraph as run

    page = tmp_path / "page.html"
    result = run("explore", *arguments, "-o", page)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not page.exists()
