/*
 * goalgraph explorer, icons.js: the small drawings of the legend and the filters, a node
 * shape as vis-network draws it and a link's line, as SVG made with the DOM (never
 * from text). The points are computed apart from the page, for the tests.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py).
 */
'use strict';

var SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with these attributes. */
function svg(tag, attributes) {
  var node = document.createElementNS(SVG, tag);
  Object.keys(attributes).forEach(function (name) {
    node.setAttribute(name, attributes[name]);
  });
  return node;
}

/** Points as an SVG polygon's points attribute: "x,y x,y ...", to a tenth. */
function polygon(points) {
  return points.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join(' ');
}

/** The corners of a regular polygon around the centre of an 18 by 18 icon, the first at rotation. */
function regular(sides, radius, rotation) {
  var points = [];
  for (var k = 0; k < sides; k++) {
    var angle = rotation + (2 * Math.PI * k) / sides;
    points.push([9 + radius * Math.cos(angle), 9 + radius * Math.sin(angle)]);
  }
  return points;
}

/** The ten corners of a five-pointed star, point up, in an 18 by 18 icon. */
function star() {
  var points = [];
  for (var k = 0; k < 10; k++) {
    var radius = k % 2 ? 3.6 : 8;
    var angle = -Math.PI / 2 + (Math.PI * k) / 5;
    points.push([9 + radius * Math.cos(angle), 9.5 + radius * Math.sin(angle)]);
  }
  return points;
}

/** A small drawing of a node shape, as vis-network draws it, for the legend. */
function shapeIcon(shape, dashed, fill, stroke) {
  var icon = svg('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true', focusable: 'false' });
  var look = { fill: fill, stroke: stroke, 'stroke-width': 1.4 };
  if (dashed) look['stroke-dasharray'] = '2.5 2';
  var drawn;
  if (shape === 'dot') drawn = svg('circle', Object.assign({ cx: 9, cy: 9, r: 6.5 }, look));
  else if (shape === 'square') drawn = svg('rect', Object.assign({ x: 3, y: 3, width: 12, height: 12 }, look));
  else if (shape === 'box') drawn = svg('rect', Object.assign({ x: 1.5, y: 4, width: 15, height: 10, rx: 2 }, look));
  else {
    var points = {
      star: star(),
      diamond: regular(4, 7.5, -Math.PI / 2),
      hexagon: regular(6, 7.5, 0),
      triangle: regular(3, 8, -Math.PI / 2),
      triangleDown: regular(3, 8, Math.PI / 2)
    }[shape] || regular(8, 7, 0);
    drawn = svg('polygon', Object.assign({ points: polygon(points) }, look));
  }
  icon.appendChild(drawn);
  return icon;
}

/**
 * A small drawing of a link style (width, colour, dashes) with its end, for the legend:
 * an arrowhead, or with end 'bar' a bar across the line (a hindering link).
 */
function lineIcon(style, end) {
  var icon = svg('svg', { width: 34, height: 12, viewBox: '0 0 34 12', 'aria-hidden': 'true', focusable: 'false' });
  var line = svg('line', {
    x1: 1, y1: 6, x2: 26, y2: 6,
    stroke: style.color.color,
    'stroke-opacity': style.color.opacity,
    'stroke-width': style.width
  });
  if (style.dashes) line.setAttribute('stroke-dasharray', style.dashes.join(' '));
  icon.appendChild(line);
  if (end === 'bar') {
    line.setAttribute('x2', 31);
    icon.appendChild(svg('line', {
      x1: 31, y1: 1, x2: 31, y2: 11,
      stroke: style.color.color,
      'stroke-opacity': style.color.opacity,
      'stroke-width': 3
    }));
    return icon;
  }
  icon.appendChild(svg('polygon', {
    points: '26,2 33,6 26,10',
    fill: style.color.color,
    'fill-opacity': style.color.opacity
  }));
  return icon;
}

if (typeof module !== 'undefined') {
  module.exports = { svg: svg, polygon: polygon, regular: regular, star: star, shapeIcon: shapeIcon, lineIcon: lineIcon };
}
