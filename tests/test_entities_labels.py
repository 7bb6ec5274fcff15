"""Transcript labels by title and surname ("PRESIDENT ABBAS:") name a person: the one the
text names, else the full name in the headline (issue 14). Fixtures written for these tests."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import Document, RawInput

TRANSCRIPT = """\
SECRETARY BLINKEN: Thank you. It is good to be back here with you.

PRESIDENT HALVORSEN: (Via interpreter) We welcome the Secretary and we ask for support.

QUESTION: Will the talks resume?

SENIOR STATE DEPARTMENT OFFICIAL: They will, next month.
"""


def _doc(nlp: Language, title: str) -> Document:
    raw = RawInput(
        "t",
        "test",
        TRANSCRIPT,
        "text",
        published="2022-03-27",
        title=title,
        publisher="U.S. Department of State",
    )
    return analyze(raw, nlp=nlp)


def test_title_label_takes_the_headline_full_name(nlp: Language) -> None:
    doc = _doc(
        nlp, "Secretary Antony J. Blinken And Nordland President Ivar Halvorsen After Their Meeting"
    )
    people = {e.name for e in doc.entities if e.type == "PERSON"}
    assert "Ivar Halvorsen" in people
    speakers = {q.speaker.name for q in doc.quotes if q.speaker is not None}
    assert "Ivar Halvorsen" in speakers


def test_labels_naming_nobody_stay_labels(nlp: Language) -> None:
    doc = _doc(nlp, "Remarks to the Press")
    people = {e.name for e in doc.entities if e.type == "PERSON"}
    assert not any("Halvorsen" in p for p in people)  # no headline name, no person made up
    assert not any(p.lower() in ("question", "official") for p in people)
