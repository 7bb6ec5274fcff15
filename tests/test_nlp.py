"""The loader and ``peacewatch_ruler``: places, countries and actors labelled before ``ner``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peacewatch.lexicons import load_json, ruler_patterns
from peacewatch.parse.nlp import NAME


def _ents(nlp: Any, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_ruler_sits_before_ner(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(NAME) < names.index("ner")


def test_ukrainian_places_are_gpe(nlp: Any) -> None:
    ents = _ents(nlp, "Shelling hit Kryvyi Rih, Mykolaiv and Kherson, and Irpin was cut off.")
    for place in ("Kryvyi Rih", "Mykolaiv", "Kherson", "Irpin"):
        assert ents.get(place) == "GPE", ents


def test_exonyms_and_countries(nlp: Any) -> None:
    ents = _ents(nlp, "Talks moved from Kiev to Istanbul, and Türkiye offered to host them.")
    assert ents.get("Kiev") == "GPE"
    assert ents.get("Türkiye") == "GPE"


def test_place_inside_a_person_name_is_left_alone(nlp: Any) -> None:
    # Pushkin is also a town near St Petersburg; after a first name it is a person.
    ents = _ents(nlp, "Students recited Alexander Pushkin at the ceremony.")
    assert "Pushkin" not in ents or ents["Pushkin"] != "GPE"


def test_ambiguous_place_needs_a_place_context(nlp: Any) -> None:
    # "Van" is a Turkish city and an English word.
    assert _ents(nlp, "The quake struck in Van overnight.").get("Van") == "GPE"
    assert "GPE" not in _ents(nlp, "Van Morrison sang.").values()


def test_known_actor_gets_its_canonical_id(nlp: Any) -> None:
    doc = nlp("Zelenskyy spoke with Erdogan.")
    ids = {e.text: e.ent_id_ for e in doc.ents}
    assert ids["Zelenskyy"] == "Volodymyr Zelensky"
    assert ids["Erdogan"] == "Recep Tayyip Erdogan"


def test_places_file_is_what_the_builder_makes() -> None:
    from peacewatch.lexicons.build_places import build

    committed = load_json("places.json")
    assert json.loads(json.dumps(build())) == committed


def test_ruler_tokenizes_few_phrases(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ruler's start-up cost is the phrases sent through the tokenizer (~0.1 ms each;
    speed itself is measured in benchmarks/, not asserted here): plain names are split by
    hand, so only a small share of the ~10,000 phrases may reach ``make_doc``."""
    from peacewatch.parse.nlp import build_ruler_index

    calls: list[str] = []
    make_doc = nlp.make_doc

    def counting(text: str) -> Any:
        calls.append(text)
        return make_doc(text)

    monkeypatch.setattr(nlp, "make_doc", counting)
    index, _ = build_ruler_index(nlp)  # built, not read from the cache
    phrases = len(ruler_patterns())
    assert index and len(calls) < phrases / 10, (len(calls), phrases)


def test_ruler_index_cached_is_the_built_one(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from peacewatch.parse import nlp as loader

    monkeypatch.setenv("PEACEWATCH_CACHE", str(tmp_path))
    built = loader.ruler_index(nlp)  # nothing cached yet: built and written
    files = list(tmp_path.glob("ruler-*.pickle"))
    assert len(files) == 1
    monkeypatch.setattr(loader, "build_ruler_index", lambda nlp: pytest.fail("rebuilt"))
    assert loader.ruler_index(nlp) == built
    ruler = loader.PeacewatchRuler(nlp)
    assert (ruler.index, ruler.known_words) == built
    # A damaged cache is rebuilt, not trusted.
    files[0].write_bytes(b"not a pickle")
    monkeypatch.undo()
    monkeypatch.setenv("PEACEWATCH_CACHE", str(tmp_path))
    assert loader.ruler_index(nlp) == built


def test_feature_named_after_a_place_is_left_to_ner(nlp: Any) -> None:
    ents = _ents(nlp, "Ships crossed the Kerch Strait on their way to Kerch.")
    assert ents.get("Kerch") == "GPE"
    # the ruler does not cut "Kerch" out of the strait's name
    assert any("Kerch Strait" in text for text in ents), ents


def test_cached_lemmas_are_spacys(nlp: Any) -> None:
    # The lemma table answers repeats; every lemma must still be the stock lemmatizer's own,
    # for words seen before (second sentence) and lemmas the attribute ruler set ("I", "'s").
    from peacewatch.parse.lemmas import NAME as LEMMAS

    assert LEMMAS in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    text = (
        "I said the negotiators were meeting again; the talks' drafts are better. "
        "Talks resumed: drafts were signed, and he's saying they'd met the mediators."
    )
    ours = [t.lemma_ for t in nlp(text)]
    with nlp.select_pipes(disable=[LEMMAS]):
        stock = nlp.get_pipe("lemmatizer")(nlp(text))  # nothing after it reads lemmas
    assert ours == [t.lemma_ for t in stock]
    assert ours[:4] == ["I", "say", "the", "negotiator"]
