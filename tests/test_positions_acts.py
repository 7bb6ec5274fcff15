"""Holders read from an act noun's "by" agent, a stance noun's content clause, a passive
speech verb and "the invaders"; forecasts that are nobody's stance (issue 14, H1, fourth
session). Fixture sentences are written for these tests (not copied from the corpora)."""

from __future__ import annotations

from spacy.language import Language

from test_position_holders import UKRAINE, held, positions
from test_position_holders_unnamed import KREMLIN


def test_the_agent_of_a_declaration_holds_the_issue(nlp: Language) -> None:
    text = "The United States supports the announcement yesterday by Sudan of a ceasefire."
    ps = positions(nlp, text)
    assert "SD" in held(ps, "ceasefire", "offers")
    assert "US" in held(ps, "ceasefire")  # the welcome stays the voice's


def test_the_agent_of_a_release_holds_it(nlp: Language) -> None:
    ps = positions(nlp, "We welcome the release by Kenya of 20 detainees.")
    assert "KE" in held(ps, "prisoners", "committed")


def test_a_forecast_is_nobody_s_stance(nlp: Language) -> None:
    ps = positions(nlp, "Sanctions revenue is expected to fall next year.", publisher=KREMLIN)
    assert not [p for p in ps if p.stance == "seeks"]


def test_who_was_asked_is_not_who_asks(nlp: Language) -> None:
    text = "The Chancellor of Germany was asked to be more active on a ceasefire."
    assert held(positions(nlp, text, publisher=KREMLIN), "ceasefire") == {"RU"}


def test_the_subject_of_a_promise_s_content_promised(nlp: Language) -> None:
    text = "I heard the promise that Austria will keep its sanctions against Russia."
    assert held(positions(nlp, text, publisher=UKRAINE), "sanctions", "committed") == {"AT"}


def test_an_infinitive_question_is_nobody_s_stance(nlp: Language) -> None:
    text = "The page tells you how to donate and whom to address humanitarian aid."
    assert None not in held(positions(nlp, text, publisher=UKRAINE), "humanitarian")


def test_the_purpose_of_a_duty_is_the_speaker_s(nlp: Language) -> None:
    text = "Regional authorities must set up offices to ensure the delivery of humanitarian aid."
    assert held(positions(nlp, text, publisher=KREMLIN), "humanitarian", "seeks") == {"RU"}


def test_a_passive_duty_with_no_doer_is_the_voice_s(nlp: Language) -> None:
    text = "All the necessary work needs to be done to prepare Europe for an oil embargo."
    assert held(positions(nlp, text, publisher=UKRAINE), "sanctions", "seeks") == {"UA"}


def test_the_sides_of_a_deal_accept_its_terms(nlp: Language) -> None:
    text = "We welcome the agreement between Kenya and Ethiopia on a ceasefire."
    assert {"KE", "ET"} <= held(positions(nlp, text), "ceasefire", "accepts")


def test_what_the_issue_itself_does_is_no_stance(nlp: Language) -> None:
    text = "They may hold these referendums, which will not yield any results."
    assert None not in held(positions(nlp, text, publisher=UKRAINE), "referendum")


def test_a_demonstrative_in_the_passive_is_the_speaker_s_topic(nlp: Language) -> None:
    text = "I believe this should be considered a war crime."
    assert held(positions(nlp, text, publisher=UKRAINE), "accountability") == {"UA"}
