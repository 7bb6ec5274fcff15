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


def test_a_relative_clause_places_and_dates_the_talks(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "The talks between the government and the rebels, which began in Doha on Monday, "
        "focused on a ceasefire.",
    )
    assert got == [("Doha", "QA", "2022-08-01", "held")]


def test_the_city_of_a_venue_places_the_talks(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "Secretary Blinken hosted the Foreign Ministers of Armenia and Azerbaijan at Blair House "
        "in Washington on May 1 for peace talks.",
    )
    assert got == [("Washington", "US", "2022-05-01", "held")]


def test_someones_visit_or_meetings_with_a_place_and_date(nlp: Language) -> None:
    visit = _rounds(
        nlp,
        "During his visit to Cairo on Sunday, the Secretary discussed the ceasefire in Gaza with "
        "President Sisi.",
    )
    assert visit == [("Cairo", "EG", "2022-07-31", "held")]
    meetings = _rounds(
        nlp,
        "The Special Envoy's meetings in Khartoum on June 3 focused on the civilian-led "
        "transition and the peace process.",
    )
    assert meetings == [("Khartoum", "SD", "2022-06-03", "held")]
    assert _rounds(nlp, "A visit to Cairo on Sunday is not planned.") == []


def test_a_named_peace_agreement_takes_its_pax_stage(nlp: Language) -> None:
    got = _agreements(
        nlp, "The leaders reaffirmed their commitment to the Belfast/Good Friday Agreement."
    )
    assert ("agreement", "SubComp") in got
    dayton = _agreements(
        nlp,
        "The officials undermined the General Framework Agreement for Peace in Bosnia and "
        "Herzegovina, the Dayton Peace Agreement.",
    )
    assert dayton and all(stage == "SubComp" for _, stage in dayton)


def test_a_city_before_the_talks_noun_places_them(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "The fourth round of the Geneva talks between the government and the opposition opened "
        "on Wednesday.",
    )
    assert got == [("Geneva", "CH", "2022-08-03", "held")]


def test_ceasefire_kinds_named_by_their_modifiers(nlp: Language) -> None:
    assert ("cessation of hostilities", "Cea") in _agreements(
        nlp,
        "The United States welcomes the cessation of hostilities agreement signed by the "
        "government and the rebels.",
    )
    assert ("ceasefire", "Cea") in _agreements(
        nlp, "The Minister welcomed the armistice agreement."
    )
    assert ("ceasefire", "Cea") in _agreements(
        nlp, "The parties reached a humanitarian pause in the fighting."
    )
    assert _agreements(nlp, "The Minister called for a pause in the talks.") == []


def test_agreements_named_by_a_place_are_agreements(nlp: Language) -> None:
    got = _agreements(nlp, "We call for the full implementation of the Minsk agreements.")
    assert [k for k, _ in got] == ["agreement"]


def test_a_host_meeting_at_a_venue_and_a_meeting_with_someone(nlp: Language) -> None:
    hosted = _rounds(
        nlp,
        "Secretary Blinken hosted Sudanese Prime Minister Hamdok at the Department of State "
        "today to discuss the peace process.",
    )
    assert hosted == [("Department of State", None, "2022-08-03", "held")]
    meeting = _rounds(
        nlp,
        "In a meeting in Abu Dhabi today with Emirati officials, the Special Envoy discussed the "
        "peace talks in Yemen.",
    )
    assert meeting == [("Abu Dhabi", "AE", "2022-08-03", "held")]
