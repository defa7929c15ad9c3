"""HTML pages from Jinja2 templates, with autoescape: text from data is always text.

Every page goalgraph writes (the report, the ontology documentation, the server's
resource pages and the explorer's page shell) is rendered here from the one template
folder, ``goalgraph/templates/``. Jinja2 comes with pyvis already; its autoescape is
what keeps a label such as ``<script>`` in the data shown as text, never run.

Examples
--------
>>> render_string("<p>{{ text }}</p>", text="<b>bold</b> & more")
'<p>&lt;b&gt;bold&lt;/b&gt; &amp; more</p>'
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

__all__ = ["environment", "render", "render_string", "type_name"]


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of goalgraph's templates (autoescape on, strict undefined).

    Returns
    -------
    jinja2.Environment
        Loads from the package folder ``goalgraph/templates``; a name the template uses
        but the caller did not give is an error, not an empty string.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("goalgraph", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # The templates are files of the installed package: no need to look at them again on every page.
        auto_reload=False,
    )
    env.filters["type_name"] = type_name
    return env


def type_name(value: object) -> str:
    """The name of `value`'s class: the filter ``type_name``, for a template that lays out each kind its own way.

    Examples
    --------
    >>> render_string("{{ 1.5 | type_name }}")
    'float'
    """
    return type(value).__name__


def render(name: str, /, **context: Any) -> str:
    """Render the template ``name`` (a path inside ``goalgraph/templates``).

    Parameters
    ----------
    name : str
        The template's file name, such as ``"report.html"``.
    **context
        The values the template uses; strings are escaped unless marked safe with
        :class:`markupsafe.Markup`.

    Returns
    -------
    str
        The rendered page.
    """
    return environment().get_template(name).render(**context)


def render_string(source: str, /, **context: Any) -> str:
    """Render a template given as text, in the same environment (for small fragments and tests).

    Parameters
    ----------
    source : str
        The template's text.
    **context
        The values the template uses.

    Returns
    -------
    str
        The rendered text.
    """
    return environment().from_string(source).render(**context)
