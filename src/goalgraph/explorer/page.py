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
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

from goalgraph import __version__

__all__ = ["escape_json", "render_page", "vis_network_assets"]

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
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
    return text.translate(_JSON_ESCAPES)


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


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _check_inline(name: str, text: str, pattern: re.Pattern[str]) -> str:
    found = pattern.search(text)
    if found:
        raise ValueError(f"{name} cannot be inlined: it contains {found[0]!r}")
    return text


def render_page(*, data: Any, lang: str, title: str, noscript: str) -> str:
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
    js = _check_inline("explorer.js", _asset("explorer.js"), _CLOSES_SCRIPT)
    vis_js = _check_inline("vis-network.min.js", vis_js, _CLOSES_SCRIPT)
    css = _check_inline("explorer.css", _asset("explorer.css"), _CLOSES_STYLE)
    vis_css = _check_inline("vis-network.css", vis_css, _CLOSES_STYLE)
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_script_hash(vis_js)} {_script_hash(js)}",
            # vis-network sets styles on the elements it makes.
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    parts = {
        "lang": html.escape(lang),
        "csp": html.escape(csp),
        "version": html.escape(__version__),
        "title": html.escape(title),
        "heading": html.escape(title),
        "noscript": html.escape(noscript),
        "vis_css": vis_css,
        "css": css,
        "data": escape_json(data),
        "vis_js": vis_js,
        "js": js,
    }
    # One pass over the template: what is put in is never read again for placeholders.
    return _PLACEHOLDER.sub(lambda match: parts[match[1]], _asset("explorer.html"))
