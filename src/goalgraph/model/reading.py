"""Reading a goal graph into a :class:`~goalgraph.model.GoalModel`, with a few SPARQL queries.

:func:`read_model` runs the ``sparql/model-*.rq`` files, each once, set-based (no
query per node), and builds the model in Python dictionaries. Values the data
gives more than once where one is expected (two holders: invalid data, which
``goalgraph validate`` reports) are settled the same way every run: the smallest
by IRI or text. Statements and alignments are in the order the store answers
(the same for the same data), organisations, plans and groups by IRI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import IdentifiedNode, Node

from goalgraph.memory import paused_gc
from goalgraph.model.concepts import (
    DEFAULT_WEIGHT,
    Agent,
    Alignment,
    Dataset,
    GoalModel,
    Indicator,
    Organisation,
    Plan,
    Result,
    Source,
    Statement,
    StatementGroup,
    Term,
    Text,
    local_name,
    texts_of,
)
from goalgraph.model.hierarchy import MISSION_OR_VISION, Hierarchy, top_of
from goalgraph.querying import Row, select

__all__ = ["read_model"]


def read_model(graph: Graph) -> GoalModel:
    """Read the model of a goal graph: organisations, plans, statements, alignments, terms.

    Parameters
    ----------
    graph : rdflib.Graph
        A dataset from :func:`goalgraph.load` (it must hold the ontology, which
        ``load`` always loads), or a remote one. It is only read.

    Returns
    -------
    GoalModel

    Examples
    --------
    >>> import goalgraph
    >>> model = read_model(goalgraph.load())
    >>> model
    <GoalModel: 6 organisations, 3 plans, 30 statements, 41 alignments>
    >>> sm3 = model.statements[model.by_identifier["SM3"]]
    >>> sm3.type_name, sm3.level, sm3.labels
    ('StrategicMarker', 2, {'da': 'Kvalitet i sagsbehandlingen', 'en': 'Quality in case handling'})
    >>> sorted(model.statements[s].identifier for s in model.top)
    ['JM-M1', 'JM-M2', 'JM-V1', 'JM-V2', 'JM-V3']
    """
    with paused_gc():
        return _read(graph)


def _read(graph: Graph) -> GoalModel:
    terms = _terms(select(graph, "model-vocabulary"))
    agents = _agents(select(graph, "model-agents"))
    titles = _source_titles(select(graph, "model-sources"))
    sources: dict[Node, Source] = {}

    def source(node: Node) -> Source:
        found = sources.get(node)
        if found is None:
            found = sources[node] = Source(node, titles.get(node, ()))
        return found

    organisations = _organisations(select(graph, "model-organisations"))
    plans = _plans(select(graph, "model-plans"), source)
    groups = _groups(select(graph, "model-groups"))
    statements = _statements(select(graph, "model-statements"), terms, organisations, plans, groups, source)
    every = _alignments(select(graph, "model-alignments"), terms, agents, {**plans, **statements}, source)
    alignments = {node: a for node, a in every.items() if a.polarity != "hindering"}
    hindrances = {node: a for node, a in every.items() if a.polarity == "hindering"}
    datasets = _datasets(select(graph, "model-datasets"), agents)
    _add_target_facts(select(graph, "model-targets"), statements)
    results = _results(select(graph, "model-results"), source)
    indicators = _indicators(select(graph, "model-indicators"), statements, results)
    return GoalModel(
        organisations=organisations,
        plans=plans,
        statements=statements,
        alignments=alignments,
        groups=groups,
        terms=terms,
        agents=agents,
        datasets=datasets,
        results=results,
        hindrances=hindrances,
        indicators=indicators,
    )


#################################################################
# Values
#################################################################


_NODE_TYPES = frozenset({URIRef, BNode})


def _is_node(value: object) -> bool:
    """An IRI or a blank node (the exact types first: isinstance on rdflib's abstract classes is slow)."""
    return type(value) in _NODE_TYPES or isinstance(value, IdentifiedNode)


def _is_literal(value: object) -> bool:
    return type(value) is Literal or isinstance(value, Literal)


def _text(value: Node | None, translated: bool = False) -> Text | None:
    if isinstance(value, Literal):
        return Text(str(value), (value.language or "").lower(), translated)
    return None


def _add(found: set[Any], value: Node | None) -> None:
    if value is not None:
        found.add(value)


def _smallest(values: Iterable[Node]) -> Any:
    """The smallest value by its text (None for none), so that the choice is the same every run."""
    return min(values, key=str, default=None)


def _node(values: Iterable[Node]) -> IdentifiedNode | None:
    found: IdentifiedNode | None = _smallest(v for v in values if _is_node(v))
    return found


def _string(values: Iterable[Node]) -> str | None:
    found = _smallest(values)
    return None if found is None else str(found)


def _number(value: Node | None) -> float | None:
    if not isinstance(value, Literal):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


#################################################################
# Vocabulary, agents, sources
#################################################################


def _terms(rows: Iterable[Row]) -> dict[IdentifiedNode, Term]:
    found: dict[IdentifiedNode, tuple[str, set[Node], set[Node], set[Text], set[Text]]] = {}
    for row in rows:
        node = row["term"]
        if not isinstance(node, IdentifiedNode):
            continue
        group, levels, weights, names, definitions = found.setdefault(
            node, (str(row["group"]), set(), set(), set(), set())
        )
        _add(levels, row["level"])
        _add(weights, row["weight"])
        text = _text(row["value"])
        if text is not None:
            (definitions if str(row["property"]).endswith("#definition") else names).add(text)
    terms = {}
    for node, (group, levels, weights, names, definitions) in found.items():
        numbers = [int(v) for v in levels if isinstance(v, Literal) and _number(v) is not None]
        weight = [w for w in map(_number, weights) if w is not None]
        terms[node] = Term(
            node=node,
            group=group,
            level=max(numbers) if numbers else None,
            weight=max(weight) if weight else None,
            names=texts_of(names),
            definitions=texts_of(definitions),
        )
    return terms


def _agents(rows: Iterable[Row]) -> dict[IdentifiedNode, Agent]:
    names: dict[IdentifiedNode, set[Text]] = {}
    for row in rows:
        agent = row["agent"]
        if isinstance(agent, IdentifiedNode):
            found = names.setdefault(agent, set())
            text = _text(row["name"])
            if text is not None:
                found.add(text)
    return {agent: Agent(agent, texts_of(found)) for agent, found in names.items()}


def _source_titles(rows: Iterable[Row]) -> dict[Node, tuple[Text, ...]]:
    titles: dict[Node, set[Text]] = {}
    for row in rows:
        text = _text(row["title"])
        if text is not None:
            titles.setdefault(row["source"], set()).add(text)
    return {source: texts_of(found) for source, found in titles.items()}


#################################################################
# Organisations, plans, groups
#################################################################


def _organisations(rows: Iterable[Row]) -> dict[IdentifiedNode, Organisation]:
    found: dict[IdentifiedNode, dict[str, set[Any]]] = {}
    for row in rows:
        organisation = row["organisation"]
        if not isinstance(organisation, IdentifiedNode):
            continue
        fields = found.get(organisation)
        if fields is None:
            fields = found[organisation] = {"parent": set(), "member": set(), "collaboration": set()}
        for field in ("parent", "member", "collaboration"):
            if isinstance(row[field], IdentifiedNode):
                fields[field].add(row[field])
        text = _text(row["name"])
        if text is not None:
            fields.setdefault(local_name(row["nameProperty"]), set()).add(text)
    organisations = {}
    for organisation in sorted(found, key=str):
        fields = found[organisation]
        members = frozenset(fields["member"])
        organisations[organisation] = Organisation(
            node=organisation,
            names=_names(fields),
            parents=frozenset(fields["parent"]),
            members=members,
            collaboration=bool(fields["collaboration"]) or bool(members),
        )
    return organisations


def _names(fields: Mapping[str, set[Text]]) -> tuple[Text, ...]:
    """Preferred names, and in a language that has none, ``foaf:name``, else ``rdfs:label``."""
    names = set(fields.get("prefLabel", ()))
    for fallback in ("name", "label"):
        languages = {name.lang for name in names}
        names |= {name for name in fields.get(fallback, ()) if name.lang not in languages}
    return texts_of(names)


def _plans(rows: Iterable[Row], source: Callable[[Node], Source]) -> dict[IdentifiedNode, Plan]:
    grouped = _group_rows(rows, "plan")
    plans = {}
    for plan in sorted(grouped, key=str):
        if not _is_node(plan):
            continue
        found = grouped[plan]
        plans[plan] = Plan(
            node=plan,
            holder=_one_node(found, "holder"),
            titles=_texts(found, ("title", False), ("translation", True)),
            start=_string(_column(found, "start")),
            end=_string(_column(found, "end")),
            sources=tuple(source(s) for s in sorted(_column(found, "source"), key=str)),
            identifier=_string(_column(found, "identifier")),
        )
    return plans


def _groups(rows: Iterable[Row]) -> dict[IdentifiedNode, StatementGroup]:
    found: dict[IdentifiedNode, tuple[set[Node], set[Text], set[IdentifiedNode]]] = {}
    for row in rows:
        group = row["group"]
        if not isinstance(group, IdentifiedNode):
            continue
        holders, names, members = found.setdefault(group, (set(), set(), set()))
        _add(holders, row["holder"])
        text = _text(row["name"])
        if text is not None:
            names.add(text)
        if isinstance(row["member"], IdentifiedNode):
            members.add(row["member"])
    return {
        group: StatementGroup(
            node=group,
            names=texts_of(found[group][1]),
            holder=_node(found[group][0]),
            members=tuple(sorted(found[group][2], key=str)),
        )
        for group in sorted(found, key=str)
    }


#################################################################
# Statements and alignments
#################################################################


class _Same:
    """The node the model already holds for an equal one from another query.

    rdflib hashes and compares its terms in Python, slowly; two equal nodes that are
    one object skip the comparison in every later lookup. A query's answer gives the
    same object for the same node on every row, so objects are looked up by their
    ``id`` (they live as long as the rows, which outlive this).
    """

    def __init__(self, *known: Mapping[IdentifiedNode, object]) -> None:
        self.known: dict[Any, Any] = {node: node for found in known for node in found}
        self.seen: dict[int, Any] = {}

    def __call__(self, node: Any) -> Any:
        if node is None:
            return None
        found = self.seen.get(id(node))
        if found is None:
            found = self.seen[id(node)] = self.known.setdefault(node, node)
        return found

    def node(self, value: Any) -> Any:
        """The model's object for `value` if it is an IRI or a blank node (else None)."""
        return self(value) if value is not None and _is_node(value) else None


def _group_rows(rows: Iterable[Row], key: str) -> dict[IdentifiedNode, list[Row]]:
    """Rows by the node in column `key`: usually one row each."""
    grouped: dict[IdentifiedNode, list[Row]] = {}
    for row in rows:
        node = row[key]
        found = grouped.get(node)
        if found is None:
            grouped[node] = [row]
        else:
            found.append(row)
    return grouped


def _column(rows: list[Row], name: str) -> set[Any]:
    return {row[name] for row in rows if row[name] is not None}


def _one_node(rows: list[Row], name: str) -> IdentifiedNode | None:
    if len(rows) == 1:
        value = rows[0][name]
        return value if value is not None and _is_node(value) else None
    return _node(_column(rows, name))


def _texts(rows: list[Row], *names: tuple[str, bool]) -> tuple[Text, ...]:
    found = []
    for row in rows:
        for name, translated in names:
            value = row[name]
            if value is not None and _is_literal(value):
                found.append(Text(str(value), (value.language or "").lower(), translated))
    return tuple(found) if len(found) < 2 else texts_of(found)


def _statements(
    rows: Iterable[Row],
    terms: Mapping[IdentifiedNode, Term],
    organisations: Mapping[IdentifiedNode, Organisation],
    plans: Mapping[IdentifiedNode, Plan],
    groups: Mapping[IdentifiedNode, StatementGroup],
    source: Callable[[Node], Source],
) -> dict[IdentifiedNode, Statement]:
    grouped = _group_rows(rows, "statement")
    levels = {node: term.level for node, term in terms.items()}
    # The same node as one object throughout the model, so that lookups need no comparison.
    same = _Same(terms, organisations, plans)
    groups_of: dict[IdentifiedNode, list[IdentifiedNode]] = {}
    for group in groups.values():
        for member in group.members:
            groups_of.setdefault(member, []).append(group.node)

    def level_rank(kind: IdentifiedNode) -> tuple[bool, int, str]:
        level = levels.get(kind)
        return level is None, -(level or 0), str(kind)

    # Per class object of the answer: the model's object for it, and its level.
    classes: dict[int, tuple[IdentifiedNode, int | None]] = {}
    statements = {}
    for node, found in grouped.items():
        if len(found) == 1:
            row = found[0]
            kind, holder, plan, identifier, cited, name = (
                row["type"],
                row["holder"],
                row["plan"],
                row["identifier"],
                row["source"],
                row["name"],
            )
            known = classes.get(id(kind))
            if known is None:
                kind = same(kind)
                known = classes[id(row["type"])] = (kind, levels.get(kind))
            kind, level = known
            holder = same(holder) if holder is not None and type(holder) in _NODE_TYPES else same.node(holder)
            plan = same(plan) if plan is not None and type(plan) in _NODE_TYPES else same.node(plan)
            text, translation = row["text"], row["translation"]
            if text is not None and type(text) is Literal:
                texts: tuple[Text, ...] = (Text(str(text), (text.language or "").lower(), False),)
            else:
                texts = _texts(found, ("text", False))
            if translation is not None and type(translation) is Literal:
                texts += (Text(str(translation), (translation.language or "").lower(), True),)
            else:
                texts += _texts(found, ("translation", True))
            sources: tuple[Source, ...] = () if cited is None else (source(cited),)
            names = () if name is None else _texts(found, ("name", False))
        else:
            # Of several statement classes, the one with the highest level, then the first by IRI.
            kind = same(min(_column(found, "type"), key=level_rank))
            level = levels.get(kind)
            holder, plan = same(_one_node(found, "holder")), same(_one_node(found, "plan"))
            identifier = _smallest(_column(found, "identifier"))
            texts = _texts(found, ("text", False), ("translation", True))
            sources = tuple(source(s) for s in sorted(_column(found, "source"), key=str))
            names = _texts(found, ("name", False))
        in_groups = groups_of.get(node) if groups_of else None
        statements[node] = Statement(
            node,
            kind,
            level,
            None if identifier is None else str(identifier),
            holder,
            plan,
            texts,
            sources,
            names,
            () if in_groups is None else tuple(sorted(in_groups, key=str)),
        )
    # The top: the missions and visions of the top organisations.
    top_organisations = top_of(Hierarchy.of(organisations), ((s.type, s.holder) for s in statements.values()))
    for node, statement in statements.items():
        if statement.holder in top_organisations and statement.type in MISSION_OR_VISION:
            statements[node] = replace(statement, top=True)
    return statements


def _alignments(
    rows: Iterable[Row],
    terms: Mapping[IdentifiedNode, Term],
    agents: Mapping[IdentifiedNode, Agent],
    ends: Mapping[IdentifiedNode, object],
    source: Callable[[Node], Source],
) -> dict[IdentifiedNode, Alignment]:
    grouped = _group_rows(rows, "alignment")
    same = _Same(ends)
    weights = {node: term.weight for node, term in terms.items()}
    names: dict[IdentifiedNode, str] = {}
    scores: dict[Node, float | None] = {}

    def name_of(node: IdentifiedNode | None) -> str | None:
        if node is None:
            return None
        found = names.get(node)
        if found is None:
            found = names[node] = local_name(node)
        return found

    def agent_of(node: IdentifiedNode) -> Agent:
        return agents.get(node) or Agent(node)

    def number(value: Node | None) -> float | None:
        if value is None:
            return None
        if value not in scores:
            scores[value] = _number(value)
        return scores[value]

    alignments = {}
    for node, found in grouped.items():
        if len(found) == 1:
            row = found[0]
            start, end, kind, strength = row["from"], row["to"], row["kind"], row["strength"]
            start = start if start is not None and _is_node(start) else None
            end = end if end is not None and _is_node(end) else None
            kind = kind if kind is not None and _is_node(kind) else None
            strength = strength if strength is not None and _is_node(strength) else None
            score = number(row["score"])
            agent, cited, term = row["agent"], row["source"], row["matchedTerm"]
            by: tuple[Agent, ...] = (agent_of(agent),) if agent is not None and _is_node(agent) else ()
            sources: tuple[Source, ...] = () if cited is None else (source(cited),)
            matched: tuple[str, ...] = () if term is None else (str(term),)
            polarity = row["polarity"]
            rationale, evidence = row["rationale"], row["evidence"]
            because: tuple[Text, ...] = ()
            if rationale is not None and _is_literal(rationale):
                because = (Text(str(rationale), (rationale.language or "").lower()),)
            said: tuple[Text, ...] = ()
            if evidence is not None and _is_literal(evidence):
                said = (Text(str(evidence), (evidence.language or "").lower()),)
        else:
            start, end = _one_node(found, "from"), _one_node(found, "to")
            kind, strength = _one_node(found, "kind"), _one_node(found, "strength")
            score = number(_smallest(_column(found, "score")))
            by = tuple(agent_of(a) for a in sorted(_column(found, "agent"), key=str) if _is_node(a))
            sources = tuple(source(s) for s in sorted(_column(found, "source"), key=str))
            matched = tuple(sorted({str(term) for term in _column(found, "matchedTerm")}))
            because = _texts(found, ("rationale", False))
            said = _texts(found, ("evidence", False))
            polarity = _one_node(found, "polarity")
        weight = weights.get(strength) if strength is not None else None
        if weight is None:
            weight = score if score is not None else DEFAULT_WEIGHT
        alignments[node] = Alignment(
            node,
            same(start),
            same(end),
            name_of(kind) or "",
            name_of(strength),
            weight,
            score,
            because,
            said,
            by,
            sources,
            matched,
            "hindering" if polarity == _HINDERING else "supporting",
        )
    return alignments


#################################################################
# Achievement: indicators, results, target weights
#################################################################

_GG = "https://w3id.org/goalgraph/ontology#"
_HINDERING = URIRef(_GG + "hindering")
_LOWER = URIRef(_GG + "lowerIsBetter")
_VERDICTS: dict[Node, str] = {
    URIRef(_GG + "met"): "met",
    URIRef(_GG + "partlyMet"): "partly-met",
    URIRef(_GG + "notMet"): "not-met",
}


def _add_target_facts(rows: Iterable[Row], statements: dict[IdentifiedNode, Statement]) -> None:
    """Give statements their weight in their plan and their value-chain stage, in place."""
    for node, found in _group_rows(rows, "statement").items():
        statement = statements.get(node)
        if statement is None:
            continue
        weights = [w for w in (_number(v) for v in _column(found, "weight")) if w is not None]
        stage = _one_node(found, "stage")
        statements[node] = replace(
            statement,
            weight=min(weights) if weights else None,
            stage=None if stage is None else local_name(stage),
        )


def _results(rows: Iterable[Row], source: Callable[[Node], Source]) -> dict[IdentifiedNode, Result]:
    results = {}
    for node, found in _group_rows(rows, "result").items():
        if len(found) == 1:  # the usual case, and at scale the many: no sets, no sorting
            row = found[0]
            verdict, value, cited = row["verdict"], row["value"], row["source"]
            start, end, description = row["start"], row["end"], row["description"]
            name, rating = row["descriptorName"], row["descriptorValue"]
            results[node] = Result(
                node,
                indicator=row["indicator"] if row["indicator"] is not None and _is_node(row["indicator"]) else None,
                kind=str(row["kind"]),
                start=None if start is None else str(start),
                end=None if end is None else str(end),
                descriptors=_rating(name, rating),
                value=_number(value),
                descriptions=() if description is None else _texts(found, ("description", False)),
                verdict=None if verdict is None else _VERDICTS.get(verdict),
                sources=() if cited is None else (source(cited),),
            )
            continue
        names, values = _texts(found, ("descriptorName", False)), _texts(found, ("descriptorValue", False))
        verdict = _one_node(found, "verdict")
        numbers = [n for n in (_number(v) for v in _column(found, "value")) if n is not None]
        results[node] = Result(
            node,
            indicator=_one_node(found, "indicator"),
            # A node typed both ways (invalid) counts as actual: what was reached, not promised.
            kind="actual" if "actual" in {str(k) for k in _column(found, "kind")} else "target",
            start=_string(_column(found, "start")),
            end=_string(_column(found, "end")),
            descriptors=tuple(zip(names, values, strict=False)) if names and values else (),
            value=min(numbers) if numbers else None,
            descriptions=_texts(found, ("description", False)),
            verdict=None if verdict is None else _VERDICTS.get(verdict),
            sources=tuple(source(s) for s in sorted(_column(found, "source"), key=str)),
        )
    return results


def _rating(name: Node | None, rating: Node | None) -> tuple[tuple[Text, Text], ...]:
    """A StratML rating, what it rates and the rating, where a result has both."""
    what, said = _text(name), _text(rating)
    return ((what, said),) if what is not None and said is not None else ()


def _indicators(
    rows: Iterable[Row], statements: dict[IdentifiedNode, Statement], results: Mapping[IdentifiedNode, Result]
) -> dict[IdentifiedNode, Indicator]:
    """The indicators, with their results by period; also gives the statements what they measure."""

    def when(result: Result) -> tuple[str, str, str, str]:
        return result.end or result.start or "", result.start or "", result.kind, str(result.node)

    results_of: dict[IdentifiedNode, list[Result]] = {}
    for result in results.values():
        if result.indicator is not None:
            results_of.setdefault(result.indicator, []).append(result)
    indicators = {}
    for node, found in _group_rows(rows, "indicator").items():
        measures = tuple(sorted((m for m in _column(found, "measures") if _is_node(m)), key=str))
        direction, kind = _one_node(found, "direction"), _one_node(found, "indicatorType")
        own = [r.node for r in sorted(results_of.get(node, ()), key=when)]
        indicators[node] = Indicator(
            node,
            measures=measures,
            unit=_string(_column(found, "unit")),
            direction="lower" if direction == _LOWER else "higher",
            baseline=_number(_smallest(_column(found, "baseline"))),
            threshold=_number(_smallest(_column(found, "threshold"))),
            kind=None if kind is None else local_name(kind),
            results=tuple(own),
        )
        statement = statements.get(node)
        if statement is not None and measures:
            statements[node] = replace(statement, measures=measures)
    return indicators


def _datasets(rows: Iterable[Row], agents: Mapping[IdentifiedNode, Agent]) -> tuple[Dataset, ...]:
    found: dict[IdentifiedNode, tuple[set[Text], set[Text], set[IdentifiedNode]]] = {}
    for row in rows:
        dataset = row["dataset"]
        if not isinstance(dataset, IdentifiedNode):
            continue
        titles, descriptions, by = found.setdefault(dataset, (set(), set(), set()))
        for target, value in ((titles, row["title"]), (descriptions, row["description"])):
            text = _text(value)
            if text is not None:
                target.add(text)
        if isinstance(row["agent"], IdentifiedNode):
            by.add(row["agent"])
    return tuple(
        Dataset(
            node=dataset,
            titles=texts_of(titles),
            descriptions=texts_of(descriptions),
            agents=tuple(agents.get(a) or Agent(a) for a in sorted(by, key=str)),
        )
        for dataset, (titles, descriptions, by) in sorted(found.items(), key=lambda item: str(item[0]))
    )
