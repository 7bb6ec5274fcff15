"""Descriptions of an armed group ("the rebels", "the group") and a surname the actor base knows
as an organisation ("... Kayikwamba Wagner"), written for these tests."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.extract.actors.mentions import classify
from textdoc import analyze_text

DRC = (
    "Congolese Foreign Minister Therese Kayikwamba Wagner met her Rwandan counterpart on "
    "Friday.\n\n"
    "The government and the M23 held talks in Doha. The rebels said they would withdraw from "
    "two towns."
)


def test_descriptions_of_armed_groups_are_references() -> None:
    assert classify("the rebels").reference == "armed"
    assert classify("the militant group").reference == "armed"
    assert classify("the group").reference == "armed"
    assert classify("the Iran-aligned movement").reference == "armed"
    assert classify("the M23 rebels").reference == "name"  # named: the actor base's
    assert classify("rebels").reference == "name"  # no article: some rebels, not the text's


def test_a_surname_known_as_an_organisation_stays_in_the_person_name(nlp: Language) -> None:
    doc = analyze_text(nlp, DRC)
    people = {e.name for e in doc.entities if e.type == "PERSON"}
    assert "Therese Kayikwamba Wagner" in people
    assert not any("wagner" in a.id and a.kind != "person" for a in doc.actors)


def test_the_rebels_are_the_armed_group_the_text_names(nlp: Language) -> None:
    doc = analyze_text(nlp, DRC)
    speakers = {q.speaker.actor for q in doc.quotes if q.speaker is not None}
    assert "ucdp:m23" in speakers


def test_the_group_after_a_state_is_not_resolved(nlp: Language) -> None:
    text = "Qatar hosted the meeting on Friday. The group said the talks would go on."
    doc = analyze_text(nlp, text)
    assert all(
        a.actor is None or not a.actor.startswith(("ucdp:", "nsag:"))
        for e in doc.events
        for a in e.actors
    )


def test_a_town_tagged_as_a_person_is_a_place_not_an_actor(nlp: Language) -> None:
    text = (
        "Armenian and Azerbaijani border commissions met in Jermuk and Lachin last year, "
        "officials said on Monday."
    )
    doc = analyze_text(nlp, text)
    names = {a.name for a in doc.actors}
    assert not names & {"Jermuk", "Lachin"}
    assert {p.mention for p in doc.places if p.name} >= {"Jermuk"}


def test_a_capital_that_speaks_is_its_state(nlp: Language) -> None:
    text = "Baku insists that Armenia must first change its constitution, the ministry said."
    doc = analyze_text(nlp, text)
    speakers = {q.speaker.actor for q in doc.quotes if q.speaker is not None}
    assert "state:AZ" in speakers or any(
        a.actor == "state:AZ" for e in doc.events for a in e.actors
    )


def test_both_sides_in_a_war_with_an_armed_group(nlp: Language) -> None:
    text = (
        "Delegations of the Sudanese Armed Forces and the Rapid Support Forces met in Jeddah, "
        "hosted by Saudi Arabia. The Rapid Support Forces said they wanted a truce.\n\n"
        "Both sides accused each other of violating the earlier declaration."
    )
    doc = analyze_text(nlp, text)
    accusers = {a.actor for e in doc.events if e.type == "ACCUSE" for a in e.actors}
    assert "state:SA" not in accusers
    assert "nsag:rsf" in accusers
