"""News-style roles and names (issue 14): an apposition without its closing comma, a state
body's officer, a leader of an unlisted movement, initials in brackets, a name the model took
for a place. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import ActorRecord, RawInput

NEWS = """\
The meeting appeared to surprise Norland, according to Tete Oskarsen, Norland's Foreign Minister.

"Dialogue is the only way," Dr Halim Al Rasheed, Qatar Foreign ministry spokesperson said \
on Tuesday.

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


SIDES = """\
Military commanders of Norland's government and the Tigray People's Liberation Front (TPLF) \
met on Saturday.

"The implementation has started," Tigray spokesman Amanuel Desta wrote. Berhe Kidane, the top \
Tigrayan commander, signed the declaration. The International Committee of the Red Cross \
(ICRC) helped; ICRC regional director Lena Vogt said it would oversee the release.

The group's spokesman, Yonas Hailu, said the TPLF was committed to the truce.
"""


def test_officers_of_an_armed_side_and_of_a_civil_body(nlp: Language) -> None:
    raw = RawInput("t", "test", SIDES, "text", published="2022-11-12")
    actors = {a.name: a for a in analyze(raw, nlp=nlp).actors}
    tplf = next(a for a in actors.values() if a.kind == "armed_group")
    for name in ("Amanuel Desta", "Berhe Kidane", "Yonas Hailu"):
        assert actors[name].organisation == tplf.id, name
        assert actors[name].country == tplf.country, name
    icrc = next(a for a in actors.values() if "ICRC" in (a.name, *a.aliases))
    assert actors["Lena Vogt"].organisation == icrc.id


def test_a_portfolio_after_on_is_not_the_envoys_country(nlp: Language) -> None:
    text = (
        "Deputy Secretary Sherman met with Christine Schraner Burgener, the UN Special Envoy on "
        "Myanmar, in Washington. "
        "They discussed the U.S.-Jordan partnership and the crisis in Burma.\n"
    )
    doc = analyze(RawInput("t", "test", text, "text", published="2021-06-22"), nlp=nlp)
    envoy = next(a for a in doc.actors if a.name == "Christine Schraner Burgener")
    assert envoy.country != "MM"
    assert "U.S.-Jordan" not in {a.name for a in doc.actors}
