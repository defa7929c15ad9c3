"""The server's HTML pages: home, query editor, and a page per resource.

Self-contained like everything goalgraph writes: inline CSS, inline script, nothing
from other hosts. Every text from the data is escaped; the query page's script puts
results into the page with ``textContent`` only.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from goalgraph.export import ExportFormat
from goalgraph.labels import label
from goalgraph.loading import GoalDataset
from goalgraph.named_queries import NamedQuery
from goalgraph.namespaces import GG
from goalgraph.querying import select

__all__ = ["home_page", "query_page", "resource_page"]

_ASSETS = Path(__file__).resolve().parent


@cache
def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _page(title: str, body: str, lang: str = "en") -> str:
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_asset('pages.css')}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def home_page(
    dataset: GoalDataset, version: str, downloads: Sequence[ExportFormat] = (), *, static: bool = False
) -> str:
    """The home page: what is served here and where to find it.

    With `static`, for the static site: links to its files, no endpoint.
    """
    described = select(dataset, "report-datasets")
    titles = [row["title"] for row in described if isinstance(row["title"], Literal)]
    title = next((str(t) for t in titles if t.language == "en"), str(titles[0]) if titles else "goalgraph")
    at = "" if static else "/"
    links = [
        (f"{at}explorer" + (".html" if static else ""), "Explorer", "the whole picture, interactive"),
        (f"{at}report" + (".html" if static else ""), "Alignment report", "coverage and gaps, orphans, links, scores"),
        *(
            []
            if static
            else [
                ("/query", "Query", "write and run SPARQL, the named questions one click away"),
                (
                    "/sparql",
                    "SPARQL endpoint",
                    "SPARQL 1.1 Protocol, read-only; with no query, its service description",
                ),
            ]
        ),
        (f"{at}docs" + ("/index.html" if static else ""), "Ontology", "its terms in English and Danish, and mappings"),
        (f"{at}context.jsonld", "JSON-LD context", "the short keys of goalgraph's JSON-LD"),
    ]
    items = "\n".join(
        f'<li><a href="{href}">{html.escape(name)}</a> <span class="muted">{html.escape(what)}</span></li>'
        for href, name, what in links
    )
    files = "\n".join(
        f'<li><a href="{at}downloads/goalgraph{f.suffix}">goalgraph{f.suffix}</a> '
        f'<span class="muted">{html.escape(f.title)} ({html.escape(f.media_type)})</span></li>'
        for f in downloads
    )
    return _page(
        f"goalgraph: {title}",
        f"<h1>{html.escape(title)}</h1>\n<p>Served by goalgraph {html.escape(version)}. "
        f"Resources under <code>{html.escape(str(dataset.base))}</code> resolve here: a page for people, "
        "RDF for programs (by <code>Accept</code>).</p>\n"
        f"<ul>\n{items}\n</ul>\n<h2>Downloads</h2>\n<ul>\n{files}\n</ul>",
    )


def query_page(queries: Mapping[str, NamedQuery]) -> str:
    """A page to write and run queries; the named queries fill the editor in one click."""
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
    data = json.dumps(named, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    body = f"""<h1>Query</h1>
<p class="muted">SPARQL 1.1, read-only, against <a href="/sparql">/sparql</a>. The named questions:
choose one to load it; a question that takes parameters asks for them.</p>
<div id="named"></div>
<form id="form">
<label for="query">SPARQL query</label>
<textarea id="query" name="query" spellcheck="false">PREFIX gg: &lt;https://w3id.org/goalgraph/ontology#&gt;
SELECT ?statement ?text WHERE {{ ?statement gg:text ?text }} LIMIT 25</textarea>
<div id="parameters"></div>
<button type="submit">Run</button> <span id="status" class="muted"></span>
</form>
<p id="error" role="alert"></p>
<table id="results"></table>
<script type="application/json" id="named-queries">{data}</script>
<script>{_asset("query.js")}</script>"""
    return _page("goalgraph query", body)


def _link(dataset: GoalDataset, node: Node, name: str | None) -> str:
    """A link to `node`: to its page here when it is under the base, else to it."""
    text = html.escape(name or str(node))
    if isinstance(node, URIRef):
        iri = str(node)
        if iri.startswith(str(dataset.base)):
            return f'<a href="{html.escape(urlsplit(iri).path)}">{text}</a>'
        if iri.startswith(("http://", "https://")):
            return f'<a href="{html.escape(iri)}">{text}</a>'
    return text


def resource_page(dataset: GoalDataset, resource: URIRef) -> str:
    """A page for people about one statement, organisation, plan or other resource."""
    rows = select(dataset, "resource-summary", resource=resource)
    by_property: dict[Node, list[tuple[Node, str | None]]] = {}
    for row in rows:
        by_property.setdefault(row["property"], []).append((row["value"], row["valueName"]))
    title = label(dataset, resource, "da") or str(resource)
    texts = []
    for text_property, css in ((GG.text, ""), (GG.translation, "translation")):
        for value, _ in by_property.get(text_property, []):
            lang = value.language if isinstance(value, Literal) and value.language else "und"
            texts.append(f'<p class="{css}" lang="{html.escape(lang)}">{html.escape(str(value))}</p>')
    facts = []
    for prop, values in sorted(by_property.items(), key=lambda item: str(item[0])):
        if prop in (GG.text, GG.translation):
            continue
        name = label(dataset, prop, "en") or dataset.namespace_manager.normalizeUri(str(prop))
        shown = ", ".join(
            _link(dataset, value, value_name or (label(dataset, value, "en") if prop == RDF.type else None))
            if isinstance(value, URIRef)
            else html.escape(str(value))
            for value, value_name in values
        )
        facts.append(f"<tr><th>{html.escape(name)}</th><td>{shown}</td></tr>")
    alignment_rows = []
    for row in select(dataset, "resource-alignments", resource=resource):
        other = row["other"]
        arrow = "supports →" if str(row["direction"]) == "out" else "← supported by"
        kind = label(dataset, row["kind"], "en") or ""
        strength = label(dataset, row["strength"], "en") if row["strength"] is not None else ""
        rationale = html.escape(str(row["rationale"])) if row["rationale"] is not None else ""
        alignment_rows.append(
            f"<tr><td>{arrow}</td><td>{_link(dataset, other, label(dataset, other))}</td>"
            f"<td>{html.escape(kind)}</td><td>{html.escape(strength or '')}</td><td>{rationale}</td></tr>"
        )
    alignments = (
        "<h2>Alignments</h2>\n<table><tr><th></th><th>statement</th><th>kind</th><th>strength</th><th>rationale</th></tr>\n"
        + "\n".join(alignment_rows)
        + "\n</table>"
        if alignment_rows
        else ""
    )
    body = (
        f'<h1>{html.escape(title)}</h1>\n<p class="muted"><code>{html.escape(str(resource))}</code></p>\n'
        + "\n".join(texts)
        + "\n<table>\n"
        + "\n".join(facts)
        + "\n</table>\n"
        + alignments
        + '\n<p class="muted">This description as RDF: <a href="?format=turtle">Turtle</a>, '
        '<a href="?format=jsonld">JSON-LD</a>, <a href="?format=rdfxml">RDF/XML</a>, '
        '<a href="?format=ntriples">N-Triples</a>. <a href="/">Home</a></p>'
    )
    return _page(title, body, lang="da")
