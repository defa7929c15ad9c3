"""The CSV tables of the authoring format: statements, alignments and results.

For people who keep their strategy in a spreadsheet. The statements table has one
row per statement, the alignments table one row per alignment, the results table
one row per indicator and period; their columns are the YAML format's keys, with
one column per language for texts (``text_da``, ``translation_en``,
``rationale_en``, ``actual_da``...). Organisations, plans and sources are not
tables: name them by IRI (from the bundled data, or a YAML or Turtle file loaded
beside). An empty cell is an absent value; ``matched``, ``broader_than``,
``narrower_than`` and ``peer_of`` take several values separated by ``|``. UTF-8 (a
byte order mark is fine: Excel writes one); the delimiter is a comma or, as Danish
Excel writes, a semicolon. Numbers are written ``12.5``, ``12,5`` (Danish) or
``85%`` (the sign is dropped: give the unit in ``unit``).

The statements table's columns: ``id, identifier, type, holder, plan, text_LANG,
translation_LANG, note_LANG, source, measures, unit, direction, baseline,
threshold, indicator_type, stage, weight, broader_than, narrower_than, peer_of``;
the alignments table's: ``id, from, to, kind, strength, rationale_LANG,
evidence_LANG, by, source, score, matched, created, polarity``; the results
table's: ``indicator, period, target, target_LANG, actual, actual_LANG, unit,
source, verdict, note_LANG`` (see :mod:`goalgraph.importers.authoring`).

**Where the alignments are**: the statements file's name with ``statements``
replaced by ``alignments`` (``statements.csv`` → ``alignments.csv``,
``kf-statements.csv`` → ``kf-alignments.csv``), or, if the name has no
``statements`` in it, with ``-alignments`` added (``kf.csv`` → ``kf-alignments.csv``).
A statements table without one has no alignments. **Where the results are**, in
the same way: ``statements.csv`` → ``results.csv``, ``kf.csv`` → ``kf-results.csv``.

**A results table on its own**: a CSV file whose header starts with the column
``indicator`` is a results table, and can be loaded by itself beside the files
that define its indicators (``goalgraph.load(["plan.yaml", "results.csv"])``,
``--data results.csv``); its indicators, named by IRI or identifier, are found
among those files, which are loaded first.

>>> from pathlib import Path
>>> alignments_path(Path("plans/statements.csv")).as_posix()
'plans/alignments.csv'
>>> alignments_path(Path("kf.csv")).as_posix()
'kf-alignments.csv'
>>> results_path(Path("plans/kf-statements.csv")).as_posix()
'plans/kf-results.csv'
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from goalgraph.errors import DataError, display_path
from goalgraph.importers.authoring.located import Item, Items

__all__ = [
    "ALIGNMENT_COLUMNS",
    "RESULT_COLUMNS",
    "STATEMENT_COLUMNS",
    "alignments_path",
    "is_results_table",
    "read_results_table",
    "read_tables",
    "results_path",
]

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
    "unit",
    "direction",
    "baseline",
    "threshold",
    "indicator_type",
    "stage",
    "weight",
    "broader_than",
    "narrower_than",
    "peer_of",
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
    "polarity",
)
RESULT_COLUMNS = (
    "indicator",
    "period",
    "target",
    "target_LANG",
    "actual",
    "actual_LANG",
    "unit",
    "source",
    "verdict",
    "note_LANG",
)
_TABLES = {"statements": STATEMENT_COLUMNS, "alignments": ALIGNMENT_COLUMNS, "results": RESULT_COLUMNS}
_REQUIRED = {
    "statements": ("type", "holder", "source", "text_LANG"),
    "alignments": ("from", "to", "kind"),
    "results": ("indicator", "period", "source"),
}
_LANGUAGE_COLUMN = re.compile(
    r"(text|translation|note|rationale|evidence|target|actual)_([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)"
)
_SEPARATOR = "|"
_LISTS = ("matched", "broader_than", "narrower_than", "peer_of")


def alignments_path(statements: Path) -> Path:
    """Where the alignments table of the statements table `statements` is (see the module)."""
    if "statements" in statements.name:
        return statements.with_name(statements.name.replace("statements", "alignments"))
    return statements.with_name(f"{statements.stem}-alignments{statements.suffix}")


def results_path(statements: Path) -> Path:
    """Where the results table of the statements table `statements` is (see the module)."""
    if "statements" in statements.name:
        return statements.with_name(statements.name.replace("statements", "results"))
    return statements.with_name(f"{statements.stem}-results{statements.suffix}")


def is_results_table(path: Path) -> bool:
    """Whether the CSV file `path` is a results table: its header's first column is ``indicator``.

    Parameters
    ----------
    path : Path
        A CSV file.

    Returns
    -------
    bool
        False too for a file that cannot be read: reading it as a statements table says why.

    Examples
    --------
    >>> is_results_table(Path("no-such-file.csv"))
    False
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            first = file.readline()
    except (OSError, UnicodeDecodeError):
        return False
    return re.split(r"[,;]", first, maxsplit=1)[0].strip().strip('"').strip() == "indicator"


def read_tables(statements: Path) -> Item:
    """Read the statements table `statements`, and its alignments and results tables, into an authoring document.

    Raises
    ------
    DataError
        If a file cannot be read or its header is wrong.
    """
    document = Item(display_path(statements), "", 1)
    document["statements"] = _read_table(statements, "statements")
    for name, path in [("alignments", alignments_path(statements)), ("results", results_path(statements))]:
        if path.is_file():
            document[name] = _read_table(path, name)
    return document


def read_results_table(path: Path) -> Item:
    """Read a results table given on its own into an authoring document with only results.

    Parameters
    ----------
    path : Path
        The results table.

    Returns
    -------
    Item
        With one section, ``results``, for :func:`.building.build` (given the indicators it names).

    Raises
    ------
    DataError
        If the file cannot be read or its header is wrong.
    """
    document = Item(display_path(path), "", 1)
    document["results"] = _read_table(path, "results")
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
    known = [c for c in _TABLES[table] if not c.endswith("_LANG")]
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
    return _TABLES[table]


def _listed(table: str) -> str:
    return ", ".join(c.replace("_LANG", "_<language>") for c in _columns(table))


def _row(shown: str, line: int, columns: list[str], cells: list[str]) -> Item:
    row = Item(shown, "", line, column_style=True)
    for column, raw in zip(columns, cells, strict=False):
        cell = raw.strip()
        if not cell:
            continue
        language = _LANGUAGE_COLUMN.fullmatch(column)
        if language and isinstance(row.get(language.group(1)), str):
            family = language.group(1)
            raise DataError(shown, f"column {column}: give {family} as a number or as texts, not both", line=line)
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
        if column in _LISTS:
            value = [word.strip() for word in cell.split(_SEPARATOR) if word.strip()]
        elif isinstance(row.get(column), Item):
            raise DataError(shown, f"column {column}: give {column} as a number or as texts, not both", line=line)
        row[column] = value
        row.lines[column] = line
    return row
