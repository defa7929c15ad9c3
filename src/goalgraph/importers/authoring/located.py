"""Values that remember where they were written: the YAML file or CSV row and the key.

Both authoring readers turn their input into the same shape, :class:`Item` (a
mapping of keys to values) and :class:`Items` (a list), each remembering the file,
the line of each key and how to name a key in a message (``key statements[3].type``
in YAML, ``column type`` in CSV). :mod:`.building` checks and converts that shape,
so the YAML and CSV readers give the same messages for the same mistakes.

YAML is parsed with PyYAML's safe loader (its C version, libyaml, when PyYAML has
it: the same safe constructor, ten times faster), composed into nodes that carry
their line, and turned into Python values here, from the nodes' resolved tags.
Aliases (``*name``) are refused: walking them would expand a small file into an
enormous one (the "billion laughs"), and authors have no need of them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import yaml

from goalgraph.errors import DataError, display_path
from goalgraph.progressbar import Progress, ProgressReader

__all__ = ["Item", "Items", "load_yaml"]

# libyaml's parser when PyYAML was built with it; both are yaml.SafeLoader's safe constructor.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class Item(dict[str, Any]):
    """A mapping read from a file, with the line of each key.

    Attributes
    ----------
    file : str
        The file, as shown in messages.
    where : str
        Its place in the document (``statements[3]``), or ``""`` at the top or in a CSV row.
    line : int
        Where it starts.
    lines : dict
        Key → the line the key is on.
    column_style : bool
        Whether keys are CSV columns (named ``column type``) rather than YAML keys.
    column_prefix : str
        For texts by language gathered from CSV columns: the columns' common start (``text_``).
    """

    def __init__(
        self, file: str, where: str, line: int, *, column_style: bool = False, column_prefix: str = ""
    ) -> None:
        super().__init__()
        self.file = file
        self.where = where
        self.line = line
        self.lines: dict[str, int] = {}
        self.column_style = column_style
        self.column_prefix = column_prefix

    def name(self, key: str) -> str:
        """How a message names `key` of this item: ``key statements[3].type`` or ``column type``."""
        if self.column_style:
            return f"column {self.column_prefix}{key}"
        return f"key {self.where}.{key}" if self.where else f"key {key}"

    def line_of(self, key: str) -> int:
        """The line `key` is on, or the item's own line."""
        return self.lines.get(key, self.line)

    def error(self, key: str | None, message: str) -> DataError:
        """A :class:`DataError` about `key` (or the whole item) at its line."""
        if key is None:
            prefix = f"{self.where}: " if self.where else ""
            return DataError(self.file, prefix + message, line=self.line)
        return DataError(self.file, f"{self.name(key)}: {message}", line=self.line_of(key))


class Items(list[Any]):
    """A list read from a file, with the line of each element.

    Attributes
    ----------
    where : str
        Its place in the document (``organisations[0].members``).
    lines : list of int
        The line of each element.
    """

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where
        self.lines: list[int] = []


def load_yaml(path: Path, *, progress: bool | None = None) -> Any:
    """Parse the YAML file `path` into :class:`Item`, :class:`Items` and plain values.

    Parameters
    ----------
    path : Path
        The file.
    progress : bool, optional
        Show a progress bar while parsing; by default when standard error is a terminal.

    Returns
    -------
    Item, Items, or a plain value
        The document (None for an empty file).

    Raises
    ------
    DataError
        If the file cannot be read, is not YAML, holds several documents, repeats a
        key or uses an alias.
    """
    shown = display_path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as raw, Progress(f"parsing {shown}", size, enabled=progress) as bar:
            stream: IO[bytes] = ProgressReader(raw, bar) if bar.enabled else raw  # type: ignore[assignment]
            loader = _Loader(stream)
            try:
                root = loader.get_single_node()
            finally:
                loader.dispose()
    except OSError as error:
        raise DataError(shown, error.strerror or str(error)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise DataError(
            shown,
            f"not valid YAML: {problem}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as error:
        raise DataError(shown, f"not valid YAML: {error}") from None
    if root is None:
        return None
    return _Walker(shown).value(root, "")


class _Walker:
    """Turns composed YAML nodes into located values, refusing aliases."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")  # for the rare scalar kinds (timestamps, odd floats)
        self.scalars: dict[str, Callable[[yaml.ScalarNode], Any]] = {
            _STR: lambda node: node.value,
            _NULL: lambda node: None,
            _BOOL: lambda node: node.value.lower() in ("yes", "true", "on"),
            _INT: self.constructor.construct_yaml_int,
            _FLOAT: self.constructor.construct_yaml_float,
            _TIMESTAMP: self.timestamp,
        }

    def timestamp(self, node: yaml.ScalarNode) -> date | datetime | str:
        """A date (or time); a date-like text that is no date (2019-13-01) stays text, for a clear message later."""
        try:
            value: date | datetime = self.constructor.construct_yaml_timestamp(node)
        except ValueError:
            return str(node.value)
        return value

    def value(self, node: yaml.Node, where: str) -> Any:
        if isinstance(node, yaml.ScalarNode):
            convert = self.scalars.get(node.tag)
            if convert is None:
                raise DataError(
                    self.file, f"{where or 'the document'}: the tag {node.tag} is not accepted", line=_line(node)
                )
            return convert(node)
        if id(node) in self.seen:
            raise DataError(
                self.file,
                f"{where or 'the document'}: YAML aliases (*name) are not accepted; write the value out",
                line=_line(node),
            )
        self.seen.add(id(node))
        if node.tag not in (_SEQ, _MAP):
            raise DataError(
                self.file, f"{where or 'the document'}: the tag {node.tag} is not accepted", line=_line(node)
            )
        if isinstance(node, yaml.SequenceNode):
            items = Items(where)
            for index, child in enumerate(node.value):
                items.append(self.value(child, f"{where}[{index}]"))
                items.lines.append(_line(child))
            return items
        item = Item(self.file, where, _line(node))
        for key_node, child in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataError(
                    self.file, f"{where or 'the document'}: a key must be a plain word", line=_line(key_node)
                )
            key = str(key_node.value)
            if key in item:
                raise DataError(
                    self.file,
                    f"{item.name(key)}: the key is given twice (first on line {item.lines[key]})",
                    line=_line(key_node),
                )
            item.lines[key] = _line(key_node)
            item[key] = self.value(child, f"{where}.{key}" if where else key)
        return item


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1
