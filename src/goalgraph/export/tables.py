"""Two CSV tables for spreadsheet users: the statements, and the alignments between them.

``statements.csv`` has one row per statement: its IRI, identifier, type (the class's
local name, such as ``FocusPoint``) and level, holder (IRI and names), plan (IRI,
title and period), the text in Danish (``text_da``, verbatim from the source), the
English translation (``translation_en``), and the source. ``alignments.csv`` has one
row per ``gg:Alignment``, supporting or hindering: its kind, strength and polarity
(``supporting``, also where the data gives none, or ``hindering``), both ends (IRI,
identifier, and words in Danish and English: a statement's text or translation, a
plan's title),
the rationale and the source's evidence in both languages, who asserted it (IRI
and names), its source, and a suggestion's score and matched words.

Names, titles and texts get one column per language: Danish and English always
(``holder_da``, ``holder_en``...), any other language the data has beside them
(``text_de``), and text without a language tag under ``_none`` (``text_none``); a
statement's ``text_da`` and ``translation_en`` always, as the source is Danish and
the translation English. A cell with several values (two
holders, say) joins them with :data:`SEPARATOR`. Rows come in order of IRI.

The rows come from the model of the graph (:func:`goalgraph.model.read_model`),
read once for both tables.

**Encoding**: UTF-8 *with* a byte order mark, and CRLF line ends (RFC 4180), by
default. Excel reads a CSV file without a BOM in the computer's legacy code page
and garbles æ, ø and å; with one it reads UTF-8, and LibreOffice, Numbers, pandas
(``encoding="utf-8-sig"``) and Python's csv module read it too. ``bom=False``
leaves the mark out. The delimiter is a comma; Excel set up for Danish expects
``;`` when a file is opened by double-clicking, so ``delimiter=";"`` is offered
(Data › From Text/CSV reads either).

**Formulas**: Excel, LibreOffice and Google Sheets run a cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula (``=HYPERLINK(...)``), and the data's texts
come from anyone's files. A cell that starts with one of those, a tab, a carriage
return or a NUL (OWASP's and ASVS's list) is written with a ``'`` before it, which
spreadsheets take as "this is text" and do not show; so is a cell that starts with
``'`` itself, so that removing one leading ``'`` (:func:`cell_text`) always gives
the text back: ``-5 %`` is written ``'-5 %`` and reads back as ``-5 %``.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence

from rdflib import BNode, Graph
from rdflib.term import IdentifiedNode, Node

from goalgraph.errors import GoalgraphError
from goalgraph.model import GoalModel, Text, read_model

__all__ = [
    "SEPARATOR",
    "TABLES",
    "alignment_rows",
    "cell_text",
    "csv_tables",
    "csv_zip",
    "neutralise",
    "statement_rows",
]

#: What joins several values in one cell.
SEPARATOR = " | "

#: The file names of the tables, in the zip and in a folder.
TABLES = ("statements.csv", "alignments.csv")

# The languages every table has columns for, whether or not the data uses them.
_LANGUAGES = ("da", "en")

# A row of a table: column → cell.
Row = dict[str, str]

# What a cell that a spreadsheet would run as a formula starts with; and the mark
# that makes it text, which a cell starting with the mark gets too, to read back.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
_TEXT_MARK = "'"


def neutralise(text: str) -> str:
    """`text` as a cell that no spreadsheet runs as a formula (see the module).

    Examples
    --------
    >>> print(neutralise('=HYPERLINK("http://example.org","click")'))
    '=HYPERLINK("http://example.org","click")
    >>> neutralise("Kvalitet i sagsbehandlingen")
    'Kvalitet i sagsbehandlingen'
    """
    return _TEXT_MARK + text if text.startswith((*_FORMULA_STARTS, _TEXT_MARK)) else text


def cell_text(cell: str) -> str:
    """The text a cell of these tables holds: the cell less the ``'`` :func:`neutralise` adds.

    Examples
    --------
    >>> cell_text("'-5 %"), cell_text("''quoted'"), cell_text("plain")
    ('-5 %', "'quoted'", 'plain')
    """
    return cell.removeprefix(_TEXT_MARK)


def _order(node: Node) -> tuple[bool, str]:
    """Blank nodes first, then IRIs, each by their text: the order of SPARQL's ORDER BY."""
    return not isinstance(node, BNode), str(node)


def _cell(values: Iterable[object]) -> str:
    """Values as one cell, joined with :data:`SEPARATOR`; None and repeats left out."""
    return SEPARATOR.join(dict.fromkeys(str(v) for v in values if v is not None))


def _by_language(texts: Iterable[Text]) -> dict[str, str]:
    """Each language's cell: the source's own words, else the translations, several joined."""
    own: dict[str, list[str]] = {}
    translated: dict[str, list[str]] = {}
    for text in sorted(texts, key=lambda t: t.value):
        (translated if text.translated else own).setdefault(text.lang, []).append(text.value)
    return {lang: _cell(found) for lang, found in {**translated, **own}.items()}


def _number(value: float | None) -> str:
    return "" if value is None else format(value, ".15g")


def _model(graph: Graph | GoalModel) -> GoalModel:
    return graph if isinstance(graph, GoalModel) else read_model(graph)


class _Columns:
    """Collects rows and the language columns they need, then orders the columns."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.seen: set[str] = set()

    def add(self, row: Row, languages: Mapping[str, Mapping[str, str]]) -> None:
        for family, cells in languages.items():
            for language, text in cells.items():
                column = f"{family}_{language or 'none'}"
                row[column] = text
                self.seen.add(column)
        self.rows.append(row)

    def header(self, layout: Sequence[str | tuple[str, Sequence[str]]]) -> list[str]:
        """The columns: a column by name, or (family, languages always there) for its language columns."""
        header: list[str] = []
        for entry in layout:
            if isinstance(entry, str):
                header.append(entry)
                continue
            family, always = entry
            columns = [f"{family}_{language}" for language in always]
            extra = sorted(c for c in self.seen if c.startswith(f"{family}_") and c not in columns)
            header.extend(columns + extra)
        return header


def statement_rows(graph: Graph | GoalModel) -> tuple[list[str], list[Row]]:
    """The statements table: its columns, and one row per statement.

    Parameters
    ----------
    graph : rdflib.Graph or GoalModel
        A dataset from :func:`goalgraph.load` (with the ontology), or its model.

    Returns
    -------
    tuple of (list of str, list of dict)
        The header, and the rows as column → cell (an absent value is ``""``).

    Examples
    --------
    >>> import goalgraph
    >>> header, rows = statement_rows(goalgraph.load())
    >>> header[:4], len(rows)
    (['statement', 'identifier', 'type', 'level'], 30)
    >>> sm3 = next(row for row in rows if row["identifier"] == "SM3")
    >>> sm3["text_da"], sm3["translation_en"], sm3["holder_en"]
    ('Kvalitet i sagsbehandlingen', 'Quality in case handling', 'the Danish Prosecution Service')
    """
    model = _model(graph)
    table = _Columns()
    for node in sorted(model.statements, key=_order):
        statement = model.statements[node]
        holder = model.organisations.get(statement.holder) if statement.holder is not None else None
        plan = model.plans.get(statement.plan) if statement.plan is not None else None
        row: Row = {
            "statement": str(node),
            "identifier": _cell([statement.identifier]),
            "type": statement.type_name,
            "level": _cell([statement.level]),
            "holder": _cell([statement.holder]),
            "plan": _cell([statement.plan]),
            "period_start": _cell([plan.start if plan else None]),
            "period_end": _cell([plan.end if plan else None]),
            "source": _cell(s.node for s in statement.sources),
        }
        table.add(
            row,
            {
                "holder": _by_language(holder.names if holder else ()),
                "plan_title": _by_language(plan.titles if plan else ()),
                "text": _by_language(t for t in statement.texts if not t.translated),
                "translation": _by_language(t for t in statement.texts if t.translated),
            },
        )
    header = table.header(
        [
            "statement",
            "identifier",
            "type",
            "level",
            "holder",
            ("holder", _LANGUAGES),
            "plan",
            ("plan_title", _LANGUAGES),
            "period_start",
            "period_end",
            ("text", ("da",)),
            ("translation", ("en",)),
            "source",
        ]
    )
    return header, [{column: row.get(column, "") for column in header} for row in table.rows]


def alignment_rows(graph: Graph | GoalModel) -> tuple[list[str], list[Row]]:
    """The alignments table: its columns, and one row per ``gg:Alignment``.

    Parameters
    ----------
    graph : rdflib.Graph or GoalModel
        A dataset from :func:`goalgraph.load`, or its model.

    Returns
    -------
    tuple of (list of str, list of dict)
        The header, and the rows as column → cell (an absent value is ``""``).

    Examples
    --------
    >>> import goalgraph
    >>> header, rows = alignment_rows(goalgraph.load())
    >>> len(rows), sorted({row["kind"] for row in rows})
    (41, ['curated', 'stated'])
    >>> link = next(r for r in rows if r["from_identifier"] == "SM3" and r["to_identifier"] == "PA-M2")
    >>> link["strength"], link["to_en"][:30]
    ('strong', 'Together with the police, the ')
    """
    model = _model(graph)

    def identifier(node: Node | None) -> str | None:
        if not isinstance(node, IdentifiedNode):
            return None
        found = model.statements.get(node) or model.plans.get(node)
        return None if found is None else found.identifier

    table = _Columns()
    # Hindering alignments are rows too, told apart by their polarity.
    every = {**model.alignments, **model.hindrances}
    for node in sorted(every, key=_order):
        alignment = every[node]
        row: Row = {
            "alignment": str(node),
            "kind": _cell([alignment.kind]),
            "strength": _cell([alignment.strength]),
            "polarity": alignment.polarity,
            "from": _cell([alignment.start]),
            "from_identifier": _cell([identifier(alignment.start)]),
            "to": _cell([alignment.end]),
            "to_identifier": _cell([identifier(alignment.end)]),
            "asserted_by": _cell(agent.node for agent in alignment.attributed_to),
            "source": _cell(s.node for s in alignment.sources),
            "score": _number(alignment.score),
            "matched_terms": _cell(alignment.matched_terms),
        }
        table.add(
            row,
            {
                "from": _by_language(model.words(alignment.start)),
                "to": _by_language(model.words(alignment.end)),
                "rationale": _by_language(alignment.rationale),
                "evidence": _by_language(alignment.evidence),
                "asserted_by": _by_language(name for agent in alignment.attributed_to for name in agent.names),
            },
        )
    header = table.header(
        [
            "alignment",
            "kind",
            "strength",
            "polarity",
            "from",
            "from_identifier",
            ("from", _LANGUAGES),
            "to",
            "to_identifier",
            ("to", _LANGUAGES),
            ("rationale", _LANGUAGES),
            ("evidence", _LANGUAGES),
            "asserted_by",
            ("asserted_by", _LANGUAGES),
            "source",
            "score",
            "matched_terms",
        ]
    )
    return header, [{column: row.get(column, "") for column in header} for row in table.rows]


def _csv(header: list[str], rows: list[Row], *, bom: bool, delimiter: str) -> bytes:
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise GoalgraphError(f"a CSV delimiter is one character other than a quote or line break, not {delimiter!r}")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutralise(row[column]) for column in header] for row in rows)
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")


def csv_tables(graph: Graph | GoalModel, *, bom: bool = True, delimiter: str = ",") -> dict[str, bytes]:
    """The two tables as CSV files: file name → content.

    Parameters
    ----------
    graph : rdflib.Graph or GoalModel
        A dataset from :func:`goalgraph.load`, or its model.
    bom : bool
        Start each file with a UTF-8 byte order mark, for Excel.
    delimiter : str
        The field delimiter: ``","``, or ``";"`` for Excel in a Danish set-up.

    Returns
    -------
    dict of str to bytes
        ``statements.csv`` and ``alignments.csv``.

    Examples
    --------
    >>> import goalgraph
    >>> files = csv_tables(goalgraph.load())
    >>> sorted(files)
    ['alignments.csv', 'statements.csv']
    >>> files["statements.csv"][:13]
    b'\\xef\\xbb\\xbfstatement,'
    """
    model = _model(graph)
    statements, alignments = statement_rows(model), alignment_rows(model)
    return {
        name: _csv(*table, bom=bom, delimiter=delimiter)
        for name, table in zip(TABLES, (statements, alignments), strict=True)
    }


def csv_zip(graph: Graph, *, bom: bool = True, delimiter: str = ",") -> bytes:
    """The two tables as a zip archive of ``statements.csv`` and ``alignments.csv``.

    The archive's entries carry a fixed date (1980-01-01), so the same data gives
    the same bytes.

    Parameters
    ----------
    graph : rdflib.Graph
        A dataset from :func:`goalgraph.load`.
    bom, delimiter
        As for :func:`csv_tables`.

    Returns
    -------
    bytes
        The zip archive.

    Examples
    --------
    >>> import goalgraph, io, zipfile
    >>> archive = zipfile.ZipFile(io.BytesIO(csv_zip(goalgraph.load())))
    >>> archive.namelist()
    ['statements.csv', 'alignments.csv']
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in csv_tables(graph, bom=bom, delimiter=delimiter).items():
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, content)
    return out.getvalue()
