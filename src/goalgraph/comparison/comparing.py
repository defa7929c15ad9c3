"""What changed between two versions of a goal graph, or between two plans.

:func:`compare` takes two datasets (last year's files and this year's) or two plans
(``old_plan`` and ``new_plan``, in one dataset or two) and finds the statements
added, removed and reworded, those that moved to another plan or holder, the
alignments added, removed or changed, and the missions and visions that became a
gap or stopped being one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from rdflib import Graph, URIRef
from rdflib.term import IdentifiedNode

from goalgraph.comparison.matching import SIMILARITY_THRESHOLD, Match, match_by_words
from goalgraph.comparison.wording import Op, word_diff
from goalgraph.errors import GoalgraphError
from goalgraph.model import MISSION_OR_VISION, Alignment, GoalModel, by_language, read_model
from goalgraph.text import fold

__all__ = [
    "AlignmentChange",
    "Comparison",
    "ComparisonArgumentsError",
    "CoverageChange",
    "Node",
    "PlanChange",
    "StatementChange",
    "compare",
]

Mode = Literal["datasets", "plans"]


@dataclass(frozen=True)
class Node:
    """A statement or plan as one side shows it: IRI, identifier, words, holder and plan.

    Attributes
    ----------
    iri : str
    identifier : str or None
    kind : str
        The statement class (``"Target"``), or ``"Plan"``.
    texts : dict of str to str
        Its words by language, the source's own before a translation.
    holder, plan : str or None
        The IRIs of its holder and plan.
    holder_names, plan_titles : dict of str to str
        Their names by language.
    """

    iri: str
    identifier: str | None
    kind: str
    texts: dict[str, str]
    holder: str | None = None
    plan: str | None = None
    holder_names: dict[str, str] = field(default_factory=dict)
    plan_titles: dict[str, str] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        """The identifier (if any) and the words in `lang` (else in another language)."""
        words = self.texts.get(lang) or next(iter(self.texts.values()), "")
        if self.identifier:
            return f"{self.identifier}: {words}" if words else self.identifier
        return words or self.iri

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "iri": self.iri,
            "identifier": self.identifier,
            "type": self.kind,
            "texts": self.texts,
            "holder": self.holder,
            "plan": self.plan,
        }


@dataclass(frozen=True)
class StatementChange:
    """A statement added, removed, reworded, or carried over unchanged (in a plan comparison, or moved).

    Attributes
    ----------
    change : {"added", "removed", "reworded", "unchanged"}
        For two plans: *new*, *dropped*, and *carried over* (reworded or unchanged).
    old, new : Node or None
    matched_by : {"iri", "words"} or None
    score : float or None
        The similarity of the words of a pair matched by words.
    wording : dict of str to tuple of Op
        By language, the word diff of each text that changed.
    moved_plan, moved_holder : bool
        Its plan (by the matching of the plans) or its holder changed.
    """

    change: Literal["added", "removed", "reworded", "unchanged"]
    old: Node | None
    new: Node | None
    matched_by: Literal["iri", "words"] | None = None
    score: float | None = None
    wording: dict[str, tuple[Op, ...]] = field(default_factory=dict)
    moved_plan: bool = False
    moved_holder: bool = False

    @property
    def moved(self) -> bool:
        """In another plan or held by another organisation."""
        return self.moved_plan or self.moved_holder

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; the wording as the word diff's operations."""
        return {
            "change": self.change,
            "old": None if self.old is None else self.old.to_dict(),
            "new": None if self.new is None else self.new.to_dict(),
            "matched_by": self.matched_by,
            "score": None if self.score is None else round(self.score, 4),
            "wording": {lang: [op.to_dict() for op in ops] for lang, ops in self.wording.items()},
            "moved_plan": self.moved_plan,
            "moved_holder": self.moved_holder,
        }


@dataclass(frozen=True)
class AlignmentChange:
    """An alignment added, removed, or changed in kind, strength or rationale.

    Attributes
    ----------
    change : {"added", "removed", "changed"}
    start, end : Node
        Its ends, as the new side shows them (the old side for a removed one).
    old, new : dict or None
        ``kind``, ``strength`` and ``rationale`` (by language) on each side.
    fields : tuple of str
        What changed: ``"kind"``, ``"strength"``, ``"rationale"``.
    """

    change: Literal["added", "removed", "changed"]
    start: Node
    end: Node
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    fields: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "change": self.change,
            "from": self.start.to_dict(),
            "to": self.end.to_dict(),
            "old": self.old,
            "new": self.new,
            "fields": list(self.fields),
        }


@dataclass(frozen=True)
class CoverageChange:
    """A mission or vision that became a gap (nothing supports it) or stopped being one.

    In a comparison of two plans, support means support from the plan's statements.
    """

    change: Literal["new gap", "gap closed"]
    statement: Node

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {"change": self.change, "statement": self.statement.to_dict()}


@dataclass(frozen=True)
class PlanChange:
    """A plan added, removed, or matched with another IRI (by its holder and title)."""

    change: Literal["added", "removed", "matched"]
    old: Node | None
    new: Node | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "change": self.change,
            "old": None if self.old is None else self.old.to_dict(),
            "new": None if self.new is None else self.new.to_dict(),
        }


@dataclass(frozen=True)
class Comparison:
    """What changed from an old version to a new one (see :func:`compare`).

    Attributes
    ----------
    mode : {"datasets", "plans"}
    old_plan, new_plan : Node or None
        The two plans compared (mode ``"plans"``).
    threshold : float
        The least similarity of words for a match.
    statements, alignments, coverage, plans : tuple
        The changes, each in a stable order.
    revisions : tuple of (str, str)
        The matches to record as ``prov:wasRevisionOf``: (new IRI, old IRI), plans
        first, for the pairs whose IRI changed.
    """

    mode: Mode
    threshold: float
    statements: tuple[StatementChange, ...] = ()
    alignments: tuple[AlignmentChange, ...] = ()
    coverage: tuple[CoverageChange, ...] = ()
    plans: tuple[PlanChange, ...] = ()
    old_plan: Node | None = None
    new_plan: Node | None = None
    revisions: tuple[tuple[str, str], ...] = ()

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, for a summary line."""
        found: dict[str, int] = {}
        for change in self.statements:
            found[f"statements {change.change}"] = found.get(f"statements {change.change}", 0) + 1
            if change.moved:
                found["statements moved"] = found.get("statements moved", 0) + 1
        for group, name in ((self.alignments, "alignments"), (self.coverage, "coverage"), (self.plans, "plans")):
            for item in group:
                key = f"{name} {item.change}"
                found[key] = found.get(key, 0) + 1
        return found

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: every change, and the counts."""
        return {
            "mode": self.mode,
            "threshold": self.threshold,
            "old_plan": None if self.old_plan is None else self.old_plan.to_dict(),
            "new_plan": None if self.new_plan is None else self.new_plan.to_dict(),
            "counts": self.counts(),
            "plans": [p.to_dict() for p in self.plans],
            "statements": [s.to_dict() for s in self.statements],
            "alignments": [a.to_dict() for a in self.alignments],
            "coverage": [c.to_dict() for c in self.coverage],
            "revisions": [{"new": new, "old": old} for new, old in self.revisions],
        }


class ComparisonArgumentsError(GoalgraphError):
    """Arguments of :func:`compare` that do not go together, or a plan the data does not hold (a usage error)."""

    exit_code = 2


def compare(
    old: Graph | GoalModel,
    new: Graph | GoalModel,
    *,
    old_plan: str | URIRef | None = None,
    new_plan: str | URIRef | None = None,
    threshold: float = SIMILARITY_THRESHOLD,
) -> Comparison:
    """Compare two versions of a goal graph, or two plans.

    Statements are matched by IRI first, then by the similarity of their words in
    either language (:data:`~goalgraph.comparison.matching.SIMILARITY_THRESHOLD`);
    alignments by their ends, once the statements are matched; plans by IRI, then
    by holder and title. Only stated and curated alignments count (a suggestion
    is not a link, nor a rejected one).

    Parameters
    ----------
    old, new : rdflib.Graph or GoalModel
        The two versions (a dataset from :func:`goalgraph.open`, or its model). For
        two plans of one dataset, give the same one twice.
    old_plan, new_plan : str or URIRef, optional
        Compare these two plans (their IRI, or identifier): the statements in each,
        the alignments that touch them, and the missions and visions they support.
    threshold : float
        The least similarity of words for two statements to be one.

    Returns
    -------
    Comparison

    Raises
    ------
    ComparisonArgumentsError
        For one plan without the other, a plan against itself, or a plan the data does not hold.

    Examples
    --------
    >>> import goalgraph
    >>> model = goalgraph.read_model(goalgraph.load())
    >>> compare(model, model).counts()
    {}
    >>> both = compare(model, model, old_plan="AM-MRP-2019", new_plan="POL-MRP-2019")
    >>> both.mode, both.old_plan.identifier, both.new_plan.identifier
    ('plans', 'AM-MRP-2019', 'POL-MRP-2019')
    """
    if (old_plan is None) != (new_plan is None):
        raise ComparisonArgumentsError("compare two plans (old_plan and new_plan) or two datasets (neither)")
    before = old if isinstance(old, GoalModel) else read_model(old)
    after = before if new is old else new if isinstance(new, GoalModel) else read_model(new)
    if old_plan is None or new_plan is None:
        return _compare_datasets(before, after, threshold)
    return _compare_plans(before, after, _plan(before, old_plan), _plan(after, new_plan), threshold)


#################################################################
# Views
#################################################################


def _plan(model: GoalModel, reference: str | URIRef) -> IdentifiedNode:
    """The plan `reference` names by IRI or identifier (the command line resolves titles too)."""
    wanted = str(reference).strip().removeprefix("<").removesuffix(">")
    for node, plan in model.plans.items():
        if str(node) == wanted or (plan.identifier is not None and fold(plan.identifier) == fold(wanted)):
            return node
    raise ComparisonArgumentsError(f"no plan {wanted!r} in the data")


def _statement_node(model: GoalModel, node: IdentifiedNode) -> Node:
    statement = model.statements[node]
    holder = model.organisations.get(statement.holder) if statement.holder is not None else None
    plan = model.plans.get(statement.plan) if statement.plan is not None else None
    return Node(
        iri=str(node),
        identifier=statement.identifier,
        kind=statement.type_name,
        texts=by_language(statement.texts),
        holder=None if statement.holder is None else str(statement.holder),
        plan=None if statement.plan is None else str(statement.plan),
        holder_names=by_language(holder.names) if holder is not None else {},
        plan_titles=by_language(plan.titles) if plan is not None else {},
    )


def _plan_node(model: GoalModel, node: IdentifiedNode) -> Node:
    plan = model.plans[node]
    holder = model.organisations.get(plan.holder) if plan.holder is not None else None
    return Node(
        iri=str(node),
        identifier=plan.identifier,
        kind="Plan",
        texts=by_language(plan.titles),
        holder=None if plan.holder is None else str(plan.holder),
        holder_names=by_language(holder.names) if holder is not None else {},
    )


#################################################################
# Matching
#################################################################


def _words(model: GoalModel, nodes: Iterable[IdentifiedNode]) -> dict[IdentifiedNode, dict[str, str]]:
    return {node: by_language(model.statements[node].texts) for node in nodes}


def _match_plans(before: GoalModel, after: GoalModel, threshold: float) -> list[Match[IdentifiedNode]]:
    """Plans by IRI, then by title among plans of the same holder (next year's plan has a new IRI)."""
    matches = [Match(node, node, "iri", 1.0) for node in before.plans if node in after.plans]
    taken = {m.old for m in matches}
    by_holder: dict[IdentifiedNode | None, tuple[dict[Any, dict[str, str]], dict[Any, dict[str, str]]]] = {}
    for model, side in ((before, 0), (after, 1)):
        for node, plan in model.plans.items():
            if node not in taken:
                by_holder.setdefault(plan.holder, ({}, {}))[side][node] = by_language(plan.titles)
    for holder in sorted(by_holder, key=str):
        olds, news = by_holder[holder]
        matches += match_by_words(olds, news, threshold=threshold, same=False)
    return matches


def _texts_changed(old: Node, new: Node) -> dict[str, tuple[Op, ...]]:
    return {
        lang: word_diff(old.texts.get(lang, ""), new.texts.get(lang, ""))
        for lang in sorted(set(old.texts) | set(new.texts))
        # White space alone is no rewording (a text reflowed in its file).
        if (old.texts.get(lang) or "").split() != (new.texts.get(lang) or "").split()
    }


def _statement_changes(
    before: GoalModel,
    after: GoalModel,
    old_nodes: list[IdentifiedNode],
    new_nodes: list[IdentifiedNode],
    plan_map: Mapping[IdentifiedNode, IdentifiedNode],
    threshold: float,
    *,
    keep_unchanged: bool,
) -> tuple[list[StatementChange], list[Match[IdentifiedNode]]]:
    matches = match_by_words(_words(before, old_nodes), _words(after, new_nodes), threshold=threshold)
    changes: list[StatementChange] = []
    for match in matches:
        old_statement, new_statement = before.statements[match.old], after.statements[match.new]
        # The usual case at scale: the same statement, the same words, in the same place: nothing to say.
        if (
            not keep_unchanged
            and match.by == "iri"
            and old_statement.texts == new_statement.texts
            and old_statement.holder == new_statement.holder
            and _same_plan(old_statement.plan, new_statement.plan, plan_map)
        ):
            continue
        old, new = _statement_node(before, match.old), _statement_node(after, match.new)
        wording = _texts_changed(old, new)
        moved_plan = not _same_plan(old_statement.plan, new_statement.plan, plan_map)
        moved_holder = old.holder != new.holder
        # A statement whose IRI changed is listed even with the same words: the match is worth seeing.
        if wording or moved_plan or moved_holder or keep_unchanged or match.by == "words":
            changes.append(
                StatementChange(
                    "reworded" if wording else "unchanged",
                    old,
                    new,
                    match.by,
                    match.score,
                    wording,
                    moved_plan,
                    moved_holder,
                )
            )
    matched_old = {m.old for m in matches}
    matched_new = {m.new for m in matches}
    changes += [StatementChange("removed", _statement_node(before, n), None) for n in old_nodes if n not in matched_old]
    changes += [StatementChange("added", None, _statement_node(after, n)) for n in new_nodes if n not in matched_new]
    return changes, matches


def _same_plan(
    old: IdentifiedNode | None, new: IdentifiedNode | None, plan_map: Mapping[IdentifiedNode, IdentifiedNode]
) -> bool:
    """The old plan became the new one (or neither side has a plan)."""
    return (None if old is None else plan_map.get(old)) == new


def _order(change: StatementChange) -> tuple[int, str, str]:
    rank = {"removed": 0, "added": 1, "reworded": 2, "unchanged": 3}[change.change]
    shown = change.new or change.old
    assert shown is not None
    return rank, shown.identifier or "", shown.iri


#################################################################
# Alignments and coverage
#################################################################


def _alignment_facts(alignment: Alignment) -> dict[str, Any]:
    return {"kind": alignment.kind, "strength": alignment.strength, "rationale": by_language(alignment.rationale)}


def _alignment_changes(
    before: GoalModel,
    after: GoalModel,
    mapping: Mapping[IdentifiedNode, IdentifiedNode],
    old_scope: frozenset[IdentifiedNode] | None,
    new_scope: frozenset[IdentifiedNode] | None,
) -> list[AlignmentChange]:
    """Alignments matched by their ends (`mapping` takes an old statement to the new one it became).

    With scopes (two plans), only the alignments with an end among the plan's statements count.
    """

    def edges(model: GoalModel, scope: frozenset[IdentifiedNode] | None) -> dict[Any, Alignment]:
        return {
            pair: found[0]
            for pair, found in model.edges().items()
            if scope is None or pair[0] in scope or pair[1] in scope
        }

    old_edges, new_edges = edges(before, old_scope), edges(after, new_scope)
    changes: list[AlignmentChange] = []
    seen = set()
    for (start, end), alignment in old_edges.items():
        pair = (mapping.get(start), mapping.get(end))
        other = new_edges.get(pair) if None not in pair else None
        if other is None:
            changes.append(
                AlignmentChange(
                    "removed",
                    _statement_node(before, start),
                    _statement_node(before, end),
                    _alignment_facts(alignment),
                    None,
                )
            )
            continue
        seen.add(pair)
        old_facts, new_facts = _alignment_facts(alignment), _alignment_facts(other)
        fields = tuple(name for name in ("kind", "strength", "rationale") if old_facts[name] != new_facts[name])
        if fields:
            changes.append(
                AlignmentChange(
                    "changed",
                    _statement_node(after, pair[0]),  # type: ignore[arg-type]
                    _statement_node(after, pair[1]),  # type: ignore[arg-type]
                    old_facts,
                    new_facts,
                    fields,
                )
            )
    for (start, end), alignment in new_edges.items():
        if (start, end) not in seen:
            changes.append(
                AlignmentChange(
                    "added",
                    _statement_node(after, start),
                    _statement_node(after, end),
                    None,
                    _alignment_facts(alignment),
                )
            )
    rank = {"removed": 0, "added": 1, "changed": 2}
    changes.sort(
        key=lambda c: (rank[c.change], c.start.identifier or "", c.start.iri, c.end.identifier or "", c.end.iri)
    )
    return changes


def _supported(model: GoalModel, sources: Iterable[IdentifiedNode] | None) -> set[IdentifiedNode]:
    """The statements something supports: from `sources` along the alignments upwards, or (None) from anything.

    Without sources it is the statements with a supporter, the complement of
    :attr:`goalgraph.analysis.coverage.Coverage.gap` (nothing supports it,
    directly or transitively, exactly when nothing supports it directly).
    """
    edges = model.edges()
    if sources is None:
        return {end for _, end in edges}
    upwards: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for start, end in edges:
        upwards.setdefault(start, []).append(end)
    reached: set[IdentifiedNode] = set()
    stack = list(sources)
    while stack:
        for end in upwards.get(stack.pop(), ()):
            if end not in reached:
                reached.add(end)
                stack.append(end)
    return reached


def _coverage_changes(
    before: GoalModel,
    after: GoalModel,
    mapping: Mapping[IdentifiedNode, IdentifiedNode],
    old_sources: Iterable[IdentifiedNode] | None,
    new_sources: Iterable[IdentifiedNode] | None,
) -> list[CoverageChange]:
    old_supported, new_supported = _supported(before, old_sources), _supported(after, new_sources)
    changes = []
    for node, statement in before.statements.items():
        other = mapping.get(node)
        if statement.type not in MISSION_OR_VISION or other is None:
            continue
        was, now = node in old_supported, other in new_supported
        if was and not now:
            changes.append(CoverageChange("new gap", _statement_node(after, other)))
        elif now and not was:
            changes.append(CoverageChange("gap closed", _statement_node(after, other)))
    changes.sort(key=lambda c: (c.change, c.statement.identifier or "", c.statement.iri))
    return changes


#################################################################
# The two comparisons
#################################################################


def _compare_datasets(before: GoalModel, after: GoalModel, threshold: float) -> Comparison:
    plan_matches = _match_plans(before, after, threshold)
    plan_map = {m.old: m.new for m in plan_matches}
    plans = [
        PlanChange("matched", _plan_node(before, m.old), _plan_node(after, m.new))
        for m in plan_matches
        if m.by == "words"
    ]
    plans += [PlanChange("removed", _plan_node(before, n), None) for n in before.plans if n not in plan_map]
    matched_new = set(plan_map.values())
    plans += [PlanChange("added", None, _plan_node(after, n)) for n in after.plans if n not in matched_new]
    changes, matches = _statement_changes(
        before, after, list(before.statements), list(after.statements), plan_map, threshold, keep_unchanged=False
    )
    mapping = {m.old: m.new for m in matches}
    revisions = [(str(m.new), str(m.old)) for m in plan_matches if m.by == "words"]
    revisions += [(str(m.new), str(m.old)) for m in matches if m.by == "words"]
    return Comparison(
        mode="datasets",
        threshold=threshold,
        statements=tuple(sorted(changes, key=_order)),
        alignments=tuple(_alignment_changes(before, after, mapping, None, None)),
        coverage=tuple(_coverage_changes(before, after, mapping, None, None)),
        plans=tuple(plans),
        revisions=tuple(revisions),
    )


def _compare_plans(
    before: GoalModel, after: GoalModel, old_plan: IdentifiedNode, new_plan: IdentifiedNode, threshold: float
) -> Comparison:
    if before is after and old_plan == new_plan:
        raise ComparisonArgumentsError("compare a plan with another plan, not with itself")
    old_nodes = [n for n, s in before.statements.items() if s.plan == old_plan]
    new_nodes = [n for n, s in after.statements.items() if s.plan == new_plan]
    changes, matches = _statement_changes(
        before, after, old_nodes, new_nodes, {old_plan: new_plan}, threshold, keep_unchanged=True
    )
    # The statements outside the two plans (the missions, the visions) are themselves on both sides.
    mapping = {node: node for node in before.statements if node in after.statements}
    for node in old_nodes:
        mapping.pop(node, None)
    mapping.update({m.old: m.new for m in matches})
    revisions = [(str(new_plan), str(old_plan))] + [(str(m.new), str(m.old)) for m in matches if m.new != m.old]
    return Comparison(
        mode="plans",
        threshold=threshold,
        statements=tuple(sorted(changes, key=_order)),
        alignments=tuple(_alignment_changes(before, after, mapping, frozenset(old_nodes), frozenset(new_nodes))),
        coverage=tuple(_coverage_changes(before, after, mapping, old_nodes, new_nodes)),
        old_plan=_plan_node(before, old_plan),
        new_plan=_plan_node(after, new_plan),
        revisions=tuple(revisions),
    )
