"""Parties: false sides and the issuer as a side (issue 14, seventh session, H1). Rules
written from dev texts of batches 5-6; fixture sentences are our own. Each rule has a case
where it must not fire."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from peacewatch.extract.negotiation.lists import co_signers
from peacewatch.parse.syntax import sentences
from peacewatch.records import Evidence, Participant
from textdoc import STATE, analyze_text


def parties(nlp: Language, text: str, title: str | None = None) -> list[str]:
    doc = analyze_text(nlp, text, publisher=STATE, title=title)
    return list(doc.negotiation.parties)


def test_groups_named_as_a_concern_are_not_sides(nlp: Language) -> None:
    text = (
        "U.S. officials met Taliban representatives in Doha to continue talks. The Taliban "
        "renewed their pledge on security. U.S. officials expressed concern regarding the "
        "presence of al-Qaida, ISIS-K, and other terrorist organizations in Afghanistan."
    )
    got = parties(nlp, text)
    assert "Taliban" in got
    assert "al-Qaida" not in got and "Islamic State" not in got
    # named as a side of the talks, a group stays one
    side = "The Government of Mali and al-Qaida agreed to a ceasefire in talks in Algiers."
    assert "al-Qaida" in parties(nlp, side)


def test_the_two_sides_of_a_meeting_with_an_armed_group_include_the_issuer(
    nlp: Language,
) -> None:
    title = "U.S. Delegation Meeting with Taliban Representatives"
    text = (
        "A U.S. delegation met senior Taliban representatives in Doha to continue talks. "
        "The two sides discussed the humanitarian situation in Afghanistan. The United "
        "States welcomed the Taliban's commitment to the talks."
    )
    assert sorted(parties(nlp, text, title)) == ["Taliban", "US"]
    # without a joint act of "the two sides", the issuer is not seated
    one = text.replace("The two sides discussed", "The delegation raised")
    assert "US" not in parties(nlp, one, title)


def test_a_state_named_only_as_a_destination_is_no_side(nlp: Language) -> None:
    text = (
        "The Special Envoy for Yemen will travel to Riyadh, Saudi Arabia and Amman, Jordan "
        "to support the UN-mediated truce in Yemen. The Special Envoy will work to extend "
        "the truce agreement."
    )
    got = parties(nlp, text)
    assert "SA" not in got
    # a state named as a side of the war ("Saudi Arabia and Yemen") is not a destination
    war = text + " The war between Saudi Arabia and Yemen has lasted seven years."
    assert "SA" in parties(nlp, war)


def test_co_signers_of_a_statement_are_not_seated(nlp: Language) -> None:
    text = (
        "We, the Ministers of the United States, Italy, Canada, Egypt, France, Germany, "
        "Greece, Iraq and Japan, met today to discuss the crisis in Syria. Armenia and "
        "Azerbaijan met in Brussels."
    )
    doc = analyze_text(nlp, text, publisher=STATE)
    sents = list(sentences(doc))

    def seated(name: str) -> Participant:
        at = text.index(name)
        return Participant(name, None, "party", Evidence(name, at, at + len(name)))

    people = [seated("Italy"), seated("Armenia"), replace(seated("Japan"), role="mediator")]
    # a member of a list of nine is a co-signer; two named together and other roles stay
    assert [p.name for p in co_signers(people, sents)] == ["Armenia", "Japan"]


def test_an_agreement_among_political_forces_names_them(nlp: Language) -> None:
    text = (
        "The envoy will discuss the implementation of the March agreement among Moldovan "
        "political parties and the reform of the judiciary."
    )
    assert parties(nlp, text) == ["Moldovan political parties"]
    # states "among" which a deal was signed are not all its sides (one may be its broker)
    deal = "They discussed the grain deal among Russia, Turkey, and Ukraine."
    assert "TR" not in parties(nlp, deal)


def test_a_readout_with_a_state_whose_people_lead_the_process(nlp: Language) -> None:
    title = "Secretary Blinken’s Meeting with Cypriot Foreign Minister Doe"
    text = (
        "Secretary Blinken met today with Cypriot Foreign Minister Jane Doe. The Secretary "
        "expressed support for Cypriot-led, UN-facilitated efforts to reunify the island."
    )
    assert parties(nlp, text, title) == ["CY"]
    # a counterpart supporting another people's process is not a side of it
    qatar = text.replace("Cypriot-led", "Afghan-led").replace("reunify the island", "end war")
    assert (
        parties(nlp, qatar.replace("Cypriot", "Qatari"), title.replace("Cypriot", "Qatari")) == []
    )


def test_states_agreeing_a_joint_venture_are_not_sides(nlp: Language) -> None:
    venture = (
        "Representatives of Kazakhstan, Mongolia and Uzbekistan agreed to establish a new "
        "platform focused on regional trade."
    )
    assert parties(nlp, venture) == []
    truce = "Armenia and Azerbaijan agreed to a ceasefire along the border."
    assert sorted(parties(nlp, truce)) == ["AM", "AZ"]


def test_a_regime_named_by_its_ruler_is_a_side(nlp: Language) -> None:
    text = (
        "We condemn the military regime’s arrests. The Ruritanian military regime must engage "
        "in dialogue with the opposition and end the conflict."
    )
    assert parties(nlp, text) == ["Ruritanian military regime"]
    # a bare "the regime" names no one
    bare = (
        "We condemn the regime’s arrests. The regime must engage in dialogue to end the conflict."
    )
    assert parties(nlp, bare) == []
