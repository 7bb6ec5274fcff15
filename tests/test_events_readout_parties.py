"""Who takes part in the core events of a readout (issue 16, fourth session): states named in
several words, the participants of a meeting told after them, the one call of a long readout,
topics discussed, and the first clause of a comparative correlative. On sentences written for
these tests (no evaluation text)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.records import Event
from textdoc import NEWSROOM, STATE, analyze_text


def _of(events: tuple[Event, ...], kind: str) -> list[tuple[set[str], set[str], tuple[str, ...]]]:
    return [
        (
            {a.country for a in e.actors if a.country},
            {a.country for a in e.recipients if a.country},
            e.unresolved,
        )
        for e in events
        if e.type == kind
    ]


def test_every_state_of_a_list_of_representatives_meets(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "Representatives of the Arab League, France, Saudi Arabia, the United Kingdom, and the "
        "United States "
        "met in Geneva on March 3 to discuss Yemen.",
        publisher=STATE,
    )
    consult = _of(doc.events, "CONSULT")
    assert consult and {"FR", "SA", "GB", "US"} <= consult[0][0], doc.events


def test_the_meeting_participants_are_the_meeting_told_next(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "The meeting participants discussed the situation in the region. The meeting was "
        "attended by Prime Minister Mikhail Mishustin and Foreign Minister Sergei Lavrov.",
        publisher="President of Russia",
    )
    consult = _of(doc.events, "CONSULT")
    assert len(consult) == 1 and not consult[0][2], doc.events


def test_the_parties_of_a_long_readout_are_those_of_its_one_call(nlp: Language) -> None:
    filler = " ".join(
        f"The President of Russia described point {n} of the situation at some length."
        for n in range(30)
    )
    doc = analyze_text(
        nlp,
        "Vladimir Putin had a telephone conversation with President of the French Republic "
        f"Emmanuel Macron. {filler} The parties agreed to maintain further contacts.",
        publisher="President of Russia",
    )
    agree = _of(doc.events, "AGREE")
    assert agree and agree[0][0] | agree[0][1] == {"RU", "FR"} and not agree[0][2], doc.events


def test_a_discussed_evacuation_is_a_topic_not_an_act(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "The two ministers also discussed the evacuation of civilians from the city.",
        publisher=NEWSROOM,
    )
    assert not _of(doc.events, "AID"), doc.events


def test_the_sooner_clause_is_a_condition(nlp: Language) -> None:
    text = (
        "The sooner Israel and Lebanon agree to a settlement, the sooner the region can reap "
        "the benefits."
    )
    assert not _of(analyze_text(nlp, text, publisher=NEWSROOM).events, "AGREE")
    plain = analyze_text(nlp, "Israel and Lebanon agreed to a settlement.", publisher=NEWSROOM)
    assert _of(plain.events, "AGREE")


def test_talks_between_two_sides_name_both(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "The talks in Geneva between Armenian and Azerbaijani foreign ministers ended late.",
        publisher=NEWSROOM,
    )
    consult = _of(doc.events, "CONSULT")
    assert consult and consult[0][0] == {"AM", "AZ"}, doc.events


def test_a_possible_meeting_is_possible_and_told_twice_is_one(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "Putin and Zelensky could meet once the negotiators agree on a text. "
        '"Only after that a possible meeting between Putin and Zelensky is organized," '
        "Medinsky said.",
        publisher=NEWSROOM,
    )
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert len(meetings) == 1 and meetings[0].modality == "possible", meetings


def test_appreciating_a_partys_role_is_support(nlp: Language) -> None:
    doc = analyze_text(
        nlp, "We also appreciate the support of the Government of Egypt.", publisher=STATE
    )
    assert ({"US"}, {"EG"}, ()) in _of(doc.events, "SUPPORT"), doc.events
