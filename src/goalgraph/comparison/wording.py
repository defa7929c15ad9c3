"""A word-level diff of two wordings of a statement, and how alike two wordings are.

:func:`word_diff` marks the words that changed between an old and a new text, as
the tokens of a line-oriented diff do for lines; :func:`similarity` is the cosine
of the two texts' stems (:func:`goalgraph.text.terms`), the measure by which
:mod:`goalgraph.comparison.matching` pairs a reworded statement with its old self.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from goalgraph.text import terms

__all__ = ["Op", "cosine", "similarity", "stem_counts", "unit_vectors", "word_diff", "words_text"]

# Words and the white space between them, each a piece, so that the pieces join back into the text.
_PIECE = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Op:
    """One piece of a word diff: text kept, taken out or put in.

    Attributes
    ----------
    op : {"equal", "delete", "insert"}
    text : str
        The words, with the white space that follows them.
    """

    op: Literal["equal", "delete", "insert"]
    text: str

    def to_dict(self) -> dict[str, str]:
        """The piece as JSON-ready data: ``{"op": ..., "text": ...}``."""
        return {"op": self.op, "text": self.text}


def word_diff(old: str, new: str) -> tuple[Op, ...]:
    """The words of `old` and `new`, each kept, deleted or inserted.

    Words are compared whole (a changed letter changes the word), and white space
    as one space. Joining the kept and inserted pieces gives `new`; the kept and
    deleted pieces give `old` up to its white space (the kept pieces are `new`'s).

    Parameters
    ----------
    old, new : str
        Two wordings.

    Returns
    -------
    tuple of Op
        In reading order; a replaced run is its deletion, then its insertion.

    Examples
    --------
    >>> words_text(word_diff("Kortere sagsbehandlingstid", "Kortere ventetid"))
    'Kortere [-sagsbehandlingstid-]{+ventetid+}'
    >>> words_text(word_diff("kort tid nu", "kort tid"))
    'kort tid [-nu-]'
    >>> [op.op for op in word_diff("a b", "a b")]
    ['equal']
    """
    before, after = _PIECE.findall(old), _PIECE.findall(new)
    # Any white space is the same space: a reflowed text is not a reworded one.
    matcher = difflib.SequenceMatcher(None, [_key(p) for p in before], [_key(p) for p in after], autojunk=False)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(Op("equal", "".join(after[j1:j2])))
            continue
        if i2 > i1:
            ops.append(Op("delete", "".join(before[i1:i2])))
        if j2 > j1:
            ops.append(Op("insert", "".join(after[j1:j2])))
    return tuple(_space_after(ops))


def _space_after(ops: list[Op]) -> list[Op]:
    """A word put in or taken out with the space after it, not before it: ``Høj [faglig ]kvalitet``.

    The matcher may take the space before the word into the change; where the text after it
    starts with the same space, the space moves round, and the pieces still join into both texts.
    """
    for i in range(1, len(ops) - 1):
        before, change, after = ops[i - 1], ops[i], ops[i + 1]
        space = change.text[: len(change.text) - len(change.text.lstrip())]
        if before.op == after.op == "equal" and change.op != "equal" and space and after.text.startswith(space):
            ops[i - 1] = Op("equal", before.text + space)
            ops[i] = Op(change.op, change.text[len(space) :] + space)
            ops[i + 1] = Op("equal", after.text[len(space) :])
    return [op for op in ops if op.text]


def _key(piece: str) -> str:
    return " " if piece.isspace() else piece


def words_text(ops: Iterable[Op]) -> str:
    """A word diff as text: ``[-deleted-]`` and ``{+inserted+}``, as ``git diff --word-diff`` writes it.

    Examples
    --------
    >>> words_text([Op("equal", "Høj "), Op("delete", "kvalitet"), Op("insert", "faglighed")])
    'Høj [-kvalitet-]{+faglighed+}'
    """
    shown = []
    for op in ops:
        if op.op == "equal":
            shown.append(op.text)
            continue
        # White space at either end of a changed run goes outside the marks, where a reader expects it.
        body = op.text.strip()
        lead, trail = op.text[: len(op.text) - len(op.text.lstrip())], op.text[len(op.text.rstrip()) :]
        if not body:
            shown.append(op.text if op.op == "insert" else "")
        elif op.op == "delete":
            shown.append(f"{lead}[-{body}-]{trail}")
        else:
            shown.append(f"{lead}{{+{body}+}}{trail}")
    return "".join(shown)


def stem_counts(texts: Mapping[str, str]) -> dict[str, Counter[str]]:
    """The stems of each text, counted, by language (stop words left out).

    Parameters
    ----------
    texts : Mapping of str to str
        A statement's texts by language (``{"da": ..., "en": ...}``).

    Returns
    -------
    dict of str to collections.Counter

    Examples
    --------
    >>> stem_counts({"da": "Kvalitet i sagsbehandlingen"})
    {'da': Counter({'kvalit': 1, 'sagsbehandling': 1})}
    """
    return {lang: Counter(term.stem for term in terms(text, lang)) for lang, text in texts.items()}


def similarity(old: Mapping[str, Counter[str]], new: Mapping[str, Counter[str]]) -> float:
    """How alike two statements' words are: the best cosine of their stems in a language both have.

    Each language is compared with itself (Danish with Danish, English with
    English), so that a statement whose Danish was reworded still matches by its
    unchanged English, and the other way round.

    Parameters
    ----------
    old, new : Mapping of str to collections.Counter
        The stems of each statement by language (:func:`stem_counts`).

    Returns
    -------
    float
        From 0 (no stem in common) to 1 (the same stems, as often).

    Examples
    --------
    >>> a = stem_counts({"da": "Kortere sagsbehandlingstid", "en": "Shorter processing time"})
    >>> b = stem_counts({"da": "Kortere sagsbehandlingstid i straffesager", "en": "Shorter processing time"})
    >>> round(similarity(a, b), 3)
    1.0
    >>> round(similarity(a, {"da": b["da"]}), 3)
    0.816
    >>> similarity(a, stem_counts({"da": "Tilfredse borgere"}))
    0.0
    """
    return cosine(unit_vectors(old), unit_vectors(new))


def unit_vectors(by_lang: Mapping[str, Counter[str]]) -> dict[str, dict[str, float]]:
    """Each language's stem counts scaled to length 1, so that a dot product is the cosine.

    Examples
    --------
    >>> unit_vectors({"da": Counter({"kvalit": 3, "sag": 4}), "en": Counter()})
    {'da': {'kvalit': 0.6, 'sag': 0.8}}
    """
    found = {}
    for lang, counts in by_lang.items():
        norm = math.sqrt(sum(c * c for c in counts.values()))
        if norm:
            found[lang] = {stem: c / norm for stem, c in counts.items()}
    return found


def cosine(old: Mapping[str, Mapping[str, float]], new: Mapping[str, Mapping[str, float]]) -> float:
    """The best cosine, in a language both have, of two statements' :func:`unit_vectors`.

    Examples
    --------
    >>> cosine({"da": {"a": 1.0}}, {"en": {"a": 1.0}})
    0.0
    """
    best = 0.0
    for lang, mine in old.items():
        theirs = new.get(lang)
        if theirs:
            best = max(best, sum(w * theirs.get(stem, 0.0) for stem, w in mine.items()))
    return best
