"""The curation core (goalgraph.curation) and the `goalgraph review` command."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rdflib import URIRef

import goalgraph
from goalgraph.curation import (
    CurationFile,
    Decision,
    accept,
    add,
    check_not_a_source,
    pending,
    read_decisions,
    reject,
)
from goalgraph.errors import GoalgraphError
from goalgraph.model import read_model
from goalgraph.suggestion import suggest

from .conftest import REPOSITORY
from .test_cli import goalgraph as run

# Made-up statements for the tests that need no data (synthetic IRIs).
SYNTHETIC = "https://example.org/synthetic/id/"
A, B, C = (URIRef(f"{SYNTHETIC}{name}") for name in ("a", "b", "c"))
WHEN = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
BASE = "https://w3id.org/goalgraph/id/"


@pytest.fixture(scope="module")
def bundled() -> goalgraph.GoalDataset:
    return goalgraph.load()


def test_decisions_go_round_the_file(tmp_path: Path) -> None:
    curation = CurationFile(tmp_path / "review.yaml", curator="Ana Jensen")
    assert curation.decisions() == []  # a missing file is an empty curation
    written = [
        Decision(
            A,
            C,
            "accepted",
            "strong",
            {"da": "Samme sager", "en": "Same cases"},
            "agent/ana-jensen",
            WHEN,
            0.46,
            ("sag",),
        ),
        Decision(B, C, "rejected", None, {"en": "Other cases"}, "agent/ana-jensen", WHEN, 0.2, ("case", "handl")),
        Decision(A, B, "added", "weak", {"da": "Min egen"}, "agent/ana-jensen", WHEN),
    ]
    for decision in written:
        curation.record(decision)
    assert curation.decisions() == written
    text = (tmp_path / "review.yaml").read_text()
    assert "curator:\n  id: agent/ana-jensen\n  name: Ana Jensen\n" in text
    assert text.count("kind: curated") == 2
    assert text.count("kind: rejected") == 1


def test_a_second_decision_on_a_pair_replaces_the_first(tmp_path: Path) -> None:
    curation = CurationFile(tmp_path / "review.yaml", curator="ana")
    reject(curation, (A, C), reason="Nej", when=WHEN)
    accept(curation, (A, C), strength="moderate", rationale="Jo alligevel", when=WHEN)
    decisions = curation.decisions()
    assert [(d.verdict, d.strength, d.rationale) for d in decisions] == [("added", "moderate", {"da": "Jo alligevel"})]


def test_a_decision_by_another_curator_keeps_both_described(tmp_path: Path, bundled: goalgraph.GoalDataset) -> None:
    path = tmp_path / "review.yaml"
    first, second = suggest(bundled, limit=2)
    reject(CurationFile(path, curator="Ana"), first)
    accept(CurationFile(path, curator="Bo"), second, strength="weak", rationale="Ja")
    assert {d.curator for d in read_decisions(path)} == {"agent/ana", "agent/bo"}
    assert "name: Ana" in path.read_text()  # the earlier curator is still described
    report = goalgraph.validate(goalgraph.load([path]))
    assert report.problems == ()


def test_decisions_validate_with_the_data_and_count_as_links(tmp_path: Path, bundled: goalgraph.GoalDataset) -> None:
    path = tmp_path / "review.yaml"
    curation = CurationFile(path, curator="ana")
    first, second, *_ = pending(bundled, curation)
    accept(curation, first, strength="strong", rationale={"en": "Same cases"})
    reject(curation, second, reason="Other cases", lang="en")
    dataset = goalgraph.load([path])
    assert goalgraph.validate(dataset).problems == ()
    edges = read_model(dataset).edges()
    assert (first.from_statement, first.to_statement) in edges
    assert (second.from_statement, second.to_statement) not in edges  # a rejection is never a link
    # Loaded with the data, suggest leaves both out by itself.
    suggested = {(s.from_statement, s.to_statement) for s in suggest(dataset)}
    assert not suggested & {(first.from_statement, first.to_statement), (second.from_statement, second.to_statement)}


def test_a_rejected_pair_is_not_pending_with_or_without_the_file_loaded(
    tmp_path: Path, bundled: goalgraph.GoalDataset
) -> None:
    path = tmp_path / "review.yaml"
    curation = CurationFile(path, curator="ana")
    before = pending(bundled, curation)
    reject(curation, before[0])
    without = pending(bundled, curation)
    with_file = pending(goalgraph.load([path]), curation)
    assert without == with_file == before[1:]
    from_model = pending(read_model(bundled), curation)
    assert from_model == before[1:]


def test_pending_for_one_statement_and_with_a_limit(bundled: goalgraph.GoalDataset, tmp_path: Path) -> None:
    curation = CurationFile(tmp_path / "review.yaml", curator="ana")
    every = pending(bundled, curation)
    chosen = every[0].to_statement
    mine = pending(bundled, curation, statement=chosen)
    assert mine == [s for s in every if chosen in (s.from_statement, s.to_statement)]
    assert len(mine) >= 2
    assert pending(bundled, curation, statement=chosen, limit=1) == mine[:1]


def _record_many(path: str, curator: str, count: int) -> None:
    curation = CurationFile(path, curator=curator)
    for number in range(count):
        end = URIRef(f"{SYNTHETIC}{curator}/{number}")
        accept(curation, (A, end), strength="weak", rationale=f"{curator} {number}")


def test_two_threads_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "review.yaml")
    threads = [threading.Thread(target=_record_many, args=(path, name, 15)) for name in ("ana", "bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(read_decisions(path)) == 30


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "review.yaml")
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_record_many, args=(path, name, 15)) for name in ("ana", "bo")]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    decisions = read_decisions(path)
    assert len(decisions) == 30
    assert {d.curator for d in decisions} == {"agent/ana", "agent/bo"}


def test_a_writer_waits_for_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    curation = CurationFile(path, curator="ana")
    process = multiprocessing.get_context("spawn").Process(target=_record_many, args=(str(path), "bo", 1))
    with curation.locked():
        process.start()
        time.sleep(2.5)  # the child starts (spawn), imports goalgraph and reaches the lock
        assert not path.exists()  # the other process waits on FILE.yaml.lock
    process.join(60)
    assert process.exitcode == 0
    assert len(read_decisions(path)) == 1
    assert (tmp_path / "review.yaml.lock").exists()


def test_a_failing_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "review.yaml"
    curation = CurationFile(path, curator="ana")
    reject(curation, (A, C), when=WHEN)
    before = path.read_bytes()

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(GoalgraphError, match="cannot write"):
        accept(curation, (B, C), strength="weak", rationale="x")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.yaml", "review.yaml.lock"]  # no temporary file


def test_accept_needs_a_strength_and_a_rationale(tmp_path: Path) -> None:
    curation = CurationFile(tmp_path / "review.yaml", curator="ana")
    with pytest.raises(GoalgraphError, match="give a strength"):
        accept(curation, (A, C), strength="", rationale="x")
    with pytest.raises(GoalgraphError, match="give a rationale"):
        accept(curation, (A, C), strength="weak", rationale="  ")
    assert not (tmp_path / "review.yaml").exists()  # nothing half-written


def test_add_refuses_a_self_link_and_a_cycle(tmp_path: Path, bundled: goalgraph.GoalDataset) -> None:
    curation = CurationFile(tmp_path / "review.yaml", curator="ana")
    with pytest.raises(GoalgraphError, match="cannot support itself"):
        add(curation, A, A, strength="weak", rationale="x")
    model = read_model(bundled)
    lower, upper = next(iter(model.edges()))
    with pytest.raises(GoalgraphError, match="close a cycle"):
        add(curation, URIRef(str(upper)), URIRef(str(lower)), strength="weak", rationale="x", graph=model)
    assert curation.decisions() == []
    # A link of the file itself counts too: b → a then a → b closes a cycle.
    statements = [node for node in model.statements if isinstance(node, URIRef)]
    one, other = statements[0], statements[1]
    if not any(pair in model.edges() for pair in [(one, other), (other, one)]):
        add(curation, one, other, strength="weak", rationale="x", graph=model)
        with pytest.raises(GoalgraphError, match="close a cycle"):
            add(curation, other, one, strength="weak", rationale="x", graph=model)


def test_a_source_file_is_refused(tmp_path: Path, bundled: goalgraph.GoalDataset) -> None:
    source = REPOSITORY / "data" / "target-plans-2019.yaml"
    with pytest.raises(GoalgraphError, match="one of the data's source files"):
        check_not_a_source(source, bundled)
    check_not_a_source(tmp_path / "review.yaml", bundled)  # a file of its own is fine
    with pytest.raises(GoalgraphError, match="curation file is YAML"):
        CurationFile(tmp_path / "review.ttl", curator="ana")


def test_a_file_with_other_alignments_is_not_a_curation_file(tmp_path: Path) -> None:
    path = tmp_path / "stated.yaml"
    path.write_text(
        "# SYNTHETIC\nalignments:\n  - {from: https://example.org/synthetic/id/a, to: https://example.org/synthetic/id/b,"
        " kind: stated, source: https://example.org/synthetic/source}\n"
    )
    with pytest.raises(GoalgraphError, match="not a curation file"):
        CurationFile(path, curator="ana").record(Decision(A, C, "rejected", None, {}, "agent/ana", WHEN))
    assert "kind: stated" in path.read_text()


# ---------------------------------------------------------------- goalgraph review


def test_review_list_accept_reject_add_then_validate_and_suggest(tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    review = ["review", "--curate", path, "--curator", "Ana Jensen"]
    listed = run(*review, "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)["pending"]
    assert [row["number"] for row in rows] == list(range(1, len(rows) + 1))
    text = run(*review, "list", "--lang", "en")
    first, pair = text.stdout.splitlines()[:2]
    assert first.lstrip().startswith(f"1  {rows[0]['score']:.3f}  Efficient handling of criminal cases → ")
    assert pair.strip() == f"{rows[0]['from'].removeprefix(BASE)}->{rows[0]['to'].removeprefix(BASE)}"

    accepted = run(*review, "accept", "1", "--strength", "strong", "--rationale", "Same cases", "--lang", "en")
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.startswith("accepted (strong): ")
    # The numbers shift: the first is gone, so number 1 is the old number 2.
    rejected = run(*review, "reject", "1", "--reason", "Andre sager")
    assert rejected.returncode == 0, rejected.stderr
    added = run(*review, "add", "SM3", "JM-V1", "--strength", "weak", "--rationale", "Kvalitet giver problemløsning")
    assert added.returncode == 0, added.stderr

    decisions = read_decisions(path)
    assert [(d.verdict, d.strength) for d in decisions] == [
        ("accepted", "strong"),
        ("rejected", None),
        ("added", "weak"),
    ]
    assert (str(decisions[0].start), str(decisions[0].end)) == (rows[0]["from"], rows[0]["to"])
    assert (str(decisions[1].start), str(decisions[1].end)) == (rows[1]["from"], rows[1]["to"])
    assert decisions[0].rationale == {"en": "Same cases"}

    assert run("validate", "--data", path).returncode == 0
    suggested = run("suggest", "--data", path, "--format", "turtle").stdout
    for row in rows[:2]:
        assert f"gg:from <{row['from']}> ;\n    gg:to <{row['to']}>" not in suggested
    after = json.loads(run(*review, "list", "--format", "json").stdout)["pending"]
    assert after == [dict(row, number=number) for number, row in enumerate(rows[2:], 1)]


def test_review_takes_from_to_and_decides_again(tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    rows = json.loads(run("review", "--curate", path, "list", "--format", "json").stdout)["pending"]
    pair = f"{rows[0]['from']}->{rows[0]['to']}"
    assert run("review", "--curate", path, "reject", pair).returncode == 0
    again = run("review", "--curate", path, "accept", pair, "--strength", "weak", "--rationale", "Alligevel")
    assert again.returncode == 0, again.stderr
    [decision] = read_decisions(path)
    assert (decision.verdict, decision.score) == ("accepted", rows[0]["score"])


@pytest.mark.parametrize(
    ("action", "status", "message"),
    [
        (["accept", "999", "--strength", "weak", "--rationale", "x"], 2, "goalgraph: no suggestion number 999"),
        (["accept", "1", "--rationale", "x"], 2, "Missing option '--strength'"),
        (["accept", "1", "--strength", "weak"], 2, "Missing option '--rationale'"),
        (["add", "SM3", "no such statement at all", "--strength", "weak", "--rationale", "x"], 2, "no statement"),
        (["add", "SM3", "SM3", "--strength", "weak", "--rationale", "x"], 1, "cannot support itself"),
    ],
)
def test_review_mistakes_are_one_message(tmp_path: Path, action: list[str], status: int, message: str) -> None:
    path = tmp_path / "review.yaml"
    result = run("review", "--curate", path, *action)
    assert result.returncode == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not path.exists()


def test_review_refuses_a_source_file() -> None:
    source = REPOSITORY / "data" / "target-plans-2019.yaml"
    before = source.read_bytes()
    result = run("review", "--curate", source, "reject", "1")
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "is one of the data's source files: decisions go to a file of their own, such as review.yaml"
    )
    assert source.read_bytes() == before


def test_review_help_says_the_numbers_shift() -> None:
    result = run("review", "--curate", "review.yaml", "list", "--help")
    assert result.returncode == 0
    assert "numbers shift after each decision" in " ".join(result.stdout.split())
