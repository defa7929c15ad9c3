/*
 * goalgraph explorer, fold.js: search. Texts are folded the way goalgraph.text.fold
 * folds them in Python (the tests check that both agree on the same samples), then
 * searched for the folded query as a substring. Pure: no page, no state.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py).
 */
'use strict';

// Case folded, accents dropped, ø → o, æ → ae, œ → oe, ð → d, þ → th, ł → l, đ → d,
// ı → i, then aa → a, white space collapsed.
var FOLDED_LETTERS = { 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ð': 'd', 'þ': 'th', 'ł': 'l', 'đ': 'd', 'ı': 'i' };

// Text of nothing but ASCII and æ, ø, å: folded the same way without Unicode
// normalisation, which is most of the time that folding 66,000 statements takes.
var PLAIN_DANISH = /^[\t\n\v\f\r -~æøåÆØÅ]*$/;

/** text as search compares it: "Ærø  Straße" → "aero strasse". */
function fold(text) {
  // JavaScript has no casefold: lower case, then the full case foldings that lower
  // case leaves alone (ß and ẞ to ss, final sigma to sigma).
  var lower = String(text).toLowerCase();
  if (PLAIN_DANISH.test(lower)) {
    // NFKD would make å an a and a ring, and the ring is dropped; æ and ø it keeps.
    return lower
      .replace(/[æøå]/g, function (c) { return c === 'å' ? 'a' : FOLDED_LETTERS[c]; })
      .replace(/aa+/g, 'a')
      .replace(/\s+/g, ' ')
      .trim();
  }
  lower = lower.replace(/[ßẞς]/g, function (c) {
    return c === 'ς' ? 'σ' : 'ss';
  });
  return lower
    .normalize('NFKD')
    .replace(/[øæœðþłđı]/g, function (c) { return FOLDED_LETTERS[c]; })
    .replace(/\p{Mn}/gu, '')
    .replace(/aa+/g, 'a')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What search looks in, for each statement: its texts in every language and its identifier, folded. */
function searchTexts(statements) {
  return statements.map(function (s) {
    var labels = s.labels || {};
    var texts = Object.keys(labels).sort().map(function (k) { return fold(labels[k]); });
    if (s.identifier) texts.push(fold(s.identifier));
    return texts.join('\n');
  });
}

/** The positions of the texts (from searchTexts) that contain query, folded; none for an empty query. */
function searchIn(texts, query) {
  var folded = fold(query);
  if (!folded) return [];
  var found = [];
  for (var i = 0; i < texts.length; i++) {
    if (texts[i].indexOf(folded) >= 0) found.push(i);
  }
  return found;
}

if (typeof module !== 'undefined') {
  module.exports = { fold: fold, searchTexts: searchTexts, searchIn: searchIn };
}
