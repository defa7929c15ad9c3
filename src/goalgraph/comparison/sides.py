"""What the two sides of ``goalgraph diff OLD NEW`` are, and where its record may go.

A side is a dataset (a file or folder that exists, ``store:DIR``, an http(s) URL of a
SPARQL endpoint) or a plan of the dataset the usual options give (its IRI, identifier
or title). Both sides are one or the other.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from goalgraph.errors import GoalgraphError, display_path

__all__ = ["DiffArgumentsError", "SideKind", "check_record_target", "side_kind", "sides_of"]

SideKind = Literal["path", "store", "endpoint", "plan"]


class DiffArgumentsError(GoalgraphError):
    """Arguments of ``goalgraph diff`` that do not go together (a usage error: exit status 2)."""

    exit_code = 2


def side_kind(argument: str, *, plans_only: bool = False) -> SideKind:
    """What one side of ``goalgraph diff`` names.

    Parameters
    ----------
    argument : str
        The side as given: a path, ``store:DIR``, an http(s) URL, or a plan.
    plans_only : bool
        The dataset is given by options (``--data``, ``--store``, ``--endpoint``):
        then an http(s) URL is a plan's IRI, not an endpoint.

    Returns
    -------
    {"path", "store", "endpoint", "plan"}

    Examples
    --------
    >>> side_kind("store:goals.db"), side_kind("https://example.org/sparql"), side_kind("AM-MRP-2019")
    ('store', 'endpoint', 'plan')
    >>> side_kind("https://example.org/synthetic/mrp2021", plans_only=True)
    'plan'
    """
    if argument.startswith("store:"):
        return "store"
    if argument.startswith(("http://", "https://")) and not plans_only:
        return "endpoint"
    if not argument.startswith("<") and Path(argument).exists():
        return "path"
    return "plan"


def sides_of(old: str, new: str, *, plans_only: bool = False) -> tuple[SideKind, SideKind]:
    """The kinds of both sides, refused when one is a dataset and the other a plan.

    Raises
    ------
    DiffArgumentsError
        For a dataset against a plan, or two datasets with the options that give a
        dataset for plans.

    Examples
    --------
    >>> sides_of("store:a", "store:b")
    ('store', 'store')
    >>> try:
    ...     sides_of("store:a", "AM-MRP-2019")
    ... except DiffArgumentsError as error:
    ...     print(error)
    OLD is a dataset (store:a) and NEW a plan (AM-MRP-2019): compare two datasets or two plans
    """
    kinds = side_kind(old, plans_only=plans_only), side_kind(new, plans_only=plans_only)
    plans = [kind == "plan" for kind in kinds]
    if plans[0] != plans[1]:
        first, second = ("a plan", "a dataset") if plans[0] else ("a dataset", "a plan")
        raise DiffArgumentsError(f"OLD is {first} ({old}) and NEW {second} ({new}): compare two datasets or two plans")
    if not plans[0] and plans_only:
        raise DiffArgumentsError(
            "--data, --store and --endpoint give the dataset of two plans; two datasets are the arguments themselves"
        )
    return kinds


def check_record_target(path: Path, sources: Iterable[Path]) -> None:
    """Refuse a ``--record`` file that is one of the data's own files, or not Turtle.

    Raises
    ------
    DiffArgumentsError
        If `path` does not end in ``.ttl``, or is one of `sources` (symbolic links
        followed).

    Examples
    --------
    >>> check_record_target(Path("links.ttl"), [Path("data/plan.ttl")])
    >>> try:
    ...     check_record_target(Path("data/plan.ttl"), [Path("data/plan.ttl")])
    ... except DiffArgumentsError as error:
    ...     print(error)
    --record data/plan.ttl is one of the data's own files: write the links elsewhere
    """
    if path.suffix.lower() != ".ttl":
        raise DiffArgumentsError(f"--record writes Turtle: give a file ending in .ttl, not {path.name!r}")
    target = Path(os.path.realpath(path))
    for source in sources:
        if Path(os.path.realpath(source)) == target:
            raise DiffArgumentsError(
                f"--record {display_path(path)} is one of the data's own files: write the links elsewhere"
            )
