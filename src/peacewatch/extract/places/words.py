"""The word lists of place recognition, from lexicons/place_words.json, loaded once.

The ``_why`` of each list is in the JSON file; this module only types them as frozensets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TypedDict

from spacy.tokens import Doc

from peacewatch.lexicons import load_json


class _WordsJson(TypedDict):
    words: list[str]


class _CompassJson(TypedDict):
    prefixes: list[str]
    directions: list[str]


class _PlaceWordsJson(TypedDict):
    """lexicons/place_words.json."""

    region_words: _WordsJson
    city_words: _WordsJson
    geo_words: _WordsJson
    compass: _CompassJson
    stance_nouns: _WordsJson


@dataclass(frozen=True, slots=True)
class PlaceWords:
    region: frozenset[str]  # "the Kherson region", "Kherson Oblast": a region
    city: frozenset[str]  # "city of X", "the Kyiv suburb of X": a town
    geo: frozenset[str]  # every word for a kind of place, region and city words included
    compass: frozenset[str]  # "west", "north east", "west coast": no place alone
    stance_nouns: frozenset[str]  # "Russia's position": its owner stands for a government


@cache
def place_words() -> PlaceWords:
    data: _PlaceWordsJson = load_json("place_words.json")
    region = frozenset(data["region_words"]["words"])
    city = frozenset(data["city_words"]["words"])
    compass = data["compass"]
    return PlaceWords(
        region=region,
        city=city,
        geo=region | city | frozenset(data["geo_words"]["words"]),
        compass=frozenset(f"{a}{b}" for a in compass["prefixes"] for b in compass["directions"]),
        stance_nouns=frozenset(data["stance_nouns"]["words"]),
    )


def is_word(text: str, sd: Doc) -> bool:
    """One word whose own and lower-case forms both have a vector in the pipeline's vocabulary:
    also an English word or first name ("Congress", "Paul", "Ceasefire"); the test of
    ``lexicons.build_places._is_english_word``, on the vectors the parse already loaded."""
    vocab = sd.vocab
    return (
        " " not in text
        and vocab.vectors.size > 0
        and all(vocab.has_vector(k) for k in (text, text.lower()))
    )
