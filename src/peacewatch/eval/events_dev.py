"""Development sets for the PLOVER root coder: AW mapped to PLOVER roots, and the GSR records.

PLV_train.tsv is the held-out test set of the pair coder (see events_zsp.py); these two sets are
what the lexicon and the selection rules were developed on, so their figures are development
figures, not held-out ones.

- ``AW_train.tsv`` labels each sentence with the ACE / WikiEvents type of its trigger. Only the
  types whose PLOVER root is clear are mapped (below); the others (Life:Die, Movement, Personnel,
  Transaction, Business, ...) name no PLOVER act by themselves and are left out.
- ``PLOVER_GSR_CAMEO.txt`` (CC BY-SA 4.0) gives CAMEO manual examples with PLOVER 0.5 names and
  the source and target actor text; we mark the first occurrence of each as the pair.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from peacewatch.extract.events.pair import marked_spans

__all__ = ["AW_TO_PLOVER", "Item", "aw_items", "aw_root", "gsr_items", "marked_spans"]

# ACE 2005 (``A:B``) and WikiEvents (``A.B.C``) types -> ZSP PLOVER roots, after the CAMEO codes
# of CAMEO2PLOVER-2021.txt: attack 18x/19x -> ASSAULT; meet and phone 04x -> CONSULT (PLOVER modes
# visit, phone); arrest, detain and charge 173 and extradite/deport 174 -> COERCE; lawsuit 115 and
# investigate (PLOVER 0.5 INVESTIGATE, folded into ACCUSE) -> ACCUSE; demonstrate 141 -> PROTEST;
# release 0841 -> RETREAT (YIELD); threaten 13x -> THREATEN; request/command 10x -> REQUEST.
AW_TO_PLOVER = {
    "Conflict:Attack": "ASSAULT",
    "Conflict.Attack": "ASSAULT",
    "Contact:Meet": "CONSULT",
    "Contact.Contact.Meet": "CONSULT",
    "Contact:Phone-Write": "CONSULT",
    "Justice:Arrest-Jail": "COERCE",
    "Justice.ArrestJailDetain": "COERCE",
    "Justice:Charge-Indict": "COERCE",
    "Justice.ChargeIndict": "COERCE",
    "Justice:Extradite": "COERCE",
    "Justice:Sue": "ACCUSE",
    "Justice.InvestigateCrime": "ACCUSE",
    "Conflict:Demonstrate": "PROTEST",
    "Conflict.Demonstrate": "PROTEST",
    "Justice:Release-Parole": "YIELD",
    "Contact.ThreatenCoerce": "THREATEN",
    "Contact.RequestCommand": "REQUEST",
}

# PLOVER 0.5 names in the gold standard records -> the 15 ZSP roots.
GSR_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "CONCEDE": "YIELD",
    "RETREAT": "YIELD",
}

Item = tuple[str, dict[str, tuple[int, int]], str]  # plain text, s/t spans, gold root


def aw_root(event_type: str) -> str | None:
    """ZSP root of an ACE / WikiEvents type, or None where the mapping is not clear."""
    for key in (event_type, ".".join(event_type.split(".")[:2])):
        if key in AW_TO_PLOVER:
            return AW_TO_PLOVER[key]
    return None


def aw_items(path: Path) -> list[Item]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    items: list[Item] = []
    for r in rows:
        root = aw_root(r["event_type"])
        if root is None:
            continue
        text, spans = marked_spans(r["marked_sentence"])
        items.append((text, spans, root))
    return items


def gsr_items(path: Path) -> list[Item]:
    items: list[Item] = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if "text" not in rec:
            continue
        text = rec["text"]
        spans: dict[str, tuple[int, int]] = {}
        for key, field in (("s", "source"), ("t", "target")):
            actors = rec.get(field)
            for actor in actors if isinstance(actors, list) else []:
                at = text.find(str(actor.get("actorText", "")))
                if actor.get("actorText") and at >= 0:
                    spans[key] = (at, at + len(actor["actorText"]))
                    break
        items.append((text, spans, GSR_NAMES.get(rec["event"], rec["event"])))
    return items
