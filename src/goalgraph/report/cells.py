"""Pieces of cells that many sections share: a statement's reference, its texts, lists of references."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from rdflib.term import IdentifiedNode, Node

from goalgraph.model import Text
from goalgraph.report.document import Cell, Phrase
from goalgraph.report.facts import Facts, anchor
from goalgraph.report.words import Words

__all__ = ["LIST_LIMIT", "plain", "reference", "references", "sort_key", "text_phrases"]

#: How many references a cell lists before it says "and N more": a cell must stay
#: readable even when a ministry's mission has thousands of statements under it.
LIST_LIMIT = 12


def plain(text: str, *, strong: bool = False, small: bool = False) -> Cell:
    """A cell of one phrase."""
    return (Phrase(text, strong=strong, small=small),)


def reference(facts: Facts, statement: Node, *, strong: bool = True) -> Phrase:
    """A statement's short name, linked to where the report lists it."""
    href = f"#{anchor('s', statement)}" if statement in facts.statements else None
    return Phrase(facts.reference(statement), strong=strong, href=href)


def references(facts: Facts, words: Words, statements: Iterable[IdentifiedNode]) -> list[Phrase]:
    """Statements' references separated by commas, at most :data:`LIST_LIMIT` of them."""
    listed = list(statements)
    # Only the first few are shown: a top mission may have thousands under it.
    first = heapq.nsmallest(LIST_LIMIT, listed, key=lambda s: sort_key(facts, s))
    phrases: list[Phrase] = []
    for statement in first:
        if phrases:
            phrases.append(Phrase(", "))
        phrases.append(reference(facts, statement, strong=False))
    if len(listed) > LIST_LIMIT:
        phrases.append(Phrase(" " + words("and_more", count=words.number(len(listed) - LIST_LIMIT))))
    return phrases


def sort_key(facts: Facts, statement: Node) -> tuple[int, int, str, str]:
    """Sort statements by holder (hierarchy order), level, then reference."""
    key = facts.sort_keys.get(statement)
    if key is None:
        found = facts.statements.get(statement)
        holder_rank = facts.rank.get(found.holder, len(facts.rank)) if found and found.holder else len(facts.rank)
        level = found.level if found is not None and found.level is not None else 99
        key = facts.sort_keys[statement] = (holder_rank, level, _natural(facts.reference(statement)), str(statement))
    return key


def _natural(text: str) -> str:
    # Numbers in identifiers sort by value (FP2 before FP10): pad each run of digits.
    padded, digits = [], ""
    for char in text + " ":
        if char.isdigit():
            digits += char
            continue
        if digits:
            padded.append(digits.zfill(8))
            digits = ""
        padded.append(char)
    return "".join(padded).rstrip().casefold()


def _text_phrase(text: Text, *, small: bool = False, new_line: bool = False) -> Phrase:
    return Phrase(text.value, lang=text.lang or None, italic=text.translated, small=small, new_line=new_line)


def text_phrases(facts: Facts, statement: Node, *, other: bool = True, new_line: bool = False) -> Cell:
    """A statement's text in the report's language, and (smaller) the other language's.

    The dataset's translations are in italics, the sources' own words upright.
    """
    main, second = facts.texts(statement)
    phrases: list[Phrase] = []
    if main is not None:
        phrases.append(_text_phrase(main, new_line=new_line))
    if other and second is not None:
        phrases.append(_text_phrase(second, small=True, new_line=True))
    return tuple(phrases)
