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
        "truce and the reopening of roads in the UN-led process.",
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


def test_a_list_the_parser_breaks_is_read_as_a_list(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "We continue to endorse the political process facilitated by UNITAMS, the AU, and IGAD "
        "as the best vehicle to restore a civilian-led transition in Sudan.",
    )
    assert {"UNITAMS", "African Union", "Intergovernmental Authority on Development"} <= set(
        n.mediators
    )


def test_hyphened_brokers_and_under_the_leadership_of(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The ministers backed the EU-OSCE-facilitated dialogue and called for negotiations "
        "under the leadership of the African Union on the dam.",
    )
    assert {"European Union", "Organization for Security and Co-operation in Europe"} <= set(
        n.mediators
    )
    assert "African Union" in n.mediators


def test_who_facilitates_and_who_is_praised_for_efforts(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "We are grateful to the Government of Georgia for the role Georgia played in "
        "facilitating the release of detainees. We commend Prime Minister Roble's efforts to "
        "conclude the talks on the electoral process.",
    )
    assert "GE" in n.mediators
    assert any("Roble" in m for m in n.mediators)


def test_efforts_in_a_list_of_names_are_not_praise(nlp: Language) -> None:
    # the praise is for the process; the leaders it brought together are not mediators
    n = negotiation(
        nlp,
        "The Secretary expressed his appreciation for the Nairobi Process, which has brought "
        "together the leadership of Uganda, Burundi and Tanzania to advance the peace talks.",
    )
    assert not {"UG", "BI", "TZ"} & set(n.mediators)


def test_an_envoy_title_names_the_body_the_role_lost(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The United States welcomes the launch of UN consultations by UN Special Envoy for "
        "Yemen Hans Grundberg on a comprehensive peace process.",
    )
    # (the body also runs the process, third_parties.envoys: a title alone names the envoy)
    assert "United Nations" in n.mediators


def test_a_state_named_only_as_a_topic_is_not_a_side(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary met the Israeli Defense Minister in Jerusalem. They expressed support "
        "for the ceasefire and exchanged views on Iran. The Secretary stressed the need for "
        "Israelis and Palestinians to live in safety and security.",
    )
    assert "IR" not in n.parties
    assert {"IL", "PS"} <= set(n.parties)


def test_a_state_fighting_a_group_abroad_is_a_side_by_name(nlp: Language) -> None:
    # Israel and Hamas (placed in the Palestinian territories): Israel is a side without
    # "the Israeli government"; a war at home would need its government named
    n = negotiation(
        nlp,
        "We discussed how to keep the ceasefire. If Hamas breaks the calm and attacks Israel, "
        "the response will be strong, and Israel will work to prevent Hamas rearmament.",
    )
    assert {"IL", "Hamas"} <= set(n.parties)


def test_actors_that_agree_together_are_parties(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The United States welcomes the announcement that Israel and the Hashemite Kingdom of "
        "Jordan agreed to conclude trade agreements on water.",
    )
    assert {"IL", "JO"} <= set(n.parties)
    urged = negotiation(
        nlp, "We encourage Mali and ECOWAS to reach agreement on a monitoring mechanism."
    )
    assert {"ML", "Economic Community of West African States"} <= set(urged.parties)
    # one actor agreeing is no table
    alone = negotiation(nlp, "Kenya agreed to host the next round of the talks.")
    assert "KE" not in alone.parties


def test_from_and_against_name_sides_not_topics(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary spoke with the Armenian Prime Minister about the peace process and "
        "urged the return of all Armenian detainees from Azerbaijan to Armenia.",
    )
    assert {"AM", "AZ"} <= set(n.parties)


def test_a_co_chair_and_the_state_that_is_one_mediate(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "He said that France has been an OSCE Minsk Group Co-Chair since 1994 and stands ready "
        "to help Armenia and Azerbaijan find a lasting peace.",
    )
    assert {"FR", "Organization for Security and Co-operation in Europe"} <= set(n.mediators)
    assert "FR" not in n.parties


def test_a_country_s_parties_named_by_demonym_are_not_the_state(nlp: Language) -> None:
    # "the Yemeni parties" are the factions, not Yemen; the sides the text names take the table
    n = negotiation(
        nlp,
        "The envoy said the Houthis refuse to engage on a ceasefire and political talks, and "
        "that only a durable agreement between the Yemeni parties can end the war. He urged "
        "the Republic of Yemen Government to engage in the talks.",
    )
    assert "YE" not in n.parties
    assert "Houthis" in n.parties
    # two named sides of a demonym are still the states
    m = negotiation(nlp, "Talks between the Armenian and Azerbaijani sides resumed in Brussels.")
    assert {"AM", "AZ"} <= set(m.parties)


def test_praised_for_a_role_and_under_whose_auspices(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The United States commends the leadership of Qatar in bringing the parties together "
        "as well as the United Nations for the essential role it is playing in the peace "
        "talks. The envoy will consult with the African Union, under whose auspices the "
        "talks on the dam occur.",
    )
    assert {"United Nations", "African Union"} <= set(n.mediators)
    # praise for a role with no one praised names no mediator
    m = negotiation(nlp, "We are grateful for the role of dialogue in the peace talks.")
    assert m.mediators == ()


def test_who_helped_bring_it_about_mediates(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "They welcomed the ceasefire between Israel and Hamas and noted their gratitude for "
        "partners, including Egypt, that helped to bring it about.",
    )
    assert "EG" in n.mediators
    # an object brought about is no broker
    m = negotiation(nlp, "The ceasefire between Israel and Hamas brought about calm in Gaza.")
    assert "EG" not in m.mediators and not {"IL", "Hamas"} & set(m.mediators)


def test_a_side_is_not_the_host_of_an_envoy_s_meeting_with_it(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "In Kabul, the delegation will meet with the Government of Afghanistan to hear its "
        "views on the peace process.",
    )
    assert "AF" in n.parties
    assert "AF" not in n.hosts and "AF" not in n.mediators


def test_a_negotiated_two_state_solution_is_a_process(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary discussed the importance of Israelis and Palestinians working to "
        "maintain calm, and U.S. support for a negotiated two-state solution.",
    )
    assert {"IL", "PS"} <= set(n.parties)


def test_an_engagement_noted_in_a_text_about_a_process_mediates(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary noted President Erdogan's engagement in support of a diplomatic "
        "resolution of the conflict between Russia and Ukraine.",
    )
    assert any("Erdogan" in m for m in n.mediators)
