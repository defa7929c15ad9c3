/*
 * goalgraph explorer, status.js: achievement in the page. Each statement's status (met,
 * partly met, not met, no data) and each indicator's series come with the page's data,
 * computed once by goalgraph.progress when the page was built
 * (goalgraph/explorer/statuses.py); nothing is fetched. This module decodes them, says
 * how a status looks (a fill, and a marker so that colour is never the only sign) and
 * works out the points of an indicator's sparkline. Pure: no page, no state.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py).
 */
'use strict';

/** The statuses, best first, as goalgraph.achievement names them. */
var STATUSES = ['met', 'partly-met', 'not-met', 'no-data'];

/** What a statement's label starts with when the page colours by status: the status without colour. */
var STATUS_MARKERS = { met: '✓', 'partly-met': '◐', 'not-met': '✗', 'no-data': '–' };

/** The columns of an indicator's series, as the page's data holds them (statuses.py's SERIES_COLUMNS). */
var SERIES_COLUMNS = ['period', 'start', 'end', 'target', 'actual', 'status', 'calculated', 'reported', 'sources'];

/** colour (#rrggbb) mixed with black by amount: a fill's outline. */
function darken(colour, amount) {
  var out = '#';
  for (var k = 1; k < 7; k += 2) {
    var channel = Math.round(parseInt(colour.slice(k, k + 2), 16) * (1 - amount));
    out += (channel < 16 ? '0' : '') + channel.toString(16);
  }
  return out;
}

/** A known status, or no data for anything else. */
function knownStatus(status) {
  return STATUSES.indexOf(status) >= 0 ? status : 'no-data';
}

/** A node's colours (vis-network's color option) for status, from the fills by status. */
function statusLook(colours, status) {
  var fill = colours[knownStatus(status)];
  var border = darken(fill, 0.35);
  return { background: fill, border: border, highlight: { background: fill, border: darken(fill, 0.55) } };
}

/** label with the marker of status in front of it. */
function markedLabel(label, status) {
  return STATUS_MARKERS[knownStatus(status)] + ' ' + label;
}

/** An indicator's series from its columns into rows ({period, target, actual, status, ...}), in time order. */
function decodeSeries(columns) {
  var rows = [];
  var count = columns && columns.period ? columns.period.length : 0;
  for (var r = 0; r < count; r++) {
    var row = {};
    SERIES_COLUMNS.forEach(function (name) {
      var values = columns[name];
      var value = values ? values[r] : undefined;
      row[name] = value === undefined ? null : value;
    });
    row.status = knownStatus(row.status);
    row.sources = row.sources || [];
    rows.push(row);
  }
  return rows;
}

/**
 * The page's achievement data, ready to read: status[i] for every statement (no data
 * where none is given), progress[i] (status, score, calculated, measured, drivers) for
 * those that have one, indicators[i] (unit, direction, baseline, threshold, movement,
 * series as rows) for the indicators; results and judged say whether there is anything
 * to colour by.
 */
function decodeAchievement(raw, count) {
  raw = raw || {};
  var status = [];
  for (var i = 0; i < count; i++) status.push('no-data');
  var progress = {};
  Object.keys(raw.statements || {}).forEach(function (key) {
    var found = raw.statements[key];
    var k = Number(key);
    if (!(k >= 0 && k < count)) return;
    status[k] = knownStatus(found.status);
    progress[k] = {
      status: status[k],
      score: typeof found.score === 'number' ? found.score : null,
      calculated: found.calculated !== false,
      measured: found.measured === true,
      drivers: (found.drivers || []).filter(function (d) { return d.statement >= 0 && d.statement < count; })
    };
  });
  var indicators = {};
  Object.keys(raw.indicators || {}).forEach(function (key) {
    var found = raw.indicators[key];
    indicators[Number(key)] = {
      unit: found.unit || null,
      direction: found.direction === 'lower' ? 'lower' : 'higher',
      baseline: typeof found.baseline === 'number' ? found.baseline : null,
      threshold: typeof found.threshold === 'number' ? found.threshold : null,
      movement: found.movement || 'unknown',
      series: decodeSeries(found.series)
    };
  });
  return {
    results: raw.results || 0,
    judged: raw.judged || 0,
    status: status,
    progress: progress,
    indicators: indicators
  };
}

/**
 * Where a sparkline of rows draws its figures, in a box of width by height with pad
 * around: actual and target as lists of [x, y] (only the periods with a number; x by
 * period, y up for a larger figure), and the lowest and highest figure. Null when no
 * period has a number to draw.
 */
function sparkPoints(rows, width, height, pad) {
  var figures = [];
  rows.forEach(function (row) {
    if (typeof row.actual === 'number') figures.push(row.actual);
    if (typeof row.target === 'number') figures.push(row.target);
  });
  if (!figures.length) return null;
  var low = Math.min.apply(null, figures);
  var high = Math.max.apply(null, figures);
  var span = high - low || 1;
  var step = rows.length > 1 ? (width - 2 * pad) / (rows.length - 1) : 0;
  function at(r, value) {
    var x = rows.length > 1 ? pad + r * step : width / 2;
    var y = high === low ? height / 2 : pad + ((high - value) / span) * (height - 2 * pad);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  }
  var actual = [];
  var target = [];
  rows.forEach(function (row, r) {
    if (typeof row.actual === 'number') actual.push(at(r, row.actual));
    if (typeof row.target === 'number') target.push(at(r, row.target));
  });
  return { actual: actual, target: target, low: low, high: high };
}

if (typeof module !== 'undefined') {
  module.exports = {
    STATUSES: STATUSES,
    STATUS_MARKERS: STATUS_MARKERS,
    SERIES_COLUMNS: SERIES_COLUMNS,
    darken: darken,
    knownStatus: knownStatus,
    statusLook: statusLook,
    markedLabel: markedLabel,
    decodeSeries: decodeSeries,
    decodeAchievement: decodeAchievement,
    sparkPoints: sparkPoints
  };
}
