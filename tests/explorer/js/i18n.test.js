// The page's words, and texts and numbers in the page's language.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');

const { ASSETS, load } = require('./modules.js');
const { WORDS, wordIn, numberIn, countedIn, fillIn, pickIn, period } = load('i18n.js');

test('Danish and English have the same words, of the same forms', () => {
  assert.deepEqual(Object.keys(WORDS).sort(), ['da', 'en']);
  assert.deepEqual(Object.keys(WORDS.da).sort(), Object.keys(WORDS.en).sort());
  Object.keys(WORDS.da).forEach((key) => {
    assert.equal(Array.isArray(WORDS.da[key]), Array.isArray(WORDS.en[key]), key);
    if (WORDS.da[key].includes('%n')) assert.ok(WORDS.en[key].includes('%n'), key);
  });
});

test('every word the page asks for is there', () => {
  const main = fs.readFileSync(path.join(ASSETS, 'main.js'), 'utf-8');
  const asked = new Set();
  for (const match of main.matchAll(/\bword\('(\w+)'\)|counted\([^,]+, '(\w+)'\)/g)) asked.add(match[1] || match[2]);
  assert.ok(asked.size > 40);
  asked.forEach((key) => {
    assert.notEqual(wordIn('da', key), undefined, key);
    assert.notEqual(wordIn('en', key), undefined, key);
  });
});

test('numbers and counts are written as each language writes them', () => {
  assert.equal(numberIn('da', 12345), '12.345');
  assert.equal(numberIn('en', 12345), '12,345');
  assert.equal(countedIn('da', 1, 'statement'), '1 målsætning');
  assert.equal(countedIn('da', 2, 'statement'), '2 målsætninger');
  assert.equal(countedIn('en', 0, 'plan'), '0 plans');
  assert.equal(fillIn('da', wordIn('da', 'more'), 1500), 'og 1.500 flere');
  assert.equal(fillIn('en', wordIn('en', 'organisationStatements'), 3), '3 statements');
});

test('a text is picked in the language, else the other, else any', () => {
  assert.equal(pickIn('da', { da: 'Tryghed', en: 'Safety' }), 'Tryghed');
  assert.equal(pickIn('en', { da: 'Tryghed', en: 'Safety' }), 'Safety');
  assert.equal(pickIn('en', { da: 'Tryghed' }), 'Tryghed');
  assert.equal(pickIn('da', { sv: 'Trygghet', de: 'Sicherheit' }), 'Sicherheit');
  assert.equal(pickIn('da', { '': 'https://example.org/x' }), 'https://example.org/x');
  assert.equal(pickIn('da', {}), '');
  assert.equal(pickIn('da', undefined), '');
});

test('a whole calendar year reads as the year', () => {
  assert.equal(period({ start: '2024-01-01', end: '2024-12-31' }), '2024');
  assert.equal(period({ start: '2024-01-01', end: '2027-12-31' }), '2024-01-01 – 2027-12-31');
  assert.equal(period({ start: '2024-03-01' }), '2024-03-01 – ');
  assert.equal(period({}), '');
});
