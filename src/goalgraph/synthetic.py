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

With ``results_periods=P`` (above 0), the graph also has what a målrapportering
holds, for :func:`goalgraph.progress` (nothing of it otherwise, so the default output
stays as it was):

- every objective a weight in its plan (``gg:targetWeight``) and one indicator
  (``gg:Indicator``, in the plan) that measures it: the share of the objective's
  group, in %, higher is better, or (every third) a case processing time in days,
  lower is better; each with a baseline, and the first objective of each goal also
  with a threshold below (or above) every target;
- for each of P consecutive years from the plan's first, a target
  (``gg:TargetResult``, sourced to the strategy) and an actual result
  (``gg:ActualResult``, sourced to that year's invented annual report); every third
  year's actual result carries the holder's verdict, the status its figures give;
- in every tenth organisation (index 1, 11, 21, ...), a curated hindering alignment
  (``gg:polarity gg:hindering``, and the plain ``gg:hinders``): goal 2's first
  objective hinders goal 1.

The figures come from a second random stream (seeded from the seed too), so the
rest of the graph is the same as without them; how many triples there are depends
only on *N* and P.
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
# With results (results_periods > 0):
_PER_WEIGHT = 1  # gg:targetWeight on each objective
_PER_INDICATOR = 12  # a statement's 6; gg:inPlan; gg:measures; gg:unit; gg:direction; gg:indicatorType; gg:baseline
_PER_THRESHOLD = 1  # gg:threshold, on the indicator of each goal's first objective
_PER_RESULT = 6  # gg:result (from the indicator); a; rdf:value; gg:resultStart; gg:resultEnd; dcterms:source
_PER_HINDERING = _PER_CURATED + 1  # the curated alignment's, with gg:hinders for gg:supports, and gg:polarity
# Every VERDICT_EVERY-th year's actual result carries a reported verdict.
_VERDICT_EVERY = 3
# Organisations with index ≡ 1 (mod 10) have a hindering link: the first child of the top has one.
_HINDERING_EVERY, _HINDERING_AT = 10, 1

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
# An objective's weight in its plan, as a målrapportering gives it (a percentage).
_WEIGHTS = [10, 15, 20, 25, 30, 40]
_VERDICTS = {"met": "gg:met", "partly-met": "gg:partlyMet", "not-met": "gg:notMet"}


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
    indicators, results, verdicts, hindering : int
        With ``results_periods``: indicators (one per objective), results (a target and
        an actual per indicator and period), reported verdicts, and hindering
        alignments (curated, each with one ``gg:hinders`` triple); 0 without.
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
    indicators: int = 0
    results: int = 0
    verdicts: int = 0
    hindering: int = 0


def _goal_count(index: int) -> int:
    """Goals of organisation `index`: 2, 3 or 4, in turn."""
    return 2 + index % 3


def _objective_count(index: int, goal: int) -> int:
    """Objectives of goal number `goal` (from 1) of organisation `index`: 1, 2 or 3."""
    return 1 + (index + goal) % 3


def _has_hindering(index: int) -> bool:
    """Whether organisation `index` has a hindering link (with results only)."""
    return index % _HINDERING_EVERY == _HINDERING_AT


def _results_triples(index: int, periods: int) -> int:
    """Triples of organisation `index`'s indicators, results, weights and hindering link."""
    if periods <= 0:
        return 0
    goals = _goal_count(index)
    objectives = sum(_objective_count(index, goal) for goal in range(1, goals + 1))
    per_indicator = _PER_WEIGHT + _PER_INDICATOR + 2 * periods * _PER_RESULT + periods // _VERDICT_EVERY
    return objectives * per_indicator + goals * _PER_THRESHOLD + _PER_HINDERING * _has_hindering(index)


def _organisation_triples(index: int, periods: int = 0) -> int:
    """Triples written for organisation `index`: its nodes and the alignments from them."""
    goals = _goal_count(index)
    objectives = sum(_objective_count(index, goal) for goal in range(1, goals + 1))
    below_top = 1 if index else 0
    return _results_triples(index, periods) + (
        _PER_ORGANISATION
        + below_top
        + _PER_PLAN
        + 2 * _PER_STATEMENT
        + (goals + objectives) * _PER_PLANNED
        + objectives * _PER_STATED
        + goals * _PER_CURATED
        + below_top * (2 * _PER_STATED + _PER_CURATED)
    )


def synthetic_counts(organisations: int, *, results_periods: int = 0) -> SyntheticCounts:
    """Count what :func:`write_synthetic` writes for `organisations` organisations.

    The counts do not depend on the seed or the format.

    Parameters
    ----------
    organisations : int
        The number of organisations, at least 1.
    results_periods : int
        As for :func:`write_synthetic`: years of results per indicator (0: none).

    Returns
    -------
    SyntheticCounts

    Examples
    --------
    >>> counts = synthetic_counts(10_000)
    >>> counts.goals, counts.objectives, counts.triples
    (29999, 59999, 1659957)
    >>> with_results = synthetic_counts(100, results_periods=10)
    >>> with_results.indicators, with_results.results, with_results.verdicts, with_results.hindering
    (599, 11980, 1797, 10)
    """
    _check_organisations(organisations)
    _check_periods(results_periods)
    goals = sum(_goal_count(index) for index in range(organisations))
    objectives = sum(
        _objective_count(index, goal) for index in range(organisations) for goal in range(1, _goal_count(index) + 1)
    )
    below_top = organisations - 1
    results = results_periods > 0
    return SyntheticCounts(
        organisations=organisations,
        plans=organisations,
        missions=organisations,
        visions=organisations,
        goals=goals,
        objectives=objectives,
        stated=objectives + 2 * below_top,
        curated=goals + below_top,
        triples=len(_ANALYSTS) * _PER_AGENT
        + sum(_organisation_triples(index, results_periods) for index in range(organisations)),
        indicators=objectives if results else 0,
        results=2 * results_periods * objectives,
        verdicts=(results_periods // _VERDICT_EVERY) * objectives,
        hindering=sum(_has_hindering(index) for index in range(organisations)) if results else 0,
    )


def organisations_for_triples(triples: int, *, results_periods: int = 0) -> int:
    """The fewest organisations whose synthetic graph has at least `triples` triples.

    Parameters
    ----------
    triples : int
        The target size.
    results_periods : int
        As for :func:`write_synthetic`: years of results per indicator (0: none).

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
    >>> organisations_for_triples(1_000_000, results_periods=10)
    1015
    """
    _check_periods(results_periods)
    total = len(_ANALYSTS) * _PER_AGENT
    organisations = 0
    while total < triples or organisations == 0:
        total += _organisation_triples(organisations, results_periods)
        organisations += 1
    return organisations


def _check_organisations(organisations: int) -> None:
    if organisations < 1:
        raise ValueError(f"a synthetic graph needs at least one organisation, not {organisations}")


def _check_periods(periods: int) -> None:
    if periods < 0:
        raise ValueError(f"results_periods must be 0 (no results) or more, not {periods}")


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

    def decimal(self, value: float) -> str:
        """An ``xsd:decimal`` literal with one decimal (Turtle's bare ``41.0`` is one)."""
        digits = f"{value:.1f}"
        return digits if self.turtle else f'"{digits}"^^{self.term("xsd:decimal")}'

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

    def header(self, organisations: int, seed: int, periods: int = 0) -> str:
        lines = [
            f"# A synthetic goal graph from goalgraph.synthetic: {organisations} organisations, seed {seed}.",
            "# Invented data: the names and texts are drawn from word lists.",
        ]
        if periods:
            lines.append(f"# With {periods} years of invented targets and results per indicator: no figure is real.")
        if self.turtle:
            lines.append("# IRIs in <...> without a scheme are relative to the dataset's base namespace.")
            lines.append("")
            # rdf: is needed only for the results' rdf:value: Turtle spells rdf:type as "a".
            prefixes = {prefix: iri for prefix, iri in _NAMESPACES.items() if prefix != "rdf" or periods}
            lines.extend(f"@prefix {prefix}: <{iri}> ." for prefix, iri in prefixes.items())
        return "\n".join(lines) + "\n\n"

    def take(self) -> str:
        """The text written since the last call."""
        text = "".join(self.lines)
        self.lines.clear()
        return text


class _Generator:
    """Draws one organisation after another, in index order, from one random stream."""

    def __init__(self, writer: _Writer, seed: int, periods: int = 0) -> None:
        self.w = writer
        self.rng = random.Random(seed)
        # The results draw from a stream of their own, so that the rest of the graph
        # is byte for byte what it is without them.
        self.periods = periods
        self.figures = random.Random(f"goalgraph-synthetic-results-{seed}")
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
                objective_path = f"{goal_path}/objective/{objective_number}"
                weight = [("gg:targetWeight", w.decimal(self.figures.choice(_WEIGHTS)))] if self.periods else []
                objective = self._statement(
                    me,
                    objective_path,
                    "gg:Objective",
                    f"SYN-{index}-G{goal_number}-O{objective_number}",
                    f"Inden {by} skal {percent} % af {group_da} i {area_da} mærke fremskridt i {goal_theme_da}",
                    f"By {by}, {percent}% of {group_en} in {area_en} shall see progress in {goal_theme_en}",
                    strategy_doc,
                    plan,
                    weight,
                )
                self._stated(me, objective, goal, strategy_doc)
                if self.periods:
                    days = (index + goal_number + objective_number) % 3 == 0
                    self._indicator(
                        me,
                        objective_path,
                        f"SYN-{index}-G{goal_number}-O{objective_number}-I",
                        objective,
                        plan,
                        (strategy_doc, f"{_SOURCES}org-{index:05d}/aarsrapport-"),
                        start,
                        percent=None if days else percent,
                        threshold=objective_number == 1,
                        words=(group_da, group_en, area_da, area_en, goal_theme_da, goal_theme_en),
                    )
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

        if self.periods and _has_hindering(index):
            self._hindering(me, w.node(f"{me}/goal/2/objective/1"), w.node(f"{me}/goal/1"), _THEMES[themes[0]][1])

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
        extra: list[tuple[str, str]] | None = None,
    ) -> str:
        """Write a statement of `holder` at ``{holder}/{path}`` and return its node; `extra` pairs last."""
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
        pairs.extend(extra or ())
        w.describe(node, pairs)
        return node

    def _indicator(
        self,
        holder: str,
        path: str,
        identifier: str,
        objective: str,
        plan: str,
        sources: tuple[str, str],
        first_year: int,
        *,
        percent: int | None,
        threshold: bool,
        words: tuple[str, str, str, str, str, str],
    ) -> None:
        """Write the indicator of the objective at `path`, with a target and an actual result per year.

        `sources` are the strategy's IRI (spelled) and the start of the annual reports' IRIs.

        A share in % rising from its baseline to `percent` (higher is better), or, when
        `percent` is None, a processing time in days falling to 60 % of its baseline.
        """
        w, rng = self.w, self.figures
        strategy_doc, reports = sources
        group_da, group_en, area_da, area_en, theme_da, theme_en = words
        lower = percent is None
        if percent is None:
            baseline = float(rng.randint(30, 90))
            goal = round(baseline * 0.6, 1)
            text = f"Gennemsnitlig sagsbehandlingstid i dage for {group_da} i {area_da}"
            translation = f"Average case processing time in days for {group_en} in {area_en}"
        else:
            goal = float(percent)
            baseline = round(goal * rng.uniform(0.4, 0.8), 1)
            text = f"Andel af {group_da} i {area_da}, der mærker fremskridt i {theme_da}"
            translation = f"Share of {group_en} in {area_en} who see progress in {theme_en}"
        years = range(first_year, first_year + self.periods)
        # The target moves from the baseline to the goal over the first four years, then stays.
        targets = [round(baseline + (goal - baseline) * min(1.0, (k + 1) / 4), 1) for k in range(self.periods)]
        node = w.node(f"{holder}/{path}/indicator")
        results = [
            w.node(f"{holder}/{path}/indicator/{year}/{kind}") for year in years for kind in ("target", "actual")
        ]
        pairs = [
            ("a", w.term("gg:Indicator")),
            ("dcterms:identifier", f'"{identifier}"'),
            ("gg:text", _literal(text, "da")),
            ("gg:translation", _literal(translation, "en")),
            ("gg:holder", w.node(holder)),
            ("dcterms:source", strategy_doc),
            ("gg:inPlan", plan),
            ("gg:measures", objective),
            ("gg:unit", '"dage"' if lower else '"%"'),
            ("gg:direction", w.term("gg:lowerIsBetter" if lower else "gg:higherIsBetter")),
            ("gg:indicatorType", w.term("gg:quantitative")),
            ("gg:baseline", w.decimal(baseline)),
        ]
        # On the far side of every target, as the shapes require: it marks "partly met".
        bound = round(max(targets) * 1.1, 1) if lower else round(min(targets) * 0.9, 1)
        if threshold:
            pairs.append(("gg:threshold", w.decimal(bound)))
        pairs.extend(("gg:result", result) for result in results)
        w.describe(node, pairs)
        for k, year in enumerate(years):
            target = targets[k]
            # Within about 15 % of the target either way, so every status turns up.
            actual = round(max(0.0, target * rng.uniform(0.85, 1.15)), 1)
            if not lower:
                actual = min(actual, 100.0)
            period = [("gg:resultStart", w.date(f"{year}-01-01")), ("gg:resultEnd", w.date(f"{year}-12-31"))]
            w.describe(
                results[2 * k],
                [
                    ("a", w.term("gg:TargetResult")),
                    ("rdf:value", w.decimal(target)),
                    *period,
                    ("dcterms:source", strategy_doc),
                ],
            )
            actual_pairs = [
                ("a", w.term("gg:ActualResult")),
                ("rdf:value", w.decimal(actual)),
                *period,
                ("dcterms:source", f"<{reports}{year}>"),
            ]
            if k % _VERDICT_EVERY == _VERDICT_EVERY - 1:
                verdict = _verdict(target, actual, lower, bound if threshold else None)
                actual_pairs.append(("gg:verdict", w.term(_VERDICTS[verdict])))
            w.describe(results[2 * k + 1], actual_pairs)

    def _hindering(self, holder: str, start: str, end: str, theme: str) -> None:
        """Write ``start gg:hinders end`` and its curated hindering alignment, numbered within `holder`."""
        w, rng = self.w, self.figures
        self.alignments += 1
        w.describe(start, [("gg:hinders", end)])
        analyst = w.node(f"synthetic/agent/analyst-{rng.randrange(len(_ANALYSTS)) + 1}")
        w.describe(
            w.node(f"{holder}/alignment/{self.alignments}"),
            [
                ("a", w.term("gg:Alignment")),
                ("gg:from", start),
                ("gg:to", end),
                ("gg:kind", w.term("gg:curated")),
                ("gg:polarity", w.term("gg:hindering")),
                ("gg:strength", w.term(rng.choice(_STRENGTHS))),
                ("gg:rationale", _literal(f"it draws on the resources of the goal for {theme}", "en")),
                ("prov:wasAttributedTo", analyst),
            ],
        )

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


def _verdict(target: float, actual: float, lower: bool, threshold: float | None) -> str:
    """The status the figures give (the rule of goalgraph.achievement.status), as a holder would report it."""
    better = -1 if lower else 1
    if (actual - target) * better >= 0:
        return "met"
    if threshold is not None and (actual - threshold) * better >= 0:
        return "partly-met"
    return "not-met"


def _depth(index: int) -> int:
    """How far organisation `index` is below the top (the top is at depth 0)."""
    depth = 0
    while index:
        index = (index - 1) // CHILDREN
        depth += 1
    return depth


def _write(out: TextIO, organisations: int, seed: int, format: SyntheticFormat, base: str, periods: int = 0) -> int:
    writer = _Writer(format, base)
    out.write(writer.header(organisations, seed, periods))
    generator = _Generator(writer, seed, periods)
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
    results_periods: int = 0,
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
    results_periods : int
        Years of targets and results per indicator, with weights and hindering links
        (see the module's docstring); 0, the default, writes none of them.

    Returns
    -------
    int
        The number of triples written; always
        ``synthetic_counts(organisations, results_periods=results_periods).triples``.

    Raises
    ------
    ValueError
        If `organisations` is below 1, `results_periods` below 0, or the format is
        neither given nor known from the suffix.
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
    _check_periods(results_periods)
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
            triples = _write(out, organisations, seed, format, base, results_periods)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return triples
