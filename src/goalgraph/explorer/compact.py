"""The statements and alignments of a large graph as the page carries them: compact columns.

Above ``collapse_above`` statements the page opens on the organisation tree and draws
only what is unfolded (see :mod:`goalgraph.explorer`), so it needs no vis-network node
or link made in advance for every statement; it needs the statements themselves, once.
:func:`compact_tables` writes them as columns of numbers: every IRI and every text
(labels, identifiers, rationales, language tags, kind names) is written once, in
``strings``, and referred to everywhere else by its position there; a missing value is
``-1``. Texts by language are flat lists of pairs ``[language, text, language, text]``.
The IRIs of statements and alignments are written without the ``base`` they all
start with (``https://w3id.org/goalgraph/id/`` and more, usually): at 138,000 IRIs
that saves megabytes.

This is also why the large page does not go through pyvis node by node: pyvis's
``add_node`` and ``add_edge`` look each id up in a list, so adding 66,000 statements
and 72,000 alignments takes the better part of a minute, and its node dictionaries
repeat every attribute name for every node. The page's script makes the few nodes it
shows from these columns (``assets/js/drill.js``), in the styles pyvis's options and
the payload's link styles define.

>>> import goalgraph
>>> from goalgraph.explorer.facts import gather
>>> facts = gather(goalgraph.load())
>>> tables = compact_tables(facts)
>>> statements, strings = tables["statements"], tables["strings"]
>>> first = facts.statements[0]
>>> tables["base"] + strings[statements["iri"][0]] == first.iri, strings[statements["identifier"][0]]
(True, 'JM-M1')
>>> len(strings) == len(set(strings))
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from rdflib.term import IdentifiedNode

from goalgraph.explorer.facts import ExplorerFacts, used_types
from goalgraph.model import Source, Text, by_language

__all__ = ["JOINT", "TOP", "compact_tables"]

#: Bits of a statement's ``flags``: one of the top, or joint.
TOP, JOINT = 1, 2


class _Strings:
    """Texts numbered in the order they are first met, each once."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.known: dict[tuple[Text, ...], list[int]] = {}

    def __call__(self, text: str | None) -> int:
        if text is None:
            return -1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def language_texts(self, texts: tuple[Text, ...]) -> list[int]:
        """As :meth:`texts`, for texts as the model has them; the same tuple is worked out once."""
        found = self.known.get(texts)
        if found is None:
            found = self.known[texts] = self.texts(by_language(texts))
        return found

    def texts(self, texts: dict[str, str]) -> list[int]:
        """Texts by language as a flat list of pairs of positions, languages in order."""
        flat: list[int] = []
        for language in sorted(texts):
            flat += (self(language), self(texts[language]))
        return flat


def _positions(items: Iterable[IdentifiedNode]) -> dict[IdentifiedNode, int]:
    return {node: k for k, node in enumerate(items)}


def compact_tables(facts: ExplorerFacts) -> dict[str, Any]:
    """The statements, their sources and the alignments of `facts` as columns, and the strings they use.

    Parameters
    ----------
    facts : ExplorerFacts

    Returns
    -------
    dict
        ``base`` (what the IRIs of statements and alignments start with, left off
        them), ``strings``; ``statements`` (columns ``iri``, ``identifier``, ``labels``,
        ``type``, ``row``, ``holder``, ``plan``, ``sources``, ``groups``, ``flags``),
        ``sources`` (``iri``, ``titles``) and ``alignments`` (``iri``, ``from``, ``to``,
        ``kind``, ``strength``, ``weight``, ``rationale``, ``evidence``, ``by``), each
        column one list with one value per row.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.explorer.facts import gather
    >>> tables = compact_tables(gather(goalgraph.load()))
    >>> alignments, strings = tables["alignments"], tables["strings"]
    >>> len(alignments["from"]), sorted({strings[k] for k in alignments["kind"]})
    (32, ['curated'])
    """
    strings = _Strings()
    iris = [s.iri for s in facts.statements] + [a.iri for a in facts.alignments]
    # IRIs are not file paths (commonpath would fold "https://" to "https:/"): a prefix by character.
    common = os.path.commonprefix(iris) if iris else ""  # noqa: RUF071
    base = common[: common.rfind("/") + 1]
    cut = len(base)
    organisations = _positions(o.node for o in facts.organisations)
    plans = _positions(p.node for p in facts.plans)
    groups = _positions(g.node for g in facts.groups)
    types = {t.name: k for k, t in enumerate(used_types(facts))}
    position = _positions(s.node for s in facts.statements)
    sources: dict[str, int] = {}
    source_rows: dict[str, list[Any]] = {"iri": [], "titles": []}

    def source(found_source: Source) -> int:
        iri = found_source.iri
        found = sources.get(iri)
        if found is None:
            found = sources[iri] = len(sources)
            source_rows["iri"].append(strings(iri))
            source_rows["titles"].append(strings.language_texts(found_source.titles))
        return found

    columns: dict[str, list[Any]] = {
        name: []
        for name in ("iri", "identifier", "labels", "type", "row", "holder", "plan", "sources", "groups", "flags")
    }
    for placed in facts.statements:
        statement = placed.statement
        columns["iri"].append(strings(statement.iri[cut:]))
        columns["identifier"].append(strings(statement.identifier))
        columns["labels"].append(strings.texts(statement.labels))
        columns["type"].append(types[statement.type_name])
        columns["row"].append(placed.row)
        columns["holder"].append(-1 if statement.holder is None else organisations.get(statement.holder, -1))
        columns["plan"].append(-1 if statement.plan is None else plans.get(statement.plan, -1))
        columns["sources"].append([source(found) for found in statement.sources])
        columns["groups"].append([groups[g] for g in statement.groups if g in groups])
        columns["flags"].append((TOP if placed.top else 0) | (JOINT if placed.joint else 0))

    links: dict[str, list[Any]] = {
        name: [] for name in ("iri", "from", "to", "kind", "strength", "weight", "rationale", "evidence", "by")
    }
    for alignment in facts.alignments:
        links["iri"].append(strings(alignment.iri[cut:]))
        links["from"].append(position[alignment.start])  # type: ignore[index]
        links["to"].append(position[alignment.end])  # type: ignore[index]
        links["kind"].append(strings(alignment.kind))
        links["strength"].append(strings(alignment.strength))
        links["weight"].append(alignment.weight)
        links["rationale"].append(strings.language_texts(alignment.rationale))
        links["evidence"].append(strings.language_texts(alignment.evidence))
        links["by"].append(
            strings.language_texts(tuple(name for agent in alignment.attributed_to for name in agent.names))
        )

    return {
        "base": base,
        "strings": list(strings.index),
        "statements": columns,
        "sources": source_rows,
        "alignments": links,
    }
