"""The report's achievement section, in the shape of a Danish målrapportering.

From :func:`goalgraph.progress`, computed once per report (:func:`read_results`):

1. a chart of the targets by status per organisation (met, partly met, not met,
   no data), drawn as stacked bars (:mod:`goalgraph.report.charts`);
2. per organisation and plan, each target that indicators measure, with its
   indicators for the period: status, actual figure against target with unit,
   the holder's reported verdict and whether goalgraph's calculation agrees, and
   the sources; the targets not met first, then partly met, then met, then those
   without data;
3. per organisation, a small trend line per indicator: its actual figures over
   the periods, its targets dashed;
4. the missions and visions with their rolled-up status, score and drivers;
5. how it is calculated, in a few words, pointing to the rule in full.

With no results in the data the section is left out, and the summary says so in
one line (:func:`achievement_glance`). A report split into pages
(:mod:`goalgraph.report.split`) has 1 and 4 on its index
(:func:`achievement_index_section`), and 2 and 3 on each organisation's page
(:func:`achievement_page_section`).

>>> import goalgraph
>>> from goalgraph.report.facts import gather
>>> facts = gather(goalgraph.load(), "en")
>>> results = read_results(facts)
>>> results.has_results, achievement_section(facts, Words("en"), results)
(False, None)
>>> achievement_glance(Words("en"), results)[1][0].text
'No results (targets and actual figures) in the data: no achievement to report.'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.term import IdentifiedNode, Node

from goalgraph.achievement import Achievement, IndicatorRow, progress
from goalgraph.achievement.status import STATUSES
from goalgraph.report.cells import plain, reference, sort_key, text_phrases
from goalgraph.report.charts import figure
from goalgraph.report.document import (
    Bar,
    Block,
    Cell,
    Charts,
    Heading,
    Inline,
    Paragraph,
    Phrase,
    Section,
    StatusBar,
    StatusChart,
    Table,
    TableRow,
    TrendChart,
    TrendPoint,
)
from goalgraph.report.facts import Facts, shorten
from goalgraph.report.words import Words

__all__ = [
    "CHART_BARS",
    "Results",
    "achievement_glance",
    "achievement_index_section",
    "achievement_page_section",
    "achievement_section",
    "read_results",
]

#: The most bars of the chart by organisation: a graph of thousands of organisations
#: would make it pages long. The tables (or the organisations' pages) have them all.
CHART_BARS = 60

# The order targets are listed in: those that need attention first.
_ORDER = {"not-met": 0, "partly-met": 1, "met": 2, "no-data": 3}
# A symbol beside each status word, so that it reads without colour.
_SYMBOLS = {"met": "✓", "partly-met": "◐", "not-met": "✗", "no-data": "–"}
# Values in words (StratML's targets, often sentences): cut in a cell, whole at the source.
_WORDS_SHOWN = 160
_SOURCE_SHOWN = 60


@dataclass(frozen=True)
class Results:
    """The achievement of a report's graph, and its targets by holder, read once for every page.

    Attributes
    ----------
    achievement : Achievement
        :func:`goalgraph.progress` of the report's model.
    targets : dict of Node or None to list of (IdentifiedNode, tuple of IdentifiedNode)
        Each holder's targets (a statement indicators measure; an indicator that
        measures nothing is its own), each with its indicators, by IRI.
    """

    achievement: Achievement
    targets: dict[Node | None, list[tuple[IdentifiedNode, tuple[IdentifiedNode, ...]]]]

    @property
    def has_results(self) -> bool:
        """Whether any indicator has a result (a target or an actual figure) at all."""
        return bool(self.achievement.indicators)

    def status(self, statement: IdentifiedNode) -> str:
        """A statement's status for the period (no data where nothing is known)."""
        found = self.achievement.statements.get(statement)
        return found.status if found is not None else "no-data"

    def counts(self, holder: Node | None) -> tuple[int, ...]:
        """How many of `holder`'s targets have each status, in the order of :data:`~goalgraph.achievement.STATUSES`."""
        statuses = [self.status(target) for target, _ in self.targets.get(holder, [])]
        return tuple(statuses.count(status) for status in STATUSES)


def read_results(facts: Facts, period: str | None = None) -> Results:
    """The achievement of the report's model (:func:`goalgraph.progress`), and its targets by holder.

    Parameters
    ----------
    facts : Facts
    period : str, optional
        A year (``"2019"``) or an interval; by default each indicator's latest period with data.

    Returns
    -------
    Results

    Raises
    ------
    goalgraph.achievement.PeriodError
        If `period` is neither a year nor an ISO interval of dates.
    """
    model = facts.model
    achievement = progress(model, period=period)
    indicators_of: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    if achievement.indicators:
        for indicator, found in model.indicators.items():
            measured = [s for s in found.measures if s in model.statements] or [indicator]
            for target in measured:
                indicators_of.setdefault(target, []).append(indicator)
    targets: dict[Node | None, list[tuple[IdentifiedNode, tuple[IdentifiedNode, ...]]]] = {}
    for target in sorted(indicators_of, key=str):
        statement = model.statements.get(target)
        holder = statement.holder if statement is not None else None
        targets.setdefault(holder, []).append((target, tuple(sorted(indicators_of[target], key=str))))
    return Results(achievement, targets)


def achievement_glance(words: Words, results: Results) -> tuple[str, Cell]:
    """The summary's line: how many targets have each status, or that there are no results."""
    if not results.has_results:
        return words("glance_achievement"), plain(words("ach_none"))
    counts = [0] * len(STATUSES)
    for holder in results.targets:
        counts = [a + b for a, b in zip(counts, results.counts(holder), strict=True)]
    met, partly, not_met, no_data = (words.number(n) for n in counts)
    said = words(
        "ach_glance",
        measured=words.number(sum(counts)),
        not_met=not_met,
        partly=partly,
        met=met,
        no_data=no_data,
    )
    return words("glance_achievement"), (Phrase(said),)


def _status(words: Words, status: str, *, strong: bool = True) -> Phrase:
    return Phrase(f"{_SYMBOLS[status]} {words('ach_' + status)}", strong=strong, kind=f"status-{status}")


def _intro(words: Words, results: Results, key: str = "ach_intro") -> Paragraph:
    period = results.achievement.period
    when = words("ach_period", period=period) if period else words("ach_latest")
    return Paragraph((Phrase(words(key, period=when)),))


def _rule(words: Words) -> Paragraph:
    return Paragraph((Phrase(words("ach_rule")),), kind="note")


def _status_chart(facts: Facts, words: Words, results: Results) -> list[Block]:
    holders: list[Node | None] = [h for h, _ in facts.order if h in results.targets]
    if None in results.targets:
        holders.append(None)
    bars = tuple(StatusBar(facts.organisation_name(h), results.counts(h)) for h in holders[:CHART_BARS])
    statuses = tuple((status, words(f"ach_{status}")) for status in STATUSES)
    blocks: list[Block] = [Charts((StatusChart(words("ach_by_organisation"), statuses, bars),))]
    if len(holders) > CHART_BARS:
        cut = words("ach_bars_cut", shown=words.number(CHART_BARS), total=words.number(len(holders)))
        blocks.append(Paragraph((Phrase(cut),), kind="note"))
    return blocks


def _value(value: float | str | None, words: Words) -> str:
    if value is None:
        return words("dash")
    if isinstance(value, str):
        return shorten(value, _WORDS_SHOWN)
    return figure(value, words.lang)


def _figures(row: IndicatorRow | None, words: Words) -> str:
    if row is None:
        return words("dash")
    unit = f" {row.unit}" if row.unit else ""
    # The unit goes with figures only: a value in words says its own.
    actual = _value(row.actual, words) + (unit if isinstance(row.actual, float | int) else "")
    target = _value(row.target, words) + (unit if isinstance(row.target, float | int) else "")
    return f"{actual} / {target}"


def _verdict(row: IndicatorRow | None, words: Words) -> list[Inline]:
    if row is None or row.reported is None:
        return [Phrase(words("ach_not_reported"), small=True)]
    agrees = row.reported == row.calculated_status
    said = words("ach_agrees") if agrees else words("ach_calculated_as", status=words(f"ach_{row.calculated_status}"))
    return [_status(words, row.reported, strong=False), Phrase(f" ({said})", small=True)]


def _sources(facts: Facts, rows: Iterable[IndicatorRow | None]) -> list[Inline]:
    phrases: list[Inline] = []
    seen: set[str] = set()
    for row in rows:
        for source in row.sources if row is not None else ():
            if source in seen:
                continue
            seen.add(source)
            # Only web addresses become links: anything else the data calls a source stays text.
            href = source if source.startswith(("http://", "https://")) else None
            # Named by its title where the data gives one, else by its address's last part.
            name = shorten(facts.name(URIRef(source)), _SOURCE_SHOWN)
            phrases.append(Phrase(name, href=href, new_line=bool(phrases), small=True))
    return phrases


def _target_row(
    facts: Facts, words: Words, results: Results, target: IdentifiedNode, indicators: tuple[IdentifiedNode, ...]
) -> TableRow:
    chosen = results.achievement.chosen
    rows = [chosen.get(indicator) for indicator in indicators]
    status = results.status(target)
    several = len(indicators) > 1
    named: list[Inline] = []
    periods: list[Inline] = []
    figures: list[Inline] = []
    verdicts: list[Inline] = []
    for index, (indicator, row) in enumerate(zip(indicators, rows, strict=True)):
        line = index > 0
        named.append(_new_line(reference(facts, indicator, strong=False), line))
        named += [Phrase(" "), *text_phrases(facts, indicator, other=False)]
        if several and row is not None:
            named.append(Phrase(f" ({words('ach_' + row.status)})", small=True))
        periods.append(Phrase((row.period if row is not None else "") or words("dash"), new_line=line))
        figures.append(Phrase(_figures(row, words), new_line=line))
        first, *rest = _verdict(row, words)
        verdicts += [_new_line(first, line), *rest]
    target_cell: Cell = (reference(facts, target), *text_phrases(facts, target, other=False, new_line=True))
    return TableRow(
        (
            (_status(words, status),),
            target_cell if target not in indicators else (reference(facts, target),),
            tuple(named),
            tuple(periods),
            tuple(figures),
            tuple(verdicts),
            tuple(_sources(facts, rows)),
        ),
        kind=f"ach-{status}",
    )


def _new_line(phrase: Inline, line: bool) -> Inline:
    if not line or not isinstance(phrase, Phrase):
        return phrase
    return Phrase(phrase.text, phrase.lang, phrase.strong, phrase.italic, phrase.small, True, phrase.href, phrase.kind)


def _targets_table(
    facts: Facts, words: Words, results: Results, targets: list[tuple[IdentifiedNode, tuple[IdentifiedNode, ...]]]
) -> Table:
    ordered = sorted(targets, key=lambda t: (_ORDER[results.status(t[0])], sort_key(facts, t[0])))
    header = (
        words("status"),
        words("ach_target"),
        words("ach_indicator"),
        words("ach_period_column"),
        words("ach_actual_target"),
        words("ach_reported"),
        words("ach_sources"),
    )
    return Table(header, tuple(_target_row(facts, words, results, t, i) for t, i in ordered), kind="achievement")


def _trend_charts(facts: Facts, words: Words, results: Results, indicators: Iterable[IdentifiedNode]) -> list[Block]:
    charts = []
    for indicator in indicators:
        trend = results.achievement.trends.get(indicator)
        if trend is None:
            continue
        points = tuple(
            TrendPoint(
                row.period or words("dash"),
                row.end or row.start or "",
                float(row.actual) if isinstance(row.actual, float | int) else None,
                float(row.target) if isinstance(row.target, float | int) else None,
            )
            for row in trend.series
        )
        if not any(p.actual is not None or p.target is not None for p in points):
            continue  # figures in words only: nothing to draw
        found = facts.model.indicators.get(indicator)
        unit = found.unit if found is not None and found.unit else ""
        main, _ = facts.texts(indicator)
        title = facts.reference(indicator) + (f" {shorten(main.value, 80)}" if main is not None else "")
        charts.append(TrendChart(title, unit, points, (words("ach_actual"), words("ach_target_word"))))
    if not charts:
        return []
    return [
        Heading(words("ach_trends"), 4),
        Paragraph((Phrase(words("ach_trends_intro")),), kind="note"),
        Charts(tuple(charts)),
    ]


def _holder_blocks(facts: Facts, words: Words, results: Results, holder: Node | None, *, heading: bool) -> list[Block]:
    targets = results.targets.get(holder, [])
    blocks: list[Block] = []
    if heading:
        blocks.append(Heading(facts.organisation_name(holder) if holder is not None else words("without_holder")))
    by_plan: dict[Node | None, list[tuple[IdentifiedNode, tuple[IdentifiedNode, ...]]]] = {}
    for target in targets:
        statement = facts.statements.get(target[0])
        by_plan.setdefault(statement.plan if statement is not None else None, []).append(target)
    for plan in sorted(by_plan, key=lambda p: (p is not None, facts.plan_title(p).casefold() if p else "", str(p))):
        blocks.append(Heading(facts.plan_title(plan) if plan is not None else words("ach_plan_none"), 4))
        blocks.append(_targets_table(facts, words, results, by_plan[plan]))
    indicators = sorted({i for _, found in targets for i in found}, key=lambda i: sort_key(facts, i))
    blocks += _trend_charts(facts, words, results, indicators)
    return blocks


def _top_blocks(facts: Facts, words: Words, results: Results) -> list[Block]:
    achievement = results.achievement
    blocks: list[Block] = [Heading(words("ach_top")), Paragraph((Phrase(words("ach_top_intro")),))]
    top = sorted(achievement.top, key=lambda s: (_ORDER[results.status(s)], sort_key(facts, s)))
    rows = []
    for node in top:
        found = achievement.statements.get(node)
        score: Cell = (
            (Bar(found.score, words.decimal(found.score)),)
            if found is not None and found.score is not None
            else plain(words("dash"))
        )
        drivers: list[Inline] = []
        for driver in found.drivers if found is not None else ():
            how = words("ach_calculated_word") if driver.calculated else words("ach_reported_word")
            share = f"{'−' if driver.share < 0 else ''}{words.percent(abs(driver.share))}"
            drivers += [
                _new_line(reference(facts, driver.statement, strong=False), bool(drivers)),
                Phrase(" "),
                _status(words, driver.status, strong=False),
                Phrase(f" · {share} · {how}", small=True),
            ]
        if not drivers:
            drivers.append(Phrase(words("ach_no_drivers"), small=True))
        rows.append(
            TableRow(
                (
                    (_status(words, results.status(node)),),
                    (reference(facts, node), *text_phrases(facts, node, other=False, new_line=True)),
                    score,
                    tuple(drivers),
                ),
                kind=f"ach-{results.status(node)}",
            )
        )
    header = (words("status"), words("mission_or_vision"), words("score"), words("ach_drivers"))
    blocks.append(Table(header, tuple(rows), kind="achievement-top"))
    return blocks


def achievement_section(facts: Facts, words: Words, results: Results) -> Section | None:
    """The one-page report's section: chart, every organisation's targets and trends, the top, the rule.

    Returns
    -------
    Section or None
        None when the data has no results.
    """
    if not results.has_results:
        return None
    blocks: list[Block] = [_intro(words, results), *_status_chart(facts, words, results)]
    holders: list[Node | None] = [h for h, _ in facts.order if h in results.targets]
    if None in results.targets:
        holders.append(None)
    for holder in holders:
        blocks += _holder_blocks(facts, words, results, holder, heading=True)
    blocks += _top_blocks(facts, words, results)
    blocks.append(_rule(words))
    return Section("achievement", words("achievement"), tuple(blocks))


def achievement_index_section(facts: Facts, words: Words, results: Results) -> Section | None:
    """A split report's index: the chart by organisation and the missions and visions rolled up (None: no results)."""
    if not results.has_results:
        return None
    blocks: list[Block] = [_intro(words, results, "ach_index_intro"), *_status_chart(facts, words, results)]
    blocks += _top_blocks(facts, words, results)
    blocks.append(_rule(words))
    return Section("achievement", words("achievement"), tuple(blocks))


def achievement_page_section(facts: Facts, words: Words, results: Results, organisation: Node | None) -> Section | None:
    """An organisation's page: its own targets and their trends (None: it has no targets measured)."""
    if not results.targets.get(organisation):
        return None
    blocks: list[Block] = [_intro(words, results)]
    blocks += _holder_blocks(facts, words, results, organisation, heading=False)
    return Section("achievement", words("achievement"), tuple(blocks))
