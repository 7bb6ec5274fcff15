"""The command line: thin typer commands over importable functions."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from peacewatch import __version__
from peacewatch.clean import iso_date
from peacewatch.ingest import MAX_BYTES, read_inputs
from peacewatch.records import InputError
from peacewatch.scale import Executor
from peacewatch.scale.options import ExecutorOpt, SchedulerOpt, WorkersOpt

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="peacewatch: news articles in, an evidence-linked record of peace negotiations out.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Score peacewatch on evaluation data.")
app.add_typer(eval_app, name="eval")

err = Console(stderr=True, highlight=False)


class Format(StrEnum):
    summary = "summary"
    json = "json"
    jsonl = "jsonl"


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


def report_error(source: str, message: str, fix: str) -> None:
    err.print(f"[bold red]error[/]: {source}: {message}. [dim]Fix:[/] {fix}.", soft_wrap=True)


@app.command()
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
    from peacewatch.nlp import ModelError, load
    from peacewatch.output import to_json
    from peacewatch.progress import progress_for
    from peacewatch.scale import Runner
    from peacewatch.summary import print_summary

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
            for _item, result in runner.run(inputs, published):
                progress.advance(task)
                processed += 1
                if isinstance(result, InputError):
                    failed += 1
                    report_error(result.source, result.message, result.fix)
                    continue
                if fmt is Format.summary:
                    print_summary(result, console)
                elif fmt is Format.jsonl:
                    out.write(json.dumps(to_json(result), ensure_ascii=False) + "\n")
                else:
                    done.append(to_json(result))
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


@eval_app.command("extraction")
def eval_extraction(
    data: Annotated[Path, typer.Option(help="AEB folder.")] = Path(
        "../shared/eval/extraction/aeb-dev"
    ),
    floor: Annotated[float | None, typer.Option(help="Fail below this body F1.")] = None,
) -> None:
    """Body extraction F1 (4-word shingles) on the Article Extraction Benchmark."""
    from peacewatch.eval.extraction import evaluate_aeb

    result = evaluate_aeb(data)
    typer.echo(result.table())
    if floor is not None and result.f1 < floor:
        report_error(
            "eval extraction",
            f"F1 {result.f1:.3f} is below the floor {floor}",
            "fix the regression",
        )
        raise typer.Exit(1)


@eval_app.command("reference")
def eval_reference(
    article: Annotated[Path, typer.Option(help="Reference article.")] = Path(
        "../shared/corpus/upi-2022-03-29-istanbul-talks.txt"
    ),
    gold: Annotated[Path, typer.Option(help="Its gold annotation.")] = Path(
        "../shared/gold/upi-2022-03-29-istanbul-talks.gold.json"
    ),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """Score body, boilerplate, entities and roles against the hand annotation."""
    from peacewatch.eval.reference import evaluate_reference

    result = evaluate_reference(article, gold)
    typer.echo(result.table())
    if strict and result.failures:
        for f in result.failures:
            report_error("eval reference", f, "fix the regression")
        raise typer.Exit(1)


def _run_eval(name: str, data: Path, strict: bool) -> None:
    import importlib

    module = importlib.import_module(f"peacewatch.eval.{name}")
    if not data.exists():
        report_error(f"eval {name}", f"no data at {data}", "pass --data, or check out ../shared")
        raise typer.Exit(2)
    table, failures = module.run(data, strict)
    typer.echo(table)
    if strict and failures:
        for f in failures:
            report_error(f"eval {name}", f, "fix the regression")
        raise typer.Exit(1)


@eval_app.command("quotes")
def eval_quotes(
    data: Annotated[Path, typer.Option(help="PolNeAR folder.")] = Path(
        "../shared/eval/quotes/polnear"
    ),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """Quote attribution on the PolNeAR dev split."""
    _run_eval("quotes", data, strict)


@eval_app.command("geo")
def eval_geo(
    data: Annotated[Path, typer.Option(help="Geoparsing eval folder.")] = Path(
        "../shared/eval/geo"
    ),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """Toponym recognition F1 and accuracy@161 km on GeoWebNews and LGL."""
    _run_eval("geo", data, strict)


@eval_app.command("events")
def eval_events(
    data: Annotated[Path, typer.Option(help="Events eval folder.")] = Path("../shared/eval/events"),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """PLOVER root type accuracy and macro-F1 (ZSP PLV/AW, PLOVER gold records)."""
    _run_eval("events", data, strict)


# Store commands (ingest, query, export) live in their own module; imported here, at the end,
# so that they register on the fully built app.
from peacewatch import cli_store  # noqa: E402

cli_store.register(app, eval_app)

from peacewatch import cli_api  # noqa: E402

cli_api.register(app)

from peacewatch import cli_negotiation  # noqa: E402

cli_negotiation.register(app, eval_app)

from peacewatch import cli_sources  # noqa: E402

cli_sources.register(app)

from peacewatch import cli_events  # noqa: E402

cli_events.register(app)

if __name__ == "__main__":  # pragma: no cover
    app()
