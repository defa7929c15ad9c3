"""A comparison as text, JSON, a self-contained HTML page, or Turtle links to keep.

Text marks changed words as ``git diff --word-diff`` does (``[-old-]{+new+}``),
the page with ``<del>`` and ``<ins>``, JSON with the word diff's operations.
Text and page are laid out from one list of :class:`Section`, so they say the
same; the page is rendered from the autoescaped template ``diff.html``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from rdflib import URIRef

from goalgraph.comparison.comparing import AlignmentChange, Comparison, Node, StatementChange
from goalgraph.comparison.wording import Op, words_text
from goalgraph.templating import render

__all__ = ["Row", "Section", "record_turtle", "sections", "to_html", "to_json", "to_text"]

# What a change is called: between two versions of a dataset, and between two plans.
_DATASET_WORDS = {"added": "added", "removed": "removed", "reworded": "reworded", "unchanged": "kept"}
_PLAN_WORDS = {"added": "new", "removed": "dropped", "reworded": "carried over, reworded", "unchanged": "carried over"}


@dataclass(frozen=True)
class Row:
    """One change, as a person reads it.

    Attributes
    ----------
    change : str
        What happened (``"added"``, ``"dropped"``, ``"new gap"``...).
    subject : str
        What it happened to, in words.
    details : list of str
        What else there is to say (a new holder, a strength before and after).
    wording : list of (str, tuple of Op)
        The word diff of each text that changed, by language.
    css : str
        The change's class on the page: ``added``, ``removed`` or ``changed``.
    """

    change: str
    subject: str
    details: list[str] = field(default_factory=list)
    wording: list[tuple[str, tuple[Op, ...]]] = field(default_factory=list)
    css: str = "changed"


@dataclass(frozen=True)
class Section:
    """A heading and its rows (none: nothing changed)."""

    title: str
    rows: list[Row]


def _css(change: str) -> str:
    return {"added": "added", "removed": "removed"}.get(change, "changed")


def _pair(old: Node | None, new: Node | None, lang: str) -> str:
    if old is None or new is None:
        shown = old or new
        assert shown is not None
        return shown.label(lang)
    if old.iri == new.iri:
        return new.label(lang)
    return f"{old.identifier or old.iri} → {new.label(lang)}"


def _name(names: dict[str, str], iri: str | None, lang: str) -> str:
    return names.get(lang) or next(iter(names.values()), None) or iri or "(none)"


def _statement_row(change: StatementChange, comparison: Comparison, lang: str) -> Row:
    words = _PLAN_WORDS if comparison.mode == "plans" else _DATASET_WORDS
    details = []
    if change.matched_by == "words" and change.score is not None:
        details.append(f"matched by words ({change.score:.2f})")
    old, new = change.old, change.new
    if old is not None and new is not None:
        if change.moved_holder:
            details.append(
                f"holder: {_name(old.holder_names, old.holder, lang)} → {_name(new.holder_names, new.holder, lang)}"
            )
        if change.moved_plan:
            details.append(f"plan: {_name(old.plan_titles, old.plan, lang)} → {_name(new.plan_titles, new.plan, lang)}")
    label = words[change.change]
    if change.moved and change.change == "unchanged":
        label = "carried over, moved" if comparison.mode == "plans" else "moved"
    return Row(label, _pair(old, new, lang), details, sorted(change.wording.items()), _css(change.change))


def _facts(facts: dict[str, object] | None, lang: str) -> str:
    if facts is None:
        return ""
    rationale = facts["rationale"]
    assert isinstance(rationale, dict)
    why = rationale.get(lang) or next(iter(rationale.values()), None)
    shown = ", ".join(str(facts[name]) for name in ("kind", "strength") if facts[name])
    return shown + (f': "{why}"' if why else "")


def _alignment_row(change: AlignmentChange, lang: str) -> Row:
    subject = f"{change.start.label(lang)} → {change.end.label(lang)}"
    if change.change == "changed":
        assert change.old is not None
        assert change.new is not None
        details = []
        for name in change.fields:
            before, after = change.old[name], change.new[name]
            if name == "rationale":
                assert isinstance(before, dict)
                assert isinstance(after, dict)
                before = before.get(lang) or next(iter(before.values()), None)
                after = after.get(lang) or next(iter(after.values()), None)
            details.append(f"{name}: {before or '(none)'} → {after or '(none)'}")
        return Row("changed", subject, details)
    return Row(change.change, subject, [_facts(change.old or change.new, lang)], css=_css(change.change))


def sections(comparison: Comparison, lang: str = "da") -> list[Section]:
    """The changes under their headings, in words, texts in `lang` where they have it.

    Parameters
    ----------
    comparison : Comparison
    lang : str
        The language of the statements' words shown (another where one has none).

    Returns
    -------
    list of Section
        Plans (comparing datasets), statements (targets, comparing plans),
        alignments, coverage.
    """
    found = []
    if comparison.mode == "datasets":
        found.append(
            Section(
                "Plans",
                [Row(p.change, _pair(p.old, p.new, lang), css=_css(p.change)) for p in comparison.plans],
            )
        )
    found += [
        Section(
            "Statements" if comparison.mode == "datasets" else "Statements of the plans",
            [_statement_row(change, comparison, lang) for change in comparison.statements],
        ),
        Section("Alignments", [_alignment_row(change, lang) for change in comparison.alignments]),
        Section(
            "Missions and visions: coverage" + (" by the plan" if comparison.mode == "plans" else ""),
            [
                Row(c.change, c.statement.label(lang), css="removed" if c.change == "new gap" else "added")
                for c in comparison.coverage
            ],
        ),
    ]
    return found


def _title(comparison: Comparison, lang: str) -> str:
    if comparison.mode == "plans" and comparison.old_plan is not None and comparison.new_plan is not None:
        old, new = comparison.old_plan, comparison.new_plan
        return f"Changes from {old.identifier or old.label(lang)} to {new.identifier or new.label(lang)}"
    return "Changes between two versions"


def _summary(comparison: Comparison) -> str:
    counts = comparison.counts()
    return "; ".join(f"{name}: {n}" for name, n in counts.items()) or "no changes"


def to_text(comparison: Comparison, lang: str = "da") -> str:
    """The comparison as text: a heading per kind of change, a line per change, changed words marked.

    Examples
    --------
    >>> import goalgraph
    >>> model = goalgraph.read_model(goalgraph.load())
    >>> from goalgraph.comparison import compare
    >>> print(to_text(compare(model, model)))  # doctest: +ELLIPSIS
    Changes between two versions
    ...
    no changes
    """
    lines = [
        _title(comparison, lang),
        f"Statements matched by IRI, else by their words (similarity at least {comparison.threshold:.2f}).",
        "",
    ]
    for section in sections(comparison, lang):
        lines.append(f"{section.title} ({len(section.rows)})")
        for row in section.rows:
            lines.append(f"  {row.change}: {row.subject}")
            lines += [f"      {detail}" for detail in row.details if detail]
            lines += [f"      {language}: {words_text(ops)}" for language, ops in row.wording]
        lines.append("")
    lines.append(_summary(comparison))
    return "\n".join(lines) + "\n"


def to_json(comparison: Comparison) -> str:
    """The comparison as JSON (:meth:`Comparison.to_dict`), the word diffs as their operations."""
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_html(comparison: Comparison, lang: str = "da") -> str:
    """The comparison as one self-contained page: no script, nothing from other hosts, A4 print styles.

    Every text from the data is escaped by the template; changed words are ``<del>`` and ``<ins>``.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.comparison import compare
    >>> model = goalgraph.read_model(goalgraph.load())
    >>> page = to_html(compare(model, model))
    >>> page.startswith("<!doctype html>"), "<script" in page
    (True, False)
    """
    return render(
        "diff.html",
        lang=lang,
        title=_title(comparison, lang),
        threshold=f"{comparison.threshold:.2f}",
        sections=sections(comparison, lang),
        summary=_summary(comparison),
    )


def record_turtle(comparison: Comparison) -> str:
    """The matches as ``prov:wasRevisionOf`` links (new to old) in Turtle, for an analyst to keep.

    Plan to plan, and statement to statement where the IRI changed (a match by
    words). Loaded with the data (``--data FILE.ttl``), it validates: the shapes
    accept ``prov:wasRevisionOf`` between plans, and say nothing of it between
    statements.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.comparison import compare
    >>> model = goalgraph.read_model(goalgraph.load())
    >>> print(record_turtle(compare(model, model)))  # doctest: +ELLIPSIS
    # Written by goalgraph diff: ...
    @prefix prov: <http://www.w3.org/ns/prov#> .
    <BLANKLINE>
    """
    lines = [
        "# Written by goalgraph diff: what each new plan or statement revises (matched by its words).",
        "# Review before keeping it; load it beside the data with --data.",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "",
    ]
    # n3() writes an IRI in Turtle's form, and refuses one that cannot be written.
    lines += [
        f"{URIRef(new).n3()} prov:wasRevisionOf {URIRef(old).n3()} ." for new, old in sorted(set(comparison.revisions))
    ]
    return "\n".join(lines) + "\n"
