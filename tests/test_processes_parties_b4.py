"""Parties and mediators of held-out-like releases (issue 14, batch 4 of processes_sample):
rules written from batch-4 dev texts. Fixture sentences are our own; each rule has a case
where it must not fire."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.eval.processes import key
from textdoc import STATE, analyze_text


def parties(nlp: Language, text: str, title: str | None = None) -> list[str]:
    doc = analyze_text(nlp, text, publisher=STATE, title=title)
    return list(doc.negotiation.parties)


def test_south_sudanese_is_south_sudan_not_sudan(nlp: Language) -> None:
    text = (
        "The United States regrets that South Sudanese leaders have not implemented the peace "
        "agreement. South Sudan’s leaders must unify the army under the peace process."
    )
    got = parties(nlp, text)
    assert "SD" not in got
    assert "SS" in got
    # a lone "Sudanese" still names Sudan
    doc = analyze_text(nlp, "Sudanese leaders met the envoy about the peace process.")
    assert all(a.country != "SS" for a in doc.actors)


def test_state_names_and_collective_rulers_key_to_the_state() -> None:
    assert key("Hashemite Kingdom of Jordan") == "JO"
    assert key("Kingdom of Morocco") == "MA"
    assert key("South Sudan’s leaders") == "SS"
    assert key("Libya’s leaders") == "LY"
    # one leader's title is a person, not the state
    assert key("Libya’s Prime Minister") != "LY"


def test_a_readout_with_an_official_of_a_state_at_war_names_its_side(nlp: Language) -> None:
    text = (
        "Secretary Blinken spoke today with Libyan Foreign Minister Jane Doe. They discussed "
        "the ceasefire agreement and the withdrawal of foreign forces."
    )
    title = "Secretary Blinken’s Call with Libyan Foreign Minister Doe"
    assert parties(nlp, text, title) == ["LY"]
    # a state not at war at home (a mediator such as Qatar) is not made a side
    qatar = title.replace("Libyan", "Qatari")
    assert parties(nlp, text.replace("Libyan", "Qatari"), qatar) == []
    # nor is the counterpart when the text names no instrument of a process
    general = "Secretary Blinken spoke today with Libyan Foreign Minister Jane Doe about peace."
    assert parties(nlp, general, title) == []
