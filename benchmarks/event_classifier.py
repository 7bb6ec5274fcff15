"""Cost of the shipped event classifier: file size, load time, time per sentence.

    PYTHONPATH=src python benchmarks/event_classifier.py [TEXT_FILE]

Sentences are the tokenizer's (``nlp.make_doc``) of a text split on sentence punctuation; the
time per sentence is the classifier's alone (features + scores), as in ``classifier.decide``,
where the sentence is already parsed.
"""

from __future__ import annotations

import re
import sys
import time
from importlib import resources
from pathlib import Path

from peacewatch.extract.events import classifier as clf
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


if __name__ == "__main__":
    main()
