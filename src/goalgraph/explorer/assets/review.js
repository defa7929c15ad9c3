/*
 * The explorer's review mode (goalgraph serve --curate): a statement's panel lists its
 * pending suggested links, to accept (with a strength and a rationale) or reject (with
 * an optional reason), and takes a link of one's own found by search. Each decision is
 * POSTed to the server that serves the page, with the token from the address's
 * fragment (#token=...: a fragment never reaches a server), which is kept in
 * sessionStorage for the tab and taken out of the address bar. After a decision the
 * page loads again, with the statement selected, and shows the graph as it now is.
 *
 * Without a token the page says it is read-only and offers no decisions. Every text
 * from the data or the server goes into the page as textContent, never as HTML.
 */
'use strict';

(function () {
  var TOKEN_KEY = 'goalgraph-curate-token';
  var SELECT_KEY = 'goalgraph-curate-select';
  var WORDS = {
    da: {
      heading: 'Foreslåede sammenhænge',
      loading: 'Henter forslag …',
      none: 'Ingen forslag venter her.',
      supports: 'understøtter →',
      supportedBy: '← understøttes af',
      score: 'score',
      matched: 'fælles ord',
      strength: 'Styrke',
      strong: 'stærk',
      moderate: 'moderat',
      weak: 'svag',
      rationale: 'Begrundelse',
      language: 'Sprog',
      accept: 'Godkend',
      reject: 'Afvis',
      reason: 'Begrundelse for afvisning (valgfri)',
      add: 'Tilføj en sammenhæng',
      search: 'Søg efter udsagn (id eller ord)',
      find: 'Søg',
      direction: 'Retning',
      thisSupports: 'dette udsagn understøtter det valgte',
      itSupports: 'det valgte understøtter dette udsagn',
      addButton: 'Tilføj',
      noHits: 'Intet fundet.',
      readOnly: 'Skrivebeskyttet: åbn adressen som goalgraph serve --curate skrev, for at kunne tage stilling.',
      reviewing: 'Gennemsyn: dine beslutninger skrives i kurateringsfilen.',
      failed: 'Ikke gemt: ',
      needRationale: 'Skriv en begrundelse.'
    },
    en: {
      heading: 'Suggested links',
      loading: 'Fetching suggestions …',
      none: 'No suggestions are pending here.',
      supports: 'supports →',
      supportedBy: '← supported by',
      score: 'score',
      matched: 'shared words',
      strength: 'Strength',
      strong: 'strong',
      moderate: 'moderate',
      weak: 'weak',
      rationale: 'Rationale',
      language: 'Language',
      accept: 'Accept',
      reject: 'Reject',
      reason: 'Reason for rejecting (optional)',
      add: 'Add a link',
      search: 'Find a statement (identifier or words)',
      find: 'Search',
      direction: 'Direction',
      thisSupports: 'this statement supports the selected one',
      itSupports: 'the selected one supports this statement',
      addButton: 'Add',
      noHits: 'Nothing found.',
      readOnly: 'Read-only: open the address goalgraph serve --curate printed to make decisions.',
      reviewing: 'Reviewing: your decisions are written to the curation file.',
      failed: 'Not saved: ',
      needRationale: 'Write a rationale.'
    }
  };

  var explorer = window.goalgraphExplorer;
  var panel = document.getElementById('panel');
  var storage = window.sessionStorage;

  /** The token: from the fragment (then kept for the tab and taken out of the address), else as kept. */
  function takeToken() {
    var hash = window.location.hash.replace(/^#/, '');
    var fields = {};
    hash.split('&').forEach(function (part) {
      var at = part.indexOf('=');
      if (at > 0) fields[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1));
    });
    if (fields.token) storage.setItem(TOKEN_KEY, fields.token);
    if (fields.review) storage.setItem(SELECT_KEY, fields.review);
    if (fields.token || fields.review) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return storage.getItem(TOKEN_KEY);
  }

  var token = takeToken();

  function lang() {
    return document.documentElement.lang === 'en' ? 'en' : 'da';
  }

  function word(key) {
    return WORDS[lang()][key];
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else if (name === 'className') node.className = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function label(labels, fallback) {
    return labels[lang()] || labels.da || labels.en || fallback;
  }

  function select(className, options, chosen) {
    var node = element('select', { className: className });
    options.forEach(function (option) {
      var item = element('option', { value: option[0], text: option[1] });
      if (option[0] === chosen) item.selected = true;
      node.appendChild(item);
    });
    return node;
  }

  function strengthSelect() {
    return select('strength', ['strong', 'moderate', 'weak'].map(function (s) { return [s, word(s)]; }), 'moderate');
  }

  function languageSelect() {
    return select('rationale-lang', [['da', 'dansk'], ['en', 'English']], lang());
  }

  function field(text, control) {
    return element('label', { className: 'field' }, [text + ' ', control]);
  }

  function getJSON(path) {
    return window.fetch(path, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) return response.text().then(function (text) { throw new Error(text.trim()); });
      return response.json();
    });
  }

  /** POST a decision; on success the page loads again with `iri` selected. */
  function decide(iri, body, status) {
    status.textContent = '';
    return window.fetch('/curate/decisions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Goalgraph-Token': token },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) return response.text().then(function (text) { throw new Error(text.trim()); });
      storage.setItem(SELECT_KEY, iri);
      window.location.reload();
      return null;
    }).catch(function (error) {
      status.textContent = word('failed') + error.message;
    });
  }

  /** Strength, rationale and its language, as a decision's body takes them; null (and a note) with no rationale. */
  function judged(controls, status) {
    var text = controls.rationale.value.trim();
    if (!text) {
      status.textContent = word('needRationale');
      return null;
    }
    var rationale = {};
    rationale[controls.lang.value] = text;
    return { strength: controls.strength.value, rationale: rationale };
  }

  function judgement() {
    return {
      strength: strengthSelect(),
      lang: languageSelect(),
      rationale: element('textarea', { className: 'rationale', rows: '2' })
    };
  }

  function suggestionItem(iri, suggestion) {
    var outgoing = suggestion.from === iri;
    var other = outgoing ? suggestion.to : suggestion.from;
    var labels = outgoing ? suggestion.toLabels : suggestion.fromLabels;
    var identifier = outgoing ? suggestion.toIdentifier : suggestion.fromIdentifier;
    var item = element('li', { className: 'review-suggestion', 'data-from': suggestion.from, 'data-to': suggestion.to }, [
      element('span', { className: 'meta', text: word(outgoing ? 'supports' : 'supportedBy') + ' ' }),
      element('span', { className: 'other', 'data-iri': other, text: label(labels, other) }),
      identifier ? element('span', { className: 'meta', text: ' (' + identifier + ')' }) : null,
      element('p', {
        className: 'meta',
        text: word('score') + ' ' + suggestion.score.toFixed(3) + ' · ' + word('matched') + ': ' +
          suggestion.matched.join(', ')
      })
    ]);
    if (!token) return item;
    var status = element('p', { className: 'review-error', role: 'status' });
    var controls = judgement();
    var acceptButton = element('button', { type: 'button', className: 'accept', text: word('accept') });
    acceptButton.addEventListener('click', function () {
      var chosen = judged(controls, status);
      if (!chosen) return;
      decide(iri, {
        action: 'accept', from: suggestion.from, to: suggestion.to,
        strength: chosen.strength, rationale: chosen.rationale
      }, status);
    });
    var reason = element('input', { type: 'text', className: 'reason', 'aria-label': word('reason') });
    reason.placeholder = word('reason');
    var rejectButton = element('button', { type: 'button', className: 'reject', text: word('reject') });
    rejectButton.addEventListener('click', function () {
      var body = { action: 'reject', from: suggestion.from, to: suggestion.to, lang: controls.lang.value };
      if (reason.value.trim()) body.reason = reason.value.trim();
      decide(iri, body, status);
    });
    item.appendChild(element('div', { className: 'review-controls' }, [
      field(word('strength'), controls.strength),
      field(word('language'), controls.lang),
      field(word('rationale'), controls.rationale),
      acceptButton,
      element('div', null, [reason, rejectButton]),
      status
    ]));
    return item;
  }

  function addSection(iri) {
    var status = element('p', { className: 'review-error', role: 'status' });
    var input = element('input', { type: 'search', id: 'review-search', 'aria-label': word('search') });
    input.placeholder = word('search');
    var findButton = element('button', { type: 'button', id: 'review-find', text: word('find') });
    var hits = element('ul', { id: 'review-hits' });
    var form = element('div', { id: 'review-add-form', hidden: 'hidden' });
    var chosenLabel = element('p', { className: 'chosen' });
    var direction = select('direction', [['in', word('thisSupports')], ['out', word('itSupports')]], 'in');
    var controls = judgement();
    var addButton = element('button', { type: 'button', id: 'review-add', text: word('addButton') });
    var picked = null;
    form.appendChild(chosenLabel);
    form.appendChild(field(word('direction'), direction));
    form.appendChild(field(word('strength'), controls.strength));
    form.appendChild(field(word('language'), controls.lang));
    form.appendChild(field(word('rationale'), controls.rationale));
    form.appendChild(addButton);

    function find() {
      status.textContent = '';
      getJSON('/curate/search?q=' + encodeURIComponent(input.value)).then(function (answer) {
        while (hits.firstChild) hits.removeChild(hits.firstChild);
        var found = answer.statements.filter(function (s) { return s.iri !== iri; });
        if (!found.length) hits.appendChild(element('li', { text: word('noHits') }));
        found.forEach(function (s) {
          var pick = element('button', {
            type: 'button', className: 'review-pick', 'data-iri': s.iri,
            text: (s.identifier ? s.identifier + ': ' : '') + label(s.labels, s.iri)
          });
          pick.addEventListener('click', function () {
            picked = s.iri;
            chosenLabel.textContent = label(s.labels, s.iri);
            form.hidden = false;
          });
          hits.appendChild(element('li', null, [pick]));
        });
      }).catch(function (error) {
        status.textContent = error.message;
      });
    }
    findButton.addEventListener('click', find);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') find();
    });
    addButton.addEventListener('click', function () {
      if (!picked) return;
      var chosen = judged(controls, status);
      if (!chosen) return;
      var incoming = direction.value === 'in';
      decide(iri, {
        action: 'add', from: incoming ? picked : iri, to: incoming ? iri : picked,
        strength: chosen.strength, rationale: chosen.rationale
      }, status);
    });
    return element('section', { className: 'review-add' }, [
      element('h3', { text: word('add') }), input, findButton, hits, form, status
    ]);
  }

  function showReview(iri) {
    var list = element('ul', { className: 'alignments review-list' }, [element('li', { text: word('loading') })]);
    var section = element('section', { className: 'review', 'data-statement': iri }, [
      element('h3', { text: word('heading') }), list
    ]);
    panel.appendChild(section);
    if (token) panel.appendChild(addSection(iri));
    getJSON('/curate/suggestions?statement=' + encodeURIComponent(iri)).then(function (answer) {
      while (list.firstChild) list.removeChild(list.firstChild);
      if (!answer.suggestions.length) list.appendChild(element('li', { className: 'none', text: word('none') }));
      answer.suggestions.forEach(function (suggestion) { list.appendChild(suggestionItem(iri, suggestion)); });
      section.setAttribute('data-loaded', 'true');
    }).catch(function (error) {
      while (list.firstChild) list.removeChild(list.firstChild);
      list.appendChild(element('li', { className: 'review-error', text: error.message }));
    });
  }

  // The explorer fills the panel afresh for each statement; the review follows it.
  new window.MutationObserver(function () {
    var iri = panel.getAttribute('data-statement');
    if (iri && !panel.hidden && !panel.querySelector('section.review')) showReview(iri);
  }).observe(panel, { childList: true, attributes: true, attributeFilter: ['hidden', 'data-statement'] });

  var note = element('p', { id: 'review-mode', className: 'note', role: 'status', text: word(token ? 'reviewing' : 'readOnly') });
  document.querySelector('header').appendChild(note);
  document.querySelectorAll('input[name="language"]').forEach(function (choice) {
    choice.addEventListener('change', function () { note.textContent = word(token ? 'reviewing' : 'readOnly'); });
  });

  var again = storage.getItem(SELECT_KEY);
  if (again) {
    storage.removeItem(SELECT_KEY);
    explorer.select(again);
  }
})();
