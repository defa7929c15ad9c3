"""What compare() finds between two versions and between two plans (goalgraph.comparison.comparing).

The fixtures (tests/fixtures/comparison, synthetic) are two years of one target plan;
their header says what changed. The bundled data is copied and edited in known ways.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import goalgraph
from goalgraph.comparison import Comparison, compare, words_text
from goalgraph.errors import GoalgraphError

from ..conftest import FIXTURES, REPOSITORY

VERSIONS = FIXTURES / "comparison"
S = "https://example.org/synthetic/"


def ids(comparison: Comparison) -> list[tuple[str, str | None, str | None]]:
    """Each statement change as (change, old identifier, new identifier)."""
    return [
        (c.change, c.old.identifier if c.old else None, c.new.identifier if c.new else None)
        for c in comparison.statements
    ]


def alignment_ids(comparison: Comparison) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    return [(a.change, a.start.identifier, a.end.identifier, a.fields) for a in comparison.alignments]


@pytest.fixture(scope="module")
def two_years() -> Comparison:
    """The 2020 version of the data against the 2021 version: two datasets."""
    return compare(goalgraph.open(VERSIONS / "v2020", bundled=False), goalgraph.open(VERSIONS / "v2021", bundled=False))


@pytest.fixture(scope="module")
def two_plans() -> Comparison:
    """The 2020 plan against the 2021 plan, both in one dataset."""
    both = goalgraph.open([VERSIONS / "v2020", VERSIONS / "v2021"], bundled=False)
    return compare(both, both, old_plan="S-MRP-2020", new_plan=S + "mrp2021")


EXPECTED_STATEMENTS = [
    ("removed", "S20-T3", None),
    ("added", None, "S21-T5"),
    ("reworded", "S20-T2", "S21-T2"),
    ("unchanged", "S20-T1", "S21-T1"),
    ("unchanged", "S20-T4", "S21-T4"),
]
EXPECTED_ALIGNMENTS = [
    ("removed", "S20-T1", "S-V1", ()),
    ("removed", "S20-T3", "S-M2", ()),
    ("added", "S21-T5", "S-V1", ()),
    ("changed", "S21-T1", "S-M1", ("strength",)),
    ("changed", "S21-T2", "S-V1", ("rationale",)),
]


@pytest.mark.parametrize("which", ["two_years", "two_plans"])
def test_the_known_changes_and_no_others(which: str, request: pytest.FixtureRequest) -> None:
    found: Comparison = request.getfixturevalue(which)
    assert ids(found) == EXPECTED_STATEMENTS
    assert alignment_ids(found) == EXPECTED_ALIGNMENTS
    assert [(c.change, c.statement.identifier) for c in found.coverage] == [("new gap", "S-M2")]
    reworded = found.statements[2]
    assert reworded.matched_by == "words"
    assert {lang: words_text(ops) for lang, ops in reworded.wording.items()} == {
        "da": "Høj {+faglig+} kvalitet i afgørelserne",
        "en": "High {+professional+} quality in decisions",
    }
    moved = {c.new.identifier: (c.moved_holder, c.moved_plan) for c in found.statements if c.new and c.old}
    assert moved == {"S21-T2": (False, False), "S21-T1": (False, False), "S21-T4": (True, False)}
    strength = found.alignments[3]
    assert (strength.old, strength.new) == (
        {"kind": "stated", "strength": "strong", "rationale": {}},
        {"kind": "stated", "strength": "moderate", "rationale": {}},
    )
    assert found.alignments[4].new == {
        "kind": "curated",
        "strength": "moderate",
        "rationale": {"da": "Syntetisk: faglig kvalitet giver tillid."},
    }
    assert sorted(found.revisions) == sorted(
        (S + f"mrp2021{suffix}", S + f"mrp2020{suffix}") for suffix in ("", "-T1", "-T2", "-T4")
    )


def test_two_datasets_match_the_plans_by_holder_and_title(two_years: Comparison) -> None:
    assert [
        (p.change, p.old.identifier if p.old else None, p.new.identifier if p.new else None) for p in two_years.plans
    ] == [("matched", "S-MRP-2020", "S-MRP-2021")]
    assert two_years.mode == "datasets"
    assert two_years.old_plan is None


def test_two_plans_say_which(two_plans: Comparison) -> None:
    assert two_plans.mode == "plans"
    assert two_plans.old_plan is not None
    assert two_plans.new_plan is not None
    assert (two_plans.old_plan.iri, two_plans.new_plan.identifier) == (S + "mrp2020", "S-MRP-2021")
    assert two_plans.plans == ()


def test_a_threshold_above_the_rewording_makes_it_a_drop_and_a_new_target() -> None:
    both = goalgraph.open([VERSIONS / "v2020", VERSIONS / "v2021"], bundled=False)
    found = compare(both, both, old_plan="S-MRP-2020", new_plan="S-MRP-2021", threshold=0.9)
    assert ("removed", "S20-T2", None) in ids(found)
    assert ("added", None, "S21-T2") in ids(found)
    assert ("reworded", "S20-T2", "S21-T2") not in ids(found)


def test_bad_plans_are_refused() -> None:
    model = goalgraph.read_model(goalgraph.open(VERSIONS / "v2020", bundled=False))
    with pytest.raises(GoalgraphError, match="no plan 'S-MRP-2019'"):
        compare(model, model, old_plan="S-MRP-2019", new_plan="S-MRP-2020")
    with pytest.raises(GoalgraphError, match="not with itself"):
        compare(model, model, old_plan="S-MRP-2020", new_plan="S-MRP-2020")
    with pytest.raises(GoalgraphError, match="two plans"):
        compare(model, model, old_plan="S-MRP-2020")


def copy_bundled(folder: Path) -> Path:
    folder.mkdir()
    for path in (REPOSITORY / "data").iterdir():
        if path.is_file() and path.suffix in (".ttl", ".yaml"):
            shutil.copy(path, folder / path.name)
    return folder


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def remove_block(path: Path, first_line: str) -> None:
    """Remove the Turtle block that starts with `first_line`, up to its blank line."""
    text = path.read_text(encoding="utf-8")
    start = text.index(first_line + "\n")
    end = text.index("\n\n", start) + 2
    path.write_text(text[:start] + text[end:], encoding="utf-8")


# Synthetic: an alignment made up for this test, not the project's reading.
ADDED_ALIGNMENT = """
<anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen>
    gg:supports <politiet-og-anklagemyndigheden/vision/vi-skaber-tryghed> .
<https://example.org/synthetic/alignment/sm3--vi-skaber-tryghed>
    a gg:Alignment ;
    gg:from <anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen> ;
    gg:to <politiet-og-anklagemyndigheden/vision/vi-skaber-tryghed> ;
    gg:kind gg:curated ;
    gg:strength gg:moderate ;
    gg:rationale "synthetic: made up for a test"@en ;
    prov:wasAttributedTo <agent/goalgraph> .
"""


@pytest.fixture(scope="module")
def edited_bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two copies of the bundled data: the second with SM3 reworded, one alignment removed and one added."""
    root = tmp_path_factory.mktemp("bundled")
    old, new = copy_bundled(root / "old"), copy_bundled(root / "new")
    replace_once(new / "vores-maal.ttl", '"Kvalitet i sagsbehandlingen"@da', '"Høj kvalitet i sagsbehandlingen"@da')
    curated = new / "alignments-curated.ttl"
    remove_block(curated, "<alignment/fp1--am-p>")
    replace_once(
        curated,
        "<anklagemyndigheden/2019/focus-point/kultur-og-vaerdier>\n"
        "    gg:supports <anklagemyndigheden/purpose/vi-arbejder-for-retfaerdighed> .\n",
        "",
    )
    curated.write_text(curated.read_text(encoding="utf-8") + ADDED_ALIGNMENT, encoding="utf-8")
    return old, new


def test_two_versions_of_the_bundled_data_differ_in_exactly_the_edits(edited_bundled: tuple[Path, Path]) -> None:
    old, new = edited_bundled
    assert goalgraph.validate(goalgraph.open(new, bundled=False)).conforms
    found = compare(goalgraph.open(old, bundled=False), goalgraph.open(new, bundled=False))
    assert ids(found) == [("reworded", "SM3", "SM3")]
    sm3 = found.statements[0]
    assert sm3.matched_by == "iri"
    assert {lang: words_text(ops) for lang, ops in sm3.wording.items()} == {
        "da": "[-Kvalitet-]{+Høj kvalitet+} i sagsbehandlingen"
    }
    assert alignment_ids(found) == [("removed", "FP1", "AM-P", ()), ("added", "SM3", "PA-V1", ())]
    assert found.coverage == ()
    assert found.plans == ()
    assert found.revisions == ()


def test_a_version_against_itself_has_no_changes(bundled: goalgraph.GoalDataset) -> None:
    model = goalgraph.read_model(bundled)
    assert compare(model, model).counts() == {}
    # The same dataset twice, read once: nothing changed.
    assert compare(bundled, bundled).alignments == ()


def test_a_statement_moved_to_another_plan_and_a_link_changed_in_kind(tmp_path: Path) -> None:
    old, new = copy_bundled(tmp_path / "old"), copy_bundled(tmp_path / "new")
    sm3 = '    dcterms:identifier "SM3" ;\n    gg:text "Kvalitet i sagsbehandlingen"@da ;\n'
    sm3 += '    gg:translation "Quality in case handling"@en ;\n    gg:holder <anklagemyndigheden> ;\n'
    replace_once(
        new / "vores-maal.ttl",
        sm3 + "    gg:inPlan <anklagemyndigheden/2019/virksomhedsstrategi> ;",
        sm3 + "    gg:inPlan <anklagemyndigheden/2019/maal-og-resultatplan> ;",
    )
    replace_once(
        new / "alignments-curated.ttl",
        "    gg:to <anklagemyndigheden/purpose/vi-arbejder-for-retfaerdighed> ;\n    gg:kind gg:curated ;",
        "    gg:to <anklagemyndigheden/purpose/vi-arbejder-for-retfaerdighed> ;\n    gg:kind gg:stated ;",
    )
    found = compare(goalgraph.open(old, bundled=False), goalgraph.open(new, bundled=False))
    assert ids(found) == [("unchanged", "SM3", "SM3")]
    moved = found.statements[0]
    assert (moved.moved_plan, moved.moved_holder, moved.wording) == (True, False, {})
    assert moved.old is not None
    assert moved.new is not None
    assert moved.old.plan_titles["da"] != moved.new.plan_titles["da"]
    assert alignment_ids(found) == [("changed", "FP1", "AM-P", ("kind",))]
    assert found.alignments[0].old == found.alignments[0].new | {"kind": "curated"}
