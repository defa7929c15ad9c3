/*
 * goalgraph explorer, main.js: what the page does.
 *
 * The page carries its data as JSON (<script type="application/json" id="goalgraph-data">)
 * and vis-network inline; this script reads the one, drives the other, and builds the
 * controls, the legend and the side panel. It never writes a text from the data as
 * HTML: every such text goes in with textContent or createTextNode, and links get an
 * href only when it is http or https.
 *
 * The view is computed from the state (language, filters, search, selection, which
 * organisations are folded out) by view() (viewOf in view.js, then the layout), and
 * apply() brings vis-network's data sets in line with it, touching only the nodes and
 * links that changed. A large graph (data.collapsed) is drilled down by its
 * organisation tree (drill.js): a click on a box opens or folds it, the breadcrumb
 * leads back up, a search hit chosen opens exactly the folds on its paths to the top.
 * "Colour by status" fills statements by their status (status.js), disabled where the
 * data has no results; the panel of a statement says its status, score and drivers in
 * words, and an indicator's its series as a table and a sparkline.
 *
 * The last of the explorer's script modules (see goalgraph/explorer/page.py): it uses
 * the functions the others define, which come before it in the page's one script.
 */
/* global WORDS, wordIn, numberIn, countedIn, fillIn, pickIn, period, fold, pathsUp, listPaths, layeredLayout */
/* global viewModel, groupLook, organisationId, searchFor, viewOf, shapeIcon, lineIcon */
/* global baseNodeOf, baseEdgeOf, firstOpened, ancestry, foldsFor, CHILDREN_SHOWN, warmSearchIndex */
/* global baseHinderingEdgeOf, STATUSES, STATUS_MARKERS, statusLook, sparkPoints, svg */
'use strict';

var data = JSON.parse(document.getElementById('goalgraph-data').textContent);
var MODEL = viewModel(data);
var STATEMENTS = MODEL.statements;
var ALIGNMENTS = MODEL.alignments;
var ORGANISATIONS = MODEL.organisations;
var PLANS = data.plans;
var GROUPS = data.groups;
var TYPES = data.types;
var INK = MODEL.ink;
var OUT = MODEL.graph.out;
var IN = MODEL.graph.into;
var REACHES_TOP = MODEL.graph.reaches;
var BY_ORGANISATION = MODEL.byOrganisation;
var COLLAPSIBLE = MODEL.collapsible;
var HINDRANCES = MODEL.hindrances;
var ACHIEVEMENT = MODEL.achievement;
var physicsLayout = data.layout === 'force';

// ------------------------------------------------------------------ state, and words (i18n.js)

var state = {
  lang: data.language,
  organisation: '',
  plan: '',
  types: new Set(TYPES.map(function (_, k) { return k; })),
  kinds: new Set(Object.keys(data.kinds)),
  query: '',
  selected: null,
  // Hindering links shown (a filter), and statements filled by their status (the toggle).
  hindering: true,
  byStatus: false,
  // A large graph: the organisations opened (see drill.js), how many of those under
  // an organisation are shown, and the one the breadcrumb leads to.
  expanded: COLLAPSIBLE ? firstOpened(MODEL.tree) : new Set(),
  shownChildren: new Map(),
  current: null
};

function word(key) {
  return wordIn(state.lang, key);
}

function number(n) {
  return numberIn(state.lang, n);
}

function counted(n, key) {
  return countedIn(state.lang, n, key);
}

function fill(template, n) {
  return fillIn(state.lang, template, n);
}

/** The text in the page's language, else in the other, else in any. */
function pick(texts) {
  return pickIn(state.lang, texts);
}

function search(query) {
  return searchFor(MODEL, query);
}

// ------------------------------------------------------------------ the view (view.js)

function view() {
  var next = viewOf(MODEL, state);
  if (!physicsLayout) place(next.nodes, next.orders, next.layoutLinks);
  return next;
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
    positions = layeredLayout(items, links, data.network.spacing);
    placedKey = key;
  }
  nodes.forEach(function (node) {
    var at = positions.get(node.id);
    node.x = at.x;
    node.y = at.y;
  });
}

var MORE_BOX = { shape: 'box', borderWidth: 1, margin: 8, shapeProperties: { borderDashes: [4, 3] } };

function fullNode(node) {
  var base = typeof node.id === 'number'
    ? baseNodeOf(MODEL, node.id)
    : node.id.indexOf('org-') === 0 ? MODEL.baseOrganisationNodes[Number(node.id.slice(4))] : MORE_BOX;
  return Object.assign({}, base, node);
}

function fullEdge(edge) {
  if (typeof edge.id === 'number') return Object.assign({}, baseEdgeOf(MODEL, edge.id), edge);
  if (edge.id.indexOf('h-') === 0) return Object.assign({}, baseHinderingEdgeOf(MODEL, Number(edge.id.slice(2))), edge);
  return edge;
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
  writeBreadcrumb();
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

// CHILDREN_SHOWN: how many organisations under one show before a "+N more" box, for tests.
var api = { ready: false, CHILDREN_SHOWN: CHILDREN_SHOWN };

function markReady() {
  network.once('afterDrawing', function () {
    api.ready = true;
    document.documentElement.setAttribute('data-ready', 'true');
    document.dispatchEvent(new CustomEvent('goalgraph:ready'));
    warmSearch();
  });
  network.redraw();
}

// Fold the statements' texts for search a slice at a time, between whatever else the page does.
var SEARCH_SLICE = 4000;

function warmSearch() {
  if (!warmSearchIndex(MODEL, SEARCH_SLICE)) window.setTimeout(warmSearch, 0);
}
settle(markReady);

network.on('click', function (params) {
  if (params.nodes.length) {
    var id = params.nodes[0];
    if (typeof id === 'number') select(id, { focus: false });
    else if (String(id).indexOf('more-') === 0) showMore(String(id).slice(5));
    else boxClicked(Number(String(id).slice(4)));
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
    // Fold out every organisation on the paths, so each step shows as itself; from a
    // search (exact), only those: the folds off the paths close.
    var folds = foldsFor(MODEL.tree, STATEMENTS, pathsUp(MODEL.graph, i).nodes);
    if (options.exact) state.expanded = firstOpened(MODEL.tree);
    folds.forEach(function (k) { state.expanded.add(k); });
    if (STATEMENTS[i].holder !== null) state.current = STATEMENTS[i].holder;
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

/** Open organisation k (and those above it): its own statements and the boxes under it show. */
function expand(k) {
  if (!COLLAPSIBLE) return;
  ancestry(MODEL.tree, k).forEach(function (x) { state.expanded.add(x); });
  state.current = k;
  render();
  afterLayout(function () {
    focusOn([organisationId(k)].concat(MODEL.tree.children[k].map(organisationId), BY_ORGANISATION[k]).filter(function (id) {
      return nodes.get(id) !== null;
    }));
  });
}

/** Fold organisation k back into its box, with everything opened under it. */
function collapse(k) {
  var inside = function (x) {
    return x !== null && ancestry(MODEL.tree, x).indexOf(k) >= 0;
  };
  Array.from(state.expanded).forEach(function (x) {
    if (inside(x)) state.expanded.delete(x);
  });
  if (state.selected !== null && inside(STATEMENTS[state.selected].holder)) {
    state.selected = null;
    network.unselectAll();
  }
  state.current = MODEL.tree.parent[k] >= 0 ? MODEL.tree.parent[k] : null;
  render();
  afterLayout(function () { focusOn([organisationId(k)]); });
}

/** A box clicked: a folded organisation opens, an opened one folds back; the panel shows it. */
function boxClicked(k) {
  if (COLLAPSIBLE && state.expanded.has(k) && nodes.get(organisationId(k)) !== null) {
    collapse(k);
    showOrganisation(k, { expand: false });
  } else {
    showOrganisation(k, { expand: true });
  }
}

/** Show more of the organisations under parent ('top' for the top ones): the next CHILDREN_SHOWN. */
function showMore(parent) {
  var key = parent === 'top' ? -1 : Number(parent);
  state.shownChildren.set(key, (state.shownChildren.get(key) || CHILDREN_SHOWN) + CHILDREN_SHOWN);
  render();
  afterLayout(function () { network.fit({ animation: { duration: 300 } }); });
}

// ------------------------------------------------------------------ breadcrumb

var breadcrumb = document.getElementById('breadcrumb');

/** Where you are in the organisation tree: the overview, then the organisations down to the current one. */
function writeBreadcrumb() {
  if (!COLLAPSIBLE) return;
  breadcrumb.hidden = false;
  breadcrumb.setAttribute('aria-label', word('breadcrumb'));
  var trail = state.current === null ? [] : ancestry(MODEL.tree, state.current);
  var list = element('ol');
  function crumb(text, k, last) {
    var button = element('button', { type: 'button', className: 'crumb', text: text });
    if (last) button.setAttribute('aria-current', 'location');
    button.addEventListener('click', function () {
      if (k === null) {
        foldToFirstView();
        return;
      }
      // Back up to organisation k: everything opened below it folds.
      state.expanded = firstOpened(MODEL.tree);
      state.selected = null;
      network.unselectAll();
      hidePanel();
      expand(k);
    });
    list.appendChild(element('li', null, [button]));
  }
  crumb(word('overview'), null, !trail.length);
  trail.forEach(function (k, n) { crumb(pick(ORGANISATIONS[k].names), k, n === trail.length - 1); });
  clear(breadcrumb).appendChild(list);
}

/** The first view of a large graph again, the filters and search left as they are. */
function foldToFirstView() {
  state.expanded = firstOpened(MODEL.tree);
  state.shownChildren = new Map();
  state.current = null;
  state.selected = null;
  network.unselectAll();
  hidePanel();
  render();
  afterLayout(function () { network.fit({ animation: false }); });
}

function reset() {
  state.organisation = '';
  state.plan = '';
  state.types = new Set(TYPES.map(function (_, k) { return k; }));
  state.kinds = new Set(Object.keys(data.kinds));
  state.hindering = true;
  state.query = '';
  state.selected = null;
  state.expanded = COLLAPSIBLE ? firstOpened(MODEL.tree) : new Set();
  state.shownChildren = new Map();
  state.current = null;
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
  document.getElementById('status-toggle-label').textContent = word('colourByStatus');
  var statusNote = document.getElementById('status-note');
  statusNote.hidden = ACHIEVEMENT.judged > 0;
  statusNote.textContent = ACHIEVEMENT.judged > 0 ? '' : ACHIEVEMENT.results ? word('noneJudged') : word('noResults');
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
  if (HINDRANCES.length) {
    // Hindering links of every kind, on or off at once; the kinds above still apply to them.
    var hinders = element('input', { type: 'checkbox', id: 'kind-hinders', value: 'hinders' });
    hinders.checked = state.hindering;
    hinders.addEventListener('change', function () {
      state.hindering = hinders.checked;
      render();
    });
    kinds.appendChild(element('div', { className: 'check' }, [
      hinders,
      element('label', { for: 'kind-hinders' }, [hinderingIcon(), word('hindersFilter')])
    ]));
  }
}

// ------------------------------------------------------------------ colour by status

var statusToggle = document.getElementById('status-toggle');
// With nothing judged (the bundled data has no results), there is nothing to colour by.
statusToggle.disabled = ACHIEVEMENT.judged === 0;
statusToggle.checked = false;
statusToggle.addEventListener('change', function () {
  setStatusColouring(statusToggle.checked);
});

function setStatusColouring(on) {
  if (on && ACHIEVEMENT.judged === 0) return;
  state.byStatus = on;
  statusToggle.checked = on;
  buildLegend();
  render();
}

var STATUS_WORDS = { met: 'statusMet', 'partly-met': 'statusPartlyMet', 'not-met': 'statusNotMet', 'no-data': 'statusNoData' };

/** A status in words, in the page's language. */
function statusWord(status) {
  return word(STATUS_WORDS[status] || 'statusNoData');
}

/** A status as a small badge: its marker and its words, on its colour. */
function statusBadge(status) {
  var badge = element('span', { className: 'status-badge status-' + status, text: STATUS_MARKERS[status] + ' ' + statusWord(status) });
  var look = statusLook(MODEL.statusColours, status);
  badge.style.background = look.background;
  badge.style.borderColor = look.border;
  return badge;
}

/** The look of a hindering link in the legend and the filter: a red line ending in a bar. */
function hinderingIcon() {
  var base = HINDRANCES.length ? baseHinderingEdgeOf(MODEL, 0) : null;
  var colour = base ? base.color.color : '#c0392b';
  return lineIcon({ width: 2, color: { color: colour, opacity: 1 }, dashes: false }, 'bar');
}

document.getElementById('filter-organisation').addEventListener('change', function (event) {
  state.organisation = event.target.value;
  if (COLLAPSIBLE && state.organisation !== '') {
    // Open the organisation chosen, so its statements show as themselves.
    ancestry(MODEL.tree, Number(state.organisation)).forEach(function (k) { state.expanded.add(k); });
    state.current = Number(state.organisation);
  }
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

var LEGEND_ORGANISATIONS = 30;

function buildLegend() {
  var legend = clear(document.getElementById('legend-body'));
  var organisations = element('ul', { className: 'legend-list legend-organisations' });
  // A large graph has thousands: the first, by the hierarchy (the colours repeat past ten anyway).
  var listed = COLLAPSIBLE ? ORGANISATIONS.slice(0, LEGEND_ORGANISATIONS) : ORGANISATIONS;
  listed.forEach(function (o, k) {
    var swatch = element('span', { className: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = o.colour;
    swatch.style.borderColor = groupLook(MODEL, 'org-' + k).border;
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
  if (listed.length < ORGANISATIONS.length) {
    legend.appendChild(element('p', { className: 'note', text: fill(word('more'), ORGANISATIONS.length - listed.length) }));
  }
  if (COLLAPSIBLE) legend.appendChild(element('p', { className: 'note', text: word('boxNote') }));
  legend.appendChild(element('h3', { text: word('legendTypes') }));
  legend.appendChild(types);
  if (HINDRANCES.length) links.appendChild(legendRow(hinderingIcon(), word('hindersLegend')));
  legend.appendChild(element('h3', { text: word('legendLinks') }));
  legend.appendChild(links);
  legend.appendChild(element('p', { className: 'note', text: word('arrowNote') }));
  if (HINDRANCES.length) legend.appendChild(element('p', { className: 'note', text: word('hindersNote') }));
  if (state.byStatus) {
    var statuses = element('ul', { className: 'legend-list legend-status' });
    STATUSES.forEach(function (status) {
      var swatch = element('span', { className: 'swatch', 'aria-hidden': 'true' });
      var look = statusLook(MODEL.statusColours, status);
      swatch.style.background = look.background;
      swatch.style.borderColor = look.border;
      statuses.appendChild(legendRow(swatch, STATUS_MARKERS[status] + ' ' + statusWord(status)));
    });
    // First: with the toggle on, the fill is the status, not the holder.
    legend.insertBefore(statuses, legend.firstChild);
    legend.insertBefore(element('h3', { text: word('legendStatus') }), statuses);
  }
}

// ------------------------------------------------------------------ search

var RESULTS_SHOWN = 12;

function statementButton(i, extra, fromSearch) {
  var s = STATEMENTS[i];
  var button = element('button', { type: 'button', className: 'statement-link', 'data-statement': String(i) }, [
    s.identifier ? element('span', { className: 'identifier', text: s.identifier }) : null,
    element('span', { text: pick(s.labels) }),
    extra || null
  ]);
  button.addEventListener('click', function () {
    select(i, { focus: true, moveFocus: true, exact: fromSearch === true });
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
    list.appendChild(element('li', null, [statementButton(i, null, true)]));
  });
  if (found.length > RESULTS_SHOWN) {
    list.appendChild(element('li', { className: 'note', text: fill(word('more'), found.length - RESULTS_SHOWN) }));
  }
}

var searchInput = document.getElementById('search');
// A large graph is searched a moment after the typing stops, not at every key.
var SEARCH_PAUSE = COLLAPSIBLE ? 100 : 0;
var searchTimer = null;

function runSearch() {
  searchTimer = null;
  state.query = searchInput.value;
  state.selected = null;
  hidePanel();
  showResults();
  render();
}

searchInput.addEventListener('input', function () {
  if (searchTimer !== null) window.clearTimeout(searchTimer);
  if (SEARCH_PAUSE) searchTimer = window.setTimeout(runSearch, SEARCH_PAUSE);
  else runSearch();
});
searchInput.addEventListener('keydown', function (event) {
  if (event.key === 'Enter') {
    event.preventDefault();
    var found = search(searchInput.value);
    if (found.length) select(found[0], { focus: true, moveFocus: false, exact: true });
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
  panel.removeAttribute('data-statement');
}

function closeButton() {
  var button = element('button', { type: 'button', className: 'close', 'aria-label': word('close') }, ['×']);
  button.addEventListener('click', function () {
    clearSelection();
    searchInput.focus();
  });
  return button;
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

function alignmentItem(j, other, hindering) {
  var a = hindering ? HINDRANCES[j] : ALIGNMENTS[j];
  var rationale = pick(a.rationale);
  var evidence = pick(a.evidence);
  var by = pick(a.by);
  return element('li', { className: hindering ? 'hindering' : '' }, [
    statementButton(other),
    element('p', { className: 'meta', text: (hindering ? word('hindersLegend') + ' · ' : '') + strengthText(a) + (by ? ' · ' + word('attributedTo') + ' ' + by : '') }),
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
  var found = listPaths(MODEL.graph, i);
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
  // Which statement the panel shows, for the review mode's script (serve --curate).
  panel.setAttribute('data-statement', s.iri);
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

  var achieved = achievementSection(i);
  if (achieved) panel.appendChild(achieved);
  var series = seriesSection(i);
  if (series) panel.appendChild(series);
  panel.appendChild(pathSection(i));
  panel.appendChild(alignmentList(word('supports'), OUT[i].map(function (j) {
    return alignmentItem(j, ALIGNMENTS[j].to);
  })));
  panel.appendChild(alignmentList(word('supportedBy'), IN[i].map(function (j) {
    return alignmentItem(j, ALIGNMENTS[j].from);
  })));
  if (MODEL.hindersOut[i].length) {
    panel.appendChild(alignmentList(word('hinders'), MODEL.hindersOut[i].map(function (j) {
      return alignmentItem(j, HINDRANCES[j].to, true);
    })));
  }
  if (MODEL.hindersIn[i].length) {
    panel.appendChild(alignmentList(word('hinderedBy'), MODEL.hindersIn[i].map(function (j) {
      return alignmentItem(j, HINDRANCES[j].from, true);
    })));
  }
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

/** Statement i's status, score and drivers, in words; null for a statement with no data. */
function achievementSection(i) {
  var found = ACHIEVEMENT.progress[i];
  if (!found) return null;
  var section = element('section', { className: 'achievement' }, [element('h3', { text: word('achievement') })]);
  section.appendChild(facts([
    [word('statusLabel'), statusBadge(found.status)],
    found.score === null ? null : [word('scoreLabel'), number(Math.round(found.score * 100)) + ' %']
  ]));
  var how = found.measured ? word('measuredNote') : word('rolledUpNote');
  how += ' ' + (found.calculated ? word('calculatedNote') : word('reportedNote'));
  section.appendChild(element('p', { className: 'note', text: how }));
  var drivers = found.drivers.filter(function (d) { return d.statement !== i; });
  if (drivers.length) {
    section.appendChild(element('h4', { text: word('drivers') }));
    section.appendChild(element('ul', { className: 'alignments drivers' }, drivers.map(function (d) {
      var share = number(Math.round(d.share * 100)) + ' %';
      return element('li', null, [
        statementButton(d.statement),
        element('p', { className: 'meta' }, [
          statusBadge(d.status),
          ' · ' + word('share').replace('%s', share) + (d.calculated ? '' : ' · ' + word('reportedNote'))
        ])
      ]);
    })));
  }
  return section;
}

/** A figure or a value in words as the panel shows it; '' for none. */
function figure(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? number(value) : String(value);
}

/** A table cell of a figure (right-aligned, as figures are) or of a value in words. */
function figureCell(value) {
  return element('td', { className: typeof value === 'number' ? 'figure' : 'words', text: figure(value) });
}

/** Indicator i's series: a table of its periods and a sparkline; null for a statement that is no indicator. */
function seriesSection(i) {
  var indicator = ACHIEVEMENT.indicators[i];
  if (!indicator || !indicator.series.length) return null;
  var rows = indicator.series;
  var section = element('section', { className: 'series' }, [element('h3', { text: word('results') })]);
  var spark = sparkline(rows);
  if (spark) section.appendChild(spark);
  var head = element('tr', null, ['resultPeriod', 'resultTarget', 'resultActual', 'resultUnit', 'resultStatus', 'resultReported'].map(function (key) {
    return element('th', { scope: 'col', text: word(key) });
  }));
  var body = element('tbody', null, rows.map(function (row) {
    return element('tr', { 'data-period': row.period || '' }, [
      element('td', { text: row.period || '' }),
      figureCell(row.target),
      figureCell(row.actual),
      element('td', { text: indicator.unit || '' }),
      element('td', null, [statusBadge(row.status)]),
      element('td', { text: row.reported ? statusWord(row.reported) : '' })
    ]);
  }));
  var table = element('table', { className: 'series-table' }, [element('thead', null, [head]), body]);
  section.appendChild(element('div', { className: 'series-scroll' }, [table]));
  var moving = { toward: 'movementToward', away: 'movementAway', flat: 'movementFlat' }[indicator.movement];
  if (moving) section.appendChild(element('p', { className: 'note', text: word(moving) }));
  return section;
}

var SPARK = { width: 240, height: 56, pad: 6 };

/** The sparkline of rows, made with the DOM (createElementNS): the actual figures solid, the targets dashed. */
function sparkline(rows) {
  var points = sparkPoints(rows, SPARK.width, SPARK.height, SPARK.pad);
  if (!points) return null;
  var drawing = svg('svg', {
    class: 'sparkline',
    width: SPARK.width,
    height: SPARK.height,
    viewBox: '0 0 ' + SPARK.width + ' ' + SPARK.height,
    role: 'img'
  });
  var title = svg('title', {});
  title.textContent = word('sparkline');
  drawing.appendChild(title);
  function line(found, attributes) {
    if (found.length > 1) {
      drawing.appendChild(svg('polyline', Object.assign({
        points: found.map(function (p) { return p[0] + ',' + p[1]; }).join(' '),
        fill: 'none'
      }, attributes)));
    }
  }
  line(points.target, { stroke: '#7b8794', 'stroke-width': 1.5, 'stroke-dasharray': '4 3', class: 'spark-target' });
  line(points.actual, { stroke: INK, 'stroke-width': 2, class: 'spark-actual' });
  var withActual = rows.filter(function (row) { return typeof row.actual === 'number'; });
  points.actual.forEach(function (p, n) {
    var look = statusLook(MODEL.statusColours, withActual[n].status);
    drawing.appendChild(svg('circle', { cx: p[0], cy: p[1], r: 3.5, fill: look.background, stroke: look.border, class: 'spark-point' }));
  });
  return drawing;
}

function showOrganisation(k, options) {
  var hadSelection = state.selected !== null;
  state.selected = null;
  if (options.expand && COLLAPSIBLE && !state.expanded.has(k)) expand(k);
  else if (hadSelection) render();
  clear(panel);
  panel.removeAttribute('data-statement');
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
    var total = MODEL.tree.total[k];
    panel.appendChild(element('p', { className: 'note', text:
      fill(word('organisationStatements'), total) + ' ' + word('withThoseBelow') + ' · ' + fill(word('reachingTop'), MODEL.tree.reaching[k]) }));
  }
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
writeBreadcrumb();

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
    organisations: shownNodes('string').filter(function (node) {
      return node.id.indexOf('org-') === 0;
    }).map(function (node) {
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
    (node.font.color === MODEL.dimmed.font ? dimmed : lit).push(name);
  });
  return { selected: state.selected === null ? null : STATEMENTS[state.selected].identifier, lit: lit, dimmed: dimmed };
};
/** Where a node is on the page, in CSS pixels from the viewport's corner (for a real click). */
api.pagePosition = function (key) {
  var box = typeof key === 'string' && (key.indexOf('org-') === 0 || key.indexOf('more-') === 0);
  var id = box ? key : statementIndex(key);
  var point = network.canvasToDOM(network.getPosition(id));
  var frame = container.getBoundingClientRect();
  return { x: frame.left + point.x, y: frame.top + point.y };
};
/** The organisation tree of a large graph as shown: the organisations opened and where the breadcrumb is (by IRI). */
api.drill = function () {
  if (!COLLAPSIBLE) return null;
  var iri = function (k) { return ORGANISATIONS[k].iri; };
  return {
    opened: Array.from(state.expanded).sort(function (a, b) { return a - b; }).map(iri),
    current: state.current === null ? null : iri(state.current),
    breadcrumb: Array.prototype.map.call(breadcrumb.querySelectorAll('button'), function (b) { return b.textContent; }),
    more: nodes.getIds().filter(function (id) { return String(id).indexOf('more-') === 0; }),
    treeLinks: edges.getIds().filter(function (id) { return String(id).indexOf('tree:') === 0; })
  };
};
/** The id of organisation iri's box on the graph ('org-k'), or null if there is no such organisation. */
api.boxOf = function (iri) {
  var k = ORGANISATIONS.findIndex(function (o) { return o.iri === iri; });
  return k < 0 ? null : organisationId(k);
};
/** Open or fold organisation key (its IRI or position) as a click on its box does. */
api.open = function (key) {
  var k = typeof key === 'number' ? key : ORGANISATIONS.findIndex(function (o) { return o.iri === key; });
  if (k >= 0) showOrganisation(k, { expand: true });
  return k;
};
api.close = function (key) {
  var k = typeof key === 'number' ? key : ORGANISATIONS.findIndex(function (o) { return o.iri === key; });
  if (k >= 0) collapse(k);
  return k;
};
/** Whether statement key shows as itself, selected, with its paths to the top lit. */
api.revealed = function (key) {
  var i = statementIndex(key);
  if (i < 0 || state.selected !== i || !current) return false;
  return current.nodes.some(function (node) { return node.id === i && !node.hidden && node.borderWidth === 4; });
};
/** Colour the statements by their status, or by their holder again (as the toggle does). */
api.setStatusColouring = setStatusColouring;
/** What the page knows of achievement: whether the toggle can be used, and each statement's status by identifier. */
api.statuses = function () {
  var found = {};
  STATEMENTS.forEach(function (s, i) {
    found[s.identifier || s.iri] = ACHIEVEMENT.status[i];
  });
  return { results: ACHIEVEMENT.results, judged: ACHIEVEMENT.judged, byStatus: state.byStatus, statements: found };
};
api.nodeOf = function (key) {
  return nodes.get(statementIndex(key));
};
api.labelOf = function (key) {
  var node = nodes.get(statementIndex(key));
  return node ? node.label : null;
};
window.goalgraphExplorer = api;
