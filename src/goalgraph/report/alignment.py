"""The sections on alignment: coverage and gaps, orphans, links across organisations, matrices, scores."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable

import networkx as nx
from rdflib import XSD, Graph, Literal
from rdflib.term import IdentifiedNode, Node

from goalgraph.analysis import Coverage
from goalgraph.model import GoalModel, Statement, by_language, read_model
from goalgraph.namespaces import GG
from goalgraph.report.cells import plain, reference, references, sort_key, text_phrases
from goalgraph.report.document import (
    Bar,
    Block,
    Cell,
    Heading,
    Inline,
    Paragraph,
    Phrase,
    Section,
    Table,
    TableRow,
)
from goalgraph.report.facts import Facts
from goalgraph.report.words import Words

__all__ = [
    "MATRIX_COLUMNS",
    "MATRIX_ROWS",
    "Named",
    "coverage_order",
    "coverage_section",
    "coverage_table",
    "cross_organisation_links",
    "cross_organisation_section",
    "cross_table",
    "matrix_cell",
    "matrix_section",
    "named",
    "organisation_matrix",
    "orphans_section",
    "orphans_table",
    "score_definition",
    "score_row",
    "scores_section",
    "scores_table",
]

#: Makes an organisation's cell in a table: its name, or its name linked to its page.
Named = Callable[[Node | None], Cell]

#: The most rows and columns a matrix shows; beyond them it says how many it left out.
#: Ten columns of words still fit an A4 page upright; `goalgraph query matrix` has them all.
MATRIX_ROWS = 60
MATRIX_COLUMNS = 10


#################################################################
# 3. Coverage
#################################################################


def named(facts: Facts) -> Named:
    """Organisations' cells as one report page shows them: the name, as text."""
    return lambda organisation: plain(facts.organisation_name(organisation))


def coverage_section(facts: Facts, words: Words) -> Section:
    """Section 3: each mission and vision with its direct and transitive supporters; gaps first, marked."""
    blocks: list[Block] = [Paragraph((Phrase(words("coverage_rule")),))]
    found = sorted(facts.analysis.coverage.values(), key=lambda c: coverage_order(facts, c))
    if not found:
        blocks.append(Paragraph((Phrase(words("no_missions")),), kind="note"))
        return Section("coverage", words("coverage"), tuple(blocks))
    blocks.append(coverage_table(facts, words, found, named(facts)))
    return Section("coverage", words("coverage"), tuple(blocks))


def coverage_table(facts: Facts, words: Words, found: Iterable[Coverage], name: Named) -> Table:
    """The coverage of missions and visions `found`, in the order given; `name` makes the holder's cell."""
    cited: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for link in facts.analysis.plan_links:
        cited.setdefault(link.statement, []).append(link.plan)
    rows = [_coverage_row(facts, words, covered, cited.get(covered.statement, []), name) for covered in found]
    header = (
        words("status"),
        words("mission_or_vision"),
        words("holder"),
        words("direct_supporters"),
        words("through_others"),
        words("plans_citing"),
    )
    return Table(header, tuple(rows), kind="coverage")


def coverage_order(facts: Facts, covered: Coverage) -> tuple[bool, int, tuple[int, int, str, str]]:
    """Gaps first, then the least supported, then by holder and level."""
    return not covered.gap, covered.transitive_count, sort_key(facts, covered.statement)


def _coverage_row(facts: Facts, words: Words, covered: Coverage, plans: list[IdentifiedNode], name: Named) -> TableRow:
    statement = covered.statement
    if covered.gap:
        status: Cell = (Phrase(words("gap_mark"), strong=True, kind="gap"),)
        if plans:
            status += (Phrase(words("only_plan"), small=True, new_line=True),)
    else:
        status = (Phrase(words("covered_mark"), kind="ok"),)
    found = facts.statements[statement]
    about = [reference(facts, statement), Phrase(" · " + facts.term_name(found.type), small=True)]
    if statement in facts.analysis.top:
        about.append(Phrase(" · " + words("top_mark"), small=True))
    indirect = covered.transitive - covered.direct
    cells: tuple[Cell, ...] = (
        status,
        (*about, *text_phrases(facts, statement, other=False, new_line=True)),
        name(found.holder),
        _counted(facts, words, covered.direct),
        _counted(facts, words, indirect),
        tuple(_plan_names(facts, plans)),
    )
    return TableRow(cells, kind="gap" if covered.gap else None)


def _counted(facts: Facts, words: Words, statements: frozenset[IdentifiedNode]) -> Cell:
    if not statements:
        return (Phrase("0", strong=True),)
    return (
        Phrase(words.number(len(statements)), strong=True),
        Phrase(": "),
        *references(facts, words, statements),
    )


def _plan_names(facts: Facts, plans: Iterable[IdentifiedNode]) -> list[Phrase]:
    names = sorted({facts.plan_title(plan) for plan in plans}, key=str.casefold)
    return [Phrase(name, new_line=index > 0) for index, name in enumerate(names)]


#################################################################
# 4. Orphans
#################################################################


def orphans_section(facts: Facts, words: Words) -> Section:
    """Section 4: statements below the missions and visions that support nothing."""
    blocks: list[Block] = [Paragraph((Phrase(words("orphans_intro")),))]
    orphans = sorted(facts.analysis.orphans, key=lambda s: sort_key(facts, s))
    if not orphans:
        blocks.append(Paragraph((Phrase(words("no_orphans")),), kind="note"))
        return Section("orphans", words("orphans"), tuple(blocks))
    blocks.append(orphans_table(facts, words, orphans, named(facts)))
    return Section("orphans", words("orphans"), tuple(blocks))


def orphans_table(facts: Facts, words: Words, orphans: Iterable[IdentifiedNode], name: Named) -> Table:
    """The `orphans` given, in their order; `name` makes the holder's cell."""
    graph = facts.analysis.graph
    rows = []
    for orphan in orphans:
        found = facts.statements[orphan]
        cells: tuple[Cell, ...] = (
            (reference(facts, orphan),),
            plain(facts.term_name(found.type)),
            name(found.holder),
            text_phrases(facts, orphan),
            plain(words.number(graph.in_degree(orphan))),
        )
        rows.append(TableRow(cells))
    header = (words("statement"), words("type"), words("holder"), words("text"), words("supported_by"))
    return Table(header, tuple(rows), kind="orphans", numeric=frozenset({4}))


#################################################################
# 5. Cross-organisation links
#################################################################


def cross_organisation_links(graph: Graph, *, model: GoalModel | None = None) -> list[dict[str, Node | None]]:
    """The rows of the ``cross-organisation`` query: from, fromHolder, to, toHolder, relation, strength.

    Read from the graph's model (`model`, else :func:`~goalgraph.model.read_model`),
    not by running the query: on a million triples the query takes seconds, this a
    fraction of one. The rows are those the query gives, in its order: alignments
    of any kind whose ends (statements or plans) have different holders, then
    statements of different organisations or plans in the very same words (the
    source's, ``gg:text``).

    Examples
    --------
    >>> import goalgraph
    >>> rows = cross_organisation_links(goalgraph.load())
    >>> len(rows), sorted(rows[0])
    (27, ['from', 'fromHolder', 'relation', 'strength', 'to', 'toHolder'])
    """
    model = read_model(graph) if model is None else model
    holders: dict[Node, IdentifiedNode] = {p.node: p.holder for p in model.plans.values() if p.holder is not None}
    holders |= {s.node: s.holder for s in model.statements.values() if s.holder is not None}
    relations = {
        name: Literal(f"{english} alignment", datatype=XSD.string)
        for name, term in model.kinds.items()
        if (english := by_language(term.names).get("en")) is not None
    }
    strengths = {name: term.node for name, term in model.strengths.items()}
    rows: list[dict[str, Node | None]] = []
    for alignment in model.alignments.values():
        start, end = alignment.start, alignment.end
        if start is None or end is None or not alignment.kind:
            continue
        from_holder, to_holder = holders.get(start), holders.get(end)
        if from_holder is None or to_holder is None or from_holder == to_holder:
            continue
        strength = alignment.strength
        rows.append(
            {
                "from": start,
                "fromHolder": from_holder,
                "to": end,
                "toHolder": to_holder,
                "relation": relations.get(alignment.kind),
                "strength": None if strength is None else strengths.get(strength, GG[strength]),
            }
        )
    # The very same words: statements grouped by text, so only those that share one are paired.
    by_text: dict[tuple[str, str], list[Statement]] = {}
    for statement in model.statements.values():
        if statement.holder is None:
            continue
        for text in statement.texts:
            if not text.translated:
                by_text.setdefault((text.value, text.lang), []).append(statement)
    same = Literal("same words", datatype=XSD.string)
    for group in by_text.values():
        for first in group:
            for second in group:
                if str(first.node) < str(second.node) and (first.holder != second.holder or first.plan != second.plan):
                    rows.append(
                        {
                            "from": first.node,
                            "fromHolder": first.holder,
                            "to": second.node,
                            "toHolder": second.holder,
                            "relation": same,
                            "strength": None,
                        }
                    )

    def order(row: dict[str, Node | None]) -> tuple[bool, str, str, str, str]:
        relation = row["relation"]
        return relation is not None, str(relation or ""), str(row["fromHolder"]), str(row["from"]), str(row["to"])

    rows.sort(key=order)
    return rows


def cross_organisation_section(facts: Facts, words: Words, links: list[dict[str, Node | None]]) -> Section:
    """Section 5: the links that join statements of different organisations, with kind and strength."""
    blocks: list[Block] = [Paragraph((Phrase(words("cross_intro")),))]
    if not links:
        blocks.append(Paragraph((Phrase(words("no_cross")),), kind="note"))
        return Section("cross-organisation", words("cross"), tuple(blocks))
    blocks.append(cross_table(facts, words, links, named(facts)))
    return Section("cross-organisation", words("cross"), tuple(blocks))


def cross_table(facts: Facts, words: Words, links: Iterable[dict[str, Node | None]], name: Named) -> Table:
    """The `links` across organisations given, in their order; `name` makes the holders' cells."""
    kinds = {by_language(t.names).get("en"): t.node for t in facts.terms.values() if t.group == "kind" and t.names}
    rows = []
    for link in links:
        cells: tuple[Cell, ...] = (
            _end(facts, link["from"]),
            name(link["fromHolder"]),
            _end(facts, link["to"]),
            name(link["toHolder"]),
            plain(_relation(facts, words, link["relation"], kinds)),
            plain(facts.term_name(link["strength"])),
        )
        rows.append(TableRow(cells))
    header = (words("from"), words("holder"), words("to"), words("holder"), words("link"), words("strength"))
    return Table(header, tuple(rows), kind="cross")


def _end(facts: Facts, node: Node | None) -> Cell:
    if node is None:
        return ()
    if node in facts.statements:
        return (reference(facts, node), *text_phrases(facts, node, other=False, new_line=True))
    return (Phrase(facts.reference(node)),)


def _relation(facts: Facts, words: Words, relation: Node | None, kinds: dict[str | None, IdentifiedNode]) -> str:
    # The query names the relation in English: "<kind> alignment", or "same words".
    text = str(relation or "")
    if text == "same words":
        return words("same_words")
    kind = kinds.get(text.removesuffix(" alignment"))
    return words("kind_alignment", kind=facts.term_name(kind)) if kind is not None else text


#################################################################
# 6. Matrices
#################################################################


def matrix_cell(facts: Facts, words: Words, row: IdentifiedNode, column: IdentifiedNode, below: set[Node]) -> str:
    """What a matrix shows for `row` × `column`, as the ``matrix`` query does.

    The direct link's strength (or its kind where it has none), else "indirect" when
    `column` is among `below` (what `row` reaches through alignments), else nothing.
    """
    graph = facts.analysis.graph
    if graph.has_edge(row, column):
        data = graph.edges[row, column]
        term = GG[data["strength"]] if data.get("strength") else GG[data["kind"]]
        return facts.term_name(term)
    return words("indirect") if column in below else ""


def organisation_matrix(facts: Facts, words: Words, held: Iterable[Statement]) -> list[Block]:
    """Focus points × strategic markers of the statements one organisation `held`, if it holds both; else nothing."""
    held = list(held)
    focus_points = [s.node for s in held if s.type == GG.FocusPoint]
    markers = [s.node for s in held if s.type == GG.StrategicMarker]
    if not focus_points or not markers:
        return []
    return _matrix(facts, words, _sorted(facts, focus_points), _sorted(facts, markers))


def _matrix(facts: Facts, words: Words, rows: list[IdentifiedNode], columns: list[IdentifiedNode]) -> list[Block]:
    graph = facts.analysis.graph
    shown_rows, shown_columns = rows[:MATRIX_ROWS], columns[:MATRIX_COLUMNS]
    table_rows = []
    for row in shown_rows:
        below = nx.descendants(graph, row)
        cells = [(reference(facts, row), *text_phrases(facts, row, other=False, new_line=True))]
        for column in shown_columns:
            value = matrix_cell(facts, words, row, column, below)
            kind = _cell_kind(graph, row, column, value)
            cells.append((Phrase(value, kind=kind),) if value else ())
        table_rows.append(TableRow(tuple(cells)))
    header = ("", *(facts.reference(column) for column in shown_columns))
    blocks: list[Block] = [Table(header, tuple(table_rows), kind="matrix")]
    legend: list[Inline] = [Phrase(words("columns") + ": ", strong=True)]
    for index, column in enumerate(shown_columns):
        if index:
            legend.append(Phrase("; "))
        legend += [reference(facts, column), Phrase(" "), *text_phrases(facts, column, other=False)]
    blocks.append(Paragraph(tuple(legend), kind="note"))
    if len(shown_rows) < len(rows) or len(shown_columns) < len(columns):
        cut = words(
            "matrix_cut",
            rows=words.number(len(shown_rows)),
            all_rows=words.number(len(rows)),
            columns=words.number(len(shown_columns)),
            all_columns=words.number(len(columns)),
        )
        blocks.append(Paragraph((Phrase(cut),), kind="note"))
    return blocks


def _cell_kind(graph: nx.DiGraph, row: IdentifiedNode, column: IdentifiedNode, value: str) -> str | None:
    if not value:
        return None
    if graph.has_edge(row, column):
        data = graph.edges[row, column]
        return str(data.get("strength") or data["kind"])
    return "indirect"


def matrix_section(facts: Facts, words: Words, organisations: Container[Node] | None = None) -> Section:
    """Section 6: focus points × strategic markers per organisation, and markers × the top visions.

    `organisations`, if given, are those whose focus points and markers are crossed
    (the index of a report split into pages: the rest are on their own pages).
    """
    by_type: dict[tuple[Node, Node | None], list[IdentifiedNode]] = {}
    for statement in facts.statements.values():
        by_type.setdefault((statement.type, statement.holder), []).append(statement.node)
    blocks: list[Block] = [Paragraph((Phrase(words("matrix_intro")),))]
    crossed = False
    for organisation, _ in facts.order:
        if organisations is not None and organisation not in organisations:
            continue
        focus_points = by_type.get((GG.FocusPoint, organisation), [])
        markers = by_type.get((GG.StrategicMarker, organisation), [])
        if focus_points and markers:
            crossed = True
            blocks.append(Heading(words("focus_by_marker", holder=facts.organisation_name(organisation))))
            blocks += _matrix(facts, words, _sorted(facts, focus_points), _sorted(facts, markers))
    if not crossed and organisations is None:
        has_focus_points = any(kind == GG.FocusPoint for kind, _ in by_type)
        blocks.append(
            Paragraph((Phrase(words("no_focus_and_markers" if has_focus_points else "no_focus_points")),), "note")
        )
    all_markers = [s for (kind, _), found in by_type.items() if kind == GG.StrategicMarker for s in found]
    top_visions = [s for s in facts.analysis.top if facts.statements[s].type == GG.Vision]
    blocks.append(Heading(words("marker_by_vision")))
    if all_markers and top_visions:
        blocks += _matrix(facts, words, _sorted(facts, all_markers), _sorted(facts, top_visions))
    else:
        blocks.append(Paragraph((Phrase(words("no_markers_and_visions")),), kind="note"))
    return Section("matrix", words("matrix"), tuple(blocks))


def _sorted(facts: Facts, statements: Iterable[IdentifiedNode]) -> list[IdentifiedNode]:
    return sorted(statements, key=lambda s: sort_key(facts, s))


#################################################################
# 7. Scores
#################################################################


def scores_section(facts: Facts, words: Words) -> Section:
    """Section 7: each organisation's alignment score and reach share, with bars and the definition."""
    blocks: list[Block] = [Paragraph((Phrase(score_definition(facts, words)),))]
    rows = [
        score_row(facts, words, organisation, named(facts))
        for organisation, _ in facts.order
        if organisation in facts.analysis.scores
    ]
    if not rows:
        blocks.append(Paragraph((Phrase(words("no_scores")),), kind="note"))
        return Section("scores", words("scores"), tuple(blocks))
    blocks.append(scores_table(words, rows))
    return Section("scores", words("scores"), tuple(blocks))


def scores_table(words: Words, rows: Iterable[TableRow]) -> Table:
    """A table of :func:`score_row` rows."""
    header = (
        words("organisation"),
        words("held"),
        words("scored"),
        words("reaching"),
        words("score"),
        words("reach_share"),
    )
    return Table(header, tuple(rows), kind="scores", numeric=frozenset({1, 2, 3}))


def score_row(facts: Facts, words: Words, organisation: IdentifiedNode, name: Named) -> TableRow:
    """An organisation's score and reach share, with bars; dashes where it holds no statements to score."""
    found = facts.analysis.scores.get(organisation)
    cells: list[Cell] = [name(organisation)]
    if found is None:
        # Listed in an index only to be reached: it holds no statements.
        cells += [plain(words.number(0))] * 3 + [plain(words("dash")), plain(words("no_statements_held"), small=True)]
        return TableRow(tuple(cells))
    counts = (found.statements, found.scored, found.reaching)
    cells += [plain(words.number(n)) for n in counts]
    if found.score is None or found.reach_share is None:
        cells += [plain(words("dash")), plain(words("nothing_to_score"), small=True)]
    else:
        cells += [
            (Bar(found.score, words.decimal(found.score)),),
            (Bar(found.reach_share, words.percent(found.reach_share)),),
        ]
    return TableRow(tuple(cells))


def score_definition(facts: Facts, words: Words) -> str:
    """The alignment score in plain words, with the ontology's weights of the strengths."""
    strengths = sorted(
        (t for t in facts.terms.values() if t.group == "strength" and t.weight is not None),
        key=lambda t: (-(t.weight or 0.0), str(t.node)),
    )
    weights = ", ".join(f"{facts.term_name(t.node)} {words.decimal(t.weight or 0.0, 1)}" for t in strengths)
    weight = {t.node: t.weight or 0.0 for t in strengths}
    strong, moderate = weight.get(GG.strong, 1.0), weight.get(GG.moderate, 0.6)
    example = f"{words.decimal(strong, 1)} × {words.decimal(moderate, 1)} = {words.decimal(strong * moderate, 2)}"
    return words("scores_definition", weights=weights, example=example)
