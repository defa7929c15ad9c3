"""The word diff and the similarity of wordings (goalgraph.comparison.wording)."""

from __future__ import annotations

import pytest

from goalgraph.comparison import SIMILARITY_THRESHOLD, similarity, word_diff, words_text
from goalgraph.comparison.wording import stem_counts


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Høj kvalitet i afgørelserne", "Høj faglig kvalitet i afgørelserne"),
        ("Kortere sagsbehandlingstid", "Kortere ventetid for borgerne"),
        ("a  b\tc", "c b a"),
        ("", "Ny tekst"),
        ("Gammel tekst", ""),
    ],
)
def test_the_pieces_join_back_into_both_texts(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert "".join(op.text for op in ops if op.op != "delete") == new
    # The old text up to its white space: the kept pieces are the new text's.
    assert "".join(op.text for op in ops if op.op != "insert").split() == old.split()


def test_changed_words_are_marked_and_the_rest_kept() -> None:
    ops = word_diff("Høj kvalitet i afgørelserne", "Høj faglig kvalitet i afgørelserne")
    assert words_text(ops) == "Høj {+faglig+} kvalitet i afgørelserne"
    assert [op.op for op in ops] == ["equal", "insert", "equal"]
    replaced = word_diff("Bedre digital selvbetjening", "Bedre analog selvbetjening")
    assert words_text(replaced) == "Bedre [-digital-]{+analog+} selvbetjening"
    assert [op.to_dict() for op in replaced] == [
        {"op": "equal", "text": "Bedre "},
        {"op": "delete", "text": "digital"},
        {"op": "insert", "text": "analog"},
        {"op": "equal", "text": " selvbetjening"},
    ]
    assert words_text(word_diff("a  b", "a b")) == "a b"  # white space alone is no change


def test_a_word_that_became_the_last_still_matches() -> None:
    # "tid" is followed by a space in the old text and by nothing in the new: the same word.
    assert words_text(word_diff("kort tid nu", "kort tid")) == "kort tid [-nu-]"


def test_similarity_takes_the_best_language_and_the_threshold_separates() -> None:
    two_of_three = similarity(stem_counts({"da": "Høj kvalitet i sagerne"}), stem_counts({"da": "Høj kvalitet"}))
    one_of_two = similarity(stem_counts({"da": "Tilfredse borgere"}), stem_counts({"da": "Trygge borgere"}))
    assert one_of_two == pytest.approx(0.5)
    assert two_of_three == pytest.approx(2 / (3**0.5 * 2**0.5))
    assert one_of_two < SIMILARITY_THRESHOLD <= two_of_three
    # Reworded in Danish, the same in English: the English decides.
    old = stem_counts({"da": "Bedre service", "en": "Better service"})
    new = stem_counts({"da": "Mere hjælpsom betjening", "en": "Better service"})
    assert similarity(old, new) == pytest.approx(1.0)
    # Languages are never compared with each other.
    assert similarity(stem_counts({"da": "service"}), stem_counts({"en": "service"})) == 0.0


def test_a_word_put_in_or_taken_out_takes_the_space_after_it() -> None:
    assert [op.to_dict() for op in word_diff("Høj kvalitet", "Høj faglig kvalitet")] == [
        {"op": "equal", "text": "Høj "},
        {"op": "insert", "text": "faglig "},
        {"op": "equal", "text": "kvalitet"},
    ]
    assert [op.text for op in word_diff("Høj faglig kvalitet", "Høj kvalitet")] == ["Høj ", "faglig ", "kvalitet"]
