"""``peacewatch serve``: the web API and UI over a store, with uvicorn.

Registered on the main app by ``register(app)``, like the store commands.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from peacewatch.cli.errors import report_error
from peacewatch.cli.store import DbOption, require_store
from peacewatch.limits import DEFAULT as DEFAULT_LIMITS
from peacewatch.limits import Limits


def serve(
    db: DbOption = "peacewatch.db",
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    rate: Annotated[
        int, typer.Option(help="Requests a minute per client address (0: no limit).")
    ] = 600,
    open_analyze: Annotated[
        bool,
        typer.Option(
            "--open-analyze",
            help="Let anyone use /api/analyze on a server without a token (off by default).",
        ),
    ] = False,
    max_chars: Annotated[
        int, typer.Option(help="Longest article text /api/analyze takes, in characters.")
    ] = DEFAULT_LIMITS.max_chars,
    max_paragraph: Annotated[
        int, typer.Option(help="Longest paragraph /api/analyze takes, in characters.")
    ] = DEFAULT_LIMITS.max_paragraph,
    analyze_timeout: Annotated[
        float, typer.Option(help="Seconds an /api/analyze request may take.")
    ] = DEFAULT_LIMITS.timeout_s,
    analyze_queue: Annotated[
        int, typer.Option(help="Analyses that may wait; more are answered 503.")
    ] = DEFAULT_LIMITS.depth,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            help="Address of a reverse proxy whose X-Forwarded-For is believed (repeatable); "
            "without it the rate limit counts the TCP peer.",
        ),
    ] = None,
    create: Annotated[
        bool,
        typer.Option(help="Create the SQLite store when it does not exist (to ingest over /api)."),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Server processes (read-only servers): one per core serves concurrent readers "
            "on every core; each keeps its own caches, and the rate limit is shared out.",
        ),
    ] = 1,
) -> None:
    """Serve the JSON API (/api, spec at /api/openapi.json) and the web UI; Ctrl-C stops it.

    Read-only unless PEACEWATCH_API_TOKEN is set; CORS off unless PEACEWATCH_CORS_ORIGINS
    lists origins (comma-separated). README "Limits and errors" lists the limits.
    """
    from peacewatch.api import Settings

    if not create:
        require_store(db, "serve", "--create")
    _prepare(db)
    _check_port(host, port)
    limits = Limits(
        max_paragraph=max_paragraph,
        max_chars=max_chars,
        timeout_s=analyze_timeout,
        depth=analyze_queue,
    )
    settings = Settings.from_env(db, rate_per_minute=rate, open_analyze=open_analyze, limits=limits)
    _run(settings, host, port, workers, trusted_proxy)


def _run(
    settings: Any, host: str, port: int, workers: int, trusted_proxy: list[str] | None
) -> None:
    import uvicorn

    from peacewatch.api import create_app

    if workers > 1 and settings.token is not None:
        report_error(
            "--workers", "a server with write endpoints runs one process", "drop --workers"
        )
        raise typer.Exit(2)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    options = {"host": host, "port": port, "log_level": "warning", **proxy_options(trusted_proxy)}
    if workers > 1:
        _serve_processes(settings, workers, options, shown)
        return
    app = create_app(settings)
    from peacewatch.api.track import warm

    warm(app.state.pw.engine)  # the negotiation track is ready before the first user asks
    # stdout: the address is what a caller (make run) needs; everything else goes to stderr.
    print(f"peacewatch UI: http://{shown}:{port}/  (API: /api, Ctrl-C stops)", flush=True)
    uvicorn.run(app, **options)


def _serve_processes(settings: Any, workers: int, options: dict[str, Any], shown: str) -> None:
    """``workers`` uvicorn processes, each building the app from the settings put in the
    environment (api/app.py ``app_from_env``) and warming its own caches. One process runs
    Python on one core at a time (the GIL): with 8 concurrent readers on 2 cores the p95 of
    a read was mostly waiting for it (BENCHMARKS.md, issue 19). Each process keeps its own
    rate-limit counts, so each allows its share of the per-minute rate."""
    import math
    import os

    import uvicorn

    from peacewatch.api.app import SETTINGS_ENV, settings_json

    share = math.ceil(settings.rate_per_minute / workers)
    os.environ[SETTINGS_ENV] = settings_json(settings, rate_per_minute=share)
    print(
        f"peacewatch UI: http://{shown}:{options['port']}/  (API: /api, Ctrl-C stops)", flush=True
    )
    target = "peacewatch.api.app:app_from_env"
    # uvicorn kills a worker that does not answer its health ping in time (5 s by default):
    # on a loaded machine the start-up warm-up held the worker's GIL longer than that, and
    # its workers were killed and restarted, warming from scratch, every few seconds.
    ping_s = 120
    uvicorn.run(target, factory=True, workers=workers, timeout_worker_healthcheck=ping_s, **options)


def _prepare(db: str) -> None:
    """Open the store once before serving: creates (--create) or migrates the schema."""
    from sqlalchemy.exc import OperationalError

    from peacewatch.store import Store

    try:
        store = Store(db)
        with store.engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                # Fresh planner statistics (PostgreSQL's autovacuum keeps its own): without
                # them SQLite sorted every match of a list for each page (benchmarks/api.py).
                # Under a second for 10,000 documents.
                conn.exec_driver_sql("ANALYZE")
        store.close()
    except OperationalError as exc:
        report_error("--db", f"cannot open {db}: {exc.orig}", "check the path")
        raise typer.Exit(2) from exc


def _check_port(host: str, port: int) -> None:
    """Exit 2 with the cause and a fix when the server could not listen on host:port.

    uvicorn would print a raw "[Errno 98] ... address already in use" after we printed the
    address; binding once here (with SO_REUSEADDR, as uvicorn does, so a port in TIME_WAIT is
    not refused) tells the user before. Another program could still take the port in between:
    uvicorn then reports it its own way.
    """
    import errno
    import socket

    try:
        family, kind, proto, _, addr = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(addr)
    except socket.gaierror as exc:
        report_error("--host", f"cannot resolve {host!r}: {exc.strerror}", "check the address")
        raise typer.Exit(2) from exc
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            msg = f"port {port} on {host} is already in use (another server is running there)"
            fix = f"stop that server, or pass a free port, e.g. --port {port + 1}"
        elif exc.errno == errno.EACCES:
            msg = f"no permission to listen on port {port}"
            fix = "pass a port above 1023, e.g. --port 8000"
        else:
            msg = f"cannot listen on {host}:{port}: {exc.strerror}"
            fix = "check --host (an address of this machine) and --port"
        report_error("--port", msg, fix)
        raise typer.Exit(2) from exc


def proxy_options(trusted: list[str] | None) -> dict[str, Any]:
    """uvicorn's options for X-Forwarded-For.

    uvicorn believes the header by default when the peer is 127.0.0.1, so any local process
    (or a proxy passing the header through unchecked) could pick the address the rate limit
    counts. Off unless the operator names the proxy.
    """
    if not trusted:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": ",".join(trusted)}


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
