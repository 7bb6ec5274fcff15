"""``peacewatch eval``: score peacewatch on evaluation data (the gates of ``make eval``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peacewatch.cli.errors import report_error


def register(eval_app: typer.Typer) -> None:
    for name, command in (
        ("extraction", eval_extraction),
        ("reference", eval_reference),
        ("quotes", eval_quotes),
        ("geo", eval_geo),
        ("events", eval_events),
        ("core", eval_core),
        ("processes", eval_processes),
        ("record", eval_record),
    ):
        eval_app.command(name)(command)


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


def eval_reference(
    article: Annotated[Path, typer.Option(help="Reference article.", exists=True)] = Path(
        "../shared/corpus/upi-2022-03-29-istanbul-talks.txt"
    ),
    gold: Annotated[
        Path,
        typer.Option(help="Its gold annotation (a .gold.json file).", dir_okay=False, exists=True),
    ] = Path("../shared/gold/upi-2022-03-29-istanbul-talks.gold.json"),
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


def eval_quotes(
    data: Annotated[Path, typer.Option(help="PolNeAR folder.")] = Path(
        "../shared/eval/quotes/polnear"
    ),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """Quote attribution on the PolNeAR dev split."""
    _run_eval("quotes", data, strict)


def eval_geo(
    data: Annotated[Path, typer.Option(help="Geoparsing eval folder.")] = Path(
        "../shared/eval/geo"
    ),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """Toponym recognition F1 and accuracy@161 km on GeoWebNews and LGL."""
    _run_eval("geo", data, strict)


def eval_events(
    data: Annotated[Path, typer.Option(help="Events eval folder.")] = Path("../shared/eval/events"),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """PLOVER root type accuracy and macro-F1 (ZSP PLV/AW, PLOVER gold records)."""
    _run_eval("events", data, strict)


def eval_core(
    data: Annotated[
        Path, typer.Option(help="The corpus folder (official-2022, peace-processes-state).")
    ] = Path("../shared/corpus"),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """Recall and precision of the core events of 18 annotated releases (issue 16; dev and
    held-out reported apart)."""
    _run_eval("core_events", data, strict)


def eval_processes(
    data: Annotated[Path, typer.Option(help="The peace-processes-state corpus folder.")] = Path(
        "../shared/corpus/peace-processes-state"
    ),
    strict: Annotated[bool, typer.Option(help="Fail when a floor is missed.")] = False,
) -> None:
    """Parties, mediators, actors, rounds and speakers on our annotation of releases of the
    peace-processes-state corpus (eval/data/processes_sample.md; dev and held-out apart)."""
    _run_eval("processes", data, strict)


def eval_record(
    data: Annotated[Path, typer.Option(help="A corpus folder (or file).")] = Path(
        "../shared/corpus/official-2022"
    ),
    strict: Annotated[bool, typer.Option(help="Fail when a ceiling or floor is missed.")] = False,
) -> None:
    """The record as a user browses it, over a whole corpus: pronoun and unresolved actors,
    quotes without or with vague speakers, positions without party, parties named."""
    _run_eval("record", data, strict)
