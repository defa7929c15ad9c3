// The explorer's script modules, loaded in Node as the page runs them (see goalgraph/explorer/page.py).
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..', '..');
const ASSETS = path.join(ROOT, 'src', 'goalgraph', 'explorer', 'assets', 'js');
// page.py's SCRIPT_MODULES, but main.js (which needs the page); test_javascript.py checks they agree.
const ORDER = ['i18n.js', 'fold.js', 'reach.js', 'drill.js', 'layout.js', 'status.js', 'view.js', 'icons.js'];

/**
 * The exports of module name. In the page a module uses what those before it define;
 * here those are loaded first and their exports made globals, as they are in the page.
 */
function load(name) {
  const position = ORDER.indexOf(name);
  if (position < 0) throw new Error('not a pure script module: ' + name);
  ORDER.slice(0, position).forEach((before) => Object.assign(globalThis, require(path.join(ASSETS, before))));
  return require(path.join(ASSETS, name));
}

/** The interpreter to ask for goalgraph's answers: the one pytest runs (GOALGRAPH_PYTHON), else the project's. */
function python() {
  if (process.env.GOALGRAPH_PYTHON) return process.env.GOALGRAPH_PYTHON;
  const venv = path.join(ROOT, '.venv', 'bin', 'python');
  return fs.existsSync(venv) ? venv : 'python3';
}

/** What script prints, run by goalgraph's Python with input on its standard input. */
function runPython(script, input) {
  return execFileSync(python(), ['-c', script], { input: input || '', encoding: 'utf-8', cwd: ROOT });
}

/** The data of the explorer page of the bundled dataset, as the page reads it; collapsed if collapseAbove is 0. */
function bundledData(collapseAbove) {
  const script = 'import re, sys\nimport goalgraph\nfrom goalgraph.explorer import build_explorer\n'
    + 'page = build_explorer(goalgraph.load(), collapse_above=int(sys.argv[1]))\n'
    + 'print(re.search(r\'id="goalgraph-data">(.*?)</script>\', page, re.S)[1])';
  const output = execFileSync(python(), ['-c', script, String(collapseAbove)], { encoding: 'utf-8', cwd: ROOT });
  return JSON.parse(output);
}

module.exports = { ROOT, ASSETS, ORDER, load, runPython, bundledData };
