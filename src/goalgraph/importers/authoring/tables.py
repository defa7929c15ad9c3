"""The CSV pair of the authoring format: a statements table and an alignments table.

For people who keep their strategy in a spreadsheet. The statements table has one
row per statement, the alignments table one row per alignment; their columns are
the YAML format's keys, with one column per language for texts (``text_da``,
``translation_en``, ``rationale_en``...). Organisations, plans and sources are not
tables: name them by IRI (from the bundled data, or a YAML or Turtle file loaded
beside). An empty cell is an absent value; ``matched`` takes several words
separated by ``|``. UTF-8 (a byte order mark is fine: Excel writes one); the
delimiter is a comma or, as Danish Excel writes, a semicolon.

**Where the alignments are**: the statements file's name with ``statements``
replaced by ``alignments`` (``statements.csv`` → ``alignments.csv``,
``kf-statements.csv`` → ``kf-alignments.csv``), or, if the name has no
``statements`` in it, with ``-alignments`` added (``kf.csv`` → ``kf-alignments.csv``).
A statements table without one has no alignments.

>>> from pathlib import Path
>>> alignments_path(Path("plans/statements.csv")).as_posix()
'plans/alignments.csv'
>>> alignments_path(Path("kf.csv")).as_posix()
'kf-alignments.csv'
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from goalgraph.errors import DataError, display_path
from goalgraph.importers.authoring.located import Item, Items

__all__ = ["ALIGNMENT_COLUMNS", "STATEMENT_COLUMNS", "alignments_path", "read_tables"]

#: The columns of each table; ``*_LANG`` stands for one column per language.
STATEMENT_COLUMNS = (
    "id",
    "identifier",
    "type",
    "holder",
    "plan",
    "text_LANG",
    "translation_LANG",
    "note_LANG",
    "source",
    "measures",
)
ALIGNMENT_COLUMNS = (
    "id",
    "from",
    "to",
    "kind",
    "strength",
    "rationale_LANG",
    "evidence_LANG",
    "by",
    "source",
    "score",
    "matched",
    "created",
)
_REQUIRED = {"statements": ("type", "holder", "source", "text_LANG"), "alignments": ("from", "to", "kind")}
_LANGUAGE_COLUMN = re.compile(r"(text|translation|note|rationale|evidence)_([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)")
_SEPARATOR = "|"


def alignments_path(statements: Path) -> Path:
    """Where the alignments table of the statements table `statements` is (see the module)."""
    if "statements" in statements.name:
        return statements.with_name(statements.name.replace("statements", "alignments"))
    return statements.with_name(f"{statements.stem}-alignments{statements.suffix}")


def read_tables(statements: Path) -> Item:
    """Read the statements table `statements` and its alignments table into an authoring document.

    Raises
    ------
    DataError
        If a file cannot be read or its header is wrong.
    """
    document = Item(display_path(statements), "", 1)
    document["statements"] = _read_table(statements, "statements")
    alignments = alignments_path(statements)
    if alignments.is_file():
        document["alignments"] = _read_table(alignments, "alignments")
    return document


def _read_table(path: Path, table: str) -> Items:
    shown = display_path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            first = file.readline()
            file.seek(0)  # utf-8-sig reads past a byte order mark again
            delimiter = ";" if first.count(";") > first.count(",") else ","
            reader = csv.reader(file, delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                raise DataError(shown, f"the file is empty; expected a header row with the columns {_listed(table)}")
            columns = _check_header(shown, header, table)
            rows = Items(table)
            line = reader.line_num + 1
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    if len(cells) > len(columns):
                        raise DataError(
                            shown, f"the row has {len(cells)} cells but the header {len(columns)} columns", line=line
                        )
                    rows.append(_row(shown, line, columns, cells))
                    rows.lines.append(line)
                line = reader.line_num + 1
    except OSError as error:
        raise DataError(shown, error.strerror or str(error)) from None
    except UnicodeDecodeError:
        raise DataError(shown, "not UTF-8 text; save the table as CSV UTF-8") from None
    except csv.Error as error:
        raise DataError(shown, f"not valid CSV: {error}") from None
    return rows


def _check_header(shown: str, header: list[str], table: str) -> list[str]:
    columns = [cell.strip() for cell in header]
    known = [c for c in (STATEMENT_COLUMNS if table == "statements" else ALIGNMENT_COLUMNS) if not c.endswith("_LANG")]
    families = {c.removesuffix("_LANG") for c in _columns(table) if c.endswith("_LANG")}
    seen: set[str] = set()
    for column in columns:
        language = _LANGUAGE_COLUMN.fullmatch(column)
        if column in seen:
            raise DataError(shown, f"wrong CSV header: the column {column!r} is there twice", line=1)
        seen.add(column)
        if column in known or (language and language.group(1) in families):
            continue
        hint = ""
        if table == "statements" and {"from", "to"} <= set(columns):
            hint = "; this looks like an alignments table: give the statements table, the alignments are read beside it"
        raise DataError(
            shown, f"wrong CSV header: unknown column {column!r}; the columns are {_listed(table)}{hint}", line=1
        )
    for required in _REQUIRED[table]:
        if required.endswith("_LANG"):
            family = required.removesuffix("_LANG")
            if not any(c.startswith(f"{family}_") for c in columns):
                raise DataError(shown, f"wrong CSV header: no {family}_ column (such as {family}_da)", line=1)
        elif required not in columns:
            raise DataError(
                shown, f"wrong CSV header: the column {required!r} is missing; the columns are {_listed(table)}", line=1
            )
    return columns


def _columns(table: str) -> tuple[str, ...]:
    return STATEMENT_COLUMNS if table == "statements" else ALIGNMENT_COLUMNS


def _listed(table: str) -> str:
    return ", ".join(c.replace("_LANG", "_<language>") for c in _columns(table))


def _row(shown: str, line: int, columns: list[str], cells: list[str]) -> Item:
    row = Item(shown, "", line, column_style=True)
    for column, raw in zip(columns, cells, strict=False):
        cell = raw.strip()
        if not cell:
            continue
        language = _LANGUAGE_COLUMN.fullmatch(column)
        if language:
            family, tag = language.groups()
            texts = row.get(family)
            if texts is None:
                texts = row[family] = Item(shown, "", line, column_style=True, column_prefix=f"{family}_")
                row.lines[family] = line
            texts[tag] = cell
            texts.lines[tag] = line
            continue
        value: Any = cell
        if column == "matched":
            value = [word.strip() for word in cell.split(_SEPARATOR) if word.strip()]
        row[column] = value
        row.lines[column] = line
    return row
