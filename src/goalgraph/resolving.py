"""Find the node a person means: by IRI, prefixed name, identifier or label.

``goalgraph trace "Kvalitet i sagsbehandlingen"``, ``--param organisation=politiet``
and ``--param type=StrategicMarker`` all name nodes the way people do. This module
turns such a reference into the IRI, or explains why it cannot: nothing matches
(with the closest names), or several do (with the candidates).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal as Kind

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from goalgraph.errors import GoalgraphError
from goalgraph.namespaces import GG, PREFIXES
from goalgraph.querying import bind, execute, query_text, select
from goalgraph.text import fold

__all__ = [
    "AmbiguousReferenceError",
    "Candidate",
    "ReferenceKind",
    "UnknownReferenceError",
    "resolve",
]

ReferenceKind = Kind["statement", "organisation", "plan", "term", "text", "language"]

_CLASSES: dict[str, URIRef] = {
    "statement": GG.Statement,
    "organisation": URIRef("http://www.w3.org/ns/org#Organization"),
    "plan": GG.Plan,
}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Candidate:
    """A node that a reference may mean, with the names it goes by."""

    node: URIRef
    names: tuple[str, ...]

    def __str__(self) -> str:
        return f"<{self.node}> " + " / ".join(f'"{name}"' for name in self.names[:2])


class UnknownReferenceError(GoalgraphError):
    """Nothing in the dataset matches a reference (a usage error: exit status 2)."""

    exit_code = 2


class AmbiguousReferenceError(GoalgraphError):
    """Several nodes match a reference (a usage error: exit status 2).

    Attributes
    ----------
    candidates : list of Candidate
        What the reference may mean.
    """

    exit_code = 2

    def __init__(self, message: str, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        listed = "\n".join(f"  {c}" for c in candidates[:20])
        more = f"\n  ... and {len(candidates) - 20} more" if len(candidates) > 20 else ""
        super().__init__(f"{message}\n{listed}{more}")


def _normal(text: str) -> str:
    """`text` for matching a name: folded (see :func:`goalgraph.text.fold`), no final full stop."""
    return fold(text).removesuffix(".")


def resolve(graph: Graph, reference: str, kind: ReferenceKind) -> Node:
    """The node (or literal) that `reference` names, of the given kind.

    Parameters
    ----------
    graph : rdflib.Graph
        The goal graph.
    reference : str
        An IRI (``https://...`` or ``<https://...>``), a prefixed name
        (``gg:Mission``), or for statements, organisations and plans an identifier
        or a name in any language (``SM3``, ``Kvalitet i sagsbehandlingen``,
        ``Quality in case handling``), matched without regard to case or accents,
        whole first and then as part of a name. A ``term`` is a term of the
        ontology by its local name or label (``StrategicMarker``, ``curated``).
        ``text`` and ``language`` give a literal.
    kind : {"statement", "organisation", "plan", "term", "text", "language"}

    Returns
    -------
    rdflib term

    Raises
    ------
    UnknownReferenceError
        If nothing matches; the message lists the closest names.
    AmbiguousReferenceError
        If several nodes match; the message lists them.

    Examples
    --------
    >>> import goalgraph
    >>> ds = goalgraph.load()
    >>> resolve(ds, "quality in case handling", "statement") == resolve(ds, "SM3", "statement")
    True
    >>> resolve(ds, "StrategicMarker", "term")
    rdflib.term.URIRef('https://w3id.org/goalgraph/ontology#StrategicMarker')
    """
    if kind == "text":
        return Literal(reference)
    if kind == "language":
        if not _LANGUAGE_TAG.fullmatch(reference):
            raise UnknownReferenceError(f"{reference!r} is not a language tag (such as da or en)")
        return Literal(reference.lower())
    iri = _as_iri(graph, reference)
    if iri is not None:
        if kind != "term" and (iri, RDF.type, None) not in graph:
            raise UnknownReferenceError(f"nothing in the dataset is <{iri}>")
        if kind in _CLASSES and not _is_a(graph, iri, _CLASSES[kind]):
            article = "an" if kind == "organisation" else "a"
            raise UnknownReferenceError(
                f"<{iri}> is not {article} {kind}; name {article} {kind} by its IRI, identifier or name"
            )
        return iri
    if kind == "term" and (GG[reference.strip()], None, None) in graph:
        return GG[reference.strip()]  # the usual case, without reading every label
    candidates = _candidates(graph, kind)
    wanted = _normal(reference)
    for matches in (
        [c for c in candidates if wanted in map(_normal, c.names)],
        [c for c in candidates if any(wanted in _normal(name) for name in c.names)],
    ):
        if len(matches) == 1:
            return matches[0].node
        if matches:
            raise AmbiguousReferenceError(
                f"{reference!r} matches {len(matches)} {_plural(kind)}; say which, by IRI or identifier:",
                sorted(matches, key=lambda c: str(c.node)),
            )
    names = {_normal(name): name for c in candidates for name in c.names}
    close = [names[n] for n in difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.5)]
    hint = "; did you mean " + ", ".join(f'"{name}"' for name in close) + "?" if close else ""
    raise UnknownReferenceError(f"no {kind} matches {reference!r}{hint}")


def _is_a(graph: Graph, node: URIRef, of_class: URIRef) -> bool:
    return bool(execute(graph, bind(query_text("instance-of"), {"node": node, "ofClass": of_class})).boolean)


def _plural(kind: str) -> str:
    return {"term": "terms", "statement": "statements", "organisation": "organisations", "plan": "plans"}[kind]


def _as_iri(graph: Graph, reference: str) -> URIRef | None:
    text = reference.strip()
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    prefix, colon, local = text.partition(":")
    namespaces = {**dict(graph.namespaces()), **PREFIXES}
    if colon and prefix in namespaces and " " not in local:
        return URIRef(str(namespaces[prefix]) + local)
    if _SCHEME.match(text) and " " not in text:
        return URIRef(text)
    return None


def _candidates(graph: Graph, kind: ReferenceKind) -> list[Candidate]:
    rows = select(graph, "term-names") if kind == "term" else select(graph, "reference-names", ofClass=_CLASSES[kind])
    names: dict[URIRef, list[str]] = {}
    for row in rows:
        node = row["node"]
        if isinstance(node, URIRef):
            names.setdefault(node, [])
            if row["name"] is not None:
                names[node].append(str(row["name"]))
            if kind == "term":
                names[node].append(node.split("#")[-1].split("/")[-1])
    return [Candidate(node, tuple(dict.fromkeys(found))) for node, found in names.items()]
