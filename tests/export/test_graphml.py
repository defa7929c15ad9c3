"""GraphML of the alignment graph: networkx reads back the same nodes, edges and attributes."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import networkx as nx

import goalgraph
from goalgraph.analysis import alignment_graph
from goalgraph.export import export
from goalgraph.loading import GoalDataset

from ..conftest import FIXTURES


def _read(data: bytes) -> nx.DiGraph:
    graph: nx.DiGraph = nx.read_graphml(io.BytesIO(data))
    return graph


def test_same_nodes_and_edges_as_the_alignment_graph(bundled: GoalDataset) -> None:
    expected = alignment_graph(bundled, include_suggested=True)
    back = _read(export(bundled, "graphml"))
    assert back.is_directed()
    assert set(back.nodes) == {str(node) for node in expected.nodes}
    assert set(back.edges) == {(str(a), str(b)) for a, b in expected.edges}


def test_attributes_are_there_and_typed(bundled: GoalDataset) -> None:
    expected = alignment_graph(bundled, include_suggested=True)
    back = _read(export(bundled, "graphml"))
    for node, attributes in expected.nodes(data=True):
        read = back.nodes[str(node)]
        assert read["label"] == attributes["identifier"] == read["identifier"]
        assert read["type"] == attributes["type"]
        assert read["level"] == attributes["level"]
        assert isinstance(read["level"], int)
        assert read["holder"] == str(attributes["holder"])
        assert read["holder_da"] == attributes["holder_labels"]["da"]
        assert read["text_da"] == attributes["labels"]["da"]
        assert read["text_en"] == attributes["labels"]["en"]
    for start, end, attributes in expected.edges(data=True):
        read = back.edges[str(start), str(end)]
        assert read["kind"] == attributes["kind"]
        assert read["weight"] == attributes["weight"]
        assert isinstance(read["weight"], float)
        assert read.get("strength") == attributes["strength"]
        assert read.get("rationale") == attributes["rationale"]
        assert read["alignment"] == str(attributes["alignment"])


def test_suggestions_are_edges_unless_left_out(awkward: GoalDataset) -> None:
    with_suggestions = _read(export(awkward, "graphml"))
    suggested = [(a, b) for a, b, kind in with_suggestions.edges(data="kind") if kind == "suggested"]
    assert len(suggested) == 1
    assert with_suggestions.edges[suggested[0]]["weight"] == 0.42
    without = _read(export(awkward, "graphml", include_suggested=False))
    assert without.number_of_edges() == with_suggestions.number_of_edges() - 1


def test_the_same_data_gives_the_same_bytes(bundled: GoalDataset) -> None:
    first = export(bundled, "graphml")
    assert first.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert export(bundled, "graphml") == first


def test_hindering_alignments_are_edges_with_their_polarity() -> None:
    # Synthetic: one influence per ArchiMate modifier, six of them negative (hindering).
    influences = goalgraph.load([FIXTURES / "archimate" / "influences.xml"], bundled=False)
    back = _read(export(influences, "graphml"))
    polarities = Counter(polarity for _, _, polarity in back.edges(data="polarity"))
    assert polarities == Counter({"hindering": 6, "supporting": 5})
    strong = [
        attributes
        for _, _, attributes in back.edges(data=True)
        if attributes["polarity"] == "hindering" and attributes.get("strength") == "strong"
    ]
    assert len(strong) == 2
    assert all(a["kind"] == "stated" and a["weight"] == 1.0 for a in strong)


def test_a_hindrance_beside_a_support_and_a_suggested_one(tmp_path: Path) -> None:
    # Synthetic statements and alignments at example.org.
    path = tmp_path / "hindering.ttl"
    path.write_text(
        """@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix ex: <https://example.org/synthetic/> .
ex:a a gg:Goal ; gg:text "Fast"@en .
ex:b a gg:Goal ; gg:text "Thorough"@en .
ex:c a gg:Goal ; gg:text "Cheap"@en .
ex:a gg:supports ex:b ; gg:hinders ex:b .
ex:support a gg:Alignment ; gg:from ex:a ; gg:to ex:b ; gg:kind gg:stated .
ex:hindrance a gg:Alignment ; gg:from ex:a ; gg:to ex:b ; gg:kind gg:stated ; gg:polarity gg:hindering .
ex:suggested a gg:Alignment ; gg:from ex:c ; gg:to ex:b ; gg:kind gg:suggested ; gg:polarity gg:hindering ;
    gg:score 0.5 .
""",
        encoding="utf-8",
    )
    data = goalgraph.load([path], bundled=False)
    back = _read(export(data, "graphml"))
    a, b, c = (f"https://example.org/synthetic/{name}" for name in "abc")
    both = back.edges[a, b]
    assert (both["polarity"], both["alignment"]) == ("supporting", "https://example.org/synthetic/support")
    assert both["hindering"] == "https://example.org/synthetic/hindrance"
    assert back.edges[c, b]["polarity"] == "hindering"
    assert back.edges[c, b]["kind"] == "suggested"
    assert (c, b) not in _read(export(data, "graphml", include_suggested=False)).edges
