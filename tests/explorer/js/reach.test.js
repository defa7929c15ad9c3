// What a chosen statement lights up, and its paths to the top.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { load } = require('./modules.js');
const { alignmentGraph, pathsUp, listPaths, PATH_LIMIT } = load('reach.js');

// 0 and 4 are the top; 1 and 2 reach it; 3 only by a suggestion; 5 and 6 reach no top.
const STATEMENTS = [{ top: true }, {}, {}, {}, { top: true }, {}, {}];
const ALIGNMENTS = [
  { from: 1, to: 0, kind: 'stated', weight: 1 },
  { from: 2, to: 1, kind: 'curated', weight: 0.5 },
  { from: 2, to: 0, kind: 'suggested', weight: 0.9 },
  { from: 2, to: 4, kind: 'stated', weight: 0.8 },
  { from: 3, to: 2, kind: 'suggested', weight: 0.7 },
  { from: 5, to: 6, kind: 'stated', weight: 1 },
];
// As the page's data has it ("reachesTop", computed in Python).
const GRAPH = alignmentGraph(STATEMENTS, ALIGNMENTS, [0, 1, 2, 4]);

function sorted(set) {
  return Array.from(set).sort((a, b) => a - b);
}

test('the graph indexes the alignments from and to each statement', () => {
  assert.deepEqual(GRAPH.out, [[], [0], [1, 2, 3], [4], [], [5], []]);
  assert.deepEqual(GRAPH.into, [[0, 2], [1], [4], [], [3], [], [5]]);
  assert.deepEqual(Array.from(GRAPH.reaches), [1, 1, 1, 0, 1, 0, 0]);
});

test('a statement that reaches the top lights its paths there, not suggestions', () => {
  const lit = pathsUp(GRAPH, 2);
  assert.deepEqual(sorted(lit.nodes), [0, 1, 2, 4]);
  assert.deepEqual(sorted(lit.links), [0, 1, 3]);
});

test('a statement that reaches no top lights all it reaches', () => {
  assert.deepEqual(sorted(pathsUp(GRAPH, 5).nodes), [5, 6]);
  assert.deepEqual(sorted(pathsUp(GRAPH, 5).links), [5]);
  // Only a suggestion leads on from 3: nothing but itself.
  assert.deepEqual(sorted(pathsUp(GRAPH, 3).nodes), [3]);
  assert.deepEqual(sorted(pathsUp(GRAPH, 3).links), []);
});

test('paths are listed strongest first, ending at the first top statement', () => {
  const found = listPaths(GRAPH, 2);
  assert.deepEqual(found.paths, [
    { links: [3], strength: 0.8 },
    { links: [1, 0], strength: 0.5 },
  ]);
  assert.equal(found.total, 2);
  assert.equal(found.more, false);
  assert.deepEqual(listPaths(GRAPH, 0), { paths: [], total: 0, more: false });
  assert.deepEqual(listPaths(GRAPH, 5), { paths: [], total: 0, more: false });
});

test('equal strengths put the shorter path first', () => {
  const graph = alignmentGraph(
    [{ top: true }, {}, {}],
    [
      { from: 2, to: 1, kind: 'stated', weight: 1 },
      { from: 1, to: 0, kind: 'stated', weight: 1 },
      { from: 2, to: 0, kind: 'stated', weight: 1 },
    ],
    [0, 1, 2],
  );
  assert.deepEqual(listPaths(graph, 2).paths.map((path) => path.links), [[2], [0, 1]]);
});

test('a cycle is never walked twice', () => {
  const graph = alignmentGraph(
    [{ top: true }, {}, {}],
    [
      { from: 1, to: 2, kind: 'stated', weight: 1 },
      { from: 2, to: 1, kind: 'stated', weight: 1 },
      { from: 2, to: 0, kind: 'stated', weight: 1 },
    ],
    [0, 1, 2],
  );
  assert.deepEqual(listPaths(graph, 1).paths.map((path) => path.links), [[0, 2]]);
});

test('more paths than shown, or a search cut short, is said', () => {
  const limited = listPaths(GRAPH, 2, 1);
  assert.equal(limited.paths.length, 1);
  assert.equal(limited.total, 2);
  assert.equal(limited.more, true);
  assert.equal(listPaths(GRAPH, 2, PATH_LIMIT, 1).more, true);
});

test('a dense graph is searched within the step limit', () => {
  // Ten layers of three, every statement linked to the whole layer above: 3^10 paths.
  const statements = [{ top: true }];
  const alignments = [];
  let above = [0];
  for (let layer = 0; layer < 10; layer++) {
    const here = [];
    for (let k = 0; k < 3; k++) {
      const i = statements.push({}) - 1;
      above.forEach((to) => alignments.push({ from: i, to: to, kind: 'stated', weight: 0.9 }));
      here.push(i);
    }
    above = here;
  }
  const graph = alignmentGraph(statements, alignments, statements.map((_, i) => i));
  const found = listPaths(graph, statements.length - 1);
  assert.equal(found.more, true);
  assert.equal(found.paths.length, PATH_LIMIT);
  assert.ok(found.total < 5000);
});
