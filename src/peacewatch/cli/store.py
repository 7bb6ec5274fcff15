"""Store commands: ``peacewatch ingest``, ``peacewatch query``, ``peacewatch export``.

Registered on the main app by ``register(app)``; thin wrappers over ``peacewatch.store``.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from peacewatch.cli.errors import err, report_error
from peacewatch.scale import Executor, Runner
from peacewatch.scale.options import ExecutorOpt, SchedulerOpt, WorkersOpt
from peacewatch.store.db import DEFAULT_DB
from peacewatch.store.export import ExportFormat

if TYPE_CHECKING:
    from peacewatch.store import Outcome, Store
    from peacewatch.store.query import Filters

# A second writer waits for the first (store/lock.py); exit 4 when it gives up.
LockTimeoutOpt = Annotated[
    float,
    typer.Option(help="Seconds to wait while another ingest/watch writes the store (0: forever)."),
]
DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="PEACEWATCH_DB",
        help="SQLite file, sqlite:///path or postgresql://user@host/db.",
    ),
]


class ClaimStatus(StrEnum):
    """vocab.CLAIM_STATUSES, as a CLI choice (tests/test_vocab.py checks they agree)."""

    reported = "reported"
    corroborated = "corroborated"
    contested = "contested"
    denied = "denied"


class QueryKind(StrEnum):
    events = "events"
    merged = "merged"
    quotes = "quotes"
    places = "places"
    positions = "positions"
    documents = "documents"


class QueryFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


# The columns a terminal table shows (the other formats carry every column).
TABLE_COLUMNS = {
    "events": (
        "id",
        "type",
        "modality",
        "date",
        "date_precision",
        "date_basis",
        "place",
        "evidence_text",
    ),
    # A group's dates are a range: a year's is 1 January to 31 December, never 1 January alone.
    "merged": (
        "id",
        "type",
        "place",
        "date_start",
        "date_end",
        "n_sources",
        "n_independent",
        "contested",
    ),
    "quotes": ("id", "said_on_date", "published", "speaker", "speaker_country", "kind", "text"),
    "places": ("id", "mention", "name", "country", "feature", "lat", "lon", "published"),
    "positions": (
        "id",
        "said_on_date",
        "published",
        "party",
        "by",
        "issue",
        "stance",
        "status",
        "detail",
    ),
    "documents": ("id", "key", "published", "title", "cluster_id", "dup_kind"),
}


def require_store(db: str, command: str, create_option: str | None = None) -> None:
    """Exit 2 when ``db`` names a SQLite file that does not exist.

    SQLite would create it, and a read command on a misspelled --db would answer "0 rows" from
    a new, empty store; only the commands that write (ingest, watch) create a store.
    """
    from peacewatch.store.db import sqlite_file

    path = sqlite_file(db)
    if path is not None and not path.exists():
        report_error(
            "--db",
            f"no store at {path} ({command} reads an existing store; it does not create one)",
            f"check the path (or PEACEWATCH_DB), or create the store with"
            f" `peacewatch ingest FILES --db {db}`"
            + (f" or pass {create_option}" if create_option else ""),
        )
        raise typer.Exit(2)


def _open(db: str, command: str | None = None) -> Store:
    """Open the store; ``command`` names a read command, which refuses a missing SQLite file."""
    from sqlalchemy.exc import OperationalError

    from peacewatch.store import Store

    if command is not None:
        require_store(db, command)
    try:
        return Store(db)
    except OperationalError as exc:
        report_error("--db", f"cannot open {db}: {exc.orig}", "check the path or the server URL")
        raise typer.Exit(2) from exc


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        report_error(name, f"{value!r} is not a date", "write it as YYYY-MM-DD")
        raise typer.Exit(2) from exc


def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files (.txt, .html, .jsonl, .warc, .arc, .rss, .atom; optionally .gz),"
            " directories, feed URLs, or -."
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every input.")
    ] = None,
    retry_failed: Annotated[
        bool, typer.Option(help="Also retry the inputs in the dead-letter table.")
    ] = False,
    reanalyze: Annotated[
        bool,
        typer.Option(
            help="Analyse stored inputs again (after upgrading peacewatch) and refresh the"
            " records of those whose analysis changed."
        ),
    ] = False,
    executor: ExecutorOpt = Executor.local,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    lock_timeout: LockTimeoutOpt = 600.0,
) -> None:
    """Analyse articles and store them with all their records.

    Idempotent (stored inputs are skipped; --reanalyze refreshes them), crash-safe (one
    transaction per document: re-run after a crash to finish), deduplicated (syndicated
    copies join one cluster). The exit code is the number of inputs that failed (at most 100).
    """
    from peacewatch.clean import iso_date
    from peacewatch.parse.nlp import ModelError, load

    if published is not None and iso_date(published) is None:
        report_error("--published", f"{published!r} is not a date", "write it as YYYY-MM-DD")
        raise typer.Exit(2)
    if not paths and not retry_failed:
        report_error("ingest", "nothing to ingest", "pass files or directories, or --retry-failed")
        raise typer.Exit(2)
    try:
        load()  # fail early (exit 3) when the model is missing; cached for --executor local
    except ModelError as exc:
        report_error("model", str(exc.args[0]), str(exc.args[1]))
        raise typer.Exit(3) from exc
    from peacewatch.store.lock import WriterBusy, writer_lock

    try:
        with (
            writer_lock(db, lock_timeout, err.print),
            _open(db) as store,
            Runner(executor, workers, scheduler) as runner,
        ):
            outcomes, unread = _ingest_all(
                store, runner, paths or [], published, retry_failed, reanalyze
            )
            groups = store.corroborate()
    except WriterBusy as exc:
        report_error("--db", str(exc), exc.fix)
        raise typer.Exit(4) from exc
    tally: dict[str, int] = {}
    for o in outcomes:
        tally[o.status] = tally.get(o.status, 0) + 1
    if unread:  # inputs that could not be read failed too: the count is that of the errors
        tally["failed"] = tally.get("failed", 0) + unread
    summary = ", ".join(f"{n} {s}" for s, n in sorted(tally.items())) or "nothing new"
    # Syndicated copies stored in this run (exact or near duplicates of a stored article).
    dups = sum(
        1 for o in outcomes if o.status in ("stored", "updated") and o.dup_kind in ("exact", "near")
    )
    err.print(f"ingest: {summary}; {dups} duplicate(s); {groups} merged event(s)")
    raise typer.Exit(min(tally.get("failed", 0), 100))


def _ingest_all(
    store: Store,
    runner: Runner,
    paths: list[str],
    published: str | None,
    retry_failed: bool,
    reanalyze: bool,
) -> tuple[list[Outcome], int]:
    """(the store's outcome of every input, the number of inputs that could not be read).

    Dead letters retried first; each failure is reported as it happens, so that the summary's
    failed count is the number of errors printed.
    """
    from peacewatch.cli.progress import progress_for
    from peacewatch.scale.store import ingest_with, retry_with
    from peacewatch.sources.files import read_inputs
    from peacewatch.store import Outcome

    outcomes: list[Outcome] = []
    if retry_failed:
        outcomes += [o for o in retry_with(store, runner) if isinstance(o, Outcome)]
        for o in outcomes:
            if o.status == "failed":
                report_error(o.key, o.error or "failed", "see the dead_letters table")
    unread = 0
    with progress_for(err) as progress:
        task = progress.add_task("ingesting", total=None)
        inputs = read_inputs(paths, stdin=sys.stdin.buffer)
        for out in ingest_with(store, inputs, runner, published, reanalyze=reanalyze):
            progress.advance(task)
            if not isinstance(out, Outcome):  # the input could not be read
                unread += 1
                report_error(out.source, out.message, out.fix)
                continue
            outcomes.append(out)
            if out.status == "failed":
                report_error(out.key, out.error or "failed", "see the dead_letters table")
    return outcomes, unread


def _filters(
    actor: str | None,
    type_: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    all_versions: bool,
    limit: int | None,
) -> Filters:
    from peacewatch.store.query import Filters

    return Filters(
        actor=actor,
        type=type_,
        place=place,
        since=_day(since, "--since"),
        until=_day(until, "--until"),
        all_versions=all_versions,
        limit=limit,
    )


ActorOpt = Annotated[
    str | None,
    typer.Option(
        help="Actor, exactly: an ISO country code (UA, RU), an actor id (state:RU,"
        " person:vladimir-putin) or a whole name (any case)."
    ),
]
TypeOpt = Annotated[str | None, typer.Option("--type", help="Event type (or its prefix).")]
PlaceOpt = Annotated[str | None, typer.Option(help="Part of a place name.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
AllOpt = Annotated[bool, typer.Option(help="Include superseded versions of documents.")]


def query(
    kind: Annotated[QueryKind, typer.Argument(help="What to list.")],
    db: DbOption = DEFAULT_DB,
    actor: ActorOpt = None,
    type_: TypeOpt = None,
    place: PlaceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    all_versions: AllOpt = False,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = 50,
    claim_status: Annotated[
        ClaimStatus | None,
        typer.Option(help="Events or positions with this claim status only (adds a column)."),
    ] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
) -> None:
    """List events, merged events, quotes, places or positions by actor, type, place, date.

    --type is an event type for events, an issue or a stance for positions.
    """
    from dataclasses import replace

    from rich.table import Table

    from peacewatch.store.export import write_csv, write_jsonl
    from peacewatch.store.query import run_query

    f = _filters(actor, type_, place, since, until, all_versions, limit)
    if claim_status is not None:
        if kind not in (QueryKind.events, QueryKind.positions):
            report_error(
                "--claim-status", f"{kind.value} have no claim status", "query events or positions"
            )
            raise typer.Exit(2)
        f = replace(f, claim_status=claim_status.value, with_status=True)
    with _open(db, "query") as store:
        rows = run_query(store.engine, kind.value, f)
    if fmt is QueryFormat.jsonl:
        write_jsonl(rows, sys.stdout)
    elif fmt is QueryFormat.csv:
        write_csv(rows, sys.stdout)
    else:
        table = Table(show_lines=False)
        cols = list(TABLE_COLUMNS[kind.value]) + (["claim_status"] if claim_status else [])
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*("" if r[c] is None else str(r[c]) for c in cols))
        Console(highlight=False).print(table)
        err.print(f"{len(rows)} row(s)")


def export(
    kind: Annotated[QueryKind, typer.Argument(help="What to export.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (stdout when omitted).")
    ] = None,
    actor: ActorOpt = None,
    type_: TypeOpt = None,
    place: PlaceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    all_versions: AllOpt = False,
) -> None:
    """Export to CSV, JSON Lines, GeoJSON or Parquet, with stable ids and ISO dates."""
    from peacewatch.store.export import export as write
    from peacewatch.store.query import run_query

    if fmt is ExportFormat.parquet and output is None:
        report_error("--format parquet", "Parquet is binary", "give --output FILE.parquet")
        raise typer.Exit(2)
    f = _filters(actor, type_, place, since, until, all_versions, None)
    with _open(db, "export") as store:
        rows = run_query(store.engine, kind.value, f)
    write(rows, fmt, output, sys.stdout)
    err.print(f"{len(rows)} row(s)")


def eval_store(
    data: Annotated[Path, typer.Option(help="Corpus folder.")] = Path(
        "../shared/corpus/official-2022"
    ),
    pg: Annotated[
        str | None,
        typer.Option(envvar="PEACEWATCH_TEST_PG_URL", help="Also check on this PostgreSQL."),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Fail when a check fails.")] = False,
) -> None:
    """Store checks on a corpus: re-ingest changes nothing; syndicated copies form one cluster."""
    from peacewatch.eval.store import run

    if not data.exists():
        report_error("eval store", f"no data at {data}", "pass --data, or check out ../shared")
        raise typer.Exit(2)
    table, failures = run(data, strict, pg)
    typer.echo(table)
    if strict and failures:
        for f in failures:
            report_error("eval store", f, "fix the regression")
        raise typer.Exit(1)


def summary(db: DbOption = DEFAULT_DB) -> None:
    """What the store holds: counts and the most frequent event types, speakers, places."""
    from peacewatch.store.summary import summarize

    with _open(db, "summary") as store:
        result = summarize(store.engine, store.counts())
    for line in result.lines():
        typer.echo(line)


def register(app: typer.Typer, eval_app: typer.Typer | None = None) -> None:
    """Add ``ingest``, ``query`` and ``export`` (and ``eval store``) to the command line."""
    app.command("ingest")(ingest)
    app.command("query")(query)
    app.command("export")(export)
    app.command("summary")(summary)
    if eval_app is not None:
        eval_app.command("store")(eval_store)
