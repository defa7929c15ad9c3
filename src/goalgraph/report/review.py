"""Section 8: links a program suggests from shared words, awaiting an analyst's review."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.term import Node

from goalgraph.model import GoalModel
from goalgraph.named_queries import run_query
from goalgraph.report.cells import plain, reference, text_phrases
from goalgraph.report.document import Block, Cell, Heading, Paragraph, Phrase, Section, Table, TableRow
from goalgraph.report.facts import Facts
from goalgraph.report.words import Words
from goalgraph.suggestion import DEFAULT_MIN_SCORE, Suggestion, suggest

__all__ = [
    "SUGGESTIONS_SHOWN",
    "SUGGESTION_STATEMENT_LIMIT",
    "Suggestions",
    "find_suggestions",
    "suggestions_section",
]

#: How many suggestions the report shows, the best first.
SUGGESTIONS_SHOWN = 20

#: Above this many statements the report computes no suggestions. Comparing texts
#: grows with the number of pairs of statements that share words; suggest() leaves
#: out the stems too common to say much and describes only the suggestions shown,
#: so 6,600 statements (100,000 triples) take under 2 s, but a national graph
#: should ask `goalgraph suggest` directly.
SUGGESTION_STATEMENT_LIMIT = 20_000


@dataclass(frozen=True)
class Suggestions:
    """What the report found to suggest.

    Attributes
    ----------
    found : list of Suggestion or None
        Every suggestion scoring at least the default minimum, the best first;
        None when they were not computed because the graph is too large.
    statements : int
        How many statements the graph has.
    limit : int
        The most statements for which suggestions are computed.
    """

    found: list[Suggestion] | None
    statements: int
    limit: int


def find_suggestions(
    graph: Graph, statements: int, limit: int = SUGGESTION_STATEMENT_LIMIT, *, model: GoalModel | None = None
) -> Suggestions:
    """Suggest links in `graph` (whose `model` may be read already), unless it has more than `limit` statements.

    Examples
    --------
    >>> import goalgraph
    >>> found = find_suggestions(goalgraph.load(), 22, limit=10)
    >>> found.found is None, found.statements
    (True, 22)
    """
    return Suggestions(suggest(graph, model=model) if statements <= limit else None, statements, limit)


def suggestions_section(
    facts: Facts, words: Words, suggestions: Suggestions, shown: int = SUGGESTIONS_SHOWN
) -> Section:
    """Section 8: the best suggestions, clearly marked as the machine's, not curated."""
    blocks: list[Block] = [Paragraph((Phrase(words("suggestions_banner"), strong=True),), kind="suggestion")]
    if suggestions.found is None:
        skipped = words(
            "suggestions_skipped",
            count=words.number(suggestions.statements),
            limit=words.number(suggestions.limit),
        )
        blocks.append(Paragraph((Phrase(skipped),), kind="note"))
    elif not suggestions.found:
        blocks.append(Paragraph((Phrase(words("no_suggestions")),), kind="note"))
    else:
        best = suggestions.found[:shown]
        blocks.append(_suggestion_table(facts, words, best))
        total = words(
            "suggestions_shown",
            shown=words.number(len(best)),
            total=words.number(len(suggestions.found)),
            minimum=words.decimal(DEFAULT_MIN_SCORE, 1),
        )
        blocks.append(Paragraph((Phrase(total),), kind="note"))
    if facts.counts["alignments"].get("suggested", 0):
        blocks += _stored(facts, words, shown)
    return Section("suggestions", words("suggestions"), tuple(blocks), kind="suggestions")


def _suggestion_table(facts: Facts, words: Words, best: list[Suggestion]) -> Table:
    rows = []
    for rank, suggestion in enumerate(best, start=1):
        shared = ", ".join(f"{term.word} ({term.language})" for term in suggestion.matched_terms)
        cells: tuple[Cell, ...] = (
            plain(words.number(rank)),
            plain(words.decimal(suggestion.score, 3)),
            _statement(facts, suggestion.from_statement),
            _statement(facts, suggestion.to_statement),
            (Phrase(shared), Phrase(words("suggestion_mark"), small=True, new_line=True, kind="suggestion")),
        )
        rows.append(TableRow(cells, kind="suggestion"))
    header = (words("rank"), words("score"), words("would_support"), words("to"), words("shared_words"))
    return Table(header, tuple(rows), kind="suggestions", numeric=frozenset({0, 1}))


def _statement(facts: Facts, statement: Node) -> Cell:
    if statement in facts.statements:
        return (reference(facts, statement), *text_phrases(facts, statement, other=False, new_line=True))
    return (reference(facts, statement),)


def _stored(facts: Facts, words: Words, shown: int) -> list[Block]:
    rows = run_query(facts.graph, "alignments", {"kind": "gg:suggested"}).rows
    table_rows = [
        TableRow(
            (
                _statement(facts, row["from"]) if row["from"] is not None else (),
                _statement(facts, row["to"]) if row["to"] is not None else (),
                plain(str(row.get("rationale") or "")),
            ),
            kind="suggestion",
        )
        for row in rows[:shown]
    ]
    header = (words("would_support"), words("to"), words("rationale"))
    blocks: list[Block] = [Heading(words("stored_suggestions"))]
    blocks.append(Table(header, tuple(table_rows), kind="suggestions"))
    if len(rows) > shown:
        blocks.append(Paragraph((Phrase(words("and_more", count=words.number(len(rows) - shown))),), "note"))
    return blocks
