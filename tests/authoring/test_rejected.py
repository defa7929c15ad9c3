"""Rejected suggestions, described curators and times of day in the YAML authoring format."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from goalgraph.errors import DataError
from goalgraph.importers.authoring import read_yaml, to_yaml
from goalgraph.namespaces import GG

from .conftest import BASE, same_graph
from .test_schema import VALIDATOR, as_json

# SYNTHETIC: made-up statements and curators under example.org, for these tests only.
DOCUMENT = """\
# SYNTHETIC
curator: {id: https://example.org/synthetic/id/agent/ana, name: Ana}
alignments:
  - id: https://example.org/synthetic/id/alignment/rejected/1
    from: https://example.org/synthetic/id/a
    to: https://example.org/synthetic/id/b
    kind: rejected
    rationale: {en: Other cases}
    score: 0.25
    matched: [sag]
    created: 2026-03-04T05:06:07Z
  - id: https://example.org/synthetic/id/alignment/curated/2
    from: https://example.org/synthetic/id/a
    to: https://example.org/synthetic/id/c
    kind: curated
    strength: weak
    rationale: {da: Samme sager}
    by: {id: https://example.org/synthetic/id/agent/bo, name: Bo}
    created: 2026-03-04
"""
SYN = "https://example.org/synthetic/id/"


def write(folder: Path, text: str) -> Path:
    path = folder / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_rejected_alignment_is_attributed_and_never_a_link(tmp_path: Path) -> None:
    graph = read_yaml(write(tmp_path, DOCUMENT), base=BASE)
    rejected = URIRef(SYN + "alignment/rejected/1")
    a, b = URIRef(SYN + "a"), URIRef(SYN + "b")
    assert graph.value(rejected, GG.kind) == GG.rejected
    assert graph.value(rejected, PROV.wasAttributedTo) == URIRef(SYN + "agent/ana")  # the file's curator
    assert (a, GG.supports, b) not in graph
    assert (a, GG.supports, URIRef(SYN + "c")) in graph  # the curated one is a link
    created = graph.value(rejected, DCTERMS.created)
    assert created == Literal("2026-03-04T05:06:07Z", datatype=XSD.dateTime)
    assert graph.value(URIRef(SYN + "alignment/curated/2"), DCTERMS.created) == Literal("2026-03-04", datatype=XSD.date)


def test_curators_given_as_id_and_name_are_described(tmp_path: Path) -> None:
    graph = read_yaml(write(tmp_path, DOCUMENT), base=BASE)
    for name in ("ana", "bo"):
        agent = URIRef(SYN + f"agent/{name}")
        assert (agent, RDF.type, PROV.Agent) in graph
        assert str(graph.value(agent, SKOS.prefLabel)) == name.capitalize()


def test_a_rejected_alignment_needs_someone_to_have_rejected_it(tmp_path: Path) -> None:
    text = DOCUMENT.replace("curator: {id: https://example.org/synthetic/id/agent/ana, name: Ana}\n", "")
    with pytest.raises(DataError, match="the required key 'by' is missing from this rejected alignment"):
        read_yaml(write(tmp_path, text), base=BASE)


def test_a_bad_time_is_one_message(tmp_path: Path) -> None:
    text = DOCUMENT.replace("2026-03-04T05:06:07Z", "'2026-03-04T25:00'")
    with pytest.raises(DataError, match="created: expected a date or a date and time"):
        read_yaml(write(tmp_path, text), base=BASE)


def test_rejected_alignments_curators_and_times_go_round_the_writer(tmp_path: Path) -> None:
    graph = read_yaml(write(tmp_path, DOCUMENT), base=BASE)
    written = to_yaml(graph, base=BASE)
    assert "# Left out" not in written
    again = read_yaml(write(tmp_path, written), base=BASE)
    assert same_graph(graph, again)
    document = yaml.safe_load(written)
    VALIDATOR.validate(as_json(document))
    assert isinstance(document["alignments"][0]["created"], datetime.datetime | datetime.date)


def test_the_schema_takes_what_the_reader_takes(tmp_path: Path) -> None:
    VALIDATOR.validate(as_json(yaml.safe_load(DOCUMENT)))
