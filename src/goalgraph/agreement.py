"""Agreement between two curators who reviewed the same suggestions independently.

Two curation files (:mod:`goalgraph.curation`) are compared pair by pair:

- **Accept or reject**: Cohen's kappa over the pairs both decided, an accepted
  suggestion and an added link both counting as *accept*. Links that only one
  curator added (or suggestions only one decided) are not in it: they are listed
  apart.
- **Strength**: over the pairs both accepted, Cohen's kappa on strong, moderate
  and weak, unweighted (every difference counts the same), and linearly weighted
  (the strengths are ordered: strong against moderate is half a disagreement,
  strong against weak a whole one; agreement weights 1, 0.5 and 0).

Cohen's kappa is ``(p_o - p_e) / (1 - p_e)``: ``p_o`` the share of pairs on which
the two agree (for the weighted kappa, the mean agreement weight), ``p_e`` the same
expected by chance from each curator's own shares of the categories
(``sum_k a_k b_k`` over the categories, weighted ``sum_ij w_ij a_i b_j``).

Where kappa is undefined
------------------------
- **n = 0**: no pair to compare. Kappa, ``p_o`` and ``p_e`` are None (JSON null).
- **p_e = 1**: both curators gave every pair one and the same category (both
  accepted everything, say). Agreement is complete, but there is nothing for it
  to be better than chance at: kappa is None, *undefined*, with a note, as
  scikit-learn's ``cohen_kappa_score`` gives NaN, rather than 1 by convention,
  which would claim more than such data can show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from goalgraph.bases import resolve_base
from goalgraph.curation import STRENGTHS, Decision, read_decisions

__all__ = ["Agreement", "Disagreement", "Kappa", "agreement", "agreement_text", "cohen_kappa"]

#: The categories of the first kappa.
VERDICTS = ("accept", "reject")


@dataclass(frozen=True)
class Kappa:
    """Cohen's kappa for two raters over the same items, with what it rests on.

    Attributes
    ----------
    n : int
        How many items both rated.
    observed : float or None
        ``p_o``: the share of items they agree on (weighted: the mean agreement weight).
    chance : float or None
        ``p_e``: the agreement expected by chance from their own shares of the categories.
    kappa : float or None
        ``(p_o - p_e) / (1 - p_e)``; None where undefined (n = 0, or p_e = 1).
    weights : {"none", "linear"}
        Unweighted, or linear agreement weights ``1 - |i - j| / (k - 1)``.
    categories : tuple of str
        In order (for weights, the order that matters).
    table : tuple of tuple of int
        The contingency table: rows the first rater's categories, columns the second's.
    note : str or None
        Why kappa is undefined, where it is.
    """

    n: int
    observed: float | None
    chance: float | None
    kappa: float | None
    weights: Literal["none", "linear"]
    categories: tuple[str, ...]
    table: tuple[tuple[int, ...], ...]
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As JSON: n, observed, chance, kappa (null where undefined), weights, categories, table, note."""
        return {
            "n": self.n,
            "observed": _rounded(self.observed),
            "chance": _rounded(self.chance),
            "kappa": _rounded(self.kappa),
            "weights": self.weights,
            "categories": list(self.categories),
            "table": [list(row) for row in self.table],
            "note": self.note,
        }


def cohen_kappa(
    ratings: Iterable[tuple[str, str]], categories: Sequence[str], *, weights: Literal["none", "linear"] = "none"
) -> Kappa:
    """Cohen's kappa of two raters' categories for the same items.

    Parameters
    ----------
    ratings : iterable of (str, str)
        For each item, the first and the second rater's category.
    categories : sequence of str
        Every category, in order (for linear weights, the order of the scale).
    weights : {"none", "linear"}
        Unweighted kappa, or linearly weighted (agreement weight ``1 - |i - j| / (k - 1)``).

    Returns
    -------
    Kappa
        With kappa None where it is undefined (no items; chance agreement 1).

    Raises
    ------
    ValueError
        For a category not in `categories`.

    Examples
    --------
    >>> k = cohen_kappa([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")], ["a", "b"])
    >>> k.observed, k.chance, k.kappa
    (0.75, 0.5, 0.5)
    >>> cohen_kappa([("a", "a"), ("a", "a")], ["a", "b"]).kappa is None
    True
    """
    index = {category: i for i, category in enumerate(categories)}
    k = len(categories)
    table = [[0] * k for _ in range(k)]
    for first, second in ratings:
        if first not in index or second not in index:
            raise ValueError(f"a category not among {list(categories)}: {first!r}, {second!r}")
        table[index[first]][index[second]] += 1
    frozen = tuple(tuple(row) for row in table)
    n = sum(map(sum, table))
    if n == 0:
        return Kappa(0, None, None, None, weights, tuple(categories), frozen, "no pairs to compare: kappa is undefined")

    def weight(i: int, j: int) -> float:
        if weights == "linear":
            return 1 - abs(i - j) / (k - 1) if k > 1 else 1.0
        return 1.0 if i == j else 0.0

    rows = [sum(table[i]) / n for i in range(k)]
    columns = [sum(table[i][j] for i in range(k)) / n for j in range(k)]
    observed = sum(weight(i, j) * table[i][j] for i in range(k) for j in range(k)) / n
    chance = sum(weight(i, j) * rows[i] * columns[j] for i in range(k) for j in range(k))
    if abs(1 - chance) < 1e-12:
        note = "both gave every pair the same single category: agreement is complete, but kappa is undefined"
        return Kappa(n, observed, chance, None, weights, tuple(categories), frozen, note)
    return Kappa(n, observed, chance, (observed - chance) / (1 - chance), weights, tuple(categories), frozen)


@dataclass(frozen=True)
class Disagreement:
    """A pair both curators decided differently: in verdict, or (both accepting) in strength.

    Attributes
    ----------
    on : {"verdict", "strength"}
    first, second : Decision
        The first and the second curator's decisions, with their rationales.
    """

    on: Literal["verdict", "strength"]
    first: Decision
    second: Decision


@dataclass(frozen=True)
class Agreement:
    """How far two curators agree (see the module's description).

    Attributes
    ----------
    first, second : str
        The two files, as given.
    both : tuple of (URIRef, URIRef)
        The pairs both decided, in order.
    verdict : Kappa
        Accept against reject, over `both`.
    strength : Kappa
        Unweighted, over the pairs both accepted.
    strength_weighted : Kappa
        Linearly weighted, over the same pairs.
    disagreements : tuple of Disagreement
    only_first, only_second : tuple of Decision
        What only one of them decided (links only one added among them).
    """

    first: str
    second: str
    both: tuple[tuple[str, str], ...]
    verdict: Kappa
    strength: Kappa
    strength_weighted: Kappa
    disagreements: tuple[Disagreement, ...] = field(default_factory=tuple)
    only_first: tuple[Decision, ...] = field(default_factory=tuple)
    only_second: tuple[Decision, ...] = field(default_factory=tuple)

    def to_dict(self, base: str | None = None) -> dict[str, Any]:
        """As JSON; IRIs under `base` written relative to it."""
        base = resolve_base(base)

        def name(iri: str) -> str:
            return iri[len(base) :] if iri.startswith(base) else iri

        def decision(d: Decision) -> dict[str, Any]:
            return {
                "from": name(str(d.start)),
                "to": name(str(d.end)),
                "verdict": d.verdict,
                "strength": d.strength,
                "rationale": d.rationale,
                "curator": d.curator,
            }

        return {
            "first": self.first,
            "second": self.second,
            "both": len(self.both),
            "verdict": self.verdict.to_dict(),
            "strength": self.strength.to_dict(),
            "strength_weighted": self.strength_weighted.to_dict(),
            "disagreements": [
                {"on": d.on, "first": decision(d.first), "second": decision(d.second)} for d in self.disagreements
            ],
            "only_first": [decision(d) for d in self.only_first],
            "only_second": [decision(d) for d in self.only_second],
        }


def _verdict(decision: Decision) -> str:
    return "reject" if decision.verdict == "rejected" else "accept"


def agreement(first: Path | str, second: Path | str, *, base: str | None = None) -> Agreement:
    """Compare two curators' files: kappa on accept or reject and on strength, and where they differ.

    Parameters
    ----------
    first, second : Path or str
        Two curation files (``goalgraph review --curate``).
    base : str, optional
        The base namespace relative IRIs resolve against.

    Returns
    -------
    Agreement

    Raises
    ------
    goalgraph.errors.GoalgraphError
        If a file is missing or not a curation file.

    Examples
    --------
    >>> import tempfile
    >>> from datetime import datetime, UTC
    >>> from rdflib import URIRef
    >>> from goalgraph.curation import CurationFile, accept, reject
    >>> folder = Path(tempfile.mkdtemp())
    >>> a, b = CurationFile(folder / "a.yaml", curator="ana"), CurationFile(folder / "b.yaml", curator="bo")
    >>> x, y, z = (URIRef(f"https://example.org/synthetic/{n}") for n in "xyz")
    >>> _ = accept(a, (x, z), strength="strong", rationale="Ja"), accept(b, (x, z), strength="weak", rationale="Ja")
    >>> _ = reject(a, (y, z)), reject(b, (y, z))
    >>> found = agreement(folder / "a.yaml", folder / "b.yaml")
    >>> found.verdict.n, found.verdict.kappa, found.verdict.note is not None
    (2, 1.0, False)
    >>> [(d.on, d.first.strength, d.second.strength) for d in found.disagreements]
    [('strength', 'strong', 'weak')]
    """
    left = {d.pair: d for d in read_decisions(first, base=base)}
    right = {d.pair: d for d in read_decisions(second, base=base)}
    both = sorted(left.keys() & right.keys(), key=lambda pair: (str(pair[0]), str(pair[1])))
    verdict = cohen_kappa([(_verdict(left[p]), _verdict(right[p])) for p in both], VERDICTS)
    accepted = [p for p in both if _verdict(left[p]) == _verdict(right[p]) == "accept"]
    strengths = [(str(left[p].strength), str(right[p].strength)) for p in accepted]
    disagreements = []
    for pair in both:
        one, other = left[pair], right[pair]
        if _verdict(one) != _verdict(other):
            disagreements.append(Disagreement("verdict", one, other))
        elif _verdict(one) == "accept" and one.strength != other.strength:
            disagreements.append(Disagreement("strength", one, other))
    return Agreement(
        first=str(first),
        second=str(second),
        both=tuple((str(a), str(b)) for a, b in both),
        verdict=verdict,
        strength=cohen_kappa(strengths, STRENGTHS),
        strength_weighted=cohen_kappa(strengths, STRENGTHS, weights="linear"),
        disagreements=tuple(disagreements),
        only_first=tuple(d for p, d in left.items() if p not in right),
        only_second=tuple(d for p, d in right.items() if p not in left),
    )


def agreement_text(found: Agreement, *, base: str | None = None, labels: dict[str, str] | None = None) -> str:
    """`found` for people to read.

    Parameters
    ----------
    found : Agreement
    base : str, optional
        IRIs under it are shown relative to it.
    labels : dict of str to str, optional
        Texts to show for statements, by IRI.

    Returns
    -------
    str

    Examples
    --------
    >>> kappa = cohen_kappa([("accept", "accept"), ("accept", "reject")], VERDICTS)
    >>> print(agreement_text(Agreement("a.yaml", "b.yaml", (), kappa, kappa, kappa)).splitlines()[5])
      n = 2, observed 0.500, chance 0.500, kappa 0.000
    """
    base = resolve_base(base)
    labels = labels or {}

    def name(iri: object) -> str:
        text = str(iri)
        return labels.get(text) or (text[len(base) :] if text.startswith(base) else text)

    def decided(d: Decision) -> str:
        what = d.verdict + (f" ({d.strength})" if d.strength else "")
        why = "; ".join(f"{lang}: {text}" for lang, text in d.rationale.items())
        return f"{what}" + (f" — {why}" if why else "")

    first, second = found.first, found.second
    lines = [
        f"A: {first}",
        f"B: {second}",
        f"Decided by both: {len(found.both)}; by A only: {len(found.only_first)}; by B only: {len(found.only_second)}.",
        "",
        "Accept or reject (Cohen's kappa, unweighted; added links count as accepted):",
        *_kappa_lines(found.verdict, "A", "B"),
        "",
        f"Strength, over the {found.strength.n} pair(s) both accepted:",
        "  Cohen's kappa, unweighted (every difference counts the same):",
        *("  " + line for line in _kappa_lines(found.strength, "A", "B")),
        "  Cohen's kappa, linearly weighted (strong/moderate or moderate/weak half a disagreement):",
        *("  " + line for line in _kappa_lines(found.strength_weighted, "A", "B", table=False)),
    ]
    lines += ["", f"Disagreements ({len(found.disagreements)}):" if found.disagreements else "No disagreements."]
    for d in found.disagreements:
        lines += [
            f"- on {d.on}: {name(d.first.start)} → {name(d.first.end)}",
            f"    A: {decided(d.first)}",
            f"    B: {decided(d.second)}",
        ]
    for who, decisions in (("A", found.only_first), ("B", found.only_second)):
        if decisions:
            lines += ["", f"Decided by {who} only ({len(decisions)}; not in the kappas):"]
            lines += [f"- {name(d.start)} → {name(d.end)}: {decided(d)}" for d in decisions]
    return "\n".join(lines)


def _kappa_lines(found: Kappa, first: str, second: str, *, table: bool = True) -> list[str]:
    if found.observed is None or found.chance is None:
        return [f"  n = {found.n}: {found.note}"]
    value = f"{found.kappa:.3f}" if found.kappa is not None else "undefined"
    lines = [f"  n = {found.n}, observed {found.observed:.3f}, chance {found.chance:.3f}, kappa {value}"]
    if found.note:
        lines.append(f"  ({found.note})")
    if table:
        width = max(len(c) for c in found.categories) + 2
        lines.append("  " + " " * (width + 2) + "".join(f"{second} {c}".rjust(width + 3) for c in found.categories))
        for category, row in zip(found.categories, found.table, strict=True):
            lines.append(f"  {first} {category}".ljust(width + 4) + "".join(str(v).rjust(width + 3) for v in row))
    return lines


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
