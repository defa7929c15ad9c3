/*
 * goalgraph explorer, drill.js: a large graph, drilled down through its organisation tree.
 *
 * Above collapse_above statements the page carries its statements and alignments as
 * compact columns (goalgraph/explorer/compact.py: every IRI and text once, numbers
 * elsewhere); decodeCompact() turns them into the records the other modules read.
 * The page then opens on the top organisation(s) and the organisations under them,
 * each folded into one box; opening a box shows its own statements and the boxes of
 * the organisations under it. drillView() works out, for the folds open, which boxes
 * are on screen and which box holds each organisation's statements: a statement
 * inside a fold counts for its nearest ancestor on screen. Pure: no page, no state.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py).
 */
'use strict';

/** How many organisations under one are shown before a "+N more" box (a ministry over 98 municipalities). */
var CHILDREN_SHOWN = 24;
/** Open the top organisations in the first view when there are at most this many. */
var ROOTS_OPENED = 3;

/** Texts by language from a flat list of [language, text, ...] positions in strings. */
function textsOf(strings, flat) {
  var texts = {};
  for (var k = 0; k + 1 < flat.length; k += 2) texts[strings[flat[k]]] = strings[flat[k + 1]];
  return texts;
}

function stringOr(strings, k) {
  return k < 0 ? null : strings[k];
}

/**
 * The page's data with data.statements and data.alignments made from data.compact, as
 * records like those a small graph's page carries (without the graph labels, "short",
 * which labelOf makes when a statement is shown). Returns data.
 */
function decodeCompact(data) {
  var c = data.compact;
  var strings = c.strings;
  var base = c.base || '';
  var sources = c.sources.iri.map(function (iri, k) {
    return { iri: strings[iri], titles: textsOf(strings, c.sources.titles[k]) };
  });
  var s = c.statements;
  var statements = new Array(s.iri.length);
  for (var i = 0; i < statements.length; i++) {
    statements[i] = {
      iri: base + strings[s.iri[i]],
      identifier: stringOr(strings, s.identifier[i]),
      labels: textsOf(strings, s.labels[i]),
      type: s.type[i],
      row: s.row[i],
      holder: s.holder[i] < 0 ? null : s.holder[i],
      plan: s.plan[i] < 0 ? null : s.plan[i],
      sources: s.sources[i].map(function (k) { return sources[k]; }),
      groups: s.groups[i],
      top: (s.flags[i] & 1) === 1,
      joint: (s.flags[i] & 2) === 2
    };
  }
  var a = c.alignments;
  var alignments = new Array(a.iri.length);
  for (var j = 0; j < alignments.length; j++) {
    alignments[j] = {
      iri: base + strings[a.iri[j]],
      from: a.from[j],
      to: a.to[j],
      kind: strings[a.kind[j]],
      strength: stringOr(strings, a.strength[j]),
      weight: a.weight[j],
      rationale: textsOf(strings, a.rationale[j]),
      evidence: textsOf(strings, a.evidence[j]),
      by: textsOf(strings, a.by[j])
    };
  }
  data.statements = statements;
  data.alignments = alignments;
  return data;
}

/**
 * text cut to lines of width characters (at most lines of them, the last ending in
 * " …" if cut), as goalgraph.explorer.styles.short_label cuts it in Python.
 */
function shortLabel(text, width, lines) {
  var wide = width || 22;
  var most = lines || 3;
  var words = [];
  String(text).split(/\s+/).forEach(function (word) {
    while (word.length > wide) {
      words.push(word.slice(0, wide));
      word = word.slice(wide);
    }
    if (word) words.push(word);
  });
  var out = [];
  var line = '';
  words.forEach(function (word) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= wide) line += ' ' + word;
    else {
      out.push(line);
      line = word;
    }
  });
  if (line) out.push(line);
  if (out.length <= most) return out.join('\n');
  var kept = out.slice(0, most);
  var last = kept[most - 1].split(' ');
  while (last.length > 1 && (last.join(' ') + ' …').length > wide) last.pop();
  kept[most - 1] = last.join(' ') + ' …';
  return kept.join('\n');
}

/**
 * The organisation tree: parent[k] (-1 at a root), children[k], the roots, depth[k], and per
 * organisation the statements it holds itself (own), in all with those below it
 * (total) and of those the ones that reach the top (reaching).
 *
 * organisations: [{parent}]; statements: [{holder}]; reaches[i]: 1 if statement i reaches the top.
 */
function organisationTree(organisations, statements, reaches) {
  var n = organisations.length;
  var parent = organisations.map(function (o) {
    return o.parent === undefined || o.parent === null ? -1 : o.parent;
  });
  var children = organisations.map(function () { return []; });
  var roots = [];
  parent.forEach(function (p, k) {
    if (p < 0) roots.push(k);
    else children[p].push(k);
  });
  // Depths from the top, parents before children (a parent is always higher in the hierarchy).
  var depth = new Int32Array(n);
  var level = roots.slice();
  while (level.length) {
    var next = [];
    level.forEach(function (k) {
      children[k].forEach(function (c) {
        depth[c] = depth[k] + 1;
        next.push(c);
      });
    });
    level = next;
  }
  var own = new Int32Array(n);
  var total = new Int32Array(n);
  var reaching = new Int32Array(n);
  for (var i = 0; i < statements.length; i++) {
    var holder = statements[i].holder;
    if (holder === null) continue;
    own[holder] += 1;
    for (var k = holder; k >= 0; k = parent[k]) {
      total[k] += 1;
      if (reaches[i]) reaching[k] += 1;
    }
  }
  return { parent: parent, children: children, roots: roots, depth: depth, own: own, total: total, reaching: reaching };
}

/** Organisation k and those above it, the top first. */
function ancestry(tree, k) {
  var chain = [];
  for (var x = k; x >= 0; x = tree.parent[x]) chain.unshift(x);
  return chain;
}

/** The folds open in the first view: the top organisations, if there are few of them. */
function firstOpened(tree) {
  return new Set(tree.roots.length <= ROOTS_OPENED ? tree.roots : []);
}

/** The id of the "+N more" box under organisation parent (-1: among the top organisations). */
function moreId(parent) {
  return 'more-' + (parent < 0 ? 'top' : parent);
}

/**
 * What is on screen for the folds open. opened: Set of organisations whose own
 * statements and sub-organisations are shown (an opened organisation is shown only if
 * those above it are opened too); shownChildren: Map of organisation (-1 for the top)
 * to how many of those under it are shown before the "+N more" box (else limit).
 *
 * Returns {at, boxes, more, links}: at[k] is the id of the box that holds organisation
 * k's statements ('org-k', an ancestor's, or a "+N more" box), or null where they are
 * shown as themselves; boxes lists the organisations on screen ({k, opened}); more the
 * "+N more" boxes ({id, parent, organisations}); links the lines of the tree
 * ([from id, to id]) from an opened box to the boxes under it.
 */
function drillView(tree, opened, shownChildren, limit) {
  var at = new Array(tree.parent.length).fill(null);
  var boxes = [];
  var more = [];
  var links = [];
  var cap = limit || CHILDREN_SHOWN;

  function cover(k, id) {
    var stack = [k];
    while (stack.length) {
      var x = stack.pop();
      at[x] = id;
      tree.children[x].forEach(function (c) { stack.push(c); });
    }
  }

  function place(list, parent) {
    var shown = shownChildren.get(parent) || cap;
    var hidden = [];
    list.forEach(function (k, position) {
      if (position < shown || opened.has(k)) {
        if (parent >= 0) links.push(['org-' + parent, 'org-' + k]);
        show(k);
      } else {
        hidden.push(k);
      }
    });
    if (hidden.length) {
      var id = moreId(parent);
      more.push({ id: id, parent: parent, organisations: hidden });
      if (parent >= 0) links.push(['org-' + parent, id]);
      hidden.forEach(function (k) { cover(k, id); });
    }
  }

  function show(k) {
    var open = opened.has(k);
    boxes.push({ k: k, opened: open });
    if (open) place(tree.children[k], k);
    else cover(k, 'org-' + k);
  }

  place(tree.roots, -1);
  return { at: at, boxes: boxes, more: more, links: links };
}

/**
 * The folds to open so that every statement in nodes (a Set or an array of positions)
 * shows as itself: each one's holder and the organisations above it.
 */
function foldsFor(tree, statements, nodes) {
  var opened = new Set();
  nodes.forEach(function (x) {
    var holder = statements[x].holder;
    if (holder !== null) ancestry(tree, holder).forEach(function (k) { opened.add(k); });
  });
  return opened;
}

/** A bar of ten cells for the share of part in whole: "▰▰▰▱▱▱▱▱▱▱". */
function shareBar(part, whole) {
  var filled = whole > 0 ? Math.round((10 * part) / whole) : 0;
  return new Array(filled + 1).join('▰') + new Array(10 - filled + 1).join('▱');
}

if (typeof module !== 'undefined') {
  module.exports = {
    CHILDREN_SHOWN: CHILDREN_SHOWN,
    textsOf: textsOf,
    decodeCompact: decodeCompact,
    shortLabel: shortLabel,
    organisationTree: organisationTree,
    ancestry: ancestry,
    firstOpened: firstOpened,
    moreId: moreId,
    drillView: drillView,
    foldsFor: foldsFor,
    shareBar: shareBar
  };
}
