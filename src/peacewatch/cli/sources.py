"""``peacewatch watch``: poll sources, ingest what is new, report source health, write alerts.

Registered on the main app by ``register(app)``. New items go through the same ingest as
``peacewatch ingest`` (``scale.store.ingest_with``), on the executor chosen with the options of
``scale.options`` (``--executor``, ``--workers``, ``--scheduler``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from peacewatch.cli.errors import err, report_error
from peacewatch.cli.store import LockTimeoutOpt
from peacewatch.scale import Executor, Runner
from peacewatch.scale.options import ExecutorOpt, SchedulerOpt, WorkersOpt
from peacewatch.store.db import DEFAULT_DB

if TYPE_CHECKING:
    from peacewatch.records import Document
    from peacewatch.sources.alerts import Alert
    from peacewatch.sources.state import State
    from peacewatch.store import Store
    from peacewatch.store.core import Status

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``15m`` -> 900.0; ``30s``, ``2h``, ``1d``, or plain seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value)
    if not m:
        raise typer.BadParameter(f"{value!r}: write it as 30s, 15m, 2h or 1d")
    return float(m.group(1)) * _UNITS[m.group(2) or "s"]


@dataclass(frozen=True, slots=True)
class SourceReport:
    """One source's line of a poll: what it listed, what was new, what became of it."""

    source: str
    listed: int | None  # None when the poll failed
    new: int
    tally: dict[Status, int]
    flag: str | None  # why the source looks unhealthy, or None


def poll_once(
    sources: list[str],
    store: Store,
    runner: Runner,
    state: State,
    published: str | None = None,
) -> tuple[list[SourceReport], list[Alert]]:
    """One poll of every source: (a health row per source, the alerts it raised)."""
    from peacewatch.scale.store import ingest_with
    from peacewatch.sources.alerts import changes
    from peacewatch.sources.watch import mark_seen, poll, unseen
    from peacewatch.store import Outcome

    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    report: list[SourceReport] = []
    alerts: list[Alert] = []

    def stored(doc: Document) -> None:
        alerts.extend(changes(doc, state.memory, at))

    for spec in sources:
        st = state.source(spec)
        result = poll(spec, seen=set(st.seen))
        listed = None if result.error else result.listed
        flag = st.health(listed, result.error)
        tally: dict[Status, int] = {
            "stored": 0,
            "updated": 0,
            "unchanged": 0,
            "failed": 0,
            "skipped": 0,
        }
        new = unseen(result.items, st)
        for out in ingest_with(store, new, runner, published, on_stored=stored):
            if isinstance(out, Outcome):
                tally[out.status] = tally.get(out.status, 0) + 1
            else:  # could not be read
                tally["failed"] += 1
                report_error(out.source, out.message, out.fix)
        mark_seen(new, st)
        st.record(at, listed, result.error)
        report.append(SourceReport(spec, listed, len(new), tally, flag))
    return report, alerts


def _table(rows: list[SourceReport]) -> Table:
    t = Table(title="sources")
    for col in ("source", "listed", "new", "stored", "failed", "health"):
        t.add_column(col, overflow="fold")
    for r in rows:
        health = f"[red]{r.flag}[/]" if r.flag else "ok"
        listed = "-" if r.listed is None else str(r.listed)
        stored = r.tally["stored"] + r.tally["updated"]
        t.add_row(r.source, listed, str(r.new), str(stored), str(r.tally["failed"]), health)
    return t


def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed URLs, files, folders, archives.")],
    db: Annotated[str, typer.Option("--db", envvar="PEACEWATCH_DB", help="The store.")] = (
        DEFAULT_DB
    ),
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 2h.")] = "15m",
    once: Annotated[bool, typer.Option(help="Poll once and exit (for cron and tests).")] = False,
    state_file: Annotated[
        Path, typer.Option("--state", help="What each source has seen (JSON).")
    ] = Path("var/watch-state.json"),
    alerts: Annotated[
        Path | None, typer.Option(help="Atom feed file of what changed since the last poll.")
    ] = None,
    webhook: Annotated[
        str | None, typer.Option(help="POST each poll's alerts as JSON to this URL.")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date for every input.")] = (
        None
    ),
    executor: ExecutorOpt = Executor.local,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    lock_timeout: LockTimeoutOpt = 600.0,
) -> None:
    """Poll sources, ingest what is new, flag sources that fail or shrink, and write alerts.

    The exit code (with --once) is the number of flagged sources (at most 100).
    """
    from peacewatch.sources.alerts import post_webhook, write_atom
    from peacewatch.sources.state import load_state, save_state
    from peacewatch.store import Store
    from peacewatch.store.lock import WriterBusy, writer_lock

    interval = parse_every(every)
    state = load_state(state_file)
    flagged = 0
    try:
        with writer_lock(db, lock_timeout, err.print):  # migrations run once, alone
            Store(db).close()
    except WriterBusy as exc:
        report_error("--db", str(exc), exc.fix)
        raise typer.Exit(4) from exc
    with Store(db) as store, Runner(executor, workers, scheduler) as runner:
        while True:
            started = time.monotonic()
            try:  # the lock is taken per poll, so an ingest can run between polls
                with writer_lock(db, lock_timeout, err.print):
                    rows, found = poll_once(sources, store, runner, state, published)
                    store.corroborate()
            except WriterBusy as exc:
                report_error("--db", str(exc), exc.fix)
                raise typer.Exit(4) from exc
            save_state(state, state_file)
            flagged = sum(1 for r in rows if r.flag)
            err.print(_table(rows))
            err.print(f"watch: {len(found)} alert(s), {flagged} flagged source(s)")
            if alerts is not None:
                write_atom(alerts, found)
            if webhook and found:
                try:
                    post_webhook(webhook, found)
                except Exception as exc:  # a webhook outage must not stop the watch
                    report_error("--webhook", f"cannot post the alerts ({exc})", "check the URL")
            if once:
                break
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
    raise typer.Exit(min(flagged, 100))


def register(app: typer.Typer) -> None:
    """Add ``watch`` to the command line."""
    app.command("watch")(watch)
