"""An active "it said" is the body named as the subject before it (issue 14: every speaker
resolved). Sentences written for this test."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import RawInput

TEXT = """\
Hamas said on Friday it accepted parts of the proposal.

It did not comment on the disarmament plan but said it "renews its commitment to the talks".

It is not clear when the talks will resume, the mediator said.
"""


def test_it_said_is_the_body_named_before(nlp: Language) -> None:
    doc = analyze(RawInput("t", "test", TEXT, "text", published="2025-03-20"), nlp=nlp)
    by_text = {q.text: q.speaker for q in doc.quotes}
    renews = next(s for t, s in by_text.items() if "renews" in t)
    assert renews is not None and renews.name == "Hamas"
    # an expletive "it" opening a sentence the mediator said is no speaker
    assert all(s is None or s.name != "Hamas" for t, s in by_text.items() if "not clear" in t)


def test_the_groups_bureau_speaks_for_the_one_armed_group(nlp: Language) -> None:
    text = (
        "Hamas said on Friday it accepted parts of the proposal.\n\n"
        "The group's political bureau said in a statement that the talks would resume next week.\n"
    )
    doc = analyze(RawInput("t", "test", text, "text", published="2025-03-20"), nlp=nlp)
    hamas = next(a.id for a in doc.actors if a.name == "Hamas")
    bureau = next(q.speaker for q in doc.quotes if "resume" in q.text)
    assert bureau is not None and bureau.actor == hamas
