// Search folding: the same as goalgraph.text.fold in Python, and search over the folded texts.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { load, runPython } = require('./modules.js');
const { fold, searchTexts, searchIn } = load('fold.js');

const SAMPLES = [
  'Tryghed',
  'TRYGT',
  'Åben og borgerrettet opgaveløsning',
  'AABEN',
  'aaben',
  'A\u030aben',
  'Café  Øst',
  'Kvalitet\u00a0i sagsbehandlingen',
  '  Ærø\tRegion Sjælland ',
  'Straße',
  'GROSSE STRASSE ẞ',
  'ŒUVRE',
  'Þórshöfn',
  'Łódź',
  'Đakovo',
  'Iıİ',
  'ΟΔΥΣΣΕΥΣ ὀδυσσεύς',
  'Ångström aaa Aa',
  'ﬁnance ①',
  'line\nbreak\u2028here',
  '',
];

test('fold agrees with goalgraph.text.fold on every sample', () => {
  const script = 'import json, sys\nfrom goalgraph.text import fold\n'
    + 'print(json.dumps([fold(s) for s in json.load(sys.stdin)]))';
  const output = runPython(script, JSON.stringify(SAMPLES));
  assert.deepEqual(SAMPLES.map(fold), JSON.parse(output));
});

test('fold drops case and accents and writes aa as a', () => {
  assert.equal(fold('  Ærø\tÅBEN  '), 'aero aben');
  assert.equal(fold('Straße'), 'strasse');
  assert.equal(fold(42), '42');
});

const STATEMENTS = [
  { identifier: 'SM3', labels: { da: 'Kvalitet i sagsbehandlingen', en: 'Quality in case handling' } },
  { identifier: 'FP1', labels: { da: 'Åben og borgerrettet opgaveløsning' } },
  { labels: { en: 'Safety and security' } },
  {},
];

test('search looks in every language and the identifier', () => {
  const texts = searchTexts(STATEMENTS);
  assert.deepEqual(searchIn(texts, 'KVALITET'), [0]);
  assert.deepEqual(searchIn(texts, 'case handling'), [0]);
  assert.deepEqual(searchIn(texts, 'sm3'), [0]);
  assert.deepEqual(searchIn(texts, 'aaben'), [1]);
  assert.deepEqual(searchIn(texts, 'LØSNING'), [1]);
  assert.deepEqual(searchIn(texts, 'e'), [0, 1, 2]);
  assert.deepEqual(searchIn(texts, 'nowhere'), []);
});

test('an empty or blank query finds nothing', () => {
  const texts = searchTexts(STATEMENTS);
  assert.deepEqual(searchIn(texts, ''), []);
  assert.deepEqual(searchIn(texts, ' \t '), []);
});
