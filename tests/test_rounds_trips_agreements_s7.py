"""Envoy trips dated through an arrival, a return or a start word, and agreements sought or
named through a proposal (round_talks.trips_in, agreements.py; issue 14, seventh session).
Fixture sentences are our own."""

from __future__ import annotations

from spacy.language import Language

from textdoc import STATE, analyze_text

PUBLISHED = "2022-08-03"


def _rounds(
    nlp: Language, text: str
) -> list[tuple[str | None, str | None, str | None, str | None]]:
    doc = analyze_text(nlp, text, publisher=STATE, published=PUBLISHED)
    return [(r.place, r.country, r.date, r.status) for r in doc.negotiation.rounds]


def _agreements(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = analyze_text(nlp, text, publisher=STATE, published=PUBLISHED)
    return [(a.kind, a.pax_stage) for a in doc.negotiation.agreements]


def test_an_arrival_is_a_round_on_its_day(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "Special Envoy Jane Smith will arrive in Nairobi on August 9 for meetings with "
        "government officials to advance the peace process in Somalia.",
    )
    assert ("Nairobi", "KE", "2022-08-09", "planned") in got


def test_a_return_dates_the_trip_by_its_month(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "Special Envoy Jane Smith returned from travel to Oman today, where she met officials "
        "of the government and the rebels to advance the peace process in Yemen.",
    )
    assert any(c == "OM" and d == "2022-08" and s == "held" for _, c, d, s in got), got


def test_a_trip_starting_on_a_day_carries_it_to_its_stops(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "Special Envoy Jane Smith will travel to Cairo, Egypt and Doha, Qatar beginning August "
        "7 to support the peace process in Sudan.",
        publisher=STATE,
        published=PUBLISHED,
    )
    trips = [r for r in doc.negotiation.rounds if r.stops]
    assert [(r.stops, r.date) for r in trips] == [(("Cairo", "Doha"), "2022-08-07")]


def test_a_ceasefire_the_talks_work_toward_is_sought(nlp: Language) -> None:
    got = _agreements(
        nlp, "The two leaders urged the parties to enter negotiations toward a ceasefire."
    )
    assert ("ceasefire", "Cea") in got


def test_a_call_for_a_ceasefire_is_no_agreement(nlp: Language) -> None:
    assert _agreements(nlp, "The Secretary called for a ceasefire in the region.") == []


def test_a_truce_proposal_and_ceasefire_commitments_are_ceasefires(nlp: Language) -> None:
    assert ("ceasefire", "Cea") in _agreements(
        nlp, "The Minister said the UN truce proposal could open the way to talks."
    )
    assert ("ceasefire", "Cea") in _agreements(
        nlp, "We urge both sides to uphold their ceasefire commitments."
    )


def test_plural_peace_agreements_are_comprehensive(nlp: Language) -> None:
    got = _agreements(
        nlp, "They discussed progress in implementing the country’s peace agreements."
    )
    assert ("peace agreement", "SubComp") in got
    assert _agreements(nlp, "The ministers reviewed the day’s agreements.") == []


def test_a_declaration_of_a_truce_reaches_over_the_declarer(nlp: Language) -> None:
    got = _agreements(
        nlp,
        "We support the announcement yesterday by the Government of Chad of an indefinite "
        "humanitarian truce.",
    )
    assert ("ceasefire", "Cea") in got


def test_a_placeless_clause_of_the_same_month_is_the_same_round(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "The Special Envoy met with the delegations in Nairobi last week to advance the peace "
        "process in Sudan.",
    )
    assert got == [("Nairobi", "KE", "2022-07", "held")]


def test_a_trip_in_the_past_tense_was_held(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "Special Envoy Jane Smith traveled to Addis Ababa last week, where she met with officials "
        "of the government and the African Union on the peace talks.",
    )
    assert ("Addis Ababa", "ET", "2022-07", "held") in got
    planned = _rounds(
        nlp,
        "Special Envoy Jane Smith will travel to Addis Ababa next week to meet officials of the "
        "government and the African Union on the peace talks.",
    )
    assert ("Addis Ababa", "ET", "2022-08", "planned") in planned


def test_the_country_of_the_one_city_round_is_that_round(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "Assistant Secretary Jane Smith will travel to Juba, South Sudan, from August 8-10. In "
        "South Sudan, Assistant Secretary Smith will meet with government officials and "
        "opposition leaders to support the peace process.",
    )
    assert got == [("Juba", "SS", "2022-08-08", "planned")]
