"""Fixtures and helpers for the export tests: data sets and comparison by canonical quads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from pyld import jsonld as pyld

import goalgraph
from goalgraph.export.context import CONTEXT_URL, context_text
from goalgraph.loading import GoalDataset

HERE = Path(__file__).resolve().parent
TRICKY = HERE / "tricky.ttl"
AWKWARD = HERE / "awkward.ttl"

#: Every RDF format, with how pyoxigraph reads it and whether it keeps named graphs.
RDF_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
    "rdfxml": (ox.RdfFormat.RDF_XML, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
}


@pytest.fixture(scope="session")
def tricky() -> GoalDataset:
    """The bundled data and tricky.ttl (do not modify)."""
    return goalgraph.load([TRICKY])


@pytest.fixture(scope="session")
def awkward() -> GoalDataset:
    """The bundled data and awkward.ttl (do not modify)."""
    return goalgraph.load([AWKWARD])


def parsed(data: bytes, rdf_format: ox.RdfFormat) -> list[ox.Quad]:
    """`data` read by pyoxigraph, an independent parser."""
    return list(ox.parse(data, format=rdf_format))


def canonical(quads: Iterable[ox.Quad], *, keep_graphs: bool = True) -> ox.Dataset:
    """The quads as a dataset with canonical blank nodes (graphs dropped unless `keep_graphs`)."""
    dataset = ox.Dataset(q if keep_graphs else ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def dataset_quads(ds: GoalDataset, *, keep_graphs: bool = True) -> ox.Dataset:
    """What an export of `ds` has to say, canonically."""
    return canonical(ds.oxigraph.quads_for_pattern(None, None, None, None), keep_graphs=keep_graphs)


def pyld_loader(url: str, options: Any = None) -> dict[str, Any]:
    """A PyLD document loader that serves the packaged context at its published URL, and nothing else."""
    if url != CONTEXT_URL:
        raise pyld.JsonLdError(f"offline: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(context_text())}


def pyld_quads(document: bytes) -> list[ox.Quad]:
    """The quads PyLD (a second, independent JSON-LD processor) reads from `document`."""
    nquads = pyld.to_rdf(json.loads(document), {"format": "application/n-quads", "documentLoader": pyld_loader})
    return parsed(nquads.encode("utf-8"), ox.RdfFormat.N_QUADS)
