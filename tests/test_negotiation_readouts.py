"""Rounds from readouts of meetings and trips (issue 14, readouts.py). Fixture sentences are
our own."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import Negotiation, RawInput


def negotiation(
    nlp: Language, text: str, title: str | None = None, publisher: str | None = None
) -> Negotiation:
    raw = RawInput(
        id="t", source="t.txt", data=text, content_type="text", published="2022-05-02",
        title=title, publisher=publisher,
    )  # fmt: skip
    return analyze(raw, nlp=nlp).negotiation


def test_a_meeting_today_in_a_city_is_a_held_round(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary met today in Cairo with the Foreign Minister to discuss the ceasefire "
        "between Israel and Hamas.",
    )
    r = next(r for r in n.rounds if r.place == "Cairo")
    assert (r.country, r.date, r.status) == ("EG", "2022-05-02", "held")


def test_a_trip_to_two_countries_is_one_planned_shuttle_round(nlp: Language) -> None:
    # One trip, one round with its stops (round_merge._shuttles, DECISIONS.md fourth session)
    n = negotiation(
        nlp,
        "The Special Envoy will travel to Saudi Arabia and Oman on May 25 to support the "
        "peace process.",
    )
    got = {(r.stops, r.date, r.status, r.format) for r in n.rounds}
    assert got == {(("Saudi Arabia", "Oman"), "2022-05-25", "planned", "shuttle")}


def test_a_place_of_another_verb_is_not_the_venue(nlp: Language) -> None:
    n = negotiation(
        nlp, "The Secretary met today with the envoy to discuss the truce and the war in Yemen."
    )
    assert not any(r.country == "YE" for r in n.rounds)


def test_a_later_meeting_of_the_trip_takes_its_place(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Special Envoy David Smith is in Ethiopia May 2-4 to support peace talks. "
        "Today, the Special Envoy met with the African Union High Representative.",
    )
    assert any(r.country == "ET" and r.date == "2022-05-02" for r in n.rounds)


def test_no_readout_rounds_from_a_partys_own_release(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "Vladimir Putin met today in Sochi with the President of Turkey. They discussed "
        "the Russian war in Ukraine and the prospects for peace.",
        publisher="President of Russia / Presidential Executive Office (kremlin.ru)",
    )
    assert not any(r.place == "Sochi" for r in n.rounds)


def test_a_transcript_before_a_meeting_is_held_at_its_dateline(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "Remarks Before Their Meeting\n\nJohn Doe, Secretary of State\n\nWashington, D.C.\n\n"
        "SECRETARY: Welcome. We will talk about the peace process today.",
        title="Secretary and Foreign Minister Before Their Meeting",
    )
    assert any(r.place == "Washington" and r.date == "2022-05-02" for r in n.rounds)


def test_the_venue_hung_on_the_last_side_is_the_rounds(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The United States welcomes the talks held July 17-18 between senior leaders of the "
        "Islamic Republic of Afghanistan and the Taliban in Doha.",
    )
    assert any(r.place == "Doha" and r.date == "2022-07-17" for r in n.rounds)


def test_statements_to_the_press_meet_at_the_dateline(nlp: Language) -> None:
    from peacewatch.pipeline import analyze
    from peacewatch.records import RawInput

    raw = RawInput(
        id="t",
        source="t.txt",
        title="Secretary Smith and Foreign Minister Jones Statements to the Press",
        data=(
            "Office of the Spokesperson\n\nAmman, Jordan\n\n"
            "FOREIGN MINISTER JONES: Welcome. We discussed how to hold the ceasefire and keep "
            "Hamas from rearming to attack Israel."
        ),
        content_type="text",
        published="2021-05-26",
        publisher="U.S. Department of State",
    )
    rounds = analyze(raw, nlp=nlp).negotiation.rounds
    assert any(r.place == "Amman" and r.date == "2021-05-26" for r in rounds)
