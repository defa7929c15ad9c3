"""The JSON Schema of the YAML format: shipped, valid, and in agreement with the reader."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, ClassVar

import jsonschema
import pytest
import yaml

from goalgraph.errors import DataError
from goalgraph.importers.authoring import read_yaml, schema_file, to_yaml
from goalgraph.importers.authoring.vocabulary import (
    DIRECTIONS,
    INDICATOR_TYPES,
    KEYS,
    KINDS,
    ORGANISATION_TYPES,
    PLAN_TYPES,
    POLARITIES,
    REQUIRED,
    SECTIONS,
    STAGES,
    STATEMENT_TYPES,
    STRENGTHS,
    TOP_KEYS,
    VERDICTS,
)

from ..conftest import REPOSITORY
from .conftest import BAD, BASE, GOOD

SCHEMA = json.loads(schema_file().read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
ENTRY = {"sources": "source", "organisations": "organisation", "plans": "plan", "groups": "group",
         "statements": "statement", "alignments": "alignment", "results": "result"}  # fmt: skip


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2's core schema): dates are text."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def as_json(value: Any) -> Any:
    """A YAML value as JSON Schema sees it: dates are text."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def document(path: Path) -> Any:
    return as_json(yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for name, definition in SCHEMA["$defs"].items():
        assert definition.get("title"), name
        for key, prop in definition.get("properties", {}).items():
            assert prop.get("title"), f"{name}.{key}"
            assert prop.get("description"), f"{name}.{key}"


def test_the_schema_and_the_reader_know_the_same_words() -> None:
    defs = SCHEMA["$defs"]
    assert list(SCHEMA["properties"]) == list(TOP_KEYS)
    for section in SECTIONS:
        definition = defs[ENTRY[section]]
        assert list(definition["properties"]) == list(KEYS[section]), section
        assert definition["required"] == list(REQUIRED[section]), section
    assert defs["statement"]["properties"]["type"]["enum"] == list(STATEMENT_TYPES)
    assert defs["plan"]["properties"]["type"]["enum"] == list(PLAN_TYPES)
    assert defs["organisation"]["properties"]["type"]["enum"] == list(ORGANISATION_TYPES)
    assert defs["alignment"]["properties"]["kind"]["enum"] == list(KINDS)
    assert defs["alignment"]["properties"]["strength"]["enum"] == list(STRENGTHS)
    assert defs["alignment"]["properties"]["polarity"]["enum"] == list(POLARITIES)
    assert defs["statement"]["properties"]["direction"]["enum"] == list(DIRECTIONS)
    assert defs["statement"]["properties"]["indicator_type"]["enum"] == list(INDICATOR_TYPES)
    assert defs["statement"]["properties"]["stage"]["enum"] == list(STAGES)
    assert defs["result"]["properties"]["verdict"]["enum"] == list(VERDICTS)


ACCEPTED = [
    GOOD / "full.yaml",
    GOOD / "minimal.yaml",
    GOOD / "empty.yaml",
    GOOD / "results-plan.yaml",
    REPOSITORY / "data" / "target-plans-2019.yaml",
]


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda p: p.name)
def test_what_the_reader_accepts_the_schema_accepts(path: Path) -> None:
    read_yaml(path, base=BASE)
    VALIDATOR.validate(document(path))


@pytest.mark.parametrize("name", ["full.yaml", "results-plan.yaml"])
def test_what_the_writer_writes_the_schema_accepts(name: str) -> None:
    written = to_yaml(read_yaml(GOOD / name, base=BASE), base=BASE)
    VALIDATOR.validate(as_json(yaml.safe_load(written)))


# Mistakes in the shape of the document: the schema finds them too, so an editor shows them.
BOTH = [
    "unknown-key.yaml",
    "missing-key.yaml",
    "bad-statement-type.yaml",
    "bad-kind.yaml",
    "bad-strength.yaml",
    "curated-without-strength.yaml",
    "bad-language-tag.yaml",
    "bad-date.yaml",
    "not-a-list.yaml",
    "result-bad-period.yaml",
    "result-bad-verdict.yaml",
    "result-without-source.yaml",
]
# Mistakes only a reader of the whole file sees: references, uniqueness, order of dates,
# and what YAML's parser hides (a repeated key keeps its last value). The schema cannot
# say these; the reader does. (The syntax error, alias bomb and Python tag are not
# documents the schema could be given at all.)
READER_ONLY = [
    "dangling-reference.yaml",
    "duplicate-id.yaml",
    "duplicate-identifier.yaml",
    "duplicate-key.yaml",
    "period-ends-before-start.yaml",
    "self-link.yaml",
    # What an indicator of the file says about its results: its type, unit and plan.
    "result-unknown-indicator.yaml",
    "result-outside-plan.yaml",
    "result-not-a-number.yaml",
    "result-twice.yaml",
    "result-other-unit.yaml",
    "unit-on-target.yaml",
]
NOT_DOCUMENTS = ["syntax-error.yaml", "billion-laughs.yaml", "python-tag.yaml"]


@pytest.mark.parametrize("name", BOTH)
def test_shape_mistakes_fail_both(name: str) -> None:
    with pytest.raises(DataError):
        read_yaml(BAD / name, base=BASE)
    assert list(VALIDATOR.iter_errors(document(BAD / name))), f"the schema accepts {name}"


@pytest.mark.parametrize("name", READER_ONLY)
def test_reference_mistakes_fail_the_reader_only(name: str) -> None:
    with pytest.raises(DataError):
        read_yaml(BAD / name, base=BASE)
    VALIDATOR.validate(document(BAD / name))


def test_every_bad_fixture_is_sorted_into_one_list() -> None:
    assert sorted(BOTH + READER_ONLY + NOT_DOCUMENTS) == sorted(p.name for p in BAD.glob("*.yaml"))
