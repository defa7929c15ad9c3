"""Slugs: a text as a readable IRI path segment, the one way every importer makes them.

An importer that names a thing after its text (a statement of the authoring
format without an ``id``, a StratML organisation and plan, an ArchiMate model)
writes the text as a *slug*: ``"Åben og borgerrettet opgaveløsning"`` becomes
``aaben-og-borgerrettet-opgaveloesning``, the form of the bundled data's IRIs.
The rules, in order:

1. **Unicode NFC, then case folded** (:meth:`str.casefold`): ``ß`` becomes ``ss``,
   and an ``å`` written as ``a`` and a combining ring is the one letter.
2. **Danish letters spelt out** the way Danish writes them without the letters:
   æ → ``ae``, ø → ``oe``, å → ``aa``. (Search folds differently, å and aa to
   ``a``: see :func:`goalgraph.text.fold`; a slug keeps the spelling an IRI has.)
3. **Other letters to ASCII**: accents dropped (é → ``e``, ü → ``u``, ñ → ``n``,
   by Unicode decomposition), and the Latin letters without one to their usual
   spelling: œ → ``oe``, ł → ``l``, đ and ð → ``d``, þ → ``th``, ı → ``i``.
4. **Only a–z and 0–9 are kept**: every run of anything else (spaces,
   punctuation, letters of other scripts) becomes one hyphen, and hyphens at
   either end go.
5. **At most** :data:`LIMIT` **(80) characters, cut between words**: a slug
   longer than that keeps the words that fit whole, with the hyphens between
   them; only a first word longer than the limit is cut inside.
6. **Nothing left** (an empty text, only punctuation, only letters of other
   scripts) gives the empty string: the caller names the thing otherwise
   (``plan``, ``model``, ``x``), as only it knows what the thing is.

>>> slug("Straße 1")
'strasse-1'
>>> slug("Målene i Ærø Kommune")
'maalene-i-aeroe-kommune'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["LIMIT", "slug"]

#: The longest slug :func:`slug` makes, in characters.
LIMIT = 80

# Danish letters spelt out (rule 2), and the Latin letters that Unicode does not
# decompose into a base letter and a mark (rule 3). After casefold, so lower case only.
_SPELLED = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_NOT_KEPT = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = LIMIT) -> str:
    """`text` as an IRI path segment: lower-case ASCII letters and digits joined by hyphens.

    See the module's documentation for the rules.

    Parameters
    ----------
    text : str
        Any text: a statement's text, an organisation's or plan's name.
    limit : int
        The longest slug to make (:data:`LIMIT` by default); longer ones are cut
        between words.

    Returns
    -------
    str
        The slug; ``""`` if nothing of `text` is a letter or digit that can be
        written in ASCII.

    Examples
    --------
    >>> slug("Åben og borgerrettet opgaveløsning")
    'aaben-og-borgerrettet-opgaveloesning'
    >>> slug("Én sammenhængende koncern"), slug("Tværgående — samarbejde & ø")
    ('en-sammenhaengende-koncern', 'tvaergaaende-samarbejde-oe')
    >>> slug("Town of Hilton Head Island, S.C. (2019)")
    'town-of-hilton-head-island-s-c-2019'
    >>> slug("Anklagemyndigheden og politiet", limit=20)  # whole words only
    'anklagemyndigheden'
    >>> slug(" -- "), slug("")
    ('', '')
    """
    folded = unicodedata.normalize("NFC", text).casefold().translate(_SPELLED)
    bare = "".join(char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char))
    # Decomposing can give letters the first pass had not seen: ǽ is æ and an accent,
    # ℌ a capital H.
    made = _NOT_KEPT.sub("-", bare.casefold().translate(_SPELLED)).strip("-")
    if len(made) <= limit:
        return made
    # The words that fit whole; a first word longer than the limit is cut.
    cut = made[: limit + 1].rsplit("-", 1)[0]
    return cut[:limit]
