"""Holders a position's clause names in ways the parse or the lexicon missed (issue 14, H1,
second session): a subject spaCy hangs on a coordinated auxiliary, the owner of a decision,
a title alone as the speaker, "all of us", "they" of a call's readout; and phrases that name
no one ("countries around the world"), whose stance is nobody's. Fixture sentences are
written for these tests (not copied from the corpora)."""

from __future__ import annotations

from spacy.language import Language

from test_position_holders import UKRAINE, held, positions

KREMLIN = "President of Russia / Presidential Executive Office (kremlin.ru)"


def test_a_subject_on_coordinated_auxiliaries_holds_the_stance(nlp: Language) -> None:
    ps = positions(
        nlp,
        "Georgia cannot or will not recognise the sovereignty of the two republics.",
        publisher=KREMLIN,
    )
    assert held(ps, "recognition_normalisation", "rejects") == {"GE"}


def test_the_owner_of_a_decision_does_its_act(nlp: Language) -> None:
    text = "They are unhappy about our decision to recognise the sovereignty of the republics."
    assert held(positions(nlp, text, publisher=KREMLIN), "recognition_normalisation") == {"RU"}


def test_a_title_alone_as_speaker_is_the_issuing_government(nlp: Language) -> None:
    text = '"The occupiers must withdraw their troops," said the Deputy Prime Minister.'
    assert held(positions(nlp, text, publisher=UKRAINE), "de-escalation", "demands") == {"UA"}


def test_all_of_us_is_we(nlp: Language) -> None:
    text = '"All of us need to work to ensure that sanctions are painful," said the Adviser.'
    assert held(positions(nlp, text, publisher=UKRAINE), "sanctions", "seeks") == {"UA"}


def test_they_who_discuss_after_a_call_are_its_two_sides(nlp: Language) -> None:
    text = (
        "Secretary Blinken spoke with Armenian Prime Minister Nikol Pashinyan today. "
        "They discussed the ceasefire."
    )
    assert held(positions(nlp, text), "ceasefire", "discussed") == {"US", "AM"}


def test_a_group_named_by_kind_holds_no_position(nlp: Language) -> None:
    for text in (
        "Many countries around the world support the sanctions against Russia.",
        "Who supported the sanctions against Russia.",
    ):
        assert held(positions(nlp, text, publisher=UKRAINE), "sanctions") == set(), text
    # A group pointed back to is someone's: left for the resolver, not dropped.
    text = "These countries support the sanctions against Russia."
    assert held(positions(nlp, text, publisher=UKRAINE), "sanctions") == {None}


def test_the_two_leaders_are_the_states_of_the_people_named(nlp: Language) -> None:
    # The readout's own leader has no title here; the pair is the two states named by people.
    text = (
        "Vladimir Putin had a telephone conversation with President of the Republic of Turkey "
        "Recep Tayyip Erdogan. The presidents discussed the situation in Donbass."
    )
    assert held(positions(nlp, text, publisher=KREMLIN), "donbas", "discussed") == {"RU", "TR"}
