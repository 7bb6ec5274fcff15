"""Stances read from the nouns and verbs of State Department readouts and statements, and
holders read from conjoined subjects, bare titles and "they" after a meeting (issue 14, H4,
sixth session). Fixture sentences are written for these tests (not copied from the corpora)."""

from __future__ import annotations

from spacy.language import Language

from test_position_holders import held, positions


def test_the_need_for_an_issue_is_a_demand(nlp: Language) -> None:
    text = "The Secretary stressed the need for a ceasefire in the north."
    assert held(positions(nlp, text), "ceasefire", "demands") == {"US"}


def test_the_importance_of_implementing_an_issue_is_a_demand(nlp: Language) -> None:
    # "implementation of" frames the issue: it does not put the cue out of reach.
    text = "Secretary Blinken underscored the importance of full implementation of the truce."
    assert held(positions(nlp, text), "ceasefire", "demands") == {"US"}


def test_support_as_a_noun_is_acceptance(nlp: Language) -> None:
    text = "The United States reaffirmed its support for the humanitarian truce in Kenya."
    assert "US" in held(positions(nlp, text), "ceasefire", "accepts")


def test_commend_and_pleased_are_acceptance(nlp: Language) -> None:
    ps = positions(nlp, "The Secretary commended the ceasefire agreed in Nairobi.")
    assert held(ps, "ceasefire", "accepts") == {"US"}
    ps = positions(nlp, "We are pleased by the prisoner exchange between Kenya and Somalia.")
    assert "US" in held(ps, "prisoners", "accepts")


def test_called_for_the_sides_to_do_x_is_a_demand(nlp: Language) -> None:
    text = "The Secretary called for the sides to end the fighting at once."
    assert held(positions(nlp, text), "ceasefire", "demands") == {"US"}


def test_calling_someone_a_name_is_no_demand(nlp: Language) -> None:
    text = "The minister called the ceasefire a failure."
    assert "demands" not in {p.stance for p in positions(nlp, text)}


def test_each_conjoined_subject_holds_the_stance(nlp: Language) -> None:
    text = (
        "Secretary Blinken met Kenyan Foreign Minister Raychelle Omamo in Nairobi. "
        "Secretary Blinken and Foreign Minister Omamo emphasized the need for a ceasefire."
    )
    assert {"US", "KE"} <= held(positions(nlp, text), "ceasefire", "demands")


def test_an_act_noun_over_a_compound_issue_names_its_agent(nlp: Language) -> None:
    text = "We acknowledge the announcement by Chad's government of a 24-month transition plan."
    assert "TD" in held(positions(nlp, text), "political_process", "offers")


def test_an_issue_with_no_cue_keeps_no_holder(nlp: Language) -> None:
    # The words added to the lexicon are cues only where they govern the issue.
    ps = positions(nlp, "A ceasefire was reported in the north on Monday.")
    assert not {p.party for p in ps if p.stance in ("demands", "accepts")}


def test_a_welcome_above_a_reported_agreement_is_the_welcomer_s_too(nlp: Language) -> None:
    text = "The United States welcomes the announcement that Kenya and Ethiopia agreed to a truce."
    assert {"US", "KE", "ET"} <= held(positions(nlp, text), "ceasefire", "accepts")


def test_a_need_with_no_holder_found_is_no_position(nlp: Language) -> None:
    text = "Consultations are underway among lawyers on the need for a ceasefire."
    assert None not in held(positions(nlp, text), "ceasefire", "demands")
