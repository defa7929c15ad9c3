// The legend's drawings: the points of the shapes, and the SVG made of them.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');

const { load } = require('./modules.js');
const { polygon, regular, star, shapeIcon, lineIcon } = load('icons.js');

/** Just enough of a document for the drawings: elements that keep their attributes and children. */
const FAKE_DOCUMENT = {
  createElementNS(namespace, tag) {
    return {
      namespace: namespace,
      tag: tag,
      attributes: {},
      children: [],
      setAttribute(name, value) { this.attributes[name] = String(value); },
      appendChild(child) { this.children.push(child); },
    };
  },
};

test('points are written to a tenth', () => {
  assert.equal(polygon([[1, 2.25], [3.04, 4]]), '1.0,2.3 3.0,4.0');
});

test('a diamond and a star stand on the icon\'s centre, point up', () => {
  assert.equal(polygon(regular(4, 7.5, -Math.PI / 2)), '9.0,1.5 16.5,9.0 9.0,16.5 1.5,9.0');
  const points = star();
  assert.equal(points.length, 10);
  assert.deepEqual(points[0].map((v) => Number(v.toFixed(6))), [9, 1.5]);
});

test('each shape is drawn as vis-network draws it, dashed if its type is', () => {
  globalThis.document = FAKE_DOCUMENT;
  try {
    const drawn = (shape, dashed) => shapeIcon(shape, dashed, '#ffffff', '#000000').children[0];
    assert.equal(drawn('dot').tag, 'circle');
    assert.equal(drawn('box').tag, 'rect');
    assert.equal(drawn('star').tag, 'polygon');
    assert.equal(drawn('star').attributes.points, polygon(star()));
    assert.equal(drawn('triangle', true).attributes['stroke-dasharray'], '2.5 2');
    assert.equal(drawn('triangle', false).attributes['stroke-dasharray'], undefined);
    // An unknown shape is an octagon.
    assert.equal(drawn('ellipse').attributes.points.split(' ').length, 8);
    const icon = shapeIcon('dot', false, '#fff', '#000');
    assert.equal(icon.attributes['aria-hidden'], 'true');
    const line = lineIcon({ width: 2, color: { color: '#123456', opacity: 0.5 }, dashes: [6, 5] });
    assert.equal(line.children[0].attributes['stroke-dasharray'], '6 5');
    assert.equal(line.children[1].attributes.fill, '#123456');
  } finally {
    delete globalThis.document;
  }
});
