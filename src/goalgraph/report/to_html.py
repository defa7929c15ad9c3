"""A report document as one self-contained HTML5 page.

Everything the page needs is in it: the CSS in a ``<style>`` element (from
``goalgraph/templates/report.css``), bars as inline SVG, no script, no font, image
or style sheet from anywhere else. The page is the template
``goalgraph/templates/report.html``, whose autoescape escapes every text from the
data, attributes included, so a statement written as markup shows as the characters
it is. Links go only to places in the page or to ``http(s)`` addresses (the
statements' sources).
"""

from __future__ import annotations

from importlib.resources import files

from goalgraph.report.document import Document
from goalgraph.templating import render

__all__ = ["report_css", "to_html"]


def report_css() -> str:
    """The report's style sheet, screen and print (``goalgraph/templates/report.css``)."""
    return files("goalgraph").joinpath("templates/report.css").read_text(encoding="utf-8")


def to_html(document: Document, *, generator: str) -> str:
    """`document` as a self-contained HTML5 page.

    Parameters
    ----------
    document : Document
    generator : str
        The program and version, for ``<meta name="generator">``.

    Returns
    -------
    str

    Examples
    --------
    >>> page = to_html(Document("en", "<Goals>", "Contents"), generator="goalgraph")
    >>> page.startswith("<!doctype html>"), "<title>&lt;Goals&gt;</title>" in page
    (True, True)
    """
    return render("report.html", document=document, generator=generator, lang=document.lang, title=document.title)
