"""The pages for people that the server and the static site both serve: the home page, and a page per resource.

Self-contained like everything goalgraph writes: inline CSS, nothing from other
hosts. This module gathers what a page shows; the templates ``home.html`` and
``resource.html`` in ``goalgraph/templates/`` make it HTML, escaping every text from
the data. :mod:`goalgraph.site` writes these pages to files and
:mod:`goalgraph.server` answers with them; the server's query editor is its own
(:mod:`goalgraph.server.pages`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple
from urllib.parse import urlsplit

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from goalgraph.export import ExportFormat
from goalgraph.labels import label
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG
from goalgraph.querying import select
from goalgraph.templating import render

__all__ = ["SuggestedLink", "home_page", "resource_page"]


class _Value(NamedTuple):
    """A value as a page shows it: its text, and where it links (None: it is text only)."""

    text: str
    href: str | None = None


class _Text(NamedTuple):
    """A statement's text or translation (`kind` "translation"), in its language ("und": none given)."""

    kind: str
    lang: str
    text: str


class SuggestedLink(NamedTuple):
    """A pending suggested link of the resource, as a served page under review lists it.

    Attributes
    ----------
    outgoing : bool
        Whether the resource would support `other` (else `other` would support it).
    other : URIRef
        The statement at the other end.
    score : float
        The suggestion's score.
    words : tuple of str
        The words the two texts share.
    """

    outgoing: bool
    other: URIRef
    score: float
    words: tuple[str, ...]


class _Suggested(NamedTuple):
    outgoing: bool
    other: _Value
    score: str
    words: str


class _Alignment(NamedTuple):
    outgoing: bool
    other: _Value
    kind: str
    strength: str
    rationale: str


def home_page(
    dataset: GoalDataset, version: str, downloads: Sequence[ExportFormat] = (), *, static: bool = False
) -> str:
    """The home page: what is served here and where to find it.

    With `static`, for the static site: links to its files, no endpoint.

    Examples
    --------
    >>> import goalgraph
    >>> page = home_page(goalgraph.load(), "1.0", static=True)
    >>> 'href="explorer.html"' in page, 'href="/sparql"' in page
    (True, False)
    """
    described = select(dataset, "model-datasets")
    titles = [row["title"] for row in described if isinstance(row["title"], Literal)]
    title = next((str(t) for t in titles if t.language == "en"), str(titles[0]) if titles else "goalgraph")
    return render(
        "home.html",
        lang="en",
        title=f"goalgraph: {title}",
        heading=title,
        version=version,
        base=str(dataset.base),
        downloads=downloads,
        static=static,
    )


def _value(dataset: GoalDataset, node: Node, name: str | None) -> _Value:
    """`node` named, linked to its page here when it is under the base, else to itself if it is http(s)."""
    text = name or str(node)
    if isinstance(node, URIRef):
        iri = str(node)
        if iri.startswith(str(dataset.base)):
            return _Value(text, urlsplit(iri).path)
        if iri.startswith(("http://", "https://")):
            return _Value(text, iri)
    return _Value(text)


def resource_page(
    dataset: GoalDataset,
    resource: URIRef,
    *,
    suggestions: Sequence[SuggestedLink] | None = None,
    review_href: str | None = None,
) -> str:
    """A page for people about one statement, organisation, plan or other resource.

    Parameters
    ----------
    dataset : GoalDataset
    resource : URIRef
    suggestions : sequence of SuggestedLink, optional
        Under review (``goalgraph serve --curate``): the resource's pending
        suggestions, listed with a link to `review_href`; None elsewhere.
    review_href : str, optional
        Where the resource is reviewed (the explorer's review of it).

    Returns
    -------
    str
        The page, HTML.

    Examples
    --------
    >>> import goalgraph
    >>> page = resource_page(goalgraph.load(), URIRef("https://w3id.org/goalgraph/id/politiet"))
    >>> '<html lang="da">' in page, '<a href="/">Home</a>' in page
    (True, True)
    """
    rows = select(dataset, "resource-summary", resource=resource)
    by_property: dict[Node, list[tuple[Node, str | None]]] = {}
    for row in rows:
        by_property.setdefault(row["property"], []).append((row["value"], row["valueName"]))
    texts = []
    for text_property, kind in ((GG.text, ""), (GG.translation, "translation")):
        for value, _ in by_property.get(text_property, []):
            lang = value.language if isinstance(value, Literal) and value.language else "und"
            texts.append(_Text(kind, lang, str(value)))
    facts = []
    for prop, values in sorted(by_property.items(), key=lambda item: str(item[0])):
        if prop in (GG.text, GG.translation):
            continue
        name = label(dataset, prop, "en") or dataset.namespace_manager.normalizeUri(str(prop))
        shown = [
            _value(dataset, value, value_name or (label(dataset, value, "en") if prop == RDF.type else None))
            if isinstance(value, URIRef)
            else _Value(str(value))
            for value, value_name in values
        ]
        facts.append((name, shown))
    alignments = [
        _Alignment(
            outgoing=str(row["direction"]) == "out",
            other=_value(dataset, row["other"], label(dataset, row["other"])),
            kind=label(dataset, row["kind"], "en") or "",
            strength=(label(dataset, row["strength"], "en") if row["strength"] is not None else "") or "",
            rationale=str(row["rationale"]) if row["rationale"] is not None else "",
        )
        for row in select(dataset, "resource-alignments", resource=resource)
    ]
    return render(
        "resource.html",
        lang="da",
        title=label(dataset, resource, "da") or str(resource),
        resource=str(resource),
        texts=texts,
        facts=facts,
        alignments=alignments,
        suggestions=None
        if suggestions is None
        else [
            _Suggested(
                s.outgoing, _value(dataset, s.other, label(dataset, s.other)), f"{s.score:.3f}", ", ".join(s.words)
            )
            for s in suggestions
        ],
        review_href=review_href,
    )
