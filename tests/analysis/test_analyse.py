"""analyse(): everything in one result, and its JSON-ready form."""

from __future__ import annotations

import json
from pathlib import Path

import goalgraph
from goalgraph.analysis import Analysis, alignment_graph, analyse, by_identifier
from goalgraph.loading import GoalDataset
from goalgraph.synthetic import write_synthetic

from .builders import Loader, link, organisation, statement


def test_bundled_analysis(vores_maal: GoalDataset) -> None:
    result = analyse(vores_maal)
    assert isinstance(result, Analysis)
    ids = by_identifier(result.graph)
    name = {node: key for key, node in ids.items()}
    assert sorted(name[s] for s in result.top) == ["JM-M1", "JM-M2", "JM-V1", "JM-V2", "JM-V3"]
    assert result.cycles == ()
    assert len(result.clusters) == 3
    assert sorted(name[s] for s in result.orphans) == ["AM-P", "X2"]
    assert [name[s] for s in result.gaps] == ["PA-V2", "PA-M1"]  # by IRI
    assert {name[s] for s, _ in result.most_central(2)} == {"AM-K", "PA-M2"}
    assert len(result.plan_links) == 9
    assert set(result.reach) == set(result.graph) == set(result.centrality)


def test_to_dict_is_json_with_iris_as_strings_and_labels(vores_maal: GoalDataset) -> None:
    data = analyse(vores_maal).to_dict()
    again = json.loads(json.dumps(data))
    assert again == data
    assert {s["identifier"] for s in data["top"]} == {"JM-M1", "JM-M2", "JM-V1", "JM-V2", "JM-V3"}
    sm3 = next(s for s in data["statements"] if s["identifier"] == "SM3")
    assert sm3["statement"] == vores_maal.base + "anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"
    assert sm3["labels"] == {"da": "Kvalitet i sagsbehandlingen", "en": "Quality in case handling"}
    assert sm3["holder_labels"]["en"] == "the Danish Prosecution Service"
    assert (sm3["reaches_top"], sm3["depth"], sm3["strength"]) == (True, 2, 1.0)
    assert sm3["best_path"][-1].endswith("/retsstatens-grundlaeggende-principper")
    assert len(data["alignments"]) == 22
    assert data["top_organisations"] == [
        {
            "organisation": vores_maal.base + "justitsministeriets-koncern",
            "labels": {"da": "Justitsministeriets koncern", "en": "the Ministry of Justice group"},
        }
    ]
    jm_v2 = next(c for c in data["coverage"] if c["identifier"] == "JM-V2")
    assert (jm_v2["direct_count"], jm_v2["transitive_count"], jm_v2["gap"]) == (2, 3, False)
    scores = {s["labels"]["en"]: s["score"] for s in data["scores"]}
    assert scores["the Danish Police"] == 1.0
    assert [len(c["statements"]) for c in data["clusters"]] == [16, 4, 2]
    assert data["plan_links"][0]["kind"] == "stated"


def test_analyse_takes_a_built_graph(bundled: GoalDataset) -> None:
    statements = alignment_graph(bundled)
    assert analyse(statements).graph is statements
    assert analyse(statements).to_dict() == analyse(bundled).to_dict()


def test_analyse_with_suggestions_and_a_cycle(load_turtle: Loader) -> None:
    dataset = load_turtle(
        organisation("top"),
        statement("M", "mission", "top"),
        statement("A", "goal", "top"),
        statement("B", "goal", "top"),
        link("A", "B"),
        link("B", "A", "weak"),
        link("B", "M", None, kind="suggested", score=0.5),
    )
    without = analyse(dataset)
    ids = by_identifier(without.graph)
    assert without.cycles == ((ids["A"], ids["B"]),)
    assert not without.reach[ids["A"]].reaches_top
    assert without.to_dict()["cycles"] == [[str(ids["A"]), str(ids["B"])]]

    including = analyse(dataset, include_suggested=True)
    a = including.reach[ids["A"]]
    assert (a.reaches_top, a.paths, a.strength) == (True, None, 0.5)
    assert json.dumps(including.to_dict())


def test_every_synthetic_statement_reaches_the_top(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.ttl"
    write_synthetic(path, 13, seed=3)
    dataset = goalgraph.load([path], bundled=False)
    before = len(dataset.oxigraph)
    result = analyse(dataset)
    assert len(dataset.oxigraph) == before
    top_ids = sorted(result.graph.nodes[s]["identifier"] for s in result.top)
    assert top_ids == ["SYN-0-M", "SYN-0-V"]
    assert all(found.reaches_top for found in result.reach.values())
    assert all(found.paths is not None and found.paths >= 1 for found in result.reach.values())
    assert (result.cycles, len(result.clusters), result.orphans) == ((), 1, ())
    for score in result.scores.values():
        assert score.reach_share in (None, 1.0)
        assert score.score is None or 0.0 < score.score <= 1.0
