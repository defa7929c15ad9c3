/*
 * goalgraph explorer: what the page does.
 *
 * The page carries its data as JSON (<script type="application/json" id="goalgraph-data">)
 * and vis-network inline; this script reads the one, drives the other, and builds the
 * controls, the legend and the side panel. It never writes a text from the data as
 * HTML: every such text goes in with textContent or createTextNode, and links get an
 * href only when it is http or https.
 *
 * The view is computed from the state (language, filters, search, selection, which
 * organisations are folded out) by view(), and apply() brings vis-network's data sets
 * in line with it, touching only the nodes and links that changed.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('goalgraph-data').textContent);
  var STATEMENTS = data.statements;
  var ALIGNMENTS = data.alignments;
  var ORGANISATIONS = data.organisations;
  var PLANS = data.plans;
  var GROUPS = data.groups;
  var TYPES = data.types;
  var GROUP_LOOKS = data.network.options.groups;
  var DIMMED = data.styles.dimmed;

  // The data leaves out what is empty or unset; put it back, so the code below can
  // tell "none" from a value without guarding every read.
  STATEMENTS.forEach(function (s) {
    s.identifier = s.identifier || null;
    s.labels = s.labels || {};
    s.holder = s.holder === undefined ? null : s.holder;
    s.plan = s.plan === undefined ? null : s.plan;
    s.sources = s.sources || [];
    s.groups = s.groups || [];
  });
  ALIGNMENTS.forEach(function (a) {
    a.strength = a.strength || null;
    a.rationale = a.rationale || {};
    a.evidence = a.evidence || {};
    a.by = a.by || {};
  });
  var INK = data.styles.ink;
  var PATH_COLOUR = data.styles.path;

  // ------------------------------------------------------------------ words

  var WORDS = {
    da: {
      statement: ['målsætning', 'målsætninger'],
      alignment: ['sammenhæng', 'sammenhænge'],
      organisation: ['organisation', 'organisationer'],
      plan: ['plan', 'planer'],
      language: 'Sprog',
      reset: 'Nulstil visning',
      search: 'Søg i målsætninger (dansk, engelsk eller id)',
      searchPlaceholder: 'fx tryghed',
      found: ['fundet', 'fundet'],
      noneFound: 'Ingen målsætninger indeholder det.',
      more: 'og %n flere',
      filters: 'Filtre',
      filterOrganisation: 'Indehaver',
      allOrganisations: 'Alle organisationer',
      filterPlan: 'Plan',
      allPlans: 'Alle planer',
      noPlan: 'Uden plan',
      filterType: 'Type',
      filterKind: 'Sammenhænge',
      legend: 'Forklaring',
      legendOrganisations: 'Farve: indehaver',
      legendTypes: 'Form: type',
      legendLinks: 'Streg: sammenhæng',
      arrowNote: 'Pilen peger mod det, der understøttes.',
      strength: 'styrke',
      close: 'Luk',
      danish: 'Dansk (kildens ordlyd)',
      english: 'Engelsk (projektets oversættelse)',
      type: 'Type',
      holder: 'Indehaver',
      planLabel: 'Plan',
      period: 'Periode',
      partOf: 'Del af',
      source: 'Kilde',
      identifier: 'IRI',
      paths: 'Veje til toppen',
      isTop: 'Den er selv en del af toppen: det, alt andet skal føre op til.',
      reachesTop: 'Når toppen ad %n vej(e); den stærkeste først.',
      notReachesTop: 'Når ikke toppen: ingen kæde af angivne eller kuraterede sammenhænge fører derop.',
      morePaths: 'Flere veje end vist.',
      pathStrength: 'styrke %s',
      supports: 'Understøtter',
      supportedBy: 'Understøttes af',
      nothing: 'Ingen.',
      plansGrounded: 'Planer, der tager udgangspunkt i den',
      rationale: 'Begrundelse',
      evidence: 'Kildens ord',
      attributedTo: 'angivet af',
      score: 'score %s',
      collapsedNotice:
        'Grafen er stor (%n målsætninger), så hver organisation er foldet sammen til én knude med antallet af dens målsætninger. Klik på en organisation for at folde den ud.',
      expand: 'Fold ud',
      collapse: 'Fold sammen',
      organisationStatements: '%n målsætninger',
      graphLabel: 'Graf over målsætninger og deres sammenhænge',
      sidebar: 'Søg, filtre og forklaring',
      top: 'top',
      joint: 'fælles',
      rowTop: 'Toppen',
      rowJoint: 'Fælles'
    },
    en: {
      statement: ['statement', 'statements'],
      alignment: ['alignment', 'alignments'],
      organisation: ['organisation', 'organisations'],
      plan: ['plan', 'plans'],
      language: 'Language',
      reset: 'Reset view',
      search: 'Search statements (Danish, English or id)',
      searchPlaceholder: 'e.g. safety',
      found: ['found', 'found'],
      noneFound: 'No statement contains that.',
      more: 'and %n more',
      filters: 'Filters',
      filterOrganisation: 'Holder',
      allOrganisations: 'All organisations',
      filterPlan: 'Plan',
      allPlans: 'All plans',
      noPlan: 'In no plan',
      filterType: 'Type',
      filterKind: 'Alignments',
      legend: 'Legend',
      legendOrganisations: 'Colour: holder',
      legendTypes: 'Shape: type',
      legendLinks: 'Line: alignment',
      arrowNote: 'The arrow points at what is supported.',
      strength: 'strength',
      close: 'Close',
      danish: 'Danish (the source’s words)',
      english: 'English (the project’s translation)',
      type: 'Type',
      holder: 'Holder',
      planLabel: 'Plan',
      period: 'Period',
      partOf: 'Part of',
      source: 'Source',
      identifier: 'IRI',
      paths: 'Paths to the top',
      isTop: 'It is part of the top itself: what everything else should lead up to.',
      reachesTop: 'Reaches the top by %n path(s); the strongest first.',
      notReachesTop: 'Does not reach the top: no chain of stated or curated alignments leads there.',
      morePaths: 'More paths than shown.',
      pathStrength: 'strength %s',
      supports: 'Supports',
      supportedBy: 'Supported by',
      nothing: 'None.',
      plansGrounded: 'Plans grounded in it',
      rationale: 'Rationale',
      evidence: 'The source’s words',
      attributedTo: 'asserted by',
      score: 'score %s',
      collapsedNotice:
        'The graph is large (%n statements), so each organisation is folded into one node with the number of its statements. Click an organisation to fold it out.',
      expand: 'Fold out',
      collapse: 'Fold in',
      organisationStatements: '%n statements',
      graphLabel: 'Graph of statements and their alignments',
      sidebar: 'Search, filters and legend',
      top: 'top',
      joint: 'joint',
      rowTop: 'The top',
      rowJoint: 'Joint'
    }
  };

  var state = {
    lang: data.language,
    organisation: '',
    plan: '',
    types: new Set(TYPES.map(function (_, k) { return k; })),
    kinds: new Set(Object.keys(data.kinds)),
    query: '',
    selected: null,
    expanded: new Set()
  };

  function word(key) {
    return WORDS[state.lang][key];
  }

  function number(n) {
    return n.toLocaleString(state.lang === 'da' ? 'da-DK' : 'en-GB');
  }

  function counted(n, key) {
    var forms = word(key);
    return number(n) + ' ' + forms[n === 1 ? 0 : 1];
  }

  function fill(template, n) {
    return template.replace('%n', number(n));
  }

  /** The text in the page's language, else in the other, else in any. */
  function pick(texts) {
    if (!texts) return '';
    var other = state.lang === 'da' ? 'en' : 'da';
    if (texts[state.lang]) return texts[state.lang];
    if (texts[other]) return texts[other];
    var keys = Object.keys(texts).sort();
    return keys.length ? texts[keys[0]] : '';
  }

  // ------------------------------------------------------------------ search folding

  // The same rules as goalgraph.text.fold in Python (the tests check that both agree):
  // case folded, accents dropped, ø → o, æ → ae, œ → oe, ð → d, þ → th, ł → l,
  // đ → d, ı → i, then aa → a, white space collapsed.
  var FOLDED_LETTERS = { 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ð': 'd', 'þ': 'th', 'ł': 'l', 'đ': 'd', 'ı': 'i' };

  function fold(text) {
    // JavaScript has no casefold: lower case, then the full case foldings that lower
    // case leaves alone (ß and ẞ to ss, final sigma to sigma).
    var lower = String(text).toLowerCase().replace(/[ßẞς]/g, function (c) {
      return c === 'ς' ? 'σ' : 'ss';
    });
    return lower
      .normalize('NFKD')
      .replace(/[øæœðþłđı]/g, function (c) { return FOLDED_LETTERS[c]; })
      .replace(/\p{Mn}/gu, '')
      .replace(/aa+/g, 'a')
      .replace(/\s+/g, ' ')
      .trim();
  }

  // What search looks in: the texts in every language, and the identifier.
  var FOLDED = STATEMENTS.map(function (s) {
    var texts = Object.keys(s.labels).sort().map(function (k) { return fold(s.labels[k]); });
    if (s.identifier) texts.push(fold(s.identifier));
    return texts.join('\n');
  });

  function search(query) {
    var folded = fold(query);
    if (!folded) return [];
    var found = [];
    for (var i = 0; i < STATEMENTS.length; i++) {
      if (FOLDED[i].indexOf(folded) >= 0) found.push(i);
    }
    return found;
  }

  // ------------------------------------------------------------------ structure

  var OUT = STATEMENTS.map(function () { return []; });
  var IN = STATEMENTS.map(function () { return []; });
  ALIGNMENTS.forEach(function (a, j) {
    OUT[a.from].push(j);
    IN[a.to].push(j);
  });
  var BY_ORGANISATION = ORGANISATIONS.map(function () { return []; });
  STATEMENTS.forEach(function (s, i) {
    if (s.holder !== null) BY_ORGANISATION[s.holder].push(i);
  });
  var TOP_ROW_OF = BY_ORGANISATION.map(function (members) {
    return members.reduce(function (row, i) { return Math.min(row, STATEMENTS[i].row); }, Infinity);
  });

  function accepted(j) {
    // Suggestions are not accepted until someone curates them: paths do not use them.
    return ALIGNMENTS[j].kind !== 'suggested';
  }

  // Which statements reach the top through stated and curated alignments.
  var REACHES_TOP = new Uint8Array(STATEMENTS.length);
  (function () {
    var queue = [];
    STATEMENTS.forEach(function (s, i) {
      if (s.top) {
        REACHES_TOP[i] = 1;
        queue.push(i);
      }
    });
    while (queue.length) {
      var x = queue.pop();
      IN[x].forEach(function (j) {
        var y = ALIGNMENTS[j].from;
        if (accepted(j) && !REACHES_TOP[y]) {
          REACHES_TOP[y] = 1;
          queue.push(y);
        }
      });
    }
  })();

  /** What lights up when statement i is chosen: its paths to the top (or all it reaches, if none). */
  function pathsUp(i) {
    var reached = new Set([i]);
    var queue = [i];
    while (queue.length) {
      var x = queue.pop();
      OUT[x].forEach(function (j) {
        var y = ALIGNMENTS[j].to;
        if (accepted(j) && !reached.has(y)) {
          reached.add(y);
          queue.push(y);
        }
      });
    }
    var toTop = REACHES_TOP[i] === 1;
    var nodes = new Set();
    reached.forEach(function (x) {
      if (!toTop || REACHES_TOP[x] || x === i) nodes.add(x);
    });
    var links = new Set();
    ALIGNMENTS.forEach(function (a, j) {
      if (accepted(j) && nodes.has(a.from) && nodes.has(a.to) && (!toTop || REACHES_TOP[a.to])) links.add(j);
    });
    return { nodes: nodes, links: links };
  }

  var PATH_LIMIT = 6;
  var PATH_SEARCH_LIMIT = 5000;

  /** Up to PATH_LIMIT paths from i to the top, the strongest first; and whether there were more. */
  function listPaths(i) {
    var complete = [];
    var steps = 0;
    var more = false;
    function walk(x, links, strength, seen) {
      if (++steps > PATH_SEARCH_LIMIT) {
        more = true;
        return;
      }
      if (STATEMENTS[x].top && links.length) {
        complete.push({ links: links.slice(), strength: strength });
        return;
      }
      OUT[x].forEach(function (j) {
        var y = ALIGNMENTS[j].to;
        if (accepted(j) && REACHES_TOP[y] && !seen.has(y)) {
          seen.add(y);
          links.push(j);
          walk(y, links, strength * ALIGNMENTS[j].weight, seen);
          links.pop();
          seen.delete(y);
        }
      });
    }
    if (!STATEMENTS[i].top) walk(i, [], 1, new Set([i]));
    complete.sort(function (a, b) {
      return b.strength - a.strength || a.links.length - b.links.length;
    });
    return { paths: complete.slice(0, PATH_LIMIT), total: complete.length, more: more || complete.length > PATH_LIMIT };
  }

  // ------------------------------------------------------------------ filters

  function passesStatement(i) {
    var s = STATEMENTS[i];
    if (state.organisation !== '' && String(s.holder) !== state.organisation) return false;
    if (state.plan === 'none' ? s.plan !== null : state.plan !== '' && String(s.plan) !== state.plan) return false;
    return state.types.has(s.type);
  }

  function passesAlignment(j, passing) {
    var a = ALIGNMENTS[j];
    return state.kinds.has(a.kind) && passing[a.from] === 1 && passing[a.to] === 1;
  }

  // ------------------------------------------------------------------ the layered layout

  var SPACING = data.network.spacing;
  var SWEEPS = 8;
  // Rows are wrapped above twice the square root of their length, and never below this.
  var WRAP_MIN = 30;
  // Rounds of swapping neighbours, and the longest row worth it (the cost grows with
  // the square of a row's links).
  var TRANSPOSE_ROUNDS = 6;
  var TRANSPOSE_LIMIT = 400;

  function mean(values) {
    var total = 0;
    for (var k = 0; k < values.length; k++) total += values[k];
    return total / values.length;
  }

  /**
   * Where each node goes in the hierarchical layout: its row from its level, its place
   * in the row from its neighbours (Sugiyama's method, simply): rows are ordered by the
   * average place of each node's neighbours, sweeping down and up a few times so links
   * cross less, then nodes move towards their neighbours as far as the spacing allows.
   * Nodes that nothing links stay in the order given (organisation by organisation).
   *
   * items: [{id, level, order}] in their initial order; links: [[from, to]].
   * Returns a Map of id to {x, y}.
   */
  function layeredLayout(items, links) {
    var byId = new Map();
    items.forEach(function (item) { byId.set(item.id, item); });
    var neighbours = new Map();
    items.forEach(function (item) { neighbours.set(item.id, []); });
    links.forEach(function (link) {
      if (link[0] !== link[1] && byId.has(link[0]) && byId.has(link[1])) {
        neighbours.get(link[0]).push(link[1]);
        neighbours.get(link[1]).push(link[0]);
      }
    });
    var rows = [];
    items.forEach(function (item) {
      while (rows.length <= item.level) rows.push([]);
      rows[item.level].push(item);
    });
    var place = new Map();
    function number(row) {
      row.forEach(function (item, k) {
        place.set(item.id, row.length > 1 ? k / (row.length - 1) : 0.5);
      });
    }
    rows.forEach(number);

    for (var sweep = 0; sweep < SWEEPS; sweep++) {
      var down = sweep % 2 === 0;
      for (var r = 0; r < rows.length; r++) {
        var level = down ? r : rows.length - 1 - r;
        var row = rows[level];
        var centre = new Map();
        row.forEach(function (item) {
          var all = neighbours.get(item.id);
          var near = all.filter(function (n) {
            return down ? byId.get(n).level < level : byId.get(n).level > level;
          });
          var chosen = near.length ? near : all;
          centre.set(item.id, chosen.length ? mean(chosen.map(function (n) { return place.get(n); })) : place.get(item.id));
        });
        row.sort(function (a, b) {
          return centre.get(a.id) - centre.get(b.id) || a.order - b.order;
        });
        number(row);
      }
    }

    // Then swap neighbours in a row while that makes fewer links cross: the links of
    // two nodes cross when a neighbour of the left one lies right of a neighbour of
    // the right one (counted separately above and below).
    function crossings(a, b, level) {
      var count = 0;
      var na = neighbours.get(a.id);
      var nb = neighbours.get(b.id);
      for (var i = 0; i < na.length; i++) {
        var above = byId.get(na[i]).level < level;
        for (var j = 0; j < nb.length; j++) {
          if (above === byId.get(nb[j]).level < level && place.get(na[i]) > place.get(nb[j])) count += 1;
        }
      }
      return count;
    }
    for (var round = 0; round < TRANSPOSE_ROUNDS; round++) {
      var improved = false;
      rows.forEach(function (row, level) {
        if (row.length > TRANSPOSE_LIMIT) return;
        for (var k = 0; k + 1 < row.length; k++) {
          if (crossings(row[k], row[k + 1], level) > crossings(row[k + 1], row[k], level)) {
            var left = row[k];
            row[k] = row[k + 1];
            row[k + 1] = left;
            improved = true;
          }
        }
        number(row);
      });
      if (!improved) break;
    }

    // A row too long to read is wrapped into stacked lines, in order, so the graph
    // keeps a shape a screen can show (a collapsed graph has hundreds of
    // organisations at one depth).
    var lines = [];
    var y = 0;
    rows.forEach(function (row) {
      var width = Math.max(WRAP_MIN, Math.ceil(Math.sqrt(row.length) * 2));
      if (row.length <= width) {
        lines.push({ items: row, wrapped: false, y: y });
        y += SPACING.row;
        return;
      }
      // Wrapped lines sit closer together than rows, so the rows still read as rows.
      for (var start = 0; start < row.length; start += width) {
        lines.push({ items: row.slice(start, start + width), wrapped: true, y: y });
        y += start + width < row.length ? SPACING.row * 0.75 : SPACING.row;
      }
    });

    // Evenly spaced and centred, then towards the neighbours, keeping order and spacing.
    var x = new Map();
    lines.forEach(function (line) {
      line.items.forEach(function (item, k) {
        x.set(item.id, (k - (line.items.length - 1) / 2) * SPACING.node);
      });
    });
    function pack(items, desired) {
      var n = items.length;
      var left = new Array(n);
      var right = new Array(n);
      for (var k = 0; k < n; k++) left[k] = k ? Math.max(desired[k], left[k - 1] + SPACING.node) : desired[k];
      for (k = n - 1; k >= 0; k--) right[k] = k < n - 1 ? Math.min(desired[k], right[k + 1] - SPACING.node) : desired[k];
      // Both keep the spacing, so their average does too.
      items.forEach(function (item, k) { x.set(item.id, (left[k] + right[k]) / 2); });
    }
    var unwrapped = lines.filter(function (line) { return !line.wrapped; });
    for (var pass = 0; pass < 4; pass++) {
      var order = pass % 2 ? unwrapped.slice().reverse() : unwrapped;
      order.forEach(function (line) {
        pack(line.items, line.items.map(function (item) {
          var linked = neighbours.get(item.id);
          return linked.length ? mean(linked.map(function (n) { return x.get(n); })) : x.get(item.id);
        }));
      });
    }
    var positions = new Map();
    positions.rowTops = rows.map(function (row) {
      var line = lines.find(function (candidate) { return candidate.items[0] === row[0]; });
      return line ? line.y : null;
    });
    lines.forEach(function (line) {
      line.items.forEach(function (item) {
        positions.set(item.id, { x: Math.round(x.get(item.id)), y: Math.round(line.y) });
      });
    });
    return positions;
  }

  // ------------------------------------------------------------------ the view

  var COLLAPSIBLE = data.collapsed;
  var physicsLayout = data.layout === 'force';

  /** Whether statement i is shown folded into its organisation's node. */
  function folded(i) {
    var holder = STATEMENTS[i].holder;
    return COLLAPSIBLE && holder !== null && !state.expanded.has(holder);
  }

  function organisationId(k) {
    return 'org-' + k;
  }

  function nodeOf(i) {
    return folded(i) ? organisationId(STATEMENTS[i].holder) : i;
  }

  var BASE_NODES = data.network.nodes;
  var BASE_ORGANISATION_NODES = data.network.organisationNodes;
  var BASE_EDGES = data.network.edges;

  function lookOfGroup(group) {
    return (GROUP_LOOKS[group] || GROUP_LOOKS['org-none']).color;
  }

  var DIMMED_COLOUR = {
    background: DIMMED.background,
    border: DIMMED.border,
    highlight: { background: DIMMED.background, border: DIMMED.border }
  };

  /**
   * The whole view for the current state: every node and link vis-network should hold,
   * with the attributes that change (label, level, hidden, colours).
   */
  function view() {
    var passing = new Uint8Array(STATEMENTS.length);
    for (var i = 0; i < STATEMENTS.length; i++) passing[i] = passesStatement(i) ? 1 : 0;
    var passingLinks = new Uint8Array(ALIGNMENTS.length);
    for (var j = 0; j < ALIGNMENTS.length; j++) passingLinks[j] = passesAlignment(j, passing) ? 1 : 0;

    var lit = null;
    if (state.selected !== null) {
      lit = pathsUp(state.selected);
    } else if (fold(state.query)) {
      lit = { nodes: new Set(search(state.query)), links: new Set() };
    }

    // Rows: in a collapsed graph each depth of the organisation hierarchy gets a band
    // of rows, so the folded organisations read as their hierarchy.
    var keys = [];
    var orders = [];
    var nodes = [];
    var organisationsShown = new Map();
    for (i = 0; i < STATEMENTS.length; i++) {
      var holder = STATEMENTS[i].holder;
      if (folded(i)) {
        var entry = organisationsShown.get(holder);
        if (!entry) organisationsShown.set(holder, (entry = { shown: 0, lit: false }));
        if (passing[i]) entry.shown += 1;
        if (lit && lit.nodes.has(i)) entry.lit = true;
        continue;
      }
      var base = BASE_NODES[i];
      var look = !lit ? 'normal' : i === state.selected ? 'selected' : lit.nodes.has(i) ? 'lit' : 'dimmed';
      var colour = look === 'dimmed' ? DIMMED_COLOUR : lookOfGroup(base.group);
      if (look === 'selected') {
        colour = {
          background: colour.background,
          border: INK,
          highlight: { background: colour.background, border: INK }
        };
      }
      var depth = COLLAPSIBLE && holder !== null ? ORGANISATIONS[holder].depth : 0;
      orders.push(holder === null ? ORGANISATIONS.length : holder);
      nodes.push({
        id: i,
        label: STATEMENTS[i].short[state.lang] || STATEMENTS[i].short.da || base.label,
        hidden: !passing[i],
        color: colour,
        font: { color: look === 'dimmed' ? DIMMED.font : INK },
        borderWidth: look === 'selected' ? 4 : 1.5,
        level: [depth, STATEMENTS[i].row]
      });
    }
    organisationsShown.forEach(function (entry, k) {
      var base = BASE_ORGANISATION_NODES[k];
      var dimmed = lit !== null && !entry.lit;
      orders.push(k);
      nodes.push({
        id: organisationId(k),
        label: pick(ORGANISATIONS[k].short) + '\n(' + number(entry.shown) + ')',
        hidden: entry.shown === 0,
        color: dimmed ? DIMMED_COLOUR : base.color,
        font: { color: dimmed ? DIMMED.font : INK },
        level: [ORGANISATIONS[k].depth, TOP_ROW_OF[k]]
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
    for (j = 0; j < ALIGNMENTS.length; j++) {
      var a = ALIGNMENTS[j];
      var from = nodeOf(a.from);
      var to = nodeOf(a.to);
      var litLink = lit !== null && lit.links.has(j);
      if (from !== to) layoutLinks.push([from, to]);
      if (typeof from === 'number' && typeof to === 'number') {
        var style = BASE_EDGES[j];
        edges.push({
          id: j,
          hidden: !passingLinks[j],
          width: litLink ? style.width + 1.5 : style.width,
          color: litLink
            ? { color: PATH_COLOUR, opacity: 1, inherit: false }
            : lit
              ? { color: DIMMED.edge, opacity: 1, inherit: false }
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
    if (!physicsLayout) place(nodes, orders, layoutLinks);
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
          ? { color: PATH_COLOUR, opacity: 1, inherit: false }
          : lit
            ? { color: DIMMED.edge, opacity: 1, inherit: false }
            : { color: '#52606d', opacity: 0.55, inherit: false }
      });
    });
    return { nodes: nodes, edges: edges, passing: passing, passingLinks: passingLinks };
  }

  var positions = new Map();
  var placedKey = null;

  /** Give every node its place in the hierarchical layout, laid out again only when the nodes change. */
  function place(nodes, orders, links) {
    var key = nodes.map(function (node) { return node.id + ':' + node.level; }).join(',');
    if (key !== placedKey) {
      var items = nodes.map(function (node, n) {
        return { id: node.id, level: node.level, order: orders[n] * 1e6 + n };
      });
      items.sort(function (a, b) { return a.order - b.order; });
      positions = layeredLayout(items, links);
      placedKey = key;
    }
    nodes.forEach(function (node) {
      var at = positions.get(node.id);
      node.x = at.x;
      node.y = at.y;
    });
  }

  function fullNode(node) {
    var base = typeof node.id === 'number' ? BASE_NODES[node.id] : BASE_ORGANISATION_NODES[Number(node.id.slice(4))];
    return Object.assign({}, base, node);
  }

  function fullEdge(edge) {
    return typeof edge.id === 'number' ? Object.assign({}, BASE_EDGES[edge.id], edge) : edge;
  }

  var nodeSignatures = new Map();
  var edgeSignatures = new Map();
  var current = null;

  /** Bring vis-network's data sets in line with the view, touching only what changed. */
  function apply(next) {
    var wantedNodes = new Set(next.nodes.map(function (n) { return n.id; }));
    var wantedEdges = new Set(next.edges.map(function (e) { return e.id; }));
    var goneEdges = edges.getIds().filter(function (id) { return !wantedEdges.has(id); });
    var goneNodes = nodes.getIds().filter(function (id) { return !wantedNodes.has(id); });
    if (goneEdges.length) edges.remove(goneEdges);
    if (goneNodes.length) nodes.remove(goneNodes);
    goneEdges.forEach(function (id) { edgeSignatures.delete(id); });
    goneNodes.forEach(function (id) { nodeSignatures.delete(id); });

    function changes(items, signatures, full) {
      var added = [];
      var changed = [];
      items.forEach(function (item) {
        var signature = JSON.stringify(item);
        var before = signatures.get(item.id);
        if (before === undefined) added.push(full(item));
        else if (before !== signature) changed.push(item);
        signatures.set(item.id, signature);
      });
      return { added: added, changed: changed };
    }
    var n = changes(next.nodes, nodeSignatures, fullNode);
    var e = changes(next.edges, edgeSignatures, fullEdge);
    if (n.added.length) nodes.add(n.added);
    if (n.changed.length) nodes.update(n.changed);
    if (e.added.length) edges.add(e.added);
    if (e.changed.length) edges.update(e.changed);
    current = next;
  }

  function render() {
    apply(view());
    updateCounts();
  }

  // ------------------------------------------------------------------ the network

  var container = document.getElementById('graph');
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var first = view();
  nodes.add(first.nodes.map(function (node) {
    nodeSignatures.set(node.id, JSON.stringify(node));
    return fullNode(node);
  }));
  edges.add(first.edges.map(function (edge) {
    edgeSignatures.set(edge.id, JSON.stringify(edge));
    return fullEdge(edge);
  }));
  current = first;
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.network.options);
  if (!physicsLayout) network.fit({ animation: false });

  function settle(done) {
    // The force layout settles with physics on, then stops so the page stays still.
    if (!physicsLayout) {
      if (done) done();
      return;
    }
    network.once('stabilizationIterationsDone', function () {
      network.setOptions({ physics: { enabled: false } });
      if (done) done();
    });
  }

  var api = { ready: false };

  function markReady() {
    network.once('afterDrawing', function () {
      api.ready = true;
      document.documentElement.setAttribute('data-ready', 'true');
      document.dispatchEvent(new CustomEvent('goalgraph:ready'));
    });
    network.redraw();
  }
  settle(markReady);

  network.on('click', function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      if (typeof id === 'number') select(id, { focus: false });
      else showOrganisation(Number(String(id).slice(4)), { expand: true });
    } else if (!params.edges.length) {
      clearSelection();
    }
  });

  function focusOn(ids) {
    if (!ids.length) return;
    if (ids.length === 1) {
      // Keep the node clear of the side panel, which covers the right of the graph.
      var offset = panel.hidden ? 0 : -panel.offsetWidth / 2;
      network.focus(ids[0], {
        scale: Math.max(network.getScale(), 0.9),
        offset: { x: offset, y: 0 },
        animation: { duration: 300 }
      });
    } else {
      network.fit({ nodes: ids, animation: { duration: 300 } });
    }
  }

  function afterLayout(action) {
    // Adding nodes lays the graph out again; in the force layout, let it settle first.
    if (physicsLayout) {
      settle(action);
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(200);
    } else {
      action();
    }
  }

  // ------------------------------------------------------------------ row captions

  // In the hierarchical layout of a graph that is not folded, each row is named at
  // the left, beside the graph: the top, the joint statements, then the types in it.
  var ROWS = [];
  STATEMENTS.forEach(function (s) {
    var row = ROWS[s.row] || (ROWS[s.row] = { types: [], top: true, joint: true });
    if (row.types.indexOf(s.type) < 0) row.types.push(s.type);
    row.top = row.top && s.top;
    row.joint = row.joint && s.joint && !s.top;
  });
  var captionsShown = !physicsLayout && !COLLAPSIBLE;
  var captions = document.getElementById('rows');

  function rowCaption(row) {
    var types = row.types.slice().sort(function (a, b) { return a - b; }).map(function (k) {
      return pick(TYPES[k].labels);
    });
    var text = types.join(', ');
    if (row.top) return word('rowTop') + ': ' + text;
    if (row.joint) return word('rowJoint') + ': ' + text;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function writeCaptions() {
    clear(captions);
    if (!captionsShown) return;
    ROWS.forEach(function (row, r) {
      captions.appendChild(element('div', { className: 'row-caption', 'data-row': String(r), text: rowCaption(row) }));
    });
    placeCaptions();
  }

  function placeCaptions() {
    if (!captionsShown || !positions.rowTops) return;
    var height = captions.offsetHeight;
    Array.prototype.forEach.call(captions.children, function (caption) {
      var top = positions.rowTops[Number(caption.getAttribute('data-row'))];
      var y = top === null || top === undefined ? -1000 : network.canvasToDOM({ x: 0, y: top }).y;
      caption.style.transform = 'translateY(' + Math.round(y) + 'px)';
      caption.hidden = y < 0 || y > height;
    });
  }

  document.getElementById('stage').classList.toggle('with-rows', captionsShown);
  network.on('afterDrawing', placeCaptions);

  // ------------------------------------------------------------------ actions

  function select(i, options) {
    state.selected = i;
    if (COLLAPSIBLE) {
      // Fold out every organisation on the paths, so each step shows as itself.
      pathsUp(i).nodes.forEach(function (x) {
        if (STATEMENTS[x].holder !== null) state.expanded.add(STATEMENTS[x].holder);
      });
    }
    var wasShown = nodes.get(i) !== null;
    render();
    network.selectNodes([i]);
    showStatement(i);
    if (options.focus || !wasShown) afterLayout(function () { focusOn([i]); });
    if (options.moveFocus) panelHeading().focus();
  }

  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    hidePanel();
    render();
  }

  function expand(k) {
    if (!COLLAPSIBLE || state.expanded.has(k)) return;
    state.expanded.add(k);
    render();
    afterLayout(function () { focusOn(BY_ORGANISATION[k]); });
  }

  function collapse(k) {
    state.expanded.delete(k);
    if (state.selected !== null && STATEMENTS[state.selected].holder === k) {
      state.selected = null;
    }
    render();
    afterLayout(function () { focusOn([organisationId(k)]); });
  }

  function reset() {
    state.organisation = '';
    state.plan = '';
    state.types = new Set(TYPES.map(function (_, k) { return k; }));
    state.kinds = new Set(Object.keys(data.kinds));
    state.query = '';
    state.selected = null;
    state.expanded = new Set();
    document.getElementById('search').value = '';
    hidePanel();
    network.unselectAll();
    buildFilters();
    showResults();
    render();
    afterLayout(function () { network.fit({ animation: false }); });
  }

  function setLanguage(lang) {
    if (!WORDS[lang]) return;
    state.lang = lang;
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll('input[name="language"]'), function (input) {
      input.checked = input.value === lang;
    });
    writeWords();
    buildFilters();
    buildLegend();
    writeCaptions();
    showResults();
    render();
    if (state.selected !== null) showStatement(state.selected);
    else if (shownOrganisation !== null) showOrganisation(shownOrganisation, { expand: false });
  }

  // ------------------------------------------------------------------ elements

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        if (name === 'text') node.textContent = attributes[name];
        else if (name === 'className') node.className = attributes[name];
        else node.setAttribute(name, attributes[name]);
      });
    }
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** A source link, only for http and https addresses; anything else is shown as text. */
  function sourceLink(iri, text) {
    if (/^https?:\/\//i.test(iri)) {
      var link = element('a', { text: text || iri, target: '_blank', rel: 'noopener noreferrer' });
      link.href = iri;
      return link;
    }
    return element('span', { text: text || iri });
  }

  var SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function polygon(points) {
    return points.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join(' ');
  }

  function regular(sides, radius, rotation) {
    var points = [];
    for (var k = 0; k < sides; k++) {
      var angle = rotation + (2 * Math.PI * k) / sides;
      points.push([9 + radius * Math.cos(angle), 9 + radius * Math.sin(angle)]);
    }
    return points;
  }

  function star() {
    var points = [];
    for (var k = 0; k < 10; k++) {
      var radius = k % 2 ? 3.6 : 8;
      var angle = -Math.PI / 2 + (Math.PI * k) / 5;
      points.push([9 + radius * Math.cos(angle), 9.5 + radius * Math.sin(angle)]);
    }
    return points;
  }

  /** A small drawing of a node shape, as vis-network draws it, for the legend. */
  function shapeIcon(shape, dashed, fill, stroke) {
    var icon = svg('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true', focusable: 'false' });
    var look = { fill: fill, stroke: stroke, 'stroke-width': 1.4 };
    if (dashed) look['stroke-dasharray'] = '2.5 2';
    var drawn;
    if (shape === 'dot') drawn = svg('circle', Object.assign({ cx: 9, cy: 9, r: 6.5 }, look));
    else if (shape === 'square') drawn = svg('rect', Object.assign({ x: 3, y: 3, width: 12, height: 12 }, look));
    else if (shape === 'box') drawn = svg('rect', Object.assign({ x: 1.5, y: 4, width: 15, height: 10, rx: 2 }, look));
    else {
      var points = {
        star: star(),
        diamond: regular(4, 7.5, -Math.PI / 2),
        hexagon: regular(6, 7.5, 0),
        triangle: regular(3, 8, -Math.PI / 2),
        triangleDown: regular(3, 8, Math.PI / 2)
      }[shape] || regular(8, 7, 0);
      drawn = svg('polygon', Object.assign({ points: polygon(points) }, look));
    }
    icon.appendChild(drawn);
    return icon;
  }

  function lineIcon(style) {
    var icon = svg('svg', { width: 34, height: 12, viewBox: '0 0 34 12', 'aria-hidden': 'true', focusable: 'false' });
    var line = svg('line', {
      x1: 1, y1: 6, x2: 26, y2: 6,
      stroke: style.color.color,
      'stroke-opacity': style.color.opacity,
      'stroke-width': style.width
    });
    if (style.dashes) line.setAttribute('stroke-dasharray', style.dashes.join(' '));
    icon.appendChild(line);
    icon.appendChild(svg('polygon', {
      points: '26,2 33,6 26,10',
      fill: style.color.color,
      'fill-opacity': style.color.opacity
    }));
    return icon;
  }

  // ------------------------------------------------------------------ words on the page

  function datasetTitle() {
    return pick(data.titles) || 'goalgraph';
  }

  function writeWords() {
    document.title = datasetTitle() + ' – goalgraph';
    document.getElementById('title').textContent = datasetTitle();
    document.getElementById('language-legend').textContent = word('language');
    document.getElementById('reset').textContent = word('reset');
    document.getElementById('search-label').textContent = word('search');
    document.getElementById('search').setAttribute('placeholder', word('searchPlaceholder'));
    document.getElementById('filters-heading').textContent = word('filters');
    document.getElementById('organisation-label').textContent = word('filterOrganisation');
    document.getElementById('plan-label').textContent = word('filterPlan');
    document.getElementById('types-legend').textContent = word('filterType');
    document.getElementById('kinds-legend').textContent = word('filterKind');
    document.getElementById('legend-heading').textContent = word('legend');
    document.getElementById('graph').setAttribute('aria-label', word('graphLabel'));
    document.getElementById('sidebar').setAttribute('aria-label', word('sidebar'));
    var notice = document.getElementById('notice');
    if (COLLAPSIBLE) {
      notice.hidden = false;
      notice.textContent = fill(word('collapsedNotice'), STATEMENTS.length);
    }
    updateCounts();
  }

  function updateCounts() {
    var parts = [
      counted(STATEMENTS.length, 'statement'),
      counted(ALIGNMENTS.length, 'alignment'),
      counted(ORGANISATIONS.length, 'organisation'),
      counted(PLANS.length, 'plan')
    ];
    document.getElementById('counts').textContent = parts.join(' · ');
  }

  // ------------------------------------------------------------------ filters

  function option(value, text, selected) {
    var node = element('option', { value: value, text: text });
    if (selected) node.selected = true;
    return node;
  }

  function indent(depth) {
    return new Array(depth + 1).join('\u2003');
  }

  function buildFilters() {
    var organisation = clear(document.getElementById('filter-organisation'));
    organisation.appendChild(option('', word('allOrganisations'), state.organisation === ''));
    ORGANISATIONS.forEach(function (o, k) {
      if (!BY_ORGANISATION[k].length) return;
      organisation.appendChild(option(String(k), indent(o.depth) + pick(o.names), state.organisation === String(k)));
    });

    var plan = clear(document.getElementById('filter-plan'));
    plan.appendChild(option('', word('allPlans'), state.plan === ''));
    plan.appendChild(option('none', word('noPlan'), state.plan === 'none'));
    PLANS.forEach(function (p, k) {
      plan.appendChild(option(String(k), pick(p.titles), state.plan === String(k)));
    });

    var types = clear(document.getElementById('filter-types'));
    TYPES.forEach(function (type, k) {
      var box = element('input', { type: 'checkbox', id: 'type-' + k, value: String(k) });
      box.checked = state.types.has(k);
      box.addEventListener('change', function () {
        if (box.checked) state.types.add(k);
        else state.types.delete(k);
        render();
      });
      types.appendChild(element('div', { className: 'check' }, [
        box,
        element('label', { for: 'type-' + k }, [shapeIcon(type.shape, type.dashed, '#ffffff', INK), pick(type.labels)])
      ]));
    });

    var kinds = clear(document.getElementById('filter-kinds'));
    Object.keys(data.kinds).forEach(function (kind) {
      var box = element('input', { type: 'checkbox', id: 'kind-' + kind, value: kind });
      box.checked = state.kinds.has(kind);
      box.addEventListener('change', function () {
        if (box.checked) state.kinds.add(kind);
        else state.kinds.delete(kind);
        render();
      });
      kinds.appendChild(element('div', { className: 'check' }, [
        box,
        element('label', { for: 'kind-' + kind }, [pick(data.kinds[kind])])
      ]));
    });
  }

  document.getElementById('filter-organisation').addEventListener('change', function (event) {
    state.organisation = event.target.value;
    render();
  });
  document.getElementById('filter-plan').addEventListener('change', function (event) {
    state.plan = event.target.value;
    render();
  });

  // ------------------------------------------------------------------ legend

  function legendRow(icon, text) {
    return element('li', null, [icon, element('span', { text: text })]);
  }

  function buildLegend() {
    var legend = clear(document.getElementById('legend-body'));
    var organisations = element('ul', { className: 'legend-list legend-organisations' });
    ORGANISATIONS.forEach(function (o, k) {
      var swatch = element('span', { className: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = o.colour;
      swatch.style.borderColor = lookOfGroup('org-' + k).border;
      organisations.appendChild(legendRow(swatch, pick(o.names)));
    });
    var types = element('ul', { className: 'legend-list' });
    TYPES.forEach(function (type) {
      types.appendChild(legendRow(shapeIcon(type.shape, type.dashed, '#ffffff', INK), pick(type.labels)));
    });
    var links = element('ul', { className: 'legend-list' });
    data.styles.links.forEach(function (entry) {
      var text = pick(data.kinds[entry.kind]);
      if (entry.strength) text += ', ' + pick(data.strengths[entry.strength]);
      links.appendChild(legendRow(lineIcon(entry), text));
    });
    legend.appendChild(element('h3', { text: word('legendOrganisations') }));
    legend.appendChild(organisations);
    legend.appendChild(element('h3', { text: word('legendTypes') }));
    legend.appendChild(types);
    legend.appendChild(element('h3', { text: word('legendLinks') }));
    legend.appendChild(links);
    legend.appendChild(element('p', { className: 'note', text: word('arrowNote') }));
  }

  // ------------------------------------------------------------------ search

  var RESULTS_SHOWN = 12;

  function statementButton(i, extra) {
    var s = STATEMENTS[i];
    var button = element('button', { type: 'button', className: 'statement-link', 'data-statement': String(i) }, [
      s.identifier ? element('span', { className: 'identifier', text: s.identifier }) : null,
      element('span', { text: pick(s.labels) }),
      extra || null
    ]);
    button.addEventListener('click', function () {
      select(i, { focus: true, moveFocus: true });
    });
    return button;
  }

  function showResults() {
    var list = clear(document.getElementById('results'));
    var status = document.getElementById('results-status');
    if (!fold(state.query)) {
      status.textContent = '';
      return;
    }
    var found = search(state.query);
    status.textContent = found.length
      ? number(found.length) + ' ' + word('found')[found.length === 1 ? 0 : 1]
      : word('noneFound');
    found.slice(0, RESULTS_SHOWN).forEach(function (i) {
      list.appendChild(element('li', null, [statementButton(i)]));
    });
    if (found.length > RESULTS_SHOWN) {
      list.appendChild(element('li', { className: 'note', text: fill(word('more'), found.length - RESULTS_SHOWN) }));
    }
  }

  var searchInput = document.getElementById('search');
  searchInput.addEventListener('input', function () {
    state.query = searchInput.value;
    state.selected = null;
    hidePanel();
    showResults();
    render();
  });
  searchInput.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      var found = search(searchInput.value);
      if (found.length) select(found[0], { focus: true, moveFocus: false });
    }
  });

  // ------------------------------------------------------------------ side panel

  var panel = document.getElementById('panel');
  var shownOrganisation = null;

  function panelHeading() {
    return panel.querySelector('h2');
  }

  function hidePanel() {
    panel.hidden = true;
    shownOrganisation = null;
    clear(panel);
  }

  function closeButton() {
    var button = element('button', { type: 'button', className: 'close', 'aria-label': word('close') }, ['×']);
    button.addEventListener('click', function () {
      clearSelection();
      searchInput.focus();
    });
    return button;
  }

  function period(plan) {
    if (!plan.start && !plan.end) return '';
    var start = plan.start || '';
    var end = plan.end || '';
    // A whole calendar year reads as the year.
    if (start.slice(0, 4) === end.slice(0, 4) && start.slice(4) === '-01-01' && end.slice(4) === '-12-31') {
      return start.slice(0, 4);
    }
    return start + ' – ' + end;
  }

  function facts(rows) {
    var list = element('dl');
    rows.forEach(function (row) {
      if (!row || row[1] === null || row[1] === '' || row[1] === undefined) return;
      list.appendChild(element('dt', { text: row[0] }));
      list.appendChild(element('dd', null, [row[1]]));
    });
    return list;
  }

  function strengthText(a) {
    var parts = [pick(data.kinds[a.kind])];
    if (a.strength) parts.push(pick(data.strengths[a.strength]));
    else if (a.kind === 'suggested') parts.push(word('score').replace('%s', a.weight.toFixed(2)));
    return parts.join(', ');
  }

  function alignmentItem(j, other) {
    var a = ALIGNMENTS[j];
    var rationale = pick(a.rationale);
    var evidence = pick(a.evidence);
    var by = pick(a.by);
    return element('li', null, [
      statementButton(other),
      element('p', { className: 'meta', text: strengthText(a) + (by ? ' · ' + word('attributedTo') + ' ' + by : '') }),
      rationale ? element('p', { className: 'rationale', text: rationale }) : null,
      evidence ? element('p', { className: 'rationale', text: '“' + evidence + '”' }) : null
    ]);
  }

  function alignmentList(heading, items) {
    var section = element('section', null, [element('h3', { text: heading + ' (' + number(items.length) + ')' })]);
    if (!items.length) section.appendChild(element('p', { className: 'note', text: word('nothing') }));
    else section.appendChild(element('ul', { className: 'alignments' }, items));
    return section;
  }

  function pathSection(i) {
    var section = element('section', null, [element('h3', { text: word('paths') })]);
    if (STATEMENTS[i].top) {
      section.appendChild(element('p', { className: 'note', text: word('isTop') }));
      return section;
    }
    if (!REACHES_TOP[i]) {
      section.appendChild(element('p', { className: 'note', text: word('notReachesTop') }));
      return section;
    }
    var found = listPaths(i);
    section.appendChild(element('p', { className: 'note', text: fill(word('reachesTop'), found.total) }));
    var list = element('ol', { className: 'paths' });
    found.paths.forEach(function (path) {
      var steps = element('ol', { className: 'path' });
      path.links.forEach(function (j) {
        steps.appendChild(element('li', null, [
          element('span', { className: 'meta', text: '↑ ' + strengthText(ALIGNMENTS[j]) }),
          statementButton(ALIGNMENTS[j].to)
        ]));
      });
      list.appendChild(element('li', null, [
        element('p', { className: 'meta', text: word('pathStrength').replace('%s', path.strength.toFixed(2)) }),
        steps
      ]));
    });
    section.appendChild(list);
    if (found.more) section.appendChild(element('p', { className: 'note', text: word('morePaths') }));
    return section;
  }

  function showStatement(i) {
    var s = STATEMENTS[i];
    shownOrganisation = null;
    clear(panel);
    panel.hidden = false;
    var type = TYPES[s.type];
    var kind = pick(type.labels) + (s.top ? ' · ' + word('top') : s.joint ? ' · ' + word('joint') : '');
    panel.appendChild(closeButton());
    panel.appendChild(element('p', { className: 'kicker' }, [
      shapeIcon(type.shape, type.dashed, s.holder !== null ? ORGANISATIONS[s.holder].colour : '#8a94a0', INK),
      kind + (s.identifier ? ' · ' + s.identifier : '')
    ]));
    // The source's Danish as the heading, the translation under it, each captioned.
    var main = s.labels.da ? 'da' : s.labels.en ? 'en' : Object.keys(s.labels).sort()[0];
    panel.appendChild(element('p', { className: 'caption', text: main === 'en' ? word('english') : word('danish') }));
    panel.appendChild(element('h2', { tabindex: '-1', lang: main || 'da', text: main ? s.labels[main] : s.iri }));
    if (main === 'da' && s.labels.en) {
      panel.appendChild(element('p', { className: 'caption', text: word('english') }));
      panel.appendChild(element('p', { className: 'text translation', lang: 'en', text: s.labels.en }));
    }

    var plan = s.plan !== null ? PLANS[s.plan] : null;
    var sources = element('span', null, []);
    s.sources.forEach(function (source, n) {
      if (n) sources.appendChild(document.createTextNode(', '));
      sources.appendChild(sourceLink(source.iri, pick(source.titles)));
    });
    var partOf = s.groups.map(function (g) { return pick(GROUPS[g].names); }).filter(Boolean).join('; ');
    panel.appendChild(facts([
      [word('holder'), s.holder !== null ? pick(ORGANISATIONS[s.holder].names) : ''],
      plan ? [word('planLabel'), pick(plan.titles)] : null,
      plan ? [word('period'), period(plan)] : null,
      [word('partOf'), partOf],
      [word('source'), s.sources.length ? sources : ''],
      [word('identifier'), s.iri]
    ]));

    panel.appendChild(pathSection(i));
    panel.appendChild(alignmentList(word('supports'), OUT[i].map(function (j) {
      return alignmentItem(j, ALIGNMENTS[j].to);
    })));
    panel.appendChild(alignmentList(word('supportedBy'), IN[i].map(function (j) {
      return alignmentItem(j, ALIGNMENTS[j].from);
    })));
    var grounded = data.planLinks.filter(function (link) { return link.statement === i; });
    if (grounded.length) {
      var items = grounded.map(function (link) {
        var evidence = pick(link.evidence);
        return element('li', null, [
          element('span', { className: 'plan-title', text: pick(PLANS[link.plan].titles) }),
          element('p', { className: 'meta', text: strengthText(link) }),
          evidence ? element('p', { className: 'rationale', text: '“' + evidence + '”' }) : null
        ]);
      });
      panel.appendChild(element('section', null, [
        element('h3', { text: word('plansGrounded') + ' (' + number(grounded.length) + ')' }),
        element('ul', { className: 'alignments' }, items)
      ]));
    }
  }

  function showOrganisation(k, options) {
    var hadSelection = state.selected !== null;
    state.selected = null;
    if (options.expand && COLLAPSIBLE && !state.expanded.has(k)) expand(k);
    else if (hadSelection) render();
    clear(panel);
    panel.hidden = false;
    shownOrganisation = k;
    var o = ORGANISATIONS[k];
    panel.appendChild(closeButton());
    var swatch = element('span', { className: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = o.colour;
    panel.appendChild(element('p', { className: 'kicker' }, [swatch, word('holder')]));
    panel.appendChild(element('h2', { tabindex: '-1', text: pick(o.names) }));
    panel.appendChild(element('p', { text: fill(word('organisationStatements'), BY_ORGANISATION[k].length) }));
    if (COLLAPSIBLE) {
      var toggle = element('button', { type: 'button', className: 'action' }, [
        state.expanded.has(k) ? word('collapse') : word('expand')
      ]);
      toggle.addEventListener('click', function () {
        if (state.expanded.has(k)) collapse(k);
        else expand(k);
        showOrganisation(k, { expand: false });
      });
      panel.appendChild(toggle);
    }
    var list = element('ul', { className: 'alignments' });
    BY_ORGANISATION[k].slice(0, 200).forEach(function (i) {
      list.appendChild(element('li', null, [statementButton(i)]));
    });
    panel.appendChild(list);
  }

  // ------------------------------------------------------------------ controls

  Array.prototype.forEach.call(document.querySelectorAll('input[name="language"]'), function (input) {
    input.checked = input.value === state.lang;
    input.addEventListener('change', function () {
      if (input.checked) setLanguage(input.value);
    });
  });
  document.getElementById('reset').addEventListener('click', reset);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) clearSelection();
  });

  writeWords();
  buildFilters();
  buildLegend();
  writeCaptions();

  // ------------------------------------------------------------------ for tests and scripts

  function statementIndex(key) {
    if (typeof key === 'number') return key;
    for (var i = 0; i < STATEMENTS.length; i++) {
      var s = STATEMENTS[i];
      if (s.iri === key || s.identifier === key || s.labels.da === key || s.labels.en === key) return i;
    }
    return -1;
  }

  function shownNodes(kind) {
    return nodes.get({ filter: function (node) { return !node.hidden && typeof node.id === kind; } });
  }

  api.network = network;
  api.nodes = nodes;
  api.edges = edges;
  api.fold = fold;
  api.search = function (query) {
    return search(query).map(function (i) { return STATEMENTS[i].identifier || STATEMENTS[i].iri; });
  };
  api.select = function (key) {
    var i = statementIndex(key);
    if (i >= 0) select(i, { focus: true });
    return i;
  };
  api.expand = expand;
  api.collapse = collapse;
  api.reset = reset;
  api.setLanguage = setLanguage;
  api.statementIndex = statementIndex;
  api.counts = function () {
    return {
      statements: STATEMENTS.length,
      alignments: ALIGNMENTS.length,
      organisations: ORGANISATIONS.length,
      plans: PLANS.length,
      planLinks: data.planLinks.length,
      nodes: nodes.length,
      edges: edges.length,
      shownNodes: shownNodes('number').length + shownNodes('string').length,
      shownEdges: edges.get({ filter: function (edge) { return !edge.hidden; } }).length,
      collapsed: COLLAPSIBLE,
      expanded: state.expanded.size
    };
  };
  /** The statements shown as themselves, and the organisations shown folded. */
  api.shown = function () {
    return {
      statements: shownNodes('number').map(function (node) {
        return STATEMENTS[node.id].identifier || STATEMENTS[node.id].iri;
      }),
      organisations: shownNodes('string').map(function (node) {
        return ORGANISATIONS[Number(node.id.slice(4))].iri;
      }),
      alignments: edges.get({ filter: function (edge) { return !edge.hidden && typeof edge.id === 'number'; } })
        .map(function (edge) { return ALIGNMENTS[edge.id].iri; })
    };
  };
  /** What is lit and what is dimmed, by identifier (statements shown as themselves). */
  api.highlight = function () {
    var lit = [];
    var dimmed = [];
    current.nodes.forEach(function (node) {
      if (typeof node.id !== 'number') return;
      var name = STATEMENTS[node.id].identifier || STATEMENTS[node.id].iri;
      (node.font.color === DIMMED.font ? dimmed : lit).push(name);
    });
    return { selected: state.selected === null ? null : STATEMENTS[state.selected].identifier, lit: lit, dimmed: dimmed };
  };
  /** Where a node is on the page, in CSS pixels from the viewport's corner (for a real click). */
  api.pagePosition = function (key) {
    var id = typeof key === 'string' && key.indexOf('org-') === 0 ? key : statementIndex(key);
    var point = network.canvasToDOM(network.getPosition(id));
    var box = container.getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  };
  api.labelOf = function (key) {
    var node = nodes.get(statementIndex(key));
    return node ? node.label : null;
  };
  window.goalgraphExplorer = api;
})();
