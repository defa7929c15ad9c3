"""Achievement as text and CSV, for the command line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from rdflib.term import IdentifiedNode

from goalgraph.achievement.conflicts import Conflict
from goalgraph.achievement.indicators import IndicatorRow
from goalgraph.achievement.whatif import WhatIf
from goalgraph.export.tables import neutralise
from goalgraph.model import GoalModel

__all__ = ["CSV_COLUMNS", "conflicts_text", "progress_csv", "progress_text", "what_if_text"]

#: The columns of ``goalgraph progress --format csv``: one row per indicator and period.
CSV_COLUMNS = (
    "indicator",
    "identifier",
    "label",
    "statement",
    "period",
    "target",
    "actual",
    "unit",
    "status",
    "calculated",
    "reported",
    "source",
)
# How a Danish annual report words a verdict.
_VERDICTS_DA = {"met": "opfyldt", "partly-met": "delvist opfyldt", "not-met": "ikke opfyldt"}
_ARROWS = {"toward": "↑ toward", "away": "↓ away", "flat": "→ flat", "unknown": "· unknown"}


def _name(model: GoalModel, node: IdentifiedNode | None, lang: str, width: int = 70) -> str:
    if node is None:
        return "—"
    statement = model.statements.get(node)
    if statement is None:
        return str(node)
    labels = statement.labels
    text = labels.get(lang) or labels.get("da") or labels.get("en") or str(node)
    if len(text) > width:
        text = text[: width - 1] + "…"
    return f"{statement.identifier}  {text}" if statement.identifier else text


def _figure(value: float | str | None, width: int = 10) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return value if len(value) <= width else value[: width - 1] + "…"


def progress_text(model: GoalModel, achievement: object, lang: str = "da") -> str:
    """An achievement (:func:`goalgraph.achievement.progress`) for reading in a terminal.

    Parameters
    ----------
    model : GoalModel
    achievement : Achievement
    lang : {"da", "en"}

    Returns
    -------
    str

    Examples
    --------
    >>> import goalgraph
    >>> g = goalgraph.open()
    >>> print(progress_text(goalgraph.read_model(g), goalgraph.progress(g)).splitlines()[0])
    Progress: each indicator's latest period with data
    """
    from goalgraph.achievement import Achievement

    assert isinstance(achievement, Achievement)
    period = achievement.period
    out = [f"Progress: the period {period}" if period else "Progress: each indicator's latest period with data"]
    rows = achievement.indicators
    if not rows:
        out += ["", 'Indicators: no results in the data (add them: README, "Targets and results")']
    else:
        out += [
            "",
            "Indicators",
            f"  {'STATUS':<11} {'PERIOD':<22} {'TARGET':>10} {'ACTUAL':>10}  {'UNIT':<10} INDICATOR",
        ]
        for row in rows:
            verdict = _VERDICTS_DA.get(row.reported, row.reported) if lang == "da" and row.reported else row.reported
            said = f"  (reported: {verdict})" if row.reported else ""
            out.append(
                f"  {row.status:<11} {row.period or '—':<22} {_figure(row.target):>10} {_figure(row.actual):>10}  "
                f"{(row.unit or '')[:10]:<10} {_name(model, row.indicator, lang, 50)}{said}"
            )
        moving = [t for _, t in sorted(achievement.trends.items(), key=lambda item: str(item[0])) if t.series]
        out += ["", "Trends"]
        for moved in moving:
            figures = f"{_figure(moved.previous)} → {_figure(moved.latest)}" if moved.previous is not None else ""
            target = f" (target {_figure(moved.target)})" if moved.target is not None else ""
            out.append(f"  {_ARROWS[moved.movement]:<10} {_name(model, moved.indicator, lang, 50)}  {figures}{target}")
    out += ["", "Missions and visions (rolled up through the alignments)"]
    for node in achievement.top:
        out += _statement_lines(model, achievement, node, lang)
    measured = [
        s
        for s in achievement.with_data()
        if s.statement not in set(achievement.top) and s.statement in model.statements
    ]
    if measured:
        out += ["", "Statements with a status"]
        for found in measured:
            how = "measured" if found.measured else "rolled up"
            out.append(f"  {found.status:<11} {_score(found.score)}  {_name(model, found.statement, lang)}  ({how})")
    return "\n".join(out)


def _score(score: float | None) -> str:
    return "  —  " if score is None else f"{score:5.2f}"


def _statement_lines(model: GoalModel, achievement: object, node: IdentifiedNode, lang: str) -> list[str]:
    from goalgraph.achievement import Achievement

    assert isinstance(achievement, Achievement)
    found = achievement.statements[node]
    lines = [f"  {found.status:<11} {_score(found.score)}  {_name(model, node, lang)}"]
    for driver in found.drivers:
        how = "calculated" if driver.calculated else "reported"
        lines.append(
            f"      {driver.share:+5.0%}  {driver.status:<11} {_name(model, driver.statement, lang, 50)}  ({how})"
        )
    return lines


def progress_csv(model: GoalModel, rows: Iterable[IndicatorRow]) -> str:
    """The indicators' rows as CSV (:data:`CSV_COLUMNS`), labels in Danish then English.

    Every text cell is neutralised as the CSV export's are
    (:func:`goalgraph.export.tables.neutralise`): a label such as ``=HYPERLINK(...)``
    is written as text, never as a formula a spreadsheet would run.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        statement = model.statements.get(row.indicator)
        labels = statement.labels if statement is not None else {}
        cells = [
            str(row.indicator),
            statement.identifier if statement is not None and statement.identifier else "",
            labels.get("da") or labels.get("en") or "",
            "" if row.statement is None else str(row.statement),
            row.period,
            "" if row.target is None else row.target,
            "" if row.actual is None else row.actual,
            row.unit or "",
            row.status,
            "true" if row.calculated else "false",
            row.reported or "",
            " ".join(row.sources),
        ]
        # Texts from the data never run as a spreadsheet formula; figures stay numbers.
        writer.writerow([neutralise(cell) if isinstance(cell, str) else cell for cell in cells])
    return out.getvalue()


def conflicts_text(model: GoalModel, found: Iterable[Conflict], lang: str = "da") -> list[str]:
    """Each conflict in two lines: what supports and hinders what, and the paths.

    Examples
    --------
    >>> import goalgraph
    >>> conflicts_text(goalgraph.read_model(goalgraph.open()), [])
    []
    """

    def path(nodes: tuple[IdentifiedNode, ...]) -> str:
        return " → ".join(model.statements[n].identifier or str(n) if n in model.statements else str(n) for n in nodes)

    lines = []
    for conflict in found:
        if conflict.kind == "supports-and-hinders":
            both = f"{_name(model, conflict.statement, lang, 50)} supports and hinders"
            lines.append(f"{both} {_name(model, conflict.target, lang, 50)}")
        else:
            lines.append(
                f"{_name(model, conflict.statement, lang, 50)}, a strong supporter of the top, hinders "
                f"{_name(model, conflict.target, lang, 50)}"
            )
        lines.append(f"    supports: {path(conflict.supporting)};  hinders: {path(conflict.hindering)} (last link)")
    return lines


def what_if_text(model: GoalModel, found: WhatIf, lang: str = "da") -> str:
    """A what-if (:func:`goalgraph.achievement.what_if`) for reading in a terminal.

    Examples
    --------
    >>> import goalgraph
    >>> g = goalgraph.open()
    >>> print(what_if_text(goalgraph.read_model(g), goalgraph.what_if(g, miss=["SM2", "X1"]), "en"))
    What if SM2, X1 were missed:
      JM-V3  The Ministry of Justice shall be an open and service-minded partner t…
          no-data → not-met 0.00; would lose its only support
    """

    def names(nodes: tuple[IdentifiedNode, ...]) -> str:
        return ", ".join(model.statements[n].identifier or str(n) for n in nodes)

    assumed = " and ".join(
        part
        for part in (
            f"{names(found.missed)} were missed" if found.missed else "",
            f"{names(found.met)} were met" if found.met else "",
        )
        if part
    )
    out = [f"What if {assumed or 'nothing changed'}:"]
    if not found.changes:
        out.append("  no mission or vision changes")
    for change in found.changes:
        before, after = change.before, change.after
        figures = f"{before.status} {_score(before.score).strip()} → {after.status} {_score(after.score).strip()}"
        figures = figures.replace(" —", "")
        lost = "; would lose its only support" if change.loses_only_support else ""
        out += [f"  {_name(model, change.statement, lang)}", f"      {figures}{lost}"]
    return "\n".join(out)
