"""Slugs: one function makes every importer's readable IRI segments."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from goalgraph.importers.archimate import read_archimate
from goalgraph.importers.authoring import read_yaml
from goalgraph.importers.stratml import read_stratml
from goalgraph.slugs import LIMIT, slug

BASE = "https://example.org/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ß folds to ss (casefold), as German writes it without the letter.
        ("Straße 1", "strasse-1"),
        ("STRASSE 1", "strasse-1"),
        # Danish letters are spelt out, in either case: æ ae, ø oe, å aa.
        ("Målene i Ærø Kommune", "maalene-i-aeroe-kommune"),
        ("ÆBLE, ØL OG ÅL", "aeble-oel-og-aal"),
        ("Åben og borgerrettet opgaveløsning", "aaben-og-borgerrettet-opgaveloesning"),
        # Other accents go.
        ("Én sammenhængende koncern", "en-sammenhaengende-koncern"),
        ("Café crème, über naïve", "cafe-creme-uber-naive"),
        ("São Paulo, Málaga, Ñandú", "sao-paulo-malaga-nandu"),
        # Latin letters that do not decompose, spelt the usual way.
        ("Łódź", "lodz"),
        ("Œuvre þing", "oeuvre-thing"),
        # Runs of punctuation and space are one hyphen; none at the ends.
        ("Tværgående — samarbejde & ø", "tvaergaaende-samarbejde-oe"),
        ("  --Hello,   World!!  ", "hello-world"),
        ("a/b\\c.d_e", "a-b-c-d-e"),
        ("Plan 2019–2022 (udkast)", "plan-2019-2022-udkast"),
        # Letters of other scripts are not kept; they separate like punctuation.
        ("Plan Ω 2", "plan-2"),
        ("AM-T1", "am-t1"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "—", "!?.,;:-_/", "Москва", "東京"])
def test_nothing_left_gives_the_empty_string(text: str) -> None:
    assert slug(text) == ""


def test_composed_and_decomposed_letters_give_one_slug() -> None:
    composed = "Åben Ærø"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert slug(decomposed) == slug(composed) == "aaben-aeroe"
    assert slug("ǽ") == "ae"  # decomposes to æ and an accent


def test_the_length_limit_cuts_between_words() -> None:
    text = "Anklagemyndigheden skal sammen med politiet sikre, at strafskyldige drages til ansvar"
    made = slug(text)
    assert len(made) <= LIMIT == 80
    whole = slug(text, limit=10_000)
    assert whole.startswith(made)
    assert whole[len(made)] == "-"  # a whole word was left out, not half of one
    assert made == "anklagemyndigheden-skal-sammen-med-politiet-sikre-at-strafskyldige-drages-til"


def test_a_word_ending_exactly_at_the_limit_is_kept() -> None:
    text = "abcd efgh ijkl"  # abcd-efgh-ijkl
    assert slug(text, limit=9) == "abcd-efgh"
    assert slug(text, limit=8) == "abcd"
    assert slug(text, limit=14) == "abcd-efgh-ijkl"


def test_a_first_word_longer_than_the_limit_is_cut_inside() -> None:
    assert slug("Rigsadvokatmeddelelsen", limit=10) == "rigsadvoka"
    assert slug("x" * 200) == "x" * LIMIT


def test_slugs_stay_within_the_limit() -> None:
    words = ["a", "bb", "ccc", "dddd", "æøå", "Straße"]
    for limit in range(1, 40):
        for count in range(1, 12):
            text = " ".join(words[i % len(words)] for i in range(count))
            made = slug(text, limit=limit)
            assert 0 < len(made) <= limit, (text, limit, made)
            assert made == made.strip("-")


def test_slugs_are_iri_segments() -> None:
    for text in ["Straße 1", "a b", "Ærø/Ø?#%", "x:y", "100%"]:
        made = slug(text)
        assert made == made.strip("-")
        assert set(made) <= set("abcdefghijklmnopqrstuvwxyz0123456789-"), made


# ---------------------------------------------------------------- the importers use it


def test_the_three_importers_name_things_alike(tmp_path: Path) -> None:
    """ "Straße 1" gives one segment in the authoring format, StratML and ArchiMate."""
    yaml_file = tmp_path / "plan.yaml"
    yaml_file.write_text(
        """organisations:
  - id: org
    name: {da: Org}
statements:
  - type: Goal
    holder: org
    source: https://example.org/source
    text: {da: "Straße 1"}
""",
        encoding="utf-8",
    )
    authored = {str(s) for s in read_yaml(yaml_file, base=BASE).subjects()}
    assert f"{BASE}org/goal/strasse-1" in authored

    stratml_file = tmp_path / "plan.xml"
    stratml_file.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<StrategicPlan xmlns="urn:ISO:std:iso:17469:tech:xsd:stratml_core">
  <Name>Straße 1</Name>
  <StrategicPlanCore><Organization><Name>Straße 1</Name></Organization></StrategicPlanCore>
</StrategicPlan>
""",
        encoding="utf-8",
    )
    imported = {str(s) for s in read_stratml(stratml_file, base=BASE).subjects()}
    assert f"{BASE}stratml/strasse-1/strasse-1" in imported

    archimate_file = tmp_path / "model.xml"
    archimate_file.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name xml:lang="de">Straße 1</name>
  <elements><element identifier="g" xsi:type="Goal"><name xml:lang="de">Ziel</name></element></elements>
</model>
""",
        encoding="utf-8",
    )
    modelled = {str(s) for s in read_archimate(archimate_file, base=BASE).subjects()}
    assert f"{BASE}archimate/strasse-1/g" in modelled
