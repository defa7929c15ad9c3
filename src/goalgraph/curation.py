"""Reviewing suggested alignments: accept, reject or add links, kept in a curation file.

An analyst's decisions on :func:`goalgraph.suggestion.suggest`'s suggestions go to
a file of their own in the YAML authoring format (never to the data's source
files), one alignment per decided pair:

- an accepted suggestion, or a link the analyst adds, is a ``kind: curated``
  alignment with a strength, a rationale, who decided (``by``, else the file's
  ``curator:``) and when (``created``, a UTC ``xsd:dateTime``); an accepted one
  keeps the suggestion's ``score`` and ``matched`` stems, which is how reading the
  file tells it from an added one;
- a rejected suggestion is a ``kind: rejected`` alignment: attributed, with the
  reason as its rationale where one is given, never a ``gg:supports`` triple.

Loaded with the data (``goalgraph.load([..., "FILE.yaml"])``) the file validates,
its curated links are links like any other, and :func:`~goalgraph.suggestion.suggest`
suggests none of the decided pairs again. :func:`pending` leaves them out also
when the file is not loaded with the data.

:class:`CurationFile` writes each decision at once: the whole file is read, changed
and written again (atomically, through :func:`goalgraph.files.write_atomically`)
under an exclusive lock, ``fcntl.flock`` on ``FILE.yaml.lock`` beside it for other
processes and a :class:`threading.Lock` for other threads, so two writers at once
lose nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urljoin

import networkx as nx
import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS
from rdflib.term import Literal as RDFLiteral

from goalgraph.bases import resolve_base
from goalgraph.errors import GoalgraphError, SourceError, display_path
from goalgraph.files import write_atomically
from goalgraph.importers.authoring import read_yaml
from goalgraph.model import GoalModel, read_model
from goalgraph.namespaces import GG
from goalgraph.slugs import slug
from goalgraph.suggestion import DEFAULT_MIN_SCORE, Suggestion, suggest

__all__ = [
    "STRENGTHS",
    "CurationFile",
    "Decision",
    "accept",
    "add",
    "check_not_a_source",
    "curator_reference",
    "pending",
    "read_decisions",
    "reject",
]

#: The strengths an accepted or added link takes, strongest first.
STRENGTHS = ("strong", "moderate", "weak")

Verdict = Literal["accepted", "rejected", "added"]
Pair = tuple[URIRef, URIRef]

# One lock per curation file in this process: flock alone would do across processes,
# the threading lock keeps two threads of one server from even trying at once.
_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_LOCK = threading.Lock()

_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Decision:
    """An analyst's decision on one link: accepted, rejected or added.

    Attributes
    ----------
    start, end : URIRef
        The supporting and the supported statement.
    verdict : {"accepted", "rejected", "added"}
        Accepted (a suggestion made a curated link), rejected (turned down), or
        added (a curated link the analyst proposed).
    strength : str or None
        ``"strong"``, ``"moderate"`` or ``"weak"``; None for a rejection.
    rationale : dict of str to str
        Why, by language (``{"da": ...}``); for a rejection, the reason, if any.
    curator : str
        Who decided: an IRI or a name relative to the base, as the YAML ``by`` key takes.
    when : datetime
        When, in UTC (``dcterms:created``).
    score : float or None
        The suggestion's score, kept on an accepted or rejected suggestion.
    matched : tuple of str
        The suggestion's matched stems, kept likewise.

    Examples
    --------
    >>> from datetime import datetime, UTC
    >>> d = Decision(URIRef("https://example.org/a"), URIRef("https://example.org/b"), "rejected", None, {},
    ...              "agent/ana", datetime(2026, 1, 2, tzinfo=UTC))
    >>> d.pair
    (rdflib.term.URIRef('https://example.org/a'), rdflib.term.URIRef('https://example.org/b'))
    """

    start: URIRef
    end: URIRef
    verdict: Verdict
    strength: str | None
    rationale: dict[str, str]
    curator: str
    when: datetime
    score: float | None = None
    matched: tuple[str, ...] = field(default_factory=tuple)

    @property
    def pair(self) -> Pair:
        """``(start, end)``."""
        return (self.start, self.end)


def curator_reference(name: str) -> str:
    """The ``by`` reference for a curator: an IRI or a path as given, a plain name under ``agent/``.

    Parameters
    ----------
    name : str
        ``https://example.org/people/ana``, ``agent/ana`` or ``Ana Jensen``.

    Returns
    -------
    str

    Raises
    ------
    GoalgraphError
        If the name is empty.

    Examples
    --------
    >>> curator_reference("Ana Jensen"), curator_reference("agent/goalgraph")
    ('agent/ana-jensen', 'agent/goalgraph')
    >>> curator_reference("https://example.org/ana")
    'https://example.org/ana'
    """
    given = name.strip()
    if ":" in given or "/" in given:
        return given
    named = slug(given)
    if not named:
        raise GoalgraphError(f"{name!r} is not a curator: give a name such as ana or an IRI")
    return f"agent/{named}"


class CurationFile:
    """A curation file: an analyst's decisions in the YAML authoring format.

    Parameters
    ----------
    path : Path
        The file (``.yaml`` or ``.yml``); it need not exist yet.
    curator : str
        Who decides (see :func:`curator_reference`): written as the file's ``curator:``.
    base : str, optional
        The base namespace relative IRIs resolve against (see :func:`goalgraph.bases.resolve_base`).

    Raises
    ------
    GoalgraphError
        If the path is not a YAML file name.

    Examples
    --------
    >>> import tempfile
    >>> from datetime import datetime, UTC
    >>> folder = Path(tempfile.mkdtemp())
    >>> curation = CurationFile(folder / "review.yaml", curator="ana")
    >>> curation.decisions()
    []
    >>> a, b = URIRef("https://example.org/a"), URIRef("https://example.org/b")
    >>> curation.record(Decision(a, b, "rejected", None, {"en": "Unrelated"}, "agent/ana",
    ...                          datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)))
    >>> [(d.verdict, d.rationale, d.curator, d.when.isoformat()) for d in curation.decisions()]
    [('rejected', {'en': 'Unrelated'}, 'agent/ana', '2026-01-02T03:04:05+00:00')]
    """

    def __init__(self, path: Path | str, *, curator: str, base: str | None = None) -> None:
        self.path = Path(path)
        if self.path.suffix.lower() not in _SUFFIXES:
            raise GoalgraphError(f"{self.path}: a curation file is YAML: give a name ending in .yaml")
        self.curator = curator_reference(curator)
        # A plain name is also the curator's name in the file; an IRI or path has none there.
        self.curator_name = curator.strip() if self.curator != curator.strip() else None
        self.base = resolve_base(base)
        self.lock_path = self.path.with_name(self.path.name + ".lock")

    def __repr__(self) -> str:
        return f"CurationFile({str(self.path)!r}, curator={self.curator!r})"

    def decisions(self) -> list[Decision]:
        """The decisions in the file, in the order written; a missing file has none.

        Raises
        ------
        goalgraph.errors.DataError
            If the file is not valid authoring YAML (naming the line).
        GoalgraphError
            If it holds anything but curated and rejected alignments.
        """
        if not self.path.exists():
            return []
        return read_decisions(self.path, base=self.base)

    def decided(self) -> set[Pair]:
        """The pairs decided in the file, each as ``(start, end)``."""
        return {decision.pair for decision in self.decisions()}

    def record(self, decision: Decision) -> None:
        """Write `decision` to the file at once, replacing an earlier one on the same pair.

        The file is read, changed and written again under an exclusive lock, and
        written atomically: an error leaves it as it was.

        Raises
        ------
        GoalgraphError
            If the file cannot be read back as a curation file or cannot be written.
        """
        with self.locked():
            names: dict[str, str] = {}
            kept: list[Decision] = []
            if self.path.exists():
                graph = read_yaml(self.path, base=self.base, progress=False)
                kept = [d for d in _decisions(graph, self.path, self.base) if d.pair != decision.pair]
                names = _names(graph, self.base)
            write_atomically(self.path, self.to_yaml([*kept, decision], names=names))

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the file's exclusive lock: the thread lock, then ``flock`` on ``FILE.yaml.lock``."""
        key = self.path.resolve()
        with _LOCKS_LOCK:
            lock = _LOCKS.setdefault(key, threading.Lock())
        with lock:
            try:
                handle = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as error:
                raise GoalgraphError(f"{display_path(self.lock_path)}: cannot lock ({error.strerror})") from None
            try:
                fcntl.flock(handle, fcntl.LOCK_EX)
                yield
            finally:
                os.close(handle)  # closing releases the flock

    def to_yaml(self, decisions: Iterable[Decision], *, names: dict[str, str] | None = None) -> str:
        """The file's text for `decisions`: the authoring format's ``curator:`` and ``alignments:``.

        Every curator is described where the file names them (``{id, name}``, a
        prov:Agent), so that no attribution points at an undescribed agent; `names`
        gives the names of earlier curators, by their ``by`` reference.

        Examples
        --------
        >>> from datetime import datetime, UTC
        >>> curation = CurationFile("review.yaml", curator="ana", base="https://example.org/")
        >>> a, b = URIRef("https://example.org/a"), URIRef("https://example.org/b")
        >>> print(curation.to_yaml([Decision(a, b, "added", "weak", {"en": "Why"}, "agent/ana",
        ...                                  datetime(2026, 1, 2, tzinfo=UTC))]), end="")
        # goalgraph curation file: decisions on suggested alignments (goalgraph review).
        # Written by goalgraph at each decision; load it with the data it curates.
        curator:
          id: agent/ana
          name: ana
        alignments:
        - id: alignment/curated/04029e288066542e
          from: a
          to: b
          kind: curated
          strength: weak
          rationale:
            en: Why
          created: 2026-01-02 00:00:00+00:00
        """
        entries = [self._entry(decision, names or {}) for decision in decisions]
        # The curator described in the file ({id, name}: a prov:Agent), so the attribution dangles nowhere.
        curator: dict[str, str] = {"id": self.curator}
        if self.curator_name:
            curator["name"] = self.curator_name
        document: dict[str, Any] = {"curator": curator}
        if entries:
            document["alignments"] = entries
        header = [
            "# goalgraph curation file: decisions on suggested alignments (goalgraph review).",
            "# Written by goalgraph at each decision; load it with the data it curates.",
        ]
        body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)
        return "\n".join(header) + "\n" + body

    def _name(self, iri: str) -> str:
        name = iri[len(self.base) :] if iri.startswith(self.base) and len(iri) > len(self.base) else iri
        # A bare name with a capital letter would read as an identifier of this file.
        return name if "/" in name or ":" in name or name == name.lower() else iri

    def _entry(self, decision: Decision, names: dict[str, str]) -> dict[str, Any]:
        kind = "rejected" if decision.verdict == "rejected" else "curated"
        curator = curator_reference(decision.curator)
        # The id depends on the pair and the curator, so that two analysts' files load together.
        ends = f"{decision.start}\n{decision.end}\n{curator}".encode()
        entry: dict[str, Any] = {
            "id": f"alignment/{kind}/{hashlib.sha256(ends).hexdigest()[:16]}",
            "from": self._name(str(decision.start)),
            "to": self._name(str(decision.end)),
            "kind": kind,
        }
        if decision.strength is not None and kind == "curated":
            entry["strength"] = decision.strength
        if decision.rationale:
            entry["rationale"] = dict(sorted(decision.rationale.items(), key=lambda p: (p[0] != "da", p[0])))
        if curator != self.curator:
            entry["by"] = {"id": curator, **({"name": names[curator]} if curator in names else {})}
        if decision.score is not None:
            entry["score"] = round(decision.score, 4)
        if decision.matched:
            entry["matched"] = list(decision.matched)
        entry["created"] = decision.when.astimezone(UTC).replace(microsecond=0)
        return entry


def read_decisions(path: Path | str, *, base: str | None = None) -> list[Decision]:
    """The decisions in a curation file, in the order they were made.

    Parameters
    ----------
    path : Path or str
        A curation file (as :class:`CurationFile` writes it).
    base : str, optional
        The base namespace relative IRIs resolve against.

    Returns
    -------
    list of Decision

    Raises
    ------
    goalgraph.errors.SourceError
        If the file does not exist.
    goalgraph.errors.DataError
        If it is not valid authoring YAML (naming the line).
    GoalgraphError
        If it holds anything but curated and rejected alignments.

    Examples
    --------
    >>> read_decisions("no/such/review.yaml")
    Traceback (most recent call last):
    ...
    goalgraph.errors.SourceError: no/such/review.yaml: no such file
    """
    given = Path(path)
    if not given.is_file():
        raise SourceError(f"{path}: no such file")
    base = resolve_base(base)
    return _decisions(read_yaml(given, base=base, progress=False), given, base)


def _decisions(graph: Graph, path: Path, base: str) -> list[Decision]:
    """The decisions of a read curation file."""
    found: list[tuple[str, Decision]] = []
    for node in sorted(graph.subjects(GG.kind, None), key=str):
        kind = graph.value(node, GG.kind)
        if kind not in (GG.curated, GG.rejected):
            raise GoalgraphError(
                f"{display_path(path)}: not a curation file: it holds an alignment of kind {kind}, "
                "where goalgraph review writes only curated and rejected ones"
            )
        start, end = graph.value(node, GG["from"]), graph.value(node, GG.to)
        by = graph.value(node, PROV.wasAttributedTo)
        if not isinstance(start, URIRef) or not isinstance(end, URIRef) or by is None:
            continue  # the reader makes sure of all three
        strength = graph.value(node, GG.strength)
        score = graph.value(node, GG.score)
        created = graph.value(node, DCTERMS.created)
        rationale = {
            str(text.language): str(text)
            for text in graph.objects(node, GG.rationale)
            if isinstance(text, RDFLiteral) and text.language
        }
        matched = tuple(sorted(str(term) for term in graph.objects(node, GG.matchedTerm)))
        verdict: Verdict = "rejected" if kind == GG.rejected else ("accepted" if score is not None else "added")
        name = str(by)
        decision = Decision(
            start=start,
            end=end,
            verdict=verdict,
            strength=str(strength).rsplit("#", 1)[-1] if strength is not None else None,
            rationale=rationale,
            curator=name[len(base) :] if name.startswith(base) else name,
            when=_moment(created),
            score=float(score) if isinstance(score, RDFLiteral) else None,
            matched=matched,
        )
        found.append((str(node), decision))
    # In the file's order, which is the order decided: record appends.
    order = {iri: index for index, iri in enumerate(_ids(path, base))}
    found.sort(key=lambda pair: (order.get(pair[0], len(order)), pair[0]))
    return [decision for _, decision in found]


def _ids(path: Path, base: str) -> list[str]:
    """The IRIs of the alignments of a curation file, in the file's order (a graph keeps none)."""
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    entries = document.get("alignments") if isinstance(document, dict) else None
    return [urljoin(base, str(entry["id"])) for entry in entries or [] if isinstance(entry, dict) and "id" in entry]


def _names(graph: Graph, base: str) -> dict[str, str]:
    """The names of the agents a read curation file describes, by their ``by`` reference."""
    found = {}
    for agent in graph.subjects(RDF.type, PROV.Agent):
        name = graph.value(agent, SKOS.prefLabel)
        if name is not None:
            text = str(agent)
            found[text[len(base) :] if text.startswith(base) else text] = str(name)
    return found


def _moment(created: object) -> datetime:
    value = created.toPython() if isinstance(created, RDFLiteral) else None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return datetime(1970, 1, 1, tzinfo=UTC)  # no date: first, so that any later decision follows it


def check_not_a_source(path: Path | str, dataset: Graph | Iterable[Path | str]) -> None:
    """Refuse a curation file that is one of the data's own source files.

    Decisions go to a file of their own, never to the files they curate.

    Parameters
    ----------
    path : Path or str
        The curation file.
    dataset : GoalDataset or iterable of paths
        The data being curated (its ``sources``), or its files.

    Raises
    ------
    GoalgraphError
        If `path` is one of them.

    Examples
    --------
    >>> check_not_a_source("review.yaml", ["data/vores-maal.ttl"])
    >>> check_not_a_source("data/vores-maal.ttl", ["data/vores-maal.ttl"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    goalgraph.errors.GoalgraphError: data/vores-maal.ttl is one of the data's source files: ...
    """
    sources = getattr(dataset, "sources", None)
    given = dataset if sources is None else (source.path for source in sources)
    files = [file for file in given if isinstance(file, Path | str)]
    wanted = Path(os.path.realpath(path))
    if any(Path(os.path.realpath(file)) == wanted for file in files):
        raise GoalgraphError(
            f"{path} is one of the data's source files: decisions go to a file of their own, such as review.yaml"
        )


def pending(
    model_or_graph: Graph | GoalModel,
    curation: CurationFile,
    *,
    limit: int | None = None,
    statement: URIRef | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    model: GoalModel | None = None,
) -> list[Suggestion]:
    """The suggestions still to decide: :func:`~goalgraph.suggestion.suggest`'s, less the decided pairs.

    Parameters
    ----------
    model_or_graph : rdflib.Graph or GoalModel
        The data, with or without the curation file loaded.
    curation : CurationFile
        The decisions so far.
    limit : int, optional
        At most this many, the best.
    statement : URIRef, optional
        Only the suggestions with this statement at either end.
    min_score : float
        As for :func:`~goalgraph.suggestion.suggest`.
    model : GoalModel, optional
        The graph's model, if it has been read already.

    Returns
    -------
    list of Suggestion
        In :func:`~goalgraph.suggestion.suggest`'s order (by score, then IRIs).

    Examples
    --------
    >>> import goalgraph, tempfile
    >>> curation = CurationFile(Path(tempfile.mkdtemp()) / "review.yaml", curator="ana")
    >>> first = pending(goalgraph.load(), curation, limit=1)[0]
    >>> _ = reject(curation, first, reason="Not the same cases")
    >>> pending(goalgraph.load(), curation, limit=1)[0] != first
    True
    """
    if isinstance(model_or_graph, GoalModel):
        model = model_or_graph
        graph = _links_graph(model)
    else:
        graph = model_or_graph
    decided = curation.decided()
    found = []
    for suggestion in suggest(graph, min_score=min_score, model=model):
        pair = (suggestion.from_statement, suggestion.to_statement)
        if pair in decided or pair[::-1] in decided:
            continue
        if statement is not None and statement not in pair:
            continue
        found.append(suggestion)
        if limit is not None and len(found) >= limit:
            break
    return found


def _links_graph(model: GoalModel) -> Graph:
    """The alignments of `model` as a small graph: what suggest needs to know of the links."""
    graph = Graph()
    for node, alignment in [*model.alignments.items(), *model.hindrances.items()]:
        if alignment.start is not None and alignment.end is not None:
            graph.add((node, GG["from"], alignment.start))
            graph.add((node, GG.to, alignment.end))
    for start, end in model.edges():
        graph.add((start, GG.supports, end))
    return graph


def _ends(suggestion_or_pair: Suggestion | Pair) -> tuple[URIRef, URIRef, float | None, tuple[str, ...]]:
    if isinstance(suggestion_or_pair, Suggestion):
        stems = tuple(sorted({term.stem for term in suggestion_or_pair.matched_terms}))
        return suggestion_or_pair.from_statement, suggestion_or_pair.to_statement, suggestion_or_pair.score, stems
    start, end = suggestion_or_pair
    return URIRef(start), URIRef(end), None, ()


def _checked(strength: str | None, rationale: dict[str, str] | str | None, lang: str) -> tuple[str, dict[str, str]]:
    if strength not in STRENGTHS:
        raise GoalgraphError(f"give a strength: {', '.join(STRENGTHS)} (got {strength!r})")
    texts = _texts(rationale, lang)
    if not texts:
        raise GoalgraphError("give a rationale: why the one statement supports the other")
    return strength, texts


def _texts(rationale: dict[str, str] | str | None, lang: str) -> dict[str, str]:
    if rationale is None:
        return {}
    given = {lang: rationale} if isinstance(rationale, str) else dict(rationale)
    return {language: " ".join(text.split()) for language, text in given.items() if text and text.strip()}


def accept(
    curation: CurationFile,
    suggestion_or_pair: Suggestion | Pair,
    *,
    strength: str,
    rationale: dict[str, str] | str,
    when: datetime | None = None,
    lang: str = "da",
) -> Decision:
    """Accept a suggestion: record it as a curated link with a strength and a rationale.

    Parameters
    ----------
    curation : CurationFile
    suggestion_or_pair : Suggestion or (URIRef, URIRef)
        What to accept; a suggestion's score and matched stems are kept with it.
    strength : {"strong", "moderate", "weak"}
    rationale : dict of str to str, or str
        Why, by language; a plain text is in `lang`.
    when : datetime, optional
        By default now (UTC).
    lang : str
        The language of a plain-text rationale.

    Returns
    -------
    Decision
        As recorded.

    Raises
    ------
    GoalgraphError
        Without a strength or a rationale; nothing is written then.

    Examples
    --------
    >>> import tempfile
    >>> curation = CurationFile(Path(tempfile.mkdtemp()) / "review.yaml", curator="ana")
    >>> pair = (URIRef("https://example.org/a"), URIRef("https://example.org/b"))
    >>> accept(curation, pair, strength="weak", rationale="Samme sager").verdict
    'added'
    >>> accept(curation, pair, strength="very", rationale="x")
    Traceback (most recent call last):
    ...
    goalgraph.errors.GoalgraphError: give a strength: strong, moderate, weak (got 'very')
    """
    start, end, score, matched = _ends(suggestion_or_pair)
    chosen, texts = _checked(strength, rationale, lang)
    _not_itself(start, end)
    verdict: Verdict = "accepted" if score is not None else "added"
    decision = Decision(start, end, verdict, chosen, texts, curation.curator, _now(when), score, matched)
    curation.record(decision)
    return decision


def reject(
    curation: CurationFile,
    suggestion_or_pair: Suggestion | Pair,
    *,
    reason: dict[str, str] | str | None = None,
    when: datetime | None = None,
    lang: str = "da",
) -> Decision:
    """Reject a suggestion: record it as a rejected alignment, so that it is not suggested again.

    Parameters
    ----------
    curation : CurationFile
    suggestion_or_pair : Suggestion or (URIRef, URIRef)
    reason : dict of str to str, or str, optional
        Why not, by language; a plain text is in `lang`.
    when : datetime, optional
        By default now (UTC).
    lang : str
        The language of a plain-text reason.

    Returns
    -------
    Decision

    Examples
    --------
    >>> import tempfile
    >>> curation = CurationFile(Path(tempfile.mkdtemp()) / "review.yaml", curator="ana")
    >>> pair = (URIRef("https://example.org/a"), URIRef("https://example.org/b"))
    >>> reject(curation, pair, reason="Other cases", lang="en").rationale
    {'en': 'Other cases'}
    """
    start, end, score, matched = _ends(suggestion_or_pair)
    _not_itself(start, end)
    decision = Decision(
        start, end, "rejected", None, _texts(reason, lang), curation.curator, _now(when), score, matched
    )
    curation.record(decision)
    return decision


def add(
    curation: CurationFile,
    start: URIRef,
    end: URIRef,
    *,
    strength: str,
    rationale: dict[str, str] | str,
    when: datetime | None = None,
    lang: str = "da",
    graph: Graph | GoalModel | None = None,
) -> Decision:
    """Add a link of the analyst's own: `start` supports `end`, curated.

    Parameters
    ----------
    curation : CurationFile
    start, end : URIRef
        The supporting and the supported statement.
    strength : {"strong", "moderate", "weak"}
    rationale : dict of str to str, or str
    when : datetime, optional
    lang : str
        The language of a plain-text rationale.
    graph : rdflib.Graph or GoalModel, optional
        The data: given, a link that would close a cycle is refused, and so are ends
        that are no statements of it.

    Returns
    -------
    Decision

    Raises
    ------
    GoalgraphError
        For a statement linked to itself, a link that would close a cycle (`end`
        already supports `start`, through the data's links and the file's), or a
        missing strength or rationale; nothing is written then.

    Examples
    --------
    >>> import tempfile
    >>> curation = CurationFile(Path(tempfile.mkdtemp()) / "review.yaml", curator="ana")
    >>> a = URIRef("https://example.org/a")
    >>> add(curation, a, a, strength="weak", rationale="x")
    Traceback (most recent call last):
    ...
    goalgraph.errors.GoalgraphError: a statement cannot support itself: choose two different statements
    """
    start, end = URIRef(start), URIRef(end)
    chosen, texts = _checked(strength, rationale, lang)
    _not_itself(start, end)
    if graph is not None:
        model = graph if isinstance(graph, GoalModel) else read_model(graph)
        for node in (start, end):
            if node not in model.statements:
                raise GoalgraphError(f"{node} is not a statement of the data")
        links = nx.DiGraph()
        links.add_edges_from(model.edges())  # the pairs the model links
        links.add_edges_from(d.pair for d in curation.decisions() if d.verdict != "rejected")
        if end in links and start in links and nx.has_path(links, end, start):
            raise GoalgraphError(
                "this link would close a cycle: the second statement already supports the first, "
                "directly or through others"
            )
    decision = Decision(start, end, "added", chosen, texts, curation.curator, _now(when))
    curation.record(decision)
    return decision


def _not_itself(start: URIRef, end: URIRef) -> None:
    if start == end:
        raise GoalgraphError("a statement cannot support itself: choose two different statements")


def _now(when: datetime | None) -> datetime:
    moment = datetime.now(UTC) if when is None else when
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)
