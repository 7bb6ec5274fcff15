"""Rounds of a process's own talks named by a talks noun with a place, when no tracked table is
described (round_talks.py, issue 14). Fixture sentences are our own."""

from __future__ import annotations

from spacy.language import Language

from textdoc import STATE, analyze_text


def _rounds(nlp: Language, text: str) -> set[tuple[str | None, str | None, str | None]]:
    doc = analyze_text(nlp, text, publisher=STATE, published="2022-08-03")
    return {(r.place, r.country, r.date) for r in doc.negotiation.rounds}


def test_discussions_in_a_city_take_the_date_of_the_trip(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "On August 1, the Special Envoy led a delegation to continue discussions with the "
        "rebel leadership in Nairobi, Kenya, on the peace process.",
    )
    assert ("Nairobi", "KE", "2022-08-01") in got


def test_a_named_conference_is_a_round_at_its_city(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "The meetings followed the conclusion of the Nairobi Conference on Somalia on July 30. "
        "The United States supports the peace process in Somalia.",
    )
    assert ("Nairobi", "KE", "2022-07-30") in got


def test_two_days_at_one_place_are_two_rounds(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "On August 1, the Special Envoy led a delegation to continue discussions with the "
        "rebel leadership in Nairobi on the peace process. The discussions followed the "
        "conclusion of the Nairobi Conference on Somalia on July 30.",
    )
    assert {("Nairobi", "KE", "2022-08-01"), ("Nairobi", "KE", "2022-07-30")} <= got


def test_a_press_conference_is_not_a_round(nlp: Language) -> None:
    got = _rounds(
        nlp,
        "The Special Envoy spoke about the peace process at a press conference in Nairobi on "
        "August 1.",
    )
    assert not any(p == "Nairobi" for p, _, _ in got)


def test_an_itinerary_is_one_shuttle_round_over_its_range(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "Special Envoy Smith will travel to Riyadh, Muscat and Abu Dhabi from August 8 to 12 to "
        "advance the peace process in Yemen.",
        publisher=STATE,
        published="2022-08-03",
    )
    shuttles = [r for r in doc.negotiation.rounds if r.format == "shuttle"]
    assert [(r.stops, r.date, r.date_end, r.status) for r in shuttles] == [
        (("Riyadh", "Muscat", "Abu Dhabi"), "2022-08-08", "2022-08-12", "planned")
    ]
    assert not any(r.place in ("Riyadh", "Muscat", "Abu Dhabi") for r in doc.negotiation.rounds)


def test_a_visit_to_one_city_is_no_shuttle(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "Special Envoy Smith will visit Nairobi, Kenya, August 8-10 to advance the peace "
        "process in Somalia.",
        publisher=STATE,
        published="2022-08-03",
    )
    assert [(r.place, r.format, r.stops) for r in doc.negotiation.rounds] == [
        ("Nairobi", "in person", ())
    ]


def test_a_city_and_its_country_are_one_stop(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "Special Envoy Smith will travel to Addis Ababa, Ethiopia, August 8-9 to advance the "
        "peace process.",
        publisher=STATE,
        published="2022-08-03",
    )
    assert not any(r.format == "shuttle" for r in doc.negotiation.rounds)
    assert ("Addis Ababa", "2022-08-08") in {(r.place, r.date) for r in doc.negotiation.rounds}
