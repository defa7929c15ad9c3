"""How goalgraph's modules import each other: every one imports alone, none in a cycle, none takes a private name.

Read from the sources with :mod:`ast`, so that what is checked is what is written:
a module-level import (one under ``if TYPE_CHECKING:`` excepted, which never runs)
is an edge of the import graph; an import inside a function is deferred and runs
later, so it makes no cycle at import time, but it still may not take another
module's ``_private`` name, nor may ``goalgraph.importers`` reach back into the
loader that calls it.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from .conftest import REPOSITORY

PACKAGE = REPOSITORY / "src" / "goalgraph"


@dataclass(frozen=True)
class Import:
    """One import statement's target in a module: a goalgraph module, and a name taken from it, if any."""

    importer: str
    module: str
    name: str | None
    top_level: bool
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".")
    if modules()[module].name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def _walk(module: str, body: list[ast.stmt], top_level: bool) -> Iterator[Import]:
    for node in body:
        if isinstance(node, ast.If) and _type_checking(node):
            yield from _walk(module, node.orelse, top_level)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "goalgraph":
                    yield Import(module, alias.name, None, top_level, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, node)
            if target.split(".")[0] != "goalgraph":
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in modules():  # `from goalgraph import x` with x a module
                    yield Import(module, submodule, None, top_level, node.lineno)
                else:
                    yield Import(module, target, alias.name, top_level, node.lineno)
        # Everything nested: a function's or class's body runs later (deferred), a block's now.
        for child in ast.iter_child_nodes(node):
            deferred = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.stmt):
                yield from _walk(module, [child], top_level and not deferred)
            elif isinstance(child, ast.excepthandler):
                yield from _walk(module, child.body, top_level and not deferred)


@cache
def imports() -> list[Import]:
    """Every import of a goalgraph module in the package."""
    found: list[Import] = []
    for module, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found += _walk(module, tree.body, top_level=True)
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (or a module importing itself): Tarjan's."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_sources_are_read() -> None:
    assert {"goalgraph", "goalgraph.cli", "goalgraph.bases", "goalgraph.importers.authoring.bundled"} <= set(modules())
    taken = {(i.importer, i.module, i.name) for i in imports()}
    assert ("goalgraph.storage", "goalgraph.loading", "load_store") not in taken
    assert ("goalgraph.loading", "goalgraph.bases", "resolve_base") in taken


def test_cycles_are_found() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"a"}}) == [["a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_goalgraph_modules() -> None:
    edges: dict[str, set[str]] = {}
    for found in imports():
        if found.top_level and found.module in modules() and found.module != found.importer:
            edges.setdefault(found.importer, set()).add(found.module)
    assert cycles(edges) == []


def test_no_module_imports_another_modules_private_name() -> None:
    private = [
        f"{modules()[i.importer].relative_to(REPOSITORY)}:{i.line}: {i.name} from {i.module}"
        for i in imports()
        if i.name is not None and i.name.startswith("_") and not i.name.startswith("__") and i.module != i.importer
    ]
    assert private == []


def test_the_importers_do_not_reach_back_into_the_loader() -> None:
    # The loader calls the importers; they resolve the base with goalgraph.bases (a leaf), deferred or not.
    back = [i for i in imports() if i.importer.startswith("goalgraph.importers") and i.module == "goalgraph.loading"]
    assert back == []


def test_the_base_module_is_a_leaf() -> None:
    assert {i.module for i in imports() if i.importer == "goalgraph.bases"} <= {"goalgraph.errors"}


def _import_alone(module: str) -> tuple[str, str] | None:
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY / "src")}
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, env=environment, timeout=120
    )
    return None if result.returncode == 0 else (module, result.stderr.strip().splitlines()[-1])


@pytest.mark.slow
def test_each_module_imports_in_a_fresh_interpreter() -> None:
    # In an interpreter of its own each, so that no module works only because another was imported first.
    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 1) * 2)) as pool:
        failed = [outcome for outcome in pool.map(_import_alone, sorted(modules())) if outcome is not None]
    assert failed == []
