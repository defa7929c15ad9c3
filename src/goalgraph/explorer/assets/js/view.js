/*
 * goalgraph explorer, view.js: what the graph shows for a state of the page. From the
 * page's data (the model) and the state (language, filters, search, selection, which
 * organisations are folded out), viewOf() works out every node and link vis-network
 * should hold, with the attributes that change; main.js hands them to vis-network.
 * Pure: no page, and the state is only read.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py); it uses
 * i18n.js, fold.js and reach.js, which come before it.
 */
/* global pickIn, numberIn, fold, searchTexts, searchIn, alignmentGraph, pathsUp */
'use strict';

/**
 * The page's data, with what the view needs worked out once: the alignment graph, the
 * folded texts search looks in, each organisation's statements and its first row.
 * The data leaves out what is empty or unset; it is put back here, so the code can
 * tell "none" from a value without guarding every read.
 */
function viewModel(data) {
  var statements = data.statements;
  var alignments = data.alignments;
  statements.forEach(function (s) {
    s.identifier = s.identifier || null;
    s.labels = s.labels || {};
    s.holder = s.holder === undefined ? null : s.holder;
    s.plan = s.plan === undefined ? null : s.plan;
    s.sources = s.sources || [];
    s.groups = s.groups || [];
  });
  alignments.forEach(function (a) {
    a.strength = a.strength || null;
    a.rationale = a.rationale || {};
    a.evidence = a.evidence || {};
    a.by = a.by || {};
  });
  var byOrganisation = data.organisations.map(function () { return []; });
  statements.forEach(function (s, i) {
    if (s.holder !== null) byOrganisation[s.holder].push(i);
  });
  var dimmed = data.styles.dimmed;
  return {
    data: data,
    statements: statements,
    alignments: alignments,
    organisations: data.organisations,
    // Which statements reach the top comes with the data, computed in Python.
    graph: alignmentGraph(statements, alignments, data.reachesTop),
    searchTexts: searchTexts(statements),
    byOrganisation: byOrganisation,
    topRowOf: byOrganisation.map(function (members) {
      return members.reduce(function (row, i) { return Math.min(row, statements[i].row); }, Infinity);
    }),
    collapsible: data.collapsed,
    baseNodes: data.network.nodes,
    baseOrganisationNodes: data.network.organisationNodes,
    baseEdges: data.network.edges,
    groupLooks: data.network.options.groups,
    ink: data.styles.ink,
    pathColour: data.styles.path,
    dimmed: dimmed,
    dimmedColour: {
      background: dimmed.background,
      border: dimmed.border,
      highlight: { background: dimmed.background, border: dimmed.border }
    }
  };
}

/** The colours of a node group (an organisation's, or that of statements without one). */
function groupLook(model, group) {
  return (model.groupLooks[group] || model.groupLooks['org-none']).color;
}

/** The id of organisation k's node, when its statements are folded into it. */
function organisationId(k) {
  return 'org-' + k;
}

/** Whether statement i is shown folded into its organisation's node. */
function isFolded(model, state, i) {
  var holder = model.statements[i].holder;
  return model.collapsible && holder !== null && !state.expanded.has(holder);
}

function nodeOf(model, state, i) {
  return isFolded(model, state, i) ? organisationId(model.statements[i].holder) : i;
}

/** Whether statement i passes the filters (its holder, its plan, its type). */
function passesStatement(model, state, i) {
  var s = model.statements[i];
  if (state.organisation !== '' && String(s.holder) !== state.organisation) return false;
  if (state.plan === 'none' ? s.plan !== null : state.plan !== '' && String(s.plan) !== state.plan) return false;
  return state.types.has(s.type);
}

/** Whether alignment j passes the filters: its kind, and both its ends (passing[i] is 1 for a statement that passes). */
function passesAlignment(model, state, j, passing) {
  var a = model.alignments[j];
  return state.kinds.has(a.kind) && passing[a.from] === 1 && passing[a.to] === 1;
}

/** The statements matching the search query, by position. */
function searchFor(model, query) {
  return searchIn(model.searchTexts, query);
}

/**
 * What is lit: the paths to the top of the selected statement, else what the search
 * finds; null when nothing is (then nothing is dimmed either).
 */
function litOf(model, state) {
  if (state.selected !== null) return pathsUp(model.graph, state.selected);
  if (fold(state.query)) return { nodes: new Set(searchFor(model, state.query)), links: new Set() };
  return null;
}

/**
 * The whole view for the state: every node and link vis-network should hold, with the
 * attributes that change (label, level, hidden, colours). Also what the layout needs:
 * orders (each node's organisation, in the nodes' order, to keep them together) and
 * layoutLinks (the links between the nodes shown, as [from, to] ids).
 */
function viewOf(model, state) {
  var statements = model.statements;
  var alignments = model.alignments;
  var organisations = model.organisations;
  var ink = model.ink;
  var dimmed = model.dimmed;
  var passing = new Uint8Array(statements.length);
  for (var i = 0; i < statements.length; i++) passing[i] = passesStatement(model, state, i) ? 1 : 0;
  var passingLinks = new Uint8Array(alignments.length);
  for (var j = 0; j < alignments.length; j++) passingLinks[j] = passesAlignment(model, state, j, passing) ? 1 : 0;
  var lit = litOf(model, state);

  // Rows: in a collapsed graph each depth of the organisation hierarchy gets a band
  // of rows, so the folded organisations read as their hierarchy.
  var keys = [];
  var orders = [];
  var nodes = [];
  var organisationsShown = new Map();
  for (i = 0; i < statements.length; i++) {
    var holder = statements[i].holder;
    if (isFolded(model, state, i)) {
      var entry = organisationsShown.get(holder);
      if (!entry) organisationsShown.set(holder, (entry = { shown: 0, lit: false }));
      if (passing[i]) entry.shown += 1;
      if (lit && lit.nodes.has(i)) entry.lit = true;
      continue;
    }
    var base = model.baseNodes[i];
    var look = !lit ? 'normal' : i === state.selected ? 'selected' : lit.nodes.has(i) ? 'lit' : 'dimmed';
    var colour = look === 'dimmed' ? model.dimmedColour : groupLook(model, base.group);
    if (look === 'selected') {
      colour = {
        background: colour.background,
        border: ink,
        highlight: { background: colour.background, border: ink }
      };
    }
    var depth = model.collapsible && holder !== null ? organisations[holder].depth : 0;
    orders.push(holder === null ? organisations.length : holder);
    nodes.push({
      id: i,
      label: statements[i].short[state.lang] || statements[i].short.da || base.label,
      hidden: !passing[i],
      color: colour,
      font: { color: look === 'dimmed' ? dimmed.font : ink },
      borderWidth: look === 'selected' ? 4 : 1.5,
      level: [depth, statements[i].row]
    });
  }
  organisationsShown.forEach(function (entry, k) {
    var base = model.baseOrganisationNodes[k];
    var dim = lit !== null && !entry.lit;
    orders.push(k);
    nodes.push({
      id: organisationId(k),
      label: pickIn(state.lang, organisations[k].short) + '\n(' + numberIn(state.lang, entry.shown) + ')',
      hidden: entry.shown === 0,
      color: dim ? model.dimmedColour : base.color,
      font: { color: dim ? dimmed.font : ink },
      level: [organisations[k].depth, model.topRowOf[k]]
    });
  });
  nodes.forEach(function (node) {
    keys.push(node.level[0] * 1000 + node.level[1]);
  });
  var distinct = Array.from(new Set(keys)).sort(function (a, b) { return a - b; });
  var rank = new Map(distinct.map(function (key, r) { return [key, r]; }));
  nodes.forEach(function (node, n) {
    node.level = rank.get(keys[n]);
  });

  // Links: between two statements as themselves; otherwise one link per pair of
  // nodes, for all the alignments between the folded organisations.
  var edges = [];
  var layoutLinks = [];
  var bundles = new Map();
  for (j = 0; j < alignments.length; j++) {
    var a = alignments[j];
    var from = nodeOf(model, state, a.from);
    var to = nodeOf(model, state, a.to);
    var litLink = lit !== null && lit.links.has(j);
    if (from !== to) layoutLinks.push([from, to]);
    if (typeof from === 'number' && typeof to === 'number') {
      var style = model.baseEdges[j];
      edges.push({
        id: j,
        hidden: !passingLinks[j],
        width: litLink ? style.width + 1.5 : style.width,
        color: litLink
          ? { color: model.pathColour, opacity: 1, inherit: false }
          : lit
            ? { color: dimmed.edge, opacity: 1, inherit: false }
            : style.color
      });
      continue;
    }
    if (from === to) continue;
    var id = 'agg:' + from + '>' + to;
    var bundle = bundles.get(id);
    if (!bundle) {
      bundle = { id: id, from: from, to: to, count: 0, shown: 0, lit: false, suggested: true };
      bundles.set(id, bundle);
    }
    bundle.count += 1;
    if (passingLinks[j]) bundle.shown += 1;
    if (litLink) bundle.lit = true;
    if (a.kind !== 'suggested') bundle.suggested = false;
  }
  bundles.forEach(function (bundle) {
    edges.push({
      id: bundle.id,
      from: bundle.from,
      to: bundle.to,
      arrows: 'to',
      hidden: bundle.shown === 0,
      width: Math.min(1 + Math.log2(bundle.count), 6) + (bundle.lit ? 1.5 : 0),
      dashes: bundle.suggested ? [6, 5] : false,
      color: bundle.lit
        ? { color: model.pathColour, opacity: 1, inherit: false }
        : lit
          ? { color: dimmed.edge, opacity: 1, inherit: false }
          : { color: '#52606d', opacity: 0.55, inherit: false }
    });
  });
  return { nodes: nodes, edges: edges, passing: passing, passingLinks: passingLinks, orders: orders, layoutLinks: layoutLinks };
}

if (typeof module !== 'undefined') {
  module.exports = {
    viewModel: viewModel,
    groupLook: groupLook,
    organisationId: organisationId,
    isFolded: isFolded,
    passesStatement: passesStatement,
    passesAlignment: passesAlignment,
    searchFor: searchFor,
    litOf: litOf,
    viewOf: viewOf
  };
}
