"""Agreement between two curators (goalgraph.agreement and `goalgraph agreement`), checked by hand."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rdflib import URIRef

from goalgraph.agreement import agreement, agreement_text, cohen_kappa
from goalgraph.curation import STRENGTHS, CurationFile, accept, add, reject
from goalgraph.suggestion import MatchedTerm, Suggestion

from .test_cli import goalgraph as run

# Synthetic statements and decisions: made up for these tests, nothing real.
SYNTHETIC = "https://example.org/synthetic/id/"
WHEN = datetime(2026, 3, 4, tzinfo=UTC)


def node(name: str) -> URIRef:
    return URIRef(f"{SYNTHETIC}{name}")


#: Ten pairs both curators decided: (A's decision, B's decision), a strength where accepted.
#: p4 is then made a link both added (it counts as accepted); p11 is a link only A added; p12 only B decided.
HAND = {
    "p1": ("strong", "strong"),
    "p2": ("strong", "moderate"),
    "p3": ("moderate", "moderate"),
    "p4": ("weak", "weak"),
    "p5": ("weak", "moderate"),
    "p6": ("moderate", "reject"),
    "p7": ("strong", "reject"),
    "p8": ("reject", "weak"),
    "p9": ("reject", "reject"),
    "p10": ("reject", "reject"),
}


def write(folder: Path) -> tuple[Path, Path]:
    first, second = CurationFile(folder / "a.yaml", curator="Ana"), CurationFile(folder / "b.yaml", curator="Bo")
    top = node("top")
    for name, decisions in HAND.items():
        for curation, verdict in zip((first, second), decisions, strict=True):
            if verdict == "reject":
                reject(curation, (node(name), top), reason=f"nej {name}", when=WHEN)  # a pair does as well
            else:
                suggestion = Suggestion(node(name), top, 0.3, (MatchedTerm("sag", "sag", "da", 0.3),), name, "top")
                accept(curation, suggestion, strength=verdict, rationale=f"ja {name}", when=WHEN)
    # p4 is a link both added, rather than accepted: it counts as accepted all the same.
    for curation in (first, second):
        add(curation, node("p4"), top, strength="weak", rationale="egen", when=WHEN)
    add(first, node("p11"), top, strength="strong", rationale="kun A", when=WHEN)
    reject(second, (node("p12"), top), when=WHEN)
    return first.path, second.path


def test_the_hand_computed_example(tmp_path: Path) -> None:
    """Kappa on ten pairs, computed by hand.

    Accept or reject over the 10 pairs both decided (p4, added by both, counts as accept)::

                    B accept  B reject
        A accept        5         2        (p1-p5; p6, p7)
        A reject        1         2        (p8; p9, p10)

    p_o = 7/10 = 0.7; A accepts 7/10, B 6/10; p_e = 0.7 x 0.6 + 0.3 x 0.4 = 0.54;
    kappa = (0.7 - 0.54) / (1 - 0.54) = 0.16 / 0.46 = 0.347826...

    Strength over the 5 pairs both accepted (p1-p5)::

                    B strong  B moderate  B weak
        A strong        1         1         0
        A moderate      0         1         0
        A weak          0         1         1

    Unweighted: p_o = 3/5 = 0.6; A's shares (0.4, 0.2, 0.4), B's (0.2, 0.6, 0.2);
    p_e = 0.08 + 0.12 + 0.08 = 0.28; kappa = 0.32 / 0.72 = 0.444...

    Linearly weighted (agreement weights 1, 0.5, 0 for 0, 1, 2 steps apart):
    p_o = (1 + 0.5 + 1 + 1 + 0.5) / 5 = 0.8;
    p_e = 0.4 x (0.2 + 0.5 x 0.6) + 0.2 x (0.5 x 0.2 + 0.6 + 0.5 x 0.2) + 0.4 x (0.5 x 0.6 + 0.2)
        = 0.2 + 0.16 + 0.2 = 0.56;
    kappa = 0.24 / 0.44 = 0.5454...
    """
    first, second = write(tmp_path)
    found = agreement(first, second)
    assert len(found.both) == 10
    verdict = found.verdict
    assert verdict.table == ((5, 2), (1, 2))
    assert (verdict.n, verdict.observed, verdict.chance) == (10, pytest.approx(0.7), pytest.approx(0.54))
    assert verdict.kappa == pytest.approx(0.16 / 0.46)
    strength = found.strength
    assert strength.table == ((1, 1, 0), (0, 1, 0), (0, 1, 1))
    assert (strength.n, strength.observed, strength.chance) == (5, pytest.approx(0.6), pytest.approx(0.28))
    assert strength.kappa == pytest.approx(0.32 / 0.72)
    weighted = found.strength_weighted
    assert (weighted.weights, weighted.observed, weighted.chance) == ("linear", pytest.approx(0.8), pytest.approx(0.56))
    assert weighted.kappa == pytest.approx(0.24 / 0.44)
    on = {str(d.first.start).removeprefix(SYNTHETIC): d.on for d in found.disagreements}
    assert on == {"p2": "strength", "p5": "strength", "p6": "verdict", "p7": "verdict", "p8": "verdict"}
    assert [(str(d.start), d.verdict) for d in found.only_first] == [(str(node("p11")), "added")]
    assert [(str(d.start), d.verdict) for d in found.only_second] == [(str(node("p12")), "rejected")]
    text = agreement_text(found)
    assert "n = 10, observed 0.700, chance 0.540, kappa 0.348" in text
    assert "n = 5, observed 0.800, chance 0.560, kappa 0.545" in text
    assert "A: strong (strong) — da: ja p7" not in text  # a rejection has no strength
    assert "    A: accepted (strong) — da: ja p7\n    B: rejected — da: nej p7" in text


def test_no_pair_in_common_is_undefined_and_says_so(tmp_path: Path) -> None:
    first, second = CurationFile(tmp_path / "a.yaml", curator="ana"), CurationFile(tmp_path / "b.yaml", curator="bo")
    reject(first, (node("x"), node("top")), when=WHEN)
    reject(second, (node("y"), node("top")), when=WHEN)
    result = run("agreement", first.path, second.path, "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["both"] == 0
    assert document["verdict"]["kappa"] is None
    assert document["verdict"]["observed"] is None
    assert document["strength"]["n"] == 0
    text = run("agreement", first.path, second.path)
    assert text.returncode == 0
    assert "n = 0: no pairs to compare: kappa is undefined" in text.stdout


def test_chance_agreement_of_one_is_undefined_by_our_convention(tmp_path: Path) -> None:
    """Both accepted all three pairs as strong: p_o = p_e = 1, and kappa is None (undefined), not 1."""
    first, second = CurationFile(tmp_path / "a.yaml", curator="ana"), CurationFile(tmp_path / "b.yaml", curator="bo")
    for name in ("x", "y", "z"):
        for curation in (first, second):
            accept(curation, (node(name), node("top")), strength="strong", rationale="ja", when=WHEN)
    found = agreement(first.path, second.path)
    for kappa in (found.verdict, found.strength, found.strength_weighted):
        assert (kappa.n, kappa.observed, kappa.chance, kappa.kappa) == (3, 1.0, 1.0, None)
        assert kappa.note is not None
        assert "undefined" in kappa.note
    assert found.disagreements == ()
    assert "kappa undefined" in agreement_text(found)


def test_the_json_has_the_documented_shape(tmp_path: Path) -> None:
    first, second = write(tmp_path)
    result = run("agreement", first, second, "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {
        "first",
        "second",
        "both",
        "verdict",
        "strength",
        "strength_weighted",
        "disagreements",
        "only_first",
        "only_second",
    }
    assert document["verdict"]["kappa"] == pytest.approx(0.3478, abs=1e-4)
    assert document["strength_weighted"]["weights"] == "linear"
    assert document["strength"]["table"] == [[1, 1, 0], [0, 1, 0], [0, 1, 1]]
    [p7] = [d for d in document["disagreements"] if d["first"]["from"] == f"{SYNTHETIC}p7"]
    assert (p7["first"]["rationale"], p7["second"]["rationale"]) == ({"da": "ja p7"}, {"da": "nej p7"})


def test_a_missing_file_is_one_message(tmp_path: Path) -> None:
    first, _ = write(tmp_path)
    result = run("agreement", first, tmp_path / "nothing.yaml")
    assert result.returncode == 2
    assert result.stderr.strip() == f"goalgraph: {tmp_path / 'nothing.yaml'}: no such file"


def test_kappa_refuses_an_unknown_category() -> None:
    with pytest.raises(ValueError, match="a category not among"):
        cohen_kappa([("strong", "very")], STRENGTHS)
