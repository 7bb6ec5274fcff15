"""``peacewatch negotiation`` (the state of a track, from the store) and ``eval negotiation``.

Registered on the main app by ``register(app, eval_app)``, like cli_store. The track is built
from the stored JSON of each document (store/load.py), not by re-analysing the articles.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from peacewatch.cli.errors import report_error
from peacewatch.cli.store import DbOption, SinceOpt, UntilOpt, _day, _open
from peacewatch.store.db import DEFAULT_DB


class TrackFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def negotiation(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[TrackFormat, typer.Option("--format", "-f")] = TrackFormat.text,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """The state of the negotiation track in the store: rounds, positions over time, what
    moved, commitments and the later events that test them; each claim marked reported,
    corroborated, contested or denied, each line linked to its source sentence."""
    from peacewatch.corpus.negotiation import Sourced, track_state
    from peacewatch.corpus.render import render
    from peacewatch.store.load import load_documents

    lo, hi = _day(since, "--since"), _day(until, "--until")
    with _open(db, "negotiation") as store:
        stored = load_documents(store.engine, lo, hi)
    state = track_state([Sourced(s.doc, s.source) for s in stored])
    if fmt is TrackFormat.json:
        typer.echo(json.dumps(state, ensure_ascii=False, indent=2))
    else:
        typer.echo(render(state, markdown=fmt is TrackFormat.markdown), nl=False)


def eval_negotiation(
    data: Annotated[Path, typer.Option(help="The official-2022 corpus folder.")] = Path(
        "../shared/corpus/official-2022"
    ),
    annotation: Annotated[
        Path | None, typer.Option(help="Annotation JSON (default: the packaged sample).")
    ] = None,
    sample_only: Annotated[
        bool, typer.Option(help="Analyse only the annotated releases (the brief check too).")
    ] = False,
    strict: Annotated[bool, typer.Option(help="Fail when a check fails.")] = False,
) -> None:
    """Rounds and positions on a hand-annotated sample of the 2022 official releases, and the
    rounds the brief of the whole corpus lists."""
    from peacewatch.eval.negotiation_corpus import run

    if not data.exists():
        report_error(
            "eval negotiation", f"no data at {data}", "pass --data, or check out ../shared"
        )
        raise typer.Exit(2)
    table, failures = run(data, strict, annotation, sample_only)
    typer.echo(table)
    if strict and failures:
        for f in failures:
            report_error("eval negotiation", f, "fix the regression")
        raise typer.Exit(1)


def register(app: typer.Typer, eval_app: typer.Typer | None = None) -> None:
    app.command("negotiation")(negotiation)
    if eval_app is not None:
        eval_app.command("negotiation")(eval_negotiation)
