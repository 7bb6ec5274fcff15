"""A place inside a longer person's name is no place (issue 15). Fixture written for it."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import RawInput

TEXT = """\
The talks surprised Angola, according to Tete Antonio, Angola's Foreign Minister.

"Every effort is welcome," Téte António told reporters on Thursday in Luanda.
"""


def test_a_town_inside_a_persons_name_is_no_place(nlp: Language) -> None:
    doc = analyze(RawInput("t", "test", TEXT, "text", published="2025-03-20"), nlp=nlp)
    assert any(e.type == "PERSON" and "Tete Antonio" in e.name for e in doc.entities)
    mentions = {p.mention for p in doc.places}
    assert "Luanda" in mentions
    assert "Tete" not in mentions  # the gazetteer reads Tete, Mozambique
