"""County names and border states (issue 15, fourth session): our own sentences."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.geo.gazetteer import load
from peacewatch.geo.resolver import Query, ranked
from test_places import analyse, place


def test_a_bare_county_name_with_no_entry_is_its_county() -> None:
    g = load()
    top = ranked(g, Query("Henrico"))
    assert top and top[0][2].feature == "county" and top[0][2].admin1 == "US-VA"
    assert not ranked(g, Query("Qwertyville"))  # nothing invented


def test_a_state_among_county_names_is_a_county(nlp: Language) -> None:
    doc = analyse(nlp, "Flooding closed roads in Lancaster, Cass and Washington counties.")
    p = place(doc, "Washington")
    assert p.feature == "region" and p.admin1 != "US-DC" and p.name != "Washington"


def test_states_before_counties_stay_states(nlp: Language) -> None:
    doc = analyse(nlp, "Farmers in Iowa and Illinois counties reported hail on Sunday.")
    assert place(doc, "Iowa").name == "Iowa"


def test_a_name_before_border_is_the_state(nlp: Language) -> None:
    doc = analyse(nlp, "Traffic was backed up for miles near the New York border on Monday.")
    p = place(doc, "New York")
    assert p.feature == "region" and p.admin1 == "US-NY"


def test_a_surname_is_not_a_county(nlp: Language) -> None:
    doc = analyse(
        nlp,
        "Margaret Fairfield, 41, was charged on Monday. Fairfield told the judge she was innocent.",
    )
    assert not [p for p in doc.places if p.mention == "Fairfield"]
