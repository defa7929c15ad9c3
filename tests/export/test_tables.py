"""CSV for spreadsheets: two tables, zipped or in a folder, UTF-8 with a BOM for Excel, no formulas."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest

import goalgraph
from goalgraph.errors import GoalgraphError
from goalgraph.export import export, write_export
from goalgraph.export.formats import FormatError
from goalgraph.export.tables import SEPARATOR, cell_text, csv_tables
from goalgraph.loading import GoalDataset

from ..conftest import FIXTURES


def _read(content: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def _tables(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def test_a_zip_of_two_tables_with_every_statement_and_alignment(bundled: GoalDataset) -> None:
    tables = _tables(export(bundled, "csv"))
    assert list(tables) == ["statements.csv", "alignments.csv"]
    statements, alignments = _read(tables["statements.csv"]), _read(tables["alignments.csv"])
    counts = goalgraph.stats(bundled)
    assert len(statements) == sum(counts["statements"].values()) == 30
    assert len(alignments) == sum(counts["alignments"].values()) == 41
    assert {row["kind"] for row in alignments} == {"curated", "stated"}
    sm3 = next(row for row in statements if row["identifier"] == "SM3")
    assert sm3["type"] == "StrategicMarker"
    assert sm3["level"] == "2"
    assert sm3["holder_da"] == "Anklagemyndigheden"
    assert sm3["plan_title_da"] == "Anklagemyndighedens virksomhedsstrategi for 2019"
    assert (sm3["period_start"], sm3["period_end"]) == ("2019-01-01", "2019-12-31")
    assert sm3["source"] == "https://anklagemyndigheden.dk/da/vores-maal"
    stated = next(row for row in alignments if row["kind"] == "stated")
    assert stated["from_da"] == "Anklagemyndighedens virksomhedsstrategi for 2019"  # a plan's title
    assert stated["evidence_da"]
    assert not stated["strength"]


def test_hindering_alignments_are_rows_with_their_polarity() -> None:
    # Synthetic: one influence per ArchiMate modifier, six of them negative (hindering).
    influences = goalgraph.load([FIXTURES / "archimate" / "influences.xml"], bundled=False)
    alignments = _read(csv_tables(influences)["alignments.csv"])
    assert len(alignments) == 11
    assert Counter(row["polarity"] for row in alignments) == Counter({"hindering": 6, "supporting": 5})
    hindering = {
        row["alignment"].rpartition("/")[2]: row["strength"] for row in alignments if row["polarity"] == "hindering"
    }
    # --, -8: strong; -, -5: moderate; -2 and a "-" whose strength property says weak: weak.
    assert hindering == {
        "id-r4": "strong",
        "id-r9": "strong",
        "id-r3": "moderate",
        "id-r10": "moderate",
        "id-r11": "weak",
        "id-r12": "weak",
    }
    header = list(alignments[0])
    assert header.index("polarity") == header.index("strength") + 1


def test_excel_reads_utf8_with_a_bom_and_danish_round_trips(bundled: GoalDataset) -> None:
    tables = _tables(export(bundled, "csv"))
    assert all(content.startswith(b"\xef\xbb\xbf") for content in tables.values())
    assert b"\r\n" in tables["statements.csv"]
    texts = {row["text_da"] for row in _read(tables["statements.csv"])}
    assert "Kultur og værdier" in texts
    assert not _tables(export(bundled, "csv", bom=False))["statements.csv"].startswith(b"\xef\xbb\xbf")


def test_commas_quotes_and_line_breaks_survive(awkward: GoalDataset) -> None:
    tables = _tables(export(awkward, "csv"))
    statements, alignments = _read(tables["statements.csv"]), _read(tables["alignments.csv"])
    row = next(r for r in statements if r["identifier"] == "T-1")
    assert row["text_da"] == 'Første linje, med "citat"\nanden linje; æøå'
    assert row["translation_en"] == 'First line, with "quote"\nsecond line'
    assert row["translation_de"] == "Erste Zeile, mit „Zitat“"  # another language gets its column
    link = next(r for r in alignments if r["alignment"].endswith("/test/alignment/awkward"))
    assert link["rationale_da"] == 'tryghed, "sikkerhed"\nog ro'
    assert link["from_en"] == 'First line, with "quote"\nsecond line'
    suggested = next(r for r in alignments if r["kind"] == "suggested")
    assert suggested["score"] == "0.42"
    assert sorted(suggested["matched_terms"].split(SEPARATOR)) == ["sikker", "tryghed"]


def test_a_danish_excel_delimiter(bundled: GoalDataset) -> None:
    tables = csv_tables(bundled, delimiter=";")
    assert len(_read(tables["alignments.csv"], delimiter=";")) == sum(goalgraph.stats(bundled)["alignments"].values())
    with pytest.raises(GoalgraphError, match="delimiter"):
        csv_tables(bundled, delimiter='"')


def test_a_folder_gets_two_files(bundled: GoalDataset, tmp_path: Path) -> None:
    assert write_export(bundled, "csv", tmp_path) == tmp_path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alignments.csv", "statements.csv"]
    assert len(_read((tmp_path / "statements.csv").read_bytes())) == sum(
        goalgraph.stats(bundled)["statements"].values()
    )
    archive = write_export(bundled, "csv", tmp_path / "tables.zip")
    assert zipfile.is_zipfile(archive)
    with pytest.raises(FormatError, match="takes bom, delimiter, not include_ontology"):
        write_export(bundled, "csv", tmp_path, include_ontology=False)


def test_the_same_data_gives_the_same_zip(bundled: GoalDataset) -> None:
    assert export(bundled, "csv") == export(bundled, "csv")


# Texts a spreadsheet would run as formulas, and two it would not, by identifier.
FORMULAS = {
    "hyperlink": '=HYPERLINK("http://127.0.0.1:1/x","click")',
    "plus": "+1",
    "minus": "-2",
    "at": "@SUM(A1)",
    "tab": "\tx",
    "return": "\rx",
    "nul": "\0x",
}
HARMLESS = {
    "negative": "-10 % færre sager med lang sagsbehandlingstid",  # a plain text that starts with a minus
    "quoted": "'Tryghed' først",  # starts with the mark itself, and must read back with it
    "plain": "Kvalitet i sagsbehandlingen = kvalitet",
}
_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


@pytest.fixture(scope="module")
def formulas(tmp_path_factory: pytest.TempPathFactory) -> GoalDataset:
    """Statements whose texts, and an alignment whose rationale, look like formulas."""
    lines = ["@prefix gg: <https://w3id.org/goalgraph/ontology#> .", "@prefix dcterms: <http://purl.org/dc/terms/> ."]
    for key, text in {**FORMULAS, **HARMLESS}.items():
        lines.append(
            f"<https://example.org/{key}> a gg:Purpose ; dcterms:identifier {json.dumps(key)} ; "
            f"gg:text {json.dumps(text)}@da ; gg:translation {json.dumps(text)}@en ."
        )
    rationale = json.dumps(FORMULAS["hyperlink"])
    lines.append(
        "<https://example.org/link> a gg:Alignment ; gg:from <https://example.org/plus> ; "
        f"gg:to <https://example.org/plain> ; gg:kind gg:curated ; gg:rationale {rationale}@en ."
    )
    path = tmp_path_factory.mktemp("formulas") / "formulas.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return goalgraph.load([path], bundled=False)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_no_cell_starts_a_formula_and_every_text_reads_back(formulas: GoalDataset, delimiter: str) -> None:
    tables = csv_tables(formulas, delimiter=delimiter)
    statements = _read(tables["statements.csv"], delimiter)
    for table in tables.values():
        for row in _read(table, delimiter):
            for column, cell in row.items():
                assert not cell.startswith(_STARTS), (column, cell)
    by_key = {cell_text(row["identifier"]): row for row in statements}
    assert set(by_key) == set(FORMULAS) | set(HARMLESS)
    for key, text in {**FORMULAS, **HARMLESS}.items():
        row = by_key[key]
        assert cell_text(row["text_da"]) == cell_text(row["translation_en"]) == text, key
    for key, text in FORMULAS.items():
        assert by_key[key]["text_da"] == "'" + text  # OWASP's neutralising: one quote before it
    assert by_key["quoted"]["text_da"] == "''Tryghed' først"
    assert by_key["plain"]["text_da"] == HARMLESS["plain"]
    (link,) = _read(tables["alignments.csv"], delimiter)
    assert link["rationale_en"] == "'" + FORMULAS["hyperlink"]
    assert cell_text(link["rationale_en"]) == FORMULAS["hyperlink"]
    assert link["from"] == "https://example.org/plus"


def test_the_zip_is_neutralised_too(formulas: GoalDataset) -> None:
    statements = _read(_tables(export(formulas, "csv"))["statements.csv"])
    texts = {cell_text(row["text_da"]) for row in statements}
    assert FORMULAS["hyperlink"] in texts
    assert not any(row["text_da"].startswith(_STARTS) for row in statements)
