"""Tests of goalgraph.synthetic: synthetic goal graphs load, validate, count and stay acyclic."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

import goalgraph
from goalgraph import synthetic
from goalgraph.loading import DEFAULT_BASE, GoalDataset
from goalgraph.synthetic import organisations_for_triples, synthetic_counts, write_synthetic

# Small, because SHACL validation takes most of a second per organisation, yet big
# enough for three levels: the top, ten children and a grandchild (index 11, the
# first child of 1, whose cross-link goes to its parent rather than a sibling).
N = 12
SEED = 7
TOP = f"{DEFAULT_BASE}synthetic/org-00000"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("synthetic") / "goals.ttl"
    return path, write_synthetic(path, N, seed=SEED)


@pytest.fixture(scope="module")
def dataset(written: tuple[Path, int]) -> GoalDataset:
    return goalgraph.load([written[0]], bundled=False)


@pytest.fixture(scope="module")
def ontology_triples() -> int:
    return len(goalgraph.load(bundled=False).oxigraph)


def test_small_graph_validates(dataset: GoalDataset) -> None:
    report = goalgraph.validate(dataset)
    assert report.conforms, str(report)
    assert report.problems == ()


def test_returned_count_is_the_triples_loaded(
    written: tuple[Path, int], dataset: GoalDataset, ontology_triples: int
) -> None:
    _path, triples = written
    assert triples == len(dataset.oxigraph) - ontology_triples
    assert triples == synthetic_counts(N).triples


@pytest.mark.parametrize("organisations", [1, 2, 11, 40])
def test_expected_count_agrees_for_other_sizes(tmp_path: Path, organisations: int, ontology_triples: int) -> None:
    path = tmp_path / "goals.nt"
    triples = write_synthetic(path, organisations, seed=organisations)
    loaded = goalgraph.load([path], bundled=False)
    assert triples == synthetic_counts(organisations).triples == len(loaded.oxigraph) - ontology_triples


def test_counts_by_class_match_the_structure(dataset: GoalDataset) -> None:
    counts = synthetic_counts(N)
    stats = goalgraph.stats(dataset)
    assert stats["organisations"] == counts.organisations == N
    assert stats["plans"] == counts.plans == N
    statements = stats["statements"]
    assert statements["Mission"] == counts.missions == N
    assert statements["Vision"] == counts.visions == N
    assert statements["Goal"] == counts.goals
    assert statements["Objective"] == counts.objectives
    # 2, 3 or 4 goals in turn, and 1 to 3 objectives per goal.
    assert counts.goals == sum(2 + i % 3 for i in range(N))
    assert counts.goals <= counts.objectives <= 3 * counts.goals
    assert {name for name, count in statements.items() if count} == {"Mission", "Vision", "Goal", "Objective"}
    assert stats["alignments"] == {"curated": counts.curated, "stated": counts.stated, "suggested": 0, "rejected": 0}
    # Stated: objective → goal, and mission and vision → the parent's; curated: goal →
    # own mission or vision, and one cross-link for every organisation but the top.
    assert counts.stated == counts.objectives + 2 * (N - 1)
    assert counts.curated == counts.goals + (N - 1)


def test_every_alignment_is_plain_and_qualified(dataset: GoalDataset) -> None:
    counts = synthetic_counts(N)
    supports = dataset.query("SELECT (COUNT(*) AS ?n) WHERE { ?a gg:supports ?b }")
    assert [int(row[0]) for row in supports] == [counts.stated + counts.curated]
    unmatched = dataset.query(
        """ASK { ?a gg:supports ?b .
                 FILTER NOT EXISTS { ?alignment a gg:Alignment ; gg:from ?a ; gg:to ?b } }"""
    )
    assert unmatched.askAnswer is False


def test_strengths_are_mixed(dataset: GoalDataset) -> None:
    rows = dataset.query("SELECT DISTINCT ?strength WHERE { ?alignment gg:strength ?strength }")
    strengths = {str(row[0]).rsplit("#", 1)[-1] for row in rows}
    assert strengths == {"strong", "moderate", "weak"}


def test_texts_are_danish_with_english_translations(written: tuple[Path, int], dataset: GoalDataset) -> None:
    text = written[0].read_text(encoding="utf-8")
    assert all(letter in text for letter in "æøå")
    missing = dataset.query(
        """ASK { ?statement a/rdfs:subClassOf gg:Statement .
                 FILTER NOT EXISTS { ?statement gg:text ?da ; gg:translation ?en .
                                     FILTER (lang(?da) = "da" && lang(?en) = "en") } }"""
    )
    assert missing.askAnswer is False


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    for suffix in (".ttl", ".nt"):
        first, again, other = (tmp_path / f"{name}{suffix}" for name in ("first", "again", "other"))
        write_synthetic(first, 30, seed=3)
        write_synthetic(again, 30, seed=3)
        write_synthetic(other, 30, seed=4)
        assert first.read_bytes() == again.read_bytes()
        assert first.read_bytes() != other.read_bytes()


def test_turtle_and_ntriples_hold_the_same_triples(tmp_path: Path) -> None:
    base = "https://data.example.org/goals/"
    triples: list[set[ox.Triple]] = []
    for name in ("goals.ttl", "goals.nt"):
        path = tmp_path / name
        write_synthetic(path, 15, seed=2, base=base)
        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]), base_iri=base)
        triples.append({quad.triple for quad in store})
    turtle, ntriples = triples
    assert turtle == ntriples
    assert len(turtle) == synthetic_counts(15).triples
    assert ox.NamedNode(f"{base}synthetic/org-00000") in {triple.subject for triple in turtle}


def test_ntriples_iris_are_absolute(tmp_path: Path) -> None:
    path = tmp_path / "goals.nt"
    write_synthetic(path, 3, base="https://data.example.org/goals/")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    assert lines
    assert all(line.startswith("<https://data.example.org/goals/synthetic/") for line in lines)


def test_alignments_are_acyclic(dataset: GoalDataset) -> None:
    links = nx.DiGraph()
    links.add_edges_from((row[0], row[1]) for row in dataset.query("SELECT ?a ?b WHERE { ?a gg:supports ?b }"))
    counts = synthetic_counts(N)
    assert links.number_of_edges() == counts.stated + counts.curated
    assert nx.is_directed_acyclic_graph(links)


def test_every_statement_reaches_the_top(dataset: GoalDataset) -> None:
    tops = f"<{TOP}/mission> <{TOP}/vision>"
    query = f"""
        SELECT (COUNT(DISTINCT ?statement) AS ?n) WHERE {{
            ?statement a/rdfs:subClassOf gg:Statement .
            FILTER (?statement NOT IN ({tops.replace("> <", ">, <")}))
            FILTER NOT EXISTS {{ VALUES ?top {{ {tops} }} ?statement gg:supports+ ?top . }}
        }}"""
    unreached = [int(row[0]) for row in dataset.query(query)]
    assert unreached == [0]
    reaching = dataset.query(
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?top {{ {tops} }} ?s gg:supports+ ?top . }}"
    )
    counts = synthetic_counts(N)
    everything = counts.missions + counts.visions + counts.goals + counts.objectives
    assert [int(row[0]) for row in reaching] == [everything - 2]


def test_bad_folder_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_synthetic(tmp_path / "missing" / "goals.ttl", 5)
    assert list(tmp_path.iterdir()) == []


def test_failure_mid_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "goals.ttl"
    path.write_text("old content\n", encoding="utf-8")
    calls = 0
    literal = synthetic._literal

    def failing_literal(text: str, language: str) -> str:
        nonlocal calls
        calls += 1
        if calls > 500:  # well into the file: a few organisations have been written
            raise RuntimeError("disk on fire")
        return literal(text, language)

    monkeypatch.setattr(synthetic, "_literal", failing_literal)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_synthetic(path, 50)
    assert calls > 500
    assert [p.name for p in tmp_path.iterdir()] == ["goals.ttl"]
    assert path.read_text(encoding="utf-8") == "old content\n"


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="suffix"):
        write_synthetic(tmp_path / "goals.txt", 3)
    with pytest.raises(ValueError, match="at least one organisation"):
        write_synthetic(tmp_path / "goals.ttl", 0)
    with pytest.raises(goalgraph.SourceError):
        write_synthetic(tmp_path / "goals.nt", 3, base="not an iri")
    assert list(tmp_path.iterdir()) == []
    # An explicit format overrides the suffix.
    write_synthetic(tmp_path / "goals.txt", 3, format="ntriples")
    assert (tmp_path / "goals.txt").read_text(encoding="utf-8").count(" .\n") == synthetic_counts(3).triples


@pytest.mark.parametrize("target", [1, 1_000, 12_345, 100_000])
def test_organisations_for_triples_is_the_fewest_that_reach_the_target(target: int) -> None:
    organisations = organisations_for_triples(target)
    assert synthetic_counts(organisations).triples >= target
    if organisations > 1:
        assert synthetic_counts(organisations - 1).triples < target


# With results (results_periods): indicators, targets and actual results per year,
# verdicts, weights and hindering links, for goalgraph.progress. Three organisations
# keep validation quick; the first child of the top (index 1) has a hindering link.
PERIODS = 3


@pytest.fixture(scope="module")
def with_results(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("synthetic-results") / "goals.ttl"
    return path, write_synthetic(path, 3, seed=SEED, results_periods=PERIODS)


@pytest.fixture(scope="module")
def results_dataset(with_results: tuple[Path, int]) -> GoalDataset:
    return goalgraph.load([with_results[0]], bundled=False)


def test_graph_with_results_validates(results_dataset: GoalDataset) -> None:
    report = goalgraph.validate(results_dataset)
    assert report.conforms, str(report)
    assert report.problems == ()


def test_graph_with_results_counts(
    with_results: tuple[Path, int], results_dataset: GoalDataset, ontology_triples: int
) -> None:
    counts = synthetic_counts(3, results_periods=PERIODS)
    assert with_results[1] == counts.triples == len(results_dataset.oxigraph) - ontology_triples
    assert counts.indicators == counts.objectives
    assert counts.results == 2 * PERIODS * counts.objectives
    assert counts.verdicts == counts.objectives  # one year in three: 1 of 3
    assert counts.hindering == 1
    assert counts.triples > synthetic_counts(3).triples


def test_read_model_sees_indicators_results_and_hindrances(results_dataset: GoalDataset) -> None:
    counts = synthetic_counts(3, results_periods=PERIODS)
    model = goalgraph.read_model(results_dataset)
    assert len(model.indicators) == counts.indicators
    assert len(model.results) == counts.results
    assert len(model.hindrances) == counts.hindering
    assert {indicator.direction for indicator in model.indicators.values()} == {"higher", "lower"}
    assert {indicator.unit for indicator in model.indicators.values()} == {"%", "dage"}
    measured = {node for indicator in model.indicators.values() for node in indicator.measures}
    objectives = {node for node, s in model.statements.items() if s.type_name == "Objective"}
    assert measured == objectives
    assert all(model.statements[node].weight for node in objectives)
    sources = {str(source.node) for result in model.results.values() for source in result.sources}
    assert all(result.sources for result in model.results.values())
    assert sources
    assert all(source.startswith("https://example.org/synthetic/org-") for source in sources)


def test_progress_on_synthetic_results(results_dataset: GoalDataset) -> None:
    found = goalgraph.progress(results_dataset)
    counts = synthetic_counts(3, results_periods=PERIODS)
    assert len(found.indicators) == counts.indicators * PERIODS
    assert all(row.has_data for row in found.indicators)
    assert {row.status for row in found.indicators} <= {"met", "partly-met", "not-met"}
    reported = [row for row in found.indicators if row.reported is not None]
    assert len(reported) == counts.verdicts
    # The synthetic holders report what their figures say.
    assert all(row.reported == row.calculated_status for row in reported)
    assert all(found.statements[top].score is not None for top in found.top)


def test_results_only_add_triples(tmp_path: Path) -> None:
    plain, full = tmp_path / "plain.nt", tmp_path / "full.nt"
    write_synthetic(plain, 25, seed=5)
    write_synthetic(full, 25, seed=5, results_periods=2)
    lines = set(plain.read_text(encoding="utf-8").splitlines()[2:])
    added = set(full.read_text(encoding="utf-8").splitlines()[3:]) - lines
    assert lines <= set(full.read_text(encoding="utf-8").splitlines())
    assert len(added) == synthetic_counts(25, results_periods=2).triples - synthetic_counts(25).triples


def test_results_are_deterministic_and_sized(tmp_path: Path) -> None:
    first, again = tmp_path / "first.ttl", tmp_path / "again.ttl"
    write_synthetic(first, 20, seed=4, results_periods=4)
    write_synthetic(again, 20, seed=4, results_periods=4)
    assert first.read_bytes() == again.read_bytes()
    organisations = organisations_for_triples(50_000, results_periods=10)
    assert synthetic_counts(organisations, results_periods=10).triples >= 50_000
    assert synthetic_counts(organisations - 1, results_periods=10).triples < 50_000
    with pytest.raises(ValueError, match="results_periods"):
        write_synthetic(tmp_path / "bad.ttl", 3, results_periods=-1)
    assert not (tmp_path / "bad.ttl").exists()
