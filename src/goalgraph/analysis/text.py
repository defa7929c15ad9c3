"""The analysis as text, for the command line."""

from __future__ import annotations

from typing import Any

from goalgraph.achievement.text import conflicts_text
from goalgraph.analysis.analyse import Analysis
from goalgraph.model import by_language

__all__ = ["analysis_text"]


def analysis_text(result: Analysis, lang: str = "da", central: int = 5) -> str:
    """`result` for reading in a terminal: the top, scores, gaps, orphans, cycles, clusters.

    Parameters
    ----------
    result : Analysis
    lang : {"da", "en"}
        The language of texts and names.
    central : int
        How many of the most central statements to list.

    Examples
    --------
    >>> import goalgraph
    >>> print(analysis_text(goalgraph.analyse(goalgraph.load())).splitlines()[0])
    Top: 5 statements of Justitsministeriets koncern
    """
    nodes = result.graph.nodes

    def name(statement: Any) -> str:
        data = nodes[statement]
        labels = data.get("labels", {})
        text = labels.get(lang) or labels.get("da") or labels.get("en") or str(statement)
        return f"{data['identifier']}  {text}" if data.get("identifier") else text

    def holder(organisation: Any) -> str:
        found = result.graph.graph.get("organisations", {}).get(organisation)
        labels = by_language(found.names) if found else {}
        return str(labels.get(lang) or labels.get("da") or labels.get("en") or organisation)

    def section(title: str, lines: list[str], empty: str) -> list[str]:
        return ["", title, *(f"  {line}" for line in lines)] if lines else ["", f"{title}: {empty}"]

    out = [f"Top: {len(result.top)} statements of {', '.join(sorted(map(holder, result.top_organisations)))}"]
    out += [f"  {name(s)}" for s in sorted(result.top, key=lambda s: name(s))]
    scores = sorted(result.scores.values(), key=lambda s: (s.score is None, -(s.score or 0), holder(s.organisation)))
    score_lines = [
        f"{holder(s.organisation):<36} {s.score:5.2f}   {s.reaching} of {s.scored} reach the top"
        for s in scores
        if s.score is not None
    ]
    out += section("Alignment scores (mean strength of the best path to the top)", score_lines, "none")
    out += section("Gaps: missions and visions that nothing supports", [name(s) for s in result.gaps], "none")
    out += section("Orphans: statements that support nothing", [name(s) for s in result.orphans], "none")
    cycles = [" → ".join(nodes[s].get("identifier") or str(s) for s in (*cycle, cycle[0])) for cycle in result.cycles]
    out += section("Cycles", cycles, "none")
    if result.conflicts:
        model = result.graph.graph["model"]
        out += section("Conflicts: links that pull both ways", conflicts_text(model, result.conflicts, lang), "none")
    else:
        out += ["", "Conflicts: none"]
    sizes = ", ".join(str(len(c.statements)) for c in result.clusters)
    out += ["", f"Clusters: {len(result.clusters)} ({sizes} statements)"]
    ranked = [f"{value:5.3f}  {name(s)}" for s, value in result.most_central(central) if value > 0]
    out += section("Most central statements (alignment-weighted betweenness)", ranked, "none")
    return "\n".join(out)
