"""Precision of the core events (issue 16, third session): what the coder must not record as an
act, and the duplicates it must fold. Sentences written for these tests (no evaluation text)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.records import Event
from textdoc import STATE, analyze_text


def _events(text: str, nlp: Language, kind: str | None = None) -> list[Event]:
    doc = analyze_text(nlp, text, published="2022-03-30")
    return [e for e in doc.events if kind is None or e.type == kind]


def _countries(actors: tuple[object, ...]) -> set[str]:
    return {a.country for a in actors if getattr(a, "country", None)}  # type: ignore[attr-defined]


def test_releasing_a_statement_is_no_release(nlp: Language) -> None:
    text = "The text of the following statement was released by the Governments of Chile and Peru."
    assert not _events(text, nlp, "RETREAT")
    # Releasing people stays a RETREAT (CAMEO: release of persons or property).
    assert _events("Peru released twelve Chilean prisoners on Monday.", nlp, "RETREAT")


def test_a_practice_is_no_event(nlp: Language) -> None:
    assert not _events("Chile and Peru regularly discuss border security.", nlp, "CONSULT")
    assert _events("Chile and Peru discussed border security on Monday.", nlp, "CONSULT")


def test_a_request_needs_an_addressee_or_an_act(nlp: Language) -> None:
    assert not _events("More than anyone in the world, Chile seeks peace.", nlp, "REQUEST")
    assert _events("Chile demanded a ceasefire.", nlp, "REQUEST")
    assert _events("Chile urged Peru to withdraw its troops.", nlp, "REQUEST")


def test_what_a_meeting_is_for_is_no_second_act(nlp: Language) -> None:
    events = _events("Chile and Peru met in Lima to express support for the peace plan.", nlp)
    assert [e.type for e in events] == ["CONSULT"], events


def test_a_meeting_retold_in_a_readout_is_one_meeting(nlp: Language) -> None:
    text = (
        "Foreign Minister Andres Allamand of Chile met Foreign Minister Oscar Maurtua of Peru "
        "in Lima today.\n\nThe two ministers discussed the border.\n\n"
        "The issues of trade were also discussed."
    )
    assert len(_events(text, nlp, "CONSULT")) == 1


def test_an_agreement_after_a_meeting_is_with_the_other_side(nlp: Language) -> None:
    text = "Chile and Peru met in Lima today.\n\nChile agreed on the importance of trade."
    agree = _events(text, nlp, "AGREE")
    assert agree and _countries(agree[0].actors) == {"CL"}, agree
    assert _countries(agree[0].recipients) == {"PE"}, agree


def test_a_refusal_to_accept_is_a_rejection(nlp: Language) -> None:
    events = _events("Chile will not accept the proposed ceasefire.", nlp)
    assert [e.type for e in events] == ["REJECT"], events


def test_an_announced_attack_without_target_is_resolve_not_an_attack(nlp: Language) -> None:
    assert not _events("Chile will fight.", nlp, "ASSAULT")
    possible = _events("Chile may have attacked the convoy.", nlp, "ASSAULT")
    assert possible and possible[0].modality == "possible"


def test_a_content_of_a_demand_is_demanded_through_a_conjunction(nlp: Language) -> None:
    text = "Chile demanded an end to the blockade and the withdrawal of Peruvian troops."
    assert not _events(text, nlp, "RETREAT")


def test_a_call_for_something_is_an_appeal_not_a_phone_call(nlp: Language) -> None:
    text = "Peru ignored the calls for a ceasefire."
    assert not _events(text, nlp, "CONSULT")


def _release(text: str, nlp: Language) -> list[Event]:
    return list(analyze_text(nlp, text, published="2022-05-24", publisher=STATE).events)


def test_the_president_in_a_state_department_release_is_the_us_president(
    nlp: Language,
) -> None:
    text = (
        "Secretary Blinken spoke with Foreign Minister Kuleba of Ukraine today about President "
        "Putin's war.\n\nThe President has also imposed sanctions on Russia."
    )
    sanction = [e for e in _release(text, nlp) if e.type == "SANCTION"]
    assert sanction and _countries(sanction[0].actors) == {"US"}, sanction


def test_the_president_met_in_a_readout_stays_the_one_met(nlp: Language) -> None:
    text = (
        "Secretary Blinken met with President Zelensky in Kyiv today.\n\n"
        "The President condemned Russia for the shelling of Kharkiv."
    )
    accuse = [e for e in _release(text, nlp) if e.type == "ACCUSE"]
    assert accuse and _countries(accuse[0].actors) == {"UA"}, accuse


def test_a_present_relative_clause_describes_its_noun(nlp: Language) -> None:
    text = "The attempts to isolate Chile, which opposes the blockade, look strange."
    assert not _events(text, nlp, "REJECT")
    assert _events("Peru rejected the blockade, which Chile imposed in May.", nlp, "REJECT")


def test_a_second_subject_hung_on_an_apposition_is_an_actor(nlp: Language) -> None:
    text = (
        "The Minister of Foreign Affairs of Chile, Andres Allamand, and the Foreign Minister "
        "of Peru, Oscar Maurtua, held consultations in Lima today."
    )
    consult = _events(text, nlp, "CONSULT")
    assert consult and _countries(consult[0].actors) >= {"CL", "PE"}, consult
