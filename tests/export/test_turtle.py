"""Turtle, TriG, N-Triples and N-Quads are sorted and stable, so that versions diff well."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

import goalgraph
from goalgraph.export import export
from goalgraph.export.context import context_prefixes
from goalgraph.loading import GoalDataset

PREFIX_LINE = re.compile(r"@prefix (\w*): <([^>]*)> \.")


def _blocks(text: str, indent: str = "") -> list[list[str]]:
    """Each subject's lines, from a Turtle body (or a TriG graph's, with `indent`)."""
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("@prefix") or not line.startswith(indent):
            continue
        rest = line[len(indent) :]
        if rest and not rest.startswith(" ") and rest not in ("}",) and not rest.endswith("{"):
            blocks.append([rest])
        elif blocks and rest.startswith(" "):
            blocks[-1].append(rest)
    return blocks


def _subject_order(subject: str) -> tuple[bool, str]:
    # Absolute IRIs, then prefixed names, then blank nodes; an IRI before longer ones it starts.
    return subject.startswith("_:"), subject.removesuffix(">")


@pytest.mark.parametrize("name", ["turtle", "trig"])
def test_byte_identical_across_runs_and_loads(bundled: GoalDataset, name: str) -> None:
    first = export(bundled, name)
    assert export(bundled, name) == first
    assert export(goalgraph.load(), name) == first


def test_subjects_predicates_and_objects_are_sorted(tricky: GoalDataset) -> None:
    blocks = _blocks(export(tricky, "turtle").decode())
    subjects = [block[0] for block in blocks]
    assert len(subjects) == len(set(subjects)) > 100
    assert subjects == sorted(subjects, key=_subject_order)
    assert subjects[-1].startswith("_:c14n")
    for block in blocks:
        predicates = [line.split()[0] for line in block[1:] if not line.startswith("        ")]
        if "a" in predicates:
            assert predicates[0] == "a", block[0]
        rest = [p for p in predicates if p != "a"]
        assert rest == sorted(rest), block[0]
    mission = next(block for block in blocks if block[0] == "gg:Mission")
    assert mission[1:4] == [
        "    a owl:Class ;",
        "    gg:level 0 ;",
        '    rdfs:label "mission"@da ,',
    ]


def test_trig_groups_by_graph_in_order(bundled: GoalDataset) -> None:
    text = export(bundled, "trig").decode()
    graphs = re.findall(r"^(<[^>]+>) \{$", text, re.MULTILINE)
    assert graphs == sorted(graphs)
    assert len(graphs) == len(bundled.sources) == 6  # the ontology's and one per data file
    for body in re.findall(r"\{\n(.*?)\n\}", text, re.DOTALL):
        subjects = [block[0] for block in _blocks(body, "    ")]
        assert subjects == sorted(subjects, key=_subject_order)


def test_only_the_prefixes_used_sorted() -> None:
    dataset = goalgraph.load(bundled=False)
    dataset.oxigraph.clear()
    dataset.oxigraph.add(
        ox.Quad(
            ox.NamedNode("https://example.org/s"),
            ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
            ox.Literal("2019-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
            ox.NamedNode("https://example.org/graph"),
        )
    )
    text = export(dataset, "turtle").decode()
    assert text == (
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "\n"
        "<https://example.org/s>\n"
        '    skos:prefLabel "2019-01-01"^^xsd:date .\n'
    )


@pytest.mark.parametrize("name", ["turtle", "trig"])
def test_declared_prefixes_are_used_and_from_the_context(bundled: GoalDataset, name: str) -> None:
    text = export(bundled, name).decode()
    declared = PREFIX_LINE.findall(text)
    assert [prefix for prefix, _ in declared] == sorted(prefix for prefix, _ in declared)
    assert all(context_prefixes()[prefix] == namespace for prefix, namespace in declared)
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix"))
    # Outside strings, each declared prefix is used; no absolute IRI could have used one.
    code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', body)
    for prefix, _namespace in declared:
        assert re.search(rf"(?<![\w<]){prefix}:", code), prefix
    for iri in re.findall(r"<([^>]*)>", code):
        assert not any(iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_]+", iri[len(ns) :]) for _, ns in declared), iri
    assert "@base" not in text


def test_literals_are_escaped_and_keep_tags_and_datatypes(tricky: GoalDataset) -> None:
    text = export(tricky, "turtle").decode()
    assert r'"She said \"hej\", \\ and left\nnext line\ttab\r end"' in text
    assert '"æøå ÆØÅ — “curly” 😀"@da' in text
    assert '"colour"@en-gb' in text
    assert '"2019-01-01"^^xsd:date' in text
    assert '"x y"^^<https://example.org/datatype>' in text
    assert "<https://example.org/vocab/boolean> true ;" in text
    # Every line of the body is one statement part: no string runs over a line.
    assert all(line.count('"') % 2 == 0 for line in text.splitlines())


@pytest.mark.parametrize("name", ["ntriples", "nquads"])
def test_line_formats_are_sorted_lines(tricky: GoalDataset, name: str) -> None:
    data = export(tricky, name)
    lines = data.decode().splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(set(lines))
    assert data.endswith(b" .\n")


@pytest.mark.parametrize("name", ["ntriples", "nquads"])
def test_line_formats_fast_and_careful_paths_agree(
    bundled: GoalDataset, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Oxigraph writes the lines when there are no blank nodes; without that shortcut
    # goalgraph writes them itself. Both must give the same bytes.
    from goalgraph.export import turtle

    fast = export(bundled, name)
    monkeypatch.setattr(turtle, "_dumped", lambda *args, **kwargs: None)
    assert export(bundled, name) == fast
