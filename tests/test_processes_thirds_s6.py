"""Third parties in news style (issue 14, sixth session): "-led" and fused "-mediated" names,
active brokering verbs, "as observers" / "as guarantor countries", monitoring bodies. Fixture
sentences are our own; each rule has a case where it must not fire."""

from __future__ import annotations

from spacy.language import Language

from textdoc import STATE, analyze_text


def thirds(nlp: Language, text: str) -> dict[str, set[str]]:
    neg = analyze_text(nlp, text, publisher=STATE).negotiation
    return {
        "mediator": set(neg.mediators),
        "host": set(neg.hosts),
        "guarantor": set(neg.guarantors),
        "observer": set(neg.observers),
    }


def test_a_body_led_process_names_the_body_not_a_country_led_one(nlp: Language) -> None:
    got = thirds(nlp, "Armenia and Azerbaijan resumed the African Union-led talks in June.")
    assert "African Union" in got["mediator"]
    # a demonym before "-led" is the sides' ownership of their process
    own = thirds(nlp, "We support the Libyan-led political process and the ceasefire talks.")
    assert "LY" not in own["mediator"]
    # "led" on what is not a process (a coalition) names no third party
    war = thirds(nlp, "The African Union-led force fought the rebels during the peace talks.")
    assert "African Union" not in war["mediator"]


def test_fused_and_active_brokering(nlp: Language) -> None:
    got = thirds(nlp, "The U.S.-mediated negotiations between Israel and Lebanon ended today.")
    assert "US" in got["mediator"]
    active = thirds(nlp, "Qatar also mediated between Hamas and Israel in the ceasefire talks.")
    assert "QA" in active["mediator"]
    # a passive subject is brokered, not a broker
    passive = thirds(nlp, "The truce between Hamas and Israel was mediated in Cairo.")
    assert not passive["mediator"] - {"EG"}


def test_roles_in_an_as_phrase(nlp: Language) -> None:
    text = (
        "Russia and Ukraine held peace talks in Istanbul. Egypt and Qatar attended as "
        "observers. Turkey and France, acting as guarantor countries, signed the memorandum."
    )
    got = thirds(nlp, text)
    assert {"EG", "QA"} <= got["observer"]
    assert {"TR", "FR"} <= got["guarantor"]
    # "as a host country" for troops is no host of talks
    troops = thirds(nlp, "As a host country for NATO forces, Poland plays a role in the talks.")
    assert "PL" not in troops["host"] | troops["mediator"]


def test_monitoring_bodies_are_observers(nlp: Language) -> None:
    text = (
        "South Sudan's leaders have not implemented the peace agreement. The United States ends "
        "its support for the Joint Monitoring and Evaluation Commission."
    )
    assert any("Monitoring" in o for o in thirds(nlp, text)["observer"])
    # a monitoring body in a text that is not about a process is not an observer
    other = "The Joint Monitoring and Evaluation Commission published its budget."
    assert not thirds(nlp, other)["observer"]


def test_leadership_praised_without_a_process_is_no_role(nlp: Language) -> None:
    tenure = (
        "The United States welcomes the ceasefire talks. We commend the leadership of "
        "Ghanaian President Nana Akufo-Addo over the past year."
    )
    assert "GH" not in thirds(nlp, tenure)["mediator"]
    role = (
        "The United States welcomes the ceasefire talks. We commend Ghana for its "
        "leadership in mediating between the parties."
    )
    assert "GH" in thirds(nlp, role)["mediator"]


def test_a_states_own_governing_body_is_no_third_party(nlp: Language) -> None:
    text = (
        "The United States supports the UN-facilitated political process in Libya. We commend "
        "the efforts of the Government of National Unity to ensure elections are held."
    )
    got = thirds(nlp, text)
    assert "Government of National Unity (Libya)" not in got["mediator"]
    assert "United Nations" in got["mediator"]


def test_sides_urged_to_engage_in_dialogue_named_by_description(nlp: Language) -> None:
    text = (
        "We call for both the Cameroonian government and separatist armed groups to end the "
        "violence and engage in a dialogue without preconditions."
    )
    got = analyze_text(nlp, text, publisher=STATE).negotiation.parties
    assert "CM" in got
    assert "separatist armed groups" in got
    # urged to do what is no joint act of the sides: no parties from it
    other = "We call for both the Cameroonian government and separatist armed groups to rest."
    assert "separatist armed groups" not in analyze_text(nlp, other).negotiation.parties
    # an armed group in a text about "peace" but no talks, truce or agreement is no side
    peace = "The President called for total peace. FARC dissidents attacked a police station."
    assert "FARC dissidents" not in analyze_text(nlp, peace).negotiation.parties
    talks = "The President called for total peace talks. FARC dissidents attacked a station."
    assert "FARC dissidents" in analyze_text(nlp, talks).negotiation.parties


def test_an_envoy_named_in_an_as_phrase_and_aggression_as_a_war_word(nlp: Language) -> None:
    text = (
        "Ambassador Mike Hammer will succeed him as U.S. Special Envoy for the Horn of Africa, "
        "in support of an inclusive political process towards peace in Ethiopia."
    )
    assert "Mike Hammer" in thirds(nlp, text)["mediator"]
    # "as" a role that is no third party's names none
    other = "Ambassador Mike Hammer will serve as ambassador in Ethiopia during the peace talks."
    assert "Mike Hammer" not in thirds(nlp, other)["mediator"]
    war = (
        "The Secretary spoke with Russian Foreign Minister Lavrov about concerns that Russia "
        "may be launching further military aggression against Ukraine."
    )
    assert set(analyze_text(nlp, war, publisher=STATE).negotiation.parties) == {"RU", "UA"}


def test_the_third_of_a_trilateral_meeting_of_the_sides(nlp: Language) -> None:
    text = (
        "Secretary Blinken spoke with Ukrainian Foreign Minister Dmytro Kuleba about Russia’s "
        "war against Ukraine and the foreign minister’s trilateral meeting with Russian Foreign "
        "Minister Sergei Lavrov and Turkish Foreign Minister Mevlut Cavusoglu."
    )
    assert "Mevlut Cavusoglu" in thirds(nlp, text)["mediator"]
    # a bilateral meeting names no third party
    two = text.replace("trilateral", "bilateral").replace(
        " and Turkish Foreign Minister Mevlut Cavusoglu", ""
    )
    assert not thirds(nlp, two)["mediator"]


def test_one_demonym_on_another_is_a_community(nlp: Language) -> None:
    text = (
        "Turkish Cypriot leader Ersin Tatar and Greek Cypriot leader Nicos Anastasiades agreed "
        "to resume negotiations."
    )
    got = set(analyze_text(nlp, text, publisher=STATE).negotiation.parties)
    assert got == {"Turkish Cypriots", "Greek Cypriots"}
    # two demonyms on talks are the two states
    states = "Russian and Ukrainian negotiators agreed to meet in Istanbul."
    assert set(analyze_text(nlp, states, publisher=STATE).negotiation.parties) == {"RU", "UA"}


def test_an_envoy_for_a_theme_is_no_mediator(nlp: Language) -> None:
    theme = (
        "Special Presidential Envoy for Hostage Affairs Roger Carstens met the families after "
        "the negotiations on the prisoner exchange."
    )
    assert "Roger Carstens" not in thirds(nlp, theme)["mediator"]
    region = (
        "Special Envoy for the Horn of Africa David Satterfield met the parties to discuss a "
        "negotiated ceasefire."
    )
    assert "David Satterfield" in thirds(nlp, region)["mediator"]


def test_observers_named_by_the_observer_noun(nlp: Language) -> None:
    text = "Observers from the African Union and Norway attended the ceasefire talks in Doha."
    got = thirds(nlp, text)["observer"]
    assert {"African Union", "NO"} <= got
    # election observers are no observers of a process
    vote = "Observers from the African Union watched the elections after the peace agreement."
    assert "African Union" not in thirds(nlp, vote)["observer"]


def test_a_collective_urged_to_cooperate_stands_for_the_members_it_lists(nlp: Language) -> None:
    text = (
        "We encourage all Libyan stakeholders, including the House of Representatives and the "
        "High State Council, to cooperate fully with these efforts toward elections."
    )
    got = set(analyze_text(nlp, text, publisher=STATE).negotiation.parties)
    assert {"House of Representatives", "High State Council"} <= got
    # the collective alone names no side
    alone = "We encourage all Libyan stakeholders to cooperate fully with these efforts."
    assert not analyze_text(nlp, alone, publisher=STATE).negotiation.parties
