"""The SPARQL 1.1 Protocol's request forms and content negotiation.

A query arrives as ``GET /sparql?query=...``, as ``POST`` with an
``application/x-www-form-urlencoded`` body, or as ``POST`` with an
``application/sparql-query`` body. The result format comes from ``format=``
(a short name or a media type) or, failing that, the ``Accept`` header.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "NotAcceptableError",
    "choose_media_type",
]

#: SELECT and ASK results, the first the default.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}

#: CONSTRUCT and DESCRIBE results (and resources' descriptions), the first the default.
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/n-triples": "ntriples",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}

# What clients send for the same thing.
_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/plain": "application/n-triples",
    "application/x-turtle": "text/turtle",
}


class NotAcceptableError(Exception):
    """No offered format matches what the client asked for (HTTP 406)."""


@dataclass(frozen=True)
class _Range:
    media_type: str
    quality: float
    order: int


def _ranges(accept: str) -> list[_Range]:
    ranges = []
    for order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media_type = fields[0].lower()
        if not media_type:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append(_Range(_ALIASES.get(media_type, media_type), quality, order))
    return ranges


def choose_media_type(offered: dict[str, str], accept: str | None, format_parameter: str | None) -> str:
    """The media type to answer in.

    Parameters
    ----------
    offered : dict
        Media type → short name, the default first (:data:`RESULT_TYPES` or
        :data:`GRAPH_TYPES`).
    accept : str or None
        The request's Accept header.
    format_parameter : str or None
        A ``format=`` parameter: a short name (``json``, ``turtle``) or a media type.

    Raises
    ------
    NotAcceptableError

    Examples
    --------
    >>> choose_media_type(RESULT_TYPES, "text/csv;q=0.5, application/sparql-results+xml", None)
    'application/sparql-results+xml'
    >>> choose_media_type(GRAPH_TYPES, None, "jsonld")
    'application/ld+json'
    """
    names = {name: media_type for media_type, name in offered.items()}
    if format_parameter:
        wanted = format_parameter.strip().lower()
        chosen = names.get(wanted) or _ALIASES.get(wanted, wanted)
        if chosen in offered:
            return chosen
        raise NotAcceptableError(f"format={format_parameter!r} is not offered here; offered: {', '.join(names)}")
    if not accept:
        return next(iter(offered))
    best: tuple[float, int, int] | None = None
    chosen_type = None
    for position, media_type in enumerate(offered):
        for accepted in _ranges(accept):
            if accepted.quality <= 0:
                continue
            main, _, sub = accepted.media_type.partition("/")
            if accepted.media_type in (media_type, "*/*") or (sub == "*" and media_type.startswith(main + "/")):
                # Higher quality wins; then the more specific range; then our order.
                specificity = 2 if accepted.media_type == media_type else 0 if accepted.media_type == "*/*" else 1
                key = (accepted.quality, specificity, -position)
                if best is None or key > best:
                    best, chosen_type = key, media_type
    if chosen_type is None:
        raise NotAcceptableError(f"none of the formats asked for ({accept}) is offered; offered: {', '.join(offered)}")
    return chosen_type
