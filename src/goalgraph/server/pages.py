"""The server's own page: the query editor.

The pages it shares with the static site (home, a page per resource) are
:mod:`goalgraph.pages`. Self-contained like everything goalgraph writes: inline CSS,
inline script, nothing from other hosts. The page is the template ``query.html``; its
script puts results into the page with ``textContent`` only.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from markupsafe import Markup

from goalgraph.named_queries import NamedQuery
from goalgraph.templating import render

__all__ = ["query_page"]


@cache
def _script() -> Markup:
    # goalgraph's own script, shipped beside this module: trusted code, never data.
    return Markup((Path(__file__).resolve().parent / "query.js").read_text(encoding="utf-8"))


def query_page(queries: Mapping[str, NamedQuery]) -> str:
    """A page to write and run queries; the named queries fill the editor in one click.

    Examples
    --------
    >>> from goalgraph.named_queries import named_queries
    >>> page = query_page(named_queries())
    >>> '<script type="application/json" id="named-queries">[{' in page
    True
    """
    named = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "text": q.text,
            "parameters": [
                {"name": p.name, "required": p.required, "description": p.description} for p in q.parameters
            ],
        }
        for q in queries.values()
    ]
    return render("query.html", lang="en", title="goalgraph query", named=named, script=_script())
