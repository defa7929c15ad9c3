"""Small goal graphs with indicators, results and hindering links, for tests with known answers.

Built on tests/analysis/builders.py (statements ``<t/X>``, organisations ``<o/o>``,
plans ``<p/p>``, alignments); adds indicators with their results per year and
hindering alignments. Everything here is synthetic: example.org sources only.
"""

from __future__ import annotations

from collections.abc import Iterable

from tests.analysis.builders import SOURCE

__all__ = ["hinder", "indicator"]

_VERDICTS = {"met": "gg:met", "partly-met": "gg:partlyMet", "not-met": "gg:notMet"}


def indicator(
    key: str,
    measures: str,
    holder: str,
    results: Iterable[tuple[int, float | None, float | None] | tuple[int, float | None, float | None, str]],
    *,
    unit: str = "%",
    direction: str | None = None,
    threshold: float | None = None,
) -> str:
    """Indicator ``<t/{key}>`` measuring ``<t/{measures}>``, a target and an actual per (year, target, actual).

    A fourth item in a result is the holder's reported verdict (``"met"``...).
    """
    lines = [
        f"<t/{key}> a gg:Indicator ;",
        f'    dcterms:identifier "{key}" ;',
        f'    gg:text "indikator {key}"@da ;',
        f"    gg:holder <o/{holder}> ;",
        f"    dcterms:source {SOURCE} ;",
        f"    gg:measures <t/{measures}> ;",
        f'    gg:unit "{unit}"',
    ]
    if direction:
        lines[-1] += " ;"
        lines.append(f"    gg:direction gg:{direction}IsBetter")
    if threshold is not None:
        lines[-1] += " ;"
        lines.append(f'    gg:threshold "{threshold}"^^xsd:decimal')
    text = "\n".join(lines) + " .\n"
    for found in results:
        year, target, actual = found[0], found[1], found[2]
        verdict = found[3] if len(found) > 3 else None  # type: ignore[misc]
        period = f'gg:resultStart "{year}-01-01"^^xsd:date ; gg:resultEnd "{year}-12-31"^^xsd:date'
        if target is not None:
            text += f"<t/{key}> gg:result <t/{key}/{year}/target> .\n"
            text += (
                f'<t/{key}/{year}/target> a gg:TargetResult ; rdf:value "{target}"^^xsd:decimal ; {period} ; '
                f"dcterms:source {SOURCE} .\n"
            )
        if actual is not None or verdict:
            text += f"<t/{key}> gg:result <t/{key}/{year}/actual> .\n"
            value = f'rdf:value "{actual}"^^xsd:decimal ; ' if actual is not None else ""
            said = f"gg:verdict {_VERDICTS[verdict]} ; " if verdict else ""
            text += f"<t/{key}/{year}/actual> a gg:ActualResult ; {value}{said}{period} ; dcterms:source {SOURCE} .\n"
    return text


def hinder(start: str, end: str, strength: str = "moderate", *, name: str | None = None) -> str:
    """A curated hindering alignment `start` → `end`, with its ``gg:hinders`` triple."""
    node = f"<a/{name or f'{start}--hinders--{end}'}>"
    return (
        f"{node} a gg:Alignment ; gg:from <t/{start}> ; gg:to <t/{end}> ; gg:kind gg:curated ;\n"
        f"    gg:polarity gg:hindering ; gg:strength gg:{strength} ;\n"
        f'    gg:rationale "{start} works against {end}"@en ; prov:wasAttributedTo <t/analyst> .\n'
        f"<t/{start}> gg:hinders <t/{end}> .\n"
    )
