"""``peacewatch serve``: the web API and UI over a store, with uvicorn.

Registered on the main app by ``register(app)``, like the store commands.
"""

from __future__ import annotations

from typing import Annotated

import typer

from peacewatch.cli.errors import report_error
from peacewatch.cli.store import DbOption


def serve(
    db: DbOption = "peacewatch.db",
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    rate: Annotated[
        int, typer.Option(help="Requests a minute per client address (0: no limit).")
    ] = 600,
) -> None:
    """Serve the JSON API (/api, spec at /api/openapi.json) and the web UI; Ctrl-C stops it.

    Read-only unless PEACEWATCH_API_TOKEN is set; CORS off unless PEACEWATCH_CORS_ORIGINS
    lists origins (comma-separated).
    """
    import uvicorn
    from sqlalchemy.exc import OperationalError

    from peacewatch.api import Settings, create_app
    from peacewatch.store import Store

    try:
        store = Store(db)  # creates or migrates the schema, so a new store serves empty lists
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
    app = create_app(Settings.from_env(db, rate_per_minute=rate))
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    # stdout: the address is what a caller (make run) needs; everything else goes to stderr.
    print(f"peacewatch UI: http://{shown}:{port}/  (API: /api, Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
