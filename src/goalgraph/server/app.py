"""The ASGI application: a read-only SPARQL 1.1 endpoint and resolvable IRIs.

Routes:

``/``
    A home page linking everything below.
``/sparql``
    The SPARQL 1.1 Protocol (GET, POST form, POST ``application/sparql-query``);
    with no query, the service description.
``/query``
    A page to write and run queries, the named queries one click away.
``/queries/{name}``
    A named query with its parameters (``?statement=SM3``), as ``/sparql`` answers.
``/explorer``, ``/report``, ``/docs``, ``/downloads/goalgraph.{suffix}``, ``/context.jsonld``
    The explorer, the alignment report, the ontology's documentation, every export,
    and the JSON-LD context, made once and kept (made again after a decision, below).
``/goalgraph/ontology``
    The ontology's IRI (the path of ``https://w3id.org/goalgraph/ontology``): its
    documentation for people, the ontology in RDF for programs.
``{base path}/...``
    Every IRI under the dataset's base namespace: ``text/html`` gets a page, the
    RDF media types its description (answered directly, no 303), unknown IRIs 404.

With ``serve --curate FILE.yaml`` (see :mod:`goalgraph.server.curating`), also:

``/curate/suggestions?statement=...``, ``/curate/search?q=...``
    A statement's pending suggestions, and statements to link to, as JSON.
``/curate/decisions``
    ``POST`` only, with the token, JSON, from the server's own origin: a decision,
    recorded in FILE.yaml. FILE.yaml is then loaded again, the query workers open a
    fresh copy of the data, and the pages are made again when next asked for.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from goalgraph import __version__
from goalgraph.curation import CurationFile, Decision, accept, add, check_not_a_source, pending, reject
from goalgraph.errors import GoalgraphError
from goalgraph.export import DOWNLOADS, export
from goalgraph.loading import GoalDataset
from goalgraph.model import GoalModel, read_model
from goalgraph.named_queries import named_queries
from goalgraph.namespaces import ONTOLOGY_IRI
from goalgraph.pages import SuggestedLink, home_page, resource_page
from goalgraph.query_safety import RefusedQueryError
from goalgraph.querying import bind, query_text
from goalgraph.resolving import resolve
from goalgraph.server.curating import (
    Curation,
    DecisionRequest,
    curation_source,
    decision_json,
    parse_decision,
    refusal,
    search_statements,
    suggestion_json,
)
from goalgraph.server.pages import query_page
from goalgraph.server.pool import (
    FormNotAcceptableError,
    QueryFailedError,
    QueryMemoryError,
    QueryPool,
    QueryTimeoutError,
    ResultTooLargeError,
    default_workers,
)
from goalgraph.server.protocol import GRAPH_TYPES, RESULT_TYPES, NotAcceptableError, choose_media_type
from goalgraph.suggestion import Suggestion

__all__ = ["ServerSettings", "create_app"]

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@dataclass(frozen=True)
class ServerSettings:
    """How the endpoint behaves.

    Attributes
    ----------
    timeout : float
        Seconds a query may run.
    workers : int
        Queries that may run at once.
    max_request_bytes : int
        The largest query accepted.
    max_result_bytes : int
        The largest result sent.
    max_memory_bytes : int or None
        The most memory a query worker may take; a query that needs more is stopped.
    isolate_network : bool
        Cut the query workers off from the network (Linux), a second guard behind
        the refusal of SERVICE.
    """

    timeout: float = 10.0
    workers: int = default_workers()
    max_request_bytes: int = 1_000_000
    max_result_bytes: int = 50_000_000
    max_memory_bytes: int | None = 2 * 2**30
    isolate_network: bool = True


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or None when it is larger than `limit`.

    An oversized body is still read to its end (and dropped, chunk by chunk, up to
    twenty times the limit), so the client gets the 413 instead of a broken pipe.
    """
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= limit:
            chunks.append(chunk)
        elif size > 20 * limit:
            break
    return b"".join(chunks) if size <= limit else None


def _negotiate(request: Request, offered: dict[str, str]) -> str:
    """The media type to answer `request` in, from ``format=`` or ``Accept``."""
    return choose_media_type(offered, request.headers.get("accept"), request.query_params.get("format"))


def create_app(
    dataset: GoalDataset, settings: ServerSettings | None = None, curation: Curation | None = None
) -> Starlette:
    """The ASGI app serving `dataset`.

    The dataset is copied into a temporary on-disk store that the query workers
    open read-only; the copy is deleted when the app shuts down.

    Parameters
    ----------
    dataset : GoalDataset
        The goal graph to serve, from :func:`goalgraph.load`.
    settings : ServerSettings, optional
    curation : Curation, optional
        Take decisions on suggestions (``serve --curate``): the ``/curate/`` routes,
        and the explorer's review mode. The curation file is loaded with the data
        (when it exists) and again after each decision.

    Raises
    ------
    GoalgraphError
        If the curation file is one of the dataset's own source files.
    """
    settings = settings or ServerSettings()
    if curation is not None:
        check_not_a_source(curation.path, dataset)
        CurationFile(curation.path, curator=curation.curator)  # refuses a name that is not YAML, before any start
        if curation.path.exists():
            dataset.add_source(curation_source(dataset, curation.path))
    graphs = {g.value for g in dataset.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)}
    base_path = str(urlsplit(dataset.base).path)
    state: dict[str, QueryPool] = {}
    folders: dict[str, Path] = {}

    def copy_store() -> tuple[Path, set[str]]:
        """A copy of the dataset on disk for the workers to open read-only, and its named graphs."""
        folder = Path(tempfile.mkdtemp(prefix="goalgraph-serve-"))
        try:
            copy = ox.Store(str(folder / "store"))
            copy.bulk_extend(dataset.oxigraph)
            copy.flush()
            del copy  # closed: the workers open it read-only
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return folder, {g.value for g in dataset.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)}

    async def start_pool() -> tuple[Path, QueryPool]:
        """The dataset as it is now, copied, and a pool of workers on the copy."""
        folder, named = await asyncio.get_running_loop().run_in_executor(None, copy_store)
        try:
            pool = QueryPool(
                folder / "store",
                workers=settings.workers,
                timeout=settings.timeout,
                max_bytes=settings.max_result_bytes,
                graphs=named,
                memory_bytes=settings.max_memory_bytes,
                isolate_network=settings.isolate_network,
            )
            await pool.start()
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        graphs.clear()
        graphs.update(named)
        return folder, pool

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            folder, pool = await start_pool()
            state["pool"], folders["current"] = pool, folder
            if settings.isolate_network and not pool.network_isolated:
                logging.getLogger("goalgraph.server").warning(
                    "goalgraph: this system does not let the query workers be cut off from the network; "
                    "SERVICE is still refused by the query check"
                )
            yield
        finally:
            if "pool" in state:
                await state.pop("pool").stop()
            for folder in folders.values():
                shutil.rmtree(folder, ignore_errors=True)

    async def answer(request: Request, query: str, *, check: bool = True) -> Response:
        """Check and run `query`, answering in the format the client asked for.

        The query's form is known once it has run (a check parses only queries that
        could call out), so both kinds of format are negotiated up front.
        """
        chosen: dict[str, str | None] = {}
        refusals: dict[str, str] = {}
        for kind, offered in (("results", RESULT_TYPES), ("graph", GRAPH_TYPES)):
            try:
                chosen[kind] = _negotiate(request, offered)
            except NotAcceptableError as error:
                chosen[kind], refusals[kind] = None, str(error)
        if not any(chosen.values()):
            return _error(406, refusals["results"])
        try:
            body, media_type = await state["pool"].run(
                query, result_type=chosen["results"], graph_type=chosen["graph"], check=check
            )
        except RefusedQueryError as error:
            return _error(400, str(error))
        except FormNotAcceptableError as error:
            return _error(406, refusals[error.kind])
        except SyntaxError as error:
            return _error(400, f"the query is not valid SPARQL: {error}")
        except (QueryTimeoutError, QueryMemoryError) as error:
            return _error(503, str(error))
        except ResultTooLargeError as error:
            return _error(413, str(error))
        except QueryFailedError as error:
            return _error(500, str(error))
        return Response(body, media_type=media_type, headers={"Vary": "Accept"})

    async def sparql(request: Request) -> Response:
        if request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_request_bytes:
                # Refused on the declared size, unread: the server drops what follows.
                return _error(413, f"the request is larger than {settings.max_request_bytes:,} bytes")
            body = await _read_body(request, settings.max_request_bytes)
            if body is None:
                return _error(413, f"the request is larger than {settings.max_request_bytes:,} bytes")
            if content_type == "application/sparql-query":
                query = body.decode("utf-8", errors="replace")
            elif content_type == "application/x-www-form-urlencoded":
                # Parsed here: Starlette's own form parser needs an extra package.
                form = parse_qs(body.decode("utf-8", errors="replace"))
                if "update" in form:
                    return _error(400, "SPARQL Update is not allowed: this endpoint is read-only")
                query = (form.get("query") or [""])[0]
            elif content_type == "application/sparql-update":
                return _error(400, "SPARQL Update is not allowed: this endpoint is read-only")
            else:
                return _error(
                    415,
                    "send the query as application/sparql-query or application/x-www-form-urlencoded",
                )
        else:
            if "update" in request.query_params:
                return _error(400, "SPARQL Update is not allowed: this endpoint is read-only")
            query = request.query_params.get("query", "")
            if len(query.encode()) > settings.max_request_bytes:
                return _error(414, f"the query is larger than {settings.max_request_bytes:,} bytes; POST a long query")
        if not query.strip():
            if request.method == "POST":
                return _error(400, "no query: give the query parameter, or the query as the body")
            return _service_description(request, dataset, graphs)
        return await answer(request, query)

    async def named(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            # Only the shipped queries: a name is never read as a path on the server.
            chosen = named_queries().get(name)
            if chosen is None:
                raise GoalgraphError(f"no query named {name!r}")
            params = {k: v for k, v in request.query_params.items() if k != "format"}
            bindings = {}
            for parameter in chosen.parameters:
                if parameter.name in params:
                    bindings[parameter.name] = resolve(dataset, params.pop(parameter.name), parameter.kind)
                elif parameter.required:
                    raise GoalgraphError(f"query {name!r} needs the parameter {parameter.name!r}")
            if params:
                raise GoalgraphError(f"query {name!r} has no parameter {sorted(params)[0]!r}")
            text = bind(chosen.text, bindings)
        except GoalgraphError as error:
            return _error(404 if "no query named" in str(error) else 400, str(error))
        # A shipped query (tested to pass the check) with BINDs of escaped terms: nothing to check.
        return await answer(request, text, check=False)

    made: dict[str, bytes] = {}
    # Bumped by each decision (--curate): what was made for an older generation is not kept.
    generation = [0]

    async def once(key: str, make: Callable[[], bytes]) -> bytes:
        """Make a page or export the first time it is asked for (off the event loop), then keep it."""
        key = f"{generation[0]}:{key}"
        if key not in made:
            made[key] = await asyncio.get_running_loop().run_in_executor(None, make)
        return made[key]

    async def home(request: Request) -> Response:
        return HTMLResponse(home_page(dataset, __version__, downloads=list(DOWNLOADS)))

    async def page_in_language(request: Request, name: str, build: Callable[..., str]) -> Response:
        """The page `build` makes, in Danish or (``?lang=en``) English, built once per language."""
        lang = "en" if request.query_params.get("lang") == "en" else "da"
        page = await once(f"{name}-{lang}", lambda: build(dataset, lang=lang).encode())
        return Response(page, media_type="text/html; charset=utf-8")

    async def report(request: Request) -> Response:
        from goalgraph.report import build_report

        return await page_in_language(request, "report", build_report)

    async def explorer(request: Request) -> Response:
        from goalgraph.explorer import build_explorer

        if curation is None:
            return await page_in_language(request, "explorer", build_explorer)
        return await page_in_language(request, "explorer", functools.partial(build_explorer, review=True))

    async def docs(request: Request) -> Response:
        from goalgraph.docs import build_docs

        page = await once("docs", lambda: build_docs().encode())
        return Response(page, media_type="text/html; charset=utf-8")

    async def ontology(request: Request) -> Response:
        offered = {"text/html": "html", **GRAPH_TYPES}
        try:
            media_type = _negotiate(request, offered)
        except NotAcceptableError as error:
            return _error(406, str(error))
        if media_type == "text/html":
            return await docs(request)
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_IRI}> {{ ?s ?p ?o }} }}"
        return await answer_with(request, query, media_type)

    async def download(request: Request) -> Response:
        suffix = "." + request.path_params["suffix"]
        chosen = next((f for f in DOWNLOADS if f.suffix == suffix), None)
        if chosen is None:
            return _error(404, f"no download goalgraph{suffix}; there are: {', '.join(_download_names())}")
        body = await once(chosen.name, lambda: export(dataset, chosen.name))
        return Response(
            body,
            media_type=chosen.media_type,
            headers={"Content-Disposition": f'attachment; filename="goalgraph{chosen.suffix}"'},
        )

    async def context(request: Request) -> Response:
        return Response(_CONTEXT.read_bytes(), media_type="application/ld+json")

    async def query_editor(request: Request) -> Response:
        return HTMLResponse(query_page(named_queries()))

    async def resource(request: Request) -> Response:
        iri = URIRef(dataset.base + request.path_params["rest"])
        if (iri, None, None) not in dataset and (None, None, iri) not in dataset:
            return _error(404, f"nothing in this dataset is <{iri}>")
        offered = {"text/html": "html", **GRAPH_TYPES}
        try:
            media_type = _negotiate(request, offered)
        except NotAcceptableError as error:
            return _error(406, str(error))
        if media_type == "text/html":
            if curation is None or iri not in (await reviewed()).model.statements:
                return HTMLResponse(resource_page(dataset, iri), headers={"Vary": "Accept"})
            pending_here = [
                SuggestedLink(
                    s.from_statement == iri,
                    s.to_statement if s.from_statement == iri else s.from_statement,
                    s.score,
                    tuple(dict.fromkeys(t.word for t in s.matched_terms)),
                )
                for s in (await reviewed()).pending
                if iri in (s.from_statement, s.to_statement)
            ]
            review_href = "/explorer#review=" + quote(str(iri), safe="")
            page = resource_page(dataset, iri, suggestions=pending_here, review_href=review_href)
            return HTMLResponse(page, headers={"Vary": "Accept"})
        # The resource's description: its own triples, and the alignments to and from it.
        describe = bind(query_text("resource-description"), {"resource": iri})
        return await answer_with(request, describe, media_type)

    async def answer_with(request: Request, query: str, media_type: str) -> Response:
        """Run goalgraph's own CONSTRUCT `query` (no check needed) and answer in `media_type`."""
        try:
            body, _ = await state["pool"].run(query, graph_type=media_type, check=False)
        except (SyntaxError, QueryFailedError, QueryTimeoutError, ResultTooLargeError) as error:
            return _error(500, str(error))
        return Response(body, media_type=media_type, headers={"Vary": "Accept"})

    # ------------------------------------------------------------------ --curate
    refreshing = asyncio.Lock()
    review: dict[int, Review] = {}

    def curation_file() -> CurationFile:
        assert curation is not None
        return CurationFile(curation.path, curator=curation.curator, base=dataset.base)

    def review_now() -> Review:
        """The model and the pending suggestions of the dataset as it is now (kept per generation)."""
        key = generation[0]
        if key not in review:
            assert curation is not None
            model = read_model(dataset)
            made_review = Review(model, pending(dataset, curation_file(), model=model))
            review.clear()
            review[key] = made_review
        return review[key]

    async def reviewed() -> Review:
        return await asyncio.get_running_loop().run_in_executor(None, review_now)

    async def suggestions(request: Request) -> Response:
        reference = request.query_params.get("statement", "").strip()
        try:
            statement = resolve(dataset, reference, "statement") if reference else None
        except GoalgraphError as error:
            return _error(404, str(error))
        now = await reviewed()
        chosen = [s for s in now.pending if statement is None or statement in (s.from_statement, s.to_statement)]
        return JSONResponse(
            {
                "statement": None if statement is None else str(statement),
                "suggestions": [suggestion_json(s, now.model) for s in chosen[:_MAX_LISTED]],
            }
        )

    async def search(request: Request) -> Response:
        query = request.query_params.get("q", "")[:200]
        now = await reviewed()
        return JSONResponse({"q": query, "statements": search_statements(now.model, query)})

    # One decision at a time in this server: a check (a cycle, a pair decided already) and the
    # write it allows are one step, also when the served data has yet to catch up with the file.
    deciding = threading.Lock()

    def make_decision(wanted: DecisionRequest) -> Decision:
        """Record `wanted` in the curation file (under its lock); a decision of the dataset as it is now."""
        file = curation_file()
        now = review_now()
        # Statements are IRIs: the curation file names them.
        start = URIRef(str(resolve(dataset, wanted.start, "statement")))
        end = URIRef(str(resolve(dataset, wanted.end, "statement")))
        with deciding:
            if wanted.action == "add":
                return add(file, start, end, strength=str(wanted.strength), rationale=wanted.rationale, graph=now.model)
            found = next((s for s in now.pending if (s.from_statement, s.to_statement) == (start, end)), None)
            if found is None or (start, end) in file.decided():
                raise NotPendingError(f"nothing is suggested from <{start}> to <{end}> (decided already?)")
            if wanted.action == "accept":
                return accept(file, found, strength=str(wanted.strength), rationale=wanted.rationale)
            return reject(file, found, reason=wanted.rationale or None)

    async def refresh() -> None:
        """Load the curation file again, then serve the dataset as it now is.

        The data is copied again (0.04 s for the bundled data, 0.6 s at 100,000
        triples) and each query worker, as it comes free, opens the new copy in place
        of the old: no worker is restarted, none stops mid-query.
        """
        assert curation is not None
        async with refreshing:
            loop = asyncio.get_running_loop()
            began = time.perf_counter()
            await loop.run_in_executor(None, lambda: dataset.add_source(curation_source(dataset, curation.path)))
            generation[0] += 1
            made.clear()
            folder, named = await loop.run_in_executor(None, copy_store)
            old, folders["current"] = folders["current"], folder
            folders[str(old)] = old  # deleted once no worker has it open (at the latest, at shutdown)
            await state["pool"].reopen(folder / "store", named)
            graphs.clear()
            graphs.update(named)
            shutil.rmtree(folders.pop(str(old)), ignore_errors=True)
            logging.getLogger("goalgraph.server").info(
                "goalgraph: served data refreshed in %.2f s", time.perf_counter() - began
            )

    async def decide(request: Request) -> Response:
        assert curation is not None
        own_origin = f"{request.url.scheme}://{request.url.netloc}"
        reason = refusal(request.headers, own_origin, curation.token)
        if reason is not None:
            return _error(403, reason)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > _MAX_DECISION_BYTES:
            return _error(413, f"the request is larger than {_MAX_DECISION_BYTES:,} bytes")
        body = await _read_body(request, _MAX_DECISION_BYTES)
        if body is None:
            return _error(413, f"the request is larger than {_MAX_DECISION_BYTES:,} bytes")
        try:
            wanted = parse_decision(body)
            decision = await asyncio.get_running_loop().run_in_executor(None, make_decision, wanted)
        except NotPendingError as error:
            return _error(409, str(error))
        except GoalgraphError as error:
            return _error(400, str(error))
        await refresh()
        return JSONResponse(decision_json(decision))

    curate_routes = [
        Route("/curate/suggestions", suggestions),
        Route("/curate/search", search),
        Route("/curate/decisions", decide, methods=["POST"]),
    ]

    routes = [
        *(curate_routes if curation is not None else []),
        Route("/", home),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", query_editor),
        Route("/queries/{name}", named),
        Route("/report", report),
        Route("/explorer", explorer),
        Route("/docs", docs),
        Route("/downloads/goalgraph.{suffix}", download),
        Route("/context.jsonld", context),
        Route(str(urlsplit(ONTOLOGY_IRI).path), ontology),
        Route(base_path.rstrip("/") + "/{rest:path}", resource),
        Route(base_path.rstrip("/"), lambda request: RedirectResponse("/")),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


#: The most suggestions /curate/suggestions lists at once.
_MAX_LISTED = 500
#: The largest decision accepted: a rationale is a paragraph, not a book.
_MAX_DECISION_BYTES = 100_000


class NotPendingError(GoalgraphError):
    """A decision on a suggestion that is not pending (HTTP 409)."""


@dataclass(frozen=True)
class Review:
    """What the review pages need of the dataset as it is: its model and the pending suggestions."""

    model: GoalModel
    pending: list[Suggestion]


_CONTEXT = Path(__file__).resolve().parents[1] / "context.jsonld"


def _download_names() -> list[str]:
    return [f"goalgraph{f.suffix}" for f in DOWNLOADS]


def _service_description(request: Request, dataset: GoalDataset, graphs: set[str]) -> Response:
    """What the endpoint offers, in the SPARQL 1.1 Service Description vocabulary."""
    try:
        media_type = _negotiate(request, GRAPH_TYPES)
    except NotAcceptableError as error:
        return _error(406, str(error))
    endpoint = URIRef(str(request.url.replace(query="")))
    description = Graph()
    description.bind("sd", SD)
    service = URIRef(str(endpoint) + "#service")
    description.add((service, RDF.type, SD.Service))
    description.add((service, SD.endpoint, endpoint))
    description.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    description.add((service, SD.feature, SD.UnionDefaultGraph))
    for media_type_offered in (*RESULT_TYPES, *GRAPH_TYPES):
        description.add((service, SD.resultFormat, Literal(media_type_offered)))
    default = URIRef(str(endpoint) + "#dataset")
    description.add((service, SD.defaultDataset, default))
    description.add((default, RDF.type, SD.Dataset))
    for graph in sorted(graphs):
        named_graph = URIRef(graph)
        node = URIRef(f"{endpoint}#graph-{sorted(graphs).index(graph)}")
        description.add((default, SD.namedGraph, node))
        description.add((node, SD.name, named_graph))
    rdflib_format = {
        "turtle": "turtle",
        "jsonld": "json-ld",
        "rdfxml": "xml",
        "ntriples": "nt",
        "nquads": "nquads",
        "trig": "trig",
    }[GRAPH_TYPES[media_type]]
    return Response(description.serialize(format=rdflib_format), media_type=media_type, headers={"Vary": "Accept"})
