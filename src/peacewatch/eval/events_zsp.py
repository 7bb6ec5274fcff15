"""PLOVER root type on the ZSP sentence sets (shared/eval/events/zsp).

PLV_train.tsv gives a sentence with its source and target marked and the gold PLOVER root
(15 classes; YIELD = CONCEDE or RETREAT). Three figures, none of them fitted on the data they
are measured on:

- ``rules``: the shipped coder (lexicon triggers over the parse). Its lexicon was written from
  the PLOVER manual, never from these sentences, so this is a held-out figure.
- ``tfidf-lr``: a plain TF-IDF logistic regression, 5-fold cross-validated on PLV (the baseline
  the events issue quotes, about 0.60 macro-F1).
- ``tfidf-lr+rules``: the same with the coder's trigger type as extra features, 5-fold CV.

The regression is trained here, at evaluation time, and never shipped: the ZSP files carry no
license, so no weights derived from them go into the repository. The PLOVER gold standard
records (plover-gsr, CC BY-SA 4.0) are scored the same way; they served as the development set
of the lexicon, so that figure is not held out. AW_train.tsv has ACE/WikiEvents types, not
PLOVER roots; for it we report how often the coder finds an event where the gold says there is
one (``gold_binary``).
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from peacewatch.eval.events_linear import TfidfLogReg, folds
from peacewatch.extract.events_lex import lexicon
from peacewatch.extract.events_triggers import find_triggers

CLASSES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "YIELD",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
MACRO_F1_FLOOR = 0.62
RULES_REGRESSION_FLOOR = 0.55
_TAG = re.compile(r"</?[st]>")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _spans(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """Plain sentence and the char spans of <s>source</s> and <t>target</t>."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    pos = 0
    for m in _TAG.finditer(marked):
        out.append(marked[pos : m.start()])
        here = sum(len(x) for x in out)
        tag = m.group(0)
        if tag.startswith("</"):
            spans[tag[2]] = (opened.pop(tag[2], here), here)
        else:
            opened[tag[1]] = here
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def _root(cand: Any) -> str:
    """ZSP root of a coded trigger: PLOVER's intent rule, then YIELD = CONCEDE or RETREAT."""
    type_ = lexicon().plover_root(cand.type, cand.modality)
    return "YIELD" if type_ in ("CONCEDE", "RETREAT") else type_


def rule_types(nlp: Any, rows: Sequence[dict[str, str]]) -> list[str | None]:
    """The coder's type for the event between each row's source and target (None: no event)."""
    lex = lexicon()
    plain = [_spans(r["marked_sentence"]) for r in rows]
    out: list[str | None] = []
    for (_text, spans), parsed in zip(
        plain, nlp.pipe([t for t, _ in plain], batch_size=64), strict=True
    ):
        best: tuple[int, int, str] | None = None
        for sent in parsed.sents:
            for cand in find_triggers(sent, lex):
                sub = cand.tok.subtree
                lo, hi = next(iter(sub)).idx, 0
                for t in cand.tok.subtree:
                    hi = max(hi, t.idx + len(t))
                    lo = min(lo, t.idx)
                score = 0
                for key in ("s", "t"):
                    if key in spans and lo <= spans[key][0] and spans[key][1] <= hi:
                        score += 2
                if "s" in spans and "t" in spans:
                    a, b = sorted((spans["s"][0], spans["t"][0]))
                    score += int(a <= cand.tok.idx <= b)
                dist = abs(cand.tok.idx - spans.get("s", (0, 0))[0])
                if best is None or (score, -dist) > (best[0], best[1]):
                    best = (score, -dist, _root(cand))
        out.append(best[2] if best else None)
    return out


def _scores(
    gold: Sequence[str], pred: Sequence[str | None]
) -> tuple[float, float, dict[str, tuple[float, float, float, int]]]:
    per: dict[str, tuple[float, float, float, int]] = {}
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[c] = (prec, rec, f1, tp + fn)
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold)
    macro = float(np.mean([per[c][2] for c in CLASSES]))
    return acc, macro, per


def _features(
    rows: Sequence[dict[str, str]], rules: Sequence[str | None] | None
) -> list[list[str]]:
    docs: list[list[str]] = []
    for i, r in enumerate(rows):
        text, spans = _spans(r["marked_sentence"])
        words = re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())
        feats = words + [f"{a}_{b}" for a, b in itertools.pairwise(words)]
        if "s" in spans and "t" in spans:
            a, b = sorted((spans["s"][1], spans["t"][0]))
            feats += ["B:" + w for w in re.findall(r"[a-z]+", text[a:b].lower())]
        if rules is not None:
            # Repeated so the rule's vote weighs like a few words, not like one rare bigram.
            feats += [f"RULE:{rules[i]}"] * 3
        docs.append(feats)
    return docs


def _cv(docs: list[list[str]], gold: list[str], k: int = 5) -> list[str | None]:
    pred: list[str | None] = [None] * len(gold)
    for train, test in folds(len(gold), k):
        model = TfidfLogReg(CLASSES).fit([docs[i] for i in train], [gold[i] for i in train])
        for i, p in zip(test, model.predict([docs[i] for i in test]), strict=True):
            pred[i] = p
    return pred


# PLOVER 0.5 names in the gold standard records -> the 15 ZSP roots.
_GSR_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "CONCEDE": "YIELD",
    "RETREAT": "YIELD",
}


def _gsr(nlp: Any, path: Path) -> list[str]:
    """Root type of the PLOVER gold standard records (CAMEO manual examples), rules only."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if "text" in r]
    gold = [_GSR_NAMES.get(r["event"], r["event"]) for r in records]
    lex = lexicon()
    pred: list[str | None] = []
    for rec, parsed in zip(records, nlp.pipe([r["text"] for r in records]), strict=True):
        words = set(str(rec.get("eventText", "")).lower().split())
        cands = [c for sent in parsed.sents for c in find_triggers(sent, lex)]
        named = [c for c in cands if c.tok.lower_ in words] or cands
        pred.append(_root(named[0]) if named else None)
    keep = [i for i, g in enumerate(gold) if g in CLASSES]
    acc, macro, _ = _scores([gold[i] for i in keep], [pred[i] for i in keep])
    cover = sum(pred[i] is not None for i in keep) / len(keep)
    return [
        f"\nPLOVER gold standard records: {len(keep)} events, rules (development set): "
        f"accuracy {acc:.3f}, macro-F1 {macro:.3f}, an event found for {cover:.0%}"
    ]


def run_zsp(data: Path, strict: bool) -> tuple[str, list[str]]:
    from peacewatch.nlp import load

    zsp = data / "zsp" if (data / "zsp").is_dir() else data
    plv = _read(zsp / "PLV_train.tsv")
    plv = [r for r in plv if r.get("gold_root") in CLASSES]
    gold = [r["gold_root"] for r in plv]
    nlp = load()
    rules = rule_types(nlp, plv)
    results = {
        "rules (held out)": rules,
        "tfidf-lr (5-fold CV)": _cv(_features(plv, None), gold),
        "tfidf-lr+rules (5-fold CV)": _cv(_features(plv, rules), gold),
    }
    lines = [f"ZSP PLV: {len(plv)} sentences, 15 PLOVER roots (YIELD = CONCEDE or RETREAT)"]
    lines.append(f"  {'system':<28} {'accuracy':>8} {'macro-F1':>8}  coverage")
    macro_by: dict[str, float] = {}
    per_by: dict[str, dict[str, tuple[float, float, float, int]]] = {}
    for name, pred in results.items():
        acc, macro, per = _scores(gold, pred)
        macro_by[name], per_by[name] = macro, per
        cover = sum(p is not None for p in pred) / len(pred)
        lines.append(f"  {name:<28} {acc:8.3f} {macro:8.3f}  {cover:.0%}")
    fired = [(g, p) for g, p in zip(gold, rules, strict=True) if p is not None]
    if fired:
        right = sum(1 for g, p in fired if g == p)
        lines.append(f"  rules accuracy where they fire: {right / len(fired):.3f} ({len(fired)})")
    best = "tfidf-lr+rules (5-fold CV)"
    lines.append(f"\n  per class ({best}; rules alone in brackets)")
    lines.append(f"  {'class':<10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}  {'(rules F1)':>10}")
    rule_f1 = per_by["rules (held out)"]
    for c in CLASSES:
        p, r, f1, n = per_by[best][c]
        lines.append(f"  {c:<10} {n:4d} {p:6.2f} {r:6.2f} {f1:6.2f}  ({rule_f1[c][2]:.2f})")
    aw_path = zsp / "AW_train.tsv"
    if aw_path.exists():
        aw = _read(aw_path)
        found = rule_types(nlp, aw)
        pos = [f is not None for f, r in zip(found, aw, strict=True) if r["gold_binary"] == "1"]
        neg = [f is not None for f, r in zip(found, aw, strict=True) if r["gold_binary"] == "0"]
        lines.append(
            f"\nZSP AW (ACE/WikiEvents, no PLOVER roots): an event found in "
            f"{np.mean(pos):.0%} of {len(pos)} sentences with one, "
            f"{np.mean(neg):.0%} of {len(neg)} without"
        )
        top = Counter(found).most_common(5)
        lines.append("  types found: " + ", ".join(f"{t}:{n}" for t, n in top))
    from peacewatch.eval.events_location import score_locations

    lines.extend(score_locations(nlp, data if (data / "event-location").is_dir() else zsp.parent))
    gsr = data / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if gsr.exists():
        lines.extend(_gsr(nlp, gsr))
    shipped = macro_by["rules (held out)"]
    lines.append(
        f"\n  issue target macro-F1 {MACRO_F1_FLOOR} for the shipped coder: "
        + ("met" if shipped >= MACRO_F1_FLOOR else f"NOT met (rules {shipped:.3f})")
        + "; the CV rows train on ZSP, whose files carry no licence, so no such model ships"
    )
    failures = []
    # The gate is on what ships (the rules), pinned just under the measured 0.565 so that a
    # regression fails `make eval`; the CV figures are reported, not gated.
    if shipped < RULES_REGRESSION_FLOOR:
        failures.append(f"ZSP rules macro-F1 {shipped:.3f} below {RULES_REGRESSION_FLOOR}")
    return "\n".join(lines), failures
