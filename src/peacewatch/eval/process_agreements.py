"""Agreements with the right stage on our processes annotation (issue #14), dev and held-out.

An annotated agreement (eval/data/processes_sample.json, ``agreements``) is *found* when an
extracted agreement's evidence overlaps the annotation's key in the release, and its stage is
*right* when that agreement's PA-X stage code is the code of the annotated stage (the
annotation's stage names are PA-X's stages spelled out; the two ceasefire kinds are both
"Cea", a framework and a declaration of principles both "SubPar", as lexicons/round_words.json
maps the extracted kinds). Printed apart from ``peacewatch eval processes`` (whose table
belongs to parties and mediators) with ``python -m peacewatch.eval.process_agreements``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Final, TypedDict

from peacewatch.eval.processes import ANNOTATION
from peacewatch.records import Document
from peacewatch.vocab import PaxStage

# The annotation's stage (processes_sample.md "agreements") -> the PA-X stage code.
PAX_OF_STAGE: Final[dict[str, PaxStage]] = {
    "pre_negotiation": "Pre",
    "ceasefire": "Cea",
    "cessation_of_hostilities": "Cea",
    "framework": "SubPar",
    "declaration_of_principles": "SubPar",
    "comprehensive": "SubComp",
    "implementation": "Imp",
    "renewal": "Ren",
}


class _Agreement(TypedDict):
    name: str
    stage: str
    key: str


class _Doc(TypedDict):
    id: str
    split: str
    batch: int
    agreements: list[_Agreement]


def stage_score(pairs: Iterable[tuple[_Doc, Document]]) -> tuple[int, int, int]:
    """(found, stage right, annotated) over the annotated agreements of ``pairs``."""
    found = right = total = 0
    for g, doc in pairs:
        text = doc.body.text
        for a in g["agreements"]:
            total += 1
            at = text.find(a["key"])
            if at < 0:
                continue
            end = at + len(a["key"])
            hits = [
                x
                for x in doc.negotiation.agreements
                if any(e.start < end and at < e.end for e in x.evidence)
            ]
            found += bool(hits)
            right += any(x.pax_stage == PAX_OF_STAGE.get(a["stage"]) for x in hits)
    return found, right, total


def run(data: Path) -> str:
    from peacewatch.parse.nlp import load
    from peacewatch.pipeline import analyze
    from peacewatch.records import RawInput
    from peacewatch.sources.files import read_path

    gold: list[_Doc] = json.loads(ANNOTATION.read_text(encoding="utf-8"))["documents"]
    nlp = load()
    pairs = [
        (g, analyze(raw, nlp=nlp))
        for g in gold
        if g["agreements"]
        for raw in read_path(data / f"{g['id']}.txt")
        if isinstance(raw, RawInput)
    ]
    lines = ["split                 found   stage right"]
    for name, part in (("dev", "dev"), ("heldout", "heldout")):
        f, r, n = stage_score(p for p in pairs if p[0]["split"] == part)
        lines.append(f"{name:<20} {f:>3}/{n:<3}   {r:>3}/{n:<3} ({100 * r // max(n, 1)}%)")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a report, run by hand
    default = Path(__file__).resolve().parents[3].parent / "shared/corpus/peace-processes-state"
    print(run(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
