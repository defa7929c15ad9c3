// The hierarchical layout: rows by level, order by neighbours, spacing kept.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { load } = require('./modules.js');
const { layeredLayout } = load('layout.js');

const SPACING = { node: 100, row: 150 };

function items(levels) {
  return levels.map((level, k) => ({ id: 'n' + k, level: level, order: k }));
}

function xs(positions, ids) {
  return ids.map((id) => positions.get(id).x);
}

test('each level is a row, and a row keeps its spacing', () => {
  const positions = layeredLayout(items([0, 0, 1, 1, 1, 2]), [], SPACING);
  assert.equal(positions.size, 6);
  assert.deepEqual(['n0', 'n2', 'n5'].map((id) => positions.get(id).y), [0, 150, 300]);
  assert.deepEqual(positions.rowTops, [0, 150, 300]);
  // Nothing linked: the given order, centred.
  assert.deepEqual(xs(positions, ['n2', 'n3', 'n4']), [-100, 0, 100]);
  assert.deepEqual(xs(positions, ['n0', 'n1']), [-50, 50]);
});

test('nodes are ordered by their neighbours so links do not cross', () => {
  // n0 n1 above, n2 n3 below, linked crosswise: the lower row swaps.
  const positions = layeredLayout(items([0, 0, 1, 1]), [['n0', 'n3'], ['n1', 'n2']], SPACING);
  const [a, b] = xs(positions, ['n0', 'n1']);
  const [c, d] = xs(positions, ['n2', 'n3']);
  assert.equal(Math.sign(b - a), Math.sign(c - d));
  assert.ok(Math.abs(c - d) >= SPACING.node);
});

test('a node moves towards what it is linked to', () => {
  // One node above, four below, linked to the last of them only.
  const positions = layeredLayout(items([0, 1, 1, 1, 1]), [['n0', 'n4']], SPACING);
  assert.equal(positions.get('n0').x, positions.get('n4').x);
});

test('a long row is wrapped into lines, in order', () => {
  const positions = layeredLayout(items(new Array(100).fill(0).concat([1])), [], SPACING);
  const rows = new Set(Array.from(positions.values()).map((at) => at.y));
  // 100 nodes wrap at 30 a line: four lines, closer together than rows, then the next row.
  assert.deepEqual(Array.from(rows).sort((a, b) => a - b), [0, 112.5, 225, 337.5, 487.5].map(Math.round));
  assert.equal(positions.rowTops[1], 487.5);
  for (let k = 0; k + 1 < 30; k++) {
    assert.equal(positions.get('n' + (k + 1)).x - positions.get('n' + k).x, SPACING.node);
  }
});

test('links to unknown nodes and to themselves are ignored, and the result is the same each time', () => {
  const links = [['n0', 'n0'], ['n0', 'missing'], ['n1', 'n2']];
  const first = layeredLayout(items([0, 0, 1]), links, SPACING);
  const second = layeredLayout(items([0, 0, 1]), links, SPACING);
  assert.deepEqual(Array.from(first.entries()), Array.from(second.entries()));
});
