"""What the explorer shows, read from a goal graph once.

:func:`gather` reads the model of the graph (:func:`goalgraph.model.read_model`:
statements with their texts, type, level, holder, plan, sources and groups; the
alignments between them, suggestions included; the links from whole plans;
organisations, plans, statement groups, the vocabulary and the dataset's title),
takes from it the edges between statements (one per pair: the accepted alignment
before a suggestion, see :meth:`goalgraph.model.GoalModel.edges`) and the top,
and places each statement in a row of the layout (:mod:`goalgraph.explorer.rows`).
Nothing is written back to the graph.

Everything is put in a stable order (organisations by their depth in the hierarchy
and name, statements by row, holder and identifier, and so on), so the same graph
gives the same page byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rdflib import Graph
from rdflib.term import IdentifiedNode

from goalgraph.explorer.rows import statement_rows
from goalgraph.model import (
    Alignment,
    GoalModel,
    Organisation,
    Plan,
    PlanLink,
    Statement,
    StatementGroup,
    Term,
    by_language,
    local_name,
    read_model,
)

__all__ = [
    "ExplorerFacts",
    "Placed",
    "Texts",
    "gather",
    "used_types",
]

#: Texts by language tag (``"da"``, ``"en"``; ``""`` for a plain literal).
Texts = dict[str, str]


def _sortable(texts: Mapping[str, str]) -> str:
    """A text to sort by: the Danish, else the English, else any."""
    return texts.get("da") or texts.get("en") or next(iter(sorted(texts.values())), "")


@dataclass(frozen=True)
class Placed:
    """A statement where the explorer puts it.

    Attributes
    ----------
    statement : Statement
        The statement, as the model has it.
    row : int
        Its row in the hierarchical layout (see :mod:`goalgraph.explorer.rows`).
    joint : bool
        Held by a collaboration, or in a statement group that a collaboration holds.
    """

    statement: Statement
    row: int
    joint: bool

    @property
    def node(self) -> IdentifiedNode:
        return self.statement.node

    @property
    def iri(self) -> str:
        return self.statement.iri

    @property
    def identifier(self) -> str | None:
        return self.statement.identifier

    @property
    def top(self) -> bool:
        return self.statement.top


@dataclass(frozen=True)
class ExplorerFacts:
    """Everything the explorer page shows, in a stable order.

    Attributes
    ----------
    titles : Texts
        The dataset's title by language (several datasets' titles joined).
    organisations : tuple of Organisation
        Every organisation that holds a statement, a plan or a group, top first
        (a holder the data does not describe as an organisation without names).
    depths : Mapping of IdentifiedNode to int
        How far below a root of the organisation hierarchy each stands (0 at the top).
    plans, groups : tuple
        As their classes say (a link's plan that the data does not describe is
        there without a title).
    statements : tuple of Placed
        The statements with their rows, top row first.
    alignments : tuple of Alignment
        The edges between statements, one per pair, suggestions included.
    hindrances : tuple of Alignment
        The hindering alignments between two statements (``gg:polarity gg:hindering``,
        :attr:`GoalModel.hindrances <goalgraph.model.GoalModel.hindrances>`), one per
        pair, suggestions included; kept apart from `alignments`, so no path to the
        top goes through them.
    plan_links : tuple of PlanLink
        Alignments from whole plans.
    types : tuple of Term
        Every statement class of the ontology, by level.
    kinds, strengths : dict of str to Texts
        The names of alignment kinds and strengths, by local name.
    model : GoalModel
        What all of it was taken from.
    """

    titles: Texts
    organisations: tuple[Organisation, ...]
    depths: Mapping[IdentifiedNode, int]
    plans: tuple[Plan, ...]
    groups: tuple[StatementGroup, ...]
    statements: tuple[Placed, ...]
    alignments: tuple[Alignment, ...]
    hindrances: tuple[Alignment, ...]
    plan_links: tuple[PlanLink, ...]
    types: tuple[Term, ...]
    kinds: dict[str, Texts]
    strengths: dict[str, Texts]
    model: GoalModel = field(repr=False, compare=False)


def _titles(model: GoalModel) -> Texts:
    """The datasets' titles by language, several joined with a middle dot."""
    titles: Texts = {}
    for dataset in sorted(model.datasets, key=lambda d: d.iri):
        for language, text in by_language(dataset.titles).items():
            titles[language] = f"{titles[language]} · {text}" if language in titles else text
    return titles


def _hindering_pairs(model: GoalModel) -> dict[tuple[IdentifiedNode, IdentifiedNode], list[Alignment]]:
    """The hindering alignments between two statements by pair, the strongest first (:meth:`Alignment.rank`).

    :meth:`GoalModel.hindering_edges` leaves suggestions out; the explorer shows them,
    as it shows suggested support, dashed.
    """
    pairs: dict[tuple[IdentifiedNode, IdentifiedNode], list[Alignment]] = {}
    statements = model.statements
    for alignment in model.hindrances.values():
        start, end = alignment.start, alignment.end
        if start is not None and end is not None and start != end and start in statements and end in statements:
            pairs.setdefault((start, end), []).append(alignment)
    for candidates in pairs.values():
        candidates.sort(key=Alignment.rank)
    return pairs


def gather(graph: Graph | GoalModel) -> ExplorerFacts:
    """Read what the explorer shows from a goal graph.

    Parameters
    ----------
    graph : rdflib.Graph or GoalModel
        A dataset from :func:`goalgraph.load`, which is only read; or its model.

    Returns
    -------
    ExplorerFacts

    Examples
    --------
    >>> import goalgraph
    >>> facts = gather(goalgraph.load())
    >>> len(facts.statements), len(facts.alignments), len(facts.plan_links)
    (30, 32, 9)
    >>> [s.identifier for s in facts.statements if s.row == 0]
    ['JM-M1', 'JM-M2', 'JM-V1', 'JM-V2', 'JM-V3']
    >>> sorted(s.identifier for s in facts.statements if s.joint)
    ['PA-M1', 'PA-M2', 'PA-V1', 'PA-V2']
    >>> by_language(facts.organisations[0].names)["da"]
    'Justitsministeriets koncern'
    """
    model = graph if isinstance(graph, GoalModel) else read_model(graph)
    organisations, groups = model.organisations, model.groups

    def collaboration(holder: IdentifiedNode | None) -> bool:
        found = organisations.get(holder) if holder is not None else None
        return found is not None and found.collaboration

    def joint(statement: Statement) -> bool:
        return collaboration(statement.holder) or any(
            group in groups and collaboration(groups[group].holder) for group in statement.groups
        )

    statements = model.statements
    joints = {node for node, statement in statements.items() if joint(statement)}
    rows = statement_rows({node: s.level for node, s in statements.items()}, top=model.top, joint=joints)

    # Organisations: every holder of a statement, plan or group, with its names; top first.
    used = {s.holder for s in statements.values() if s.holder is not None}
    used |= {p.holder for p in model.plans.values() if p.holder is not None}
    used |= {g.holder for g in groups.values() if g.holder is not None}
    depths = model.hierarchy.depths
    names = {node: by_language(organisations[node].names) if node in organisations else {} for node in used}
    shown = sorted(
        (organisations.get(node) or Organisation(node) for node in used),
        key=lambda o: (depths.get(o.node, 0), _sortable(names[o.node]) or o.iri, o.iri),
    )
    organisation_rank = {o.node: i for i, o in enumerate(shown)}

    placed = sorted(
        (Placed(statement, rows[node], node in joints) for node, statement in statements.items()),
        key=lambda s: (
            s.row,
            organisation_rank.get(s.statement.holder, len(organisation_rank)),  # type: ignore[arg-type]
            s.identifier or "",
            _sortable(s.statement.labels),
            s.iri,
        ),
    )
    position = {s.node: i for i, s in enumerate(placed)}
    edges = model.edges(include_suggested=True)
    alignments = sorted(
        (candidates[0] for candidates in edges.values()),
        key=lambda a: (position[a.start], position[a.end], a.iri),  # type: ignore[index]
    )
    hindrances = sorted(
        (candidates[0] for candidates in _hindering_pairs(model).values()),
        key=lambda a: (position[a.start], position[a.end], a.iri),  # type: ignore[index]
    )
    links = sorted(model.plan_links, key=lambda link: (str(link.plan), position[link.statement], str(link.node)))
    plans = dict(model.plans)
    for link in links:
        # A link from something the data does not describe as a plan: shown under its own name.
        plans.setdefault(link.plan, Plan(link.plan, titles=link.plan_titles))

    return ExplorerFacts(
        titles=_titles(model),
        organisations=tuple(shown),
        depths={o.node: depths.get(o.node, 0) for o in shown},
        plans=tuple(sorted(plans.values(), key=lambda p: (_sortable(by_language(p.titles)), p.iri))),
        groups=tuple(groups.values()),
        statements=tuple(placed),
        alignments=tuple(alignments),
        hindrances=tuple(hindrances),
        plan_links=tuple(links),
        types=model.statement_types,
        kinds={name: by_language(term.names) for name, term in model.kinds.items()},
        strengths={name: by_language(term.names) for name, term in model.strengths.items()},
        model=model,
    )


def used_types(facts: ExplorerFacts) -> list[Term]:
    """The statement types that some statement has, by level (unknown classes last)."""
    present = {s.statement.type for s in facts.statements}
    known = [t for t in facts.types if t.node in present]
    unknown = sorted(present - {t.node for t in known}, key=lambda node: (local_name(node), str(node)))
    return known + [Term(node, "statement") for node in unknown]
