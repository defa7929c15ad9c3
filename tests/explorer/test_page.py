"""The explorer page as a file: self-contained, safe to open, the same for the same data (no browser)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import pytest

import goalgraph
from goalgraph.errors import GoalgraphError
from goalgraph.explorer import COLLAPSE_ABOVE, Explorer, build_explorer, explore, write_explorer
from goalgraph.explorer.facts import gather
from goalgraph.explorer.rows import statement_rows
from goalgraph.loading import GoalDataset

HOSTILE_SCRIPT = """\
@prefix gg: <https://w3id.org/goalgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<politiet/goal/script>
    a gg:Goal ;
    dcterms:identifier "SCRIPT" ;
    gg:text "</script><script>alert(1)</script><!--"@da ;
    gg:translation "</SCRIPT ><img src=x onerror=alert(2)> & \\u2028"@en ;
    gg:holder <politiet> ;
    dcterms:source <https://example.org/kilde> .
"""

_DATA_BLOCK = re.compile(r'<script type="application/json" id="goalgraph-data">(.*?)</script>', re.DOTALL)
_INLINE_SCRIPTS = re.compile(r"<script>(.*?)</script>", re.DOTALL)


class Scripts(HTMLParser):
    """Every script element of a page: its attributes and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[dict[str, str | None], str]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append((dict(attrs), ""))
            self._inside = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            attributes, text = self.found[-1]
            self.found[-1] = (attributes, text + data)


@pytest.fixture(scope="module")
def page(bundled: GoalDataset) -> str:
    return build_explorer(bundled)


def data_of(page: str) -> dict[str, object]:
    """The JSON the page carries, read as the page's script reads it."""
    match = _DATA_BLOCK.search(page)
    assert match is not None
    data: dict[str, object] = json.loads(match[1])
    return data


def test_page_loads_nothing_from_another_host(page: str) -> None:
    # No element that loads something names a remote (or protocol-relative) address.
    loading = re.compile(
        r"<(?:script|link|img|iframe|source|video|audio|embed|object|image)\b[^>]*\b(?:src|href|data)\s*=\s*"
        r"[\"']?\s*(?:https?:)?//",
        re.IGNORECASE,
    )
    assert loading.findall(page) == []
    assert re.findall(r"<link\b", page, re.IGNORECASE) == []
    assert re.findall(r"<script\b[^>]*\bsrc\s*=", page, re.IGNORECASE) == []
    # Nor does a style sheet.
    assert re.findall(r"@import|url\(\s*[\"']?\s*(?:https?:)?//", page, re.IGNORECASE) == []
    # And the browser is told so.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    assert "default-src 'none'" in html.unescape(policy[1])


def test_inline_scripts_are_the_ones_the_policy_allows(page: str) -> None:
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)[1])  # type: ignore[index]
    scripts = _INLINE_SCRIPTS.findall(page)
    assert len(scripts) == 2  # vis-network, the explorer
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in policy
    vis = (files("pyvis") / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")
    assert scripts[0] == vis


def test_writing_leaves_nothing_but_the_file(
    bundled: GoalDataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    working = tmp_path / "cwd"
    working.mkdir()
    monkeypatch.chdir(working)
    written = write_explorer(bundled, "explorer.html")
    explore(bundled).save(working / "saved.html")
    build_explorer(bundled)
    assert sorted(p.name for p in working.iterdir()) == ["explorer.html", "saved.html"]
    assert not (working / "lib").exists()
    assert written.read_bytes().decode("utf-8") == build_explorer(bundled)
    assert (working / "saved.html").read_text(encoding="utf-8") == written.read_text(encoding="utf-8")


def test_data_cannot_break_out_of_its_block(tmp_path: Path) -> None:
    path = tmp_path / "script.ttl"
    path.write_text(HOSTILE_SCRIPT, encoding="utf-8")
    graph = goalgraph.load([path])
    page = build_explorer(graph)

    # An HTML parser (which reads a script's content as text, as browsers do) finds
    # the three script elements there always are: the data, vis-network, the explorer.
    scripts = Scripts()
    scripts.feed(page)
    assert [attributes for attributes, _ in scripts.found] == [
        {"type": "application/json", "id": "goalgraph-data"},
        {},
        {},
    ]
    assert len(re.findall(r"</script", page, re.IGNORECASE)) == 3
    block = _DATA_BLOCK.search(page)
    assert block is not None
    assert not re.search(r"[<>&\u2028]", block[1])
    statement = next(s for s in data_of(page)["statements"] if s.get("identifier") == "SCRIPT")  # type: ignore[attr-defined]
    assert statement["labels"] == {
        "da": "</script><script>alert(1)</script><!--",
        "en": "</SCRIPT ><img src=x onerror=alert(2)> & \u2028",
    }


def test_same_data_gives_the_same_bytes() -> None:
    first = build_explorer(goalgraph.load(), lang="en", layout="force")
    second = build_explorer(goalgraph.load(), lang="en", layout="force")
    assert first.encode("utf-8") == second.encode("utf-8")


def test_page_carries_the_statements_and_their_network(page: str) -> None:
    data = data_of(page)
    statements = data["statements"]
    network = data["network"]
    assert isinstance(statements, list)
    assert isinstance(network, dict)
    assert len(statements) == len(network["nodes"]) == 30  # Vores mål's 22, the target plans' 8
    assert len(data["alignments"]) == len(network["edges"]) == 32  # type: ignore[arg-type]
    assert network["organisationNodes"] == []
    assert network["options"]["physics"]["enabled"] is False
    # Shapes by type, colours by organisation (a vis-network group per organisation).
    shapes = {
        data["types"][s["type"]]["name"]: node["shape"]  # type: ignore[index]
        for s, node in zip(statements, network["nodes"], strict=True)
    }
    assert shapes["Mission"] == "star"
    assert shapes["Vision"] == "diamond"
    assert shapes["StrategicMarker"] == "triangle"
    assert {node["group"] for node in network["nodes"]} == {"org-0", "org-1", "org-2", "org-3"}
    assert all(node["arrows"] == "to" for node in network["edges"])
    # No hover titles: vis-network would show a title string as HTML.
    assert not any("title" in item for item in network["nodes"] + network["edges"])


def test_rows_put_the_top_first_then_the_joint_statements() -> None:
    facts = gather(goalgraph.load())
    rows = {s.identifier: s.row for s in facts.statements}
    assert {rows[i] for i in ("JM-M1", "JM-M2", "JM-V1", "JM-V2", "JM-V3")} == {0}
    assert {rows[i] for i in ("PA-M1", "PA-M2", "PA-V1", "PA-V2")} == {1}
    assert {rows[i] for i in ("AM-P", "AM-C", "AM-K", "X1", "X2")} == {2}
    assert {rows[i] for i in ("SM1", "SM2", "SM3", "SM4")} == {3}
    assert {rows[i] for i in ("FP1", "FP2", "FP3", "FP4")} == {4}
    # Another organisation's own mission sits under the joint ones; a classless level last.
    assert statement_rows({"top": 0, "joint": 0, "own": 0, "target": 4, "odd": None}, top={"top"}, joint={"joint"}) == {
        "top": 0,
        "joint": 1,
        "own": 2,
        "target": 3,
        "odd": 4,
    }


def test_large_graphs_start_collapsed(bundled: GoalDataset) -> None:
    assert COLLAPSE_ABOVE == 1_500
    collapsed = data_of(build_explorer(bundled, collapse_above=10))
    assert collapsed["collapsed"] is True
    assert len(collapsed["network"]["organisationNodes"]) == 4  # type: ignore[index]
    never = data_of(build_explorer(bundled, collapse_above=None))
    assert never["collapsed"] is False
    assert never["network"]["organisationNodes"] == []


def test_a_large_graph_carries_its_statements_compactly(bundled: GoalDataset) -> None:
    # Above collapse_above: no node or link made per statement, no record per statement;
    # columns of numbers into one list of strings, each IRI and text once.
    data = data_of(build_explorer(bundled, collapse_above=10))
    network, compact = data["network"], data["compact"]
    assert isinstance(network, dict)
    assert isinstance(compact, dict)
    assert network["nodes"] == network["edges"] == []
    assert "statements" not in data
    assert "alignments" not in data
    strings = compact["strings"]
    assert len(strings) == len(set(strings))
    statements, alignments = compact["statements"], compact["alignments"]
    assert {len(column) for column in statements.values()} == {30}
    assert {len(column) for column in alignments.values()} == {32}
    facts = gather(bundled)
    assert [compact["base"] + strings[k] for k in statements["iri"]] == [s.iri for s in facts.statements]
    sm3 = next(k for k, s in enumerate(facts.statements) if s.identifier == "SM3")
    labels = statements["labels"][sm3]
    texts = {strings[labels[n]]: strings[labels[n + 1]] for n in range(0, len(labels), 2)}
    assert texts == {"da": "Kvalitet i sagsbehandlingen", "en": "Quality in case handling"}
    # Everything that is not a text is a number.
    for column in ("type", "row", "holder", "plan", "flags", "iri", "identifier"):
        assert all(isinstance(value, int) for value in statements[column])


def test_organisations_know_their_parent_in_the_tree(bundled: GoalDataset) -> None:
    data = data_of(build_explorer(bundled))
    organisations = data["organisations"]
    assert isinstance(organisations, list)
    by_name = {o["names"]["da"]: o for o in organisations}
    top = by_name["Justitsministeriets koncern"]
    assert top["parent"] is None
    for name in ("Politiet", "Anklagemyndigheden"):
        assert organisations[by_name[name]["parent"]] is top


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"lang": "de"}, "unknown language 'de'"),
        ({"layout": "circular"}, "unknown layout 'circular'"),
        ({"collapse_above": -1}, "collapse_above must be 0 or more"),
    ],
)
def test_bad_arguments_are_one_message(bundled: GoalDataset, arguments: dict[str, object], message: str) -> None:
    with pytest.raises(GoalgraphError, match=re.escape(message)):
        build_explorer(bundled, **arguments)  # type: ignore[arg-type]


def test_write_to_a_missing_folder_is_one_message(bundled: GoalDataset, tmp_path: Path) -> None:
    with pytest.raises(GoalgraphError, match="cannot write here"):
        write_explorer(bundled, tmp_path / "missing" / "explorer.html")
    assert not (tmp_path / "missing").exists()


def test_notebook_frame_holds_the_page_escaped(bundled: GoalDataset) -> None:
    explorer = explore(bundled, lang="en")
    assert isinstance(explorer, Explorer)
    frame = explorer._repr_html_()
    assert frame.startswith('<iframe srcdoc="')
    assert frame.endswith("></iframe>")
    attribute = re.fullmatch(r'<iframe srcdoc="([^"]*)"(.*)></iframe>', frame, re.DOTALL)
    assert attribute is not None
    assert html.unescape(attribute[1]) == explorer.html
    assert "<" not in attribute[1]
    assert ">" not in attribute[1]
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in attribute[2]
    assert "allow-same-origin" not in frame


def test_page_is_utf8_with_danish_letters(bundled: GoalDataset, tmp_path: Path) -> None:
    written = write_explorer(bundled, tmp_path / "explorer.html")
    text = written.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in text
    assert "Målene i den danske justitssektor" in text
    assert os.path.getsize(written) < 1_000_000


def test_statements_reaching_the_top_are_the_analysis_ones(page: str, bundled: GoalDataset) -> None:
    # The page reads which statements reach the top from its data, as goalgraph.analysis finds them.
    from goalgraph.analysis import alignment_graph, reach, top_statements

    data = data_of(page)
    statements = data["statements"]
    assert isinstance(statements, list)
    reaching = {statements[k]["iri"] for k in data["reachesTop"]}  # type: ignore[attr-defined]
    graph = alignment_graph(bundled)
    expected = {str(node) for node, found in reach(graph, top_statements(graph)).items() if found.reaches_top}
    assert reaching == expected
    identifiers = {statements[k].get("identifier") for k in data["reachesTop"]}  # type: ignore[attr-defined]
    assert {"SM3", "JM-M2", "FP4"} <= identifiers
    assert "AM-P" not in identifiers


def test_texts_of_the_shell_are_escaped() -> None:
    # The template escapes what it is given as text: a title cannot open an element or leave an attribute.
    from goalgraph.explorer.page import render_page

    hostile = '"><script>alert(1)</script>'
    page = render_page(data={}, lang='da" onload="alert(2)', title=hostile, noscript=hostile)
    assert "<script>alert" not in page
    assert 'onload="alert' not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3  # title, heading, noscript
    assert len(_INLINE_SCRIPTS.findall(page)) == 2


def test_json_is_escaped_for_a_script_element_character_by_character() -> None:
    from goalgraph.explorer.page import escape_json

    value = {"a": "</script><!-- & \u2028\u2029 ø", "<key>": ["&amp;", ">"]}
    text = escape_json(value)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == value
    expected = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    table = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
    assert text == expected.translate(str.maketrans(table))
