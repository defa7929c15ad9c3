// Achievement in the page: status colours and markers, the series as the page decodes them, the
// sparkline's points, and what the view draws, on the page data of the synthetic målrapportering
// fixture (tests/fixtures/achievement/maalrapportering-synthetic.ttl: made up, example.org/synthetic).
'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { load, runPython } = require('./modules.js');
const {
  STATUSES, STATUS_MARKERS, darken, statusLook, markedLabel, decodeSeries, decodeAchievement, sparkPoints
} = load('status.js');
const { viewModel, viewOf, baseHinderingEdgeOf, passesHindrance } = load('view.js');

/** The explorer page data of the synthetic fixture, as the page reads it; folded if collapseAbove is 0. */
function syntheticData(collapseAbove) {
  const script = 'import re\nimport goalgraph\nfrom goalgraph.explorer import build_explorer\n'
    + 'graph = goalgraph.open(["tests/fixtures/achievement/maalrapportering-synthetic.ttl"], bundled=False)\n'
    + 'page = build_explorer(graph, collapse_above=' + Number(collapseAbove) + ')\n'
    + 'print(re.search(r\'id="goalgraph-data">(.*?)</script>\', page, re.S)[1])';
  return JSON.parse(runPython(script));
}

const DATA = syntheticData(1500);
const COLOURS = DATA.styles.status;

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
    hindering: true,
    byStatus: false
  }, changes || {});
}

function position(model, identifier) {
  const i = model.statements.findIndex((s) => s.identifier === identifier);
  assert.ok(i >= 0, identifier);
  return i;
}

test('each status has its fill from Python, an outline darker than it, and a marker', () => {
  assert.deepEqual(Object.keys(COLOURS).sort(), [...STATUSES].sort());
  STATUSES.forEach((status) => {
    const look = statusLook(COLOURS, status);
    assert.equal(look.background, COLOURS[status]);
    assert.notEqual(look.border, look.background);
    assert.ok(STATUS_MARKERS[status].length > 0);
  });
  assert.equal(statusLook(COLOURS, 'not-met').background, '#d9534f');
  // Anything unknown is no data, never a colour of its own.
  assert.equal(statusLook(COLOURS, 'bogus').background, COLOURS['no-data']);
  assert.equal(darken('#ffffff', 0.5), '#808080');
  assert.equal(markedLabel('Tilfredse\nborgere', 'not-met'), '✗ Tilfredse\nborgere');
  assert.equal(markedLabel('x', 'met'), '✓ x');
  assert.equal(markedLabel('x', 'partly-met'), '◐ x');
});

test('a series is decoded from its columns into rows, in order', () => {
  const rows = decodeSeries({
    period: ['2019', '2020'],
    target: [30, 'Publication of Part 1'],
    actual: [41, null],
    status: ['not-met', 'weird'],
    reported: ['not-met', null],
    sources: [['https://example.org/synthetic/aarsrapport-2019'], []]
  });
  assert.equal(rows.length, 2);
  assert.deepEqual(
    [rows[0].period, rows[0].target, rows[0].actual, rows[0].status, rows[0].reported],
    ['2019', 30, 41, 'not-met', 'not-met']
  );
  // A target in words stays words; an unknown status is no data; a column left out is null.
  assert.equal(rows[1].target, 'Publication of Part 1');
  assert.equal(rows[1].status, 'no-data');
  assert.equal(rows[1].start, null);
  assert.deepEqual(decodeSeries(undefined), []);
});

test('the page data of the fixture decodes to its statuses and series', () => {
  const found = decodeAchievement(DATA.achievement, DATA.statements.length);
  const status = (id) => found.status[DATA.statements.findIndex((s) => s.identifier === id)];
  assert.equal(status('S-T1'), 'met');
  assert.equal(status('S-T2'), 'partly-met');
  assert.equal(status('S-T3'), 'not-met');
  assert.equal(status('S-V1'), 'partly-met');
  const i1 = DATA.statements.findIndex((s) => s.identifier === 'S-I1');
  const series = found.indicators[i1].series;
  assert.deepEqual(series.map((row) => row.actual), [41, 36, 29]);
  assert.deepEqual(series.map((row) => row.reported), ['not-met', 'partly-met', null]);
  assert.equal(found.indicators[i1].unit, 'dage');
  assert.equal(found.indicators[i1].direction, 'lower');
  // With no achievement data, every statement has no data and nothing is judged.
  const none = decodeAchievement({ results: 0, judged: 0 }, 3);
  assert.deepEqual(none.status, ['no-data', 'no-data', 'no-data']);
  assert.equal(none.judged, 0);
});

test('the sparkline puts a larger figure higher, and only figures', () => {
  const rows = decodeSeries({ period: ['a', 'b', 'c'], target: [30, 30, 30], actual: [41, 'words', 29] });
  const points = sparkPoints(rows, 240, 56, 6);
  assert.equal(points.actual.length, 2);
  assert.equal(points.target.length, 3);
  assert.deepEqual(points.actual[0], [6, 6]); // 41, the highest, at the top left
  assert.deepEqual(points.actual[1], [234, 50]); // 29, the lowest, at the bottom right
  assert.equal(points.low, 29);
  assert.equal(points.high, 41);
  assert.equal(sparkPoints(decodeSeries({ period: ['a'], actual: ['words'] }), 240, 56, 6), null);
  const flat = sparkPoints(decodeSeries({ period: ['a'], actual: [5] }), 240, 56, 6);
  assert.deepEqual(flat.actual, [[120, 28]]);
});

test('colour by status fills each statement by its status and marks its label', () => {
  const model = viewModel(syntheticData(1500));
  const plain = viewOf(model, initialState(model));
  const coloured = viewOf(model, initialState(model, { byStatus: true }));
  const t3 = position(model, 'S-T3');
  const before = plain.nodes.find((node) => node.id === t3);
  const after = coloured.nodes.find((node) => node.id === t3);
  assert.notEqual(before.color.background, COLOURS['not-met']);
  assert.equal(after.color.background, COLOURS['not-met']);
  assert.ok(after.label.startsWith('✗ '));
  assert.ok(!before.label.startsWith('✗'));
});

test('a hindering link is drawn as itself, red with a bar, and hides with its filter', () => {
  const model = viewModel(syntheticData(1500));
  const view = viewOf(model, initialState(model));
  const edge = view.edges.find((e) => e.id === 'h-0');
  assert.ok(edge && !edge.hidden);
  const base = baseHinderingEdgeOf(model, 0);
  assert.equal(base.arrows.to.type, 'bar');
  assert.equal(base.color.color, '#c0392b');
  assert.equal(base.from, position(model, 'S-T1'));
  assert.equal(base.to, position(model, 'S-T2'));
  // Not an alignment: no path to the top goes through it.
  assert.ok(model.alignments.every((a) => a.iri !== model.hindrances[0].iri));
  const off = viewOf(model, initialState(model, { hindering: false }));
  assert.equal(off.edges.find((e) => e.id === 'h-0').hidden, true);
  const passing = new Uint8Array(model.statements.length).fill(1);
  assert.equal(passesHindrance(model, initialState(model, { kinds: new Set(['stated']) }), 0, passing), false);
});

test('between folded boxes hindering links are one red link per pair, apart from the support', () => {
  const data = syntheticData(0);
  const model0 = viewModel(data);
  // Synthetic: the agency's target S-T3 also hinders the ministry's mission S-M1 (folded box to statement).
  model0.hindrances.push({
    iri: 'https://example.org/synthetic/h-T3-M1', from: position(model0, 'S-T3'), to: position(model0, 'S-M1'),
    kind: 'stated', strength: 'weak', rationale: {}, evidence: {}, by: {}
  });
  const view = viewOf(model0, initialState(model0, { expanded: new Set([0]) }));
  const bundles = view.edges.filter((e) => String(e.id).indexOf('hagg:') === 0);
  assert.equal(bundles.length, 1);
  assert.equal(bundles[0].arrows.to.type, 'bar');
  assert.equal(bundles[0].label, '1');
  assert.equal(bundles[0].color.color, '#c0392b');
  assert.equal(bundles[0].to, position(model0, 'S-M1'));
  // The supporting links between the same ends are a bundle of their own.
  assert.ok(view.edges.some((e) => String(e.id).indexOf('agg:') === 0 && e.to === bundles[0].to));
});

test('with a statement selected, only its own hindering links keep their red', () => {
  const model = viewModel(syntheticData(1500));
  const colourOf = (selected) => viewOf(model, initialState(model, { selected: selected })).edges
    .find((e) => e.id === 'h-0').color.color;
  assert.equal(colourOf(position(model, 'S-T1')), '#c0392b');
  assert.equal(colourOf(position(model, 'S-T2')), '#c0392b');
  assert.equal(colourOf(position(model, 'S-M1')), model.dimmed.edge);
});
