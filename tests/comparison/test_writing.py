"""A comparison as text, JSON, HTML and recorded links (goalgraph.comparison.writing)."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import PROV

import goalgraph
from goalgraph.comparison import Comparison, compare
from goalgraph.comparison.writing import record_turtle, to_html, to_json, to_text

from ..conftest import FIXTURES

VERSIONS = FIXTURES / "comparison"
S = "https://example.org/synthetic/"

EXPECTED_TEXT = """\
Changes from S-MRP-2020 to S-MRP-2021
Statements matched by IRI, else by their words (similarity at least 0.60).

Statements of the plans (5)
  dropped: S20-T3: Better digital self-service
  new: S21-T5: More cases decided digitally
  carried over, reworded: S20-T2 → S21-T2: High professional quality in decisions
      matched by words (0.87)
      da: Høj {+faglig+} kvalitet i afgørelserne
      en: High {+professional+} quality in decisions
  carried over: S20-T1 → S21-T1: Shorter case processing time
      matched by words (1.00)
  carried over, moved: S20-T4 → S21-T4: Stronger cooperation with the municipalities
      matched by words (1.00)
      holder: Synthetic agency → Synthetic centre

Alignments (5)
  removed: S20-T1: Shorter case processing time → S-V1: Citizens trust the authorities.
      curated, weak: "Syntetisk: hurtige svar giver tillid."
  removed: S20-T3: Better digital self-service → S-M2: The ministry furthers a digital administration.
      stated, strong
  added: S21-T5: More cases decided digitally → S-V1: Citizens trust the authorities.
      curated, strong: "Syntetisk: digitale afgørelser er gennemsigtige."
  changed: S21-T1: Shorter case processing time → S-M1: The ministry ensures a safe society.
      strength: strong → moderate
  changed: S21-T2: High professional quality in decisions → S-V1: Citizens trust the authorities.
      rationale: Syntetisk: korrekte afgørelser giver tillid. → Syntetisk: faglig kvalitet giver tillid.

Missions and visions: coverage by the plan (1)
  new gap: S-M2: The ministry furthers a digital administration.

statements removed: 1; statements added: 1; statements reworded: 1; statements unchanged: 2; \
statements moved: 1; alignments removed: 2; alignments added: 1; alignments changed: 2; coverage new gap: 1
"""


@pytest.fixture(scope="module")
def two_plans() -> Comparison:
    both = goalgraph.open([VERSIONS / "v2020", VERSIONS / "v2021"], bundled=False)
    return compare(both, both, old_plan="S-MRP-2020", new_plan="S-MRP-2021")


@pytest.fixture(scope="module")
def two_years() -> Comparison:
    return compare(goalgraph.open(VERSIONS / "v2020", bundled=False), goalgraph.open(VERSIONS / "v2021", bundled=False))


def test_the_text_says_exactly_the_known_changes(two_plans: Comparison) -> None:
    assert to_text(two_plans, "en") == EXPECTED_TEXT


def test_the_text_of_two_datasets_names_the_plans_and_the_changes_in_dataset_words(two_years: Comparison) -> None:
    text = to_text(two_years, "da")
    assert text.startswith("Changes between two versions\n")
    assert "Plans (1)\n  matched: S-MRP-2020 → S-MRP-2021: Syntetisk mål- og resultatplan 2021\n" in text
    assert "  removed: S20-T3: Bedre digital selvbetjening\n" in text
    assert "  moved: S20-T4 → S21-T4: Styrket samarbejde med kommunerne\n" in text
    assert "      holder: Syntetisk styrelse → Syntetisk center\n" in text
    assert "Missions and visions: coverage (1)\n  new gap: S-M2: Ministeriet fremmer en digital forvaltning.\n" in text


def test_the_json_has_every_change_and_the_word_ops(two_years: Comparison) -> None:
    document = json.loads(to_json(two_years))
    assert document["mode"] == "datasets"
    assert document["counts"] == {
        "statements removed": 1,
        "statements added": 1,
        "statements reworded": 1,
        "statements unchanged": 2,
        "statements moved": 1,
        "alignments removed": 2,
        "alignments added": 1,
        "alignments changed": 2,
        "coverage new gap": 1,
        "plans matched": 1,
    }
    reworded = document["statements"][2]
    assert (reworded["change"], reworded["old"]["identifier"], reworded["new"]["identifier"]) == (
        "reworded",
        "S20-T2",
        "S21-T2",
    )
    assert reworded["score"] == 0.866
    assert reworded["wording"]["da"] == [
        {"op": "equal", "text": "Høj "},
        {"op": "insert", "text": "faglig "},
        {"op": "equal", "text": "kvalitet i afgørelserne"},
    ]
    assert [
        (a["change"], a["from"]["identifier"], a["to"]["identifier"], a["fields"]) for a in document["alignments"]
    ] == [
        ("removed", "S20-T1", "S-V1", []),
        ("removed", "S20-T3", "S-M2", []),
        ("added", "S21-T5", "S-V1", []),
        ("changed", "S21-T1", "S-M1", ["strength"]),
        ("changed", "S21-T2", "S-V1", ["rationale"]),
    ]
    assert document["alignments"][3]["old"]["strength"] == "strong"
    assert document["alignments"][3]["new"]["strength"] == "moderate"
    assert [(c["change"], c["statement"]["identifier"]) for c in document["coverage"]] == [("new gap", "S-M2")]
    assert document["plans"][0]["change"] == "matched"
    assert {r["new"] for r in document["revisions"]} == {
        S + "mrp2021",
        S + "mrp2021-T1",
        S + "mrp2021-T2",
        S + "mrp2021-T4",
    }


class Page(HTMLParser):
    """The elements, the text inside <del> and <ins>, and all text, as a browser reads them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.marked: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.open: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.open and self.open[-1] in ("del", "ins"):
            self.marked.append((self.open[-1], data))


def test_the_page_marks_changed_words_and_loads_nothing(two_plans: Comparison) -> None:
    page = to_html(two_plans, "en")
    parsed = Page(page)
    assert ("ins", "faglig ") in parsed.marked
    assert ("ins", "professional ") in parsed.marked
    assert "script" not in parsed.tags
    assert "link" not in parsed.tags
    assert "<script" not in page
    assert "http://" not in page.replace("http://www.w3.org/", "")
    assert "@page { size: A4" in page
    text = "".join(parsed.text)
    assert "Syntetisk: korrekte afgørelser giver tillid. → Syntetisk: faglig kvalitet giver tillid." in text
    assert "new gap: S-M2: The ministry furthers a digital administration." in " ".join(text.split())


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_text_from_the_data_stays_text_on_the_page(tmp_path: Path) -> None:
    hostile = tmp_path / "v2021"
    shutil.copytree(VERSIONS / "v2021", hostile)
    plan = hostile / "plan.ttl"
    text = plan.read_text(encoding="utf-8")
    # Synthetic: the reworded target's new text carries markup that must never run.
    plan.write_text(
        text.replace("Høj faglig kvalitet", "Høj " + HOSTILE.replace('"', "") + " kvalitet"), encoding="utf-8"
    )
    found = compare(goalgraph.open(VERSIONS / "v2020", bundled=False), goalgraph.open(hostile, bundled=False))
    page = to_html(found, "da")
    parsed = Page(page)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert any(HOSTILE.split("<img")[0] in data for tag, data in parsed.marked if tag == "ins")


def test_the_record_loads_and_validates_with_the_data(two_plans: Comparison, tmp_path: Path) -> None:
    links = tmp_path / "links.ttl"
    links.write_text(record_turtle(two_plans), encoding="utf-8")
    dataset = goalgraph.open([VERSIONS / "v2020", VERSIONS / "v2021", links], bundled=False)
    assert goalgraph.validate(dataset).conforms
    found = {(str(s), str(o)) for s, o in dataset.subject_objects(PROV.wasRevisionOf)}
    assert found == {(S + f"mrp2021{x}", S + f"mrp2020{x}") for x in ("", "-T1", "-T2", "-T4")}
    assert (URIRef(S + "mrp2021"), PROV.wasRevisionOf, URIRef(S + "mrp2020")) in dataset
