"""goalgraph's authoring format: strategies written by hand in YAML, or as a CSV pair.

A YAML document has up to seven sections, each a list, and a default ``curator``::

    curator: agent/goalgraph          # who curated the alignments that do not say `by`
    sources:        [{id, title, translation, description, publisher, issued, language, related}]
    organisations:  [{id, type, name, description, part_of, unit_of, members, homepage}]
    plans:          [{id, identifier, type, title, translation, note, holder, year | start + end,
                      source, coordinated_with, revision_of, broader_than, narrower_than, peer_of}]
    groups:         [{id, name, holder, members}]
    statements:     [{id, identifier, type, holder, plan, text, translation, note, source, measures,
                      unit, direction, baseline, threshold, indicator_type, stage, weight,
                      broader_than, narrower_than, peer_of}]
    alignments:     [{id, from, to, kind, strength, rationale, evidence, by, source, score,
                      matched, created, polarity}]
    results:        [{indicator, period, target, actual, unit, source, verdict, note}]

**Indicators** take ``unit`` (gg:unit, a text such as ``procent``), ``direction``
(``higher``, the default, or ``lower`` is better: gg:direction), ``baseline`` and
``threshold`` (numbers: gg:baseline, gg:threshold) and ``indicator_type``
(``quantitative`` or ``qualitative``); any statement takes ``stage``
(gg:valueChainStage: ``input``, ``input_processing``, ``output``,
``output_processing`` or ``outcome``) and ``weight`` (gg:targetWeight, a number
above 0: a target's weight in its plan). Plans and statements take
``broader_than``, ``narrower_than`` and ``peer_of`` (references: the plain
triples gg:broaderThan, gg:narrowerThan, gg:peerOf); plans take ``revision_of``
(a plan this one continues or replaces: prov:wasRevisionOf). An alignment with
``polarity: hinders`` works against its end: gg:polarity gg:hindering, and the plain
triple gg:hinders instead of gg:supports; ``polarity: supports`` says the default.

**Results** are one entry per indicator and period, as a performance unit keeps
them in a spreadsheet: ``indicator`` (a reference to an indicator of this file),
``period`` (``2019``, or ``2019-07-01/2020-06-30``, within the period of the
indicator's plan, or of the plan of what it measures, where that is known),
``target`` and ``actual`` (a number, ``12.5``, ``12,5`` or ``85%``, or texts by
language, ``{da: ...}``), ``unit`` (sets the indicator's unit if it has none; any
other unit than the indicator's is an error), ``source`` (the report's IRI:
required), ``verdict`` (the holder's own: ``met``, ``partly-met``, ``not-met``, or
``opfyldt``, ``delvist opfyldt``, ``ikke opfyldt``) and ``note`` (skos:note). Each
becomes a gg:TargetResult and/or gg:ActualResult, ``{indicator}/result/2019/target``
(``.../result/2019-07-01--2020-06-30/actual``), with gg:resultStart, gg:resultEnd,
rdf:value (xsd:decimal) or dcterms:description, dcterms:source, and gg:verdict on
the actual result. **Numbers or texts**: an indicator that is quantitative, or
that has a unit and is not said to be qualitative, takes numbers only; a
qualitative indicator, or one with neither type nor unit, takes numbers or texts.
A target, or an actual, given twice for one indicator and period is an error.

Texts are mappings from language tag to text (``text: {da: ..., en: ...}``):
``text`` and a plan's or source's ``title`` are the source's words, verbatim;
``translation`` is the dataset authors'; ``note`` (``skos:note``) is the authors'
own note or summary, never source text. A statement in a plan of the same file
takes the plan's holder and source unless it gives its own. IRIs (``id``) are
relative to the base namespace or absolute; without an ``id`` a readable one is
derived (``{holder}/{year}/{type}/{words of the text}``, æ → ae, ø → oe, å → aa).
References are explained in :mod:`.building`; the CSV pair in :mod:`.tables`. The
JSON Schema ``goalgraph/schemas/goalgraph-authoring.schema.json`` describes the
YAML for editors.

>>> import goalgraph
>>> from goalgraph.importers.authoring import to_yaml
>>> print(to_yaml(goalgraph.load(["data/target-plans-2019.yaml"])).count("kind: curated") > 0)
True
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph

from goalgraph.errors import display_path
from goalgraph.importers.authoring.building import Known, build
from goalgraph.importers.authoring.located import load_yaml
from goalgraph.importers.authoring.tables import (
    alignments_path,
    is_results_table,
    read_results_table,
    read_tables,
    results_path,
)
from goalgraph.importers.authoring.writing import to_yaml
from goalgraph.memory import paused_gc
from goalgraph.progressbar import Progress
from goalgraph.slugs import slug

__all__ = [
    "alignments_path",
    "is_results_table",
    "read_csv",
    "read_yaml",
    "results_path",
    "schema_file",
    "slug",
    "to_yaml",
]


def read_yaml(path: str | Path, *, base: str, progress: bool | None = None) -> Graph:
    """Read a strategy in the YAML authoring format into a graph of the goalgraph ontology.

    Parameters
    ----------
    path : str or Path
        The YAML file.
    base : str
        The base namespace relative IRIs resolve against.
    progress : bool, optional
        Show progress on standard error; by default when it is a terminal.

    Returns
    -------
    rdflib.Graph
        With absolute IRIs.

    Raises
    ------
    goalgraph.errors.DataError
        At the first mistake: the file, the line, the key and what is wrong.

    Examples
    --------
    >>> g = read_yaml("data/target-plans-2019.yaml", base="https://w3id.org/goalgraph/id/")
    >>> len(g) > 100
    True
    """
    path = Path(path)
    with paused_gc():
        document = load_yaml(path, progress=progress)
        return _build(document, path, base, progress)


def read_csv(path: str | Path, *, base: str, progress: bool | None = None, known: Graph | None = None) -> Graph:
    """Read a statements table, and the alignments and results tables beside it, or a results table, into a graph.

    Parameters
    ----------
    path : str or Path
        The statements table (its alignments and results tables are found by
        :func:`alignments_path` and :func:`results_path`), or a results table on its
        own (see :func:`is_results_table`).
    base : str
        The base namespace relative IRIs resolve against.
    progress : bool, optional
        Show progress on standard error; by default when it is a terminal.
    known : rdflib.Graph, optional
        For a results table on its own: the data loaded with it, where its indicators are.

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    goalgraph.errors.DataError
        If a header is wrong or a cell is (the file, the row's line and the column).
    """
    path = Path(path)
    with paused_gc():
        if is_results_table(path):
            return _build(read_results_table(path), path, base, progress, Known(known) if known is not None else None)
        return _build(read_tables(path), path, base, progress)


def _build(document: object, path: Path, base: str, progress: bool | None, known: Known | None = None) -> Graph:
    shown = display_path(path)
    enabled = sys.stderr.isatty() if progress is None else progress
    sections = [v for v in document.values() if isinstance(v, list)] if isinstance(document, dict) else []
    entries = sum(len(section) for section in sections)
    if not enabled or entries < 10_000:
        return build(document, file=shown, base=base, known=known)
    # The bar counts the file's bytes, as the parsing bar did: entries done as a share of them.
    size = path.stat().st_size
    with Progress(f"converting {shown}", size, enabled=True) as bar:
        return build(
            document,
            file=shown,
            base=base,
            progress=lambda done: bar.advance(size * done // entries - bar.done),
            known=known,
        )


def schema_file() -> Path:
    """The JSON Schema of the YAML authoring format, shipped in the package."""
    return Path(__file__).resolve().parents[2] / "schemas" / "goalgraph-authoring.schema.json"
