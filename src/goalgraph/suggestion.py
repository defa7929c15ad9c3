"""Suggested alignments: links between statements that their words propose.

:func:`suggest` compares the texts of every two statements that have no alignment
between them yet and proposes a link where they share words that matter. The
suggestions are for an analyst to review: written out with
:func:`suggestions_to_turtle` they are ``gg:Alignment`` nodes of kind
``gg:suggested``, with no plain ``gg:supports`` triple, so no query that follows
links counts them until someone accepts them (makes them curated).

The method
----------
1. **Words.** Each statement is a document in each language it has: its own text
   (``gg:text``) in that language, else the dataset's translation
   (``gg:translation``). Texts become stems with :func:`goalgraph.text.terms`:
   case folded, stop words out, Snowball Danish or English (Porter2) stemming.
2. **Weights.** In each language separately, a stem weighs ``(1 + ln tf) × idf``
   (tf: how often the statement uses it), with BM25's inverse document frequency
   ``idf = ln(1 + (N − df + 0.5) / (df + 0.5))`` (N statements have a document in
   that language, df of them use the stem): a word that many statements use says
   little about any two of them. This idf is always above 0 and, unlike the
   smoothed ``ln((1 + N) / (1 + df)) + 1``, still tells a word of 2 statements
   from a word of 6 in a collection as small as one organisation's strategy
   (a ratio of 2.3 against 1.4 among 22 statements). Each statement's vector is
   scaled to length 1.
3. **Score.** The cosine of two statements' vectors in a language is in [0, 1];
   the score is the mean of the cosines over the languages both statements have.
   Danish and English count as two readings of the same statement: the English
   translation joins words that Danish compounds keep apart (*sagsbehandlingen*,
   *straffesagsbehandlingen*: "case handling" in both), and Danish joins words
   that English translates differently.
4. **Direction.** A link points up: from the statement whose class has the higher
   ``gg:level`` number to the lower (a marker, 2, supports a vision, 0). On the
   same level, the statement of the deeper organisation supports the other (the
   police's mission supports the ministry group's, and a member's supports its
   collaboration's: an organisation's depth is how many organisations are above it,
   following its parents and the collaborations it is a member of). Where level
   and depth are both equal, nothing tells which way the link would go, and no
   link is suggested: this covers every pair of a holder's own top-level
   (mission and vision) statements.
5. **What is left out.** A statement and itself; two statements with any
   alignment between them already, in either direction and of any kind (earlier
   suggestions included); and a link that would close a cycle, because its
   target already supports its source through ``gg:supports`` links.

The statements, their texts, levels and holders and the organisations come from
the model of the graph (:func:`goalgraph.model.read_model`); the existing links are
read with ``sparql/suggestion-links.rq``.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from rdflib import Graph, Literal, URIRef
from rdflib.term import IdentifiedNode, Node

from goalgraph.bases import resolve_base
from goalgraph.model import GoalModel, read_model
from goalgraph.namespaces import GG
from goalgraph.querying import select
from goalgraph.text import Term, language_of, terms

__all__ = [
    "DEFAULT_MIN_SCORE",
    "MatchedTerm",
    "Suggestion",
    "suggest",
    "suggestion_iri",
    "suggestions_to_turtle",
]

#: The lowest score :func:`suggest` returns by default. On the bundled data with its
#: 13 strong curated links hidden, 16 pairs score 0.1 or more, 6 of them hidden strong
#: links; the 2 other strong links that share a word at all score below it.
DEFAULT_MIN_SCORE = 0.1

#: The agent that suggestions are attributed to, relative to the base namespace.
AGENT_PATH = "agent/goalgraph-suggest"


@dataclass(frozen=True)
class MatchedTerm:
    """A stem that two statements share, and how much of their score it makes.

    Attributes
    ----------
    stem : str
        The stem (``"koncern"``): what ``gg:matchedTerm`` records.
    word : str
        A word of the texts with that stem, as written there, case folded
        (``"koncern"``, ``"group"``), to show people.
    language : str
        The language of the texts it was found in (``"da"``, ``"en"``).
    weight : float
        Its share of the suggestion's score; the shares add up to the score.
    """

    stem: str
    word: str
    language: str
    weight: float


@dataclass(frozen=True)
class Suggestion:
    """A proposed link from one statement to another that it may support.

    Attributes
    ----------
    from_statement : URIRef
        The statement that would support (``gg:from``), the lower one.
    to_statement : URIRef
        The statement it would support (``gg:to``).
    score : float
        How similar their texts are, from 0 to 1, rounded to 4 decimals.
    matched_terms : tuple of MatchedTerm
        The stems they share, the heaviest first.
    from_label, to_label : str
        The two statements' texts, to show people.
    """

    from_statement: URIRef
    to_statement: URIRef
    score: float
    matched_terms: tuple[MatchedTerm, ...]
    from_label: str
    to_label: str

    def __str__(self) -> str:
        words = ", ".join(term.word for term in self.matched_terms)
        return f"{self.score:.3f}  {self.from_label} → {self.to_label}  [{words}]"


@dataclass
class _Statement:
    iri: URIRef
    level: int | None
    holder: IdentifiedNode | None
    label: str
    # The document in each language: its terms, in the order of the text.
    documents: dict[str, list[Term]]


def suggest(
    graph: Graph,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int | None = None,
    languages: Sequence[str] = ("da", "en"),
    model: GoalModel | None = None,
) -> list[Suggestion]:
    """Propose links between statements that have none yet, from their texts.

    See the module's description for the method.

    Parameters
    ----------
    graph : rdflib.Graph
        A goal graph, usually from :func:`goalgraph.load`.
    min_score : float
        Leave out suggestions that score lower than this (0 keeps every pair
        with a word in common).
    limit : int, optional
        Return at most this many, the best.
    languages : sequence of str
        The languages to compare texts in.
    model : GoalModel, optional
        The graph's model, if it has been read already (:func:`goalgraph.model.read_model`).

    Returns
    -------
    list of Suggestion
        The best first: by score, high to low, then by the IRIs of ``from`` and
        ``to``, so the same graph gives the same list every time.

    Notes
    -----
    Scoring grows with the number of pairs of statements that share a stem:
    quadratic in the worst case. Describing a suggestion (the checks, the matched
    words) costs more, and is done only for the suggestions returned: ask for a
    `limit` on large graphs. Synthetic graphs, whose texts draw on small word lists
    so that most pairs share a word, are the worst case.

    Examples
    --------
    >>> import goalgraph
    >>> best = suggest(goalgraph.load(), limit=1)[0]
    >>> print(best.from_label, "→", best.to_label)
    Effektiv sagsbehandling af straffesager → Kvalitet i sagsbehandlingen
    >>> [(term.word, term.language) for term in best.matched_terms]
    [('sagsbehandling', 'da'), ('cases', 'en'), ('handling', 'en')]
    """
    wanted = list(dict.fromkeys(language_of(language) for language in languages))
    model = read_model(graph) if model is None else model
    statements = _statements(model, wanted)
    linked, supports = _links(graph)
    depths = _depths(model)

    vectors = {lang: _vectors(statements, lang) for lang in wanted}
    # Score every pair first and keep the rest of the work (the checks, the matched
    # words) for the pairs that make the list: with a limit, only for those.
    candidates = []
    for (a, b), total in _cosine_sums(vectors).items():
        pair = _direction(statements[a], statements[b], depths)
        if pair is None:
            continue
        lower, upper = pair
        both = [lang for lang in wanted if lang in lower.documents and lang in upper.documents]
        score = round(min(1.0, total / len(both)), 4)
        if score >= min_score and score > 0:
            candidates.append((-score, str(lower.iri), str(upper.iri), lower, upper, both))
    candidates.sort(key=lambda candidate: candidate[:3])

    reachable = _Reachability(supports)
    suggestions: list[Suggestion] = []
    for negative_score, _, _, lower, upper, both in candidates:
        if limit is not None and len(suggestions) >= limit:
            break
        if (lower.iri, upper.iri) in linked or (upper.iri, lower.iri) in linked:
            continue
        if reachable.reaches(upper.iri, lower.iri):
            continue
        matched = _matched_terms(vectors, both, lower, upper)
        score = -negative_score
        suggestions.append(Suggestion(lower.iri, upper.iri, score, matched, lower.label, upper.label))
    return suggestions


def _statements(model: GoalModel, languages: list[str]) -> dict[URIRef, _Statement]:
    statements: dict[URIRef, _Statement] = {}
    for node, found in model.statements.items():
        if not isinstance(node, URIRef):
            continue  # a suggestion needs IRIs to point at
        statement = statements[node] = _Statement(
            iri=node, level=found.level, holder=found.holder, label=str(node), documents={}
        )
        # For each language, its own text before a translation (of several, the
        # smallest); its own text in the first of `languages` it has is its label.
        texts: dict[tuple[str, str], str] = {}
        for words in sorted(found.texts, key=lambda t: (t.translated, t.value)):
            if words.lang:
                texts.setdefault(("translation" if words.translated else "text", language_of(words.lang)), words.value)
        if not texts:
            continue
        labels = [texts.get(("text", lang)) for lang in languages]
        labels += [text for (kind, _), text in sorted(texts.items()) if kind == "text"]
        labels += [text for _, text in sorted(texts.items())]
        statement.label = next(label for label in labels if label is not None)
        for lang in languages:
            text = texts.get(("text", lang), texts.get(("translation", lang)))
            document = terms(text, lang) if text is not None else []
            if document:
                statement.documents[lang] = document
    return statements


def _depths(model: GoalModel) -> dict[IdentifiedNode, int]:
    """How many organisations are above each: its parents, the collaborations it is in, and theirs."""
    up: dict[IdentifiedNode, set[IdentifiedNode]] = {
        node: set(found.parents) for node, found in model.organisations.items()
    }
    for node, found in model.organisations.items():
        for member in found.members:
            up.setdefault(member, set()).add(node)
    depths = {}
    for organisation in model.organisations:
        above: set[IdentifiedNode] = set()
        stack = list(up.get(organisation, ()))
        while stack:
            node = stack.pop()
            if node not in above:
                above.add(node)
                stack.extend(up.get(node, ()))
        above.discard(organisation)
        depths[organisation] = len(above)
    return depths


def _links(graph: Graph) -> tuple[set[tuple[Node, Node]], dict[Node, set[Node]]]:
    """The linked pairs (any kind, as written), and the gg:supports links by source."""
    linked: set[tuple[Node, Node]] = set()
    supports: dict[Node, set[Node]] = defaultdict(set)
    for row in select(graph, "suggestion-links"):
        linked.add((row["from"], row["to"]))
        plain = row["supports"]
        if isinstance(plain, Literal) and bool(plain.toPython()):  # Virtuoso answers 1 for true
            supports[row["from"]].add(row["to"])
    return linked, supports


class _Reachability:
    """Which statements each statement supports through gg:supports links, computed once each."""

    def __init__(self, supports: Mapping[Node, set[Node]]) -> None:
        self._supports = supports
        self._reached: dict[Node, set[Node]] = {}

    def reaches(self, start: Node, goal: Node) -> bool:
        if start not in self._reached:
            seen: set[Node] = set()
            queue = deque([start])
            while queue:
                for supported in self._supports.get(queue.popleft(), ()):
                    if supported not in seen:
                        seen.add(supported)
                        queue.append(supported)
            self._reached[start] = seen
        return goal in self._reached[start]


# A statement's vector in one language: the weight of each of its stems, length 1.
_Vector = dict[str, float]


def _vectors(statements: Mapping[URIRef, _Statement], lang: str) -> dict[URIRef, _Vector]:
    """The TF-IDF vectors of the statements that have a document in `lang`."""
    counts = {iri: Counter(t.stem for t in s.documents[lang]) for iri, s in statements.items() if lang in s.documents}
    document_frequency = Counter(stem for count in counts.values() for stem in count)
    vectors = {}
    for iri, count in counts.items():
        weights = {stem: (1 + math.log(tf)) * _idf(len(counts), document_frequency[stem]) for stem, tf in count.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors[iri] = {stem: weight / norm for stem, weight in weights.items()}
    return vectors


#: Stems in more statements than this share (of a corpus of more than
#: COMMON_STEM_FLOOR / COMMON_STEM_SHARE statements) do not pair statements.
COMMON_STEM_SHARE = 0.02
COMMON_STEM_FLOOR = 50


def _cosine_sums(vectors: Mapping[str, Mapping[URIRef, _Vector]]) -> dict[tuple[URIRef, URIRef], float]:
    """For each pair of statements with a stem in common, the sum of its cosines over the languages."""
    sums: dict[tuple[URIRef, URIRef], float] = defaultdict(float)
    for by_statement in vectors.values():
        postings: dict[str, list[tuple[URIRef, float]]] = defaultdict(list)
        for iri in sorted(by_statement):
            for stem, weight in by_statement[iri].items():
                postings[stem].append((iri, weight))
        # Only pairs that share a stem have a cosine above 0: walk the postings, not all pairs.
        # A stem that most statements share says little and would make this quadratic:
        # beyond COMMON_STEM_SHARE of a large corpus it pairs nothing (it still counts in
        # the vectors' length, so scores are, if anything, a little low).
        common = max(COMMON_STEM_FLOOR, COMMON_STEM_SHARE * len(by_statement))
        for posting in postings.values():
            if len(posting) > common:
                continue
            for (a, weight_a), (b, weight_b) in combinations(posting, 2):
                sums[(a, b)] += weight_a * weight_b
    return sums


def _idf(n: int, df: int) -> float:
    """The inverse document frequency of a stem that `df` of `n` documents have (BM25's, always > 0)."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _direction(
    a: _Statement, b: _Statement, depths: Mapping[IdentifiedNode, int]
) -> tuple[_Statement, _Statement] | None:
    """The pair as (supporting, supported), or None where no link should be suggested."""
    if a.iri == b.iri or a.level is None or b.level is None:
        return None
    if a.level != b.level:
        return (a, b) if a.level > b.level else (b, a)
    if a.level == 0 and a.holder == b.holder:
        return None  # a holder's missions and visions stand side by side
    depth_a = depths.get(a.holder, 0) if a.holder is not None else 0
    depth_b = depths.get(b.holder, 0) if b.holder is not None else 0
    if depth_a != depth_b:
        return (a, b) if depth_a > depth_b else (b, a)
    return None


def _matched_terms(
    vectors: Mapping[str, Mapping[URIRef, _Vector]],
    languages: list[str],
    lower: _Statement,
    upper: _Statement,
) -> tuple[MatchedTerm, ...]:
    matched = []
    for lang in languages:
        low, high = vectors[lang][lower.iri], vectors[lang][upper.iri]
        for stem in low.keys() & high.keys():
            # The word as the supporting statement writes it.
            word = next(t.word for t in lower.documents[lang] if t.stem == stem)
            matched.append(MatchedTerm(stem, word, lang, low[stem] * high[stem] / len(languages)))
    matched.sort(key=lambda term: (-term.weight, term.stem, term.language))
    return tuple(matched)


#################################################################
# Turtle
#################################################################


def suggestion_iri(suggestion: Suggestion, base: str | None = None) -> URIRef:
    """The IRI of `suggestion` as an alignment: stable, from its two ends.

    ``{base}alignment/suggested/{hash}``, the hash the first 16 hex digits of the
    SHA-256 of the two IRIs, so the same link gets the same IRI in every run.

    Examples
    --------
    >>> from rdflib import URIRef
    >>> s = Suggestion(URIRef("https://example.org/a"), URIRef("https://example.org/b"), 0.5, (), "A", "B")
    >>> suggestion_iri(s, "https://example.org/")
    rdflib.term.URIRef('https://example.org/alignment/suggested/6dcbf5dd48fe7c18')
    """
    ends = f"{suggestion.from_statement}\n{suggestion.to_statement}".encode()
    return URIRef(f"{resolve_base(base)}alignment/suggested/{hashlib.sha256(ends).hexdigest()[:16]}")


def suggestions_to_turtle(
    suggestions: Iterable[Suggestion],
    *,
    base: str | None = None,
    agent: str | None = None,
    created: date | None = None,
) -> str:
    """Write suggestions as suggested ``gg:Alignment`` nodes, in Turtle.

    Each suggestion becomes an alignment with ``gg:from``, ``gg:to``, ``gg:kind
    gg:suggested``, ``gg:score``, one ``gg:matchedTerm`` per shared stem, a
    ``gg:rationale`` naming the shared words, ``prov:wasAttributedTo`` the agent
    and ``dcterms:created``. The agent, a ``prov:SoftwareAgent``, is described in
    the same output. There is no plain ``gg:supports`` triple: accepting a
    suggestion is an analyst's act. Loaded with the data it was made from, the
    output passes :func:`goalgraph.validate`.

    Parameters
    ----------
    suggestions : iterable of Suggestion
        From :func:`suggest`.
    base : str, optional
        The base namespace for the alignments' and the agent's IRIs (see
        :func:`goalgraph.loading.resolve_base`).
    agent : str, optional
        The agent's IRI; by default ``{base}agent/goalgraph-suggest``.
    created : datetime.date, optional
        The date to record; by default today.

    Returns
    -------
    str
        A Turtle document.

    Examples
    --------
    >>> from datetime import date
    >>> from rdflib import URIRef
    >>> term = MatchedTerm("koncern", "koncern", "da", 0.4)
    >>> a, b = URIRef("https://example.org/a"), URIRef("https://example.org/b")
    >>> s = Suggestion(a, b, 0.4, (term,), "A", "B")
    >>> turtle = suggestions_to_turtle([s], base="https://example.org/", created=date(2025, 1, 31))
    >>> print(turtle[turtle.index("<https://example.org/alignment"):])
    <https://example.org/alignment/suggested/6dcbf5dd48fe7c18>
        a gg:Alignment ;
        gg:from <https://example.org/a> ;
        gg:to <https://example.org/b> ;
        gg:kind gg:suggested ;
        gg:score 0.4000 ;
        gg:matchedTerm "koncern" ;
        gg:rationale "Similar words (TF-IDF cosine over stems): koncern (da)"@en ;
        prov:wasAttributedTo <https://example.org/agent/goalgraph-suggest> ;
        dcterms:created "2025-01-31"^^xsd:date .
    <BLANKLINE>
    """
    base = resolve_base(base)
    agent_iri = URIRef(agent or f"{base}{AGENT_PATH}")
    day = f'"{(created or date.today()).isoformat()}"^^xsd:date'
    lines = [
        "# Alignments suggested by goalgraph from the texts of statements, for review.",
        "# Suggested alignments are not accepted: none has a gg:supports triple.",
        "",
        f"@prefix gg: <{GG}> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
        f"{agent_iri.n3()}",
        "    a prov:SoftwareAgent ;",
        '    skos:prefLabel "goalgraph suggest"@en , "goalgraph-forslag"@da ;',
        "    skos:definition \"goalgraph's suggester: proposes alignments between statements "
        'whose texts share words, for an analyst to review."@en .',
    ]
    for suggestion in suggestions:
        stems = list(dict.fromkeys(term.stem for term in suggestion.matched_terms))
        words = ", ".join(f"{term.word} ({term.language})" for term in suggestion.matched_terms)
        rationale = Literal(f"Similar words (TF-IDF cosine over stems): {words}", lang="en")
        lines += [
            "",
            f"# {_one_line(suggestion.from_label)} → {_one_line(suggestion.to_label)}",
            suggestion_iri(suggestion, base).n3(),
            "    a gg:Alignment ;",
            f"    gg:from {suggestion.from_statement.n3()} ;",
            f"    gg:to {suggestion.to_statement.n3()} ;",
            "    gg:kind gg:suggested ;",
            f"    gg:score {suggestion.score:.4f} ;",
            *([f"    gg:matchedTerm {' , '.join(Literal(stem).n3() for stem in stems)} ;"] if stems else []),
            f"    gg:rationale {rationale.n3()} ;",
            f"    prov:wasAttributedTo {agent_iri.n3()} ;",
            f"    dcterms:created {day} .",
        ]
    return "\n".join(lines) + "\n"


def _one_line(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
