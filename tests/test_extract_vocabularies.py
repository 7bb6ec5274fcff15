"""The extract stages' word lists load from lexicons/ into immutable, typed objects."""

from __future__ import annotations

import datetime as dt

import pytest

from peacewatch.extract.dates.patterns import _PATTERNS, _RESOLVERS
from peacewatch.extract.dates.rules import date_words, month_number
from peacewatch.extract.events.lexicon import lexicon as event_lexicon
from peacewatch.extract.places.words import place_words
from peacewatch.extract.quotes.base import lexicon as quote_lexicon
from peacewatch.extract.quotes.speakers import _same_surname


def test_event_lexicon_mappings_are_read_only() -> None:
    lex = event_lexicon()
    with pytest.raises(TypeError):
        lex.verbs["attack"] = lex.verbs["attack"]  # type: ignore[index]
    with pytest.raises(TypeError):
        lex.words.magnitude["kill"] = "injured"  # type: ignore[index]
    assert isinstance(lex.words.reporting, frozenset)


def test_event_words_come_from_the_lexicon_file() -> None:
    words = event_lexicon().words
    assert "say" in words.reporting
    assert words.number_words["twelve"] == 12
    assert words.magnitude["flee"] == "displaced"
    # The pair coder's type sets name PLOVER types the trigger lexicon knows.
    known = set(event_lexicon().types) | {"YIELD"}
    for types in (words.refusable_types, words.hostile_intent_types, words.material_types):
        assert types <= known


def test_event_type_codes_keep_cameo_and_acled() -> None:
    lex = event_lexicon()
    assert lex.cameo("CONSULT", None) == "04"
    assert lex.acled("CONSULT", None) is None
    assert lex.acled("PROTEST", None) == "Protests"
    assert lex.cameo("NO-SUCH-TYPE", None) is None


def test_quote_outlets_are_read_only() -> None:
    outlets = quote_lexicon().outlets
    assert outlets["TASS"] == "TASS"
    with pytest.raises(TypeError):
        outlets["X"] = "Y"  # type: ignore[index]


def test_weekdays_and_months_follow_the_calendar_whatever_the_locale() -> None:
    words = date_words()
    monday = dt.date(2024, 1, 1)  # a Monday
    assert words.weekdays[monday.weekday()] == "Monday"
    assert words.weekdays[(monday + dt.timedelta(days=6)).weekday()] == "Sunday"
    assert [month_number(m) for m in words.months] == list(range(1, 13))
    assert month_number("Sept.") == 9


def test_every_date_pattern_has_a_resolver() -> None:
    assert {name for name, _, _ in _PATTERNS} == set(_RESOLVERS)


def test_place_words_combine_compass_prefixes_and_kinds_of_place() -> None:
    words = place_words()
    assert {"west", "north east", "central west coast"} <= words.compass
    assert "east" in words.compass and "far east" not in words.compass
    assert words.region | words.city <= words.geo
    assert "oblast" in words.region and "suburb" in words.city


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Jane Doe", "Doe", True),
        ("Dmitry Peskov", "dmitry peskov", True),
        # An NER span with a colon glued to the name is not a fuller form of the name.
        ("Vladimir Putin:", "Vladimir Putin", False),
        ("John Smith", "Jane Smyth", False),
    ],
)
def test_quote_speakers_share_a_surname_as_written(a: str, b: str, same: bool) -> None:
    assert _same_surname(a, b) is same
