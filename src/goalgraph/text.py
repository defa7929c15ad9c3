"""Text normalisation for matching and searching statements, in Danish and English.

Two forms of a text serve two jobs:

- :func:`terms` turns a text into the words that carry its meaning, for comparing
  statements (:mod:`goalgraph.suggestion`): Unicode NFC, case folded, split into
  words, stop words dropped, each word stemmed with the stemmer of its language.
  Danish uses the Snowball Danish stemmer (:func:`danish_stem`), English the
  Snowball English stemmer, also known as Porter2 (:func:`english_stem`). Both are
  written here from the published algorithms, so goalgraph needs no NLP library.
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
import unicodedata
from collections.abc import Callable, Mapping
from typing import NamedTuple

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
# Snowball Danish
#################################################################

_DA_VOWELS = frozenset("aeiouyæåø")
_DA_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
# Letters after which a final -s is an ending to remove (not "e": "-es" is an ending of its own).
_DA_S_ENDINGS = frozenset("abcdfghjklmnoprtvyzå")
# fmt: off
_DA_MAIN_SUFFIXES = sorted(
    [
        "hed", "ethed", "ered", "e", "erede", "ende", "erende", "ene", "erne", "ere", "en", "heden",
        "eren", "er", "heder", "erer", "heds", "es", "endes", "erendes", "enes", "ernes", "eres", "ens",
        "hedens", "erens", "ers", "ets", "erets", "et", "eret", "s",
    ],
    key=len,
    reverse=True,
)
# fmt: on
_DA_CONSONANT_PAIRS = ("gd", "dt", "gt", "kt")
_DA_OTHER_SUFFIXES = ("løst", "elig", "lig", "els", "ig")


def _danish_r1(word: str) -> int:
    """Where R1 starts: after the first non-vowel that follows a vowel, but at least at 3."""
    for i in range(1, len(word)):
        if word[i - 1] in _DA_VOWELS and word[i] not in _DA_VOWELS:
            return max(i + 1, 3)
    return len(word)


def _danish_consonant_pair(word: str, r1: int) -> str:
    if word.endswith(_DA_CONSONANT_PAIRS) and len(word) - 2 >= r1:
        return word[:-1]
    return word


def danish_stem(word: str) -> str:
    """The Snowball Danish stem of `word`.

    The published algorithm (snowballstem.org, *Danish stemming algorithm*), in
    its steps:

    0. **R1** is the part of the word after the first non-vowel that follows a
       vowel, but not starting before the fourth letter. Vowels are a e i o u y
       æ å ø. The suffixes below are removed only where they lie in R1.
    1. **Main suffix**: remove the longest of *hed ethed ered e erede ende erende
       ene erne ere en heden eren er heder erer heds es endes erendes enes ernes
       eres ens hedens erens ers ets erets et eret*; or a final *s* after one of
       the letters a b c d f g h j k l m n o p r t v y z å.
    2. **Consonant pair**: if the word ends in *gd dt gt kt*, remove the last letter.
    3. **Other suffixes**: *igst* → *ig*; then remove the longest of *ig lig elig
       els* (and repeat step 2), or turn *løst* into *løs*.
    4. **Undouble**: a final double consonant becomes single.

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
    >>> danish_stem("bestemmelse")  # e (1), els (3), mm → m (4)
    'bestem'
    >>> danish_stem("tryghed"), danish_stem("trygt"), danish_stem("trygge")
    ('tryg', 'trygt', 'tryg')
    """
    r1 = _danish_r1(word)
    # Step 1: the longest main suffix that lies in R1 (the letter before an -s need not).
    for suffix in _DA_MAIN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= r1:
            if suffix != "s" or (len(word) > 1 and word[-2] in _DA_S_ENDINGS):
                word = word[: -len(suffix)]
            break
    # Step 2
    word = _danish_consonant_pair(word, r1)
    # Step 3: -igst anywhere in the word, then the other suffixes in R1.
    if word.endswith("igst"):
        word = word[:-2]
    for suffix in _DA_OTHER_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= r1:
            # løst → løs; the others go, and a consonant pair left behind is undone.
            word = word[:-1] if suffix == "løst" else _danish_consonant_pair(word[: -len(suffix)], r1)
            break
    # Step 4: the last letter must lie in R1; the one it doubles need not.
    if len(word) - 1 >= r1 and len(word) > 1 and word[-1] in _DA_CONSONANTS and word[-2] == word[-1]:
        word = word[:-1]
    return word


#################################################################
# Snowball English (Porter2)
#################################################################

_EN_VOWELS = frozenset("aeiouy")
_EN_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_EN_LI_ENDINGS = frozenset("cdeghkmnrt")
_EN_R1_PREFIXES = ("gener", "commun", "arsen")
_EN_EXCEPTIONS = {
    "skis": "ski",
    "skies": "sky",
    "dying": "die",
    "lying": "lie",
    "tying": "tie",
    "idly": "idl",
    "gently": "gentl",
    "ugly": "ugli",
    "early": "earli",
    "only": "onli",
    "singly": "singl",
    **{word: word for word in ("sky", "news", "howe", "atlas", "cosmos", "bias", "andes")},
}
_EN_INVARIANT_AFTER_1A = frozenset(
    ("inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed")
)
_EN_STEP2 = {
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "abli": "able",
    "entli": "ent",
    "izer": "ize",
    "ization": "ize",
    "ational": "ate",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "aliti": "al",
    "alli": "al",
    "fulness": "ful",
    "ousli": "ous",
    "ousness": "ous",
    "iveness": "ive",
    "iviti": "ive",
    "biliti": "ble",
    "bli": "ble",
    "ogi": "og",
    "fulli": "ful",
    "lessli": "less",
    "li": "",
}
_EN_STEP3 = {
    "tional": "tion",
    "ational": "ate",
    "alize": "al",
    "icate": "ic",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
    "ative": "",
}
# fmt: off
_EN_STEP4 = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti",
    "ous", "ive", "ize", "ion",
]
# fmt: on


def _longest(word: str, suffixes: list[str] | dict[str, str]) -> str | None:
    found = [suffix for suffix in suffixes if word.endswith(suffix)]
    return max(found, key=len) if found else None


def _english_regions(word: str) -> tuple[int, int]:
    def after_vc(start: int) -> int:
        for i in range(start + 1, len(word)):
            if word[i - 1] in _EN_VOWELS and word[i] not in _EN_VOWELS:
                return i + 1
        return len(word)

    prefix = next((p for p in _EN_R1_PREFIXES if word.startswith(p)), None)
    r1 = len(prefix) if prefix else after_vc(0)
    return r1, after_vc(r1)


def _ends_short_syllable(word: str) -> bool:
    if len(word) == 2:
        return word[0] in _EN_VOWELS and word[1] not in _EN_VOWELS
    return (
        len(word) > 2
        and word[-3] not in _EN_VOWELS
        and word[-2] in _EN_VOWELS
        and word[-1] not in _EN_VOWELS
        and word[-1] not in "wxY"
    )


def english_stem(word: str) -> str:
    """The Snowball English (Porter2) stem of `word`.

    The published algorithm (snowballstem.org, *The English (Porter2) stemming
    algorithm*): the exceptional forms first (*skies* → ``sky``, *news*), then
    possessives, plurals and *-ed*/*-ing* (steps 1a–1c), derivational suffixes
    in R1 and R2 (steps 2–4) and a final *-e* or *-l* (step 5). Words of one or
    two letters are left as they are.

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
    word = word.lstrip("'")
    if word in _EN_EXCEPTIONS:
        return _EN_EXCEPTIONS[word]
    if len(word) <= 2:
        return word
    # A y that acts as a consonant (initial, or after a vowel) is written Y until the end.
    letters = list(word)
    for i, letter in enumerate(letters):
        if letter == "y" and (i == 0 or letters[i - 1] in _EN_VOWELS):
            letters[i] = "Y"
    word = "".join(letters)
    r1, r2 = _english_regions(word)

    # Step 0: possessives.
    for suffix in ("'s'", "'s", "'"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    word = _english_step1a(word)
    if word in _EN_INVARIANT_AFTER_1A:
        return word
    word = _english_step1b(word, r1)
    # Step 1c: y after a consonant that is not the first letter becomes i.
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _EN_VOWELS:
        word = word[:-1] + "i"
    word = _english_steps2to4(word, r1, r2)
    # Step 5
    if word.endswith("e"):
        if len(word) - 1 >= r2 or (len(word) - 1 >= r1 and not _ends_short_syllable(word[:-1])):
            word = word[:-1]
    elif word.endswith("ll") and len(word) - 1 >= r2:
        word = word[:-1]
    return word.replace("Y", "y")


def _english_step1a(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ied", "ies")):
        return word[:-3] + ("i" if len(word) > 4 else "ie")
    if word.endswith(("us", "ss")):
        return word
    if word.endswith("s") and any(letter in _EN_VOWELS for letter in word[:-2]):
        return word[:-1]
    return word


def _english_step1b(word: str, r1: int) -> str:
    suffix = _longest(word, ["eed", "eedly", "ed", "edly", "ing", "ingly"])
    if suffix is None:
        return word
    if suffix in ("eed", "eedly"):
        return word[: -len(suffix)] + "ee" if len(word) - len(suffix) >= r1 else word
    stem = word[: -len(suffix)]
    if not any(letter in _EN_VOWELS for letter in stem):
        return word
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if stem.endswith(_EN_DOUBLES):
        return stem[:-1]
    if _ends_short_syllable(stem) and r1 >= len(stem):  # a short word
        return stem + "e"
    return stem


def _english_steps2to4(word: str, r1: int, r2: int) -> str:
    suffix = _longest(word, _EN_STEP2)
    if suffix is not None and len(word) - len(suffix) >= r1:
        stem = word[: -len(suffix)]
        if suffix == "li":
            word = stem if stem and stem[-1] in _EN_LI_ENDINGS else word
        elif suffix == "ogi":
            word = stem + "og" if stem.endswith("l") else word
        else:
            word = stem + _EN_STEP2[suffix]
    suffix = _longest(word, _EN_STEP3)
    # -ative goes only from R2, the others from R1.
    if suffix is not None and len(word) - len(suffix) >= (r2 if suffix == "ative" else r1):
        word = word[: -len(suffix)] + _EN_STEP3[suffix]
    suffix = _longest(word, _EN_STEP4)
    if suffix is not None and len(word) - len(suffix) >= r2:
        stem = word[: -len(suffix)]
        if suffix != "ion" or stem.endswith(("s", "t")):
            word = stem
    return word


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
