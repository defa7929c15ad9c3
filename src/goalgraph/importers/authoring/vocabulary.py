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
    "DIRECTIONS",
    "INDICATOR_KEYS",
    "INDICATOR_TYPES",
    "KEYS",
    "KINDS",
    "ORGANISATION_TYPES",
    "PLAN_TYPES",
    "POLARITIES",
    "RELATION_KEYS",
    "REQUIRED",
    "SECTIONS",
    "STAGES",
    "STATEMENT_TYPES",
    "STRENGTHS",
    "TOP_KEYS",
    "TYPE_SLUGS",
    "VERDICTS",
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
KINDS: dict[str, URIRef] = {
    "stated": GG.stated,
    "curated": GG.curated,
    "suggested": GG.suggested,
    "rejected": GG.rejected,
}
STRENGTHS: dict[str, URIRef] = {"strong": GG.strong, "moderate": GG.moderate, "weak": GG.weak}

#: Alignment polarities: ``supports`` (the default) or ``hinders`` (gg:hinders instead of gg:supports).
POLARITIES: dict[str, URIRef] = {"supports": GG.supporting, "hinders": GG.hindering}

#: How an indicator is read: its direction, its type, and a statement's value-chain stage.
DIRECTIONS: dict[str, URIRef] = {"higher": GG.higherIsBetter, "lower": GG.lowerIsBetter}
INDICATOR_TYPES: dict[str, URIRef] = {"quantitative": GG.quantitative, "qualitative": GG.qualitative}
STAGES: dict[str, URIRef] = {
    "input": GG.input,
    "input_processing": GG.inputProcessing,
    "output": GG.output,
    "output_processing": GG.outputProcessing,
    "outcome": GG.outcome,
}

#: A holder's reported verdict on an actual result, in English or as a Danish annual report words it.
VERDICTS: dict[str, URIRef] = {
    "met": GG.met,
    "partly-met": GG.partlyMet,
    "not-met": GG.notMet,
    "opfyldt": GG.met,
    "delvist opfyldt": GG.partlyMet,
    "ikke opfyldt": GG.notMet,
}

#: The keys only an indicator takes.
INDICATOR_KEYS = ("unit", "direction", "baseline", "threshold", "indicator_type")

#: Typed relationships between plans or statements, as plain triples: key → predicate.
RELATION_KEYS: dict[str, URIRef] = {
    "broader_than": GG.broaderThan,
    "narrower_than": GG.narrowerThan,
    "peer_of": GG.peerOf,
}

#: The sections of a document, in the order they are read and written.
SECTIONS = ("sources", "organisations", "plans", "groups", "statements", "alignments", "results")

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
        "revision_of",
        "broader_than",
        "narrower_than",
        "peer_of",
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
        *INDICATOR_KEYS,
        "stage",
        "weight",
        "broader_than",
        "narrower_than",
        "peer_of",
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
        "polarity",
    ),
    "results": ("indicator", "period", "target", "actual", "unit", "source", "verdict", "note"),
}

#: The keys each section's entries must have (more depend on other keys: see building).
REQUIRED: dict[str, tuple[str, ...]] = {
    "sources": ("id",),
    "organisations": ("id", "name"),
    "plans": ("type", "title", "holder", "source"),
    "groups": ("id", "name", "holder", "members"),
    "statements": ("type", "text"),
    "alignments": ("from", "to", "kind"),
    "results": ("indicator", "period", "source"),
}
