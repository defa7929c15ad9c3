// A large graph drilled down by its organisation tree: the compact data, the tree, what is on screen.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { bundledData, load, runPython } = require('./modules.js');
const {
  CHILDREN_SHOWN, decodeCompact, shortLabel, organisationTree, ancestry, firstOpened, drillView, foldsFor, shareBar,
} = load('drill.js');

test('the compact data decodes to the records a small graph carries', () => {
  const records = bundledData(1500);
  const compact = bundledData(0);
  assert.ok(compact.compact && !compact.statements);
  decodeCompact(compact);
  assert.equal(compact.statements.length, records.statements.length);
  compact.statements.forEach((s, i) => {
    const r = records.statements[i];
    assert.equal(s.iri, r.iri);
    assert.equal(s.identifier, r.identifier || null);
    assert.deepEqual(s.labels, r.labels || {});
    assert.equal(s.holder, r.holder === undefined ? null : r.holder);
    assert.equal(s.plan, r.plan === undefined ? null : r.plan);
    assert.deepEqual(s.sources, (r.sources || []).map((source) => ({ iri: source.iri, titles: source.titles || {} })));
    assert.deepEqual(s.groups, r.groups || []);
    assert.deepEqual([s.type, s.row, s.top, s.joint], [r.type, r.row, Boolean(r.top), Boolean(r.joint)]);
  });
  compact.alignments.forEach((a, j) => {
    const r = records.alignments[j];
    assert.deepEqual([a.iri, a.from, a.to, a.kind, a.weight], [r.iri, r.from, r.to, r.kind, r.weight]);
    assert.equal(a.strength, r.strength || null);
    assert.deepEqual([a.rationale, a.evidence, a.by], [r.rationale || {}, r.evidence || {}, r.by || {}]);
  });
});

test('labels are cut as Python cuts them', () => {
  const samples = [
    'Kvalitet i sagsbehandlingen',
    'Justitsministeriet er garant for retsstatens grundlæggende principper.',
    'Vi sikrer klimatilpasning og kvalitet i opgaveløsningen for landmændene i hele landet',
    'en '.repeat(40),
    'Kort',
  ];
  const script = 'import json, sys\nfrom goalgraph.explorer.styles import short_label\n'
    + 'print(json.dumps([short_label(t) for t in json.load(sys.stdin)]))';
  const python = JSON.parse(runPython(script, JSON.stringify(samples)));
  assert.deepEqual(samples.map((text) => shortLabel(text)), python);
});

// A tree: 0 at the top; 1 and 2 under it; 40 organisations under 1; one statement each, the even ones reaching the top.
function sample() {
  const organisations = [{ parent: null }, { parent: 0 }, { parent: 0 }];
  for (let k = 0; k < 40; k++) organisations.push({ parent: 1 });
  const statements = organisations.map((_, k) => ({ holder: k }));
  const reaches = statements.map((_, i) => (i % 2 === 0 ? 1 : 0));
  return { organisations, statements, tree: organisationTree(organisations, statements, reaches) };
}

test('the tree counts each organisation\'s statements with those below it', () => {
  const { tree } = sample();
  assert.deepEqual(tree.roots, [0]);
  assert.deepEqual(Array.from(tree.total.slice(0, 3)), [43, 41, 1]);
  assert.deepEqual(Array.from(tree.reaching.slice(0, 3)), [22, 20, 1]);
  assert.deepEqual(Array.from(tree.depth.slice(0, 4)), [0, 1, 1, 2]);
  assert.deepEqual(ancestry(tree, 10), [0, 1, 10]);
  assert.deepEqual(Array.from(firstOpened(tree)), [0]);
});

test('a fold holds everything under it; an open one shows the first ones under it and "+N more"', () => {
  const { tree } = sample();
  const first = drillView(tree, new Set([0]), new Map());
  assert.deepEqual(first.boxes, [{ k: 0, opened: true }, { k: 1, opened: false }, { k: 2, opened: false }]);
  assert.equal(first.at[0], null);
  assert.equal(first.at[30], 'org-1');
  assert.deepEqual(first.more, []);
  const opened = drillView(tree, new Set([0, 1]), new Map());
  assert.equal(opened.boxes.length, 3 + CHILDREN_SHOWN);
  assert.equal(opened.more.length, 1);
  assert.equal(opened.more[0].organisations.length, 40 - CHILDREN_SHOWN);
  assert.equal(opened.at[42], 'more-1');
  assert.ok(opened.links.some((link) => link[0] === 'org-1' && link[1] === 'more-1'));
  // An organisation opened behind "+N more" is shown all the same; more shown on asking.
  assert.ok(drillView(tree, new Set([0, 1, 42]), new Map()).boxes.some((box) => box.k === 42 && box.opened));
  assert.deepEqual(drillView(tree, new Set([0, 1]), new Map([[1, 100]])).more, []);
});

test('the folds for some statements are their holders and those above', () => {
  const { tree, statements } = sample();
  assert.deepEqual(Array.from(foldsFor(tree, statements, [30, 2])).sort((a, b) => a - b), [0, 1, 2, 30]);
  assert.equal(shareBar(1, 4), '▰▰▰▱▱▱▱▱▱▱');
  assert.equal(shareBar(0, 0), '▱▱▱▱▱▱▱▱▱▱');
});
