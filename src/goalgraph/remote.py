"""A SPARQL 1.1 endpoint as the goal graph: any triple store instead of the embedded one.

``goalgraph --endpoint URL ...`` runs every reading command against a store such as
Virtuoso, Apache Jena Fuseki, GraphDB or Oxigraph's server; ``goalgraph push``
uploads the dataset into one. The named queries and the analysis are standard
SPARQL 1.1, so they answer the same there as in the embedded store.

The dataset a query sees is the union of the graphs goalgraph put there: each query
names them with the protocol's ``default-graph-uri`` and ``named-graph-uri``, so
whatever else the store holds (Virtuoso's own system graphs, say) stays out.

Credentials never come from the command line: a password from ``GOALGRAPH_PASSWORD``
(or a prompt), a bearer token from ``GOALGRAPH_TOKEN``. Transient failures (a
connection refused or reset, HTTP 502, 503, 504) are retried a few times with a
growing pause; everything else is one clear message naming the endpoint and what it
answered.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import uuid4

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.term import Node

from goalgraph.errors import GoalgraphError
from goalgraph.loading import resolve_base
from goalgraph.namespaces import PREFIXES

if TYPE_CHECKING:
    from goalgraph.loading import GoalDataset

__all__ = ["Endpoint", "EndpointError", "RemoteDataset", "dataset_graphs", "push", "with_prefixes"]

PASSWORD_ENV = "GOALGRAPH_PASSWORD"
TOKEN_ENV = "GOALGRAPH_TOKEN"
_TRANSIENT = {502, 503, 504}
#: A graph that uses terms of these namespaces is part of the goal graph.
_DISCOVERED = ("https://w3id.org/goalgraph/ontology#", "http://www.w3.org/ns/org#")


class EndpointError(GoalgraphError):
    """An endpoint that is down, refuses, or answers with something that is not SPARQL."""


@dataclass
class Endpoint:
    """Where and how to reach a SPARQL 1.1 service.

    Attributes
    ----------
    query_url : str
        The query endpoint.
    update_url : str or None
        The update endpoint (often the same URL, or an authenticated one such as
        Virtuoso's ``/sparql-auth``); needed only to push.
    graph_store_url : str or None
        A SPARQL 1.1 Graph Store Protocol service, used to push where offered.
    user, password : str or None
        For HTTP Basic or Digest authentication.
    token : str or None
        A bearer token.
    timeout : float
        Seconds to wait for an answer.
    retries : int
        How many times to try again after a transient failure.
    """

    query_url: str
    update_url: str | None = None
    graph_store_url: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    timeout: float = 60.0
    retries: int = 3

    @classmethod
    def from_environment(
        cls,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        user: str | None = None,
        ask_password: Callable[[str], str] | None = None,
    ) -> Endpoint:
        """An endpoint whose secrets come from the environment (or a prompt), never from arguments."""
        password = os.environ.get(PASSWORD_ENV)
        if user and password is None and ask_password is not None:
            password = ask_password(f"password for {user} at {update_url or query_url}")
        return cls(
            query_url,
            update_url,
            graph_store_url,
            user=user,
            password=password,
            token=os.environ.get(TOKEN_ENV),
        )

    def _opener(self) -> urllib.request.OpenerDirector:
        handlers: list[urllib.request.BaseHandler] = []
        if self.user and self.password is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in filter(None, (self.query_url, self.update_url, self.graph_store_url)):
                passwords.add_password(None, url, self.user, self.password)
            handlers += [
                urllib.request.HTTPDigestAuthHandler(passwords),
                urllib.request.HTTPBasicAuthHandler(passwords),
            ]
        return urllib.request.build_opener(*handlers)

    def _send(self, request: urllib.request.Request) -> tuple[str, bytes]:
        """Send `request`, retrying transient failures; the answer's media type and body."""
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        where = request.full_url.split("?")[0]
        for attempt in range(self.retries + 1):
            try:
                with self._opener().open(request, timeout=self.timeout) as response:
                    return response.headers.get_content_type(), response.read()
            except urllib.error.HTTPError as error:
                body = error.read().decode("utf-8", errors="replace").strip()
                if error.code in _TRANSIENT and attempt < self.retries:
                    time.sleep(0.5 * 2**attempt)
                    continue
                first = " ".join(line.strip() for line in body.splitlines()[:4] if line.strip())[:400] or error.reason
                raise EndpointError(f"{where} answered HTTP {error.code}: {first}") from None
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                reason = getattr(error, "reason", error)
                if isinstance(reason, TimeoutError):
                    # Not retried: asking a store again for what it could not answer in time
                    # would only keep the user waiting `retries` times longer.
                    raise EndpointError(f"{where} did not answer within {self.timeout:g} s") from None
                if attempt < self.retries:
                    time.sleep(0.5 * 2**attempt)
                    continue
                raise EndpointError(
                    f"{where} did not answer ({reason}); is it running, and is the URL right?"
                ) from None
            except http.client.HTTPException as error:
                # Something listens there, but it does not speak HTTP (or broke off its answer).
                raise EndpointError(f"{where} did not answer in HTTP ({str(error).strip()[:120]!r})") from None
        raise EndpointError(f"{where} did not answer")

    def query(self, text: str, accept: str, graphs: Sequence[str] = ()) -> tuple[str, bytes]:
        """POST a query (as a form, so long queries fit) and return the answer's type and body."""
        fields = [("query", text)]
        fields += [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
        request = urllib.request.Request(
            self.query_url,
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        return self._send(request)

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update."""
        if not self.update_url:
            raise EndpointError(f"{self.query_url}: no update endpoint given (--update-endpoint)")
        request = urllib.request.Request(
            self.update_url,
            data=urllib.parse.urlencode({"update": text}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "*/*"},
        )
        self._send(request)

    def put_graph(self, graph: str, ntriples: bytes, *, append: bool = False) -> None:
        """Replace `graph` with `ntriples` (or add them, `append`) through the Graph Store Protocol."""
        assert self.graph_store_url
        separator = "&" if "?" in self.graph_store_url else "?"
        request = urllib.request.Request(
            f"{self.graph_store_url}{separator}graph={urllib.parse.quote(graph, safe='')}",
            data=ntriples,
            method="POST" if append else "PUT",
            headers={"Content-Type": "application/n-triples"},
        )
        self._send(request)


def with_prefixes(query: str) -> str:
    """`query` with a PREFIX declaration for each of goalgraph's prefixes it uses and lacks.

    The embedded store knows them without declaration; a remote one needs them.

    >>> with_prefixes("SELECT * { ?s gg:holder ?o }").splitlines()[0]
    'PREFIX gg: <https://w3id.org/goalgraph/ontology#>'
    """
    declared = {match.lower() for match in _DECLARED.findall(query)}
    missing = [
        f"PREFIX {prefix}: <{namespace}>"
        for prefix, namespace in PREFIXES.items()
        if prefix not in declared and re.search(rf"(?<![\w:<]){prefix}:", query)
    ]
    return "\n".join([*missing, query]) if missing else query


_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)\s*:", re.IGNORECASE)


def _term(value: dict[str, str]) -> Node:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    return Literal(value["value"], datatype=URIRef(datatype) if datatype else None)


class RemoteDataset(Dataset):
    """A goal graph held in a SPARQL endpoint, behind rdflib's API.

    Queries go through :meth:`answer` (used by :func:`goalgraph.querying.execute`);
    rdflib's own triple-pattern API goes through rdflib's SPARQLStore.

    Parameters
    ----------
    endpoint : Endpoint
    graphs : sequence of str, optional
        The named graphs that make up the goal graph (:attr:`goal_graphs`). By
        default those that hold goalgraph data or the ontology.
    base : str, optional
        The base namespace of the data (see :func:`goalgraph.loading.resolve_base`).
    """

    def __init__(self, endpoint: Endpoint, graphs: Sequence[str] | None = None, base: str | None = None) -> None:
        store = SPARQLStore(endpoint.query_url, returnFormat="json")
        super().__init__(store=store, default_union=True)
        self.endpoint = endpoint
        self.base = resolve_base(base)
        self.sources: list[object] = []
        self.goal_graphs: list[str] = list(graphs) if graphs is not None else self._goal_graphs()

    def _goal_graphs(self) -> list[str]:
        """The graphs that use goalgraph's or W3C ORG's terms: the ontology, data, organisations."""
        namespaces = " || ".join(
            f'STRSTARTS(STR(?{term}), "{namespace}")' for namespace in _DISCOVERED for term in ("p", "o")
        )
        query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({namespaces}) }}"
        found = sorted(str(row["g"]) for row in self._select(query, graphs=()))
        if not found:
            raise EndpointError(f"{self.endpoint.query_url} holds no goalgraph data (push it first: goalgraph push)")
        return found

    def _select(self, query: str, graphs: Sequence[str] | None = None) -> list[dict[str, Node | None]]:
        _, rows, _, _ = self.answer(query, graphs)
        return rows

    def local_copy(self) -> GoalDataset:
        """The goal graph copied into an in-memory :class:`~goalgraph.loading.GoalDataset`.

        For work that reads every triple (exports, validation, serving): one request
        per graph instead of one per triple pattern.

        Raises
        ------
        EndpointError
            If the endpoint sends fewer triples than a graph holds (a result-size
            limit, such as Virtuoso's ``ResultSetMaxRows``).
        """
        from goalgraph.loading import GoalDataset, Source

        copy = GoalDataset(self.base)
        for graph in self.goal_graphs:
            expected = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"]
            _, body = self.endpoint.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                "application/n-triples, text/plain;q=0.9",
                self.goal_graphs,
            )
            target = ox.NamedNode(graph)
            try:
                copy.oxigraph.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=target)
            except SyntaxError as error:
                raise EndpointError(
                    f"{self.endpoint.query_url} did not answer a CONSTRUCT with N-Triples ({error})"
                ) from None
            got = sum(1 for _ in copy.oxigraph.quads_for_pattern(None, None, None, target))
            if isinstance(expected, Literal) and got < int(expected):
                raise EndpointError(
                    f"{self.endpoint.query_url} sent {got:,} of the {int(expected):,} triples of <{graph}>: "
                    "a limit on result size? (Virtuoso: raise ResultSetMaxRows in virtuoso.ini)"
                )
            copy.sources.append(Source(Path(graph), URIRef(graph), None))
        return copy

    def _json(self, body: bytes) -> dict[str, object]:
        try:
            data = json.loads(body)
        except ValueError:
            raise self._not_sparql(body) from None
        if not isinstance(data, dict):
            raise EndpointError(f"{self.endpoint.query_url} did not answer with SPARQL results")
        return data

    def _not_sparql(self, body: bytes) -> EndpointError:
        text = body[:120].decode("utf-8", errors="replace")
        return EndpointError(f"{self.endpoint.query_url} did not answer with SPARQL results: {text!r}")

    def answer(
        self, query: str, graphs: Sequence[str] | None = None
    ) -> tuple[list[str], list[dict[str, Node | None]], bool | None, Graph | None]:
        """Run `query` on the goal graph's graphs: variables, rows, a boolean, or triples.

        Parameters
        ----------
        query : str
            SPARQL 1.1; goalgraph's prefixes (``gg:``, ``org:``...) are declared for it.
        graphs : sequence of str, optional
            The graphs it sees; :attr:`goal_graphs` by default.
        """
        media_type, body = self.endpoint.query(
            with_prefixes(query),
            "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8",
            self.goal_graphs if graphs is None else graphs,
        )
        if media_type in ("application/n-triples", "text/turtle", "text/plain", "application/rdf+xml"):
            graph = Graph()
            rdflib_format = {"application/rdf+xml": "xml", "text/turtle": "turtle"}.get(media_type, "nt")
            try:
                graph.parse(data=body, format=rdflib_format)
            except Exception:  # rdflib's parsers raise errors of many kinds
                raise self._not_sparql(body) from None
            return [], [], None, graph
        data = self._json(body)
        if "boolean" in data:
            return [], [], bool(data["boolean"]), None
        head = data.get("head", {})
        results = data.get("results", {})
        if not isinstance(head, dict) or not isinstance(results, dict):
            raise EndpointError(f"{self.endpoint.query_url} answered JSON that is not SPARQL results")
        variables = [str(v) for v in head.get("vars", [])]
        rows = [
            {v: _term(binding[v]) if v in binding else None for v in variables}
            for binding in results.get("bindings", [])
        ]
        return variables, rows, None, None

    def source_of(self, graph: object) -> None:
        """Remote graphs have no local files."""
        return None


def dataset_graphs(dataset: GoalDataset) -> Iterator[tuple[str, bytes]]:
    """Each named graph of `dataset` and its triples as N-Triples, for :func:`push`."""
    store = dataset.oxigraph
    for graph in sorted(store.named_graphs(), key=str):
        if isinstance(graph, ox.NamedNode):
            yield graph.value, store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""


def push(
    graphs: Iterable[tuple[str, bytes]],
    endpoint: Endpoint,
    *,
    into: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[str]:
    """Upload graphs (IRI, N-Triples) to `endpoint`, each replacing its graph there.

    Each graph is first written to a fresh temporary graph and then moved over the
    target in one update (``DROP SILENT GRAPH``, ``MOVE``): an interrupted push
    leaves every target either as it was or complete, never half-written, and
    pushing again gives the same result. The Graph Store Protocol is used where the
    endpoint offers it (a PUT, then POSTs, of about 2 MB each); else ``INSERT DATA``
    in batches of about 500 kB.

    Parameters
    ----------
    graphs : iterable of (str, bytes)
        Graph IRI and its triples as N-Triples.
    endpoint : Endpoint
        With an update endpoint.
    into : str, optional
        Put everything into this one graph instead.
    progress : callable, optional
        Told about each graph as it is pushed.

    Returns
    -------
    list of str
        The graphs written.
    """
    note = progress or (lambda _: None)
    merged: dict[str, list[bytes]] = {}
    for graph, ntriples in graphs:
        merged.setdefault(into or graph, []).append(ntriples)
    for graph, parts in merged.items():
        body = b"".join(part if part.endswith(b"\n") or not part else part + b"\n" for part in parts)
        scratch = f"urn:goalgraph:push:{uuid4()}"
        triples = body.count(b"\n")
        note(f"{graph} ({triples:,} triples)")
        try:
            if endpoint.graph_store_url:
                # Bounded requests: Virtuoso resets the connection of a PUT of 10 MB.
                for number, batch in enumerate(_batches(body, GRAPH_STORE_BATCH_BYTES)):
                    endpoint.put_graph(scratch, batch.encode("utf-8"), append=number > 0)
            else:
                for batch in _batches(body):
                    endpoint.update(f"INSERT DATA {{ GRAPH <{scratch}> {{\n{batch}}} }}")
            # MOVE replaces the target whole, in one operation.
            endpoint.update(f"MOVE SILENT GRAPH <{scratch}> TO GRAPH <{graph}>")
        except BaseException:
            _drop_quietly(endpoint, scratch)
            raise
    return list(merged)


def _drop_quietly(endpoint: Endpoint, scratch: str) -> None:
    """Drop the half-filled `scratch` graph if the endpoint lets us, at once: the push's own error is the news."""
    with contextlib.suppress(EndpointError):
        replace(endpoint, retries=0).update(f"DROP SILENT GRAPH <{scratch}>")


#: The largest request body of an upload through the Graph Store Protocol, about.
GRAPH_STORE_BATCH_BYTES = 2_000_000


def _batches(ntriples: bytes, size: int = 500_000) -> Iterable[str]:
    """N-Triples lines in batches of about `size` bytes (a few thousand triples)."""
    batch: list[str] = []
    length = 0
    for line in ntriples.decode("utf-8").splitlines(keepends=True):
        batch.append(line)
        length += len(line)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)
