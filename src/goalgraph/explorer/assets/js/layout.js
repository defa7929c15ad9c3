/*
 * goalgraph explorer, layout.js: the hierarchical layout, row by row (a layered
 * layout after Sugiyama). Pure: no page, no state.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py).
 */
'use strict';

// Sweeps down and up the rows, ordering each by its neighbours.
var SWEEPS = 8;
// Rows are wrapped above twice the square root of their length, and never below this.
var WRAP_MIN = 30;
// Rounds of swapping neighbours, and the longest row worth it (the cost grows with
// the square of a row's links).
var TRANSPOSE_ROUNDS = 6;
var TRANSPOSE_LIMIT = 400;

function mean(values) {
  var total = 0;
  for (var k = 0; k < values.length; k++) total += values[k];
  return total / values.length;
}

/**
 * Where each node goes in the hierarchical layout: its row from its level, its place
 * in the row from its neighbours (Sugiyama's method, simply): rows are ordered by the
 * average place of each node's neighbours, sweeping down and up a few times so links
 * cross less, then nodes move towards their neighbours as far as the spacing allows.
 * Nodes that nothing links stay in the order given (organisation by organisation).
 *
 * items: [{id, level, order}] in their initial order; links: [[from, to]].
 * spacing: {node, row}, the distances between neighbours in a row and between rows.
 * Returns a Map of id to {x, y}, with rowTops: the y of each level's first line.
 */
function layeredLayout(items, links, spacing) {
  var byId = new Map();
  items.forEach(function (item) { byId.set(item.id, item); });
  var neighbours = new Map();
  items.forEach(function (item) { neighbours.set(item.id, []); });
  links.forEach(function (link) {
    if (link[0] !== link[1] && byId.has(link[0]) && byId.has(link[1])) {
      neighbours.get(link[0]).push(link[1]);
      neighbours.get(link[1]).push(link[0]);
    }
  });
  var rows = [];
  items.forEach(function (item) {
    while (rows.length <= item.level) rows.push([]);
    rows[item.level].push(item);
  });
  var place = new Map();
  function number(row) {
    row.forEach(function (item, k) {
      place.set(item.id, row.length > 1 ? k / (row.length - 1) : 0.5);
    });
  }
  rows.forEach(number);

  for (var sweep = 0; sweep < SWEEPS; sweep++) {
    var down = sweep % 2 === 0;
    for (var r = 0; r < rows.length; r++) {
      var level = down ? r : rows.length - 1 - r;
      var row = rows[level];
      var centre = new Map();
      row.forEach(function (item) {
        var all = neighbours.get(item.id);
        var near = all.filter(function (n) {
          return down ? byId.get(n).level < level : byId.get(n).level > level;
        });
        var chosen = near.length ? near : all;
        centre.set(item.id, chosen.length ? mean(chosen.map(function (n) { return place.get(n); })) : place.get(item.id));
      });
      row.sort(function (a, b) {
        return centre.get(a.id) - centre.get(b.id) || a.order - b.order;
      });
      number(row);
    }
  }

  // Then swap neighbours in a row while that makes fewer links cross: the links of
  // two nodes cross when a neighbour of the left one lies right of a neighbour of
  // the right one (counted separately above and below).
  function crossings(a, b, level) {
    var count = 0;
    var na = neighbours.get(a.id);
    var nb = neighbours.get(b.id);
    for (var i = 0; i < na.length; i++) {
      var above = byId.get(na[i]).level < level;
      for (var j = 0; j < nb.length; j++) {
        if (above === byId.get(nb[j]).level < level && place.get(na[i]) > place.get(nb[j])) count += 1;
      }
    }
    return count;
  }
  for (var round = 0; round < TRANSPOSE_ROUNDS; round++) {
    var improved = false;
    rows.forEach(function (row, level) {
      if (row.length > TRANSPOSE_LIMIT) return;
      for (var k = 0; k + 1 < row.length; k++) {
        if (crossings(row[k], row[k + 1], level) > crossings(row[k + 1], row[k], level)) {
          var left = row[k];
          row[k] = row[k + 1];
          row[k + 1] = left;
          improved = true;
        }
      }
      number(row);
    });
    if (!improved) break;
  }

  // A row too long to read is wrapped into stacked lines, in order, so the graph
  // keeps a shape a screen can show (a collapsed graph has hundreds of
  // organisations at one depth).
  var lines = [];
  var y = 0;
  rows.forEach(function (row) {
    var width = Math.max(WRAP_MIN, Math.ceil(Math.sqrt(row.length) * 2));
    if (row.length <= width) {
      lines.push({ items: row, wrapped: false, y: y });
      y += spacing.row;
      return;
    }
    // Wrapped lines sit closer together than rows, so the rows still read as rows.
    for (var start = 0; start < row.length; start += width) {
      lines.push({ items: row.slice(start, start + width), wrapped: true, y: y });
      y += start + width < row.length ? spacing.row * 0.75 : spacing.row;
    }
  });

  // Evenly spaced and centred, then towards the neighbours, keeping order and spacing.
  var x = new Map();
  lines.forEach(function (line) {
    line.items.forEach(function (item, k) {
      x.set(item.id, (k - (line.items.length - 1) / 2) * spacing.node);
    });
  });
  function pack(items, desired) {
    var n = items.length;
    var left = new Array(n);
    var right = new Array(n);
    for (var k = 0; k < n; k++) left[k] = k ? Math.max(desired[k], left[k - 1] + spacing.node) : desired[k];
    for (k = n - 1; k >= 0; k--) right[k] = k < n - 1 ? Math.min(desired[k], right[k + 1] - spacing.node) : desired[k];
    // Both keep the spacing, so their average does too.
    items.forEach(function (item, k) { x.set(item.id, (left[k] + right[k]) / 2); });
  }
  var unwrapped = lines.filter(function (line) { return !line.wrapped; });
  for (var pass = 0; pass < 4; pass++) {
    var order = pass % 2 ? unwrapped.slice().reverse() : unwrapped;
    order.forEach(function (line) {
      pack(line.items, line.items.map(function (item) {
        var linked = neighbours.get(item.id);
        return linked.length ? mean(linked.map(function (n) { return x.get(n); })) : x.get(item.id);
      }));
    });
  }
  var positions = new Map();
  positions.rowTops = rows.map(function (row) {
    var line = lines.find(function (candidate) { return candidate.items[0] === row[0]; });
    return line ? line.y : null;
  });
  lines.forEach(function (line) {
    line.items.forEach(function (item) {
      positions.set(item.id, { x: Math.round(x.get(item.id)), y: Math.round(line.y) });
    });
  });
  return positions;
}

if (typeof module !== 'undefined') {
  module.exports = { layeredLayout: layeredLayout };
}
