"""Coverage of the date stage on a corpus, and a sample to check by hand.

    python -m peacewatch.eval.dates ../shared/corpus/official-2022 --sample 30 --seed 1
    python -m peacewatch.eval.dates ../shared/corpus/official-2022 --sample 0 \
        --reference ../shared/corpus/upi-2022-03-29-istanbul-talks.txt \
        ../shared/gold/upi-2022-03-29-istanbul-talks.gold.json

Reads the corpus at run time (nothing of it is copied into the repository), runs clean -> parse
-> extract_dates on every article whose sidecar gives a publication date, and prints how many
expressions were found, how many resolved, by rule, and a random sample of resolved expressions
with their sentence, for a person to judge.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from peacewatch.clean import clean
from peacewatch.eval.gold import read_gold
from peacewatch.evidence import check_offsets
from peacewatch.extract.dates.stage import extract_dates
from peacewatch.parse.nlp import load, parse
from peacewatch.records import Document, RawInput, TimeExpression
from peacewatch.sources.files import read_inputs

if TYPE_CHECKING:
    from spacy.language import Language


def run_corpus(corpus: Path, nlp: Language | None = None) -> list[Document]:
    docs = []
    for item in read_inputs([str(corpus)]):
        if not isinstance(item, RawInput):
            continue
        doc = extract_dates(parse(clean(item), nlp or load()))
        check_offsets(doc)
        docs.append(doc)
    return docs


def context(doc: Document, t: TimeExpression, width: int = 90) -> str:
    text = doc.body.text
    left = text[max(0, t.start - width) : t.start].replace("\n", " ")
    right = text[t.end : t.end + width].replace("\n", " ")
    return f"…{left}[[{t.text}]]{right}…"


def report(docs: list[Document], sample: int, seed: int, exclude: tuple[str, ...] = ()) -> str:
    rules: Counter[str] = Counter()
    precisions: Counter[str] = Counter()
    resolved: list[tuple[Document, TimeExpression]] = []
    total = 0
    for doc in docs:
        for t in doc.dates:
            total += 1
            rules[t.rule] += 1
            precisions[t.precision] += 1
            if t.value is not None:
                resolved.append((doc, t))
    dated = sum(1 for d in docs if d.meta.published)
    lines = [
        f"articles {len(docs)} (with a publication date: {dated})",
        f"expressions {total}, resolved {len(resolved)}"
        + (f" ({len(resolved) / total:.0%})" if total else ""),
        "by rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()),
        "by precision: " + ", ".join(f"{p} {n}" for p, n in precisions.most_common()),
    ]
    rng = random.Random(seed)
    # ``exclude``: texts to leave out of the sample ("today" is most of what resolves in
    # speeches and is rarely wrong, so a sample without it says more about the other rules).
    pool = [(d, t) for d, t in resolved if t.text.lower() not in exclude]
    picked = rng.sample(pool, min(sample, len(pool)))
    for i, (doc, t) in enumerate(picked, 1):
        lines.append(
            f"{i:2d}. {doc.meta.id} published {doc.meta.published}: {t.text!r} -> {t.value} "
            f"({t.precision}, {t.rule})\n    {context(doc, t)}"
        )
    return "\n".join(lines)


def reference_check(article: Path, gold_path: Path, nlp: Language | None = None) -> list[str]:
    """For each gold event or quote with a day/month/year date, is that value among the dates
    our stage resolved in the sentence that states it? (Gold dates can also come from another
    sentence, so this is a floor on how often the stage gives later stages what they need.)"""
    gold = read_gold(gold_path)
    raw = next(i for i in read_inputs([str(article)]) if isinstance(i, RawInput))
    doc = extract_dates(parse(clean(raw, published=gold["published"]), nlp or load()))
    sentences = [
        (p.start + s.start_char, p.start + s.end_char)
        for p, pdoc in zip(doc.body.paragraphs, doc.parses, strict=True)
        for s in pdoc.sents
    ]
    lower = doc.body.text.lower()
    # (gold date, the text that states it): events, then quotes.
    stated = [(ev.get("date"), ev["evidence"]) for ev in gold.get("events", [])]
    stated += [(q.get("said_on"), q["contains"]) for q in gold.get("quotes", [])]
    lines, hits, total, dated = [], 0, 0, 0
    for want, where in stated:
        at = lower.find(where.lower())
        if not want or want.startswith("before") or at < 0:
            continue
        s, e = next(((a, b) for a, b in sentences if a <= at < b), (at, at + len(where)))
        got = [t.value for t in doc.dates if s <= t.start < e and t.value is not None]
        total += 1
        hits += want in got
        dated += bool(got)
        lines.append(f"  {'ok ' if want in got else 'MISS'} gold {want} resolved {got}")
    lines.insert(
        0,
        f"reference: {hits}/{total} gold dates resolved in their own sentence "
        f"({dated} of those sentences state a date at all)",
    )
    return lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--unresolved", action="store_true", help="list unresolved expressions")
    ap.add_argument("--reference", type=Path, nargs=2, metavar=("ARTICLE", "GOLD"))
    ap.add_argument("--exclude", nargs="*", default=[], help="texts to leave out of the sample")
    args = ap.parse_args(argv)
    if args.reference:
        print("\n".join(reference_check(*args.reference)))
    docs = run_corpus(args.corpus)
    print(report(docs, args.sample, args.seed, tuple(x.lower() for x in args.exclude)))
    if args.unresolved:
        for doc in docs:
            for t in doc.dates:
                if t.value is None:
                    print(f"  {t.rule:20} {t.text!r:35} {context(doc, t, 50)}")


if __name__ == "__main__":
    main()
