"""The status rule of one indicator and period: direction, threshold, missing values."""

from __future__ import annotations

import pytest

from goalgraph.achievement.status import status, status_of_score


@pytest.mark.parametrize(
    ("target", "actual", "direction", "threshold", "expected"),
    [
        (90.0, 92.0, "higher", None, "met"),
        (90.0, 90.0, "higher", None, "met"),  # exactly on target is met
        (90.0, 89.9, "higher", None, "not-met"),  # no threshold: met or not
        (90.0, 85.0, "higher", 80.0, "partly-met"),
        (90.0, 80.0, "higher", 80.0, "partly-met"),  # on the threshold counts
        (90.0, 79.0, "higher", 80.0, "not-met"),
        (30.0, 28.0, "lower", None, "met"),
        (30.0, 30.0, "lower", None, "met"),
        (30.0, 33.0, "lower", 35.0, "partly-met"),
        (30.0, 36.0, "lower", 35.0, "not-met"),
        (30.0, 31.0, "lower", None, "not-met"),
        (0.0, 0.0, "higher", None, "met"),  # zero is a figure, not a missing one
    ],
)
def test_direction_and_threshold(
    target: float, actual: float, direction: str, threshold: float | None, expected: str
) -> None:
    assert status(target, actual, direction=direction, threshold=threshold) == expected


@pytest.mark.parametrize(
    ("target", "actual"),
    [(None, 5.0), (5.0, None), (None, None), ("Publication of Part 1", "Published"), (5.0, "More than 800")],
)
def test_missing_or_words_are_no_data(target: float | str | None, actual: float | str | None) -> None:
    assert status(target, actual) == "no-data"
    assert status(target, actual, direction="lower", threshold=1.0) == "no-data"


def test_scores_become_statuses_only_at_the_ends() -> None:
    assert [status_of_score(s) for s in (1.0, 0.999, 0.5, 0.001, 0.0, None)] == [
        "met",
        "partly-met",
        "partly-met",
        "partly-met",
        "not-met",
        "no-data",
    ]
