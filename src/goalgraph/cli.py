"""The ``goalgraph`` command: a thin layer over the Python API.

Only click is imported at start-up; rdflib, Oxigraph and the rest load when a
command runs, so ``goalgraph --help`` answers at once.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import click

from goalgraph import __version__
from goalgraph.errors import DataError, GoalgraphError

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

    from goalgraph.loading import GoalDataset
    from goalgraph.remote import RemoteDataset
    from goalgraph.summary import Stats
    from goalgraph.tracing import Trace

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

EXPLORER_DEFAULT = Path("out/explorer.html")


class ErrorReportingGroup(click.Group):
    """Prints goalgraph's own errors as one message and exits with their status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GoalgraphError as error:
            # A syntax error reads FILE:LINE: message, as compilers print them.
            click.echo(str(error) if isinstance(error, DataError) else f"goalgraph: {error}", err=True)
            ctx.exit(error.exit_code)
        except OSError as error:
            # The last guard: a file the commands did not expect to fail (a full disk, a name
            # too long) is one message naming it, not a traceback.
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"goalgraph: {where}{error.strerror or error}", err=True)
            ctx.exit(1)


def _note(message: str) -> None:
    """Tell the user something on standard error, as goalgraph."""
    click.echo(f"goalgraph: {message}", err=True)


@dataclass(frozen=True)
class Where:
    """Where a command's goal graph is, as its options say.

    That is, --data, --no-bundled, --base, --store, --endpoint, --user and --password:
    :func:`dataset_options` makes those options and passes them to the command as one
    ``where`` argument; :meth:`open` opens the graph with :func:`goalgraph.open`.
    """

    data: tuple[Path, ...] = ()
    bundled: bool = True
    base: str | None = None
    store: Path | None = None
    endpoint: str | None = None
    user: str | None = None
    ask_password: bool = False

    @overload
    def open(self, *, in_process: Literal[True], all_errors: bool = False) -> GoalDataset: ...

    @overload
    def open(self, *, in_process: bool = False, all_errors: bool = False) -> GoalDataset | RemoteDataset: ...

    def open(self, *, in_process: bool = False, all_errors: bool = False) -> GoalDataset | RemoteDataset:
        """The graph: the files, a store folder, or an endpoint (see :func:`goalgraph.opening.open_graph`).

        Options that do not go together are a usage error, in the options' own words.
        """
        from goalgraph.opening import ArgumentsError, open_graph

        try:
            return open_graph(
                self.data,
                store=self.store,
                endpoint=self.endpoint,
                bundled=self.bundled,
                base=self.base,
                user=self.user,
                password=_prompt_password if self.ask_password else None,
                in_process=in_process,
                all_errors=all_errors,
                # A store a killed load left leftovers in is tidied on open: say so, as it may take a while.
                on_cleanup=_note,
            )
        except ArgumentsError as error:
            raise click.UsageError(error.command_line) from None


def _prompt_password(prompt: str) -> str:
    return str(click.prompt(prompt, hide_input=True, err=True))


def dataset_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads the goal graph takes, passed to it as ``where: Where``."""
    options = [
        click.option(
            "--data",
            "data",
            multiple=True,
            type=click.Path(path_type=Path),
            metavar="PATH",
            help="A file or folder to add to the bundled dataset: RDF (Turtle, TriG, N-Triples, "
            "N-Quads, JSON-LD, RDF/XML), YAML or CSV in goalgraph's authoring format, StratML or "
            "ArchiMate. Repeatable.",
        ),
        click.option(
            "--no-bundled",
            is_flag=True,
            help="Leave out the bundled dataset (the ontology is always loaded).",
        ),
        click.option(
            "--base",
            metavar="IRI",
            envvar="GOALGRAPH_BASE",
            help="Base namespace that relative IRIs in the data resolve against "
            "[env GOALGRAPH_BASE; default https://w3id.org/goalgraph/id/].",
        ),
        *backend_options(),
    ]

    @functools.wraps(command)
    def with_where(
        *args: Any,
        data: tuple[Path, ...],
        no_bundled: bool,
        base: str | None,
        store: Path | None,
        endpoint: str | None,
        user: str | None,
        password: bool,
        **kwargs: Any,
    ) -> Any:
        where = Where(data, not no_bundled, base, store, endpoint, user, password)
        return command(*args, where=where, **kwargs)

    for option in reversed(options):
        with_where = option(with_where)
    return with_where


def backend_options() -> list[Callable[[F], F]]:
    """``--store``, ``--endpoint``, ``--user``, ``--password``: where the graph is kept."""
    return [
        click.option(
            "--store",
            type=click.Path(path_type=Path, file_okay=False),
            metavar="DIR",
            envvar="GOALGRAPH_STORE",
            help="Use the on-disk store that `goalgraph load --store DIR` filled, not the files [env GOALGRAPH_STORE].",
        ),
        click.option(
            "--endpoint",
            metavar="URL",
            envvar="GOALGRAPH_ENDPOINT",
            help="Use the graph held by this SPARQL 1.1 endpoint (see `goalgraph push`) [env GOALGRAPH_ENDPOINT].",
        ),
        click.option(
            "--user",
            metavar="NAME",
            envvar="GOALGRAPH_USER",
            help="User name at the endpoint; the password comes from GOALGRAPH_PASSWORD or --password.",
        ),
        click.option(
            "--password",
            is_flag=True,
            help="Ask for the endpoint's password (it is never taken from the command line).",
        ),
    ]


def format_option(*choices: str, default: str | None, help: str = "Output format.") -> Callable[[F], F]:
    """``--format`` with the given choices."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=default,
        show_default=default is not None,
        help=help,
    )


def lang_option(help: str = "Language of the texts shown.") -> Callable[[F], F]:
    """``--lang da|en``."""
    return click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True, help=help)


@click.group(
    cls=ErrorReportingGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="goalgraph")
def main() -> None:
    """goalgraph: organisations' goals as a linked-data knowledge graph.

    Missions, visions, focus points, strategic markers and targets, with who holds
    them, the plans they belong to and how they align. The bundled dataset is the
    Danish justice sector; add your own with --data.
    """


@main.command()
@dataset_options
@format_option("text", "json", default="text")
@click.option(
    "--shapes",
    "shapes_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra SHACL shapes (Turtle, N-Triples or RDF/XML) to check besides goalgraph's own; repeatable.",
)
def validate(where: Where, output_format: str, shapes_files: tuple[Path, ...]) -> None:
    """Check the data: syntax, shapes, references and cycles.

    Syntax errors name the file and line; SHACL violations, dangling references
    (a holder or alignment pointing at nothing) and cycles in alignment name the
    file, the node's label and IRI, and what to fix. A bad --shapes file is a
    usage error, named with its line.

    Exits 0 when the data is valid, 1 when it is not, 2 on a usage error
    (such as a path that does not exist).
    """
    from goalgraph.loading import InvalidFilesError
    from goalgraph.shacl import read_shapes
    from goalgraph.validation import validate as check

    extra_shapes = [read_shapes(path) for path in shapes_files]  # a bad one fails before the data loads
    try:
        # Every file is parsed, so one run reports every syntax error, not just the first. (A store
        # or endpoint holds the graph already parsed: no files to read, no syntax errors.)
        dataset = where.open(in_process=True, all_errors=True)
    except InvalidFilesError as invalid:
        if output_format == "json":
            click.echo(json.dumps(invalid.to_dict(), ensure_ascii=False, indent=2))
        else:
            for syntax_error in invalid.errors:
                click.echo(str(syntax_error))
            click.echo(f"invalid: {len(invalid.errors)} file(s) with syntax errors", err=True)
        click.get_current_context().exit(1)

    report = check(dataset, shapes=extra_shapes)
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        if report.problems:
            click.echo(str(report))
        violations = sum(p.severity == "violation" for p in report.problems)
        if report.conforms:
            click.echo(f"valid: {len(dataset.sources)} files, {len(dataset.oxigraph):,} triples", err=True)
        else:
            click.echo(f"invalid: {violations} problem(s)", err=True)
    click.get_current_context().exit(0 if report.conforms else 1)


@main.command()
@dataset_options
@format_option("text", "json", default="text")
def stats(where: Where, output_format: str) -> None:
    """Count what the graph holds: statements by type, alignments by kind.

    Also triples (over all named graphs, the ontology included), organisations and
    plans. The JSON form is the same dictionary `goalgraph.stats()` returns.
    """
    from goalgraph.summary import stats as count

    counts = count(where.open())
    if output_format == "json":
        click.echo(json.dumps(counts, indent=2))
    else:
        click.echo(_stats_text(counts))


def _stats_text(counts: Stats) -> str:
    rows = [
        ("triples", counts["triples"]),
        ("organisations", counts["organisations"]),
        ("plans", counts["plans"]),
        ("statements", sum(counts["statements"].values())),
        *((f"  {name}", n) for name, n in counts["statements"].items() if n),
        ("alignments", sum(counts["alignments"].values())),
        *((f"  {name}", n) for name, n in counts["alignments"].items()),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {n:>9,}" for name, n in rows)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        name, equals, value = item.partition("=")
        if not equals or not name:
            raise click.UsageError(f"--param takes NAME=VALUE, not {item!r}")
        if name.strip() in params:
            # Each parameter is bound to one value; keeping the last would answer another question.
            raise click.UsageError(f"--param {name.strip()} is given twice; a parameter takes one value")
        params[name.strip()] = value
    return params


@main.command()
@click.argument("query", required=False, metavar="NAME|FILE.rq")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and what they answer.")
@click.option(
    "--param",
    "-p",
    "param",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter of the query. Repeatable.",
)
@format_option(
    "table",
    "csv",
    "tsv",
    "json",
    default="table",
    help="table for people (labels, wrapped text); csv, tsv and json (SPARQL 1.1 results) for programs.",
)
@lang_option("Language of labels in tables.")
@dataset_options
def query(
    query: str | None,
    list_queries: bool,
    param: tuple[str, ...],
    output_format: str,
    lang: str,
    where: Where,
) -> None:
    """Ask a named question of the graph, or run your own SPARQL file.

    NAME is one of the named queries (goalgraph query --list); FILE.rq is a SPARQL
    query of your own. Parameters name things as people do: an IRI, a prefixed
    name, an identifier or a label, in Danish or English.

    \b
    Examples:
      goalgraph query coverage
      goalgraph query trace --param statement="Kvalitet i sagsbehandlingen"
      goalgraph query statements -p organisation=Politiet -p type=Mission --format csv
      goalgraph query search -p term=tryghed
      goalgraph query matrix -p rows=StrategicMarker -p columns=Vision
    """
    from goalgraph.named_queries import find_query, named_queries, run_query

    if list_queries:
        shipped = named_queries().values()
        width = max(len(q.name) for q in shipped)
        for named in shipped:
            params = " ".join(f"{p.name}=" + ("!" if p.required else "?") for p in named.parameters)
            click.echo(
                f"{named.name:<{width}}  {named.title}. {named.description}" + (f"  [{params}]" if params else "")
            )
        return
    if query is None:
        raise click.UsageError("name a query (goalgraph query --list shows them) or give a .rq file")
    from goalgraph.formatting import format_result

    chosen = find_query(query)
    graph = where.open()
    result = run_query(graph, chosen, _params(param))
    click.echo(format_result(result, output_format, graph, lang=lang))


@main.command()
@click.argument("statement")
@format_option("text", "json", default="text")
@lang_option("Language of the texts shown.")
@dataset_options
def trace(statement: str, output_format: str, lang: str, where: Where) -> None:
    """Every path from a statement up to the top, each link with its kind, strength and rationale.

    STATEMENT is an IRI, a prefixed name, an identifier (SM3) or a label in Danish or
    English ("Kvalitet i sagsbehandlingen", "quality in case handling"); a label
    that matches several statements lists them. The top is the missions and
    visions of the highest organisation.
    """
    from goalgraph.tracing import trace as follow
    from goalgraph.tracing import trace_text

    graph = where.open()
    found = follow(graph, statement)
    statuses = _trace_statuses(graph, found)
    if output_format == "json":
        document = found.to_dict()
        if statuses:
            document["statuses"] = statuses
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        shown = {
            iri: f"{s['status']} {s['score']:.2f}" if s["score"] is not None else s["status"]
            for iri, s in statuses.items()
        }
        click.echo(trace_text(graph, found, lang, statuses=shown))


def _trace_statuses(graph: Graph, found: Trace) -> dict[str, dict[str, Any]]:
    """The status of each statement on a trace's paths, where the graph has results at all."""
    from goalgraph.achievement import progress
    from goalgraph.querying import select

    if not select(graph, "has-results"):
        return {}
    achievement = progress(graph)
    on_paths = {found.statement.iri, *(hop.target.iri for path in found.paths for hop in path)}
    return {
        str(node): {"status": achievement.statements[node].status, "score": achievement.statements[node].score}
        for node in sorted(on_paths, key=str)
        if node in achievement.statements
    }


@main.command("progress")
@click.option("--period", metavar="P", help="Only this period: a year (2019) or an interval (2019-07-01/2020-06-30).")
@click.option(
    "--organisation", metavar="O", help="Only this organisation's indicators and statements, and those below."
)
@format_option("text", "json", "csv", default="text")
@lang_option("Language of the texts shown.")
@dataset_options
def progress_command(period: str | None, organisation: str | None, output_format: str, lang: str, where: Where) -> None:
    """Targets against results, a status for each, and the missions' and visions' status rolled up.

    Per indicator and period: target, actual value, unit and status (met,
    partly-met, not-met, no-data; the holder's reported verdict where there is
    one). Per statement: the status from its indicators, or rolled up through the
    alignments, weighted by link strengths and target weights, hindering links
    counting against, with the targets that drive it. The rule is a heuristic: see
    the README, "Targets and results". Computed when asked, never written.
    """
    from goalgraph.achievement import find, progress
    from goalgraph.achievement.text import progress_csv, progress_text
    from goalgraph.model import read_model

    graph = where.open()
    model = read_model(graph)
    found = progress(
        model,
        period=period,
        organisation=None if organisation is None else find(graph, model, organisation, "organisation"),
    )
    if output_format == "json":
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    elif output_format == "csv":
        click.echo(progress_csv(model, found.indicators), nl=False)
    else:
        click.echo(progress_text(model, found, lang))


@main.command("whatif")
@click.option("--miss", "missed", multiple=True, metavar="TARGET", help="A statement to take as not met (repeatable).")
@click.option("--meet", "met", multiple=True, metavar="TARGET", help="A statement to take as met (repeatable).")
@click.option("--period", metavar="P", help="The period whose figures the other statements keep.")
@format_option("text", "json", default="text")
@lang_option("Language of the texts shown.")
@dataset_options
def whatif(
    missed: tuple[str, ...], met: tuple[str, ...], period: str | None, output_format: str, lang: str, where: Where
) -> None:
    """What changes at the top if targets are missed (--miss) or met (--meet).

    Recomputes the roll-up of `goalgraph progress` with those statements taken as
    not met or met, and lists the missions and visions whose status or score
    changes, and those that would lose their only support (everything that
    supports them would stand on missed statements). TARGET is an IRI, an
    identifier or a label, as for `goalgraph trace`.
    """
    from goalgraph.achievement import find, what_if
    from goalgraph.achievement.text import what_if_text
    from goalgraph.model import read_model

    if not missed and not met:
        raise click.UsageError("name a target to --miss or --meet")
    graph = where.open()
    model = read_model(graph)
    statements = [find(graph, model, ref, "statement") for ref in (*missed, *met)]
    found = what_if(model, miss=statements[: len(missed)], meet=statements[len(missed) :], period=period)
    if output_format == "json":
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(what_if_text(model, found, lang))


@main.command()
@format_option("text", "json", default="text")
@lang_option("Language of the texts shown.")
@click.option(
    "--central",
    default=5,
    show_default=True,
    metavar="N",
    help="How many of the most central statements to show.",
)
@dataset_options
def analyse(output_format: str, lang: str, central: int, where: Where) -> None:
    """How well the goals align: scores, gaps, orphans, cycles, clusters, centrality.

    The top is the missions and visions of the highest organisation. An
    organisation's alignment score is the mean, over its statements below the
    top, of the strength of each one's best path to the top (the product of its
    links' weights: strong 1, moderate 0.6, weak 0.3, stated 1), 0 where a
    statement does not reach it. Computed from the graph, never written to it.
    """
    from goalgraph.analysis import analyse as run
    from goalgraph.analysis.text import analysis_text

    result = run(where.open())
    if output_format == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(analysis_text(result, lang, central))


@main.command()
@click.option(
    "--min-score",
    default=0.1,
    show_default=True,
    type=click.FloatRange(0, 1),
    help="Leave out weaker matches.",
)
@click.option(
    "--limit",
    default=100,
    show_default=True,
    type=click.IntRange(min=1),
    metavar="N",
    help="At most N, the best first.",
)
@format_option(
    "table",
    "turtle",
    default="table",
    help="table to read; turtle to review and accept into the data (kind gg:suggested).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of printing.")
@dataset_options
def suggest(
    min_score: float,
    limit: int,
    output_format: str,
    output: Path | None,
    where: Where,
) -> None:
    """Propose alignments between statements that have none, from their words.

    Statements are compared by the stems they share in Danish and English (TF-IDF
    cosine); each suggestion points up the levels (from a focus point to a marker,
    from a marker to a vision). Suggestions are for review: in Turtle they are
    gg:Alignment nodes of kind gg:suggested with a score and the matched words,
    and no gg:supports link until an analyst makes them curated.
    """
    from goalgraph.files import write_atomically
    from goalgraph.suggestion import suggest as propose
    from goalgraph.suggestion import suggestions_to_turtle

    graph = where.open()
    found = propose(graph, min_score=min_score, limit=limit)
    if output_format == "turtle":
        text = suggestions_to_turtle(found, base=graph.base)
    else:
        text = "\n".join(str(s) for s in found) or "(no suggestions)"
    if output is None:
        click.echo(text)
    else:
        write_atomically(output, text if text.endswith("\n") else text + "\n")
        click.echo(f"wrote {len(found)} suggestion(s) to {output}", err=True)


@main.group()
@click.option(
    "--curate",
    "curation_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE.yaml",
    help="The curation file the decisions go to (YAML authoring format); created at the first decision.",
)
@click.option("--curator", default="curator", show_default=True, help="Who decides: a name or IRI (the YAML by key).")
@dataset_options
@click.pass_context
def review(ctx: click.Context, curation_path: Path, curator: str, where: Where) -> None:
    """Review suggested links in the terminal: list them, accept, reject, or add your own.

    Decisions go at once (atomically, under a lock) to FILE.yaml, never to the data's
    source files: an accepted or added link as a curated alignment with strength,
    rationale, curator and time, a rejected one as a rejected alignment, which is
    not suggested again. The data is loaded with FILE.yaml when it exists, so its
    decisions count. Give these options before the action:
    goalgraph review --curate FILE.yaml accept 3 --strength strong --rationale "...".
    """
    ctx.obj = _Review(curation_path, curator, where)


@dataclass
class _Review:
    """What the actions of ``goalgraph review`` share: the file and the data, loaded once."""

    path: Path
    curator: str
    where: Where

    @functools.cached_property
    def graph(self) -> GoalDataset | RemoteDataset:
        from goalgraph.curation import check_not_a_source
        from goalgraph.loading import find_sources

        where = self.where
        if not (where.store or where.endpoint):
            check_not_a_source(self.path, [source.path for source in find_sources(where.data, bundled=where.bundled)])
            if self.path.exists():
                where = dataclasses.replace(where, data=(*where.data, self.path))
        return where.open()

    @functools.cached_property
    def curation(self) -> Any:
        from goalgraph.curation import CurationFile

        return CurationFile(self.path, curator=self.curator, base=self.where.base)

    def pending(self) -> list[Any]:
        from goalgraph.curation import pending

        return pending(self.graph, self.curation)

    def chosen(self, given: str) -> Any:
        """The suggestion numbered `given` in the list, or named FROM->TO (also an earlier decision's pair)."""
        from rdflib import URIRef

        from goalgraph.resolving import UnknownReferenceError
        from goalgraph.suggestion import MatchedTerm, Suggestion

        found = self.pending()
        if given.strip().isdigit():
            number = int(given)
            if not 1 <= number <= len(found):
                shown = f"1 to {len(found)}" if found else "none"
                raise UnknownReferenceError(f"no suggestion number {number}: goalgraph review list numbers {shown}")
            return found[number - 1]
        if "->" not in given:
            raise UnknownReferenceError(f"{given!r}: give a number from goalgraph review list, or FROM->TO")
        start, end = (self.statement(part) for part in given.split("->", 1))
        for suggestion in found:
            if (suggestion.from_statement, suggestion.to_statement) == (start, end):
                return suggestion
        for decision in self.curation.decisions():
            if decision.pair == (start, end) and decision.verdict != "added":
                # Deciding again on a suggestion decided before: its score and words are kept.
                terms = tuple(MatchedTerm(stem, stem, "", 0.0) for stem in decision.matched)
                return Suggestion(URIRef(str(start)), URIRef(str(end)), decision.score or 0.0, terms, "", "")
        raise UnknownReferenceError(f"{given}: not a pending suggestion; to link them, use goalgraph review add")

    def statement(self, given: str) -> URIRef:
        """The statement `given` names: as trace takes it, or by its IRI relative to the base (as list shows it)."""
        from rdflib import URIRef

        from goalgraph.resolving import resolve

        text = given.strip()
        base = str(getattr(self.graph, "base", ""))
        if base and "/" in text and ":" not in text:
            text = base + text
        return URIRef(str(resolve(self.graph, text, "statement")))

    def name(self, iri: str) -> str:
        """`iri`, relative to the base namespace where it is under it."""
        base = str(getattr(self.graph, "base", ""))
        return iri[len(base) :] if base and iri.startswith(base) else iri

    def label(self, node: Any, lang: str) -> str:
        from goalgraph.labels import label

        return label(self.graph, node, lang) or str(node)


@review.command("list")
@format_option("text", "json", default="text")
@lang_option("Language of the statements' texts.")
@click.pass_obj
def review_list(state: _Review, output_format: str, lang: str) -> None:
    """The suggestions not decided yet, numbered: N, score, from → to, matched words.

    N is what accept and reject take; the same data and file give the same numbers,
    but the numbers shift after each decision: list again, or use FROM->TO in scripts.
    """
    found = state.pending()
    rows = [
        {
            "number": number,
            "score": suggestion.score,
            "from": str(suggestion.from_statement),
            "to": str(suggestion.to_statement),
            "from_label": state.label(suggestion.from_statement, lang),
            "to_label": state.label(suggestion.to_statement, lang),
            "matched": [{"stem": t.stem, "word": t.word, "language": t.language} for t in suggestion.matched_terms],
        }
        for number, suggestion in enumerate(found, 1)
    ]
    if output_format == "json":
        click.echo(json.dumps({"curation": str(state.path), "pending": rows}, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("(no suggestions left to review)")
    width = len(str(len(rows)))
    for row in rows:
        words = ", ".join(dict.fromkeys(m["word"] for m in row["matched"]))
        click.echo(f"{row['number']:>{width}}  {row['score']:.3f}  {row['from_label']} → {row['to_label']}  [{words}]")
        # The pair as accept and reject also take it (FROM->TO), for scripts and for texts that look alike.
        click.echo(f"{'':>{width}}  {state.name(row['from'])}->{state.name(row['to'])}")


@review.command("accept")
@click.argument("suggestion", metavar="N|FROM->TO")
@click.option("--strength", required=True, type=click.Choice(["strong", "moderate", "weak"]), help="How strong.")
@click.option("--rationale", required=True, metavar="TEXT", help="Why the one supports the other.")
@lang_option("Language of the rationale.")
@click.pass_obj
def review_accept(state: _Review, suggestion: str, strength: str, rationale: str, lang: str) -> None:
    """Accept suggestion N (as goalgraph review list numbers it): a curated link."""
    from goalgraph.curation import accept

    chosen = state.chosen(suggestion)
    decision = accept(state.curation, chosen, strength=strength, rationale={lang: rationale})
    _decided(state, "accepted", decision)


@review.command("reject")
@click.argument("suggestion", metavar="N|FROM->TO")
@click.option("--reason", metavar="TEXT", help="Why not (optional).")
@lang_option("Language of the reason.")
@click.pass_obj
def review_reject(state: _Review, suggestion: str, reason: str | None, lang: str) -> None:
    """Reject suggestion N (as goalgraph review list numbers it): it is not suggested again."""
    from goalgraph.curation import reject

    chosen = state.chosen(suggestion)
    decision = reject(state.curation, chosen, reason={lang: reason} if reason else None)
    _decided(state, "rejected", decision)


@review.command("add")
@click.argument("start", metavar="FROM")
@click.argument("end", metavar="TO")
@click.option("--strength", required=True, type=click.Choice(["strong", "moderate", "weak"]), help="How strong.")
@click.option("--rationale", required=True, metavar="TEXT", help="Why FROM supports TO.")
@lang_option("Language of the rationale.")
@click.pass_obj
def review_add(state: _Review, start: str, end: str, strength: str, rationale: str, lang: str) -> None:
    """Add a link of your own: FROM supports TO (IRIs, identifiers or texts, as trace takes them)."""
    from goalgraph.curation import add

    ends = [state.statement(given) for given in (start, end)]
    decision = add(state.curation, ends[0], ends[1], strength=strength, rationale={lang: rationale}, graph=state.graph)
    _decided(state, "added", decision)


def _decided(state: _Review, what: str, decision: Any) -> None:
    strength = f" ({decision.strength})" if decision.strength else ""
    start, end = state.label(decision.start, "da"), state.label(decision.end, "da")
    click.echo(f"{what}{strength}: {start} → {end}; written to {state.path}")


@main.command("agreement")
@click.argument("first", metavar="A.yaml", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("second", metavar="B.yaml", type=click.Path(path_type=Path, dir_okay=False))
@format_option("text", "json", default="text")
@click.option("--base", metavar="IRI", envvar="GOALGRAPH_BASE", help="Base namespace relative IRIs resolve against.")
def agreement_command(first: Path, second: Path, output_format: str, base: str | None) -> None:
    """How far two curators agree who reviewed the same suggestions independently.

    Cohen's kappa on accept or reject, over the pairs both decided (an added link
    counts as accepted); on strength over the pairs both accepted, unweighted and
    linearly weighted (strong/moderate and moderate/weak count half a disagreement);
    with the observed and chance agreement and n; then where they disagree, with both
    rationales. Where kappa is undefined (no pairs; both always chose the same single
    category) it says so, and JSON gives null.
    """
    from goalgraph.agreement import agreement, agreement_text

    found = agreement(first, second, base=base)
    if output_format == "json":
        click.echo(json.dumps(found.to_dict(base), ensure_ascii=False, indent=2))
    else:
        click.echo(agreement_text(found, base=base))


@main.command()
@click.option(
    "-o",
    "--output",
    "output_given",
    # A string, not a Path, which would drop the slash that says "a folder".
    type=click.Path(),
    metavar="FILE.html|FILE.md|DIR/",
    help="Write the report here; the suffix says the format, and a folder (DIR/) gets pages. Without it, print it.",
)
@format_option(
    "html", "markdown", default=None, help="Format when printing (default html), or in place of the suffix's."
)
@lang_option("Language of the report.")
@click.option(
    "--date",
    "generated",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date the report says it was made (default today), for reports that must not change.",
)
@click.option("--suggestions", default=20, show_default=True, metavar="N", help="How many suggested links to list.")
@click.option(
    "--split",
    is_flag=True,
    help="Write an index page and a page per organisation to the folder -o DIR (as -o DIR/ does).",
)
@click.option(
    "--split-above",
    type=click.IntRange(0),
    default=None,
    metavar="N",
    help="Above N statements (default 2000) one page or Markdown has the summary only, and says so.",
)
@click.option(
    "--period",
    metavar="P",
    help="Targets and results of this period: a year (2019) or an interval (default: each indicator's latest).",
)
@dataset_options
def report(
    output_given: str | None,
    output_format: str | None,
    lang: str,
    generated: Any,
    suggestions: int,
    split: bool,
    split_above: int | None,
    period: str | None,
    where: Where,
) -> None:
    """One self-contained page: statements, coverage and gaps, orphans, links, scores, achievement.

    Per organisation and plan its statements; every mission and vision with what
    supports it, gaps marked; orphans; cross-organisation links; the focus-point ×
    marker matrix; alignment scores; suggested links awaiting review. Loads
    nothing from other hosts and prints well.

    A large graph's report is written as pages to a folder (-o DIR/ or --split):
    an index and a page per organisation, linked both ways. Written as one page
    above --split-above statements, it has the summary only, and says so.
    """
    from goalgraph.files import write_atomically
    from goalgraph.report import REPORT_SUFFIXES, SPLIT_ABOVE, build_report, write_report_folder

    output = None if output_given is None else Path(output_given)
    # A folder: a path ending in a slash, or one that exists.
    to_folder = output_given is not None and (split or output_given.endswith("/") or Path(output_given).is_dir())
    if split and output is None:
        raise click.BadParameter("--split writes pages to a folder: give it with -o DIR", param_hint="--split")
    if to_folder and output_format == "markdown":
        raise click.BadParameter("a report of pages is HTML: leave out --format markdown", param_hint="--format")
    if output is not None and not to_folder and output_format is None and output.suffix.lower() not in REPORT_SUFFIXES:
        known = ", ".join(sorted(REPORT_SUFFIXES))
        raise click.BadParameter(
            f"{output}: the suffix says no format ({known}); or give --format, or a folder DIR/ for pages",
            param_hint="-o",
        )
    graph = where.open()
    day = generated.date() if generated else None
    if to_folder:
        assert output is not None
        index = write_report_folder(
            graph,
            output,
            lang=lang,  # type: ignore[arg-type]
            generated=day,
            suggestions_shown=suggestions,
            period=period,
        )
        pages = sum(1 for _ in (index.parent / "organisations").iterdir())
        click.echo(f"wrote {index} and {pages} organisation page(s)", err=True)
        return
    chosen = output_format or ("html" if output is None else REPORT_SUFFIXES[output.suffix.lower()])
    page = build_report(
        graph,
        lang=lang,  # type: ignore[arg-type]
        format=chosen,  # type: ignore[arg-type]
        generated=day,
        suggestions_shown=suggestions,
        split_above=SPLIT_ABOVE if split_above is None else split_above,
        period=period,
    )
    if output is None:
        click.echo(page, nl=False)
    else:
        write_atomically(output, page)
        click.echo(f"wrote {output}", err=True)


@main.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on: loopback unless you say so."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run.",
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Queries that may run at once [default: cores, at least 2]."
)
@click.option(
    "--max-result-bytes",
    default=50_000_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest result sent.",
)
@click.option(
    "--max-memory",
    default=2048,
    show_default=True,
    type=click.IntRange(min=64),
    metavar="MIB",
    help="Memory a query may use, in MiB; a query that needs more is stopped.",
)
@click.option(
    "--curate",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE.yaml",
    help="Review suggestions in the explorer: decisions go into FILE.yaml (never into the data's own files).",
)
@click.option("--curator", default="curator", show_default=True, help="With --curate: who decides (the YAML by key).")
@click.option("--token", help="With --curate: the secret a decision must carry [default: a new random one].")
@dataset_options
def serve(
    host: str,
    port: int,
    timeout: float,
    workers: int | None,
    max_result_bytes: int,
    max_memory: int,
    curate: Path | None,
    curator: str,
    token: str | None,
    where: Where,
) -> None:
    """Serve the graph: a read-only SPARQL endpoint, a query page and resolvable IRIs.

    /sparql speaks the SPARQL 1.1 Protocol (results as JSON, XML, CSV, TSV; graphs as
    Turtle, JSON-LD, RDF/XML, N-Triples). Each query is parsed first: updates,
    SERVICE and FROM outside the dataset are refused; a query that runs past
    --timeout or needs more than --max-memory is stopped while the others go on.
    IRIs under the base namespace answer with a page or with RDF.

    With --curate FILE.yaml the explorer gets a review mode: accept or reject the
    suggested links of a statement, or add one of your own; each decision goes into
    FILE.yaml at once and the served graph follows it. Open the URL printed at start
    (its #token= part is the secret a decision needs; it never reaches the server's logs).
    """
    import secrets

    from goalgraph.server import Curation, ServerSettings
    from goalgraph.server import serve as run

    settings = ServerSettings(timeout=timeout, max_result_bytes=max_result_bytes, max_memory_bytes=max_memory * 2**20)
    if workers:
        settings = dataclasses.replace(settings, workers=workers)
    dataset = where.open(in_process=True)
    curation = None
    if curate is not None:
        curation = Curation(curate, curator, token or secrets.token_urlsafe(24))
    elif token is not None:
        raise click.UsageError("--token is for --curate")

    def listening(url: str) -> None:
        click.echo(f"goalgraph: serving on {url} (Ctrl-C to stop)", err=True)
        if curation is not None:
            click.echo(f"goalgraph: review suggestions at {url}explorer#token={curation.token}", err=True)

    run(dataset, host=host, port=port, settings=settings, on_listening=listening, curation=curation)


@main.command()
@click.option(
    "--format",
    "output_format",
    metavar="FORMAT",
    help="turtle, trig, jsonld, rdfxml, ntriples, nquads, csv, graphml, stratml or archimate "
    "[default: what -o's suffix names (one naming none is refused), else turtle].",
)
@click.option("--plan", metavar="PLAN", help="StratML: the plan to write (its IRI, prefixed name or title).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (atomically), not stdout.")
@click.option("--no-ontology", is_flag=True, help="RDF formats: leave out the ontology's own graph.")
@click.option("--context-url", is_flag=True, help="JSON-LD: refer to the published context, not embed it.")
@click.option("--merge-graphs", is_flag=True, help="JSON-LD: one flat @graph, not a node per named graph.")
@click.option("--no-bom", is_flag=True, help="CSV: no byte-order mark (Excel needs it to read æøå).")
@click.option(
    "--delimiter", type=click.Choice([",", ";"]), default=",", show_default=True, help="CSV: field separator."
)
@click.option("--no-suggestions", is_flag=True, help="GraphML: leave out suggested alignments.")
@click.option(
    "--site",
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="Instead: write a static site to DIR (explorer, report, every export, a page per IRI).",
)
@lang_option("Language of the site's explorer and report.")
@dataset_options
def export(
    output_format: str | None,
    output: Path | None,
    plan: str | None,
    site: Path | None,
    lang: str,
    no_ontology: bool,
    context_url: bool,
    merge_graphs: bool,
    no_bom: bool,
    delimiter: str,
    no_suggestions: bool,
    where: Where,
) -> None:
    """Write the graph in a format other tools load.

    RDF formats carry the whole dataset (TriG, N-Quads and JSON-LD keep each source
    in its named graph); Turtle, TriG, N-Triples and N-Quads are sorted, so a diff
    between two versions reads well. JSON-LD uses goalgraph's context (short keys,
    language maps). csv is a zip of statements.csv and alignments.csv (or, with -o
    naming a folder, the two files); graphml is the alignment graph for Gephi, yEd or
    networkx. stratml writes one plan (--plan) as a StratML Part 2 document; archimate
    the goal graph as an ArchiMate 3.1 exchange file Archi opens. --site DIR writes
    the RDF, CSV and GraphML exports, explorer and report as a static site, with a
    page per IRI.
    """
    import sys

    from goalgraph.export import export as write
    from goalgraph.export import export_format, format_for_output, write_export

    if site is not None:
        if output_format or output:
            raise click.UsageError("--site writes every format itself: leave out --format and -o")
        from goalgraph.site import write_site

        written_site = write_site(where.open(in_process=True), site, lang=lang)
        click.echo(f"wrote the site to {written_site}", err=True)
        return

    # A file is written in the format its name says, or the one given: never another.
    if output_format:
        chosen = export_format(output_format)
    else:
        chosen = export_format("turtle") if output is None else format_for_output(output)
    given = {
        "include_ontology": not no_ontology,
        "context_url": context_url,
        "named_graphs": not merge_graphs,
        "bom": not no_bom,
        "delimiter": delimiter,
        "include_suggested": not no_suggestions,
        "plan": plan,
    }
    options = {name: value for name, value in given.items() if name in chosen.options}
    if plan is not None and "plan" not in chosen.options:
        raise click.UsageError(f"--plan is for the stratml export, not {chosen.name}")
    if output is None and chosen.name == "csv" and sys.stdout.isatty():
        raise click.UsageError("csv is a zip file: give -o FILE.zip (or -o FOLDER for the two files)")
    graph = where.open(in_process=True)
    if output is None:
        sys.stdout.buffer.write(write(graph, chosen.name, **options))
    else:
        written = write_export(graph, chosen.name, output, **options)
        click.echo(f"wrote {written}", err=True)


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("out/docs"),
    show_default=True,
    help="Folder to write index.html into (made if missing).",
)
def docs(output: Path) -> None:
    """HTML documentation of the ontology: every class and property, both languages, mappings.

    Labels and definitions in English and Danish, levels, domains and ranges, and
    each term's mapping to ORG, PROV, SKOS, BMM, ArchiMate and StratML.
    """
    from goalgraph.docs import write_docs

    click.echo(f"wrote {write_docs(output)}", err=True)


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=EXPLORER_DEFAULT,
    show_default=True,
    help="Where to write the page.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser afterwards.")
@lang_option("Language of the labels (switchable in the page).")
@click.option(
    "--layout",
    type=click.Choice(["hierarchical", "force"]),
    default="hierarchical",
    show_default=True,
    help="By level, still from the first frame; or force-directed.",
)
@click.option(
    "--focus",
    metavar="STATEMENT|ORGANISATION",
    help="Show only the neighbourhood of this statement, or of the statements of this organisation "
    "(IRI, identifier or name): its paths up to the top and its supporters down --depth levels.",
)
@click.option(
    "--depth",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="With --focus: how many levels of supporters to show below it.",
)
@dataset_options
def explore(
    output: Path,
    open_browser: bool,
    lang: str,
    layout: str,
    focus: str | None,
    depth: int,
    where: Where,
) -> None:
    """Write the interactive explorer: one self-contained HTML page, offline.

    Who holds which mission, vision, focus point and marker, and how they align.
    Click a statement for its texts, source and alignments, and its path to the
    top; filter by organisation, type, plan and link kind; search in Danish or
    English. A large graph opens on its top organisations and drills down the
    organisation tree. Nothing is loaded from other hosts.
    """
    from goalgraph.explorer import write_explorer

    if output == EXPLORER_DEFAULT:
        output.parent.mkdir(exist_ok=True)  # out/, ours to make; a folder you name must exist
    written = write_explorer(
        where.open(),
        output,
        lang=lang,  # type: ignore[arg-type]
        layout=layout,  # type: ignore[arg-type]
        focus=focus,
        depth=depth,
    )
    click.echo(f"wrote {written}", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(written.resolve().as_uri())


@main.command("import")
@click.argument("import_format", metavar="FORMAT", type=click.Choice(["yaml", "csv", "stratml", "archimate"]))
@click.argument("path", metavar="FILE", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the Turtle here (atomically), not stdout.")
@click.option(
    "--base",
    metavar="IRI",
    envvar="GOALGRAPH_BASE",
    help="Base namespace relative IRIs resolve against [env GOALGRAPH_BASE].",
)
def import_(import_format: str, path: Path, output: Path | None, base: str | None) -> None:
    """Convert a strategy from another format into goalgraph's Turtle.

    yaml and csv are goalgraph's authoring formats (see the README; for csv, FILE is
    the statements table, and its alignments and results tables beside it are read
    too: statements.csv with alignments.csv and results.csv, kf.csv with
    kf-alignments.csv and kf-results.csv; a results table on its own loads with
    --data beside the files that define its indicators); stratml reads
    StratML (ISO 17469-1, Part 1 and the Part 2 performance plan); archimate reads
    the motivation elements of an ArchiMate exchange file. The result loads with
    --data like any Turtle file; YAML (and the other formats) load with --data as
    they are, too.
    """
    import sys

    from goalgraph.export.turtle import turtle
    from goalgraph.files import write_atomically
    from goalgraph.importers import import_file

    imported = import_file(path, import_format, base=base)
    written = turtle(imported)
    for note in getattr(imported, "notes", ()):  # what the importer skipped (ArchiMate's other layers)
        click.echo(note, err=True)
    if output is None:
        sys.stdout.buffer.write(written)
    else:
        click.echo(f"wrote {write_atomically(output, written)}", err=True)


@main.command()
@click.option(
    "--update-endpoint", metavar="URL", help="Where updates go, if not to --endpoint (Virtuoso: /sparql-auth)."
)
@click.option(
    "--graph-store",
    metavar="URL",
    help="A SPARQL 1.1 Graph Store Protocol service to upload through (Virtuoso: /sparql-graph-crud-auth); "
    "without it, INSERT DATA in batches.",
)
@click.option("--graph", "into", metavar="IRI", help="Put everything into this one graph, not a graph per source.")
@dataset_options
def push(
    update_endpoint: str | None,
    graph_store: str | None,
    into: str | None,
    where: Where,
) -> None:
    """Upload the graph to a SPARQL 1.1 triple store (--endpoint URL), for serving at scale.

    Each source goes into its named graph there, replacing what that graph held: the
    upload goes to a temporary graph first, then moves over the target in one update,
    so an interrupted push leaves each graph as it was or complete, and pushing again
    is safe. Afterwards, run any command with --endpoint URL. The password comes from
    GOALGRAPH_PASSWORD or --password (a prompt); a bearer token from GOALGRAPH_TOKEN.
    """
    from goalgraph.opening import open_endpoint
    from goalgraph.remote import dataset_graphs
    from goalgraph.remote import push as upload

    if not where.endpoint:
        raise click.UsageError("name the triple store: --endpoint URL")
    if where.store and (where.data or not where.bundled):
        raise click.UsageError(f"--store {where.store} holds the graph to push: leave out --data and --no-bundled")
    # The URLs first: a wrong one is reported before any loading (and before a password is asked for).
    endpoint = open_endpoint(
        where.endpoint,
        update_url=update_endpoint or where.endpoint,
        graph_store_url=graph_store,
        user=where.user,
        password=_prompt_password if where.ask_password else None,
    )
    # What is pushed: the files, or the store folder.
    dataset = dataclasses.replace(where, endpoint=None).open(in_process=True)
    started = time.perf_counter()
    graphs = upload(dataset_graphs(dataset), endpoint, into=into, progress=lambda note: click.echo(note, err=True))
    took = time.perf_counter() - started
    click.echo(f"pushed {len(graphs)} graph(s), {len(dataset.oxigraph):,} triples, in {took:.1f} s", err=True)


@main.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@format_option("text", "json", "html", default="text")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (atomically), not stdout.")
@click.option(
    "--record",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE.ttl",
    help="Also write the matches found (plan to plan, statement to statement) as prov:wasRevisionOf links.",
)
@click.option(
    "--bundled", "with_bundled", is_flag=True, help="Two datasets given as paths: add the bundled data to each."
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.01, 1),
    default=0.6,
    show_default=True,
    help="The least similarity of words (cosine of stems) for two statements to be one.",
)
@lang_option("Language of the texts shown.")
@dataset_options
def diff(
    old: str,
    new: str,
    output_format: str,
    output: Path | None,
    record: Path | None,
    with_bundled: bool,
    threshold: float,
    lang: str,
    where: Where,
) -> None:
    """What changed from OLD to NEW: two datasets, or two plans.

    A side that is a file or folder is a dataset of those files (the bundled data
    only with --bundled); store:DIR a store folder; an http(s) URL a SPARQL
    endpoint. Anything else is a plan (its IRI, identifier or title) of the dataset
    the usual options give: this year's plan against last year's. With --data,
    --store or --endpoint, an http(s) URL is a plan's IRI.

    Statements are matched by IRI, else by their words in either language; the
    diff lists statements added, removed, reworded (the changed words marked) or
    moved to another plan or holder; targets carried over, dropped or new;
    alignments added, removed or changed in kind, strength or rationale; and
    missions and visions that became a gap, or stopped being one.
    """
    from goalgraph.comparison import compare
    from goalgraph.comparison.sides import check_record_target, sides_of
    from goalgraph.comparison.writing import record_turtle, to_html, to_json, to_text
    from goalgraph.files import write_atomically

    plans_only = bool(where.data or where.store or where.endpoint)
    kinds = sides_of(old, new, plans_only=plans_only)
    sides: list[Graph]
    plans: tuple[str | None, str | None] = (None, None)
    if kinds[0] == "plan":
        from goalgraph.resolving import resolve

        graph = where.open()
        sides = [graph, graph]  # one dataset, read once
        plans = (str(resolve(graph, old, "plan")), str(resolve(graph, new, "plan")))
    else:
        sides = [_diff_side(side, kind, where, with_bundled) for side, kind in zip((old, new), kinds, strict=True)]
    if record is not None:
        check_record_target(record, [s.path for g in sides for s in getattr(g, "sources", ())])
    found = compare(sides[0], sides[1], old_plan=plans[0], new_plan=plans[1], threshold=threshold)
    if output_format == "json":
        written = to_json(found)
    elif output_format == "html":
        written = to_html(found, lang)
    else:
        written = to_text(found, lang)
    if output is None:
        click.echo(written, nl=False)
    else:
        write_atomically(output, written)
        click.echo(f"wrote {output}", err=True)
    if record is not None:
        write_atomically(record, record_turtle(found))
        click.echo(f"wrote {len(set(found.revisions))} prov:wasRevisionOf link(s) to {record}", err=True)


def _diff_side(side: str, kind: str, where: Where, with_bundled: bool) -> Graph:
    """One dataset side of `goalgraph diff`: the files, a store folder or an endpoint."""
    if kind == "store":
        chosen = Where(store=Path(side.removeprefix("store:")), base=where.base)
    elif kind == "endpoint":
        chosen = Where(endpoint=side, base=where.base, user=where.user, ask_password=where.ask_password)
    else:
        chosen = Where(data=(Path(side),), bundled=with_bundled, base=where.base)
    return chosen.open()


@main.command()
@dataset_options
def load(where: Where) -> None:
    """Fill an on-disk store (--store DIR) so later commands open it without parsing.

    Loads the ontology, the bundled dataset (unless --no-bundled) and each --data
    file into DIR, each in its named graph; loading a file again replaces its
    graph, and graphs loaded before stay. Large files are bulk-loaded with a
    progress bar. Then run any command with --store DIR (or GOALGRAPH_STORE=DIR).
    """
    from goalgraph.storage import load_store

    store = where.store
    if not store:
        raise click.UsageError("name the store folder: --store DIR")
    if where.endpoint:
        raise click.UsageError("load fills a store folder; to fill a triple store, use goalgraph push --endpoint URL")
    started = time.perf_counter()
    try:
        dataset = load_store(
            store,
            where.data,
            bundled=where.bundled,
            base=where.base,
            on_source=lambda source, took: click.echo(f"loaded {source.display} ({took:.1f} s)", err=True),
            on_cleanup=_note,
        )
    except KeyboardInterrupt:
        # Not click's bare "Aborted!": say what the store holds (the file being loaded is not in it).
        done = "each file reported loaded, whole, and none of the rest"
        click.echo(f"goalgraph: interrupted; {store} holds {done}", err=True)
        click.get_current_context().exit(130)
    took = time.perf_counter() - started
    click.echo(f"{store}: {len(dataset.sources)} sources, {len(dataset.oxigraph):,} triples ({took:.1f} s)", err=True)
