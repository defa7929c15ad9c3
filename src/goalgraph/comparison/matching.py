"""Pairing the statements (and plans) of an old version with those of a new one.

A node keeps its IRI from one version to the next in the usual case, and is then
the same node: matched by IRI. What is left on either side is paired by its
words (:func:`goalgraph.comparison.wording.similarity`): a reworded statement
whose IRI changed too, or a target carried over from last year's plan to this
year's, which has an IRI of its own. Pairs are taken best first, each node at
most once, down to a threshold.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from goalgraph.comparison.wording import cosine, stem_counts, unit_vectors

__all__ = ["SIMILARITY_THRESHOLD", "Match", "match_by_words"]

#: The least similarity (cosine of stems, :func:`~goalgraph.comparison.wording.similarity`)
#: at which two statements count as one reworded: 0.6. Two short texts that share one
#: of two words each (0.5: *Tilfredse borgere*, *Trygge borgere*) are two statements;
#: a text that keeps two of three words (0.67), or gains a word (two words of three:
#: 0.82), is the same statement reworded.
SIMILARITY_THRESHOLD = 0.6

N = TypeVar("N", bound=Hashable)

# Cosines are sums of products of floats: a pair exactly at the threshold may come out a hair below.
_EPSILON = 1e-9


@dataclass(frozen=True)
class Match(Generic[N]):
    """An old node and the new node it became.

    Attributes
    ----------
    old, new : node
    by : {"iri", "words"}
        Matched as the same IRI, or by the similarity of their words.
    score : float
        The similarity (1.0 for a match by IRI).
    """

    old: N
    new: N
    by: Literal["iri", "words"]
    score: float


def match_by_words(
    old: Mapping[N, Mapping[str, str]],
    new: Mapping[N, Mapping[str, str]],
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    same: bool = True,
) -> list[Match[N]]:
    """Pair old and new nodes: the same node first (with `same`), then by their words.

    Parameters
    ----------
    old, new : Mapping of node to Mapping of str to str
        Each node's texts by language (``{"da": ..., "en": ...}``).
    threshold : float
        The least similarity for a match by words (:data:`SIMILARITY_THRESHOLD`).
    same : bool
        Match a node present on both sides with itself first.

    Returns
    -------
    list of Match
        The matches by IRI in the order of `old`; then those with the same words
        (score 1.0); then those by similar words, best first (ties by the nodes'
        text, so the same every run).

    Examples
    --------
    >>> old = {"a": {"da": "Kortere sagsbehandlingstid"}, "b": {"da": "Tilfredse borgere"}}
    >>> new = {"a": {"da": "Kortere sagsbehandlingstid"}, "c": {"da": "Tilfredse og trygge borgere"}}
    >>> [(m.old, m.new, m.by, round(m.score, 2)) for m in match_by_words(old, new)]
    [('a', 'a', 'iri', 1.0), ('b', 'c', 'words', 0.82)]
    >>> match_by_words({"b": {"da": "Tilfredse borgere"}}, {"d": {"da": "Trygge borgere"}})
    []
    """
    matches: list[Match[N]] = []
    if same:
        matches = [Match(node, node, "iri", 1.0) for node in old if node in new]
    taken = {m.old for m in matches}
    left_old = [node for node in old if node not in taken]
    left_new = [node for node in new if node not in taken]
    # The same words, first: a target carried over as it was needs no search (in IRI order where several share them).
    same_words = _same_words(left_old, left_new, old, new)
    matches += same_words
    paired_old, paired_new = {m.old for m in same_words}, {m.new for m in same_words}
    left_old = [node for node in left_old if node not in paired_old]
    left_new = [node for node in left_new if node not in paired_new]
    if not left_old or not left_new:
        return matches
    new_vectors = {node: unit_vectors(stem_counts(new[node])) for node in left_new}
    index: dict[tuple[str, str], list[tuple[N, float]]] = {}
    for node, by_lang in new_vectors.items():
        for lang, vector in by_lang.items():
            for stem, weight in vector.items():
                index.setdefault((lang, stem), []).append((node, weight))
    scored: list[tuple[float, str, str, N, N]] = []
    for node in left_old:
        mine = unit_vectors(stem_counts(old[node]))
        candidates: set[N] = set()
        for lang, vector in mine.items():
            candidates.update(_probe(lang, vector, index, threshold))
        for other in candidates:
            score = cosine(mine, new_vectors[other])
            if score >= threshold - _EPSILON:
                scored.append((score, str(node), str(other), node, other))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_old: set[N] = set()
    used_new: set[N] = set()
    for score, _, _, node, other in scored:
        if node not in used_old and other not in used_new:
            used_old.add(node)
            used_new.add(other)
            matches.append(Match(node, other, "words", score))
    return matches


def _same_words(
    left_old: list[N], left_new: list[N], old: Mapping[N, Mapping[str, str]], new: Mapping[N, Mapping[str, str]]
) -> list[Match[N]]:
    """Pairs with the very same texts in every language (white space aside), by IRI among equals."""

    def key(texts: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((lang, " ".join(text.split())) for lang, text in texts.items()))

    waiting: dict[tuple[tuple[str, str], ...], list[N]] = {}
    for node in sorted(left_new, key=str):
        if new[node]:
            waiting.setdefault(key(new[node]), []).append(node)
    found = []
    for node in sorted(left_old, key=str):
        twins = waiting.get(key(old[node])) if old[node] else None
        if twins:
            found.append(Match(node, twins.pop(0), "words", 1.0))
    return found


def _probe(
    lang: str, vector: Mapping[str, float], index: Mapping[tuple[str, str], list[tuple[N, float]]], threshold: float
) -> Iterator[N]:
    """The new nodes that may reach `threshold` with `vector`: a filter that never leaves a match out.

    Prefix filtering: the stems are taken rarest first, adding up each node's part of
    the cosine, until the stems left have a length below the threshold. A node that
    shares none of the stems taken cannot reach it (its cosine is at most that
    length, the new vectors having length 1); one that does is kept if what it has
    so far, plus that length, can. The commonest words then never list every
    statement that has them.
    """
    stems = sorted(vector, key=lambda stem: (len(index.get((lang, stem), ())), stem))
    left = sum(w * w for w in vector.values())
    sums: dict[N, float] = {}
    for stem in stems:
        if math.sqrt(max(left, 0.0)) < threshold - _EPSILON:
            break
        weight = vector[stem]
        for node, theirs in index.get((lang, stem), ()):
            sums[node] = sums.get(node, 0.0) + weight * theirs
        left -= weight * weight
    bound = math.sqrt(max(left, 0.0))
    return (node for node, part in sums.items() if part + bound >= threshold - _EPSILON)
