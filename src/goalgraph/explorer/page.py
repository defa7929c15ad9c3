"""The explorer's one HTML file: the template, the inlined scripts and styles, the data as JSON.

Everything the page needs is inside it: vis-network's script and style sheet (read
from the installed pyvis package, not copied into goalgraph), the explorer's own
script and style sheet (``assets/``), and the data. The page loads nothing from
anywhere, and its Content Security Policy says so to the browser: no source is
allowed for anything but the page's own scripts (by their SHA-256 hashes),
its inline styles and ``data:`` images (vis-network's style sheet has a few).

The data goes in a ``<script type="application/json">`` block, which the browser
never runs, and the page's script reads it with ``JSON.parse``. In it ``<``, ``>``
and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (and the line
separators U+2028 and U+2029 escaped too), so no text in the data can close the
block or open a comment, whatever it says.

The shell is the Jinja2 template ``goalgraph/templates/explorer.html``, rendered by
:mod:`goalgraph.templating` with autoescape: the title and other texts are escaped
there, and what is ours or already escaped for its place (scripts, style sheets, the
JSON) goes in as :class:`markupsafe.Markup`, exactly as hashed.

**The explorer's script modules.** The page's script is made of the files in
``assets/js/``, in the order of :data:`SCRIPT_MODULES`, joined into one function
(``(function () { 'use strict'; ... })();``) so that nothing they define becomes a
global of the page. Each is a plain script, not an ES module (the page loads no
other file, so it has nothing to import from): it defines its functions at its top level, may use those of
the modules before it (declared for ESLint with a ``/* global */`` comment), and ends
with ``if (typeof module !== 'undefined') module.exports = {...}``, which does
nothing in the page (it has no ``module``) and lets Node's ``require`` load the pure
modules for the tests (``tests/explorer/js``). Their ``'use strict'`` lines keep
them strict under Node; in the page they are no-ops inside the strict function.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from goalgraph import __version__
from goalgraph.templating import render

__all__ = ["SCRIPT_MODULES", "escape_json", "explorer_script", "render_page", "review_script", "vis_network_assets"]

#: The explorer's script modules (``assets/js/``), in the order the page runs them:
#: each may use what those before it define.
SCRIPT_MODULES = (
    "i18n.js",
    "fold.js",
    "reach.js",
    "drill.js",
    "layout.js",
    "status.js",
    "view.js",
    "icons.js",
    "main.js",
)

# One str.replace per character: on a page's megabytes of JSON, far faster than str.translate.
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
# What must not occur inside an inline <script> or <style>: it would end it early or
# switch the HTML parser into a state the text did not mean.
_CLOSES_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)
_CLOSES_STYLE = re.compile(r"</style", re.IGNORECASE)


def escape_json(value: Any) -> str:
    """`value` as compact JSON that is safe inside an HTML ``<script>`` element.

    Keys are sorted and the text is the same for the same value, so the page is the
    same byte for byte for the same data.

    Examples
    --------
    >>> escape_json({"label": "</script><b>&"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> import json
    >>> json.loads(escape_json({"label": "</script>"}))["label"]
    '</script>'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for character, escaped in _JSON_ESCAPES:
        text = text.replace(character, escaped)
    return text


@cache
def vis_network_assets() -> tuple[str, str]:
    """vis-network's script and style sheet, as the installed pyvis package ships them.

    Returns
    -------
    tuple of str
        The minified script and the style sheet (vis-network 9.1.2).
    """
    folder = files("pyvis") / "lib" / "vis-9.1.2"
    return (
        (folder / "vis-network.min.js").read_text(encoding="utf-8"),
        (folder / "vis-network.css").read_text(encoding="utf-8"),
    )


@cache
def _asset(name: str) -> str:
    return (files("goalgraph.explorer") / "assets" / name).read_text(encoding="utf-8")


@cache
def explorer_script() -> str:
    """The page's own script: the :data:`SCRIPT_MODULES` joined, in order, into one function.

    Returns
    -------
    str
        The script, as the page holds it and its Content Security Policy hashes it.

    Examples
    --------
    >>> script = explorer_script()
    >>> script.startswith("(function () {"), script.rstrip().endswith("})();")
    (True, True)
    >>> script.index("function fold(") < script.index("function viewOf(") < script.index("var MODEL = viewModel(")
    True
    """
    modules = [_asset(f"js/{name}") for name in SCRIPT_MODULES]
    return "(function () {\n'use strict';\n\n" + "\n".join(modules) + "})();\n"


@cache
def review_script() -> str:
    """The review mode's script (``assets/review.js``), run after the explorer's own.

    A script of its own, not one of the :data:`SCRIPT_MODULES` (which every explorer
    page joins): only the page ``goalgraph serve --curate`` serves has it. It talks to
    the explorer only through ``window.goalgraphExplorer`` and the panel.

    Examples
    --------
    >>> "window.goalgraphExplorer" in review_script()
    True
    """
    return _asset("review.js")


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _check_inline(name: str, text: str, pattern: re.Pattern[str]) -> str:
    found = pattern.search(text)
    if found:
        raise ValueError(f"{name} cannot be inlined: it contains {found[0]!r}")
    return text


def render_page(*, data: Any, lang: str, title: str, noscript: str, review: bool = False) -> str:
    """The explorer page with `data` embedded.

    Parameters
    ----------
    data : JSON-ready value
        What the page's script reads (see :func:`goalgraph.explorer.payload.payload`).
    lang : str
        The page's language (its ``<html lang>``).
    title : str
        The page's title and heading, before the script sets them.
    noscript : str
        What the page says where scripts do not run.
    review : bool
        Add the review script (``assets/review.js``), for the page that
        ``goalgraph serve --curate`` serves: its policy then lets the page fetch
        from its own origin (``connect-src 'self'``), and nowhere else.

    Returns
    -------
    str
        The whole page, HTML.

    Examples
    --------
    >>> page = render_page(data={"x": "<"}, lang="en", title="A & B", noscript="Turn on scripts.")
    >>> page.startswith("<!doctype html>"), "<title>A &amp; B</title>" in page
    (True, True)
    >>> '{"x":"\\\\u003c"}' in page
    True
    """
    vis_js, vis_css = vis_network_assets()
    js = _check_inline("the explorer's script", explorer_script(), _CLOSES_SCRIPT)
    vis_js = _check_inline("vis-network.min.js", vis_js, _CLOSES_SCRIPT)
    css = _check_inline("explorer.css", _asset("explorer.css"), _CLOSES_STYLE)
    vis_css = _check_inline("vis-network.css", vis_css, _CLOSES_STYLE)
    review_js = _check_inline("review.js", review_script(), _CLOSES_SCRIPT) if review else None
    review_hash = f" {_script_hash(review_js)}" if review_js is not None else ""
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_script_hash(vis_js)} {_script_hash(js)}{review_hash}",
            # Under review the page asks its own server for suggestions and sends decisions there.
            *(["connect-src 'self'"] if review else []),
            # vis-network sets styles on the elements it makes.
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return render(
        "explorer.html",
        lang=lang,
        csp=csp,
        version=__version__,
        title=title,
        noscript=noscript,
        vis_css=Markup(vis_css),
        css=Markup(css),
        data=Markup(escape_json(data)),
        vis_js=Markup(vis_js),
        js=Markup(js),
        review_js=Markup(review_js) if review_js is not None else None,
    )
