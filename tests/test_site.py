"""The static site: everything in one folder, a page per IRI, written whole or not at all."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from goalgraph.errors import GoalgraphError
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG
from goalgraph.site import write_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, bundled: GoalDataset) -> Path:
    return write_site(bundled, tmp_path_factory.mktemp("published") / "site")


class _Sources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if tag in ("script", "img", "link", "iframe") and name in ("src", "href") and "://" in (value or ""):
                self.external.append(f"<{tag} {name}={value}>")


def test_the_parts_are_there(site: Path) -> None:
    for part in ("index.html", "explorer.html", "report.html", "report.md", "docs/index.html", "context.jsonld"):
        assert (site / part).is_file(), part
    downloads = sorted(p.name for p in (site / "downloads").iterdir())
    assert downloads == sorted(
        f"goalgraph{f}" for f in (".ttl", ".trig", ".jsonld", ".rdf", ".nt", ".nq", ".zip", ".graphml")
    )


def test_a_page_and_a_description_per_resource(site: Path, bundled: GoalDataset) -> None:
    statements = set(bundled.subjects(predicate=GG.text))
    assert len(statements) == 30  # Vores mål's 22 and the 2019 target plans' 8
    for statement in statements:
        folder = site / str(statement).removeprefix("https://w3id.org/")
        page = (folder / "index.html").read_text(encoding="utf-8")
        assert str(statement) in page
        triples = list(ox.parse(path=str(folder / "index.ttl"), format=ox.RdfFormat.TURTLE))
        assert any(t.subject == ox.NamedNode(str(statement)) for t in triples)
    for organisation in ("politiet", "anklagemyndigheden", "justitsministeriets-koncern"):
        assert (site / "goalgraph/id" / organisation / "index.html").is_file()
    assert (site / "goalgraph/id/anklagemyndigheden/2019/virksomhedsstrategi/index.html").is_file()
    assert (site / "goalgraph/id/politiet/2019/maal-og-resultatplan/index.html").is_file()


def test_no_page_loads_from_elsewhere(site: Path) -> None:
    for page in site.rglob("*.html"):
        parser = _Sources()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not parser.external, page


@pytest.fixture(scope="module")
def web_server(site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_iris_resolve_on_a_plain_web_server(web_server: str) -> None:
    with urllib.request.urlopen(
        web_server + "/goalgraph/id/anklagemyndigheden/2019/marker/kvalitet-i-sagsbehandlingen/"
    ) as r:
        page = r.read().decode("utf-8")
    assert "Kvalitet i sagsbehandlingen" in page
    assert "Quality in case handling" in page
    with urllib.request.urlopen(web_server + "/downloads/goalgraph.nq") as r:
        assert len(list(ox.parse(r.read(), format=ox.RdfFormat.N_QUADS))) > 1000


def test_a_failure_leaves_the_old_site(tmp_path: Path, bundled: GoalDataset, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "site"
    write_site(bundled, target)
    (target / "marker.txt").write_text("the old site")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr("goalgraph.export.export", broken)
    with pytest.raises(RuntimeError):
        write_site(bundled, target)
    assert (target / "marker.txt").read_text() == "the old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_missing_folder(tmp_path: Path, bundled: GoalDataset) -> None:
    with pytest.raises(GoalgraphError, match="its folder does not exist"):
        write_site(bundled, tmp_path / "nowhere" / "site")
    assert list(tmp_path.iterdir()) == []
