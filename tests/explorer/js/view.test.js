// What the graph shows for a state of the page, on the bundled dataset's page data.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { bundledData, load } = require('./modules.js');
const { viewModel, viewOf, litOf, searchFor, isFolded, organisationId } = load('view.js');

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

test('a folded graph shows each organisation as one node, its links bundled', () => {
  const state = initialState(FOLDED);
  const view = viewOf(FOLDED, state);
  const organisations = view.nodes.filter((node) => typeof node.id === 'string');
  const holders = new Set(FOLDED.statements.map((s) => s.holder).filter((holder) => holder !== null));
  assert.equal(organisations.length, holders.size);
  organisations.forEach((node) => {
    const k = Number(node.id.slice(4));
    assert.equal(node.id, organisationId(k));
    assert.ok(node.label.endsWith('\n(' + FOLDED.byOrganisation[k].length + ')'), node.label);
  });
  // Statements without a holder stay themselves.
  const own = view.nodes.filter((node) => typeof node.id === 'number');
  assert.ok(own.every((node) => FOLDED.statements[node.id].holder === null));
  assert.ok(view.edges.every((edge) => typeof edge.id === 'number' || edge.id.startsWith('agg:')));
  const bundles = view.edges.filter((edge) => typeof edge.id === 'string');
  assert.ok(bundles.length > 0);
  bundles.forEach((edge) => assert.notEqual(edge.from, edge.to));
});

test('an organisation folded out shows its statements', () => {
  const k = FOLDED.statements[position(FOLDED, 'SM3')].holder;
  const state = initialState(FOLDED, { expanded: new Set([k]) });
  assert.equal(isFolded(FOLDED, state, position(FOLDED, 'SM3')), false);
  const view = viewOf(FOLDED, state);
  assert.ok(!view.nodes.some((node) => node.id === organisationId(k)));
  FOLDED.byOrganisation[k].forEach((i) => assert.ok(view.nodes.some((node) => node.id === i)));
});
