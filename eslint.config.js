// ESLint's settings for the explorer's JavaScript and its tests (run by tests/explorer/test_javascript.py).
'use strict';

const js = require('@eslint/js');

// What the page's scripts use of the browser, besides vis-network's one global.
const BROWSER = { document: 'readonly', window: 'readonly', CustomEvent: 'readonly', vis: 'readonly' };
const NODE = { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' };

module.exports = [
  // What is not ours, or not the explorer's (server/query.js is the server's page script).
  { ignores: ['.venv/', 'node_modules/', 'build/', 'dist/', 'out/', 'test-artifacts/', 'src/goalgraph/server/'] },
  js.configs.recommended,
  {
    // The explorer's script modules: plain scripts, joined into the page's one script
    // (goalgraph/explorer/page.py); each also exports its functions to Node when
    // there is a `module` (never in the page).
    files: ['src/goalgraph/explorer/assets/**/*.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: { ...BROWSER, module: 'writable' },
    },
    rules: {
      eqeqeq: 'error',
      strict: ['error', 'global'],
    },
  },
  {
    files: ['tests/explorer/js/**/*.js', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: NODE },
    rules: { eqeqeq: 'error' },
  },
];
