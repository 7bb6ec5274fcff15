"""``peacewatch search TEXT``: full-text search of a store, thin over store/search.py (the
function behind ``GET /api/search``)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from peacewatch.cli.errors import report_error
from peacewatch.cli.store import DbOption, _open
from peacewatch.store.db import DEFAULT_DB


class SearchKindOpt(StrEnum):
    """store.search.KINDS as a CLI choice."""

    all = "all"
    documents = "documents"
    quotes = "quotes"
    positions = "positions"


def search(
    text: Annotated[str, typer.Argument(help='Words, "a phrase", word*, a OR b, -word.')],
    db: DbOption = DEFAULT_DB,
    kind: Annotated[SearchKindOpt, typer.Option(help="What to search.")] = SearchKindOpt.all,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="Most rows to print.")] = 20,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per match.")] = False,
) -> None:
    """Search document bodies, quotes and positions, newest first; matches between « »."""
    from peacewatch.store.search import SearchSyntaxError
    from peacewatch.store.search import search as run

    with _open(db, "search") as store, store.engine.connect() as conn:
        try:
            found = run(conn, text, kind.value, limit)
        except SearchSyntaxError as exc:
            report_error("TEXT", exc.message, exc.fix)
            raise typer.Exit(2) from exc
    if jsonl:
        for r in found.rows:
            typer.echo(json.dumps(r, default=str, ensure_ascii=False))
        return
    table = Table("kind", "date", "id", "title", "who", "snippet", show_lines=False)
    for r in found.rows:
        who = r.get("speaker") or r.get("party") or ""
        table.add_row(r["kind"], str(r["date"] or ""), r["id"], r["title"] or "", who, r["snippet"])
    Console().print(table)
    more = "+" if not found.total_exact else ""
    typer.echo(f"{len(found.rows)} of {found.total}{more} matches")


def register(app: typer.Typer) -> None:
    app.command("search")(search)
