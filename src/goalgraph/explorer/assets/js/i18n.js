/*
 * goalgraph explorer, i18n.js: the page's words in Danish and English, and how a text
 * is chosen and a number written in the page's language. Pure: no page, no state.
 *
 * One of the explorer's script modules (see goalgraph/explorer/page.py): concatenated
 * into the page's one inline script, and loaded by Node's require() for the tests.
 */
'use strict';

var WORDS = {
  da: {
    statement: ['målsætning', 'målsætninger'],
    alignment: ['sammenhæng', 'sammenhænge'],
    organisation: ['organisation', 'organisationer'],
    plan: ['plan', 'planer'],
    language: 'Sprog',
    reset: 'Nulstil visning',
    search: 'Søg i målsætninger (dansk, engelsk eller id)',
    searchPlaceholder: 'fx tryghed',
    found: ['fundet', 'fundet'],
    noneFound: 'Ingen målsætninger indeholder det.',
    more: 'og %n flere',
    filters: 'Filtre',
    filterOrganisation: 'Indehaver',
    allOrganisations: 'Alle organisationer',
    filterPlan: 'Plan',
    allPlans: 'Alle planer',
    noPlan: 'Uden plan',
    filterType: 'Type',
    filterKind: 'Sammenhænge',
    legend: 'Forklaring',
    legendOrganisations: 'Farve: indehaver',
    legendTypes: 'Form: type',
    legendLinks: 'Streg: sammenhæng',
    arrowNote: 'Pilen peger mod det, der understøttes.',
    strength: 'styrke',
    close: 'Luk',
    danish: 'Dansk (kildens ordlyd)',
    english: 'Engelsk (projektets oversættelse)',
    type: 'Type',
    holder: 'Indehaver',
    planLabel: 'Plan',
    period: 'Periode',
    partOf: 'Del af',
    source: 'Kilde',
    identifier: 'IRI',
    paths: 'Veje til toppen',
    isTop: 'Den er selv en del af toppen: det, alt andet skal føre op til.',
    reachesTop: 'Når toppen ad %n vej(e); den stærkeste først.',
    notReachesTop: 'Når ikke toppen: ingen kæde af angivne eller kuraterede sammenhænge fører derop.',
    morePaths: 'Flere veje end vist.',
    pathStrength: 'styrke %s',
    supports: 'Understøtter',
    supportedBy: 'Understøttes af',
    nothing: 'Ingen.',
    plansGrounded: 'Planer, der tager udgangspunkt i den',
    rationale: 'Begrundelse',
    evidence: 'Kildens ord',
    attributedTo: 'angivet af',
    score: 'score %s',
    collapsedNotice:
      'Grafen er stor (%n målsætninger), så den viser organisationerne foldet sammen, hver med antallet af målsætninger under den og den andel, der når toppen (▰). Klik på en organisation for at folde den ud.',
    moreOrganisations: '+%n organisationer mere',
    breadcrumb: 'Hvor du er i organisationerne',
    overview: 'Overblik',
    boxNote: 'En foldet organisation viser sine målsætninger i alt (med dem under den) og med ▰ den andel, der når toppen. Et tal på en sammenhæng er antallet af sammenhænge bag den.',
    reachingTop: '%n når toppen',
    withThoseBelow: 'i alt med dem under den',
    expand: 'Fold ud',
    collapse: 'Fold sammen',
    organisationStatements: '%n målsætninger',
    graphLabel: 'Graf over målsætninger og deres sammenhænge',
    sidebar: 'Søg, filtre og forklaring',
    top: 'top',
    joint: 'fælles',
    rowTop: 'Toppen',
    rowJoint: 'Fælles',
    hinders: 'Modvirker',
    hinderedBy: 'Modvirkes af',
    hindersLegend: 'modvirker',
    hindersNote: 'En rød streg med en tværstreg for enden: det ene modvirker det andet.',
    hindersFilter: 'Modvirker (rød)',
    colourByStatus: 'Farv efter status',
    noResults: 'Ingen resultater i data: intet at farve efter.',
    noneJudged: 'Resultaterne i data giver ingen status (mål i ord eller uden tal).',
    legendStatus: 'Farve: status',
    statusMet: 'opfyldt',
    statusPartlyMet: 'delvist opfyldt',
    statusNotMet: 'ikke opfyldt',
    statusNoData: 'ingen data',
    achievement: 'Målopfyldelse',
    statusLabel: 'Status',
    scoreLabel: 'Score',
    measuredNote: 'Målt ved egne indikatorer.',
    rolledUpNote: 'Beregnet op gennem sammenhængene fra det, der understøtter og modvirker den.',
    reportedNote: 'Indehaverens egen vurdering.',
    calculatedNote: 'Beregnet af goalgraph ud fra tallene.',
    drivers: 'Bygger på',
    share: 'andel %s',
    results: 'Resultater',
    resultPeriod: 'Periode',
    resultTarget: 'Mål',
    resultActual: 'Resultat',
    resultUnit: 'Enhed',
    resultStatus: 'Status',
    resultReported: 'Indberettet',
    sparkline: 'Resultat (fuld streg) og mål (stiplet) over perioderne',
    movementToward: 'Tallene bevæger sig mod målet.',
    movementAway: 'Tallene bevæger sig væk fra målet.',
    movementFlat: 'Tallene er uændrede.'
  },
  en: {
    statement: ['statement', 'statements'],
    alignment: ['alignment', 'alignments'],
    organisation: ['organisation', 'organisations'],
    plan: ['plan', 'plans'],
    language: 'Language',
    reset: 'Reset view',
    search: 'Search statements (Danish, English or id)',
    searchPlaceholder: 'e.g. safety',
    found: ['found', 'found'],
    noneFound: 'No statement contains that.',
    more: 'and %n more',
    filters: 'Filters',
    filterOrganisation: 'Holder',
    allOrganisations: 'All organisations',
    filterPlan: 'Plan',
    allPlans: 'All plans',
    noPlan: 'In no plan',
    filterType: 'Type',
    filterKind: 'Alignments',
    legend: 'Legend',
    legendOrganisations: 'Colour: holder',
    legendTypes: 'Shape: type',
    legendLinks: 'Line: alignment',
    arrowNote: 'The arrow points at what is supported.',
    strength: 'strength',
    close: 'Close',
    danish: 'Danish (the source’s words)',
    english: 'English (the project’s translation)',
    type: 'Type',
    holder: 'Holder',
    planLabel: 'Plan',
    period: 'Period',
    partOf: 'Part of',
    source: 'Source',
    identifier: 'IRI',
    paths: 'Paths to the top',
    isTop: 'It is part of the top itself: what everything else should lead up to.',
    reachesTop: 'Reaches the top by %n path(s); the strongest first.',
    notReachesTop: 'Does not reach the top: no chain of stated or curated alignments leads there.',
    morePaths: 'More paths than shown.',
    pathStrength: 'strength %s',
    supports: 'Supports',
    supportedBy: 'Supported by',
    nothing: 'None.',
    plansGrounded: 'Plans grounded in it',
    rationale: 'Rationale',
    evidence: 'The source’s words',
    attributedTo: 'asserted by',
    score: 'score %s',
    collapsedNotice:
      'The graph is large (%n statements), so it shows the organisations folded, each with the number of statements under it and the share that reaches the top (▰). Click an organisation to fold it out.',
    moreOrganisations: '+%n more organisations',
    breadcrumb: 'Where you are among the organisations',
    overview: 'Overview',
    boxNote: 'A folded organisation shows its statements in all (with those under it) and, with ▰, the share that reaches the top. A number on a link is how many alignments it stands for.',
    reachingTop: '%n reach the top',
    withThoseBelow: 'in all, with those below it',
    expand: 'Fold out',
    collapse: 'Fold in',
    organisationStatements: '%n statements',
    graphLabel: 'Graph of statements and their alignments',
    sidebar: 'Search, filters and legend',
    top: 'top',
    joint: 'joint',
    rowTop: 'The top',
    rowJoint: 'Joint',
    hinders: 'Hinders',
    hinderedBy: 'Hindered by',
    hindersLegend: 'hinders',
    hindersNote: 'A red line ending in a bar: the one works against the other.',
    hindersFilter: 'Hinders (red)',
    colourByStatus: 'Colour by status',
    noResults: 'No results in the data: nothing to colour by.',
    noneJudged: 'The results in the data give no status (targets in words or without figures).',
    legendStatus: 'Colour: status',
    statusMet: 'met',
    statusPartlyMet: 'partly met',
    statusNotMet: 'not met',
    statusNoData: 'no data',
    achievement: 'Achievement',
    statusLabel: 'Status',
    scoreLabel: 'Score',
    measuredNote: 'Measured by its own indicators.',
    rolledUpNote: 'Rolled up through the alignments from what supports and hinders it.',
    reportedNote: 'The holder’s own verdict.',
    calculatedNote: 'Calculated by goalgraph from the figures.',
    drivers: 'Rests on',
    share: 'share %s',
    results: 'Results',
    resultPeriod: 'Period',
    resultTarget: 'Target',
    resultActual: 'Actual',
    resultUnit: 'Unit',
    resultStatus: 'Status',
    resultReported: 'Reported',
    sparkline: 'Actual (solid) and target (dashed) over the periods',
    movementToward: 'The figures are moving toward the target.',
    movementAway: 'The figures are moving away from the target.',
    movementFlat: 'The figures are unchanged.'
  }
};

/** The word (or the singular and plural, for counted words) for key in lang. */
function wordIn(lang, key) {
  return WORDS[lang][key];
}

/** n written as lang writes numbers (1.234 in Danish, 1,234 in English). */
function numberIn(lang, n) {
  return n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
}

/** n and the word for key, singular for 1 and plural otherwise: "3 målsætninger". */
function countedIn(lang, n, key) {
  var forms = wordIn(lang, key);
  return numberIn(lang, n) + ' ' + forms[n === 1 ? 0 : 1];
}

/** template with its %n replaced by n, written in lang. */
function fillIn(lang, template, n) {
  return template.replace('%n', numberIn(lang, n));
}

/** The text in lang, else in the other of Danish and English, else in any (the first tag in order). */
function pickIn(lang, texts) {
  if (!texts) return '';
  var other = lang === 'da' ? 'en' : 'da';
  if (texts[lang]) return texts[lang];
  if (texts[other]) return texts[other];
  var keys = Object.keys(texts).sort();
  return keys.length ? texts[keys[0]] : '';
}

/** A plan's period: "2024" for a whole calendar year, else "start – end"; '' if it has none. */
function period(plan) {
  if (!plan.start && !plan.end) return '';
  var start = plan.start || '';
  var end = plan.end || '';
  if (start.slice(0, 4) === end.slice(0, 4) && start.slice(4) === '-01-01' && end.slice(4) === '-12-31') {
    return start.slice(0, 4);
  }
  return start + ' – ' + end;
}

if (typeof module !== 'undefined') {
  module.exports = { WORDS: WORDS, wordIn: wordIn, numberIn: numberIn, countedIn: countedIn, fillIn: fillIn, pickIn: pickIn, period: period };
}
