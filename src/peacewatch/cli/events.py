"""``peacewatch code-pair``: the PLOVER root of the act between two marked actors.

Users of actor-pair event data (POLECAT, GDELT, ICEWS re-coding) already know who the source
and target are and want the act between them; this is the task of the ZSP benchmark, which
``make eval`` scores (extract/events/pair.py). Registered on the main app by ``register(app)``.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from peacewatch.cli.errors import report_error


def register(app: typer.Typer) -> None:
    app.command("code-pair")(code_pair)


def code_pair(
    sentence: Annotated[
        str,
        typer.Argument(help="One sentence with the source in <s>…</s> and the target in <t>…</t>."),
    ],
) -> None:
    """Print the PLOVER root of the act between <s>source</s> and <t>target</t> as JSON."""
    from peacewatch.extract.events.classifier import decide
    from peacewatch.extract.events.lexicon import lexicon
    from peacewatch.extract.events.pair import marked_spans
    from peacewatch.parse.nlp import ModelError, load

    text, spans = marked_spans(sentence)
    if "s" not in spans or "t" not in spans:
        report_error(
            "code-pair",
            "the sentence must mark both actors",
            "wrap the source in <s>…</s> and the target in <t>…</t>",
        )
        raise typer.Exit(2)
    try:
        nlp = load()
    except ModelError as exc:
        report_error("model", str(exc.args[0]), str(exc.args[1]))
        raise typer.Exit(3) from exc
    root, tier = decide(nlp(text), spans, lexicon())
    out = {
        "root": root,
        "decided_by": tier,
        "source": {"text": text[slice(*spans["s"])], "start": spans["s"][0], "end": spans["s"][1]},
        "target": {"text": text[slice(*spans["t"])], "start": spans["t"][0], "end": spans["t"][1]},
        "sentence": text,
    }
    typer.echo(json.dumps(out, ensure_ascii=False))
