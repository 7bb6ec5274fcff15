"""Parties and mediators of processes other than Russia-Ukraine (issue 14, sides.py)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import Negotiation, RawInput


def negotiation(nlp: Language, text: str) -> Negotiation:
    raw = RawInput(id="t", source="t.txt", data=text, content_type="text", published="2022-05-02")
    return analyze(raw, nlp=nlp).negotiation


def test_sides_of_a_negotiation_noun_are_parties(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary welcomed the resumption of negotiations between Armenia and Azerbaijan "
        "and urged both governments to show restraint.",
    )
    assert set(n.parties) == {"AM", "AZ"}


def test_demonym_sides_and_a_possessive_mediator(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The minister thanked Kenya for its support. He praised Egypt's mediation efforts in "
        "support of a ceasefire after clashes between Sudanese and Chadian forces.",
    )
    assert {"SD", "TD"} <= set(n.parties)
    assert "EG" in n.mediators


def test_armed_groups_are_parties_and_envoys_with_their_body_mediate(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "UN Special Envoy for Yemen Hans Grundberg met the Houthis in Muscat to discuss the "
        "truce and the reopening of roads.",
    )
    assert "Houthis" in n.parties
    assert "United Nations" in n.mediators
    assert "Houthis" not in n.mediators


def test_a_hyphenated_broker_is_a_mediator_not_a_party(nlp: Language) -> None:
    n = negotiation(
        nlp, "The UN-brokered truce between the Houthis and the Saudi-led coalition held."
    )
    assert "United Nations" in n.mediators
    assert "United Nations" not in n.parties


def test_no_process_words_no_armed_party(nlp: Language) -> None:
    n = negotiation(nlp, "The Taliban opened a new school in Kabul on Monday.")
    assert n.parties == ()


def test_a_one_sided_text_names_the_government_at_war_as_party(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The United States welcomes the declaration by the Government of Ethiopia of a "
        "humanitarian truce and urges all parties to build on it toward a negotiated ceasefire.",
    )
    assert n.parties == ("ET",)


def test_a_leader_named_by_title_is_not_a_lone_party(nlp: Language) -> None:
    # a readout of a meeting with a leader: the state is not named as a government
    n = negotiation(
        nlp,
        "The Secretary met Libyan interim Prime Minister Abdulhamid Dabaiba in Berlin to "
        "discuss the ceasefire agreement and the elections.",
    )
    assert "LY" not in n.parties


def test_a_side_the_round_rules_do_not_read_joins_the_table(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The envoy will support efforts to advance peace talks between the Ethiopian "
        "government and Tigrayan authorities.",
    )
    assert {"ET", "Tigray People's Liberation Front"} <= set(n.parties)
