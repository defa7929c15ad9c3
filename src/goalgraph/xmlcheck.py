"""Refuse XML whose DTD could make a parser expand entities without bound, or read other files.

An XML document may declare entities in its document type declaration (DTD); each
reference ``&name;`` is replaced by the entity's text. Nested entities multiply (the
"billion laughs": a 1 kB file that grows a gigabyte), and external ones read local
files or URLs. Oxigraph's RDF/XML parser expands the internal entities it finds,
nested ones too, and it finds them by looking for ``<!ENTITY`` anywhere in a
DOCTYPE, comments and processing instructions included, and in a DOCTYPE anywhere
in the file.

So before an RDF/XML file is parsed, :func:`check_entities` reads its DTD with an
XML parser (the standard library's expat, stopped at the first element, so it reads
the prolog only, expands nothing and fetches nothing) and refuses the file unless
every entity is

* internal and general: not external (``SYSTEM`` or ``PUBLIC``: a file or a URL),
  not a parameter entity (``<!ENTITY % ...>``), not unparsed (``NDATA``);
* plain: its text holds no ``&``, ``%`` or ``<``, so it refers to no other entity
  (nothing nests) and holds no markup;
* short: at most :data:`LONGEST_ENTITY` bytes;

and, over the whole file,

* every ``<!ENTITY`` is one of those declarations: none hides in a comment or a
  processing instruction of the DTD, or in a DOCTYPE after the first element, where
  an XML parser reads none but Oxigraph does;
* the references ``&name;`` can add at most :data:`EXPANSION_FACTOR` times the
  file's size (and 1 MiB whatever its size): the text of each entity times the
  number of its references, an over-estimate.

That keeps what Protégé and other OWL tools write to abbreviate namespaces,
``<!DOCTYPE rdf:RDF [ <!ENTITY owl "http://www.w3.org/2002/07/owl#" > ]>``, and
refuses every expansion attack. A file without ``<!ENTITY`` costs one read at the
speed of the disk (the scan counts bytes, it does not parse).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from goalgraph.errors import DataError

__all__ = ["EXPANSION_FACTOR", "LONGEST_ENTITY", "check_entities", "check_entities_in"]

#: The longest entity text expanded, in bytes (a namespace IRI needs far less).
LONGEST_ENTITY = 2048
#: How many times its own size the entities of a file may add to it.
EXPANSION_FACTOR = 8
#: What entities may add to any file, however small.
_EXPANSION_FLOOR = 1 << 20
_CHUNK = 1 << 16
_DECLARATION = b"<!ENTITY"
_RULE = "goalgraph expands only short entities of plain text, such as the namespace abbreviations of OWL tools"


@dataclass(frozen=True)
class _Entity:
    name: str
    size: int  # of its text, in UTF-8 bytes
    line: int
    offset: int  # where expat reported it: at or after its <!ENTITY


class _FirstElementError(Exception):
    """Raised at the first element to stop the parser: the DTD, if any, has been read."""


def check_entities(path: Path, shown: str) -> None:
    """Refuse the XML file `path` unless its entities are few, short and plain (see the module).

    Parameters
    ----------
    path : Path
        The file; it is read twice, the second time to its end.
    shown : str
        The file as messages name it.

    Raises
    ------
    DataError
        Naming the file and the line of the entity declaration that is refused.
    OSError
        If the file cannot be read.
    """
    with path.open("rb") as stream:
        check_entities_in(stream, shown)


def check_entities_in(stream: BinaryIO, shown: str) -> None:
    """As :func:`check_entities`, for a binary stream that can seek (``io.BytesIO(data)`` for bytes).

    Examples
    --------
    >>> import io
    >>> owl = b'<!DOCTYPE rdf:RDF [ <!ENTITY owl "http://www.w3.org/2002/07/owl#"> ]><rdf:RDF/>'
    >>> check_entities_in(io.BytesIO(owl), "ontology.owl")
    >>> laughs = b'<!DOCTYPE r [ <!ENTITY a "ha"> <!ENTITY b "&a;&a;"> ]><r>&b;</r>'
    >>> try:
    ...     check_entities_in(io.BytesIO(laughs), "laughs.rdf")
    ... except DataError as error:
    ...     print(str(error)[:63])
    laughs.rdf:1: refused: the entity 'b' refers to other entities
    """
    entities = _declared(stream, shown)
    stream.seek(0)
    scan = _scan(stream, {entity.name for entity in entities})
    # Each declaration expat reported explains the last <!ENTITY before where it reported it.
    explained = {bisect_right(scan.declarations, entity.offset) - 1 for entity in entities}
    for index, line in enumerate(scan.lines):
        if index not in explained:
            raise DataError(
                shown,
                "refused: an entity declaration (<!ENTITY) where an XML parser reads none (in a comment or "
                f"a processing instruction, or in a DOCTYPE after the first element), which goalgraph's "
                f"RDF/XML parser would still expand; {_RULE}",
                line=line,
            )
    longest: dict[str, _Entity] = {}
    for entity in entities:
        if entity.name not in longest or entity.size > longest[entity.name].size:
            longest[entity.name] = entity
    added = {name: entity.size * scan.references[name] for name, entity in longest.items()}
    allowed = EXPANSION_FACTOR * scan.size + _EXPANSION_FLOOR
    if sum(added.values()) > allowed:
        most = max(added, key=lambda name: added[name])
        raise DataError(
            shown,
            f"refused: the file's entities would add {sum(added.values()):,} bytes to its {scan.size:,} "
            f"('{most}' alone {added[most]:,}, {scan.references[most]:,} references), more than the "
            f"{allowed:,} goalgraph expands for a file of this size; write the text out instead",
            line=longest[most].line,
        )


def _declared(stream: BinaryIO, shown: str) -> list[_Entity]:
    """The entities the DTD declares, as expat reads it; refuses those that are not short and plain."""
    parser = expat.ParserCreate()
    entities: list[_Entity] = []

    def declared(
        name: str,
        is_parameter: bool,
        value: str | None,
        base: str | None,
        system_id: str | None,
        public_id: str | None,
        notation: str | None,
    ) -> None:
        line = parser.CurrentLineNumber
        if is_parameter:
            problem = f"the DTD declares a parameter entity, %{name};"
        elif value is None:
            where = f"SYSTEM {system_id!r}" if public_id is None else f"PUBLIC {public_id!r}"
            kind = "an unparsed entity" if notation else "an external entity"
            problem = f"the DTD declares {kind}, '{name}' ({where}), which would read another file or a URL"
        elif any(character in value for character in "&%<"):
            problem = f"the entity '{name}' refers to other entities or characters, or holds markup ('&', '%' or '<')"
        elif len(value.encode("utf-8")) > LONGEST_ENTITY:
            problem = f"the entity '{name}' is {len(value.encode('utf-8')):,} bytes long, more than {LONGEST_ENTITY:,}"
        else:
            entities.append(_Entity(name, len(value.encode("utf-8")), line, parser.CurrentByteIndex))
            return
        raise DataError(shown, f"refused: {problem}; {_RULE}", line=line)

    def started(*_: object) -> None:
        raise _FirstElementError

    parser.EntityDeclHandler = declared
    parser.StartElementHandler = started
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _FirstElementError:
        pass
    except expat.ExpatError:
        # Not well-formed before the first element: the RDF/XML parser will say where. Any
        # <!ENTITY expat did not get to is left unexplained, and so refused, by the scan.
        pass
    return entities


@dataclass
class _Scan:
    """What a byte scan of the whole file found."""

    size: int = 0
    #: Where each <!ENTITY starts, in bytes from the start of the file, and its line.
    declarations: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    #: How many times each entity is referred to (&name;).
    references: Counter[str] = field(default_factory=Counter)


def _scan(stream: BinaryIO, names: set[str]) -> _Scan:
    """Find every ``<!ENTITY`` and count the references to `names`, reading the stream once."""
    encoded = {name.encode("utf-8"): name for name in names}
    longest = max((len(name) for name in encoded), default=0)
    reference = re.compile(rb"&([^\s&;<>\"']{1,%d});" % longest) if encoded else None
    keep = max(len(_DECLARATION), longest + 2)  # the longest match, kept for the next chunk
    found = _Scan()
    counted: Counter[bytes] = Counter()
    buffer = b""
    start = 0  # the offset in the file of buffer[0]
    line = 1  # the line of buffer[0]
    while True:
        chunk = stream.read(_CHUNK)
        buffer += chunk
        cut = max(0, len(buffer) - keep) if chunk else len(buffer)
        if chunk and reference is not None and (last := buffer.rfind(b"&", max(0, cut - keep), cut)) >= 0:
            cut = last  # a reference that starts before the last '&' ends before it: none is cut in two
        position = buffer.find(_DECLARATION)
        while 0 <= position < cut:
            found.declarations.append(start + position)
            found.lines.append(line + buffer.count(b"\n", 0, position))
            position = buffer.find(_DECLARATION, position + 1)
        if reference is not None:
            counted.update(reference.findall(buffer, 0, cut))
        line += buffer.count(b"\n", 0, cut)
        start += cut
        buffer = buffer[cut:]
        if not chunk:
            found.size = start
            found.references.update({encoded[name]: n for name, n in counted.items() if name in encoded})
            return found
