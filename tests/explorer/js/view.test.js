// What the graph shows for a state of the page, on the bundled dataset's page data.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { bundledData, load } = require('./modules.js');
const { viewModel, viewOf, litOf, searchFor, isFolded, organisationId, baseNodeOf, baseEdgeOf, warmSearchIndex } = load('view.js');
const { searchTexts } = load('fold.js');
const { firstOpened, ancestry } = load('drill.js');

// The page's data, built by goalgraph from the bundled dataset: open, and folded into organisations.
const OPEN = viewModel(bundledData(1500));
const FOLDED = viewModel(bundledData(0));

function initialState(model, changes) {
  return Object.assign({
    lang: 'da',
    organisation: '',
    plan: '',
    types: new Set(model.data.types.map((_, k) => k)),
    kinds: new Set(Object.keys(model.data.kinds)),
    query: '',
    selected: null,
    expanded: new Set(),
  }, changes || {});
}

function position(model, identifier) {
  const i = model.statements.findIndex((s) => s.identifier === identifier);
  assert.ok(i >= 0, identifier);
  return i;
}

function shown(view) {
  return view.nodes.filter((node) => !node.hidden);
}

function names(model, nodes) {
  return nodes.map((node) => model.statements[node.id].identifier).sort();
}

test('the data is completed where it leaves things out', () => {
  OPEN.statements.forEach((s) => {
    assert.ok(Array.isArray(s.sources) && Array.isArray(s.groups));
    assert.ok(s.holder === null || typeof s.holder === 'number');
  });
  OPEN.alignments.forEach((a) => assert.equal(typeof a.rationale, 'object'));
  assert.equal(OPEN.graph.reaches.length, OPEN.statements.length);
});

test('at first every statement and alignment shows as itself, in its row', () => {
  const view = viewOf(OPEN, initialState(OPEN));
  assert.equal(view.nodes.length, OPEN.statements.length);
  assert.equal(shown(view).length, OPEN.statements.length);
  assert.equal(view.edges.length, OPEN.alignments.length);
  assert.ok(view.edges.every((edge) => !edge.hidden && typeof edge.id === 'number'));
  const sm3 = view.nodes.find((node) => node.id === position(OPEN, 'SM3'));
  assert.equal(sm3.level, 3);
  assert.equal(sm3.label, OPEN.statements[sm3.id].short.da);
  assert.equal(sm3.borderWidth, 1.5);
  assert.equal(view.nodes.find((node) => node.id === position(OPEN, 'JM-M1')).level, 0);
});

test('the language changes the labels', () => {
  const view = viewOf(OPEN, initialState(OPEN, { lang: 'en' }));
  const i = position(OPEN, 'SM3');
  assert.equal(view.nodes.find((node) => node.id === i).label, OPEN.statements[i].short.en);
});

test('filters hide statements, and the alignments of hidden statements', () => {
  const mission = OPEN.data.types.findIndex((type) => type.name === 'Mission');
  const view = viewOf(OPEN, initialState(OPEN, { types: new Set([mission]) }));
  assert.ok(shown(view).length > 0);
  assert.ok(shown(view).every((node) => OPEN.statements[node.id].type === mission));
  view.edges.forEach((edge) => {
    const a = OPEN.alignments[edge.id];
    assert.equal(edge.hidden, !(view.passing[a.from] && view.passing[a.to]));
  });
  const noPlan = viewOf(OPEN, initialState(OPEN, { plan: 'none' }));
  assert.ok(shown(noPlan).every((node) => OPEN.statements[node.id].plan === null));
  const politiet = OPEN.organisations.findIndex((o) => o.names.da === 'Politiet');
  const held = viewOf(OPEN, initialState(OPEN, { organisation: String(politiet) }));
  assert.ok(shown(held).length > 0);
  assert.ok(shown(held).every((node) => OPEN.statements[node.id].holder === politiet));
});

test('leaving out a kind hides its alignments only', () => {
  const kinds = new Set(Object.keys(OPEN.data.kinds));
  kinds.delete('stated');
  const view = viewOf(OPEN, initialState(OPEN, { kinds: kinds }));
  assert.equal(shown(view).length, OPEN.statements.length);
  view.edges.forEach((edge) => assert.equal(edge.hidden, OPEN.alignments[edge.id].kind === 'stated'));
});

test('a selected statement lights its paths to the top and dims the rest', () => {
  const i = position(OPEN, 'SM3');
  const state = initialState(OPEN, { selected: i });
  const lit = litOf(OPEN, state);
  assert.ok(['PA-M2', 'AM-C', 'JM-M2', 'JM-M1'].every((name) => lit.nodes.has(position(OPEN, name))));
  assert.ok(!lit.nodes.has(position(OPEN, 'AM-P')));
  const view = viewOf(OPEN, state);
  const selected = view.nodes.find((node) => node.id === i);
  assert.equal(selected.borderWidth, 4);
  assert.equal(selected.color.border, OPEN.ink);
  view.nodes.forEach((node) => {
    assert.equal(node.font.color === OPEN.dimmed.font, !lit.nodes.has(node.id), OPEN.statements[node.id].identifier);
  });
  view.edges.forEach((edge) => {
    assert.equal(edge.color.color === OPEN.pathColour, lit.links.has(edge.id));
  });
});

test('a search lights what it finds', () => {
  const state = initialState(OPEN, { query: 'KVALITET i sagsbehandling' });
  const found = searchFor(OPEN, state.query);
  assert.deepEqual(found.map((i) => OPEN.statements[i].identifier), ['SM3']);
  const view = viewOf(OPEN, state);
  const lit = view.nodes.filter((node) => node.font.color !== OPEN.dimmed.font);
  assert.deepEqual(names(OPEN, lit), ['SM3']);
  assert.equal(litOf(OPEN, initialState(OPEN, { query: '  ' })), null);
});

test('a large graph opens on its organisation tree: the top open, the organisations under it folded', () => {
  const state = initialState(FOLDED, { expanded: firstOpened(FOLDED.tree), shownChildren: new Map() });
  const view = viewOf(FOLDED, state);
  const tree = FOLDED.tree;
  assert.deepEqual(tree.roots.map((k) => FOLDED.organisations[k].names.da), ['Justitsministeriets koncern']);
  const boxes = view.nodes.filter((node) => typeof node.id === 'string');
  const root = tree.roots[0];
  // The top as an opened box, each organisation under it as a folded one.
  assert.deepEqual(boxes.map((node) => node.id).sort(), [root].concat(tree.children[root]).map(organisationId).sort());
  assert.ok(boxes.find((node) => node.id === organisationId(root)).label.startsWith('▾ '));
  // Every statement is on screen once: as itself (the top's), or counted in a box.
  const own = view.nodes.filter((node) => typeof node.id === 'number');
  assert.ok(own.every((node) => [root, null].includes(FOLDED.statements[node.id].holder)));
  let counted = own.length;
  tree.children[root].forEach((k) => {
    const box = boxes.find((node) => node.id === organisationId(k));
    assert.ok(box.label.split('\n').slice(-2)[0].startsWith(String(tree.total[k]) + ' · '), box.label);
    counted += tree.total[k];
  });
  assert.equal(counted, FOLDED.statements.length);
  // Links into a box are bundled: one per pair of nodes on screen, with their count.
  const bundles = view.edges.filter((edge) => String(edge.id).startsWith('agg:'));
  assert.ok(bundles.length > 0);
  const pairs = new Set();
  bundles.forEach((edge) => {
    assert.notEqual(edge.from, edge.to);
    const pair = [String(edge.from), String(edge.to)].sort().join('|');
    assert.ok(!pairs.has(pair), pair);
    pairs.add(pair);
    assert.match(edge.label, /^\d+$/);
  });
  const total = bundles.reduce((sum, edge) => sum + Number(edge.label), 0);
  const between = FOLDED.alignments.filter((a) => {
    const ends = [a.from, a.to].map((i) => FOLDED.statements[i].holder);
    return ends.some((holder) => holder !== null && holder !== root);
  });
  assert.equal(total, between.filter((a) => FOLDED.statements[a.from].holder !== FOLDED.statements[a.to].holder).length);
});

test('an organisation opened shows its statements, and a bundle is drawn as its strongest link', () => {
  const k = FOLDED.statements[position(FOLDED, 'SM3')].holder;
  const state = initialState(FOLDED, { expanded: new Set(ancestry(FOLDED.tree, k)) });
  assert.equal(isFolded(FOLDED, state, position(FOLDED, 'SM3')), false);
  const view = viewOf(FOLDED, state);
  assert.ok(view.nodes.find((node) => node.id === organisationId(k)).label.startsWith('▾ '));
  FOLDED.byOrganisation[k].forEach((i) => assert.ok(view.nodes.some((node) => node.id === i)));
  const closed = viewOf(FOLDED, initialState(FOLDED, { expanded: firstOpened(FOLDED.tree) }));
  assert.equal(isFolded(FOLDED, initialState(FOLDED, { expanded: firstOpened(FOLDED.tree) }), position(FOLDED, 'SM3')), true);
  assert.ok(!closed.nodes.some((node) => node.id === position(FOLDED, 'SM3')));
  // A bundle with a stated alignment in it is drawn as a stated link.
  const stated = FOLDED.linkStyles.find((style) => style.kind === 'stated');
  closed.edges.filter((edge) => String(edge.id).startsWith('agg:')).forEach((edge) => {
    const inside = FOLDED.alignments.filter((a) => {
      const ends = [a.from, a.to].map((x) => {
        const holder = FOLDED.statements[x].holder;
        return holder === null || closed.drill.at[holder] === null ? x : closed.drill.at[holder];
      });
      return ends.includes(edge.from) && ends.includes(edge.to);
    });
    assert.equal(edge.color.color === stated.color.color, inside.some((a) => a.kind === 'stated'), edge.id);
  });
});

test('statements are made into nodes as pyvis makes them for a small graph', () => {
  const i = position(FOLDED, 'SM3');
  const made = baseNodeOf(FOLDED, i);
  const pyvis = OPEN.baseNodes[position(OPEN, 'SM3')];
  ['shape', 'group', 'level', 'size', 'label'].forEach((key) => assert.deepEqual(made[key], pyvis[key], key));
  OPEN.alignments.forEach((a, j) => {
    const fromPyvis = OPEN.baseEdges[j];
    const made = baseEdgeOf(FOLDED, FOLDED.alignments.findIndex((b) => b.iri === a.iri));
    assert.equal(made.width, fromPyvis.width);
    assert.deepEqual(made.color, fromPyvis.color);
    assert.deepEqual(made.dashes, fromPyvis.dashes);
  });
});

test('the search index made a slice at a time is the one made at once', () => {
  const model = viewModel(bundledData(0));
  let slices = 0;
  while (!warmSearchIndex(model, 7)) slices += 1;
  assert.equal(slices, Math.ceil(model.statements.length / 7) - 1);
  assert.deepEqual(model.searchTexts, searchTexts(model.statements));
  assert.deepEqual(searchFor(model, 'kvalitet i sagsbehandlingen').map((i) => model.statements[i].identifier), ['SM3']);
});

test('past the organisations shown under one, a "+N more" box holds the rest', () => {
  const tree = FOLDED.tree;
  const root = tree.roots[0];
  assert.ok(tree.children[root].length >= 2);
  const state = initialState(FOLDED, { expanded: firstOpened(tree), shownChildren: new Map([[root, 1]]) });
  const view = viewOf(FOLDED, state);
  const more = view.nodes.find((node) => node.id === 'more-' + root);
  const hidden = tree.children[root].slice(1);
  assert.ok(more.label.startsWith('+' + hidden.length + ' organisationer mere\n'), more.label);
  const inside = hidden.reduce((sum, k) => sum + tree.total[k], 0);
  assert.ok(more.label.includes('\n' + inside + ' · '), more.label);
  assert.ok(!view.nodes.some((node) => hidden.map(organisationId).includes(node.id)));
  assert.ok(view.edges.some((edge) => edge.id === 'tree:' + organisationId(root) + '>more-' + root));
});
