"""The command line: thin typer commands over importable functions.

Each command lives in the module of its subject (``analyze``, ``store``, ``negotiation``,
``sources``, ``api``, ``events``, ``eval``) and registers itself on the app built here; all of
them report errors through ``cli.errors.report_error``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from peacewatch import __version__
from peacewatch.cli import analyze, api, eval, events, negotiation, search, sources, store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="peacewatch: news articles in, an evidence-linked record of peace negotiations out.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Score peacewatch on evaluation data.")
app.add_typer(eval_app, name="eval")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"peacewatch {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """peacewatch command line."""


analyze.register(app)
eval.register(eval_app)
store.register(app, eval_app)
api.register(app)
negotiation.register(app, eval_app)
sources.register(app)
events.register(app)
search.register(app)
