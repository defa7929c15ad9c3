"""Hostile and odd input: entities in XML, over-long literals, and paths that are not plain files.

Each case is the smallest input that shows it, made in tmp_path. A case that would
take memory if goalgraph regressed runs the command in a child process under an
address-space limit (RLIMIT_AS), so that a regression fails the test instead of
taking the machine down.
"""

from __future__ import annotations

import ctypes
import io
import os
import re
import resource
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDFS, Literal, URIRef

from goalgraph import xmlcheck
from goalgraph.errors import DataError, SourceError
from goalgraph.loading import find_sources, load
from goalgraph.named_queries import QueryError, find_query

from .conftest import FIXTURES, REPOSITORY
from .test_cli import SETTINGS, goalgraph

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
#: The address space a command may use in the tests that could take memory: several
#: times what it needs, a fraction of what an entity bomb or a regression would take.
MEMORY_LIMIT = 1536 * 1024 * 1024
#: Longer than the 16 MiB of Oxigraph's parser buffer.
HUGE = 17 * 1024 * 1024
TRIPLE = '<rdf:Description rdf:about="https://example.org/a"><rdfs:label>a</rdfs:label></rdf:Description>'


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _without_root_powers() -> None:
    """Run as root, give up reading what permissions forbid, so that a mode 000 file is unreadable."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, from the bounding set: gone after exec
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def limited(*args: str | Path, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the command as :func:`tests.test_cli.goalgraph` does, under the memory limit (and without root's powers)."""
    environment = {k: v for k, v in os.environ.items() if k not in SETTINGS and k != "GOALGRAPH_TOKEN"}

    def prepare() -> None:
        _limit_memory()
        if unprivileged:
            _without_root_powers()

    return subprocess.run(
        [sys.executable, "-m", "goalgraph", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env=environment | {"COLUMNS": "200"},
        preexec_fn=prepare,
        timeout=120,
    )


def rdfxml(dtd: str, body: str = TRIPLE) -> str:
    """An RDF/XML document whose DTD starts on line 3."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<!DOCTYPE rdf:RDF [\n{dtd}\n]>\n"
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:rdfs="{RDFS_NS}" xmlns:owl="{OWL_NS}">\n{body}\n</rdf:RDF>\n'
    )


# Entities in RDF/XML -------------------------------------------------------------------------------------


def test_an_entity_bomb_is_refused_before_it_grows(tmp_path: Path) -> None:
    # Nine levels of ten: three thousand million characters, were it expanded (a 1 kB file).
    levels = ['<!ENTITY l0 "lollollollollollollollollollol">']
    levels += [f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)]
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(rdfxml("\n".join(levels), "<rdf:Description><rdfs:label>&l9;</rdfs:label></rdf:Description>"))
    assert bomb.stat().st_size < 1024
    result = limited("validate", "--data", bomb)
    assert result.returncode == 1, result.stderr
    assert re.search(r"bomb\.rdf:4: refused: the entity 'l1' refers to other entities", result.stdout)
    assert "Traceback" not in result.stderr


def test_namespace_entities_as_owl_tools_write_them_still_load(tmp_path: Path) -> None:
    dtd = f'    <!ENTITY owl "{OWL_NS}" >\n    <!ENTITY onto "https://example.org/onto#" >'
    body = '<owl:Class rdf:about="&onto;Goal"><rdfs:subClassOf rdf:resource="&owl;Thing"/></owl:Class>'
    ontology = tmp_path / "onto.owl"
    ontology.write_text(rdfxml(dtd, body))
    dataset = load(ontology, bundled=False)
    assert (URIRef("https://example.org/onto#Goal"), RDFS.subClassOf, OWL.Thing) in dataset


REFUSED = {
    "nested": ('<!ENTITY a "ha">\n<!ENTITY b "&a;&a;">', 4, "the entity 'b' refers to other entities"),
    "external": ('<!ENTITY secret SYSTEM "file:///etc/passwd">', 3, "an external entity, 'secret'"),
    "public": ('<!ENTITY p PUBLIC "-//X//EN" "https://example.org/p.ent">', 3, "an external entity, 'p'"),
    "parameter": ('<!ENTITY % p "x">', 3, "a parameter entity, %p;"),
    "unparsed": ('<!NOTATION gif SYSTEM "image/gif">\n<!ENTITY pic SYSTEM "a.gif" NDATA gif>', 4, "an unparsed entity"),
    "markup": ('<!ENTITY tag "&#60;b&#62;bold&#60;/b&#62;">', 3, "or holds markup"),
    "character reference to &": ('<!ENTITY c "&#38;#38;">', 3, "the entity 'c' refers to other entities or characters"),
    "long": (f'<!ENTITY long "{"x" * 2049}">', 3, "the entity 'long' is 2,049 bytes long, more than 2,048"),
    "in a comment": ('<!ENTITY a "x">\n<!-- <!ENTITY b "&a;&a;"> -->', 4, "where an XML parser reads none"),
    "in a processing instruction": ('<?note <!ENTITY b "x"> ?>', 3, "where an XML parser reads none"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_entities_that_could_multiply_or_read_files_are_refused_with_file_and_line(tmp_path: Path, case: str) -> None:
    dtd, line, message = REFUSED[case]
    path = tmp_path / "x.rdf"
    path.write_text(rdfxml(dtd))
    with pytest.raises(DataError) as raised:
        load(path, bundled=False)
    assert raised.value.line == line
    assert raised.value.path.endswith("x.rdf")
    assert f":{line}: refused: " in str(raised.value)
    assert message in str(raised.value)


def test_a_doctype_after_the_first_element_is_refused(tmp_path: Path) -> None:
    # Not XML, but Oxigraph's RDF/XML parser would read (and expand) its entities.
    text = rdfxml("", TRIPLE + '\n<!DOCTYPE rdf:RDF [ <!ENTITY a "x"> <!ENTITY b "&a;&a;"> ]>')
    path = tmp_path / "late.rdf"
    path.write_text(text.replace("<!DOCTYPE rdf:RDF [\n\n]>\n", ""))
    with pytest.raises(DataError, match=r"late\.rdf:4: refused: an entity declaration \(<!ENTITY\) where"):
        load(path, bundled=False)


def test_entities_may_add_no_more_than_a_multiple_of_the_file(tmp_path: Path) -> None:
    text = "x" * 2000
    within = tmp_path / "within.rdf"
    within.write_text(
        rdfxml(f'<!ENTITY t "{text}">', "<rdf:Description><rdfs:label>&t;</rdfs:label></rdf:Description>")
    )
    assert (None, RDFS.label, Literal(text)) in load(within, bundled=False)
    labels = "".join(f"<rdfs:label>{n}&t;</rdfs:label>" for n in range(700))  # 1.4 MB from a 20 kB file
    beyond = tmp_path / "beyond.rdf"
    beyond.write_text(rdfxml(f'<!ENTITY t "{text}">', f"<rdf:Description>{labels}</rdf:Description>"))
    with pytest.raises(DataError, match=r"beyond\.rdf:3: refused: the file's entities would add 1,400,000 bytes"):
        load(beyond, bundled=False)


def test_the_scan_finds_what_straddles_two_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xmlcheck, "_CHUNK", 3)
    data = b'<!ENTITY a "1">\n<!ENTITY long "2">\n&a;&long;&&a;;&lon;x&a\n&long;<!ENTITY'
    scan = xmlcheck._scan(io.BytesIO(data), {"a", "long"})
    assert scan.references == {"a": 2, "long": 2}
    assert scan.declarations == [0, 16, len(data) - 8]
    assert scan.lines == [1, 2, 4]
    assert scan.size == len(data)


@pytest.mark.parametrize(
    ("importer", "fixture"),
    [
        ("stratml", FIXTURES / "stratml" / "bad" / "billion-laughs.xml"),
        ("stratml", FIXTURES / "stratml" / "bad" / "external-entity.xml"),
        ("archimate", FIXTURES / "archimate" / "billion-laughs.xml"),
        ("archimate", FIXTURES / "archimate" / "external-entity.xml"),
    ],
    ids=["stratml-bomb", "stratml-external", "archimate-bomb", "archimate-external"],
)
def test_the_xml_importers_refuse_a_dtd_in_one_message_with_file_and_line(importer: str, fixture: Path) -> None:
    shown = fixture.relative_to(REPOSITORY).as_posix()
    imported = goalgraph("import", importer, fixture)
    assert imported.returncode == 1
    assert imported.stderr.startswith(f"{shown}:2: refused: ")
    assert len(imported.stderr.splitlines()) == 1
    validated = goalgraph("validate", "--data", fixture)
    assert validated.returncode == 1
    assert validated.stdout.startswith(f"{shown}:2: refused: ")
    assert "Traceback" not in imported.stderr + validated.stderr


# Over-long literals -------------------------------------------------------------------------------------

LONG_LITERALS = {
    "one-line.ttl": ('@prefix ex: <https://example.org/> .\nex:a ex:text "{}" .\n', 2, 14),
    "multi-line.ttl": ('@prefix ex: <https://example.org/> .\n\nex:a ex:text """first\n{}""" .\n', 3, 14),
    "one.nt": ('<https://example.org/a> <https://example.org/text> "{}" .\n', 1, 52),
    "one.jsonld": ('{{"@id": "https://example.org/a",\n "https://example.org/text": "{}"}}\n', 2, 30),
}


@pytest.mark.parametrize("name", LONG_LITERALS)
def test_a_literal_over_16_mib_is_one_message_with_where_it_starts(tmp_path: Path, name: str) -> None:
    template, line, column = LONG_LITERALS[name]
    path = tmp_path / name
    path.write_text(template.format("x" * HUGE))
    result = limited("validate", "--no-bundled", "--data", path)
    assert result.returncode == 1, result.stderr
    assert f"{name}:{line}: a literal or IRI that starts here is longer than 16 MiB" in result.stdout
    assert result.stdout.splitlines()[0].endswith(f"(column {column})")
    assert "Traceback" not in result.stderr


def test_a_yaml_text_over_16_mib_loads(tmp_path: Path) -> None:
    # The YAML reader has no buffer limit; its graph reaches the store without one too.
    path = tmp_path / "long.yaml"
    path.write_text(
        "statements:\n  - type: Goal\n    holder: politiet\n"
        f'    text: {{da: "{"x" * HUGE}"}}\n    source: https://example.org/politiet\n'
    )
    result = limited("validate", "--data", path)
    assert result.returncode == 0, result.stdout[-500:] + result.stderr[-2000:]
    assert result.stderr.startswith("valid: 7 files, ")


def test_a_yaml_message_quotes_a_long_value_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(f"statements:\n  - type: Goal\n    holder: politiet\n    text: {'x' * 100_000}\n")
    with pytest.raises(DataError) as raised:
        load(path, bundled=False)
    assert "'xxxxxxxxxx" in str(raised.value)
    assert "xxx…' (100,000 characters)" in str(raised.value)
    assert len(str(raised.value)) < 400


def test_an_entity_bomb_as_extra_shapes_is_refused_before_it_grows(tmp_path: Path) -> None:
    # Shapes files are read as data files are: the same bomb, given with --shapes.
    levels = ['<!ENTITY l0 "lollollollollollollollollollol">']
    levels += [f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)]
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(rdfxml("\n".join(levels), "<rdf:Description><rdfs:label>&l9;</rdfs:label></rdf:Description>"))
    result = limited("validate", "--shapes", bomb)
    assert result.returncode == 2, result.stderr
    assert re.search(r"bomb\.rdf:4: refused: the entity 'l1' refers to other entities", result.stderr)
    assert "Traceback" not in result.stderr


# Paths that are not plain files ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".ttl", ".xml"])
def test_a_named_pipe_as_data_is_refused_unopened(tmp_path: Path, suffix: str) -> None:
    # Opening a pipe waits for a writer: without the check this would hang until the timeout.
    pipe = tmp_path / f"pipe{suffix}"
    os.mkfifo(pipe)
    result = goalgraph("validate", "--data", pipe)
    assert result.returncode == 2
    assert result.stderr == (
        f"goalgraph: {pipe}: a named pipe (FIFO); goalgraph reads regular files and folders only "
        "(a pipe would make it wait for ever)\n"
    )


def test_a_named_pipe_as_extra_shapes_is_refused_unopened(tmp_path: Path) -> None:
    pipe = tmp_path / "shapes.ttl"
    os.mkfifo(pipe)
    result = goalgraph("validate", "--shapes", pipe)
    assert result.returncode == 2
    assert result.stderr == (
        f"{pipe}: a named pipe (FIFO); goalgraph reads regular files and folders only "
        "(a pipe would make it wait for ever)\n"
    )


def test_a_named_pipe_in_a_data_folder_is_refused_unopened(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text('<https://example.org/a> <https://example.org/p> "a" .\n')
    os.mkfifo(tmp_path / "b.ttl")
    result = goalgraph("validate", "--data", tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"goalgraph: {tmp_path / 'b.ttl'}: a named pipe (FIFO); ")


@pytest.mark.parametrize(
    ("command", "suffix"), [(["query"], ".rq"), (["import", "yaml"], ".yaml"), (["import", "stratml"], ".xml")]
)
def test_a_named_pipe_as_a_query_or_import_is_refused_unopened(tmp_path: Path, command: list[str], suffix: str) -> None:
    pipe = tmp_path / f"pipe{suffix}"
    os.mkfifo(pipe)
    result = goalgraph(*command, pipe)
    assert result.returncode == 2
    assert result.stderr.startswith(f"goalgraph: {pipe}: a named pipe (FIFO); goalgraph reads regular files only")


def test_a_socket_as_data_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.ttl"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        with pytest.raises(SourceError, match=r"s\.ttl: a socket; goalgraph reads regular files and folders only"):
            find_sources(path)


LONG_NAME = "x" * 300


@pytest.mark.parametrize(
    ("command", "suffix"),
    [(["validate", "--data"], ".ttl"), (["query"], ".rq"), (["import", "yaml"], ".yaml")],
    ids=["data", "query", "import"],
)
def test_a_name_longer_than_the_system_allows_is_one_message(command: list[str], suffix: str) -> None:
    result = goalgraph(*command, LONG_NAME + suffix)
    assert result.returncode == 2
    assert f"is {300 + len(suffix)} bytes long; a file name may have at most 255\n" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_path_longer_than_the_system_allows_is_one_message() -> None:
    deep = "/".join(["y" * 200] * 25) + ".ttl"
    result = goalgraph("validate", "--data", deep)
    assert result.returncode == 2
    assert f": the path is {len(deep)} bytes long; this system allows at most " in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "where"),
    [
        (b'SELECT ?s WHERE {\n  ?s ?p "caf\xe9" }\n', "latin.rq:2: not UTF-8 text: the byte 0xe9 (column 13)"),
        (bytes(range(256)), "latin.rq:2: not UTF-8 text: the byte 0x80 (column 118)"),  # 0x0a ends line 1
    ],
    ids=["latin-1", "binary"],
)
def test_a_query_file_that_is_not_utf8_is_one_message(tmp_path: Path, content: bytes, where: str) -> None:
    path = tmp_path / "latin.rq"
    path.write_bytes(content)
    result = goalgraph("query", path)
    assert result.returncode == 2
    assert where in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_is_not_a_query() -> None:
    with pytest.raises(QueryError, match=r"fixtures: a folder, not a file"):
        find_query(str(FIXTURES))


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("loop.ttl", "a symbolic link that loops (too many levels of symbolic links)"),
        ("missing.ttl", "a symbolic link to something that does not exist"),
    ],
    ids=["loop", "dangling"],
)
def test_a_bad_symbolic_link_in_a_data_folder_is_one_message(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "a.ttl").write_text('<https://example.org/a> <https://example.org/p> "a" .\n')
    (tmp_path / "loop.ttl").symlink_to(target)
    (tmp_path / "up").symlink_to("..", target_is_directory=True)  # a folder link: not followed, no loop
    result = goalgraph("validate", "--no-bundled", "--data", tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"goalgraph: {tmp_path / 'loop.ttl'}: {message}\n"


def test_an_unreadable_folder_in_a_data_folder_is_one_message(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text('<https://example.org/a> <https://example.org/p> "a" .\n')
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.ttl").write_text('<https://example.org/b> <https://example.org/p> "b" .\n')
    locked.chmod(0)
    try:
        result = limited("validate", "--no-bundled", "--data", tmp_path, unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == f"goalgraph: {locked}: cannot read this folder (permission denied)\n"


def test_an_unreadable_file_in_a_data_folder_is_one_message(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text('<https://example.org/a> <https://example.org/p> "a" .\n')
    secret = tmp_path / "secret.ttl"
    secret.write_text('<https://example.org/b> <https://example.org/p> "b" .\n')
    secret.chmod(0)
    result = limited("validate", "--no-bundled", "--data", tmp_path, unprivileged=True)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{secret}: Permission denied")
    assert "Traceback" not in result.stderr


def test_a_device_as_data_is_refused() -> None:
    with pytest.raises(SourceError, match=r"^/dev/null: a character device; goalgraph reads regular files and folders"):
        find_sources("/dev/null", bundled=False)
