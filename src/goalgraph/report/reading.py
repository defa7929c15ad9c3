"""The last sections: how to read the report, the ontology's definitions, and where the data comes from."""

from __future__ import annotations

from rdflib import BNode
from rdflib.term import IdentifiedNode, Node

from goalgraph.model import Term, by_language, in_language
from goalgraph.report.cells import plain
from goalgraph.report.document import (
    Block,
    Cell,
    DefinitionList,
    Heading,
    Paragraph,
    Phrase,
    Section,
    Table,
    TableRow,
)
from goalgraph.report.facts import Facts
from goalgraph.report.words import Words

__all__ = ["link", "provenance_section", "reading_section"]

_READING_TERMS = ("top", "alignment", "coverage", "gap", "orphan", "cross", "score", "suggestion", "styles")


def link(address: str) -> str | None:
    """`address` if it may be a link in the report (http or https), else None.

    Only web addresses are linked: a ``javascript:`` or ``data:`` IRI in the data
    must never become a link.

    Examples
    --------
    >>> link("https://anklagemyndigheden.dk/da/vores-maal"), link("javascript:alert(1)")
    ('https://anklagemyndigheden.dk/da/vores-maal', None)
    """
    return address if address.lower().startswith(("http://", "https://")) else None


def reading_section(facts: Facts, words: Words) -> Section:
    """Section 9: the report's terms in plain words; the ontology's statement types, kinds and strengths."""
    terms = DefinitionList(
        tuple((plain(words(f"term_{key}"), strong=True), plain(words(f"def_{key}"))) for key in _READING_TERMS)
    )
    blocks: list[Block] = [terms, Heading(words("statement_types"))]
    types = sorted(
        (t for t in facts.terms.values() if t.group == "statement"),
        key=lambda t: (99 if t.level is None else t.level, facts.term_name(t.node).casefold()),
    )
    blocks.append(
        Table(
            (words("level"), words("type"), words("definition")),
            tuple(
                TableRow(
                    (
                        plain("" if t.level is None else words.number(t.level)),
                        plain(facts.term_name(t.node), strong=True),
                        plain(_definition(t, facts.lang)),
                    )
                )
                for t in types
            ),
            kind="terms",
            numeric=frozenset({0}),
        )
    )
    blocks.append(Heading(words("kinds_and_strengths")))
    others = sorted(
        (t for t in facts.terms.values() if t.group in ("kind", "strength")),
        key=lambda t: (t.group, -(t.weight or 0.0), facts.term_name(t.node).casefold()),
    )
    blocks.append(
        Table(
            (words("term"), words("weight"), words("definition")),
            tuple(
                TableRow(
                    (
                        plain(facts.term_name(t.node), strong=True),
                        plain("" if t.weight is None else words.decimal(t.weight, 1)),
                        plain(_definition(t, facts.lang)),
                    )
                )
                for t in others
            ),
            kind="terms",
            numeric=frozenset({1}),
        )
    )
    return Section("reading", words("reading"), tuple(blocks))


def _definition(term: Term, lang: str) -> str:
    return in_language(term.definitions, lang) or ""


def provenance_section(facts: Facts, words: Words, sources_shown: int | None = None) -> Section:
    """Section 10: the sources of the statements, who asserted the alignments, who translated.

    With `sources_shown`, at most that many sources are listed, and the rest counted.
    """
    blocks: list[Block] = [Paragraph((Phrase(words("sources_intro")),))]
    sources = _sources(facts, words)
    if sources_shown is not None and len(sources.rows) > sources_shown:
        cut = words("sources_cut", shown=words.number(sources_shown), total=words.number(len(sources.rows)))
        blocks += [Table(sources.header, sources.rows[:sources_shown], sources.kind, sources.numeric)]
        blocks.append(Paragraph((Phrase(cut),), kind="note"))
    else:
        blocks.append(sources)
    blocks.append(_asserted(facts, words))
    agents = sorted(
        {
            in_language(agent.names, facts.lang) or facts.name(agent.node)
            for dataset in facts.datasets
            for agent in dataset.agents
        },
        key=str.casefold,
    )
    said = words("translated_by", agents=", ".join(agents)) if agents else words("translations_unattributed")
    blocks.append(Paragraph((Phrase(said),), kind="note"))
    return Section("provenance", words("provenance"), tuple(blocks))


def _sources(facts: Facts, words: Words) -> Table:
    titles: dict[Node | None, dict[str, str]] = {}
    counts: dict[Node | None, int] = {}
    for statement in facts.model.statements.values():
        for cited in statement.sources or (None,):
            node = None if cited is None else cited.node
            counts[node] = counts.get(node, 0) + 1
            if node not in titles:
                titles[node] = {} if cited is None else by_language(cited.titles)
    rows = []
    for source in sorted(counts, key=lambda s: (s is None, str(s))):
        names = titles[source]
        title = names.get(facts.lang) or (names[min(names)] if names else "")
        if source is None:
            where: Cell = plain(words("no_source"))
        else:
            where = (Phrase(str(source), href=link(str(source))),)
        rows.append(TableRow((where, plain(title), plain(words.number(counts[source])))))
    header = (words("source"), words("title"), words("statements").capitalize())
    return Table(header, tuple(rows), kind="sources", numeric=frozenset({2}))


def _asserted(facts: Facts, words: Words) -> Block:
    model = facts.model
    counts: dict[tuple[str, IdentifiedNode | None], int] = {}
    for alignment in model.alignments.values():
        if alignment.kind:
            for by in alignment.attributed_to or (None,):
                key = (alignment.kind, None if by is None else by.node)
                counts[key] = counts.get(key, 0) + 1

    def kind_node(kind: str) -> Node | None:
        term = model.kinds.get(kind)
        return None if term is None else term.node

    def order(key: tuple[str, IdentifiedNode | None]) -> tuple[str, int, str]:
        # As SPARQL orders them: kinds by IRI; no agent first, then blank nodes, then IRIs.
        kind, agent = key
        place = 0 if agent is None else 1 if isinstance(agent, BNode) else 2
        return str(kind_node(kind) or kind), place, str(agent or "")

    rows = []
    for kind, agent in sorted(counts, key=order):
        who = facts.organisation_name(agent) if agent is not None else words("nobody")
        named = facts.term_name(kind_node(kind)) if kind_node(kind) is not None else kind
        rows.append(TableRow((plain(named), plain(who), plain(words.number(counts[kind, agent])))))
    if not rows:
        return Paragraph((Phrase(words("no_alignments")),), kind="note")
    header = (words("kind"), words("asserted_by"), words("alignments").capitalize())
    return Table(header, tuple(rows), kind="asserted", numeric=frozenset({2}))
