"""Synthetic goal graphs of any size, for benchmarks and for testing large graphs.

:func:`write_synthetic` writes a made-up but valid goal graph (it loads with
:func:`goalgraph.load` and passes :func:`goalgraph.validate`) of *N* organisations
in a tree, organisation 0 at the top and each organisation with up to
:data:`CHILDREN` children. Every organisation has:

- a mission and a vision (not in any plan);
- one strategy (a ``gg:Strategy``) for a four-year period;
- 2 to 4 goals (3 on average) and 1 to 3 objectives per goal (2 on average), all
  in the strategy;
- alignments, each written both as a plain ``gg:supports`` triple and as a
  qualified ``gg:Alignment``:

  ========================================  =======  ==================
  from → to                                 kind     per organisation
  ========================================  =======  ==================
  objective → its goal                      stated   one per objective
  goal → own mission or vision              curated  one per goal
  mission → parent's mission                stated   one (not the top)
  vision → parent's vision                  stated   one (not the top)
  goal → a goal of an earlier sibling, or   curated  one (not the top)
  of the parent for a first child
  ========================================  =======  ==================

The alignments cannot form a cycle. Rank a statement by its level (objective 0,
goal 1, mission and vision 2), then by the *negated* index of its organisation:
every link goes to a strictly higher rank, because it either goes up a level or
stays on a level and goes to an organisation with a smaller index (a parent's and
an earlier sibling's index are both smaller). And as every statement but the top
organisation's mission and vision has a link onwards, following the links from any
statement ends there: every statement reaches one of the two through ``gg:supports+``.

How many goals and objectives an organisation has depends only on its index, so
the number of triples depends only on *N* (:func:`synthetic_counts`); the seed
picks names, texts, periods, strengths, whether a goal supports the mission or the
vision, and which goals the cross-links join. At about 166 triples per
organisation, :func:`organisations_for_triples` gives the *N* for a target size
(about 6,000 organisations for a million triples).

Texts are Danish-looking sentences (``gg:text``, ``@da``) drawn from small word
lists, with English translations (``gg:translation``, ``@en``) built from the same
words; the organisations, sources and analysts are invented.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO
from uuid import uuid4

from goalgraph.bases import DEFAULT_BASE, resolve_base

__all__ = [
    "CHILDREN",
    "SyntheticCounts",
    "SyntheticFormat",
    "organisations_for_triples",
    "synthetic_counts",
    "write_synthetic",
]

#: The output formats :func:`write_synthetic` writes.
SyntheticFormat = Literal["turtle", "ntriples"]

#: Children per organisation in the tree: organisation *i* > 0 has parent ``(i - 1) // CHILDREN``.
CHILDREN = 10

_SUFFIXES: dict[str, SyntheticFormat] = {".ttl": "turtle", ".turtle": "turtle", ".nt": "ntriples"}

_NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "gg": "https://w3id.org/goalgraph/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "cv": "http://data.europa.eu/m8g/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# Where the (invented) source documents live: absolute, so they are the same under any base.
_SOURCES = "https://example.org/synthetic/"

# Triples per element, as the writer below writes them; synthetic_counts() adds them up
# and the tests check the sum against what a store loads.
_PER_AGENT = 2  # a prov:Agent; skos:prefLabel
_PER_ORGANISATION = 3  # a; skos:prefLabel @da and @en (+1 org:subOrganizationOf below the top)
_PER_PLAN = 7  # a; dcterms:title; gg:translation; gg:holder; gg:periodStart, End; dcterms:source
_PER_STATEMENT = 6  # a; dcterms:identifier; gg:text; gg:translation; gg:holder; dcterms:source
_PER_PLANNED = _PER_STATEMENT + 1  # goals and objectives also have gg:inPlan
_PER_STATED = 6  # gg:supports; a; gg:from; gg:to; gg:kind; dcterms:source
_PER_CURATED = 8  # gg:supports; a; gg:from; gg:to; gg:kind; gg:strength; gg:rationale; prov:wasAttributedTo

# Word lists as (Danish, English) pairs, so that a translation says what its text says.
_THEMES = [
    ("trivsel", "well-being"),
    ("tryghed", "safety"),
    ("sundhed", "health"),
    ("grøn omstilling", "the green transition"),
    ("åbenhed", "openness"),
    ("bæredygtighed", "sustainability"),
    ("læring", "learning"),
    ("sammenhængskraft", "cohesion"),
    ("kvalitet i opgaveløsningen", "quality in public tasks"),
    ("retssikkerhed", "legal certainty"),
    ("beskæftigelse", "employment"),
    ("digital selvbetjening", "digital self-service"),
    ("klimatilpasning", "climate adaptation"),
    ("mobilitet", "mobility"),
    ("kulturliv", "cultural life"),
    ("forebyggelse", "prevention"),
]
_GROUPS = [
    ("borgerne", "citizens"),
    ("virksomhederne", "businesses"),
    ("børn og unge", "children and young people"),
    ("de ældre", "older people"),
    ("medarbejderne", "staff"),
    ("patienterne", "patients"),
    ("landmændene", "farmers"),
    ("de studerende", "students"),
    ("familierne", "families"),
    ("foreningerne", "associations"),
]
_AREAS = [
    ("hele landet", "the whole country"),
    ("hovedstadsområdet", "the capital area"),
    ("Østjylland", "East Jutland"),
    ("Sønderjylland", "South Jutland"),
    ("Nordjylland", "North Jutland"),
    ("Fyn", "Funen"),
    ("Bornholm", "Bornholm"),
    ("yderområderne", "the outlying areas"),
    ("Ærø", "Ærø"),
    ("Region Sjælland", "Region Zealand"),
]
_VERBS = [
    ("Styrke", "Strengthen"),
    ("Sikre", "Secure"),
    ("Udvikle", "Develop"),
    ("Fremme", "Promote"),
    ("Øge", "Increase"),
    ("Forbedre", "Improve"),
    ("Understøtte", "Support"),
    ("Forenkle", "Simplify"),
    ("Udbrede", "Spread"),
    ("Fremtidssikre", "Future-proof"),
]
# The kind of body at each depth of the tree (the last one for all deeper levels).
_BODIES = [
    ("Ministeriet", "Ministry", "cv:PublicOrganisation"),
    ("Styrelsen", "Agency", "cv:PublicOrganisation"),
    ("Kontoret", "Office", "org:OrganizationalUnit"),
    ("Enheden", "Unit", "org:OrganizationalUnit"),
]
_ANALYSTS = ["Aase Østergaard", "Søren Kjærgaard", "Mette Brøndum"]
# Drawn uniformly, so strong and moderate links are twice as common as weak ones.
_STRENGTHS = ["gg:strong", "gg:strong", "gg:moderate", "gg:moderate", "gg:weak"]
_PERCENTAGES = [10, 15, 20, 25, 30, 40, 50, 75, 90]


@dataclass(frozen=True)
class SyntheticCounts:
    """What a synthetic graph of a given number of organisations holds.

    The numbers match :func:`goalgraph.stats` on the loaded file (which counts the
    ontology's triples too: ``triples`` here are the file's alone).

    Attributes
    ----------
    organisations, plans, missions, visions, goals, objectives : int
        Nodes of each kind.
    stated, curated : int
        Alignments of each kind; each has one ``gg:supports`` triple.
    triples : int
        Triples in the file: what :func:`write_synthetic` returns.
    """

    organisations: int
    plans: int
    missions: int
    visions: int
    goals: int
    objectives: int
    stated: int
    curated: int
    triples: int


def _goal_count(index: int) -> int:
    """Goals of organisation `index`: 2, 3 or 4, in turn."""
    return 2 + index % 3


def _objective_count(index: int, goal: int) -> int:
    """Objectives of goal number `goal` (from 1) of organisation `index`: 1, 2 or 3."""
    return 1 + (index + goal) % 3


def _organisation_triples(index: int) -> int:
    """Triples written for organisation `index`: its nodes and the alignments from them."""
    goals = _goal_count(index)
    objectives = sum(_objective_count(index, goal) for goal in range(1, goals + 1))
    below_top = 1 if index else 0
    return (
        _PER_ORGANISATION
        + below_top
        + _PER_PLAN
        + 2 * _PER_STATEMENT
        + (goals + objectives) * _PER_PLANNED
        + objectives * _PER_STATED
        + goals * _PER_CURATED
        + below_top * (2 * _PER_STATED + _PER_CURATED)
    )


def synthetic_counts(organisations: int) -> SyntheticCounts:
    """Count what :func:`write_synthetic` writes for `organisations` organisations.

    The counts do not depend on the seed or the format.

    Parameters
    ----------
    organisations : int
        The number of organisations, at least 1.

    Returns
    -------
    SyntheticCounts

    Examples
    --------
    >>> counts = synthetic_counts(10_000)
    >>> counts.goals, counts.objectives, counts.triples
    (29999, 59999, 1659957)
    """
    _check_organisations(organisations)
    goals = sum(_goal_count(index) for index in range(organisations))
    objectives = sum(
        _objective_count(index, goal) for index in range(organisations) for goal in range(1, _goal_count(index) + 1)
    )
    below_top = organisations - 1
    return SyntheticCounts(
        organisations=organisations,
        plans=organisations,
        missions=organisations,
        visions=organisations,
        goals=goals,
        objectives=objectives,
        stated=objectives + 2 * below_top,
        curated=goals + below_top,
        triples=len(_ANALYSTS) * _PER_AGENT + sum(_organisation_triples(index) for index in range(organisations)),
    )


def organisations_for_triples(triples: int) -> int:
    """The fewest organisations whose synthetic graph has at least `triples` triples.

    Parameters
    ----------
    triples : int
        The target size.

    Returns
    -------
    int
        At least 1.

    Examples
    --------
    >>> organisations_for_triples(1_000_000)
    6025
    >>> synthetic_counts(6025).triples >= 1_000_000 > synthetic_counts(6024).triples
    True
    """
    total = len(_ANALYSTS) * _PER_AGENT
    organisations = 0
    while total < triples or organisations == 0:
        total += _organisation_triples(organisations)
        organisations += 1
    return organisations


def _check_organisations(organisations: int) -> None:
    if organisations < 1:
        raise ValueError(f"a synthetic graph needs at least one organisation, not {organisations}")


def _literal(text: str, language: str) -> str:
    """`text` as a language-tagged literal, the same in Turtle and N-Triples."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{language}'


class _Writer:
    """Spells terms and triples in one format, and counts the triples it writes.

    Turtle gets prefixed names and relative IRIs (resolved against the base of
    whoever loads the file, as in the bundled data); N-Triples has neither, so it
    gets absolute IRIs under `base`.
    """

    def __init__(self, format: SyntheticFormat, base: str) -> None:
        self.turtle = format == "turtle"
        self.base = base
        self.triples = 0
        self.lines: list[str] = []
        self._terms: dict[str, str] = {}

    def node(self, path: str) -> str:
        """A node of the dataset, by its IRI relative to the base."""
        return f"<{path}>" if self.turtle else f"<{self.base}{path}>"

    def term(self, name: str) -> str:
        """A vocabulary term, by its prefixed name (``gg:Goal``, or ``a`` for ``rdf:type``)."""
        if self.turtle:
            return name
        if name == "a":
            name = "rdf:type"
        spelled = self._terms.get(name)
        if spelled is None:
            prefix, local = name.split(":")
            spelled = self._terms[name] = f"<{_NAMESPACES[prefix]}{local}>"
        return spelled

    def date(self, day: str) -> str:
        """An ``xsd:date`` literal."""
        return f'"{day}"^^{self.term("xsd:date")}'

    def describe(self, subject: str, pairs: list[tuple[str, str]]) -> None:
        """Write the triples ``subject predicate object`` for each (predicate, object) in `pairs`.

        Predicates are prefixed names; objects are spelled already.
        """
        if self.turtle:
            body = " ;\n    ".join(f"{predicate} {value}" for predicate, value in pairs)
            self.lines.append(f"{subject}\n    {body} .\n\n")
        else:
            self.lines.extend(f"{subject} {self.term(predicate)} {value} .\n" for predicate, value in pairs)
        self.triples += len(pairs)

    def header(self, organisations: int, seed: int) -> str:
        lines = [
            f"# A synthetic goal graph from goalgraph.synthetic: {organisations} organisations, seed {seed}.",
            "# Invented data: the names and texts are drawn from word lists.",
        ]
        if self.turtle:
            lines.append("# IRIs in <...> without a scheme are relative to the dataset's base namespace.")
            lines.append("")
            # rdf: is not needed: Turtle spells rdf:type as "a".
            prefixes = {prefix: iri for prefix, iri in _NAMESPACES.items() if prefix != "rdf"}
            lines.extend(f"@prefix {prefix}: <{iri}> ." for prefix, iri in prefixes.items())
        return "\n".join(lines) + "\n\n"

    def take(self) -> str:
        """The text written since the last call."""
        text = "".join(self.lines)
        self.lines.clear()
        return text


class _Generator:
    """Draws one organisation after another, in index order, from one random stream."""

    def __init__(self, writer: _Writer, seed: int) -> None:
        self.w = writer
        self.rng = random.Random(seed)
        # The theme of every goal so far, to word the rationale of links to them; small
        # even for a million organisations (a few ints each).
        self.goal_themes: list[list[int]] = []
        self.alignments = 0

    def agents(self) -> None:
        w = self.w
        for number, name in enumerate(_ANALYSTS, start=1):
            w.describe(
                w.node(f"synthetic/agent/analyst-{number}"),
                [("a", w.term("prov:Agent")), ("skos:prefLabel", _literal(f"{name} (analyst)", "en"))],
            )

    def organisation(self, index: int) -> None:
        """Write organisation `index`, its plan, statements and the alignments from them."""
        w, rng = self.w, self.rng
        me = f"synthetic/org-{index:05d}"
        parent = (index - 1) // CHILDREN if index else None
        self.alignments = 0

        body_da, body_en, body_type = _BODIES[min(_depth(index), len(_BODIES) - 1)]
        theme_da, theme_en = rng.choice(_THEMES)
        name_da = f"{body_da} for {theme_da} nr. {index}"
        name_en = f"{body_en} for {theme_en} no. {index}"
        about = f"<{_SOURCES}org-{index:05d}/om-os>"
        strategy_doc = f"<{_SOURCES}org-{index:05d}/strategi>"

        names = [
            ("a", w.term(body_type)),
            ("skos:prefLabel", _literal(name_da, "da")),
            ("skos:prefLabel", _literal(name_en, "en")),
        ]
        if parent is not None:
            names.append(("org:subOrganizationOf", w.node(f"synthetic/org-{parent:05d}")))
        w.describe(w.node(me), names)

        start = rng.randint(2020, 2026)
        end = start + 3
        plan = w.node(f"{me}/strategy")
        w.describe(
            plan,
            [
                ("a", w.term("gg:Strategy")),
                ("dcterms:title", _literal(f"Strategi {start}–{end} for {name_da}", "da")),
                ("gg:translation", _literal(f"Strategy {start}–{end} of {name_en}", "en")),
                ("gg:holder", w.node(me)),
                ("gg:periodStart", w.date(f"{start}-01-01")),
                ("gg:periodEnd", w.date(f"{end}-12-31")),
                ("dcterms:source", strategy_doc),
            ],
        )

        group_da, group_en = rng.choice(_GROUPS)
        area_da, area_en = rng.choice(_AREAS)
        other_da, other_en = rng.choice(_THEMES)
        mission = self._statement(
            me,
            "mission",
            "gg:Mission",
            f"SYN-{index}-M",
            f"Vi sikrer {theme_da} og {other_da} for {group_da} i {area_da}",
            f"We secure {theme_en} and {other_en} for {group_en} in {area_en}",
            about,
        )
        year = end + rng.choice([2, 5, 10])
        vision = self._statement(
            me,
            "vision",
            "gg:Vision",
            f"SYN-{index}-V",
            f"I {year} er {area_da} et foregangsområde for {theme_da}",
            f"By {year}, {area_en} leads the way in {theme_en}",
            about,
        )

        themes: list[int] = []
        for goal_number in range(1, _goal_count(index) + 1):
            theme = rng.randrange(len(_THEMES))
            themes.append(theme)
            goal_theme_da, goal_theme_en = _THEMES[theme]
            verb_da, verb_en = rng.choice(_VERBS)
            group_da, group_en = rng.choice(_GROUPS)
            goal_path = f"goal/{goal_number}"
            goal = self._statement(
                me,
                goal_path,
                "gg:Goal",
                f"SYN-{index}-G{goal_number}",
                f"{verb_da} {goal_theme_da} for {group_da}",
                f"{verb_en} {goal_theme_en} for {group_en}",
                strategy_doc,
                plan,
            )
            towards, towards_name = (mission, "mission") if rng.random() < 0.5 else (vision, "vision")
            self._curated(me, goal, towards, f"the goal is a step towards the organisation's {towards_name}")
            for objective_number in range(1, _objective_count(index, goal_number) + 1):
                by = rng.randint(start, end)
                percent = rng.choice(_PERCENTAGES)
                area_da, area_en = rng.choice(_AREAS)
                objective = self._statement(
                    me,
                    f"{goal_path}/objective/{objective_number}",
                    "gg:Objective",
                    f"SYN-{index}-G{goal_number}-O{objective_number}",
                    f"Inden {by} skal {percent} % af {group_da} i {area_da} mærke fremskridt i {goal_theme_da}",
                    f"By {by}, {percent}% of {group_en} in {area_en} shall see progress in {goal_theme_en}",
                    strategy_doc,
                    plan,
                )
                self._stated(me, objective, goal, strategy_doc)
        self.goal_themes.append(themes)

        if parent is not None:
            up = f"synthetic/org-{parent:05d}"
            self._stated(me, mission, w.node(f"{up}/mission"), about)
            self._stated(me, vision, w.node(f"{up}/vision"), about)
            # Only to an organisation with a smaller index (an earlier sibling, or the
            # parent for a first child), which keeps the links acyclic.
            first_sibling = parent * CHILDREN + 1
            other = rng.randrange(first_sibling, index) if index > first_sibling else parent
            other_goal = rng.randrange(len(self.goal_themes[other]))
            shared = _THEMES[self.goal_themes[other][other_goal]][1]
            self._curated(
                me,
                w.node(f"{me}/goal/{rng.randrange(len(themes)) + 1}"),
                w.node(f"synthetic/org-{other:05d}/goal/{other_goal + 1}"),
                f"it helps a related organisation's goal for {shared}",
            )

    def _statement(
        self,
        holder: str,
        path: str,
        kind: str,
        identifier: str,
        text: str,
        translation: str,
        source: str,
        plan: str | None = None,
    ) -> str:
        """Write a statement of `holder` at ``{holder}/{path}`` and return its node."""
        w = self.w
        node = w.node(f"{holder}/{path}")
        pairs = [
            ("a", w.term(kind)),
            ("dcterms:identifier", f'"{identifier}"'),
            ("gg:text", _literal(text, "da")),
            ("gg:translation", _literal(translation, "en")),
            ("gg:holder", w.node(holder)),
            ("dcterms:source", source),
        ]
        if plan is not None:
            pairs.append(("gg:inPlan", plan))
        w.describe(node, pairs)
        return node

    def _alignment(self, holder: str, start: str, end: str, details: list[tuple[str, str]]) -> None:
        """Write ``start gg:supports end`` and its qualified alignment, numbered within `holder`."""
        w = self.w
        self.alignments += 1
        w.describe(start, [("gg:supports", end)])
        w.describe(
            w.node(f"{holder}/alignment/{self.alignments}"),
            [("a", w.term("gg:Alignment")), ("gg:from", start), ("gg:to", end), *details],
        )

    def _stated(self, holder: str, start: str, end: str, source: str) -> None:
        self._alignment(holder, start, end, [("gg:kind", self.w.term("gg:stated")), ("dcterms:source", source)])

    def _curated(self, holder: str, start: str, end: str, rationale: str) -> None:
        w, rng = self.w, self.rng
        analyst = w.node(f"synthetic/agent/analyst-{rng.randrange(len(_ANALYSTS)) + 1}")
        details = [
            ("gg:kind", w.term("gg:curated")),
            ("gg:strength", w.term(rng.choice(_STRENGTHS))),
            ("gg:rationale", _literal(rationale, "en")),
            ("prov:wasAttributedTo", analyst),
        ]
        self._alignment(holder, start, end, details)


def _depth(index: int) -> int:
    """How far organisation `index` is below the top (the top is at depth 0)."""
    depth = 0
    while index:
        index = (index - 1) // CHILDREN
        depth += 1
    return depth


def _write(out: TextIO, organisations: int, seed: int, format: SyntheticFormat, base: str) -> int:
    writer = _Writer(format, base)
    out.write(writer.header(organisations, seed))
    generator = _Generator(writer, seed)
    generator.agents()
    for index in range(organisations):
        generator.organisation(index)
        out.write(writer.take())
    return writer.triples


def write_synthetic(
    path: str | os.PathLike[str],
    organisations: int,
    *,
    seed: int = 0,
    format: SyntheticFormat | None = None,
    base: str = DEFAULT_BASE,
) -> int:
    """Write a synthetic goal graph of `organisations` organisations to `path`.

    The file is written as it is generated, a few hundred triples at a time, to a
    hidden temporary file next to `path` that replaces `path` only when complete:
    a failure leaves `path` as it was and no partial file behind.

    Parameters
    ----------
    path : str or path-like
        The file to write; its folder must exist.
    organisations : int
        How many organisations, at least 1 (see :func:`organisations_for_triples`
        to choose it for a number of triples).
    seed : int
        Seed of the random choices: the same seed gives the same bytes.
    format : {"turtle", "ntriples"}, optional
        The output format; by default from the suffix (``.ttl``, ``.turtle``, ``.nt``).
    base : str
        The base namespace of the dataset's IRIs, for N-Triples, which has only
        absolute IRIs. Turtle output uses relative IRIs, which resolve against the
        base of whoever loads it, so `base` does not change it.

    Returns
    -------
    int
        The number of triples written; always ``synthetic_counts(organisations).triples``.

    Raises
    ------
    ValueError
        If `organisations` is below 1, or the format is neither given nor known
        from the suffix.
    goalgraph.SourceError
        If `base` is not an absolute http(s) IRI ending in ``/`` or ``#``.
    OSError
        If the file cannot be written.

    Examples
    --------
    >>> import tempfile, goalgraph
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "goals.ttl"
    ...     triples = write_synthetic(path, 3, seed=1)
    ...     dataset = goalgraph.load([path], bundled=False)
    >>> triples == synthetic_counts(3).triples
    True
    >>> goalgraph.stats(dataset)["statements"]["Goal"]
    9
    """
    target = Path(path)
    _check_organisations(organisations)
    if format is None:
        format = _SUFFIXES.get(target.suffix.lower())
        if format is None:
            known = ", ".join(sorted(_SUFFIXES))
            raise ValueError(f"{target}: give format= or a suffix that names one ({known})")
    elif format not in ("turtle", "ntriples"):
        raise ValueError(f"format must be 'turtle' or 'ntriples', not {format!r}")
    base = resolve_base(base)

    # Hidden, so that goalgraph.load() of the folder skips it while it is being written.
    temporary = target.with_name(f".{target.name}.{uuid4().hex}.tmp")
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as out:
            triples = _write(out, organisations, seed, format, base)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return triples
