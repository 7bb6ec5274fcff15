"""The shipped event classifier (extract/events/classifier.py) and its training code
(scripts/train_event_classifier.py), on sentences written for these tests (no evaluation or
training text)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from peacewatch.extract.events.classifier import (
    YIELD_OF,
    EventClassifier,
    classifier,
    decide,
    from_arrays,
    words,
    zsp_proba,
)
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.pair import marked_spans, pair_root_why
from train_script import train_script


def test_the_shipped_model_loads_without_pickle_and_is_small() -> None:
    model = classifier()
    assert len(model.classes) == 16 and "CONCEDE" in model.classes
    assert model.w_terms.shape == (len(model.vocab), 16)
    path = Path(__file__).resolve().parents[1] / "src/peacewatch/lexicons/event_classifier.npz"
    assert path.stat().st_size < 5_000_000


def test_probabilities_fold_concede_and_retreat_into_yield(nlp: Language) -> None:
    doc = nlp.make_doc("Soldiers fired rockets at a village near the border.")
    full = classifier().proba(doc)
    assert sum(full.values()) == pytest.approx(1.0)
    zsp = zsp_proba(doc)
    assert "YIELD" in zsp and "CONCEDE" not in zsp and len(zsp) == 15
    assert zsp["YIELD"] == pytest.approx(sum(full[c] for c in YIELD_OF))


@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("Thousands of teachers marched through the capital demanding higher pay.", "PROTEST"),
        ("Militants fired rockets and mortars at an army base overnight.", "ASSAULT"),
        ("The government froze the assets of five banks and banned their exports.", "SANCTION"),
    ],
)
def test_clear_sentences_get_their_root(nlp: Language, sentence: str, root: str) -> None:
    proba = zsp_proba(nlp.make_doc(sentence))
    assert max(proba, key=proba.__getitem__) == root


def test_the_classifier_decides_only_where_the_rules_fall_to_the_default(nlp: Language) -> None:
    lex = lexicon()
    text, spans = marked_spans("<s>Anna</s> is taller than <t>Boris</t>.")
    assert pair_root_why(nlp(text), spans, lex)[1] == "default"
    assert decide(nlp(text), spans, lex)[1] == "classifier"
    text, spans = marked_spans("<s>Police</s> arrested <t>two journalists</t> on Friday.")
    assert decide(nlp(text), spans, lex) == pair_root_why(nlp(text), spans, lex)


def test_training_is_deterministic_and_round_trips(nlp: Language, tmp_path: Path) -> None:
    train = train_script()
    rows = [
        {"label": lab, "prompt": f"{head}\n\n(AP) --", "text": body}
        for lab, head, body in [
            ("ASSAULT", "Rebels shell town", "Rebels shelled the town. Nobody knows why."),
            ("ASSAULT", "Gunmen shell a base", "Gunmen shelled the base at dawn."),
            ("CONSULT", "Envoys meet in Oslo", "The envoys met in Oslo for talks. It rained."),
            ("CONSULT", "Ministers meet for talks", "The ministers met for talks on Monday."),
        ]
    ]
    data = train.examples(rows, 1)
    assert ("Rebels shelled the town.", "ASSAULT") in data
    assert all("rained" not in s for s, _ in data)  # only the lede sentence
    docs = [nlp.make_doc(s) for s, _ in data]
    vecs = np.zeros((len(docs), 300), dtype=np.float32)
    fit = [train.fit([words(d) for d in docs], vecs, [lab for _, lab in data]) for _ in range(2)]
    assert np.array_equal(fit[0].w_terms, fit[1].w_terms)
    path = tmp_path / "m.npz"
    fit[0].save(str(path))
    with np.load(path, allow_pickle=False) as z:
        back: EventClassifier = from_arrays({k: z[k] for k in z.files})
    probe = nlp.make_doc("Troops shelled the village.")
    assert max(back.proba(probe).items(), key=lambda kv: kv[1])[0] == "ASSAULT"
    assert back.vocab == fit[0].vocab


def test_the_classifier_overrides_a_tier_only_by_its_margin() -> None:
    from peacewatch.extract.events.classifier import OVERRIDE_MARGIN, combine

    proba = {"ASSAULT": 0.6, "PROTEST": 0.3, "AGREE": 0.1}
    # A linked trigger is never overridden, however sure the classifier is.
    assert "trigger" not in OVERRIDE_MARGIN
    assert combine("AGREE", "trigger", proba) == "AGREE"
    # The default tier takes the classifier's top root outright.
    assert combine("AGREE", "default", proba) == "ASSAULT"
    # A broad word is overridden only when the classifier is far surer (0.6 - 0.3 < 0.8).
    assert combine("PROTEST", "word", proba) == "PROTEST"
    assert combine("PROTEST", "word", {"ASSAULT": 0.95, "PROTEST": 0.05}) == "ASSAULT"


def test_pair_features_read_the_act_that_links_the_pair(nlp: Language) -> None:
    from peacewatch.extract.events.classifier import pair_features

    text, spans = marked_spans(
        "<s>Rebels</s> shelled a market, and later <t>the army</t> held talks."
    )
    feats = pair_features(nlp(text), spans)
    assert not any(f.endswith(":rebel") or f.endswith(":army") for f in feats)  # not the actors
    text, spans = marked_spans("<s>Russia</s> agreed to hold talks with <t>Ukraine</t> on Monday.")
    feats = pair_features(nlp(text), spans)
    assert "P:agree" in feats and "B:talk" in feats
    assert pair_features(nlp(text), {}) == []


def test_unmarked_training_sentences_get_their_first_two_actors(nlp: Language) -> None:
    from peacewatch.extract.events.classifier import pseudo_spans

    doc = nlp("Germany and France signed a trade deal in Berlin on Monday.")
    spans = pseudo_spans(doc)
    assert spans is not None
    assert [doc.text[a:b] for a, b in spans.values()] == ["Germany", "France"]


def test_a_pair_feature_model_keeps_its_weight_through_save(nlp: Language, tmp_path: Path) -> None:
    train = train_script()
    data = [
        ("Rebels shelled the town of Aleppo.", "ASSAULT"),
        ("Gunmen shelled a base near Homs.", "ASSAULT"),
        ("Germany met France for talks in Oslo.", "CONSULT"),
        ("Kenya met Uganda for talks in Nairobi.", "CONSULT"),
    ]
    shell = EventClassifier((), {}, np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), 1.0, 2)
    docs = [nlp(s) for s, _ in data]
    feats = [shell.features(d, None) for d in docs]
    assert any(f.startswith("P:") for f in feats[2])  # the pair features are counted in
    model = train.fit(feats, np.zeros((4, 300)), [lab for _, lab in data], pair_weight=2)
    path = tmp_path / "m.npz"
    model.save(str(path))
    with np.load(path, allow_pickle=False) as z:
        back = from_arrays({k: z[k] for k in z.files})
    assert back.pair_weight == 2
    text, spans = marked_spans("<s>Chad</s> met <t>Niger</t> for talks.")
    assert max(back.proba(nlp(text), spans).items(), key=lambda kv: kv[1])[0] == "CONSULT"
