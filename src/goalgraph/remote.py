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

Only HTTP and HTTPS are spoken: every URL is checked first (:func:`check_url`), the
HTTP client has no handler for ``file:`` or ``ftp:`` URLs, and it follows no redirect
(a redirected POST would arrive as a GET, without its query or update). Every answer
is checked for the shape its query asks for: a SELECT's variables, an ASK's boolean,
a CONSTRUCT's RDF. A push counts what the store holds afterwards.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import json
import os
import re
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from uuid import uuid4

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql.results.jsonresults import JSONResult
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result, ResultRow
from rdflib.term import Node

from goalgraph.bases import resolve_base
from goalgraph.errors import GoalgraphError
from goalgraph.inputs import shorten
from goalgraph.namespaces import PREFIXES
from goalgraph.query_safety import may_call_a_service
from goalgraph.querying import Answer, read_answer

if TYPE_CHECKING:
    from goalgraph.loading import GoalDataset

__all__ = ["Endpoint", "EndpointError", "RemoteDataset", "check_url", "dataset_graphs", "push", "with_prefixes"]

PASSWORD_ENV = "GOALGRAPH_PASSWORD"
TOKEN_ENV = "GOALGRAPH_TOKEN"
_TRANSIENT = {502, 503, 504}
#: A graph that uses terms of these namespaces is part of the goal graph.
_DISCOVERED = ("https://w3id.org/goalgraph/ontology#", "http://www.w3.org/ns/org#")


class EndpointError(GoalgraphError):
    """An endpoint that is down, refuses, or answers with something that is not SPARQL."""


def _without_credentials(url: str) -> str:
    """`url` with any ``user:password@`` in it masked, for messages."""
    return re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@", r"\1…@", url)


def check_url(url: str, role: str = "endpoint") -> str:
    """`url`, if it is an http or https URL with a host and no credentials in it.

    Parameters
    ----------
    url : str
    role : str
        What the URL is for, as messages name it ("update endpoint").

    Raises
    ------
    EndpointError
        Naming the URL (credentials masked) and what is wrong with it.

    Examples
    --------
    >>> check_url("http://localhost:8890/sparql")
    'http://localhost:8890/sparql'
    >>> check_url("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    goalgraph.remote.EndpointError: the endpoint 'file:///etc/passwd' is not an http or https URL
    """
    shown = shorten(_without_credentials(url))
    if any(char.isspace() or unicodedata.category(char) == "Cc" for char in url):
        raise EndpointError(f"the {role} {shown!r} is not a URL: it has spaces or control characters in it")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 (parsed here: a port that is not a number from 0 to 65535 raises)
    except ValueError as error:
        raise EndpointError(f"the {role} {shown!r} is not a URL ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        # urllib would read a file: URL from disk, and its lines would end up in a message.
        raise EndpointError(f"the {role} {shown!r} is not an http or https URL")
    if not parts.hostname:
        raise EndpointError(f"the {role} {shown!r} names no host")
    if parts.username is not None or parts.password is not None:
        raise EndpointError(
            f"the {role} {shown!r} has credentials in it: give the user with --user, "
            f"and the password in {PASSWORD_ENV} or with --password"
        )
    return url


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

    def __post_init__(self) -> None:
        _check_urls(self.query_url, self.update_url, self.graph_store_url)

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
        _check_urls(query_url, update_url, graph_store_url)  # before asking for a password
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
        # HTTP and HTTPS alone: not build_opener(), which adds handlers for file:, ftp: and data:
        # URLs (through a proxy setting too), and follows redirects: a redirected POST arrives as
        # a GET without its query or update, and the redirect itself may point anywhere.
        handlers: list[urllib.request.BaseHandler] = [
            urllib.request.ProxyHandler(),
            urllib.request.UnknownHandler(),
            urllib.request.HTTPHandler(),
            urllib.request.HTTPSHandler(),
            urllib.request.HTTPDefaultErrorHandler(),
            urllib.request.HTTPErrorProcessor(),
        ]
        if self.user and self.password is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in filter(None, (self.query_url, self.update_url, self.graph_store_url)):
                passwords.add_password(None, url, self.user, self.password)
            handlers += [
                urllib.request.HTTPDigestAuthHandler(passwords),
                urllib.request.HTTPBasicAuthHandler(passwords),
            ]
        opener = urllib.request.OpenerDirector()
        for handler in handlers:
            opener.add_handler(handler)
        return opener

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
                if 300 <= error.code < 400:
                    raise EndpointError(_redirected(where, error)) from None
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
        return self.post_query(fields, accept)

    def post_query(self, fields: Sequence[tuple[str, str]], accept: str) -> tuple[str, bytes]:
        """POST the form `fields` (``query`` and the protocol's others) to the query endpoint."""
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


def _check_urls(query_url: str, update_url: str | None, graph_store_url: str | None) -> None:
    check_url(query_url)
    if update_url:
        check_url(update_url, "update endpoint")
    if graph_store_url:
        check_url(graph_store_url, "Graph Store Protocol service")


def _redirected(where: str, error: urllib.error.HTTPError) -> str:
    """The message for a redirect: where to, if that is an http(s) URL, for the user to give instead."""
    target = urllib.parse.urljoin(where, error.headers.get("Location") or "")
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    redirect = f"{where} answered HTTP {error.code}, a redirect, which goalgraph does not follow"
    if scheme in ("http", "https") and target.split("?")[0] != where:
        return f"{redirect}: give the URL it points to, {shorten(_without_credentials(target.split('?')[0]))}"
    return f"{redirect} (it points to {'a ' + scheme + ': URL' if scheme else 'nowhere'})"


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


def _not_sparql(where: str, body: bytes) -> EndpointError:
    text = body[:120].decode("utf-8", errors="replace")
    return EndpointError(f"{where} did not answer with SPARQL results: {text!r}")


def _results(where: str, body: bytes, form: str | None = None, required: Sequence[str] = ()) -> Answer:
    """SPARQL JSON results in rdflib terms, checked for the `form` and `required` variables the query asks for.

    pyoxigraph reads them (a third of the time of reading them in Python, and half of
    rdflib's parser, on 66,000 rows); what it refuses goes to :func:`_refused`.
    """
    refusal = None
    try:
        # Read whole here: pyoxigraph parses the rows as they are iterated, and may refuse one then.
        answer = read_answer(ox.parse_query_results(body, ox.QueryResultsFormat.JSON), plain_strings=True)
    except SyntaxError as error:
        # Only its message: the error's frames hold pyoxigraph's parser, which must not outlive this
        # call in a reference cycle (pyoxigraph objects may only be dropped on the thread that made them).
        refusal = str(error)
    if refusal is not None:
        answer = _refused(where, body, form, refusal)
    if (answer.boolean is not None and form not in (None, "boolean")) or (answer.boolean is None and form == "boolean"):
        shown = shorten(" ".join(body.decode("utf-8", errors="replace").split()))
        raise EndpointError(f"{where} did not answer {_FORM_NAMES[form or 'boolean']} query as one: {shown}")
    missing = [f"?{name}" for name in required if name not in answer.variables]
    if answer.boolean is None and missing:
        raise EndpointError(f"{where} answered without {', '.join(missing)}, which the query selects")
    return answer


def _refused(where: str, body: bytes, form: str | None, error: str) -> Answer:
    """Results pyoxigraph refused: read by rdflib's parser if they are SPARQL JSON after all, else what is wrong.

    Two stores' answers are SPARQL JSON that pyoxigraph does not take: Virtuoso names
    blank nodes ``nodeID://b10003``, which is no blank node label in RDF syntaxes, and
    some stores answer an ASK with 1 or 0. Anything else is one message saying what
    is not SPARQL results, and where, for the answer-shape checks of the remote tests.
    """
    try:
        data = json.loads(body)
    except ValueError:
        raise _not_sparql(where, body) from None
    if not isinstance(data, dict):
        raise EndpointError(f"{where} did not answer with SPARQL results")
    if "boolean" in data:
        if data["boolean"] not in (0, 1):  # True and False are 1 and 0; "yes" is neither
            asked = _FORM_NAMES[form or "boolean"]
            raise EndpointError(f"{where} did not answer {asked} query as one: {shorten(json.dumps(data))}")
        return Answer([], [], boolean=bool(data["boolean"]))
    head, results = data.get("head"), data.get("results")
    variables = head.get("vars") if isinstance(head, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(variables, list) or not isinstance(bindings, list):
        raise EndpointError(f"{where} answered JSON that is not SPARQL results (no head.vars and results.bindings)")
    for binding in bindings:
        if not isinstance(binding, dict):
            raise EndpointError(f"{where} answered a row that is not a JSON object: {shorten(json.dumps(binding))}")
        for value in binding.values():
            if not isinstance(value, dict) or not {"type", "value"} <= value.keys():
                raise EndpointError(f"{where} answered a value that is not an RDF term: {shorten(json.dumps(value))}")
    try:
        result = JSONResult(data)
        names = [str(v) for v in result.vars or []]
        return Answer(names, [{name: cast(ResultRow, row).get(name) for name in names} for row in result])
    except Exception:  # rdflib's parser raises errors of many kinds
        raise EndpointError(f"{where} answered SPARQL results that cannot be read ({error})") from None


def _count(where: str, rows: list[dict[str, Node | None]]) -> int:
    """The number a ``SELECT (COUNT(*) AS ?n)`` answered."""
    counted = rows[0].get("n") if len(rows) == 1 else None
    number = counted.toPython() if isinstance(counted, Literal) else None
    if isinstance(number, int) and not isinstance(number, bool):
        return number
    raise EndpointError(f"{where} did not answer a COUNT with one number (it sent {len(rows)} row(s))")


def _expected_answer(query: str) -> tuple[str, list[str]] | None:
    """The form of answer `query` asks for ("solutions" and their variables, "boolean", "triples"), if known.

    Oxigraph runs the query on an empty store, in about a millisecond, and says. It would
    call a SERVICE while doing so, so a query that may hold one is not run; nor can a query
    that Oxigraph does not read (another store's extensions) be told: None, for both.
    """
    if may_call_a_service(query):
        return None
    try:
        result = ox.Store().query(query)
    except Exception:  # Oxigraph's errors are of several kinds; the endpoint will judge the query
        return None
    if isinstance(result, ox.QueryBoolean):
        return "boolean", []
    if isinstance(result, ox.QueryTriples):
        return "triples", []
    return "solutions", [variable.value for variable in result.variables]


#: What a query asks for: results, or RDF where the query is known to be a CONSTRUCT or DESCRIBE.
_ACCEPT_RESULTS = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_ACCEPT_RDF = "application/n-triples, text/turtle;q=0.8"
#: The forms of answer, as messages name the queries that ask for them.
_FORM_NAMES = {"solutions": "a SELECT", "boolean": "an ASK", "triples": "a CONSTRUCT or DESCRIBE"}


class _EndpointStore(SPARQLStore):
    """rdflib's SPARQLStore asking through an :class:`Endpoint`, with its URL checks, credentials and retries."""

    def __init__(self, endpoint: Endpoint, graphs: Callable[[], Sequence[str]] = tuple) -> None:
        super().__init__(endpoint.query_url, returnFormat="json")
        self.endpoint = endpoint
        self.graphs = graphs

    def _query(self, *args: Any, **kwargs: Any) -> Result:
        query, default_graph = str(args[0] if args else kwargs["query"]), kwargs.get("default_graph")
        self._queries += 1
        fields = [("query", query)]
        if default_graph is not None and not isinstance(default_graph, BNode):
            fields.append(("default-graph-uri", str(default_graph)))
        else:
            # The goal graph's graphs, named as answer() names them: left to the store, the default
            # graph is the union of all graphs in Virtuoso but empty in Oxigraph's server.
            graphs = self.graphs()
            fields += [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
        # RDF for a CONSTRUCT or DESCRIBE: to rdflib's SPARQL JSON alone, Oxigraph's server answers
        # HTTP 406 and Virtuoso rows of ?s ?p ?o.
        expected = _expected_answer(query)
        triples = expected is not None and expected[0] == "triples"
        media_type, body = self.endpoint.post_query(fields, _ACCEPT_RDF if triples else self.response_mime_types())
        try:
            return Result.parse(io.BytesIO(body), content_type=media_type)
        except Exception:  # rdflib's parsers raise errors of many kinds
            raise _not_sparql(self.endpoint.query_url, body) from None


class RemoteDataset(Dataset):
    """A goal graph held in a SPARQL endpoint, behind rdflib's API.

    Queries go through :meth:`answer` (used by :func:`goalgraph.querying.execute`);
    rdflib's own triple-pattern API goes through rdflib's SPARQLStore, on the same graphs.

    Parameters
    ----------
    endpoint : Endpoint
    graphs : sequence of str, optional
        The named graphs that make up the goal graph (:attr:`goal_graphs`). By
        default those that hold goalgraph data or the ontology.
    base : str, optional
        The base namespace of the data (see :func:`goalgraph.bases.resolve_base`).
    """

    def __init__(self, endpoint: Endpoint, graphs: Sequence[str] | None = None, base: str | None = None) -> None:
        super().__init__(store=_EndpointStore(endpoint, lambda: self.goal_graphs), default_union=True)
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
        found = sorted(str(row["g"]) for row in self._select(query, graphs=()) if isinstance(row["g"], URIRef))
        if not found:
            raise EndpointError(f"{self.endpoint.query_url} holds no goalgraph data (push it first: goalgraph push)")
        return found

    def _select(self, query: str, graphs: Sequence[str] | None = None) -> list[dict[str, Node | None]]:
        return self.answer(query, graphs).rows

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
            expected = _count(
                self.endpoint.query_url,
                self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"),
            )
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
            if got < expected:
                raise EndpointError(
                    f"{self.endpoint.query_url} sent {got:,} of the {expected:,} triples of <{graph}>: "
                    "a limit on result size? (Virtuoso: raise ResultSetMaxRows in virtuoso.ini)"
                )
            copy.sources.append(Source(Path(graph), URIRef(graph), None))
        return copy

    def in_process(self) -> GoalDataset:
        """The goal graph held in this process: :meth:`local_copy`."""
        return self.local_copy()

    def oxigraph_store(self) -> ox.Store:
        """The store of a :meth:`local_copy` (see :class:`~goalgraph.querying.Backend`)."""
        return self.local_copy().oxigraph

    def answer(self, query: str, graphs: Sequence[str] | None = None) -> Answer:
        """Run `query` on the goal graph's graphs: variables, rows, a boolean, or triples.

        Parameters
        ----------
        query : str
            SPARQL 1.1; goalgraph's prefixes (``gg:``, ``org:``...) are declared for it.
        graphs : sequence of str, optional
            The graphs it sees; :attr:`goal_graphs` by default.
        """
        text = with_prefixes(query)
        where = self.endpoint.query_url
        expected = _expected_answer(text)
        form, required = expected if expected is not None else (None, [])
        # RDF first for a CONSTRUCT: Virtuoso answers one with SPARQL JSON results if it may.
        accept = _ACCEPT_RDF if form == "triples" else _ACCEPT_RESULTS
        media_type, body = self.endpoint.query(text, accept, self.goal_graphs if graphs is None else graphs)
        if media_type in ("application/n-triples", "text/turtle", "text/plain", "application/rdf+xml"):
            if form not in (None, "triples"):
                raise _not_sparql(where, body)
            graph = Graph()
            rdflib_format = {"application/rdf+xml": "xml", "text/turtle": "turtle"}.get(media_type, "nt")
            try:
                graph.parse(data=body, format=rdflib_format)
            except Exception:  # rdflib's parsers raise errors of many kinds
                raise _not_sparql(where, body) from None
            return Answer([], [], graph=graph)
        answer = _results(where, body, None if form == "triples" else form, required)
        if form == "triples":
            raise EndpointError(f"{where} answered a CONSTRUCT or DESCRIBE query with {media_type}, not RDF")
        return answer

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
    in batches of about 500 kB. Then the endpoint is asked how many triples the graph
    holds: a store that answered "200 OK" and kept nothing is found out.

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

    Raises
    ------
    EndpointError
        If the endpoint fails, answers something that is not SPARQL, or holds fewer
        triples in a graph than were pushed to it.
    """
    note = progress or (lambda _: None)
    merged: dict[str, list[bytes]] = {}
    for graph, ntriples in graphs:
        merged.setdefault(into or graph, []).append(ntriples)
    for graph, parts in merged.items():
        body = b"".join(part if part.endswith(b"\n") or not part else part + b"\n" for part in parts)
        scratch = f"urn:goalgraph:push:{uuid4()}"
        triples = body.count(b"\n")
        # Each graph's lines are distinct triples; graphs put into one may share some.
        distinct = triples if len(parts) == 1 else len(set(body.splitlines()))
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
            _check_pushed(endpoint, graph, distinct)
        except BaseException:
            _drop_quietly(endpoint, scratch)
            raise
    return list(merged)


def _check_pushed(endpoint: Endpoint, graph: str, triples: int) -> None:
    """Ask the endpoint how many triples `graph` holds; EndpointError if fewer than `triples`.

    Success codes alone do not show that a store took the data (anything that answers
    "200 OK" to a POST would pass), and nor does a body: the protocol leaves an update's
    answer to the store. (More is fine: blank nodes in two batches are two nodes.)
    """
    where = endpoint.query_url
    _, body = endpoint.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", "application/sparql-results+json"
    )
    held = _count(where, _results(where, body, "solutions", ["n"]).rows)
    if held < triples:
        raise EndpointError(
            f"{where} holds {held:,} of the {triples:,} triples pushed to <{graph}>: "
            f"{endpoint.graph_store_url or endpoint.update_url} did not store them"
        )


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
