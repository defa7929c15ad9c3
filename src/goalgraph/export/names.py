"""Writing IRIs short: a prefixed name (``gg:Mission``) where a prefix fits.

Both the Turtle family and JSON-LD write an IRI as ``prefix:local`` when one of the
context's namespaces starts it and the rest is a plain local name. The test for a
plain local name is stricter than Turtle's grammar (ASCII letters, digits, ``_``,
``-`` and inner ``.``), so every name written is valid Turtle without backslash
escapes, and reads the same in JSON-LD: the data's own IRIs, whose local parts hold
``/``, stay absolute (``<https://w3id.org/goalgraph/id/politiet>``), which is how
people look them up.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

__all__ = ["PrefixedNames"]

# An empty local name is allowed: "gg:" is the namespace itself.
_LOCAL = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?)?")
# The characters of a local name, as rstrip() takes them.
_LOCAL_CHARACTERS = string.ascii_letters + string.digits + "_.-"


class PrefixedNames:
    """Shortens IRIs with a set of prefixes, and remembers which prefixes it used.

    Parameters
    ----------
    prefixes : Mapping of str to str
        Prefix → namespace IRI.

    Attributes
    ----------
    used : set of str
        The prefixes of every name :meth:`shorten` has returned.

    Examples
    --------
    >>> names = PrefixedNames({"gg": "https://w3id.org/goalgraph/ontology#"})
    >>> names.shorten("https://w3id.org/goalgraph/ontology#Mission")
    'gg:Mission'
    >>> names.shorten("https://w3id.org/goalgraph/id/politiet") is None
    True
    >>> sorted(names.used)
    ['gg']
    """

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # The longest namespace first, so that a more specific one wins.
        self._namespaces = sorted(((ns, prefix) for prefix, ns in prefixes.items()), key=_longest_first)
        # When every namespace ends in a character no local name has ("/", "#"...), the
        # only place an IRI can split is where its trailing local-name characters
        # start: one dictionary look-up instead of a test per namespace, which on a
        # million triples is most IRIs, as the data's own IRIs have no prefix.
        self._by_namespace = {ns: prefix for ns, prefix in reversed(self._namespaces)}
        self._split_once = all(ns and ns[-1] not in _LOCAL_CHARACTERS for ns in self._by_namespace)
        self._found: dict[str, str | None] = {}
        self.prefixes = dict(prefixes)
        self.used: set[str] = set()

    def shorten(self, iri: str) -> str | None:
        """``prefix:local`` for `iri`, or None when no prefix fits."""
        try:
            return self._found[iri]
        except KeyError:
            pass
        name = None
        if self._split_once:
            start = len(iri.rstrip(_LOCAL_CHARACTERS))
            prefix = self._by_namespace.get(iri[:start])
            if prefix is not None and _LOCAL.fullmatch(iri, start):
                name = f"{prefix}:{iri[start:]}"
        else:
            for namespace, candidate in self._namespaces:
                if iri.startswith(namespace) and _LOCAL.fullmatch(iri, len(namespace)):
                    name, prefix = f"{candidate}:{iri[len(namespace) :]}", candidate
                    break
        if name is not None:
            self.used.add(name.split(":", 1)[0])
        self._found[iri] = name
        return name


def _longest_first(entry: tuple[str, str]) -> tuple[int, str, str]:
    namespace, prefix = entry
    return -len(namespace), namespace, prefix
