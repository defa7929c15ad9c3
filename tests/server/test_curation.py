"""`goalgraph serve --curate`: the decision endpoints, who may use them, and the graph they change.

Each test talks to a real server on a free loopback port over real HTTP.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import goalgraph
from goalgraph.curation import CurationFile
from goalgraph.validation import validate
from tests.listening import Listener
from tests.server.conftest import Server, get, start

TOKEN = "test-token-for-curation"
SM3 = "SM3"


@pytest.fixture(scope="module")
def curation_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("curate") / "review.yaml"


@pytest.fixture(scope="module")
def curating(curation_path: Path) -> Iterator[Server]:
    """The bundled data served with --curate into a file of its own (none yet), a known token."""
    yield from start("--curate", str(curation_path), "--curator", "analyst", "--token", TOKEN)


def post(
    server: Server,
    body: bytes | dict[str, object],
    headers: dict[str, str] | None = None,
    *,
    path: str = "/curate/decisions",
    method: str = "POST",
) -> tuple[int, bytes]:
    """Send a decision; status and body, errors included. By default with every header a decision needs."""
    sent = {"Content-Type": "application/json", "X-Goalgraph-Token": TOKEN, "Origin": server.url}
    sent.update(headers or {})
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(
        server.url + path,
        data=data if method == "POST" else None,
        headers={k: v for k, v in sent.items() if v},
        method=method,
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def pending_of(server: Server, statement: str) -> list[dict[str, object]]:
    status, _, body = get(server, "/curate/suggestions", {"statement": statement})
    assert status == 200, body
    suggestions: list[dict[str, object]] = json.loads(body)["suggestions"]
    return suggestions


def snapshot(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def test_suggestions_and_search_answer_json(curating: Server) -> None:
    found = pending_of(curating, SM3)
    assert found, "SM3 has pending suggestions in the bundled data"
    first = found[0]
    assert set(first) >= {"from", "to", "fromLabels", "toLabels", "score", "matched"}
    sm3 = "https://w3id.org/goalgraph/id/anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"
    assert all(sm3 in (s["from"], s["to"]) for s in found)
    status, _, body = get(curating, "/curate/search", {"q": "indbrud"})
    assert status == 200
    assert [s["identifier"] for s in json.loads(body)["statements"]] == ["POL-T4"]


@pytest.mark.parametrize(
    ("headers", "expected", "says"),
    [
        ({"X-Goalgraph-Token": ""}, 403, b"token"),
        ({"X-Goalgraph-Token": "wrong"}, 403, b"token"),
        ({"Origin": "http://evil.example.org"}, 403, b"another site"),
        ({"Origin": "", "Referer": "http://evil.example.org/page"}, 403, b"another site"),
        ({"Origin": "", "Referer": ""}, 403, b"no Origin"),
        ({"Sec-Fetch-Site": "cross-site"}, 403, b"another site"),
        ({"Content-Type": "application/x-www-form-urlencoded"}, 403, b"application/json"),
        ({"Content-Type": "text/plain"}, 403, b"application/json"),
    ],
)
def test_a_request_that_may_not_decide_is_refused_and_changes_nothing(
    curating: Server, curation_path: Path, headers: dict[str, str], expected: int, says: bytes
) -> None:
    suggestion = pending_of(curating, SM3)[0]
    before = snapshot(curation_path)
    body = {"action": "reject", "from": suggestion["from"], "to": suggestion["to"]}
    status, answer = post(curating, body, headers)
    assert (status, says in answer) == (expected, True), answer
    assert snapshot(curation_path) == before
    assert suggestion in pending_of(curating, SM3)


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_only_post_decides(curating: Server, curation_path: Path, method: str) -> None:
    before = snapshot(curation_path)
    status, _ = post(curating, b"", method=method)
    assert status == 405
    assert snapshot(curation_path) == before


def test_a_decision_naming_an_address_reaches_nothing(curating: Server, curation_path: Path) -> None:
    before = snapshot(curation_path)
    with Listener() as listener:
        for action in ("accept", "add"):
            body = {"action": action, "from": listener.url, "to": SM3, "strength": "weak", "rationale": {"en": "x"}}
            assert post(curating, body)[0] == 400  # not a statement of the data: nothing is fetched
        assert get(curating, "/curate/suggestions", {"statement": listener.url})[0] in (400, 404)
        assert get(curating, "/curate/search", {"q": listener.url})[0] == 200
        listener.wait_quiet()
    assert listener.heard == []
    assert snapshot(curation_path) == before


def test_a_bad_or_oversized_decision_is_refused(curating: Server, curation_path: Path) -> None:
    before = snapshot(curation_path)
    assert post(curating, b"not json")[0] == 400
    assert post(curating, {"action": "accept", "from": SM3, "to": "V1"})[0] == 400
    assert (
        post(
            curating,
            {"action": "accept", "from": SM3, "to": "nothing-like-this", "strength": "weak", "rationale": {"en": "x"}},
        )[0]
        == 400
    )
    assert post(curating, b"{" + b" " * 200_000 + b"}")[0] == 413
    assert snapshot(curation_path) == before


def test_an_accepted_suggestion_is_recorded_validates_and_is_served(curating: Server, curation_path: Path) -> None:
    suggestion = pending_of(curating, SM3)[0]
    body = {
        "action": "accept",
        "from": suggestion["from"],
        "to": suggestion["to"],
        "strength": "strong",
        "rationale": {"en": "Both are about handling cases well."},
    }
    status, answer = post(curating, body)
    assert status == 200, answer
    decision = json.loads(answer)
    assert (decision["verdict"], decision["strength"]) == ("accepted", "strong")
    recorded = CurationFile(curation_path, curator="analyst").decisions()
    assert [(str(d.start), str(d.end), d.verdict) for d in recorded] == [
        (suggestion["from"], suggestion["to"], "accepted")
    ]
    report = validate(goalgraph.load([curation_path]))
    assert report.conforms, str(report)
    ask = f"ASK {{ <{suggestion['from']}> <https://w3id.org/goalgraph/ontology#supports> <{suggestion['to']}> }}"
    status, _, result = get(curating, "/sparql", {"query": ask}, accept="application/sparql-results+json")
    assert status == 200
    assert json.loads(result)["boolean"] is True
    # The workers know the curation file's graph now: a query may name it.
    named = f"ASK FROM NAMED <{curation_path.resolve().as_uri()}> {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    status, _, result = get(curating, "/sparql", {"query": named}, accept="application/sparql-results+json")
    assert (status, json.loads(result)["boolean"]) == (200, True), result
    assert suggestion not in pending_of(curating, SM3)
    # Decided: a second decision on the pair (a page that has not caught up) is refused.
    before = snapshot(curation_path)
    assert post(curating, {**body, "action": "reject"})[0] == 409
    assert snapshot(curation_path) == before
    # The pages made before are made again: the explorer holds the new link's rationale.
    _, _, page = get(curating, "/explorer", {})
    assert "Both are about handling cases well." in page.decode()


def test_two_clients_deciding_at_once_lose_nothing(curating: Server, curation_path: Path) -> None:
    status, _, body = get(curating, "/curate/suggestions", {})
    assert status == 200
    chosen = json.loads(body)["suggestions"][:4]
    assert len(chosen) == 4
    before = len(CurationFile(curation_path, curator="analyst").decisions())
    answers: list[int] = []

    def decide(part: list[dict[str, object]]) -> None:
        for suggestion in part:
            body = {"action": "reject", "from": suggestion["from"], "to": suggestion["to"], "reason": "synthetic test"}
            answers.append(post(curating, body)[0])

    threads = [threading.Thread(target=decide, args=(chosen[n::2],)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 4
    recorded = CurationFile(curation_path, curator="analyst").decisions()
    assert len(recorded) == before + 4
    rejected = {(str(d.start), str(d.end)) for d in recorded if d.verdict == "rejected"}
    assert {(s["from"], s["to"]) for s in chosen} <= rejected
    assert validate(goalgraph.load([curation_path])).conforms


def test_a_link_of_ones_own_is_added(curating: Server, curation_path: Path) -> None:
    status, answer = post(
        curating,
        {
            "action": "add",
            "from": "POL-T4",
            "to": SM3,
            "strength": "weak",
            "rationale": {"da": "Syntetisk testbegrundelse"},
        },
    )
    assert status == 200, answer
    assert json.loads(answer)["verdict"] == "added"
    # The other way round would close a cycle: refused, nothing written.
    before = snapshot(curation_path)
    status, answer = post(
        curating, {"action": "add", "from": SM3, "to": "POL-T4", "strength": "weak", "rationale": {"en": "x"}}
    )
    assert status == 400
    assert b"cycle" in answer
    assert snapshot(curation_path) == before


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--data", "{data}", "--curate", "{data}"], "one of the data's source files"),
        (["--curate", "{folder}/review.txt"], "a curation file is YAML"),
        (["--token", "abc"], "--token is for --curate"),
    ],
)
def test_serve_refuses_a_bad_curation_before_starting(tmp_path: Path, arguments: list[str], says: str) -> None:
    """A data file as the curation file, a name that is not YAML, a token with nothing to curate: refused, one line."""
    data = tmp_path / "mine.yaml"
    data.write_text("alignments: []\n", encoding="utf-8")
    filled = [a.format(data=data, folder=tmp_path) for a in arguments]
    result = subprocess.run(
        [sys.executable, "-m", "goalgraph", "serve", "--port", "0", *filled],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert "serving on" not in result.stderr
    assert data.read_text(encoding="utf-8") == "alignments: []\n"


def test_without_curate_there_are_no_curate_routes_and_no_token(server: Server) -> None:
    assert get(server, "/curate/suggestions", {"statement": SM3})[0] == 404
    assert get(server, "/curate/search", {"q": "x"})[0] == 404
    assert post(server, {"action": "reject", "from": SM3, "to": "V1"})[0] == 404
    _, _, page = get(server, "/explorer", {})
    assert b"connect-src" not in page
    assert b"review-mode" not in page
    assert server.process.stdout is not None
    os.set_blocking(server.process.stdout.fileno(), False)
    printed = server.process.stdout.read() or b""
    assert b"serving on" in printed or printed == b""  # read before, by another test, is fine too
    assert b"token" not in printed


def test_the_token_is_printed_in_the_fragment_only(curating: Server) -> None:
    assert curating.process.stdout is not None
    os.set_blocking(curating.process.stdout.fileno(), False)
    printed = (curating.process.stdout.read() or b"").decode()
    assert f"{curating.url}/explorer#token={TOKEN}" in printed
    _, _, page = get(curating, "/explorer", {})
    assert TOKEN.encode() not in page
    assert b"connect-src &#39;self&#39;" in page


def test_the_resource_page_lists_suggestions_and_links_to_the_review(curating: Server) -> None:
    path = "/goalgraph/id/anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen"
    status, _, page = get(curating, path, {}, accept="text/html")
    assert status == 200
    text = page.decode()
    assert "Suggested links to review" in text
    assert 'href="/explorer#review=https%3A%2F%2Fw3id.org%2F' in text
    assert urllib.parse.quote("kvalitet-i-sagsbehandlingen") in text
