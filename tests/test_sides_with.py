"""Parties named by what one side does "with" the other (sides._with, issue 14)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.records import Document
from textdoc import analyze_text


def run(text: str, nlp: Language) -> Document:
    return analyze_text(nlp, text, published="2021-06-27")


def test_normalizing_relations_with_names_both_sides(nlp: Language) -> None:
    doc = run(
        "The Secretary spoke with the Prime Minister today. They discussed regional stability "
        "and Sudan's commitment to normalizing relations with Israel.",
        nlp,
    )
    assert {"SD", "IL"} <= set(doc.negotiation.parties)


def test_a_dialogue_with_another_state(nlp: Language) -> None:
    doc = run("Kosovo's dialogue with Serbia resumed in Brussels on Monday.", nlp)
    assert {"XK", "RS"} <= set(doc.negotiation.parties)


def test_with_a_partner_outside_a_process_is_no_party(nlp: Language) -> None:
    doc = run("Sudan's cooperation with Egypt on trade grew last year.", nlp)
    assert "EG" not in doc.negotiation.parties
