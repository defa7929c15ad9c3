"""The organisation hierarchy, and the top it decides.

Alignment paths are traced up to the top, so the top decides what "aligned" means:

1. An organisation's *parents* are the organisations it is a sub-organisation or
   unit of (``org:subOrganizationOf``, ``org:unitOf`` and their inverses). Parents
   that the dataset does not describe as organisations are ignored (``goalgraph
   validate`` reports them as dangling references).
2. A collaboration (an organisation with ``org:hasMember`` organisations, as an
   ``org:OrganizationalCollaboration`` has) with no parent of its own sits at the
   level of its members: it takes its members' parents as its own. So the joint
   police and prosecution body of the bundled data would sit under the ministry's
   group even if the data did not say so.
3. A *root* is an organisation with no parent; an organisation's *depth* is its
   distance from a root (0 for a root, and for one in a cycle that no root leads to).
4. The *top organisations* are, for each root, the organisations nearest to it
   (the root itself, else its children, and so on down) that hold a mission or a
   vision: a root that states nothing of its own, such as a government above its
   ministries, hands the top to the highest level below it that does.
5. The *top* is the set of missions and visions (statements of class
   ``gg:Mission`` or ``gg:Vision``) held by the top organisations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from rdflib.term import IdentifiedNode, Node

from goalgraph.namespaces import GG

__all__ = ["MISSION_OR_VISION", "Hierarchy", "hierarchy_parents", "top_of"]

#: The statement classes whose statements can be top statements and have coverage.
MISSION_OR_VISION = frozenset({GG.Mission, GG.Vision})


class _Placed(Protocol):
    @property
    def parents(self) -> frozenset[IdentifiedNode]: ...

    @property
    def members(self) -> frozenset[IdentifiedNode]: ...


def hierarchy_parents(
    organisations: Mapping[IdentifiedNode, _Placed],
) -> dict[IdentifiedNode, frozenset[IdentifiedNode]]:
    """Each organisation's parents in the hierarchy, a collaboration's from its members.

    Parameters
    ----------
    organisations : Mapping of IdentifiedNode to Organisation
        The organisations, as in :attr:`GoalModel.organisations`.

    Returns
    -------
    dict of IdentifiedNode to frozenset of IdentifiedNode
        Every organisation, with its parents (described organisations only).

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.model import local_name, read_model
    >>> parents = hierarchy_parents(read_model(goalgraph.load()).organisations)
    >>> sorted(local_name(o) for o, above in parents.items() if not above)
    ['justitsministeriets-koncern']
    """
    own = {
        organisation: frozenset(p for p in found.parents if p in organisations and p != organisation)
        for organisation, found in organisations.items()
    }
    parents = dict(own)
    for organisation, found in organisations.items():
        if not own[organisation]:
            # A collaboration sits where its members sit: under their parents.
            inherited = {p for m in found.members if m in own for p in own[m]} - {organisation}
            if inherited:
                parents[organisation] = frozenset(inherited)
    return parents


@dataclass(frozen=True)
class Hierarchy:
    """The organisation hierarchy (see the module's docstring).

    Attributes
    ----------
    parents : Mapping of IdentifiedNode to frozenset of IdentifiedNode
        Every organisation with its parents.
    children : Mapping of IdentifiedNode to tuple of IdentifiedNode
        The organisations directly below each one, by IRI.
    roots : tuple of IdentifiedNode
        The organisations without a parent, by IRI.
    depths : Mapping of IdentifiedNode to int
        Each organisation's distance from a root (0 for a root, and for an
        organisation in a cycle).
    """

    parents: Mapping[IdentifiedNode, frozenset[IdentifiedNode]]
    children: Mapping[IdentifiedNode, tuple[IdentifiedNode, ...]]
    roots: tuple[IdentifiedNode, ...]
    depths: Mapping[IdentifiedNode, int]

    @classmethod
    def of(cls, organisations: Mapping[IdentifiedNode, _Placed]) -> Hierarchy:
        """The hierarchy of `organisations` (each with ``parents`` and ``members``)."""
        return cls.from_parents(hierarchy_parents(organisations))

    @classmethod
    def from_parents(cls, parents: Mapping[IdentifiedNode, frozenset[IdentifiedNode]]) -> Hierarchy:
        """The hierarchy of organisations whose parents are already resolved."""
        below: dict[IdentifiedNode, list[IdentifiedNode]] = {}
        for organisation, above in parents.items():
            for parent in above:
                below.setdefault(parent, []).append(organisation)
        children = {parent: tuple(sorted(found, key=str)) for parent, found in below.items()}
        roots = tuple(sorted((o for o, above in parents.items() if not above), key=str))
        depths = dict.fromkeys(roots, 0)
        level = list(roots)
        while level:
            following = []
            for organisation in level:
                for child in children.get(organisation, ()):
                    if child not in depths:
                        depths[child] = depths[organisation] + 1
                        following.append(child)
            level = following
        for organisation in parents:
            depths.setdefault(organisation, 0)
        return cls(parents, children, roots, depths)


def top_of(hierarchy: Hierarchy, statements: Iterable[tuple[Node | None, Node | None]]) -> frozenset[IdentifiedNode]:
    """The top organisations: for each root, the nearest that hold a mission or vision.

    Parameters
    ----------
    hierarchy : Hierarchy
    statements : iterable of (class, holder)
        Every statement's class and holder.

    Returns
    -------
    frozenset of IdentifiedNode
    """
    holding = {holder for kind, holder in statements if kind in MISSION_OR_VISION and holder is not None}
    top: set[IdentifiedNode] = set()
    for root in hierarchy.roots:
        # Breadth first, level by level, until a level holds a mission or vision.
        level, seen = [root], {root}
        while level:
            found = [organisation for organisation in level if organisation in holding]
            if found:
                top.update(found)
                break
            below = {c for organisation in level for c in hierarchy.children.get(organisation, ()) if c not in seen}
            seen |= below
            level = sorted(below, key=str)
    return frozenset(top)
