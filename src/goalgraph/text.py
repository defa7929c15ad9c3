"""Text normalisation for matching and searching statements, in Danish and English.

Two forms of a text serve two jobs:

- :func:`terms` turns a text into the words that carry its meaning, for comparing
  statements (:mod:`goalgraph.suggestion`): Unicode NFC, case folded, split into
  words, stop words dropped, each word stemmed with the stemmer of its language.
  Danish uses the Snowball Danish stemmer (:func:`danish_stem`), English the
  Snowball English stemmer, also known as Porter2 (:func:`english_stem`), both
  from the ``snowballstemmer`` library, pinned to one release (3.0.1) because
  Snowball revises its algorithms (version 3 changed English).
- :func:`fold` is the form for search: case- and accent-insensitive, so that a
  user who types ``aben`` or ``AABEN`` finds ``Åben``.

Stemming is a heuristic: it conflates many forms of a word but not all, and it
leaves some forms apart that a reader would join. Snowball Danish, for example,
takes *tryghed* to ``tryg`` but leaves *trygt* as ``trygt``:

>>> stem("tryghed"), stem("trygt")
('tryg', 'trygt')
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

__all__ = [
    "STOP_WORDS",
    "Term",
    "danish_stem",
    "english_stem",
    "fold",
    "language_of",
    "normalise",
    "stem",
    "terms",
    "tokenise",
]


class Term(NamedTuple):
    """One meaningful word of a text: its stem, and the word as it was written.

    Attributes
    ----------
    stem : str
        The stem, the form that is compared (``"sagsbehandling"``).
    word : str
        The word as it stood in the text, case folded (``"sagsbehandlingen"``).
    """

    stem: str
    word: str


#################################################################
# Normalising, folding, tokenising
#################################################################


def normalise(text: str) -> str:
    """`text` in Unicode NFC, case folded: the form the stemmers work on.

    NFC first, so that an ``å`` written as ``a`` plus a combining ring is the one
    letter the Danish stemmer knows; then :meth:`str.casefold`, which unlike
    ``lower`` also folds ``ß`` to ``ss``.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str

    Examples
    --------
    >>> normalise("TRYGHED")
    'tryghed'
    >>> normalise("A\\u030aben") == "åben"
    True
    """
    return unicodedata.normalize("NFC", text).casefold()


# Letters that carry no combining mark in Unicode, so that NFKD does not take them
# apart, folded to the Latin letters a reader without them types.
_FOLDED_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d", "ı": "i"})
_SPACE = re.compile(r"\s+")
_DOUBLE_A = re.compile(r"aa+")


def fold(text: str) -> str:
    """`text` in a case- and accent-insensitive form, for search.

    Two texts that differ only in case, accents or the spelling of the Danish
    letters fold to the same string, so search compares folded query and folded
    text (``fold(query) in fold(text)``). The rules:

    - case is folded (:meth:`str.casefold`) and white space collapsed to one space;
    - accents are dropped: é → e, ü → u, and å → a, since Unicode writes å as a
      with a ring above;
    - ø → o, like å to its base letter, and æ → ae, its usual spelling without
      the letter (æ has no base letter); œ → oe, ð → d, þ → th, ł → l;
    - **aa → a**: ``aa`` is the pre-1948 and ASCII spelling of å (*Aabenraa*,
      *aaben*, the ``aa`` in goalgraph's IRIs), so it folds the way å does. Then
      ``Åben``, ``åben``, ``aaben`` and ``aben`` are one word to search.

    Not folded: ``oe`` to o, which would merge English words (*does*, *shoe*):
    a search for ``forfoelge`` does not find *forfølge*; ``forfolge`` does.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str

    Examples
    --------
    >>> fold("Åben") == fold("åben") == fold("aben") == fold("AABEN")
    True
    >>> fold("tryghed") == fold("TRYGHED")
    True
    >>> fold("Tværgående samarbejde"), fold("Retsforfølge"), fold("Café  Øst")
    ('tvaergaende samarbejde', 'retsforfolge', 'cafe ost')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_FOLDED_LETTERS)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACE.sub(" ", _DOUBLE_A.sub("a", bare)).strip()


# A word is a run of letters, with apostrophes inside it (English "world's"):
# digits, hyphens and punctuation separate words.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def tokenise(text: str) -> list[str]:
    """The words of `text`, normalised (:func:`normalise`), in order.

    Words are runs of letters; an apostrophe inside a word (’ or ') keeps it
    whole, so the English stemmer can remove a possessive ``'s``. Digits,
    hyphens and punctuation separate words: *citizen-oriented* is two words.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of str

    Examples
    --------
    >>> tokenise("Åben og borgerrettet opgaveløsning")
    ['åben', 'og', 'borgerrettet', 'opgaveløsning']
    >>> tokenise("one of the world’s leading, citizen-oriented 2019")
    ['one', 'of', 'the', "world's", 'leading', 'citizen', 'oriented']
    """
    return _WORD.findall(normalise(text).replace("\u2019", "'"))


def language_of(tag: str | None) -> str:
    """The primary language subtag of a BCP 47 tag, lower case (``"da-DK"`` → ``"da"``).

    Examples
    --------
    >>> language_of("en-GB"), language_of(None)
    ('en', '')
    """
    return (tag or "").split("-")[0].lower()


#################################################################
# Stop words
#################################################################

# Short lists of function words: articles, pronouns, prepositions, conjunctions,
# auxiliaries and the commonest adverbs. Content words stay, even frequent ones
# ("sikre", "ensure"): how common a word is in a dataset is for IDF to weigh.
_DANISH_STOP_WORDS = """
    ad af al alle alt altid andet andre at blandt blev blive bliver både da de dem
    den denne der deres det dette dig din dine disse dit dog du efter eller en end
    er et for fra gennem ham han hans har havde have hen hende hendes her hos hun
    hvad hver hvert hvis hvor hvordan i ikke ind jeg jer jeres jo kan kunne ligesom
    man med meget mellem men mig min mine mit mod ned noget nogle nu når og også om
    op os over på samt sammen sig sin sine sit skal skulle som så sådan thi til ud
    uden under var ved vi vil ville vor vore vores være været
"""
_ENGLISH_STOP_WORDS = """
    a about above across after again against all also always am an and any are as
    at be because been before being below between both but by can could did do does
    doing down during each every few for from further had has have having he her
    here hers herself him himself his how i if in into is it it's its itself let
    may me might more most must my myself no nor not of off on once only or other
    ought our ours ourselves out over own same shall she should so some such than
    that the their theirs them themselves then there these they this those through
    to together too under until up upon us very via was we were what when where
    which while who whom why will with within without would you your yours yourself
    yourselves
"""

#: Stop words by language: words :func:`terms` leaves out, as :func:`tokenise` writes them.
STOP_WORDS: Mapping[str, frozenset[str]] = {
    "da": frozenset(_DANISH_STOP_WORDS.split()),
    "en": frozenset(_ENGLISH_STOP_WORDS.split()),
}


#################################################################
# Stemming: Snowball, from the snowballstemmer library
#################################################################

# One stemmer per language, made on first use and kept. A stemmer keeps the word it
# works on in the object, so one thread at a time uses it (the server builds pages in
# threads).
_SNOWBALL: dict[str, Any] = {}
_SNOWBALL_LOCK = threading.Lock()


def _new_stemmer(language: str) -> Any:
    """A Snowball stemmer for `language` (``"da"`` or ``"en"``).

    Imported here, not at the top: importing snowballstemmer imports all its 30-odd
    languages (tens of milliseconds), which commands that only :func:`fold` should
    not pay. The classes, not ``snowballstemmer.stemmer()``, which returns
    PyStemmer's C stemmers instead when that is installed, of whatever Snowball
    release they were built from: the stems, and the suggestion figures in the
    README, are those of the pinned snowballstemmer release.
    """
    if language == "da":
        from snowballstemmer.danish_stemmer import DanishStemmer

        return DanishStemmer()
    from snowballstemmer.english_stemmer import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=1 << 16)
def _snowball(language: str, word: str) -> str:
    """The Snowball stem of `word` in `language` (``"da"`` or ``"en"``), remembered.

    A dataset's texts use a few thousand words many times over, and the library's
    generated code takes some microseconds a word: a lookup is cheaper.
    """
    with _SNOWBALL_LOCK:
        stemmer = _SNOWBALL.get(language)
        if stemmer is None:
            stemmer = _SNOWBALL[language] = _new_stemmer(language)
        stemmed: str = stemmer.stemWord(word)
    return stemmed


def danish_stem(word: str) -> str:
    """The Snowball Danish stem of `word`.

    The algorithm is the Snowball project's (snowballstem.org, *Danish stemming
    algorithm*), run by the ``snowballstemmer`` library: it removes the longest of
    the main suffixes (*-hed*, *-en*, *-erne*, *-s*, ...) from the region R1 that
    starts after the first non-vowel following a vowel (never before the fourth
    letter), the last letter of a final *gd dt gt kt*, the suffixes *ig lig elig
    els løst* (*-igst* first to *-ig*), and undoubles a final double consonant.

    Parameters
    ----------
    word : str
        One word, normalised (lower case; see :func:`normalise`).

    Returns
    -------
    str

    Examples
    --------
    >>> danish_stem("sagsbehandlingen")
    'sagsbehandling'
    >>> danish_stem("bestemmelse")  # -e, -els, mm → m
    'bestem'
    >>> danish_stem("tryghed"), danish_stem("trygt"), danish_stem("trygge")
    ('tryg', 'trygt', 'tryg')
    """
    return _snowball("da", word)


def english_stem(word: str) -> str:
    """The Snowball English (Porter2) stem of `word`.

    The algorithm is the Snowball project's (snowballstem.org, *The English
    (Porter2) stemming algorithm*), run by the ``snowballstemmer`` library: the
    exceptional forms first (*skies* → ``sky``, *news*), then possessives,
    plurals and *-ed*/*-ing*, derivational suffixes and a final *-e* or *-l*.
    Snowball 3 revised it (*added* is now ``add``, not ``ad``; *organization*
    ``organiz``, not ``organ``); goalgraph pins the release (see the README).

    Parameters
    ----------
    word : str
        One word, normalised (lower case; see :func:`normalise`).

    Returns
    -------
    str

    Examples
    --------
    >>> [english_stem(w) for w in ["prosecute", "prosecuted", "prosecution", "prosecutorial"]]
    ['prosecut', 'prosecut', 'prosecut', 'prosecutori']
    >>> [english_stem(w) for w in ["citizens", "efficiency", "generously", "knitting", "skies"]]
    ['citizen', 'effici', 'generous', 'knit', 'sky']
    """
    return _snowball("en", word)


#################################################################
# Terms
#################################################################

_STEMMERS: Mapping[str, Callable[[str], str]] = {"da": danish_stem, "en": english_stem}


def stem(word: str, lang: str = "da") -> str:
    """The stem of `word` in language `lang` (a BCP 47 tag; ``"da"`` by default).

    Danish and English have stemmers; in other languages the word is only
    normalised (:func:`normalise`).

    Parameters
    ----------
    word : str
        One word, in any case.
    lang : str
        Its language: ``"da"``, ``"en"``, ``"en-GB"``, ...

    Returns
    -------
    str

    Examples
    --------
    >>> stem("sagsbehandlingen")
    'sagsbehandling'
    >>> stem("Kvalitet"), stem("quality", "en"), stem("qualité", "fr")
    ('kvalit', 'qualiti', 'qualité')
    """
    stemmer = _STEMMERS.get(language_of(lang))
    word = normalise(word)
    return stemmer(word) if stemmer else word


def terms(text: str, lang: str) -> list[Term]:
    """The meaningful words of `text` in language `lang`: stop words out, each stemmed.

    Parameters
    ----------
    text : str
        A statement's text or translation.
    lang : str
        Its language tag (``"da"``, ``"en"``); other languages are tokenised and
        normalised but keep all their words unstemmed.

    Returns
    -------
    list of Term
        In the order of the text, repeats kept.

    Examples
    --------
    >>> [t.stem for t in terms("Kvalitet i sagsbehandlingen", "da")]
    ['kvalit', 'sagsbehandling']
    >>> terms("Quality in case handling", "en")  # doctest: +NORMALIZE_WHITESPACE
    [Term(stem='qualiti', word='quality'), Term(stem='case', word='case'),
     Term(stem='handl', word='handling')]
    """
    language = language_of(lang)
    stop_words = STOP_WORDS.get(language, frozenset())
    stemmer = _STEMMERS.get(language)
    return [
        Term(stemmer(word) if stemmer else word, word)
        for word in tokenise(text)
        if word not in stop_words and len(word) > 1
    ]
