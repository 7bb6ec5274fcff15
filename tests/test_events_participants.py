"""The participants of a meeting for the plurals that follow it (issue 16), on sentences
written for these tests (no evaluation text)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import RawInput


def _events(text: str, nlp: Language) -> list[tuple[str, set[str], set[str], tuple[str, ...]]]:
    doc = analyze(RawInput(id="t", source="-", data=text, content_type="text"), nlp=nlp)
    return [
        (
            e.type,
            {a.country for a in e.actors if a.country},
            {a.country for a in e.recipients if a.country},
            e.unresolved,
        )
        for e in doc.events
    ]


def test_the_presidents_are_the_parties_of_the_call(nlp: Language) -> None:
    text = (
        "Olaf Scholz had a telephone conversation with President of Poland Andrzej Duda. "
        "The presidents agreed to continue German-Polish contacts."
    )
    events = _events(text, nlp)
    agree = [e for e in events if e[0] == "AGREE"]
    assert agree and agree[0][1] == {"DE"} and agree[0][2] == {"PL"}, events
    assert not agree[0][3]


def test_a_plural_without_a_meeting_stays_unresolved(nlp: Language) -> None:
    events = _events("The presidents agreed to continue contacts.", nlp)
    agree = [e for e in events if e[0] == "AGREE"]
    assert agree and not agree[0][1] and agree[0][3], events


def test_they_discussed_is_the_meeting_told_again(nlp: Language) -> None:
    text = (
        "Olaf Scholz met today in Warsaw with President of Poland Andrzej Duda. "
        "They discussed regional developments."
    )
    consult = [e for e in _events(text, nlp) if e[0] == "CONSULT"]
    assert len(consult) == 1 and consult[0][1] == {"DE"}, consult
