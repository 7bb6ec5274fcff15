"""Where did the event happen? The place rule scored on shared/eval/events/event-location.

Halterman's "Geolocating Political Events in Text" data (MIT license) marks, per sentence, an
event verb and the location(s) where that event happened, or none. We score the gold-standard
part (``source: RELABEL``): for each marked verb the coder's place rule picks one of the places
spaCy finds in the sentence, or none; it is right when its name and a gold location contain one
another, or when both say none. The rule was written from the PLOVER manual and our own
sentences, never from this data, so the figure is held out.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast

from peacewatch.extract.events.args import EventClause, PlaceRef
from peacewatch.extract.events.lexicon import Code, lexicon
from peacewatch.extract.events.triggers import Cand

if TYPE_CHECKING:
    from spacy.language import Language

_NEUTRAL = Code("CONSULT", None, None)  # a verb outside the lexicon: no territory reading


class LabelSpan(TypedDict):
    label: str  # VERB, LOCATION, ...
    start: int
    end: int
    token_start: int
    token_end: int  # inclusive


class LabelToken(TypedDict):
    text: str


class LabelledSentence(TypedDict, total=False):
    """One line of ``labeled_text.jsonl`` (the fields read here)."""

    text: str
    source: str  # RELABEL: the gold-standard part
    spans: list[LabelSpan] | None
    tokens: list[LabelToken] | None


def _records(path: Path) -> list[LabelledSentence]:
    with zipfile.ZipFile(path) as z:
        rows = [json.loads(line) for line in z.open("labeled_text.jsonl")]
    flat = rows[0] if len(rows) == 1 and isinstance(rows[0], list) else rows
    return [
        cast(LabelledSentence, r)
        for r in flat
        if isinstance(r, dict) and r.get("source") == "RELABEL"
    ]


def score_locations(nlp: Language, data: Path) -> list[str]:
    path = data / "event-location" / "labeled_text.jsonl.zip"
    if not path.exists():
        return []
    lex = lexicon()
    records = _records(path)
    right = predicted = predicted_right = with_gold = found = scored = base = 0
    for rec, parsed in zip(records, nlp.pipe([r["text"] for r in records]), strict=True):
        spans = rec.get("spans") or []
        verbs = [s for s in spans if s["label"] == "VERB"]
        # Gold offsets are not always aligned with ``text`` in this release: compare the
        # location strings rebuilt from the gold tokens instead.
        toks = rec.get("tokens") or []
        gold = [
            " ".join(t["text"] for t in toks[s["token_start"] : s["token_end"] + 1]).lower()
            for s in spans
            if s["label"] == "LOCATION"
        ]
        if not verbs:
            continue
        span = parsed.char_span(verbs[0]["start"], verbs[0]["end"], alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        places = [
            PlaceRef(e.text, e.start_char, e.end_char, None, False, False)
            for e in parsed.ents
            if e.label_ in ("GPE", "LOC", "FAC")
        ]
        sent = tok.sent
        inside = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char]
        sentence = EventClause(sent, 0, inside, [], [], lex)
        code = lex.verbs.get(tok.lemma_.lower()) or lex.nouns.get(tok.lemma_.lower()) or _NEUTRAL
        args = sentence.arguments(Cand(tok, code, code.mode, [code.context or ""]))
        place = args.place
        if place is None and code.type in ("ASSAULT", "COERCE", "MOBILIZE"):
            place = sentence.lone_place()
        name = place.name.lower().removeprefix("the ") if place else ""
        hit = place is not None and any(name in g or g in name for g in gold if g)
        scored += 1
        # Baseline: the first place named in the sentence, as a bag-of-places geocoder does.
        first = inside[0].name.lower().removeprefix("the ") if inside else ""
        base += int(any(first in g or g in first for g in gold if g) if first else not gold)
        right += int(hit or (place is None and not gold))
        predicted += int(place is not None)
        predicted_right += int(hit)
        with_gold += int(bool(gold))
        found += int(hit)
    n = max(scored, 1)
    return [
        f"\nEvent location (Halterman, RELABEL gold, {scored} verbs; places from spaCy): "
        f"accuracy {right / n:.3f}, precision {predicted_right / max(predicted, 1):.3f} "
        f"({predicted} placed), recall {found / max(with_gold, 1):.3f} ({with_gold} with a place)",
        f"  baseline, first place in the sentence: accuracy {base / n:.3f}",
    ]
