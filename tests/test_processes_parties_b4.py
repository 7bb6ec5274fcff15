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


def mediators(nlp: Language, text: str) -> set[str]:
    neg = analyze_text(nlp, text, publisher=STATE).negotiation
    return {*neg.mediators, *neg.hosts, *neg.guarantors}


def test_the_role_a_state_has_played_in_a_settlement(nlp: Language) -> None:
    text = (
        "The Secretary thanked Minister Jane Doe for the key role Norway has played in "
        "support of efforts to reach a negotiated settlement in Colombia."
    )
    assert "NO" in mediators(nlp, text)
    # a role someone played is not praise when nobody is thanked for it
    plain = "The key role Norway has played in the region was discussed at the peace talks."
    assert "NO" not in mediators(nlp, plain)


def test_praised_for_convening_the_conference(nlp: Language) -> None:
    text = "We applauded the European Union for convening the conference on the peace process."
    assert "European Union" in mediators(nlp, text)
    other = "We applauded the European Union for its aid to refugees in the peace process."
    assert "European Union" not in mediators(nlp, other)


def test_an_envoys_body_only_when_it_runs_the_process(nlp: Language) -> None:
    title_only = "We welcomed the briefing of UN Special Envoy John Roe on the peace process."
    got = mediators(nlp, title_only)
    assert "John Roe" in got and "United Nations" not in got
    runs = title_only + " We support the UN political process."
    assert "United Nations" in mediators(nlp, runs)


def test_a_group_named_only_as_a_target_is_no_side(nlp: Language) -> None:
    fought = "We reaffirmed the peace process and the lasting defeat of ISIS in Syria."
    assert "Islamic State" not in parties(nlp, fought)
    talks = "ISIS and the Syrian government agreed to a ceasefire in the peace talks."
    assert "Islamic State" in parties(nlp, talks)


def test_a_long_list_of_states_is_a_contact_group_not_sides(nlp: Language) -> None:
    group = (
        "Representatives of Egypt, France, Germany, Iraq, Jordan, Norway, Turkey and the "
        "United Kingdom met to discuss the peace process on Syria."
    )
    assert "TR" not in parties(nlp, group)


def test_talks_between_a_regime_and_an_opposition_platform(nlp: Language) -> None:
    named = "We support the talks between the Maduro regime and the Unitary Platform."
    assert parties(nlp, named) == ["Maduro regime", "Unitary Platform"]
    # one side by description: the named side only, and no war mentioned in passing
    described = (
        "They discussed the negotiations between the regime and the Unitary Platform. They "
        "also discussed Russia's invasion of Ukraine."
    )
    assert parties(nlp, described) == ["Unitary Platform"]
    # a lone description is no side
    assert parties(nlp, "We support the talks between the regime and the people.") == []


def test_a_military_council_governs(nlp: Language) -> None:
    text = (
        "The Assistant Secretary will meet the President of the Transitional Military Council "
        "to highlight the importance of an inclusive national dialogue in Chad."
    )
    assert "Transitional Military Council (Chad)" in parties(nlp, text)
