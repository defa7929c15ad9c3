"""Pairing old and new statements: by IRI, then by words, best first (goalgraph.comparison.matching)."""

from __future__ import annotations

from goalgraph.comparison import match_by_words


def test_the_same_node_first_then_the_best_pairs_by_words() -> None:
    old = {
        "same": {"da": "Kortere sagsbehandlingstid"},
        "a": {"da": "Høj kvalitet i afgørelserne"},
        "b": {"da": "Høj kvalitet"},
    }
    new = {
        "same": {"da": "Noget helt andet"},
        "x": {"da": "Høj kvalitet i afgørelserne"},
        "y": {"da": "Høj kvalitet i sagerne"},
    }
    found = [(m.old, m.new, m.by) for m in match_by_words(old, new)]
    # "same" keeps its IRI whatever its words; "a" takes its exact twin, "b" the one left (0.82 >= 0.6).
    assert found == [("same", "same", "iri"), ("a", "x", "words"), ("b", "y", "words")]


def test_each_node_is_matched_once_and_below_the_threshold_not_at_all() -> None:
    old = {"a": {"da": "Tilfredse borgere"}, "b": {"da": "Tilfredse borgere"}}
    new = {"x": {"da": "Tilfredse borgere"}, "y": {"da": "Trygge borgere"}}
    found = [(m.old, m.new) for m in match_by_words(old, new)]
    assert found == [("a", "x")]  # "b" would only match "y" at 0.5
    assert [(m.old, m.new) for m in match_by_words(old, new, threshold=0.5)] == [("a", "x"), ("b", "y")]


def test_without_same_nodes_are_matched_by_words_only() -> None:
    found = match_by_words({"p": {"da": "Plan 2020"}}, {"p": {"da": "Noget andet"}}, same=False)
    assert found == []


def test_the_same_words_are_paired_first_in_iri_order() -> None:
    # Two old and two new statements with the same words (white space aside), and new IRIs.
    old = {"o2": {"da": "Kortere  sagsbehandlingstid"}, "o1": {"da": "Kortere sagsbehandlingstid"}}
    new = {"n2": {"da": "Kortere sagsbehandlingstid"}, "n1": {"da": "Kortere sagsbehandlingstid "}}
    found = [(m.old, m.new, m.by, m.score) for m in match_by_words(old, new)]
    assert found == [("o1", "n1", "words", 1.0), ("o2", "n2", "words", 1.0)]
