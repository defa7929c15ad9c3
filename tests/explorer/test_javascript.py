"""The explorer's JavaScript, checked by Node: its unit tests (``node --test``) and ESLint.

The pure modules of the page's script (``goalgraph/explorer/assets/js/``) have unit
tests in ``tests/explorer/js/*.test.js``, run by Node's own test runner; ESLint, pinned
in ``package.json`` and installed with ``npm ci`` (``scripts/setup test`` does both),
lints them and the tests. Where Node or ESLint is missing these tests are skipped with
the reason, except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from goalgraph.explorer.page import SCRIPT_MODULES, explorer_script

from ..conftest import REPOSITORY, missing

JS_TESTS = REPOSITORY / "tests" / "explorer" / "js"
ASSETS = REPOSITORY / "src" / "goalgraph" / "explorer" / "assets"
ESLINT = REPOSITORY / "node_modules" / "eslint" / "bin" / "eslint.js"


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        missing("Node.js is not installed (scripts/setup test installs it)")
    return node


def _run(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    # GOALGRAPH_PYTHON: the fold tests ask this interpreter for goalgraph.text.fold's answers.
    environment = {**os.environ, "GOALGRAPH_PYTHON": sys.executable, "NO_COLOR": "1"}
    return subprocess.run(
        arguments, cwd=REPOSITORY, env=environment, capture_output=True, text=True, timeout=300, check=False
    )


def test_javascript_unit_tests_pass() -> None:
    files = sorted(str(path) for path in JS_TESTS.glob("*.test.js"))
    assert len(files) >= 4
    result = _run([_node(), "--test", "--test-reporter=tap", *files])
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^# fail 0$", result.stdout, re.MULTILINE), result.stdout


def test_javascript_is_lint_free() -> None:
    node = _node()
    if not ESLINT.is_file():
        missing("ESLint is not installed (run `npm ci` in the repository)")
    pinned = json.loads((REPOSITORY / "package.json").read_text(encoding="utf-8"))["devDependencies"]["eslint"]
    version = _run([node, str(ESLINT), "--version"])
    assert version.stdout.strip() == f"v{pinned}", "the installed ESLint is not the pinned one: run `npm ci`"
    result = _run([node, str(ESLINT), "--max-warnings", "0", str(ASSETS), str(JS_TESTS), "eslint.config.js"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_script_module_is_in_the_page(tmp_path: Path) -> None:
    # Every module in the folder is joined into the page, and the joined script parses.
    assert sorted(path.name for path in (ASSETS / "js").glob("*.js")) == sorted(SCRIPT_MODULES)
    script = tmp_path / "explorer.js"
    script.write_text(explorer_script(), encoding="utf-8")
    result = _run([_node(), "--check", str(script)])
    assert result.returncode == 0, result.stderr
    # The Node tests load the pure modules in the page's order.
    order = re.search(r"const ORDER = \[(.*?)\];", (JS_TESTS / "modules.js").read_text(encoding="utf-8"))
    assert order is not None
    assert [*re.findall(r"'([\w.]+)'", order[1]), "main.js"] == list(SCRIPT_MODULES)


def test_the_joined_script_is_lint_free() -> None:
    # Linted as one script, the modules cannot define a name twice nor use one none defines.
    node = _node()
    if not ESLINT.is_file():
        missing("ESLint is not installed (run `npm ci` in the repository)")
    # Without the /* global */ comments that declare, per file, what the modules before define.
    joined = re.sub(r"^/\* global .*\*/\n", "", explorer_script(), flags=re.MULTILINE)
    virtual = ASSETS / "js" / "joined.js"  # a name the modules' ESLint settings apply to; never written
    arguments = [node, str(ESLINT), "--max-warnings", "0", "--rule", "strict: off", "--stdin"]
    result = subprocess.run(
        [*arguments, "--stdin-filename", str(virtual)],
        cwd=REPOSITORY,
        input=joined,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
