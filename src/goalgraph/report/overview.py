"""The first sections: the summary, and every organisation's statements by plan and type."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib.term import IdentifiedNode

from goalgraph.model import Plan, Statement, Term, choose_texts, local_name
from goalgraph.report.cells import LIST_LIMIT, plain, references, sort_key, text_phrases
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
from goalgraph.report.facts import Facts, anchor
from goalgraph.report.review import Suggestions
from goalgraph.report.words import Words

__all__ = ["at_a_glance", "period", "plan_groups", "report_title", "statements_section", "summary_section"]


def summary_section(
    facts: Facts, words: Words, *, generated: str, version: str, glance: Sequence[tuple[str, Cell]]
) -> Section:
    """Section 1: when and from what the report was made, what stands out, and the counts.

    `glance` is what the later sections found that a reader should see first:
    (label, cell) pairs.
    """
    blocks: list[Block] = [Paragraph((Phrase(words("generated", date=generated, version=version)),))]
    for dataset in facts.datasets:
        description, _ = choose_texts(dataset.descriptions, facts.lang)
        if description is not None:
            blocks.append(Paragraph((Phrase(description.value, lang=description.lang or None),)))
    blocks.append(Heading(words("at_a_glance")))
    blocks.append(DefinitionList(tuple((plain(label), cell) for label, cell in glance)))
    blocks.append(Heading(words("holdings")))
    blocks.append(_holdings(facts, words))
    return Section("summary", words("summary"), tuple(blocks))


def _holdings(facts: Facts, words: Words) -> Table:
    counts = facts.counts
    rows: list[tuple[str, int, bool]] = [
        (words("triples"), counts["triples"], False),
        (words("organisations"), counts["organisations"], False),
        (words("plans"), counts["plans"], False),
        (words("statements"), sum(counts["statements"].values()), False),
    ]
    # stats() counts by class name; the ontology gives each class its level and names.
    by_name = {local_name(term.node): term for term in facts.terms.values() if term.group == "statement"}
    present = [(name, n) for name, n in counts["statements"].items() if n]
    present.sort(key=lambda item: (_level(by_name.get(item[0])), item[0]))
    rows += [(facts.term_name(by_name[name].node) if name in by_name else name, n, True) for name, n in present]
    rows.append((words("alignments"), sum(counts["alignments"].values()), False))
    kinds = {local_name(term.node): term.node for term in facts.terms.values() if term.group == "kind"}
    rows += [
        (facts.term_name(kinds[name]) if name in kinds else name, n, True) for name, n in counts["alignments"].items()
    ]
    return Table(
        (words("what"), words("count")),
        tuple(
            TableRow((plain(("\u2003" if indented else "") + label), plain(words.number(n))))
            for label, n, indented in rows
        ),
        kind="counts",
        numeric=frozenset({1}),
    )


def _level(term: Term | None) -> int:
    return 99 if term is None or term.level is None else term.level


def period(plan: Plan) -> str:
    """A plan's period: ``2019`` for a whole year, ``2019–2022`` for whole years, else the dates.

    Examples
    --------
    >>> from rdflib import URIRef
    >>> period(Plan(URIRef("https://example.org/p"), start="2019-01-01", end="2019-12-31"))
    '2019'
    >>> period(Plan(URIRef("https://example.org/p"), start="2020-01-01", end="2023-12-31"))
    '2020–2023'
    >>> period(Plan(URIRef("https://example.org/p"), start="2020-03-01"))
    '2020-03-01–'
    """
    start, end = plan.start or "", plan.end or ""
    if start.endswith("-01-01") and end.endswith("-12-31"):
        first, last = start[:4], end[:4]
        return first if first == last else f"{first}–{last}"
    return f"{start}–{end}" if start or end else ""


def statements_section(facts: Facts, words: Words) -> Section:
    """Section 2: per organisation, top first, and per plan: its statements by type, with both texts."""
    held: dict[IdentifiedNode | None, list[Statement]] = {}
    for statement in facts.statements.values():
        held.setdefault(statement.holder, []).append(statement)
    blocks: list[Block] = [Paragraph((Phrase(words("by_organisation_intro")),))]
    if not facts.statements:
        blocks.append(Paragraph((Phrase(words("no_statements_at_all")),)))
    for organisation, depth in facts.order:
        blocks += _organisation_blocks(facts, words, organisation, depth, held.get(organisation, []))
    if None in held:
        blocks.append(Heading(words("without_holder")))
        blocks += plan_groups(facts, words, None, held[None])
    return Section("statements", words("by_organisation"), tuple(blocks))


def _organisation_blocks(
    facts: Facts, words: Words, organisation: IdentifiedNode, depth: int, statements: list[Statement]
) -> list[Block]:
    name = facts.organisation_name(organisation)
    blocks: list[Block] = [Heading(name, 3, anchor("o", organisation))]
    about = _placement(facts, words, organisation)
    if about:
        blocks.append(Paragraph(tuple(about), kind="note"))
    if not statements and not facts.plans_of(organisation):
        blocks.append(Paragraph((Phrase(words("no_statements")),), kind="note"))
        return blocks
    return blocks + plan_groups(facts, words, organisation, statements)


def _placement(facts: Facts, words: Words, organisation: IdentifiedNode) -> list[Phrase]:
    found = facts.organisations.get(organisation)
    if found is None:
        return []
    phrases: list[Phrase] = []
    for label, others in ((words("part_of"), found.parents), (words("members"), found.members)):
        named = sorted((facts.organisation_name(o) for o in others), key=str.casefold)
        if not named:
            continue
        if phrases:
            phrases.append(Phrase(". "))
        phrases.append(Phrase(f"{label}: ", strong=True))
        phrases.append(Phrase(", ".join(named[:LIST_LIMIT])))
        if len(named) > LIST_LIMIT:
            phrases.append(Phrase(" " + words("and_more", count=words.number(len(named) - LIST_LIMIT))))
    return phrases


def plan_groups(
    facts: Facts, words: Words, organisation: IdentifiedNode | None, statements: list[Statement]
) -> list[Block]:
    """`statements` of `organisation` (None: of no holder) by plan, each plan with its period, then by type."""
    by_plan: dict[IdentifiedNode | None, list[Statement]] = {}
    for statement in statements:
        by_plan.setdefault(statement.plan, []).append(statement)
    if organisation is not None:
        for own in facts.plans_of(organisation):
            by_plan.setdefault(own.node, [])
    blocks: list[Block] = []
    for plan in sorted(by_plan, key=lambda p: _plan_order(facts, p)):
        if plan is None:
            blocks.append(Heading(words("no_plan"), 4))
        else:
            found = facts.plans.get(plan)
            when = period(found) if found is not None else ""
            title = facts.plan_title(plan)
            blocks.append(Heading(f"{title} ({when})" if when else title, 4, anchor("p", plan)))
        if by_plan[plan]:
            blocks.append(_statement_table(facts, words, by_plan[plan]))
        else:
            blocks.append(Paragraph((Phrase(words("plan_without_statements")),), kind="note"))
    return blocks


def _plan_order(facts: Facts, plan: IdentifiedNode | None) -> tuple[int, str, str, str]:
    if plan is None:
        return 0, "", "", ""
    found = facts.plans.get(plan)
    start = found.start or "" if found is not None else ""
    return 1, start, facts.plan_title(plan).casefold(), str(plan)


def _statement_table(facts: Facts, words: Words, statements: list[Statement]) -> Table:
    def by_type(statement: Statement) -> tuple[int, str, tuple[int, int, str, str]]:
        level = 99 if statement.level is None else statement.level
        return level, facts.term_name(statement.type).casefold(), sort_key(facts, statement.node)

    rows = []
    for statement in sorted(statements, key=by_type):
        cells: tuple[Cell, ...] = (
            (Phrase(facts.reference(statement.node), strong=True),),
            plain(facts.term_name(statement.type)),
            text_phrases(facts, statement.node),
        )
        rows.append(TableRow(cells, anchor=anchor("s", statement.node)))
    return Table((words("id"), words("type"), words("statement")), tuple(rows), kind="statements")


def report_title(facts: Facts, words: Words) -> str:
    """The report's title: the datasets' titles in its language, else "goalgraph report"."""
    titles = []
    for dataset in facts.datasets:
        title, _ = choose_texts(dataset.titles, facts.lang)
        if title is not None and title.value not in titles:
            titles.append(title.value)
    return "; ".join(titles) if titles else words("untitled")


def at_a_glance(facts: Facts, words: Words, links: int, suggestions: Suggestions) -> list[tuple[str, Cell]]:
    """What a reader should see first: gaps, orphans, links across organisations, cycles, suggestions."""
    analysis = facts.analysis

    def listed(statements: list[object], marker: str | None = None) -> Cell:
        count = Phrase(
            (f"{marker} " if marker and statements else "") + words.number(len(statements)),
            strong=True,
            kind="gap" if marker and statements else None,
        )
        if not statements:
            return (count,)
        return (count, Phrase(": "), *references(facts, words, statements))  # type: ignore[arg-type]

    if suggestions.found is None:
        suggested: Cell = (Phrase(words("not_computed")),)
    else:
        suggested = (Phrase(words.number(len(suggestions.found)), strong=True),)
    return [
        (words("glance_gaps"), listed(list(analysis.gaps), "✗")),
        (words("glance_orphans"), listed(list(analysis.orphans))),
        (words("glance_cross"), (Phrase(words.number(links), strong=True),)),
        (words("glance_cycles"), (Phrase(words.number(len(analysis.cycles)), strong=True),)),
        (words("glance_suggestions"), suggested),
    ]
