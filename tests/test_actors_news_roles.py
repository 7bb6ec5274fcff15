"""News-style roles and names (issue 14): an apposition without its closing comma, a state
body's officer, a leader of an unlisted movement, initials in brackets, a name the model took
for a place. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import ActorRecord, RawInput

NEWS = """\
The meeting appeared to surprise Norland, according to Tete Oskarsen, Norland's Foreign Minister.

"Dialogue is the only way," Dr Halim Al Rasheed, Qatar Foreign ministry spokesperson said on Tuesday.

"We are not concerned," declared Jonas Mbeki, the leader of the Mouvement Fleuve Uni (MFU), \
the rebel coalition. The MFU later said it would attend.
"""


def _actors(nlp: Language) -> dict[str, ActorRecord]:
    raw = RawInput("t", "test", NEWS.replace("Norland", "Angola"), "text", published="2025-03-20")
    return {a.name: a for a in analyze(raw, nlp=nlp).actors}


def test_officer_of_a_state_body_serves_that_state(nlp: Language) -> None:
    actors = _actors(nlp)
    rasheed = actors["Halim Al Rasheed"]
    assert rasheed.office == "Qatar Foreign ministry spokesperson"
    assert (rasheed.country, rasheed.organisation) == ("QA", "state:QA")


def test_name_with_a_role_in_apposition_is_a_person(nlp: Language) -> None:
    person = _actors(nlp)["Tete Oskarsen"]
    assert (person.kind, person.country) == ("person", "AO")


def test_initials_in_brackets_and_the_leader_of_a_movement(nlp: Language) -> None:
    actors = _actors(nlp)
    assert "MFU" not in actors
    movement = actors["Mouvement Fleuve Uni"]
    assert "MFU" in movement.aliases
    assert actors["Jonas Mbeki"].organisation == movement.id
