"""``peacewatch analyze``: articles in, a summary, one JSON document or JSON Lines out."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from peacewatch.clean import iso_date
from peacewatch.cli.errors import err, report_error
from peacewatch.scale import Executor
from peacewatch.scale.options import ExecutorOpt, SchedulerOpt, WorkersOpt
from peacewatch.sources.files import MAX_BYTES, read_inputs


class Format(StrEnum):
    summary = "summary"
    json = "json"
    jsonl = "jsonl"


def register(app: typer.Typer) -> None:
    app.command()(analyze)


def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .jsonl, .warc, .arc, .rss, .atom; optionally .gz),"
            " directories, feed URLs, or - for stdin."
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD); overrides the article's metadata."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.summary,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest input accepted, in bytes.")] = MAX_BYTES,
    executor: ExecutorOpt = Executor.local,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Analyse articles and print a summary, one JSON document, or JSON Lines.

    The exit code is the number of inputs that failed (at most 100); 0 when all succeeded.
    """
    from peacewatch.cli.progress import progress_for
    from peacewatch.cli.summary import print_summary
    from peacewatch.parse.nlp import ModelError, load
    from peacewatch.pipeline import Failed
    from peacewatch.scale import Runner
    from peacewatch.serialize import to_json

    if published is not None and iso_date(published) is None:
        report_error("--published", f"{published!r} is not a date", "write it as YYYY-MM-DD")
        raise typer.Exit(2)
    try:
        load()  # fail early (exit 3) when the model is missing; cached for --executor local
    except ModelError as exc:
        report_error("model", str(exc.args[0]), str(exc.args[1]))
        raise typer.Exit(3) from exc

    out: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    console = Console(file=out, highlight=False, soft_wrap=True)
    failed = processed = 0
    done: list[dict[str, object]] = []
    try:
        with progress_for(err) as progress, Runner(executor, workers, scheduler) as runner:
            task = progress.add_task("analysing", total=None)
            inputs = read_inputs(
                paths,
                stdin=sys.stdin.buffer,
                max_bytes=max_bytes,
                exclude=frozenset({output.resolve()}) if output else frozenset(),
            )
            for result in runner.run(inputs, published):
                progress.advance(task)
                processed += 1
                if isinstance(result, Failed):
                    failed += 1
                    report_error(result.source, result.message, result.fix)
                    continue
                if fmt is Format.summary:
                    print_summary(result.doc, console)
                elif fmt is Format.jsonl:
                    out.write(json.dumps(to_json(result.doc), ensure_ascii=False) + "\n")
                else:
                    done.append(to_json(result.doc))
        if fmt is Format.json and done:
            data: object = done[0] if len(done) == 1 else done
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    finally:
        if output:
            out.close()
    if failed:
        err.print(f"{failed} input(s) failed", highlight=False)
    err.print(f"analyze: {processed} processed, {processed - failed} analysed, {failed} failed")
    raise typer.Exit(min(failed, 100))
