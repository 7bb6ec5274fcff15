"""PLOVER root type on the ZSP sentence sets (shared/eval/events/zsp).

PLV_train.tsv gives a sentence with its source and target marked and the gold PLOVER root
(15 classes; YIELD = CONCEDE or RETREAT). Three figures, none of them fitted on the data they
are measured on:

- ``rules``: the shipped pair coder (extract/events/pair.py: lexicon triggers over the parse,
  then broader lexicon words, then a default). Its lexicon and tiers were written from the
  PLOVER manual and the CAMEO codebook and developed on AW (mapped to PLOVER roots) and the
  PLOVER GSR records (events_dev.py), never on these sentences, so this is a held-out figure;
  during development PLV was scored in aggregate only (5 runs, none per sentence).
- ``classifier``: the shipped classifier alone (extract/events/classifier.py, trained on the
  NGEC-2025 synthetic stories by scripts/train_event_classifier.py; never on ZSP), held out.
- ``rules+classifier``: the shipped pair coder (classifier.decide): the rules, re-coded where
  the PLOVER codebook puts an act elsewhere (events/codebook.py), and the classifier where the
  rules are unsure. This is the figure ``--strict`` gates.
- ``tfidf-lr``: a plain TF-IDF logistic regression, 5-fold cross-validated on PLV (the baseline
  the events issue quotes, about 0.60 macro-F1).
- ``tfidf-lr+rules``: the same with the coder's trigger type as extra features, 5-fold CV.

The regression is trained here, at evaluation time, and never shipped: the ZSP files carry no
license, so no weights derived from them go into the repository. The PLOVER gold standard
records (plover-gsr, CC BY-SA 4.0) and AW_train.tsv with its ACE/WikiEvents types mapped to
PLOVER roots where the mapping is clear are scored with the same pair coder; they are the
development sets, so those figures are not held out.
"""

from __future__ import annotations

import csv
import itertools
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from peacewatch.eval.events_dev import Item, aw_items, gsr_items, marked_spans
from peacewatch.eval.events_linear import TfidfLogReg, folds
from peacewatch.extract.events.classifier import combine, e5_classifier, opinion
from peacewatch.extract.events.codebook import codebook_root
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.pair import pair_root_why

if TYPE_CHECKING:
    from spacy.language import Language

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
RULES_REGRESSION_FLOOR = 0.62
# The shipped coder (rules+codebook+classifier) on PLV, pinned just under its measured figure
# (0.753; dev / held out 0.787 / 0.715; docs/DECISIONS.md issue 16, H6 seventh session).
SHIPPED_FLOOR = 0.75
# The same with the optional extra ``e5`` installed (classifier.opinion reads the e5 model):
# measured 0.764 on PLV (dev / held out 0.788 / 0.738) with the codebook rules (0.693 before);
# docs/DECISIONS.md issue 16, H6 seventh session.
SHIPPED_FLOOR_E5 = 0.76
# The classifier's override margins (classifier.OVERRIDE_MARGIN) were tuned on the PLV rows that
# this seed puts in the first half ("dev"); the second half is held out and reported apart.
DEV_SEED = 16
DEV_TARGET = 0.75  # the events issue's `make eval` target for ZSP PLV


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def rule_types(nlp: Language, rows: Sequence[dict[str, str]]) -> list[str | None]:
    """The pair coder's root for the act between each row's marked source and target."""
    coded = _pair_roots(nlp, [marked_spans(r["marked_sentence"]) for r in rows])
    return [c[0] for c in coded]


def _pair_roots(
    nlp: Language, items: Sequence[tuple[str, Mapping[str, tuple[int, int]]]]
) -> list[tuple[str, str, str, str]]:
    """(rules' root, classifier's root, shipped root, rules' tier) of each item, one parse."""
    lex = lexicon()
    out = []
    for doc, (_, spans) in zip(nlp.pipe([t for t, _ in items], batch_size=64), items, strict=True):
        # As classifier.decide, with the classifier's answer kept for its own row.
        root, tier = pair_root_why(doc, spans, lex)
        proba, margins = opinion(doc, spans)
        clf = max(proba, key=proba.__getitem__)
        coded = codebook_root(doc, spans, root, lex)[0]
        out.append((root, clf, combine(coded, tier, proba, margins), tier))
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
        text, spans = marked_spans(r["marked_sentence"])
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


def _dev_lines(nlp: Language, title: str, items: Sequence[Item]) -> list[str]:
    gold = [g for _, _, g in items]
    coded = _pair_roots(nlp, [(t, sp) for t, sp, _ in items])
    lines = []
    for name, col in (("pair coder (rules)", 0), ("classifier", 1), ("rules+classifier", 2)):
        acc, _, per = _scores(gold, [c[col] for c in coded])
        present = [c for c in CLASSES if per[c][3]]
        macro = float(np.mean([per[c][2] for c in present]))
        if col == 0:
            lines.append(f"\n{title}: {len(items)} pairs, {len(present)} roots present")
        lines.append(
            f"  {name} (development set): accuracy {acc:.3f}, macro-F1 over the roots present "
            f"{macro:.3f}"
        )
        if col == 0:
            lines.append("  " + " ".join(f"{c}:{per[c][2]:.2f}/{per[c][3]}" for c in present))
    return lines


def dev_rows(n: int) -> set[int]:
    """The reproducible dev half of PLV (row indices) on which the override margins were tuned."""
    idx = list(range(n))
    random.Random(DEV_SEED).shuffle(idx)
    return set(idx[: n // 2])


def _split_lines(gold: Sequence[str], results: Mapping[str, Sequence[str | None]]) -> list[str]:
    dev = dev_rows(len(gold))
    lines = [f"\n  PLV halves (seed {DEV_SEED}): macro-F1 dev / held out"]
    for name in ("rules (held out)", "rules+classifier (shipped)"):
        pred = results[name]
        part = [
            _scores([gold[i] for i in ix], [pred[i] for i in ix])[1]
            for ix in (sorted(dev), [i for i in range(len(gold)) if i not in dev])
        ]
        lines.append(f"  {name:<28} {part[0]:.3f} / {part[1]:.3f}")
    return lines


def dev_error_lines(gold: Sequence[str], coded: Sequence[tuple[str, str, str, str]]) -> list[str]:
    """Where the shipped coder errs, on the dev half only (the held-out half is not looked at):
    per pair-coder tier, rows and how many the rules and the shipped coder get right; then the
    commonest gold -> shipped confusions. The error analysis of docs/DECISIONS.md (issue 16, H6,
    sixth session) reads these lines."""
    dev = sorted(dev_rows(len(gold)))
    by_tier: dict[str, list[int]] = {}
    for i in dev:
        by_tier.setdefault(coded[i][3], []).append(i)
    lines = ["\n  PLV dev half, shipped coder's errors by tier: rows, rules right, shipped right"]
    for tier, ix in sorted(by_tier.items(), key=lambda kv: -len(kv[1])):
        rules_ok = sum(coded[i][0] == gold[i] for i in ix)
        shipped_ok = sum(coded[i][2] == gold[i] for i in ix)
        lines.append(f"  {tier:<18} {len(ix):4d} {rules_ok:5d} {shipped_ok:5d}")
    confusions = Counter((gold[i], coded[i][2]) for i in dev if coded[i][2] != gold[i])
    top = ", ".join(f"{g}->{p} {n}" for (g, p), n in confusions.most_common(8))
    lines.append(f"  commonest confusions (gold->shipped): {top}")
    return lines


def run_zsp(data: Path, strict: bool) -> tuple[str, list[str]]:
    from peacewatch.parse.nlp import load

    zsp = data / "zsp" if (data / "zsp").is_dir() else data
    plv = _read(zsp / "PLV_train.tsv")
    plv = [r for r in plv if r.get("gold_root") in CLASSES]
    gold = [r["gold_root"] for r in plv]
    nlp = load()
    coded = _pair_roots(nlp, [marked_spans(r["marked_sentence"]) for r in plv])
    rules: list[str | None] = [c[0] for c in coded]
    results: dict[str, list[str | None]] = {
        "rules (held out)": rules,
        "classifier (held out)": [c[1] for c in coded],
        "rules+classifier (shipped)": [c[2] for c in coded],
        "tfidf-lr (5-fold CV)": _cv(_features(plv, None), gold),
        "tfidf-lr+rules (5-fold CV)": _cv(_features(plv, rules), gold),
    }
    with_e5 = e5_classifier() is not None
    floor = SHIPPED_FLOOR_E5 if with_e5 else SHIPPED_FLOOR
    lines = [f"ZSP PLV: {len(plv)} sentences, 15 PLOVER roots (YIELD = CONCEDE or RETREAT)"]
    lines.append(
        "  second opinion: "
        + ("e5 model (extra e5 installed)" if with_e5 else "TF-IDF + md vectors (no extra e5)")
    )
    lines.append(f"  {'system':<28} {'accuracy':>8} {'macro-F1':>8}  coverage")
    macro_by: dict[str, float] = {}
    per_by: dict[str, dict[str, tuple[float, float, float, int]]] = {}
    for name, pred in results.items():
        acc, macro, per = _scores(gold, pred)
        macro_by[name], per_by[name] = macro, per
        cover = sum(p is not None for p in pred) / len(pred)
        lines.append(f"  {name:<28} {acc:8.3f} {macro:8.3f}  {cover:.0%}")
    lines.extend(_split_lines(gold, results))
    lines.extend(dev_error_lines(gold, coded))
    best = "tfidf-lr+rules (5-fold CV)"
    lines.append(f"\n  per class ({best}; rules alone in brackets)")
    lines.append(f"  {'class':<10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}  {'(rules F1)':>10}")
    rule_f1 = per_by["rules (held out)"]
    for c in CLASSES:
        p, r, f1, n = per_by[best][c]
        lines.append(f"  {c:<10} {n:4d} {p:6.2f} {r:6.2f} {f1:6.2f}  ({rule_f1[c][2]:.2f})")
    aw_path = zsp / "AW_train.tsv"
    if aw_path.exists():
        title = "ZSP AW, ACE/WikiEvents types mapped to PLOVER roots"
        lines.extend(_dev_lines(nlp, title, aw_items(aw_path)))
    from peacewatch.eval.events_location import score_locations

    lines.extend(score_locations(nlp, data if (data / "event-location").is_dir() else zsp.parent))
    gsr = data / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if gsr.exists():
        lines.extend(_dev_lines(nlp, "PLOVER gold standard records", gsr_items(gsr)))
    shipped = macro_by["rules+classifier (shipped)"]
    rules_macro = macro_by["rules (held out)"]
    lines.append(
        f"\n  issue target macro-F1 {MACRO_F1_FLOOR} for the shipped coder: "
        + ("met" if shipped >= MACRO_F1_FLOOR else f"NOT met ({shipped:.3f})")
        + f"; dev target {DEV_TARGET}: "
        + ("met" if shipped >= DEV_TARGET else f"NOT met ({shipped:.3f})")
        + "; the CV rows train on ZSP, whose files carry no licence, so no such model ships"
    )
    failures = []
    # The gates are on what ships (rules+classifier) and on the rules alone, each pinned just
    # under its measured held-out figure, so that a regression fails `make eval`; the CV
    # figures are reported, not gated.
    if rules_macro < RULES_REGRESSION_FLOOR:
        failures.append(f"ZSP rules macro-F1 {rules_macro:.3f} below {RULES_REGRESSION_FLOOR}")
    if shipped < max(floor, MACRO_F1_FLOOR):
        failures.append(f"ZSP shipped coder macro-F1 {shipped:.3f} below {floor}")
    return "\n".join(lines), failures
