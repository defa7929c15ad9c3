"""Alignment analytics: how a goal graph's statements hold together and reach the top.

The analysis works on the *alignment graph* (:func:`alignment_graph`): a
:class:`networkx.DiGraph` with statements as nodes and stated and curated alignments
as edges, built from the model of a loaded dataset (:mod:`goalgraph.model`), which
is never changed. Each algorithm lives in a module of its own and takes that graph:

- :func:`alignment_graph` builds the graph (:mod:`~goalgraph.analysis.graph`) and
  keeps the links from plans apart (:func:`plan_links`);
- :func:`top_statements` finds the top: the missions and visions of the highest
  organisations (:mod:`~goalgraph.analysis.top`);
- :func:`reach` tells, per statement, whether it reaches the top, its depth
  (:func:`depths_to_top`), its number of paths (:func:`path_counts_to_top`) and
  the strength of its best path (:func:`strongest_paths_to_top`);
- :func:`coverage` gives each mission and vision its direct and transitive supporters;
- :func:`alignment_betweenness` finds the statements that hold the structure together;
- :func:`alignment_cycles` lists statements that support themselves through others;
- :func:`clusters` finds groups of statements that no alignment joins to each other;
- :func:`orphans` lists statements below mission level that support nothing;
- :func:`organisation_scores` gives each organisation its alignment score (defined
  in :mod:`~goalgraph.analysis.scores`).

:func:`analyse` runs them all and returns an :class:`Analysis`, whose ``to_dict()``
is JSON-ready:

>>> import goalgraph
>>> from goalgraph.analysis import analyse, by_identifier
>>> result = analyse(goalgraph.load())
>>> ids = by_identifier(result.graph)
>>> sm3 = result.reach[ids["SM3"]]
>>> sm3.reaches_top, sm3.depth, sm3.strength
(True, 2, 1.0)

The package imports networkx; ``import goalgraph`` does not import it. Its public
functions pause Python's cyclic garbage collector while they run, which halves their
time on large graphs (see :mod:`goalgraph.memory`).
"""

from __future__ import annotations

from goalgraph.analysis.analyse import Analysis, analyse
from goalgraph.analysis.centrality import alignment_betweenness
from goalgraph.analysis.clusters import Cluster, clusters
from goalgraph.analysis.coverage import Coverage, coverage
from goalgraph.analysis.cycles import alignment_cycles
from goalgraph.analysis.depth import depths_to_top
from goalgraph.analysis.graph import alignment_graph, by_identifier, plan_links
from goalgraph.analysis.orphans import orphans
from goalgraph.analysis.paths import path_counts_to_top
from goalgraph.analysis.reach import Reach, reach
from goalgraph.analysis.scores import OrganisationScore, organisation_scores
from goalgraph.analysis.strength import strongest_paths_to_top
from goalgraph.analysis.top import MISSION_OR_VISION, hierarchy_parents, top_organisations, top_statements
from goalgraph.model import Organisation, PlanLink, local_name

__all__ = [
    "MISSION_OR_VISION",
    "Analysis",
    "Cluster",
    "Coverage",
    "Organisation",
    "OrganisationScore",
    "PlanLink",
    "Reach",
    "alignment_betweenness",
    "alignment_cycles",
    "alignment_graph",
    "analyse",
    "by_identifier",
    "clusters",
    "coverage",
    "depths_to_top",
    "hierarchy_parents",
    "local_name",
    "organisation_scores",
    "orphans",
    "path_counts_to_top",
    "plan_links",
    "reach",
    "strongest_paths_to_top",
    "top_organisations",
    "top_statements",
]
