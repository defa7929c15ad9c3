"""Loading: formats, named graphs, folders, the base namespace, and bad paths and files."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from oxrdflib import OxigraphStore
from rdflib import Literal, URIRef

import goalgraph
from goalgraph.errors import DataError, SourceError
from goalgraph.loading import DEFAULT_BASE, GoalDataset, find_sources, resolve_base
from goalgraph.namespaces import GG, ONTOLOGY_IRI
from goalgraph.resources import bundled_data_dir

from .conftest import FIXTURES

EX = "https://example.org/test/"
GOAL_TTL = f"""@prefix gg: <{GG}> .
<goal/a> a gg:Goal ; gg:text "Et mål"@da .
"""


def goal_files(folder: Path) -> dict[str, Path]:
    """One small goal in each format goalgraph reads, each with its own subject."""
    files = {
        "a.ttl": GOAL_TTL,
        "b.trig": f'<{EX}g> {{ <goal/b> <{GG}text> "Et mål i en graf"@da . }}\n<goal/b2> a <{GG}Goal> .\n',
        "c.nt": f'<{EX}goal/c> <{GG}text> "Et mål"@da .\n',
        "d.nq": f'<{EX}goal/d> <{GG}text> "Et mål"@da <{EX}g2> .\n',
        "e.jsonld": json.dumps(
            {"@context": {"gg": str(GG)}, "@id": "goal/e", "gg:text": {"@value": "Et mål", "@language": "da"}}
        ),
        "f.rdf": f"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:gg="{GG}">
  <rdf:Description rdf:about="goal/f"><gg:text xml:lang="da">Et mål</gg:text></rdf:Description>
</rdf:RDF>""",
    }
    paths = {}
    for name, content in files.items():
        paths[name] = folder / name
        paths[name].write_text(content, encoding="utf-8")
    return paths


def test_dataset_is_rdflib_on_oxigraph(bundled: GoalDataset) -> None:
    assert isinstance(bundled.store, OxigraphStore)
    assert isinstance(bundled.oxigraph, ox.Store)
    assert len(bundled.oxigraph) > 900
    # Transitive paths run in Oxigraph through rdflib's API.
    rows = list(bundled.query("SELECT DISTINCT ?top WHERE { ?s gg:supports+ ?top }"))
    assert len(rows) > 5


def test_each_source_in_its_own_named_graph(bundled: GoalDataset) -> None:
    graphs = {str(g.value) for g in bundled.oxigraph.named_graphs()}
    files = [p for p in bundled_data_dir().glob("*") if p.suffix in (".ttl", ".yaml")]
    expected = {ONTOLOGY_IRI} | {f"{DEFAULT_BASE}graph/{p.stem}" for p in files}
    assert graphs == expected
    assert {str(s.graph) for s in bundled.sources} == expected
    # Statements live in the graph of the file that describes them.
    marker = ox.NamedNode(DEFAULT_BASE + "anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen")
    quads = list(bundled.oxigraph.quads_for_pattern(marker, None, None))
    assert {q.graph_name.value for q in quads if q.predicate.value == str(GG.text)} == {
        f"{DEFAULT_BASE}graph/vores-maal"
    }


def test_every_format_loads_and_keeps_declared_graphs(tmp_path: Path) -> None:
    paths = goal_files(tmp_path)
    ds = goalgraph.load(paths.values(), bundled=False, base=EX)
    for letter in "abcdef":
        assert (URIRef(f"{EX}goal/{letter}"), GG.text, None) in ds, letter
    graphs = {str(g.value) for g in ds.oxigraph.named_graphs()}
    # TriG and N-Quads keep their own graphs; their default-graph triples go to the file's graph.
    assert {
        f"{EX}g",
        f"{EX}g2",
        paths["b.trig"].resolve().as_uri(),
        paths["a.ttl"].resolve().as_uri(),
    } <= graphs


def test_a_folder_loads_every_rdf_file_under_it(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    goal_files(tmp_path / "sub")
    (tmp_path / "notes.txt").write_text("not RDF")
    (tmp_path / ".hidden.ttl").write_text("this is not Turtle and is not read")
    sources = find_sources([tmp_path], bundled=False)
    assert sorted(s.path.name for s in sources[1:]) == [
        "a.ttl",
        "b.trig",
        "c.nt",
        "d.nq",
        "e.jsonld",
        "f.rdf",
    ]


def test_a_single_path_string_and_repeats(tmp_path: Path) -> None:
    path = goal_files(tmp_path)["a.ttl"]
    sources = find_sources(str(path), bundled=False)
    assert [s.path for s in sources[1:]] == [path.resolve()]
    assert len(find_sources([path, str(path), tmp_path / "." / "a.ttl"], bundled=False)) == 2


def test_relative_iris_resolve_against_the_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = goal_files(tmp_path)["a.ttl"]
    assert (URIRef(DEFAULT_BASE + "goal/a"), GG.text, None) in goalgraph.load(path, bundled=False)
    monkeypatch.setenv("GOALGRAPH_BASE", "https://env.example.org/")
    assert (URIRef("https://env.example.org/goal/a"), GG.text, None) in goalgraph.load(path, bundled=False)


@pytest.mark.parametrize("base", ["goals/", "ftp://example.org/", "https://example.org/no-slash", "https://ex ample/"])
def test_a_bad_base_is_refused(base: str) -> None:
    with pytest.raises(SourceError, match="base namespace"):
        resolve_base(base)


def test_reloading_a_source_replaces_its_graph(tmp_path: Path) -> None:
    path = tmp_path / "goal.ttl"
    path.write_text(GOAL_TTL, encoding="utf-8")
    ds = goalgraph.load(path, bundled=False)
    before = len(ds.oxigraph)
    source = ds.sources[-1]
    path.write_text(GOAL_TTL.replace("Et mål", "Et nyt mål"), encoding="utf-8")
    ds.add_source(source)
    assert len(ds.oxigraph) == before
    assert (None, GG.text, Literal("Et nyt mål", lang="da")) in ds
    # A failed reload leaves the graph as it was.
    path.write_text("<goal/a> a", encoding="utf-8")
    with pytest.raises(DataError):
        ds.add_source(source)
    assert (None, GG.text, Literal("Et nyt mål", lang="da")) in ds
    assert len(ds.oxigraph) == before
    assert len(list(ds.oxigraph.named_graphs())) == 2


def test_missing_path() -> None:
    with pytest.raises(SourceError, match=r"^nowhere/goals\.ttl: no such file or folder$"):
        goalgraph.load("nowhere/goals.ttl")


def test_folder_without_rdf() -> None:
    with pytest.raises(SourceError, match=r"no-rdf: no RDF files in this folder \(looked for .*\.ttl"):
        goalgraph.load(FIXTURES / "bad" / "no-rdf")


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "goals.txt"
    path.write_text("goals: []")
    with pytest.raises(SourceError, match=r"goals\.txt: cannot tell the format from the suffix '\.txt'"):
        goalgraph.load(path)


def test_turtle_syntax_error_names_file_and_line() -> None:
    with pytest.raises(DataError) as raised:
        goalgraph.load(FIXTURES / "bad" / "syntax-error.ttl")
    error = raised.value
    assert error.path.endswith("syntax-error.ttl")
    assert error.line == 6
    assert str(error).startswith(f"{error.path}:6: ")


def test_jsonld_that_is_not_json_names_file_and_line() -> None:
    with pytest.raises(DataError) as raised:
        goalgraph.load(FIXTURES / "bad" / "not-json.jsonld")
    assert raised.value.path.endswith("not-json.jsonld")
    assert raised.value.line == 5


def test_jsonld_with_a_remote_context_is_not_fetched(tmp_path: Path) -> None:
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": "https://example.org/context.jsonld", "@id": "x"}))
    with pytest.raises(DataError, match="does not fetch from the network"):
        goalgraph.load(path, bundled=False)


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.ttl"
    path.write_bytes('<a> <b> "Kultur og værdier" .'.encode("latin-1"))
    with pytest.raises(DataError, match=r"latin1\.ttl:1: .*UTF-8"):
        goalgraph.load(path, bundled=False)


def test_a_failed_load_changes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "good.ttl"
    good.write_text(GOAL_TTL, encoding="utf-8")
    ds = goalgraph.load(good, bundled=False)
    before = len(ds.oxigraph)
    [bad] = find_sources(FIXTURES / "bad" / "syntax-error.ttl", bundled=False)[1:]
    with pytest.raises(DataError):
        ds.add_source(bad)
    assert len(ds.oxigraph) == before
    assert not ds.oxigraph.contains_named_graph(ox.NamedNode(str(bad.graph)))
    assert [s.path.name for s in ds.sources[1:]] == ["good.ttl"]


def test_the_examples_are_not_part_of_the_bundled_data() -> None:
    from goalgraph.resources import bundled_data_dir

    examples = bundled_data_dir() / "examples"
    assert any(examples.rglob("*.yaml"))
    sources = goalgraph.find_sources([], bundled=True)
    assert all(examples not in source.path.parents for source in sources)
