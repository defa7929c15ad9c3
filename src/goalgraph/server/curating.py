"""The curation endpoints of ``goalgraph serve --curate``: who may decide, and the decisions as JSON.

With ``--curate FILE.yaml`` the server takes decisions on suggested alignments
(accept, reject, or a link of one's own) and records them in FILE.yaml through
:class:`goalgraph.curation.CurationFile`. A decision changes a file on the
analyst's disk, so a request to make one must prove it comes from the analyst's own
page, not from another site the browser happens to have open:

- **POST only**; the decisions URL answers any other method with 405.
- **The token** (``X-Goalgraph-Token``), printed at start-up in the URL's fragment,
  which the browser never sends to a server: another site cannot know it, and
  cannot read it from the page either (the same-origin policy). Compared in constant
  time (:func:`secrets.compare_digest`).
- **JSON only**: a cross-site form cannot send ``application/json``, and a script
  on another site cannot send it (nor a custom header) without a preflight, which
  this server never grants.
- **Same origin**: ``Origin`` (or, where a browser leaves it out, ``Referer``) must
  be the server's own, and ``Sec-Fetch-Site``, where sent, ``same-origin``.
- **No rebinding**: the server must be addressed by an IP address or ``localhost``,
  so that no site can point a name of its own at it and pass as the same origin.

Every refusal is a 403 (405 for the method) and leaves FILE.yaml untouched.
"""

from __future__ import annotations

import functools
import ipaddress
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rdflib import URIRef

from goalgraph.curation import Decision
from goalgraph.errors import GoalgraphError
from goalgraph.loading import GoalDataset, Source, find_sources
from goalgraph.model import GoalModel
from goalgraph.suggestion import Suggestion
from goalgraph.text import terms

__all__ = [
    "TOKEN_HEADER",
    "BadDecisionError",
    "Curation",
    "DecisionRequest",
    "curation_source",
    "decision_json",
    "parse_decision",
    "refusal",
    "search_statements",
    "suggestion_json",
]

#: The header a decision's token comes in.
TOKEN_HEADER = "x-goalgraph-token"
_ACTIONS = ("accept", "reject", "add")
_STRENGTHS = ("strong", "moderate", "weak")
_LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Curation:
    """What ``serve --curate`` was given.

    Attributes
    ----------
    path : Path
        The curation file (YAML), which the decisions go into.
    curator : str
        Who decides: an IRI or a name relative to the base (the YAML ``by`` key).
    token : str
        The secret a decision must carry.

    Examples
    --------
    >>> Curation(Path("review.yaml"), "analyst", "s3cret").curator
    'analyst'
    """

    path: Path
    curator: str
    token: str


class BadDecisionError(GoalgraphError):
    """A decision's body is not one the server can record (HTTP 400)."""


@dataclass(frozen=True)
class DecisionRequest:
    """A decision as the page sends it, checked for shape (not yet against the data).

    Attributes
    ----------
    action : {"accept", "reject", "add"}
    start, end : str
        The supporting and the supported statement, as IRIs or identifiers.
    strength : str or None
    rationale : dict of str to str
        Language to text; for a rejection, the reason (if any).
    """

    action: str
    start: str
    end: str
    strength: str | None
    rationale: dict[str, str]


def refusal(headers: Mapping[str, str], own_origin: str, token: str) -> str | None:
    """Why a request to decide is refused, or None if it may go on.

    Parameters
    ----------
    headers : mapping
        The request's headers, names in lower case.
    own_origin : str
        The server's origin as the client addressed it (``http://127.0.0.1:8000``).
    token : str
        The server's token.

    Returns
    -------
    str or None
        A one-line reason (the response's body for the 403).

    Examples
    --------
    >>> ok = {"x-goalgraph-token": "t", "content-type": "application/json", "origin": "http://127.0.0.1:8000"}
    >>> refusal(ok, "http://127.0.0.1:8000", "t") is None
    True
    >>> refusal({**ok, "origin": "https://example.org"}, "http://127.0.0.1:8000", "t")
    'the request comes from another site (Origin https://example.org)'
    >>> refusal({**ok, "x-goalgraph-token": "u"}, "http://127.0.0.1:8000", "t")
    'no valid token: open the URL goalgraph serve --curate printed'
    >>> refusal({**ok, "origin": "http://rebound.example:8000"}, "http://rebound.example:8000", "t")
    'address the server by its IP address or localhost to decide, not by the name rebound.example'
    """
    given = headers.get(TOKEN_HEADER, "")
    if not secrets.compare_digest(given.encode(), token.encode()):
        return "no valid token: open the URL goalgraph serve --curate printed"
    host = urlsplit(own_origin).hostname or ""
    if not _loopback_or_address(host):
        # DNS rebinding: a site's own name pointed at this server would pass the origin check.
        return f"address the server by its IP address or localhost to decide, not by the name {host}"
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        return "send the decision as application/json"
    site = headers.get("sec-fetch-site")
    if site is not None and site != "same-origin":
        return f"the request comes from another site (Sec-Fetch-Site {site})"
    origin = headers.get("origin")
    if origin is None:
        referer = headers.get("referer")
        if referer is None:
            return "the request names no Origin or Referer"
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin.rstrip("/").lower() != own_origin.lower():
        return f"the request comes from another site (Origin {origin})"
    return None


def _loopback_or_address(host: str) -> bool:
    """Whether `host` is an IP address or localhost: a name no other site can point here."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def parse_decision(body: bytes) -> DecisionRequest:
    """The decision in a request's JSON body.

    Raises
    ------
    BadDecisionError
        If the body is not JSON, or lacks what its action needs.

    Examples
    --------
    >>> parse_decision(b'{"action": "reject", "from": "SM3", "to": "V1", "reason": "no"}').rationale
    {'en': 'no'}
    >>> parse_decision(b'{"action": "accept", "from": "SM3", "to": "V1"}')
    Traceback (most recent call last):
    ...
    goalgraph.server.curating.BadDecisionError: accept needs a strength: strong, moderate or weak
    """
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise BadDecisionError("the body is not JSON") from None
    if not isinstance(value, dict):
        raise BadDecisionError("the body is not a JSON object")
    action = value.get("action")
    if action not in _ACTIONS:
        raise BadDecisionError(f"action must be one of {', '.join(_ACTIONS)}")
    start, end = value.get("from"), value.get("to")
    if not (isinstance(start, str) and start.strip() and isinstance(end, str) and end.strip()):
        raise BadDecisionError("give the two statements as from and to")
    strength = value.get("strength")
    rationale = value.get("rationale") or {}
    reason = value.get("reason")
    if not isinstance(rationale, dict) or not all(k in _LANGUAGES and isinstance(v, str) for k, v in rationale.items()):
        raise BadDecisionError("rationale must be an object of da and en texts")
    rationale = {k: v.strip() for k, v in rationale.items() if v.strip()}
    if action == "reject":
        if reason is not None and not isinstance(reason, str):
            raise BadDecisionError("reason must be a text")
        if reason and reason.strip() and not rationale:
            lang = value.get("lang") if value.get("lang") in _LANGUAGES else "en"
            rationale = {str(lang): reason.strip()}
        return DecisionRequest(action, start.strip(), end.strip(), None, rationale)
    if strength not in _STRENGTHS:
        raise BadDecisionError(f"{action} needs a strength: strong, moderate or weak")
    if not rationale:
        raise BadDecisionError(f"{action} needs a rationale")
    return DecisionRequest(action, start.strip(), end.strip(), str(strength), rationale)


def _labels(model: GoalModel, iri: URIRef) -> dict[str, str]:
    statement = model.statements.get(iri)
    return dict(statement.labels) if statement is not None else {}


def _identifier(model: GoalModel, iri: URIRef) -> str | None:
    statement = model.statements.get(iri)
    return statement.identifier if statement is not None else None


def suggestion_json(suggestion: Suggestion, model: GoalModel) -> dict[str, Any]:
    """A pending suggestion as the review page shows it.

    Returns
    -------
    dict
        ``from``, ``to`` (IRIs), ``fromIdentifier``, ``toIdentifier``,
        ``fromLabels``, ``toLabels`` (language to text), ``score`` and
        ``matched`` (the words the two texts share, the heaviest first).

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.model import read_model
    >>> from goalgraph.suggestion import suggest
    >>> data = goalgraph.load()
    >>> shown = suggestion_json(suggest(data)[0], read_model(data))
    >>> sorted(shown)[:4], 0 < shown["score"] <= 1
    (['from', 'fromIdentifier', 'fromLabels', 'matched'], True)
    """
    start, end = suggestion.from_statement, suggestion.to_statement
    return {
        "from": str(start),
        "to": str(end),
        "fromIdentifier": _identifier(model, start),
        "toIdentifier": _identifier(model, end),
        "fromLabels": _labels(model, start),
        "toLabels": _labels(model, end),
        "score": suggestion.score,
        "matched": list(dict.fromkeys(term.word for term in suggestion.matched_terms)),
    }


def decision_json(decision: Decision) -> dict[str, Any]:
    """A recorded decision as JSON.

    Examples
    --------
    >>> from datetime import datetime, timezone
    >>> d = Decision(URIRef("https://example.org/synthetic/a"), URIRef("https://example.org/synthetic/b"),
    ...              "rejected", None, {}, "analyst", datetime(2026, 1, 2, tzinfo=timezone.utc), 0.5, ("word",))
    >>> decision_json(d)["verdict"], decision_json(d)["when"]
    ('rejected', '2026-01-02T00:00:00+00:00')
    """
    return {
        "from": str(decision.start),
        "to": str(decision.end),
        "verdict": decision.verdict,
        "strength": decision.strength,
        "rationale": dict(decision.rationale),
        "curator": decision.curator,
        "when": decision.when.isoformat(),
        "score": decision.score,
        "matched": list(decision.matched),
    }


def search_statements(model: GoalModel, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """The statements `query` names: by identifier (whole or its start), else by words.

    Words are matched as goalgraph's suggestions match them (stems, either
    language): a statement matches when its texts hold every stem of the query.

    Returns
    -------
    list of dict
        ``iri``, ``identifier`` and ``labels`` of each, at most `limit`, identifier
        matches first, then by identifier.

    Examples
    --------
    >>> import goalgraph
    >>> from goalgraph.model import read_model
    >>> model = read_model(goalgraph.load())
    >>> [s["identifier"] for s in search_statements(model, "burglary")]
    ['POL-T4']
    >>> search_statements(model, "sm3")[0]["labels"]["en"]
    'Quality in case handling'
    """
    wanted = query.strip()
    if not wanted:
        return []
    folded = wanted.casefold()
    # The query is read in each language; it matches when all its stems in one of them are found.
    readings = [stems for lang in _LANGUAGES if (stems := {term.stem for term in terms(wanted, lang)})]
    ranked: list[tuple[int, str, URIRef]] = []
    for iri, statement in model.statements.items():
        if not isinstance(iri, URIRef):
            continue
        identifier = (statement.identifier or "").casefold()
        if identifier == folded or str(iri) == wanted:
            rank = 0
        elif identifier.startswith(folded):
            rank = 1
        else:
            found = {stem for text in statement.texts for stem in _stems(text.value, text.lang)}
            if not any(stems <= found for stems in readings):
                continue
            rank = 2
        ranked.append((rank, statement.identifier or str(iri), iri))
    ranked.sort()
    return [
        {"iri": str(iri), "identifier": _identifier(model, iri), "labels": _labels(model, iri)}
        for _, _, iri in ranked[:limit]
    ]


@functools.lru_cache(maxsize=100_000)
def _stems(text: str, lang: str) -> frozenset[str]:
    # Kept: a search reads every statement's texts, which change little between decisions.
    return frozenset(term.stem for term in terms(text, lang))


def curation_source(dataset: GoalDataset, path: Path) -> Source:
    """The source that loads the curation file at `path` (which exists) into `dataset`, in a named graph of its own.

    Examples
    --------
    >>> import goalgraph, tempfile
    >>> path = Path(tempfile.mkdtemp()) / "review.yaml"
    >>> _ = path.write_text("alignments: []\\n")
    >>> curation_source(goalgraph.load(bundled=False), path).graph == URIRef(path.resolve().as_uri())
    True
    """
    resolved = path.resolve()
    sources = find_sources([resolved], bundled=False, base=dataset.base)
    return next(s for s in sources if s.path.resolve() == resolved)
