"""Small goal graphs written as Turtle, for tests with known answers.

Each test writes the few organisations, statements and alignments it needs with the
functions below, which produce valid goalgraph data (the shapes in
ontology/shapes.ttl hold), and loads them with the ``load_turtle`` fixture
(``goalgraph.load([path], bundled=False)``). Statement ``X`` has the IRI ``<t/X>``
(relative to the base) and ``dcterms:identifier "X"``; organisation ``o`` is ``<o/o>``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from goalgraph.loading import GoalDataset

PREFIXES = """\
@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<t/analyst> a prov:Agent ; skos:prefLabel "a test analyst"@en .
"""

SOURCE = "<https://example.org/test-source>"

#: The statement classes by the short names the tests use.
KINDS = {
    "mission": "gg:Mission",
    "vision": "gg:Vision",
    "purpose": "gg:Purpose",
    "marker": "gg:StrategicMarker",
    "focus": "gg:FocusPoint",
    "goal": "gg:Goal",
    "objective": "gg:Objective",
    "target": "gg:Target",
}


def organisation(
    name: str,
    *,
    parent: str | None = None,
    unit_of: str | None = None,
    members: Iterable[str] = (),
) -> str:
    """An organisation ``<o/{name}>``; with `members`, an org:OrganizationalCollaboration."""
    members = list(members)
    kind = "org:OrganizationalCollaboration" if members else "cv:PublicOrganisation"
    lines = [f"<o/{name}> a {kind} ;", f'    skos:prefLabel "{name} (da)"@da , "{name}"@en']
    if parent:
        lines[-1] += " ;"
        lines.append(f"    org:subOrganizationOf <o/{parent}>")
    if unit_of:
        lines[-1] += " ;"
        lines.append(f"    org:unitOf <o/{unit_of}>")
    if members:
        lines[-1] += " ;"
        lines.append("    org:hasMember " + " , ".join(f"<o/{m}>" for m in members))
    return "\n".join(lines) + " .\n"


def statement(key: str, kind: str, holder: str, *, plan: str | None = None) -> str:
    """Statement ``<t/{key}>`` of class `kind` (a key of :data:`KINDS`), held by ``<o/{holder}>``."""
    in_plan = f"    gg:inPlan <p/{plan}> ;\n" if plan else ""
    return (
        f"<t/{key}> a {KINDS[kind]} ;\n"
        f'    dcterms:identifier "{key}" ;\n'
        f'    gg:text "tekst {key}"@da ;\n'
        f'    gg:translation "text {key}"@en ;\n'
        f"    gg:holder <o/{holder}> ;\n"
        f"{in_plan}"
        f"    dcterms:source {SOURCE} .\n"
    )


def plan(name: str, holder: str) -> str:
    """A strategy ``<p/{name}>`` held by ``<o/{holder}>``."""
    return (
        f"<p/{name}> a gg:Strategy ;\n"
        f'    dcterms:title "Strategi {name}"@da ;\n'
        f'    gg:translation "Strategy {name}"@en ;\n'
        f"    gg:holder <o/{holder}> ;\n"
        '    gg:periodStart "2020-01-01"^^xsd:date ;\n'
        '    gg:periodEnd "2023-12-31"^^xsd:date ;\n'
        f"    dcterms:source {SOURCE} .\n"
    )


def link(
    start: str,
    end: str,
    strength: str | None = "strong",
    *,
    kind: str = "curated",
    score: float | None = None,
    rationale: dict[str, str] | None = None,
    name: str | None = None,
    from_plan: bool = False,
) -> str:
    """An alignment `start` → `end` (statement keys; `start` a plan name with `from_plan`).

    Stated and curated alignments get their plain ``gg:supports`` triple too; a
    suggested one does not, as the shapes require.
    """
    source = f"<p/{start}>" if from_plan else f"<t/{start}>"
    node = f"<a/{name or f'{start}--{end}--{kind}'}>"
    lines = [
        f"{node} a gg:Alignment ;",
        f"    gg:from {source} ;",
        f"    gg:to <t/{end}> ;",
        f"    gg:kind gg:{kind}",
    ]
    if strength:
        lines.append(f"    gg:strength gg:{strength}")
    if score is not None:
        lines.append(f'    gg:score "{score}"^^xsd:decimal')
    if kind == "curated" and rationale is None:
        rationale = {"en": f"{start} serves {end}"}
    for language, text in (rationale or {}).items():
        lines.append(f'    gg:rationale "{text}"@{language}')
    if kind == "curated":
        lines.append("    prov:wasAttributedTo <t/analyst>")
    if kind == "stated":
        lines.append(f"    dcterms:source {SOURCE}")
    text = " ;\n".join(lines) + " .\n"
    if kind != "suggested":
        text += f"{source} gg:supports <t/{end}> .\n"
    return text


#: What the ``load_turtle`` fixture gives: call it with Turtle blocks, get the dataset.
Loader = Callable[..., GoalDataset]


def markdown_table(markdown: str, heading: str) -> list[list[str]]:
    """The rows of the first table after `heading` in a Markdown text (no header, no rule)."""
    section = markdown.split(heading, 1)[1]
    rows: list[list[str]] = []
    for line in section.splitlines():
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    return rows[2:]
