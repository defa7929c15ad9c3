/*
 * goalgraph explorer, reach.js: what a chosen statement lights up, and its paths to the
 * top. Which statements reach the top at all is computed in Python
 * (goalgraph.analysis.depth, by way of the page's data, "reachesTop"); what is left
 * here depends on the statement chosen, so it is worked out when one is. Suggested
 * alignments are not accepted until someone curates them: no path uses them.
 * Pure: no page, no state.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py).
 */
'use strict';

/** The paths shown for a statement, and the steps of the search for them before it gives up. */
var PATH_LIMIT = 6;
var PATH_SEARCH_LIMIT = 5000;

/**
 * The statements and alignments as a graph: out[i] and into[i] are the positions of
 * the alignments from and to statement i, reaches[i] is 1 if i reaches the top.
 *
 * statements: [{top}]; alignments: [{from, to, kind, weight}]; reachesTop: positions.
 */
function alignmentGraph(statements, alignments, reachesTop) {
  var out = statements.map(function () { return []; });
  var into = statements.map(function () { return []; });
  alignments.forEach(function (a, j) {
    out[a.from].push(j);
    into[a.to].push(j);
  });
  var reaches = new Uint8Array(statements.length);
  reachesTop.forEach(function (i) { reaches[i] = 1; });
  return { statements: statements, alignments: alignments, out: out, into: into, reaches: reaches };
}

function accepted(alignment) {
  return alignment.kind !== 'suggested';
}

/**
 * What lights up when statement i is chosen: the statements and alignments on its
 * paths to the top, or, if it reaches no top, everything it reaches.
 * Returns {nodes: Set of statement positions, links: Set of alignment positions}.
 */
function pathsUp(graph, i) {
  var alignments = graph.alignments;
  var reaches = graph.reaches;
  var reached = new Set([i]);
  var queue = [i];
  while (queue.length) {
    var x = queue.pop();
    graph.out[x].forEach(function (j) {
      var y = alignments[j].to;
      if (accepted(alignments[j]) && !reached.has(y)) {
        reached.add(y);
        queue.push(y);
      }
    });
  }
  var toTop = reaches[i] === 1;
  var nodes = new Set();
  reached.forEach(function (y) {
    if (!toTop || reaches[y] || y === i) nodes.add(y);
  });
  var links = new Set();
  alignments.forEach(function (a, j) {
    if (accepted(a) && nodes.has(a.from) && nodes.has(a.to) && (!toTop || reaches[a.to])) links.add(j);
  });
  return { nodes: nodes, links: links };
}

/**
 * Up to limit (PATH_LIMIT) paths from statement i to the top, the strongest first (the
 * product of the alignments' weights), then the shortest. A path ends at the first top
 * statement it meets and never visits a statement twice. The search stops after
 * searchLimit (PATH_SEARCH_LIMIT) steps, so a dense graph cannot hang the page.
 * Returns {paths: [{links, strength}], total: paths found, more: whether there are more than shown}.
 */
function listPaths(graph, i, limit, searchLimit) {
  var shown = limit === undefined ? PATH_LIMIT : limit;
  var steps = searchLimit === undefined ? PATH_SEARCH_LIMIT : searchLimit;
  var alignments = graph.alignments;
  var complete = [];
  var more = false;
  function walk(x, links, strength, seen) {
    if (--steps < 0) {
      more = true;
      return;
    }
    if (graph.statements[x].top && links.length) {
      complete.push({ links: links.slice(), strength: strength });
      return;
    }
    graph.out[x].forEach(function (j) {
      var y = alignments[j].to;
      if (accepted(alignments[j]) && graph.reaches[y] && !seen.has(y)) {
        seen.add(y);
        links.push(j);
        walk(y, links, strength * alignments[j].weight, seen);
        links.pop();
        seen.delete(y);
      }
    });
  }
  if (!graph.statements[i].top) walk(i, [], 1, new Set([i]));
  complete.sort(function (a, b) {
    return b.strength - a.strength || a.links.length - b.links.length;
  });
  return { paths: complete.slice(0, shown), total: complete.length, more: more || complete.length > shown };
}

if (typeof module !== 'undefined') {
  module.exports = { PATH_LIMIT: PATH_LIMIT, alignmentGraph: alignmentGraph, pathsUp: pathsUp, listPaths: listPaths };
}
