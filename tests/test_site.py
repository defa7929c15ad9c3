"""The static site: everything in one folder, a page per IRI, written whole or not at all, nowhere else."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pyoxigraph as ox
import pytest

import goalgraph
from goalgraph.errors import GoalgraphError
from goalgraph.loading import GoalDataset
from goalgraph.namespaces import GG
from goalgraph.site import PagePathError, write_site


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


def _with(tmp_path: Path, *iris: str, base: str | None = None) -> GoalDataset:
    """The ontology and a resource at each of `iris`."""
    data = tmp_path / "data" / "extra.ttl"
    data.parent.mkdir(exist_ok=True)
    data.write_text("".join(f"<{iri}> a <https://example.org/Thing> .\n" for iri in iris), encoding="utf-8")
    return goalgraph.load([data], bundled=False, base=base)


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


ID = "https://w3id.org/goalgraph/id/"


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("a/../../../escaped", "the segment '..', which leads to the folder above"),
        ("a/../../../../../escaped", "the segment '..'"),
        ("a/%2e%2e/%2E%2E/%2e%2e/%2e%2e/escaped", "the segment '..' (written '%2e%2e')"),
        (".%2e/.%2E/.%2e/.%2e/escaped", "the segment '..' (written '.%2e')"),
        ("a/./b", "the segment '.', which leads to this folder again"),
        ("a%2f..%2f..%2f..%2f..%2fescaped", "(written 'a%2f..%2f..%2f..%2f..%2fescaped'), with a folder separator"),
        ("a%5c..%5c..%5c..%5c..%5cescaped", "with a folder separator"),
        ("a%00b", "with a control character (such as NUL) in it"),
        ("a//b", "an empty segment (//)"),
        ("%ff", "whose percent-encoded bytes are not UTF-8"),
        ("a" * 256, "a segment of more than 255 bytes"),
    ],
)
def test_an_iri_whose_page_would_be_elsewhere_is_refused(tmp_path: Path, path: str, shown: str) -> None:
    dataset = _with(tmp_path, ID + path)
    (tmp_path / "out").mkdir()
    before = _everything(tmp_path)
    with pytest.raises(PagePathError) as refused:
        write_site(dataset, tmp_path / "out" / "site")
    assert str(refused.value).startswith(f"<{ID}{path}>: cannot have a page in the site: its path has ")
    assert shown in str(refused.value)
    assert _everything(tmp_path) == before  # nothing written, inside the folder or out of it


def test_an_old_site_stays_when_an_iri_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "site"
    (target / "downloads").mkdir(parents=True)
    for name in ("index.html", "explorer.html", "report.html"):
        (target / name).write_text("the old site")
    with pytest.raises(PagePathError, match="escaped"):
        write_site(_with(tmp_path, ID + "a/../../../../escaped"), target)
    assert (target / "index.html").read_text() == "the old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_a_page_inside_the_site_is_checked_once_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Were page_folder to let a '..' through, the resolved path still stops it.
    monkeypatch.setattr("goalgraph.site.page_folder", lambda iri: PurePosixPath("../escaped"))
    with pytest.raises(PagePathError, match="its page would be written outside the site's folder"):
        write_site(_with(tmp_path, ID + "x"), tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_percent_encoded_path_is_where_a_web_server_looks(tmp_path: Path) -> None:
    site = write_site(_with(tmp_path, ID + "caf%C3%A9/tryghed%20og%20ro/"), tmp_path / "site")
    assert (site / "goalgraph/id/café/tryghed og ro/index.html").is_file()
    assert (site / "goalgraph/id/café/tryghed og ro/index.ttl").is_file()


def test_no_page_takes_the_place_of_the_sites_own_files(tmp_path: Path, site: Path) -> None:
    own = sorted(p.name for p in site.iterdir() if p.name != "goalgraph")
    assert own == [
        "context.jsonld", "docs", "downloads", "explorer.html", "index.html", "ontology.ttl", "report.html", "report.md"
    ]  # fmt: skip
    # Downloads is downloads where case does not count (macOS, Windows); "" is the home page.
    for name in [*own, "Downloads", ""]:
        own_name = re.escape(name.lower() or "index.html")
        with pytest.raises(PagePathError, match=f"its page would replace the site's own {own_name}; correct the IRI$"):
            write_site(_with(tmp_path, f"https://example.org/{name}", base="https://example.org/"), tmp_path / "s")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_link_to_the_sites_folder_is_kept(tmp_path: Path) -> None:
    write_site(_with(tmp_path), tmp_path / "real")  # an earlier site, now stale
    (tmp_path / "real" / "stale.html").write_text("old")
    (tmp_path / "link").symlink_to("real")
    assert write_site(_with(tmp_path), tmp_path / "link") == tmp_path / "link"
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "real" / "index.html").is_file()
    assert not (tmp_path / "real" / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "link", "real"]


def test_a_file_in_the_sites_place_is_refused(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("a file")
    with pytest.raises(GoalgraphError, match="site: not a folder the site can have to itself"):
        write_site(_with(tmp_path), tmp_path / "site")
    assert (tmp_path / "site").read_text() == "a file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_what_a_killed_run_left_is_removed_and_nothing_else(tmp_path: Path) -> None:
    # A run killed as it writes the exports.
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys, goalgraph, goalgraph.export, goalgraph.site as site\n"
            "goalgraph.export.export = lambda *args, **options: os._exit(9)\n"
            "site.write_site(goalgraph.load(bundled=False), sys.argv[1])\n",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == 9, killed.stderr
    (left,) = tmp_path.iterdir()
    assert re.fullmatch(r"\.site\.[a-z0-9_]{8}", left.name)
    marker = next(p for p in left.iterdir() if p.name.startswith(".goalgraph"))
    # What is not goalgraph's, or may be a run still going: kept.
    live = tmp_path / ".site.livelive"
    live.mkdir()
    (live / marker.name).write_text(re.sub(r"process \d+", f"process {os.getpid()}", marker.read_text()))
    for name in (".site.usersown", ".site.backup", ".site.justmade"):
        (tmp_path / name).mkdir()
    (tmp_path / ".site.usersown" / "notes.txt").write_text("mine")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / ".site.linkedto").symlink_to("elsewhere")
    # An empty one, a minute old: a run killed before it wrote its marker.
    empty = tmp_path / ".site.emptyold"
    empty.mkdir()
    os.utime(empty, (time.time() - 120, time.time() - 120))
    write_site(_with(tmp_path), tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".site.backup",
        ".site.justmade",
        ".site.linkedto",
        ".site.livelive",
        ".site.usersown",
        "data",
        "elsewhere",
        "site",
    ]
    assert (tmp_path / ".site.usersown" / "notes.txt").read_text() == "mine"
    assert not any(p.name.startswith(".goalgraph") for p in (tmp_path / "site").iterdir())


def test_a_folder_of_other_files_is_not_replaced(tmp_path: Path) -> None:
    # The site replaces its whole folder; a folder of someone's files is refused, untouched.
    import goalgraph
    from goalgraph.errors import GoalgraphError
    from goalgraph.site import write_site

    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.tex").write_text("years of work")
    with pytest.raises(GoalgraphError, match="holds files that are not a goalgraph site"):
        write_site(goalgraph.load(), home)
    assert sorted(p.name for p in home.iterdir()) == ["thesis.tex"]
    assert [p.name for p in tmp_path.iterdir()] == ["home"]  # no building folder left
    # An empty folder, and a site written before, are the site's to replace.
    empty = tmp_path / "empty"
    empty.mkdir()
    write_site(goalgraph.load(), empty)
    write_site(goalgraph.load(), empty)
    assert (empty / "explorer.html").is_file()
