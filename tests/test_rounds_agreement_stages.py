"""Agreements of any process and their PA-X stage (agreements.py, lexicons/round_words.json).
Fixture sentences are our own."""

from __future__ import annotations

from spacy.language import Language

from textdoc import STATE, analyze_text


def _kinds(nlp: Language, text: str) -> set[tuple[str, str | None]]:
    doc = analyze_text(nlp, text, publisher=STATE)
    return {(a.kind, a.pax_stage) for a in doc.negotiation.agreements}


def test_a_truce_in_place_is_a_ceasefire(nlp: Language) -> None:
    got = _kinds(nlp, "The United States welcomes the truce between the government and the rebels.")
    assert ("ceasefire", "Cea") in got


def test_a_call_for_a_ceasefire_is_no_agreement(nlp: Language) -> None:
    got = _kinds(nlp, "The Secretary called for a ceasefire and unhindered humanitarian access.")
    assert not any(kind == "ceasefire" for kind, _ in got)


def test_the_extension_of_a_truce_is_a_renewal(nlp: Language) -> None:
    got = _kinds(nlp, "We welcome the announcement of the extension of the truce in the region.")
    assert ("ceasefire renewal", "Ren") in got


def test_a_declared_cessation_of_hostilities(nlp: Language) -> None:
    got = _kinds(
        nlp, "Both sides took an important step by declaring a cessation of hostilities on Monday."
    )
    assert ("cessation of hostilities", "Cea") in got


def test_a_framework_and_an_idiom(nlp: Language) -> None:
    assert ("framework agreement", "SubPar") in _kinds(
        nlp, "The parties signed a framework agreement on a civilian-led transition."
    )
    idiom = _kinds(nlp, "They discussed security cooperation in the framework of the partnership.")
    assert not any(kind == "framework agreement" for kind, _ in idiom)


def test_a_comprehensive_settlement(nlp: Language) -> None:
    got = _kinds(nlp, "We urge the sides to reach a comprehensive settlement of the conflict.")
    assert ("comprehensive agreement", "SubComp") in got


def test_a_dated_agreement_is_tracked(nlp: Language) -> None:
    got = _kinds(nlp, "We call on the leaders to implement the April 19 agreement swiftly.")
    assert ("agreement", None) in got


def test_a_framework_in_general_is_no_agreement(nlp: Language) -> None:
    got = _kinds(nlp, "It is not like there is a framework; we are still negotiating every issue.")
    assert not any(kind == "framework agreement" for kind, _ in got)


def test_a_ceasefire_to_be_reached_is_no_agreement(nlp: Language) -> None:
    got = _kinds(nlp, "We urge both sides to reach a ceasefire without delay.")
    assert not any(kind == "ceasefire" for kind, _ in got)
