"""A titled person with no country in a government's own release speaks for that government."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.extract.negotiation.context import PartyResolver
from peacewatch.records import Document
from textdoc import analyze_text

# Written for this test: invented people and statements.
TEXT = """\
Deputy Prime Minister Jane Roe said the talks would continue next week.

Polish Foreign Minister John Doe said his country would host them.
"""


def _doc(nlp: Language, publisher: str) -> Document:
    return analyze_text(nlp, TEXT, published="2022-03-01", publisher=publisher)


def test_titled_person_without_country_belongs_to_the_publishing_government(
    nlp: Language,
) -> None:
    resolver = PartyResolver(_doc(nlp, "Office of the President of Ukraine"))
    assert resolver.person_country.get("roe") == "UA"
    assert resolver.person_country.get("doe") == "PL"  # the text's own country wins


def test_not_in_a_newsroom_text(nlp: Language) -> None:
    resolver = PartyResolver(_doc(nlp, "Example News"))
    assert resolver.person_country.get("roe") is None
