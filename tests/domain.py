"""Reading domain.md and the seed, so tests take their expectations from the sources."""

from __future__ import annotations

import re
from pathlib import Path

from goalgraph.namespaces import GG

# domain.md's "kind" column, by its first words, to the ontology's classes.
KIND_CLASSES = {
    "purpose": GG.Purpose,
    "core task": GG.CoreTask,
    "mission": GG.Mission,
    "vision": GG.Vision,
    "focus point": GG.FocusPoint,
    "cross-cutting principle": GG.Principle,
    "strategic marker": GG.StrategicMarker,
}


def normalise(text: str) -> str:
    """White space as the data keeps it: non-breaking spaces and runs collapsed."""
    return " ".join(text.replace("\u00a0", " ").split())


def seed_sentences(seed: str) -> list[str]:
    """The full sentences and list items of the seed page, as the data should hold them.

    Headings and the lines that introduce a list (ending in a colon) are not
    sentences; a list item loses its bullet and closing full stop (domain.md).
    """
    sentences = []
    for raw in seed.splitlines():
        line = normalise(raw)
        if line.startswith("•"):
            sentences.append(line.lstrip("• ").removesuffix("."))
        elif line.endswith("."):
            sentences.extend(re.split(r"(?<=\.) (?=[A-ZÆØÅ])", line))
    return sentences


def markdown_table(markdown: str, heading: str) -> list[list[str]]:
    """The rows of the first table under `heading` in a Markdown text."""
    section = markdown.split(heading, 1)[1]
    rows = []
    for line in section.splitlines():
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    return rows[2:]  # without the header and the --- line


def statement_rows(shared: Path) -> list[dict[str, str]]:
    """domain.md's statements: id, kind, holder, da, en."""
    rows = markdown_table((shared / "domain.md").read_text(encoding="utf-8"), "## Statements in the seed")
    return [dict(zip(["id", "kind", "holder", "da", "en"], row, strict=True)) for row in rows]


def curated_rows(shared: Path) -> list[tuple[str, str, str, str]]:
    """domain.md's curated alignments: from id, to id, strength, rationale."""
    rows = markdown_table((shared / "domain.md").read_text(encoding="utf-8"), "- **curated**")
    return [(a, b, c, d) for a, b, c, d in rows]


def holder_of(row: dict[str, str]) -> str:
    """A statement row's holder name, without domain.md's remarks in brackets."""
    return re.sub(r"\s*\(.*\)$", "", row["holder"])
