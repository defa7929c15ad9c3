"""The words of the authoring format: its sections, their keys, and the values it takes.

The JSON Schema (``goalgraph/schemas/goalgraph-authoring.schema.json``) says the
same; a test checks that the two agree.

>>> sorted(STATEMENT_TYPES)[:3]
['CoreTask', 'FocusPoint', 'Goal']
>>> KINDS["curated"]
rdflib.term.URIRef('https://w3id.org/goalgraph/ontology#curated')
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import ORG

from goalgraph.namespaces import CV, GG

__all__ = [
    "KEYS",
    "KINDS",
    "ORGANISATION_TYPES",
    "PLAN_TYPES",
    "REQUIRED",
    "SECTIONS",
    "STATEMENT_TYPES",
    "STRENGTHS",
    "TOP_KEYS",
    "TYPE_SLUGS",
]

#: Statement types: the ontology's classes under gg:Statement, by local name.
STATEMENT_TYPES: dict[str, URIRef] = {
    name: GG[name]
    for name in [
        "Mission",
        "Vision",
        "Purpose",
        "CoreTask",
        "FocusPoint",
        "StrategicMarker",
        "Principle",
        "Goal",
        "Objective",
        "Value",
        "Target",
        "Indicator",
    ]
}

#: The path segment a derived statement IRI uses for each type, as the bundled data does.
TYPE_SLUGS: dict[str, str] = {
    "Mission": "mission",
    "Vision": "vision",
    "Purpose": "purpose",
    "CoreTask": "core-task",
    "FocusPoint": "focus-point",
    "StrategicMarker": "marker",
    "Principle": "principle",
    "Goal": "goal",
    "Objective": "objective",
    "Value": "value",
    "Target": "target",
    "Indicator": "indicator",
}

#: Plan types, and the path segment of a derived plan IRI.
PLAN_TYPES: dict[str, URIRef] = {"Strategy": GG.Strategy, "TargetPlan": GG.TargetPlan, "Plan": GG.Plan}
PLAN_SLUGS = {"Strategy": "strategy", "TargetPlan": "target-plan", "Plan": "plan"}

#: Organisation types: W3C ORG's classes and EU CPOV's public organisation.
ORGANISATION_TYPES: dict[str, URIRef] = {
    "Organization": ORG.Organization,
    "FormalOrganization": ORG.FormalOrganization,
    "OrganizationalUnit": ORG.OrganizationalUnit,
    "OrganizationalCollaboration": ORG.OrganizationalCollaboration,
    "PublicOrganisation": CV.PublicOrganisation,
}

#: Alignment kinds and strengths: the ontology's individuals.
KINDS: dict[str, URIRef] = {"stated": GG.stated, "curated": GG.curated, "suggested": GG.suggested}
STRENGTHS: dict[str, URIRef] = {"strong": GG.strong, "moderate": GG.moderate, "weak": GG.weak}

#: The sections of a document, in the order they are read and written.
SECTIONS = ("sources", "organisations", "plans", "groups", "statements", "alignments")

#: Keys at the top of a document: the sections and the default curator.
TOP_KEYS = ("curator", *SECTIONS)

#: The keys each section's entries take.
KEYS: dict[str, tuple[str, ...]] = {
    "sources": ("id", "title", "translation", "description", "publisher", "issued", "language", "related"),
    "organisations": ("id", "type", "name", "description", "part_of", "unit_of", "members", "homepage"),
    "plans": (
        "id",
        "identifier",
        "type",
        "title",
        "translation",
        "note",
        "holder",
        "year",
        "start",
        "end",
        "source",
        "coordinated_with",
    ),
    "groups": ("id", "name", "holder", "members"),
    "statements": (
        "id",
        "identifier",
        "type",
        "holder",
        "plan",
        "text",
        "translation",
        "note",
        "source",
        "measures",
    ),
    "alignments": (
        "id",
        "from",
        "to",
        "kind",
        "strength",
        "rationale",
        "evidence",
        "by",
        "source",
        "score",
        "matched",
        "created",
    ),
}

#: The keys each section's entries must have (more depend on other keys: see building).
REQUIRED: dict[str, tuple[str, ...]] = {
    "sources": ("id",),
    "organisations": ("id", "name"),
    "plans": ("type", "title", "holder", "source"),
    "groups": ("id", "name", "holder", "members"),
    "statements": ("type", "text"),
    "alignments": ("from", "to", "kind"),
}
