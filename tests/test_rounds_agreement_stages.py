"""The agreements-with-the-right-stage measure (eval/process_agreements.py) on our annotation."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any, cast, get_args

from spacy.language import Language

from peacewatch.eval.process_agreements import PAX_OF_STAGE, stage_score
from peacewatch.eval.processes import ANNOTATION
from peacewatch.pipeline import analyze
from peacewatch.records import Agreement, Document, Evidence, RawInput
from peacewatch.vocab import PaxStage


def test_every_annotated_stage_has_a_pax_code() -> None:
    docs = json.loads(ANNOTATION.read_text(encoding="utf-8"))["documents"]
    stages = {a["stage"] for d in docs for a in d["agreements"]}
    assert stages <= set(PAX_OF_STAGE), stages - set(PAX_OF_STAGE)
    assert set(PAX_OF_STAGE.values()) <= set(get_args(PaxStage))


def _doc(text: str, agreements: list[Agreement]) -> Document:
    ns = SimpleNamespace(
        body=SimpleNamespace(text=text), negotiation=SimpleNamespace(agreements=agreements)
    )
    return cast(Document, ns)


def test_found_and_stage_right_need_overlap_and_same_code() -> None:
    text = "They welcomed the ceasefire agreement and a framework for talks."
    at = text.find("ceasefire agreement")
    cea = Agreement(
        kind="ceasefire", evidence=(Evidence("ceasefire agreement", at, at + 19),), pax_stage="Cea"
    )
    gold: Any = {
        "id": "x",
        "split": "dev",
        "batch": 1,
        "agreements": [
            {"name": "c", "stage": "cessation_of_hostilities", "key": "the ceasefire agreement"},
            {"name": "f", "stage": "framework", "key": "a framework for talks"},
            {"name": "m", "stage": "comprehensive", "key": "not in the text"},
        ],
    }
    assert stage_score([(gold, _doc(text, [cea]))]) == (1, 1, 3)
    wrong = Agreement(kind="peace agreement", evidence=cea.evidence, pax_stage="SubComp")
    assert stage_score([(gold, _doc(text, [wrong]))]) == (1, 0, 3)


def test_a_peace_agreement_is_the_comprehensive_stage(nlp: Language) -> None:
    text = (
        "The envoy urged all parties to implement the revitalized peace agreement in full. "
        "The talks on a grain deal continue."
    )
    raw = RawInput(id="t", source="t.txt", data=text, content_type="text", published="2022-05-02")
    agreements = analyze(raw, nlp=nlp).negotiation.agreements
    assert [(a.kind, a.pax_stage) for a in agreements if "peace" in a.kind] == [
        ("peace agreement", "SubComp")
    ]


def _rounds(nlp: Language, text: str) -> list[tuple[str | None, str | None]]:
    raw = RawInput(id="t", source="t.txt", data=text, content_type="text", published="2021-07-19")
    return [(r.place, r.status) for r in analyze(raw, nlp=nlp).negotiation.rounds]


def test_talks_with_a_held_participle_were_held(nlp: Language) -> None:
    tail = "between the Afghan government and the Taliban in Doha."
    held = f"The United States welcomes the talks held July 17-18 {tail}"
    assert ("Doha", "held") in _rounds(nlp, held)
    later = f"The United States welcomes the talks to be held July 27-28 {tail}"
    assert ("Doha", "held") not in _rounds(nlp, later)
