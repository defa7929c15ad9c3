"""What the explorer shows, read from a goal graph once.

:func:`gather` builds the alignment graph (:func:`goalgraph.analysis.alignment_graph`
with suggestions included: statements with their texts, type, level, holder and
plan, and the alignments between them), finds the top
(:func:`goalgraph.analysis.top_statements`), and runs the ``sparql/explorer-*.rq``
queries for what the alignment graph does not carry: sources, plans' titles and
periods, organisations' names and whether they are collaborations, statement
groups, every rationale's languages, the dataset's title and the vocabulary's
names. Nothing is written back to the graph.

Everything is put in a stable order (organisations by their depth in the hierarchy
and name, statements by row, holder and identifier, and so on), so the same graph
gives the same page byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import Graph, Literal
from rdflib.term import IdentifiedNode, Node

from goalgraph.analysis import alignment_graph, hierarchy_parents, local_name, plan_links, top_statements
from goalgraph.explorer.rows import statement_rows
from goalgraph.querying import select

__all__ = [
    "Alignment",
    "ExplorerFacts",
    "Group",
    "Organisation",
    "Plan",
    "PlanLink",
    "Source",
    "Statement",
    "StatementType",
    "Texts",
    "gather",
]

#: Texts by language tag (``"da"``, ``"en"``; ``""`` for a plain literal).
Texts = dict[str, str]


def _language(value: Literal) -> str:
    return (value.language or "").lower()


def _add_text(texts: Texts, value: Node | None) -> None:
    """Keep `value` as the text in its language unless one is there (the smaller wins a tie)."""
    if isinstance(value, Literal):
        language, text = _language(value), str(value)
        if language not in texts or text < texts[language]:
            texts[language] = text


def _sortable(texts: Mapping[str, str]) -> str:
    """A text to sort by: the Danish, else the English, else any."""
    return texts.get("da") or texts.get("en") or next(iter(sorted(texts.values())), "")


@dataclass(frozen=True)
class Organisation:
    """An organisation that holds statements (or is named by one).

    Attributes
    ----------
    iri : str
    names : Texts
        Its names by language.
    depth : int
        How far below a root of the organisation hierarchy it stands (0 at the top).
    collaboration : bool
        True for an ``org:OrganizationalCollaboration`` (or anything with members):
        its statements are joint.
    """

    iri: str
    names: Texts
    depth: int
    collaboration: bool


@dataclass(frozen=True)
class Plan:
    """A plan (strategy, target plan) that statements belong to.

    Attributes
    ----------
    iri : str
    titles : Texts
        Its title (the source's words) and translation, by language.
    start, end : str or None
        Its period, as the data writes the dates (``2019-01-01``).
    holder : str or None
        The IRI of the organisation whose plan it is.
    """

    iri: str
    titles: Texts
    start: str | None
    end: str | None
    holder: str | None


@dataclass(frozen=True)
class Group:
    """A statement group: the sentences of one mission or vision.

    Attributes
    ----------
    iri : str
    names : Texts
    holder : str or None
    members : tuple of str
        The IRIs of its statements.
    """

    iri: str
    names: Texts
    holder: str | None
    members: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """Where a statement comes from: an IRI (or a literal's text) and its title."""

    iri: str
    titles: Texts


@dataclass(frozen=True)
class StatementType:
    """A statement class: its local name, its names by language and its ``gg:level``."""

    name: str
    labels: Texts
    level: int | None


@dataclass(frozen=True)
class Statement:
    """A statement as the explorer shows it.

    Attributes
    ----------
    iri : str
    identifier : str or None
    labels : Texts
        The source's words (``gg:text``) and the translation, by language.
    type : str
        The local name of its statement class.
    level : int or None
        The class's ``gg:level``.
    row : int
        Its row in the hierarchical layout (see :mod:`goalgraph.explorer.rows`).
    holder : str or None
        The IRI of its holder.
    plan : str or None
        The IRI of its plan.
    sources : tuple of Source
    groups : tuple of str
        The IRIs of the statement groups it is a member of.
    top : bool
        One of the top's missions and visions.
    joint : bool
        Held by a collaboration, or in a statement group that a collaboration holds.
    """

    iri: str
    identifier: str | None
    labels: Texts
    type: str
    level: int | None
    row: int
    holder: str | None
    plan: str | None
    sources: tuple[Source, ...]
    groups: tuple[str, ...]
    top: bool
    joint: bool


@dataclass(frozen=True)
class Alignment:
    """An edge of the alignment graph: `start` supports `end`.

    Attributes
    ----------
    iri : str
        The ``gg:Alignment`` node.
    start, end : str
        The supporting and the supported statement's IRIs.
    kind : str
        ``"stated"``, ``"curated"`` or ``"suggested"``.
    strength : str or None
    weight : float
    rationale : Texts
        By language.
    evidence : Texts
        A stated link's words from the source, by language.
    attributed_to : Texts
        The names of who asserted it, by language.
    """

    iri: str
    start: str
    end: str
    kind: str
    strength: str | None
    weight: float
    rationale: Texts = field(default_factory=dict)
    evidence: Texts = field(default_factory=dict)
    attributed_to: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class PlanLink:
    """An alignment from a whole plan to a statement (not an edge of the statement graph)."""

    iri: str
    plan: str
    statement: str
    kind: str
    strength: str | None
    rationale: Texts = field(default_factory=dict)
    evidence: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class ExplorerFacts:
    """Everything the explorer page shows, in a stable order.

    Attributes
    ----------
    titles : Texts
        The dataset's title by language (several datasets' titles joined).
    organisations : tuple of Organisation
        Every organisation that holds a statement, a plan or a group, top first.
    plans, groups, statements, alignments, plan_links : tuple
        As their classes say; statements top row first.
    types : tuple of StatementType
        Every statement class of the ontology, by level.
    kinds, strengths : dict of str to Texts
        The names of alignment kinds and strengths, by local name.
    """

    titles: Texts
    organisations: tuple[Organisation, ...]
    plans: tuple[Plan, ...]
    groups: tuple[Group, ...]
    statements: tuple[Statement, ...]
    alignments: tuple[Alignment, ...]
    plan_links: tuple[PlanLink, ...]
    types: tuple[StatementType, ...]
    kinds: dict[str, Texts]
    strengths: dict[str, Texts]


def _depths(parents: Mapping[IdentifiedNode, frozenset[IdentifiedNode]]) -> dict[IdentifiedNode, int]:
    """Each organisation's distance from a root of the hierarchy (0 for a root, or one in a cycle)."""
    children: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for organisation, above in parents.items():
        for parent in above:
            children.setdefault(parent, []).append(organisation)
    depth = {organisation: 0 for organisation, above in parents.items() if not above}
    level = sorted(depth, key=str)
    while level:
        below = []
        for organisation in level:
            for child in sorted(children.get(organisation, ()), key=str):
                if child not in depth:
                    depth[child] = depth[organisation] + 1
                    below.append(child)
        level = below
    return depth


# Within a level, types in the order a strategy presents them (the ontology's order).
_TYPE_ORDER = (
    "Mission",
    "Vision",
    "Purpose",
    "CoreTask",
    "Principle",
    "Value",
    "StrategicMarker",
    "Goal",
    "FocusPoint",
    "Objective",
    "Target",
    "Indicator",
)


def _type_rank(name: str) -> int:
    return _TYPE_ORDER.index(name) if name in _TYPE_ORDER else len(_TYPE_ORDER)


def _vocabulary(graph: Graph) -> tuple[tuple[StatementType, ...], dict[str, Texts], dict[str, Texts]]:
    types: dict[str, StatementType] = {}
    kinds: dict[str, Texts] = {}
    strengths: dict[str, Texts] = {}
    for row in select(graph, "explorer-vocabulary"):
        name, group = local_name(row["term"]), str(row["group"])
        if group == "statement":
            level = row["level"]
            found = types.setdefault(name, StatementType(name, {}, None if level is None else int(level)))
            _add_text(found.labels, row["name"])
        else:
            _add_text((kinds if group == "kind" else strengths).setdefault(name, {}), row["name"])
    ordered = sorted(types.values(), key=lambda t: (t.level is None, t.level or 0, _type_rank(t.name), t.name))
    return tuple(ordered), kinds, strengths


def _titles(graph: Graph) -> Texts:
    by_dataset: dict[str, Texts] = {}
    for row in select(graph, "explorer-datasets"):
        _add_text(by_dataset.setdefault(str(row["dataset"]), {}), row["title"])
    titles: Texts = {}
    for texts in (by_dataset[d] for d in sorted(by_dataset)):
        for language, text in sorted(texts.items()):
            titles[language] = f"{titles[language]} · {text}" if language in titles else text
    return titles


def _organisation_facts(
    graph: Graph, statements: nx.DiGraph
) -> tuple[dict[str, Texts], dict[str, bool], dict[str, int]]:
    names: dict[str, Texts] = {}
    collaboration: dict[str, bool] = {}
    for row in select(graph, "explorer-organisations"):
        iri = str(row["organisation"])
        _add_text(names.setdefault(iri, {}), row["name"])
        joint = bool(row["typed"].toPython()) or bool(row["withMembers"].toPython())  # Virtuoso: 1 and 0
        collaboration[iri] = collaboration.get(iri, False) or joint
    depths = _depths(hierarchy_parents(statements.graph.get("organisations", {})))
    return names, collaboration, {str(o): d for o, d in depths.items()}


def _plans(graph: Graph) -> dict[str, Plan]:
    titles: dict[str, Texts] = {}
    details: dict[str, tuple[str | None, str | None, str | None]] = {}
    for row in select(graph, "explorer-plans"):
        iri = str(row["plan"])
        _add_text(titles.setdefault(iri, {}), row["title"])
        _add_text(titles[iri], row["translation"])
        start, end, holder = (None if row[key] is None else str(row[key]) for key in ("start", "end", "holder"))
        # Of several values (invalid data), the smallest, so the page is the same every run.
        previous = details.get(iri)
        found = (start, end, holder)
        details[iri] = found if previous is None else min(previous, found, key=str)
    return {iri: Plan(iri, titles[iri], *details[iri]) for iri in titles}


def _groups(graph: Graph) -> dict[str, Group]:
    names: dict[str, Texts] = {}
    holders: dict[str, str | None] = {}
    members: dict[str, set[str]] = {}
    for row in select(graph, "explorer-groups"):
        iri = str(row["group"])
        _add_text(names.setdefault(iri, {}), row["name"])
        holder = row["holder"]
        if holder is not None and (holders.get(iri) is None or str(holder) < str(holders[iri])):
            holders[iri] = str(holder)
        holders.setdefault(iri, None)
        found = members.setdefault(iri, set())
        if row["member"] is not None:
            found.add(str(row["member"]))
    return {iri: Group(iri, names[iri], holders[iri], tuple(sorted(members[iri]))) for iri in sorted(names)}


def _sources(graph: Graph) -> dict[str, list[Source]]:
    titles: dict[tuple[str, str], Texts] = {}
    for row in select(graph, "explorer-sources"):
        found = titles.setdefault((str(row["statement"]), str(row["source"])), {})
        _add_text(found, row["title"])
    sources: dict[str, list[Source]] = {}
    for (statement, source), texts in sorted(titles.items()):
        sources.setdefault(statement, []).append(Source(source, texts))
    return sources


def _alignment_texts(graph: Graph) -> dict[str, tuple[Texts, Texts, Texts]]:
    texts: dict[str, tuple[Texts, Texts, Texts]] = {}
    for row in select(graph, "explorer-alignments"):
        rationale, evidence, agents = texts.setdefault(str(row["alignment"]), ({}, {}, {}))
        _add_text(rationale, row["rationale"])
        _add_text(evidence, row["evidence"])
        _add_text(agents, row["agentName"])
    return texts


def gather(graph: Graph) -> ExplorerFacts:
    """Read what the explorer shows from a goal graph.

    Parameters
    ----------
    graph : rdflib.Graph
        A dataset from :func:`goalgraph.load`; it is only read.

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
    >>> facts.organisations[0].names["da"]
    'Justitsministeriets koncern'
    """
    statements = alignment_graph(graph, include_suggested=True)
    top = top_statements(statements)
    names, collaboration, depths = _organisation_facts(graph, statements)
    plans = _plans(graph)
    groups = _groups(graph)
    sources = _sources(graph)
    alignment_texts = _alignment_texts(graph)

    groups_of: dict[str, list[str]] = {}
    for group in groups.values():
        for member in group.members:
            groups_of.setdefault(member, []).append(group.iri)

    def joint(node: IdentifiedNode, holder: str | None) -> bool:
        if holder is not None and collaboration.get(holder, False):
            return True
        return any(
            (held_by := groups[g].holder) is not None and collaboration.get(held_by, False)
            for g in groups_of.get(str(node), ())
        )

    nodes = statements.nodes
    holders = {node: None if data["holder"] is None else str(data["holder"]) for node, data in nodes(data=True)}
    joints = {node: joint(node, holders[node]) for node in statements}
    rows = statement_rows(
        {node: data["level"] for node, data in nodes(data=True)},
        top=top,
        joint={n for n, j in joints.items() if j},
    )

    # Organisations: every holder of a statement, plan or group, with its names; top first.
    used = {h for h in holders.values() if h is not None}
    used |= {p.holder for p in plans.values() if p.holder is not None}
    used |= {g.holder for g in groups.values() if g.holder is not None}
    organisations = sorted(
        (Organisation(iri, names.get(iri, {}), depths.get(iri, 0), collaboration.get(iri, False)) for iri in used),
        key=lambda o: (o.depth, _sortable(o.names) or o.iri, o.iri),
    )
    organisation_rank = {o.iri: i for i, o in enumerate(organisations)}

    def statement(node: IdentifiedNode, data: Mapping[str, Any]) -> Statement:
        iri = str(node)
        return Statement(
            iri=iri,
            identifier=data["identifier"],
            labels=dict(sorted(data["labels"].items())),
            type=data["type"],
            level=data["level"],
            row=rows[node],
            holder=holders[node],
            plan=None if data["plan"] is None else str(data["plan"]),
            sources=tuple(sources.get(iri, ())),
            groups=tuple(sorted(groups_of.get(iri, ()))),
            top=node in top,
            joint=joints[node],
        )

    ordered = sorted(
        (statement(node, data) for node, data in nodes(data=True)),
        key=lambda s: (
            s.row,
            organisation_rank.get(s.holder or "", len(organisation_rank)),
            s.identifier or "",
            _sortable(s.labels),
            s.iri,
        ),
    )

    def alignment(start: Node, end: Node, data: Mapping[str, Any]) -> Alignment:
        rationale, evidence, agents = alignment_texts.get(str(data["alignment"]), ({}, {}, {}))
        if not rationale and data["rationale"] is not None:
            rationale = {"": data["rationale"]}
        return Alignment(
            str(data["alignment"]),
            str(start),
            str(end),
            data["kind"],
            data["strength"],
            float(data["weight"]),
            dict(sorted(rationale.items())),
            dict(sorted(evidence.items())),
            dict(sorted(agents.items())),
        )

    position = {s.iri: i for i, s in enumerate(ordered)}
    alignments = sorted(
        (alignment(start, end, data) for start, end, data in statements.edges(data=True)),
        key=lambda a: (position[a.start], position[a.end], a.iri),
    )

    links: list[PlanLink] = []
    for link in plan_links(statements):
        rationale, evidence, _ = alignment_texts.get(str(link.alignment), ({}, {}, {}))
        links.append(
            PlanLink(
                str(link.alignment),
                str(link.plan),
                str(link.statement),
                link.kind,
                link.strength,
                dict(sorted(rationale.items())),
                dict(sorted(evidence.items())),
            )
        )
        if str(link.plan) not in plans:
            # A link from something the data does not describe as a plan: shown under its own title.
            plans[str(link.plan)] = Plan(str(link.plan), dict(link.plan_labels), None, None, None)

    types, kinds, strengths = _vocabulary(graph)
    return ExplorerFacts(
        titles=_titles(graph),
        organisations=tuple(organisations),
        plans=tuple(sorted(plans.values(), key=lambda p: (_sortable(p.titles), p.iri))),
        groups=tuple(groups.values()),
        statements=tuple(ordered),
        alignments=tuple(alignments),
        plan_links=tuple(sorted(links, key=lambda link: (link.plan, position[link.statement], link.iri))),
        types=types,
        kinds=kinds,
        strengths=strengths,
    )


def used_types(facts: ExplorerFacts) -> list[StatementType]:
    """The statement types that some statement has, by level (unknown classes last)."""
    present = {s.type for s in facts.statements}
    known = [t for t in facts.types if t.name in present]
    unknown = [StatementType(name, {}, None) for name in sorted(present - {t.name for t in known})]
    return known + unknown
