/*
 * goalgraph explorer, view.js: what the graph shows for a state of the page. From the
 * page's data (the model) and the state (language, filters, search, selection, which
 * organisations are opened in a large graph), viewOf() works out every node and link
 * vis-network should hold, with the attributes that change; main.js hands them to
 * vis-network. Pure: no page, and the state is only read (the model keeps what it
 * works out on demand: labels, nodes, the search index).
 *
 * Hindering links (gg:polarity gg:hindering) are kept apart from the alignments, so no
 * path to the top follows them: each is drawn red with a bar at its end, as itself
 * between two statements shown as themselves, and between folded boxes as one
 * hindering link per pair with its count, apart from the supporting links' bundle (a
 * conflict should not hide in a count of support). With state.byStatus, statements are
 * filled by their status (status.js) and their labels start with its marker.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py); it uses
 * i18n.js, fold.js, reach.js, drill.js and status.js, which come before it.
 */
/* global pickIn, numberIn, wordIn, fold, searchTexts, searchIn, alignmentGraph, pathsUp */
/* global decodeCompact, shortLabel, organisationTree, drillView, shareBar */
/* global decodeAchievement, statusLook, markedLabel */
'use strict';

/**
 * The page's data, with what the view needs worked out once: the alignment graph, each
 * organisation's statements, and, for a large graph, the organisation
 * tree it is drilled down by (drill.js). The data leaves out what is empty or unset;
 * it is put back here, so the code can tell "none" from a value without guarding
 * every read. A large graph's page carries its statements as compact columns, which
 * are decoded first.
 */
function viewModel(data) {
  if (data.compact) decodeCompact(data);
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
  var hindrances = data.hindrances || [];
  alignments.concat(hindrances).forEach(function (a) {
    a.strength = a.strength || null;
    a.rationale = a.rationale || {};
    a.evidence = a.evidence || {};
    a.by = a.by || {};
  });
  // Each statement's hindering links out and in, by their positions in hindrances.
  var hindersOut = statements.map(function () { return []; });
  var hindersIn = statements.map(function () { return []; });
  hindrances.forEach(function (h, j) {
    hindersOut[h.from].push(j);
    hindersIn[h.to].push(j);
  });
  var byOrganisation = data.organisations.map(function () { return []; });
  statements.forEach(function (s, i) {
    if (s.holder !== null) byOrganisation[s.holder].push(i);
  });
  var dimmed = data.styles.dimmed;
  // Which statements reach the top comes with the data, computed in Python.
  var graph = alignmentGraph(statements, alignments, data.reachesTop);
  return {
    data: data,
    statements: statements,
    alignments: alignments,
    hindrances: hindrances,
    hindersOut: hindersOut,
    hindersIn: hindersIn,
    achievement: decodeAchievement(data.achievement, statements.length),
    statusColours: data.styles.status || {},
    baseHindering: data.network.hindering || [],
    hinderingLooks: data.styles.hindering || {},
    organisations: data.organisations,
    graph: graph,
    // Folded texts for search: made at the first search (searchIndex), not at load.
    searchTexts: null,
    byOrganisation: byOrganisation,
    collapsible: data.collapsed,
    tree: data.collapsed ? organisationTree(data.organisations, statements, graph.reaches) : null,
    baseNodes: data.network.nodes,
    madeNodes: [],
    baseOrganisationNodes: data.network.organisationNodes,
    baseEdges: data.network.edges,
    linkStyles: data.styles.links,
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

/** Statement i's label on the graph in lang: pyvis's for a small graph, else cut here (and kept). */
function labelOf(model, i, lang) {
  var s = model.statements[i];
  if (!s.short) s.short = {};
  if (!s.short[lang]) {
    var text = pickIn(lang, s.labels) || s.identifier || s.iri.slice(s.iri.lastIndexOf('/') + 1);
    s.short[lang] = shortLabel(text);
  }
  return s.short[lang];
}

/** Statement i's node as vis-network first gets it: pyvis's for a small graph, else made here as pyvis would. */
function baseNodeOf(model, i) {
  if (!model.collapsible) return model.baseNodes[i];
  if (model.madeNodes[i]) return model.madeNodes[i];
  var s = model.statements[i];
  var type = model.data.types[s.type];
  var sizes = model.data.network.sizes;
  var node = {
    id: i,
    label: labelOf(model, i, model.data.language),
    shape: type.shape,
    group: s.holder === null ? 'org-none' : organisationId(s.holder),
    level: s.row,
    size: s.top ? sizes.top : s.joint ? sizes.joint : sizes.other
  };
  if (type.dashed) node.shapeProperties = { borderDashes: model.data.network.dashes };
  model.madeNodes[i] = node;
  return node;
}

/** The style of a link of kind and strength: its entry in the legend's link styles, and its rank there (0 strongest). */
function linkStyleOf(model, kind, strength) {
  var styles = model.linkStyles;
  var wanted = kind === 'stated' || kind === 'suggested' ? [kind, null] : ['curated', strength || 'moderate'];
  for (var k = 0; k < styles.length; k++) {
    if (styles[k].kind === wanted[0] && (styles[k].strength || null) === wanted[1]) return { style: styles[k], rank: k };
  }
  // An unknown kind or strength is drawn as a moderate curated link, as in Python (styles.edge_style).
  return linkStyleOf(model, 'curated', 'moderate');
}

/** Alignment j's link as vis-network first gets it: pyvis's for a small graph, else made here. */
function baseEdgeOf(model, j) {
  if (!model.collapsible) return model.baseEdges[j];
  var a = model.alignments[j];
  var style = linkStyleOf(model, a.kind, a.strength).style;
  return {
    id: j,
    from: a.from,
    to: a.to,
    arrows: 'to',
    width: style.width,
    color: { color: style.color.color, opacity: style.color.opacity, inherit: false },
    dashes: style.dashes
  };
}

/** Hindering link j as vis-network first gets it: pyvis's for a small graph, else made here from its look. */
function baseHinderingEdgeOf(model, j) {
  if (!model.collapsible && model.baseHindering[j]) return model.baseHindering[j];
  var h = model.hindrances[j];
  var look = model.hinderingLooks[h.kind + '|' + (h.strength || '')] || hinderingLook(model);
  return Object.assign({ id: hinderingId(j), from: h.from, to: h.to }, look);
}

/** The id of hindering link j on the graph. */
function hinderingId(j) {
  return 'h-' + j;
}

/** The look of a hindering link when its own kind and strength have none: the first there is, else a plain red bar. */
function hinderingLook(model) {
  var keys = Object.keys(model.hinderingLooks).sort();
  if (keys.length) return model.hinderingLooks[keys[0]];
  return {
    width: 2,
    color: { color: '#c0392b', opacity: 0.75, inherit: false },
    dashes: false,
    arrows: { to: { enabled: true, type: 'bar', scaleFactor: 0.9 } }
  };
}

/** Whether hindering link j passes the filters: hindering links shown, its kind, and both its ends. */
function passesHindrance(model, state, j, passing) {
  var h = model.hindrances[j];
  return state.hindering !== false && state.kinds.has(h.kind) && passing[h.from] === 1 && passing[h.to] === 1;
}

/**
 * Fold the texts of the next count statements for search (the page does this a slice
 * at a time once it is drawn, so a large graph's index is ready without a pause);
 * true when every statement's are done.
 */
function warmSearchIndex(model, count) {
  if (model.searchTexts !== null) return true;
  var done = model.searchPart || (model.searchPart = []);
  var end = Math.min(done.length + count, model.statements.length);
  searchTexts(model.statements.slice(done.length, end)).forEach(function (text) { done.push(text); });
  if (done.length < model.statements.length) return false;
  model.searchTexts = done;
  model.searchPart = null;
  return true;
}

/** The folded texts search looks in: what warmSearchIndex has not done yet is done now. */
function searchIndex(model) {
  warmSearchIndex(model, Infinity);
  return model.searchTexts;
}

/** What the organisation tree shows for the state (drillView in drill.js); null for a small graph. */
function drillOf(model, state) {
  if (!model.collapsible) return null;
  return drillView(model.tree, state.expanded, state.shownChildren || new Map());
}

/** Whether statement i is shown folded into a box (its organisation's or one above it). */
function isFolded(model, state, i, drill) {
  var holder = model.statements[i].holder;
  if (!model.collapsible || holder === null) return false;
  var at = (drill || drillOf(model, state)).at;
  return at[holder] !== null;
}

function nodeOf(model, drill, i) {
  var holder = model.statements[i].holder;
  if (drill === null || holder === null || drill.at[holder] === null) return i;
  return drill.at[holder];
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
  return searchIn(searchIndex(model), query);
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

/** The rank of a link's style (0 the strongest: stated, then curated by strength, then suggested), kept per kind. */
function linkRank(model, kind, strength) {
  if (!model.linkRanks) model.linkRanks = new Map();
  var key = kind + '|' + strength;
  var rank = model.linkRanks.get(key);
  if (rank === undefined) {
    rank = linkStyleOf(model, kind, strength).rank;
    model.linkRanks.set(key, rank);
  }
  return rank;
}

/**
 * The label of a box on the graph: a name; the statements in it and the share of them
 * that reaches the top; that share as a bar (on a line of its own: the canvas measures
 * its cells narrower than some fonts draw them).
 */
function boxLabel(lang, name, count, reaching) {
  var share = count > 0 ? Math.round((100 * reaching) / count) : 0;
  return name + '\n' + numberIn(lang, count) + ' · ' + share + ' %\n' + shareBar(reaching, count);
}

/**
 * The hindering links of the view, added to edges (and their ends to layoutLinks): each
 * as itself between two statements, one per pair of boxes otherwise (id 'hagg:from|to',
 * with its count), a bar at each end it hinders. Dimmed when something is lit (a path to
 * the top never goes through one), except the selected statement's own.
 */
function hinderingEdges(model, state, drill, lit, passing, edges, layoutLinks) {
  var dimmedLine = { color: model.dimmed.edge, opacity: 1, inherit: false };
  var bundles = new Map();
  model.hindrances.forEach(function (h, j) {
    var from = nodeOf(model, drill, h.from);
    var to = nodeOf(model, drill, h.to);
    var shown = passesHindrance(model, state, j, passing);
    if (from === to) return;
    layoutLinks.push([from, to]);
    if (typeof from === 'number' && typeof to === 'number') {
      var base = baseHinderingEdgeOf(model, j);
      // The selected statement's own hindering links keep their red; the rest dim with everything else.
      var own = state.selected === h.from || state.selected === h.to;
      edges.push({ id: hinderingId(j), hidden: !shown, color: lit && !own ? dimmedLine : base.color });
      return;
    }
    var key = String(from) < String(to) ? from + '|' + to : to + '|' + from;
    var bundle = bundles.get(key);
    if (!bundle) bundles.set(key, (bundle = { id: 'hagg:' + key, from: from, to: to, shown: 0, back: false }));
    if (from !== bundle.from) bundle.back = true;
    if (shown) bundle.shown += 1;
  });
  var look = hinderingLook(model);
  bundles.forEach(function (bundle) {
    edges.push({
      id: bundle.id,
      from: bundle.from,
      to: bundle.to,
      arrows: {
        to: { enabled: true, type: 'bar', scaleFactor: 0.9 },
        from: { enabled: bundle.back, type: 'bar', scaleFactor: 0.9 }
      },
      hidden: bundle.shown === 0,
      label: numberIn(state.lang, bundle.shown),
      font: { size: 11, color: lit ? model.dimmed.font : look.color.color, strokeWidth: 0, background: '#ffffff' },
      width: Math.min(1 + Math.log2(Math.max(bundle.shown, 1)), 6),
      dashes: [2, 3],
      // Drawn apart from the supporting bundle between the same boxes: curved the other way.
      smooth: { enabled: true, type: 'curvedCCW', roundness: 0.25 },
      color: lit ? dimmedLine : look.color
    });
  });
}

/**
 * The whole view for the state: every node and link vis-network should hold, with the
 * attributes that change (label, level, hidden, colours). Also what the layout needs:
 * orders (each node's organisation, in the nodes' order, to keep them together) and
 * layoutLinks (the links between the nodes shown, as [from, to] ids); and, for a large
 * graph, drill (what drillView says is on screen).
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
  var drill = drillOf(model, state);
  var tree = model.tree;

  // Rows: in a large graph each depth of the organisation tree gets a band of rows:
  // the boxes of that depth, then the statements of the organisations opened there.
  var keys = [];
  var orders = [];
  var nodes = [];
  var boxes = new Map();
  for (i = 0; i < statements.length; i++) {
    var holder = statements[i].holder;
    var at = nodeOf(model, drill, i);
    if (typeof at === 'string') {
      var entry = boxes.get(at);
      if (!entry) boxes.set(at, (entry = { shown: 0, reaching: 0, lit: false }));
      if (passing[i]) {
        entry.shown += 1;
        if (model.graph.reaches[i]) entry.reaching += 1;
      }
      if (lit && lit.nodes.has(i)) entry.lit = true;
      continue;
    }
    var base = baseNodeOf(model, i);
    var look = !lit ? 'normal' : i === state.selected ? 'selected' : lit.nodes.has(i) ? 'lit' : 'dimmed';
    var status = model.achievement.status[i];
    var colour = look === 'dimmed'
      ? model.dimmedColour
      : state.byStatus ? statusLook(model.statusColours, status) : groupLook(model, base.group);
    if (look === 'selected') {
      colour = {
        background: colour.background,
        border: ink,
        highlight: { background: colour.background, border: ink }
      };
    }
    orders.push(holder === null ? organisations.length : holder);
    var label = model.collapsible ? labelOf(model, i, state.lang) : statements[i].short[state.lang] || statements[i].short.da || base.label;
    nodes.push({
      id: i,
      label: state.byStatus ? markedLabel(label, status) : label,
      hidden: !passing[i],
      color: colour,
      font: { color: look === 'dimmed' ? dimmed.font : ink },
      borderWidth: look === 'selected' ? 4 : 1.5,
      level: [drill && holder !== null ? tree.depth[holder] : 0, statements[i].row]
    });
  }
  if (drill) {
    // An opened box is lit when something lit is under it.
    var litBelow = new Set();
    if (lit) {
      lit.nodes.forEach(function (x) {
        for (var k = statements[x].holder === null ? -1 : statements[x].holder; k >= 0; k = tree.parent[k]) {
          if (litBelow.has(k)) break;
          litBelow.add(k);
        }
      });
    }
    drill.boxes.forEach(function (box) {
      var k = box.k;
      var look = model.baseOrganisationNodes[k];
      var name = pickIn(state.lang, organisations[k].short);
      var entry = boxes.get(organisationId(k)) || { shown: 0, reaching: 0, lit: false };
      var dim = lit !== null && !(box.opened ? litBelow.has(k) : entry.lit);
      orders.push(k);
      nodes.push({
        id: organisationId(k),
        label: box.opened
          ? '▾ ' + boxLabel(state.lang, name, tree.total[k], tree.reaching[k])
          : boxLabel(state.lang, name, entry.shown, entry.reaching),
        hidden: !box.opened && entry.shown === 0,
        color: dim ? model.dimmedColour : box.opened ? { background: '#ffffff', border: look.color.border } : look.color,
        font: { color: dim ? dimmed.font : ink },
        shapeProperties: { borderDashes: box.opened ? [6, 3] : false },
        level: [tree.depth[k], -1]
      });
    });
    drill.more.forEach(function (more) {
      var entry = boxes.get(more.id) || { shown: 0, reaching: 0, lit: false };
      var dim = lit !== null && !entry.lit;
      var text = wordIn(state.lang, 'moreOrganisations').replace('%n', numberIn(state.lang, more.organisations.length));
      orders.push(organisations.length);
      nodes.push({
        id: more.id,
        label: boxLabel(state.lang, text, entry.shown, entry.reaching),
        hidden: entry.shown === 0,
        color: dim ? model.dimmedColour : { background: '#f5f7fa', border: '#9aa5b1' },
        font: { color: dim ? dimmed.font : ink },
        level: [more.parent < 0 ? 0 : tree.depth[more.parent] + 1, -1]
      });
    });
  }
  nodes.forEach(function (node) {
    keys.push(node.level[0] * 1000 + node.level[1]);
  });
  var distinct = Array.from(new Set(keys)).sort(function (a, b) { return a - b; });
  var rank = new Map(distinct.map(function (key, r) { return [key, r]; }));
  nodes.forEach(function (node, n) {
    node.level = rank.get(keys[n]);
  });

  // Links: between two statements as themselves; otherwise one link per pair of
  // nodes on screen, for all the alignments between them, drawn as the strongest.
  var edges = [];
  var layoutLinks = [];
  var bundles = new Map();
  for (j = 0; j < alignments.length; j++) {
    var a = alignments[j];
    var from = nodeOf(model, drill, a.from);
    var to = nodeOf(model, drill, a.to);
    var litLink = lit !== null && lit.links.has(j);
    if (from !== to) layoutLinks.push([from, to]);
    if (typeof from === 'number' && typeof to === 'number') {
      var style = baseEdgeOf(model, j);
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
    var key = String(from) < String(to) ? from + '|' + to : to + '|' + from;
    var bundle = bundles.get(key);
    if (!bundle) {
      bundle = { id: 'agg:' + key, from: from, to: to, shown: 0, lit: false, rank: Infinity, back: false };
      bundles.set(key, bundle);
    }
    if (from !== bundle.from) bundle.back = true;
    if (passingLinks[j]) {
      bundle.shown += 1;
      bundle.rank = Math.min(bundle.rank, linkRank(model, a.kind, a.strength));
    }
    if (litLink) bundle.lit = true;
  }
  hinderingEdges(model, state, drill, lit, passing, edges, layoutLinks);
  bundles.forEach(function (bundle) {
    var strongest = model.linkStyles[Math.min(bundle.rank, model.linkStyles.length - 1)];
    edges.push({
      id: bundle.id,
      from: bundle.from,
      to: bundle.to,
      arrows: bundle.back ? 'to, from' : 'to',
      hidden: bundle.shown === 0,
      label: numberIn(state.lang, bundle.shown),
      font: { size: 11, color: lit && !bundle.lit ? dimmed.font : ink, strokeWidth: 0, background: '#ffffff' },
      width: Math.min(1 + Math.log2(Math.max(bundle.shown, 1)), 6) + (bundle.lit ? 1.5 : 0),
      dashes: strongest.dashes,
      color: bundle.lit
        ? { color: model.pathColour, opacity: 1, inherit: false }
        : lit
          ? { color: dimmed.edge, opacity: 1, inherit: false }
          : { color: strongest.color.color, opacity: strongest.color.opacity, inherit: false }
    });
  });
  if (drill) {
    // The tree: a faint line from an opened box to each box under it.
    drill.links.forEach(function (link) {
      layoutLinks.push(link);
      edges.push({
        id: 'tree:' + link[0] + '>' + link[1],
        from: link[0],
        to: link[1],
        arrows: { to: { enabled: false } },
        width: 1,
        dashes: [2, 4],
        color: { color: '#9aa5b1', opacity: 0.8, inherit: false }
      });
    });
  }
  return {
    nodes: nodes,
    edges: edges,
    passing: passing,
    passingLinks: passingLinks,
    orders: orders,
    layoutLinks: layoutLinks,
    drill: drill
  };
}

if (typeof module !== 'undefined') {
  module.exports = {
    viewModel: viewModel,
    groupLook: groupLook,
    organisationId: organisationId,
    isFolded: isFolded,
    labelOf: labelOf,
    baseNodeOf: baseNodeOf,
    baseEdgeOf: baseEdgeOf,
    baseHinderingEdgeOf: baseHinderingEdgeOf,
    hinderingId: hinderingId,
    passesHindrance: passesHindrance,
    linkStyleOf: linkStyleOf,
    drillOf: drillOf,
    passesStatement: passesStatement,
    passesAlignment: passesAlignment,
    searchFor: searchFor,
    warmSearchIndex: warmSearchIndex,
    litOf: litOf,
    viewOf: viewOf
  };
}
